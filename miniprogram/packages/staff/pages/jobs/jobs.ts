/**
 * 工作台 (provider staff): the provider's jobs, a page at a time to the end (jobs → order.list), waiting ones
 * first; back from a job the list is where it was, that row brought up to date. Consent for new-order and
 * follow-up reminders; for every staff member of the provider (the list says which, and who is a manager) the
 * way to its 服务报价 (read-only for members: the page follows the reply's `actions.canSave`) and 本机构星级;
 * for managers also 邀请同事 and 差评回访 (the manager contacts the resident).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { orderListBehavior } from '../../../../behaviors/order-list.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { jobDetail, listJobs } from '../../services/jobs.service';
import { askJobAlerts } from '../../../../services/subscribe/subscribe.service';
import { showNotice } from '../../../../utils/notice';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { STAFF_JOB_FILTERS, type OrderRowView } from '../../../../view-models/order.view-model';

Component({
  behaviors: [
    elderModeBehavior,
    orderListBehavior({
      field: 'jobs',
      load: listJobs,
      loadOne: jobDetail,
      onFirstPage: (page, reply) =>
        page.setData({
          providerId: reply.staff?.providerId ?? '',
          inviteFor: reply.staff?.position === 'manager' ? reply.staff.providerId : '',
        }),
    }),
    pageNoticeBehavior(ROUTES.jobs),
  ],
  data: {
    filters: STAFF_JOB_FILTERS,
    status: 'created',
    jobs: [] as OrderRowView[],
    /** The caller's provider ('' before the list said, or for someone who is not staff). */
    providerId: '',
    /** The provider a manager may invite colleagues to (and keep 差评回访 for); '' for members. */
    inviteFor: '',
  },
  methods: {
    async onAskAlerts() {
      const accepted = await askJobAlerts();
      if (accepted.length > 0) showNotice(this, '已开启提醒：有新订单或回访快到期时，微信会通知您');
      else showNotice(this, '未开启提醒，可以稍后再点“接收新订单和回访提醒”', 'warning');
    },
    onInvite() {
      wx.navigateTo({ url: withQuery(ROUTES.invite, { providerId: this.data.inviteFor }) });
    },
    /** 服务报价 / 本机构星级 (every staff member's) / 差评回访 (a manager's). */
    onManage(
      e: WechatMiniprogram.CustomEvent<object, object, { page: 'offerings' | 'tickets' | 'standing' }>,
    ) {
      const page = e.currentTarget.dataset.page;
      const url =
        page === 'offerings'
          ? withQuery(ROUTES.offerings, { providerId: this.data.providerId })
          : ROUTES[page];
      wx.navigateTo({ url });
    },
    onBind() {
      wx.navigateTo({ url: ROUTES.bind });
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const orderId = e.currentTarget.dataset.id;
      this.openRow(orderId);
      wx.navigateTo({ url: withQuery(ROUTES.jobDetail, { orderId }) });
    },
  },
});
