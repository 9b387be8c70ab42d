/**
 * 我的订单: the resident's orders, newest first, a page at a time (order.list), filtered by status; a tap
 * opens the detail.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { orderListBehavior } from '../../behaviors/order-list.behavior';
import { listOrders } from '../../services/orders/orders.service';
import { RESIDENT_ORDER_FILTERS, type OrderRowView } from '../../view-models/order.view-model';

Component({
  behaviors: [elderModeBehavior, orderListBehavior({ field: 'orders', load: listOrders })],
  data: {
    filters: RESIDENT_ORDER_FILTERS,
    status: '',
    orders: [] as OrderRowView[],
  },
  methods: {
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({ url: `/pages/order-detail/order-detail?orderId=${e.currentTarget.dataset.id}` });
    },
  },
});
