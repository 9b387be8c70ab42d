/**
 * 订单详情 (resident): status, price, the event timeline in Asia/Shanghai time; cancel before acceptance,
 * rate once done. Declined or expired: the provider offered next, with its price and stars, ordered from
 * with one tap (then the new order opens here). Shown again after rating: the rating and the new status,
 * and the rating page's thanks. Once the job is done: 投诉 and 我的投诉 (the concerns subpackage); after a 差评,
 * its follow-up ticket's state, and 再次评价 once the provider resolved it (the rating page in its rerate mode).
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { orderDetailBehavior } from '../../behaviors/order-detail.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
import { cancelOrder, createOrder, orderDetail } from '../../services/orders/orders.service';
import { askOrderUpdates } from '../../services/subscribe/subscribe.service';
import { confirmDialog } from '../../utils/confirm';
import { leaveNotice, showFailure } from '../../utils/notice';
import { ROUTES, withQuery } from '../../utils/routes';
import { nextOfferOrder, toNextOffer, type NextOfferView } from '../../view-models/next-offer.view-model';
import { toAfterCare, type OrderAfterCareView } from '../../view-models/order-feedback.view-model';
import type { OrderDetailView } from '../../view-models/order.view-model';

Component({
  behaviors: [
    elderModeBehavior,
    orderDetailBehavior({
      field: 'order',
      load: orderDetail,
      alsoShow: (reply) => ({ next: toNextOffer(reply), care: toAfterCare(reply) }),
    }),
    pageNoticeBehavior(ROUTES.orderDetail),
  ],
  data: {
    order: null as OrderDetailView | null,
    /** The provider offered next (declined or expired orders), null when there is none. */
    next: null as NextOfferView | null,
    /** 投诉, 再次评价 and the 差评 ticket's state (null before the order arrives). */
    care: null as OrderAfterCareView | null,
  },
  methods: {
    async onCancel() {
      if (this.data.busy) return;
      const sure = await confirmDialog('取消订单', '服务机构尚未接单，确定取消这个订单吗？', '取消订单');
      if (!sure) return;
      await this.act((orderId) => cancelOrder(orderId), '订单已取消');
    },
    onRate() {
      wx.navigateTo({ url: withQuery(ROUTES.rate, { orderId: this.orderId() }) });
    },
    onRerate() {
      wx.navigateTo({ url: withQuery(ROUTES.rate, { orderId: this.orderId(), mode: 'rerate' }) });
    },
    onComplain() {
      const order = this.data.order;
      wx.navigateTo({
        url: withQuery(ROUTES.complaint, {
          orderId: this.orderId(),
          item: order?.itemName ?? '',
          provider: order?.providerName ?? '',
        }),
      });
    },
    onMyComplaints() {
      wx.navigateTo({ url: withQuery(ROUTES.complaints, { orderId: this.orderId() }) });
    },
    onBackToList() {
      wx.switchTab({ url: ROUTES.orders });
    },
    async onOrderNext() {
      const reply = this.lastReply();
      const input = reply === null ? null : nextOfferOrder(reply);
      if (input === null || this.data.busy) return;
      // First thing in the tap: WeChat shows the consent dialog only from a user gesture.
      const consent = askOrderUpdates();
      this.setData({ busy: true });
      await consent;
      try {
        const { orderId } = await createOrder(input);
        this.setData({ busy: false });
        leaveNotice(ROUTES.orderDetail, '下单成功，请等待服务机构接单');
        wx.redirectTo({ url: withQuery(ROUTES.orderDetail, { orderId }) });
      } catch (e) {
        this.setData({ busy: false });
        showFailure(this, e);
      }
    },
  },
});
