/**
 * 订单详情 (provider staff): accept, decline with a reason, mark done, then the follow-up. The resident's
 * phone arrives masked until the job is accepted (the function decides; the page only shows it). Shown
 * again after the follow-up form, with its thanks; every message stays on the page (utils/notice.ts).
 */
import { checkDeclineReason } from 'weimin-core';
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { orderDetailBehavior } from '../../../../behaviors/order-detail.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { acceptJob, declineJob, finishJob, jobDetail } from '../../services/jobs.service';
import { askFollowUpReminder } from '../../../../services/subscribe/subscribe.service';
import { instanceState } from '../../../../utils/instance-state';
import { showNotice } from '../../../../utils/notice';
import { ROUTES, withQuery } from '../../../../utils/routes';
import type { OrderDetailView } from '../../../../view-models/order.view-model';

/** Not rendered: the decline reason being typed. */
const form = instanceState(() => ({ reason: '' }));

Component({
  behaviors: [
    elderModeBehavior,
    orderDetailBehavior({ field: 'job', load: jobDetail, afterStep: { declining: false } }),
    pageNoticeBehavior(ROUTES.jobDetail),
  ],
  data: {
    declining: false,
    job: null as OrderDetailView | null,
  },
  methods: {
    onAccept() {
      return this.act((orderId) => acceptJob(orderId), '已接单，请及时联系居民');
    },
    onDecline() {
      form(this).reason = '';
      this.setData({ declining: true });
    },
    onDeclineBack() {
      this.setData({ declining: false });
    },
    onReasonChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      form(this).reason = e.detail.value;
    },
    onDeclineConfirm() {
      const check = checkDeclineReason(form(this).reason);
      if (!check.ok) {
        showNotice(this, check.message, 'warning');
        return Promise.resolve();
      }
      return this.act((orderId) => declineJob(orderId, check.value), '已拒单，平台将为居民推荐其他机构');
    },
    async onFinish() {
      // Consent first, from the tap: the follow-up falls due from now.
      await askFollowUpReminder();
      return this.act((orderId) => finishJob(orderId), '已完成服务，请按时回访');
    },
    onFollowUp() {
      wx.navigateTo({ url: withQuery(ROUTES.followUp, { orderId: this.orderId() }) });
    },
    onBackToJobs() {
      wx.navigateBack({ delta: 1 });
    },
    onCall() {
      const job = this.data.job;
      if (job !== null && job.canCall) wx.makePhoneCall({ phoneNumber: job.residentPhone });
    },
  },
});
