/**
 * 我的个人信息 (from 我的): everything the platform holds about the resident, as `profile.export` answers it
 * (labelled in Chinese, the phone in full: it is their own copy), plus what only this phone keeps (the
 * service address remembered for the next order, which they may clear here). 复制全部 puts the whole copy on
 * the clipboard, a privacy API: through the privacy guide first (`copyToClipboard`).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { copyToClipboard } from '../../../../components/privacy-popup/privacy-guard';
import { exportMyData } from '../../../../services/profile/profile.service';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { showNotice } from '../../../../utils/notice';
import { appendPatch } from '../../../../utils/paging';
import { ROUTES } from '../../../../utils/routes';
import { lastServiceAddress, rememberServiceAddress } from '../../../../utils/service-address.store';
import {
  firstRecords,
  myDataText,
  toMyDataView,
  type MyDataView,
} from '../../view-models/my-data.view-model';

/** Records shown per section at first, and per tap of 显示更多. */
const PAGE = 20;

/** Not rendered: the whole copy (the page shows a part of long sections). */
const state = instanceState(() => ({ view: null as MyDataView | null }));

const COPY_RESULTS = {
  copied: ['已复制，可以粘贴保存', 'success'],
  declined: ['需要您同意个人信息保护指引后才能复制', 'warning'],
  failed: ['复制失败，请稍后再试', 'error'],
} as const;

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.myData)],
  data: {
    loading: true,
    /** Why the copy could not be read; '' once it is on screen. */
    error: '',
    title: '',
    exportedAt: '',
    sections: [] as ReturnType<typeof firstRecords>[],
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      try {
        const view = toMyDataView(await exportMyData(), lastServiceAddress());
        state(this).view = view;
        this.setData({
          loading: false,
          error: '',
          title: view.title,
          exportedAt: view.exportedAt,
          sections: view.sections.map((s) => firstRecords(s, PAGE)),
        });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    onMore(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const full = state(this).view?.sections[index];
      const shown = this.data.sections[index];
      if (full === undefined || shown === undefined) return;
      const next = full.records.slice(shown.records.length, shown.records.length + PAGE);
      this.setData({
        ...appendPatch(`sections[${index}].records`, shown.records.length, next),
        [`sections[${index}].more`]: full.records.length - shown.records.length - next.length,
      });
    },
    async onCopy() {
      const view = state(this).view;
      if (view === null) return;
      const [message, kind] = COPY_RESULTS[await copyToClipboard(myDataText(view))];
      showNotice(this, message, kind);
    },
    onClearDeviceAddress() {
      rememberServiceAddress('');
      showNotice(this, '已清除本机保存的服务地址');
      void this.load();
    },
  },
});
