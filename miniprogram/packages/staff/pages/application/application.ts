/**
 * 我的入驻申请: the caller's applications (provider.application.mine), each with its status and what to do
 * next; opened with `?applicationId=` one application (provider.application.detail): status, the unit, the
 * items and prices, the notice period, objections and their answers (never who raised them), the timeline,
 * and only the buttons its `actions` allow: 修改后重新提交 (a returned one), 签署服务协定 (the notice over and
 * every objection answered), 撤回申请. Read again when shown again (back from amending or signing).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { confirmDialog } from '../../../../utils/confirm';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { applicationDetail, myApplications, withdrawApplication } from '../../services/providers.service';
import {
  toApplicationDetail,
  toApplicationRow,
  type ApplicationDetailView,
  type ApplicationRowView,
} from '../../view-models/application.view-model';

const state = instanceState(() => ({ applicationId: '', shownBefore: false }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.application)],
  data: {
    loading: true,
    error: '',
    /** One application is shown (opened with its id), else the list. */
    single: false,
    rows: [] as ApplicationRowView[],
    application: null as ApplicationDetailView | null,
    withdrawing: false,
  },
  methods: {
    onLoad(query: { applicationId?: string }) {
      state(this).applicationId = query.applicationId ?? '';
      this.setData({ single: state(this).applicationId !== '' });
      void this.load();
    },
    onShow() {
      const s = state(this);
      if (!s.shownBefore) {
        s.shownBefore = true;
        return;
      }
      if (!this.data.loading) void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      const id = state(this).applicationId;
      try {
        if (id === '') {
          const { items } = await myApplications();
          this.setData({
            loading: false,
            error: '',
            rows: items.map((i) => toApplicationRow(i, Date.now())),
          });
        } else {
          const detail = await applicationDetail(id);
          this.setData({ loading: false, error: '', application: toApplicationDetail(detail, Date.now()) });
        }
      } catch (e) {
        // Content already on screen stays; a page with nothing says why, with a retry.
        if (this.data.rows.length > 0 || this.data.application !== null) {
          this.setData({ loading: false });
          showFailure(this, e);
        } else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({ url: withQuery(ROUTES.application, { applicationId: e.currentTarget.dataset.id }) });
    },
    onApply() {
      wx.navigateTo({ url: ROUTES.apply });
    },
    onResubmit() {
      wx.navigateTo({ url: withQuery(ROUTES.apply, { applicationId: state(this).applicationId }) });
    },
    onSign() {
      wx.navigateTo({ url: withQuery(ROUTES.agreement, { applicationId: state(this).applicationId }) });
    },
    onNotices() {
      wx.navigateTo({ url: ROUTES.notices });
    },
    async onWithdraw() {
      if (this.data.withdrawing) return;
      const sure = await confirmDialog(
        '撤回入驻申请',
        '撤回后这份申请不再办理，需要时可以重新申请。',
        '撤回申请',
      );
      if (!sure) return;
      this.setData({ withdrawing: true });
      try {
        await withdrawApplication(state(this).applicationId, '');
        this.setData({ withdrawing: false });
        showNotice(this, '入驻申请已撤回');
        await this.load();
      } catch (e) {
        this.setData({ withdrawing: false });
        showFailure(this, e);
      }
    },
  },
});
