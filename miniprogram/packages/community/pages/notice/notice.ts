/**
 * 通知详情: one notice (announcement.detail, opened with `?announcementId=`): its kind, title, who published
 * it and when, until when it is up, the text by paragraph and its images; a tap on an image opens WeChat's
 * viewer (wx.previewImage) on that one, the others beside it. A notice no longer up (withdrawn, expired, or
 * not of the resident's community) says so with the function's message.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { announcementDetail } from '../../../../services/announcements';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { ROUTES } from '../../../../utils/routes';
import { toNoticeView, type NoticeView } from '../../../../view-models/announcement.view-model';

/** Not rendered: the notice asked for. */
const state = instanceState(() => ({ announcementId: '' }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.communityNotice)],
  data: {
    loading: true,
    error: '',
    /** The notice shown (`notice` is the page's message bar). */
    detail: null as NoticeView | null,
  },
  methods: {
    onLoad(query: { announcementId?: string }) {
      state(this).announcementId = query.announcementId ?? '';
      void this.load();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      try {
        const detail = toNoticeView(await announcementDetail(state(this).announcementId));
        this.setData({ loading: false, error: '', detail });
        wx.setNavigationBarTitle({ title: detail.kindLabel });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onPreview(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const images = this.data.detail?.images ?? [];
      const current = images[Number(e.currentTarget.dataset.index)];
      if (current === undefined) return;
      wx.previewImage({ current, urls: [...images] });
    },
  },
});
