/**
 * 工作台 (provider staff): the provider's jobs, a page at a time (jobs → order.list), waiting ones first;
 * consent for new-order and follow-up reminders; for the provider's managers (the list says who is one),
 * the way to 邀请同事.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { orderListBehavior } from '../../../../behaviors/order-list.behavior';
import { listJobs } from '../../../../services/jobs/jobs.service';
import { askJobAlerts } from '../../../../services/subscribe/subscribe.service';
import { showToast } from '../../../../utils/toast';
import { STAFF_JOB_FILTERS, type OrderRowView } from '../../../../view-models/order.view-model';

Component({
  behaviors: [
    elderModeBehavior,
    orderListBehavior({
      field: 'jobs',
      load: listJobs,
      onFirstPage: (page, reply) =>
        page.setData({ inviteFor: reply.staff?.position === 'manager' ? reply.staff.providerId : '' }),
    }),
  ],
  data: {
    filters: STAFF_JOB_FILTERS,
    status: 'created',
    jobs: [] as OrderRowView[],
    /** The provider a manager may invite colleagues to; '' for members. */
    inviteFor: '',
  },
  methods: {
    async onAskAlerts() {
      const accepted = await askJobAlerts();
      showToast(
        this,
        accepted.length > 0 ? '已开启提醒' : '未开启提醒，可稍后再开启',
        accepted.length > 0 ? 'success' : 'warning',
      );
    },
    onInvite() {
      wx.navigateTo({
        url: `/packages/staff/pages/invite/invite?providerId=${encodeURIComponent(this.data.inviteFor)}`,
      });
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({
        url: `/packages/staff/pages/job-detail/job-detail?orderId=${e.currentTarget.dataset.id}`,
      });
    },
  },
});
