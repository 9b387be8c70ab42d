/**
 * 订单详情 (provider staff): accept, decline with a reason, mark done, then the follow-up. The resident's
 * phone arrives masked until the job is accepted (the function decides; the page only shows it).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { acceptJob, declineJob, finishJob, jobDetail } from '../../../../services/jobs/jobs.service';
import { messageOf } from '../../../../services/service-error';
import { askFollowUpReminder } from '../../../../services/subscribe/subscribe.service';
import { instanceState } from '../../../../utils/instance-state';
import { showError, showToast } from '../../../../utils/toast';
import { checkDeclineReason } from '../../../../view-models/decline.form';
import { toOrderDetail, type OrderDetailView } from '../../../../view-models/order.view-model';

const state = instanceState(() => ({ orderId: '', reason: '', shownBefore: false }));

Component({
  behaviors: [elderModeBehavior],
  data: {
    loading: true,
    error: '',
    busy: false,
    declining: false,
    job: null as OrderDetailView | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).orderId = query['orderId'] ?? '';
      void this.load();
    },
    onShow() {
      // Back from the follow-up form.
      if (state(this).shownBefore) void this.load();
      state(this).shownBefore = true;
    },
    async load() {
      try {
        const job = toOrderDetail(await jobDetail(state(this).orderId));
        this.setData({ loading: false, error: '', job });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    /** Run one step of the job, then show the job as it is now, in one setData. */
    async act(step: () => Promise<unknown>, done: string) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        await step();
        showToast(this, done);
        const job = toOrderDetail(await jobDetail(state(this).orderId));
        this.setData({ busy: false, declining: false, job });
      } catch (e) {
        this.setData({ busy: false });
        showError(this, e);
      }
    },
    onAccept() {
      return this.act(() => acceptJob(state(this).orderId), '已接单，请及时联系居民');
    },
    onDecline() {
      state(this).reason = '';
      this.setData({ declining: true });
    },
    onDeclineBack() {
      this.setData({ declining: false });
    },
    onReasonChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).reason = e.detail.value;
    },
    onDeclineConfirm() {
      const check = checkDeclineReason(state(this).reason);
      if (!check.ok) {
        showToast(this, check.message, 'warning');
        return Promise.resolve();
      }
      return this.act(
        () => declineJob(state(this).orderId, check.reason),
        '已拒单，平台将为居民推荐其他机构',
      );
    },
    async onFinish() {
      // Consent first, from the tap: the follow-up falls due from now.
      await askFollowUpReminder();
      return this.act(() => finishJob(state(this).orderId), '已完成服务，请按时回访');
    },
    onFollowUp() {
      wx.navigateTo({ url: `/packages/staff/pages/follow-up/follow-up?orderId=${state(this).orderId}` });
    },
    onCall() {
      const job = this.data.job;
      if (job !== null && job.canCall) wx.makePhoneCall({ phoneNumber: job.residentPhone });
    },
  },
});
