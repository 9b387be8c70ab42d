/**
 * 我的订单: the resident's orders, newest first, a page at a time to the end (order.list), filtered by
 * status; a tap opens the detail, and back from it the list is where it was, that row brought up to date.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { orderListBehavior } from '../../behaviors/order-list.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
import { listOrders, orderDetail } from '../../services/orders/orders.service';
import { ROUTES, withQuery } from '../../utils/routes';
import { RESIDENT_ORDER_FILTERS, type OrderRowView } from '../../view-models/order.view-model';

Component({
  behaviors: [
    elderModeBehavior,
    orderListBehavior({ field: 'orders', load: listOrders, loadOne: orderDetail }),
    pageNoticeBehavior(ROUTES.orders),
  ],
  data: {
    filters: RESIDENT_ORDER_FILTERS,
    status: '',
    orders: [] as OrderRowView[],
  },
  methods: {
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const orderId = e.currentTarget.dataset.id;
      this.openRow(orderId);
      wx.navigateTo({ url: withQuery(ROUTES.orderDetail, { orderId }) });
    },
    onGoHome() {
      wx.switchTab({ url: ROUTES.home });
    },
  },
});
