/**
 * 订单详情 (resident): status, price, the event timeline in Asia/Shanghai time; cancel before acceptance,
 * rate once done. Shown again after rating: the rating and the new status appear.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { orderDetailBehavior } from '../../behaviors/order-detail.behavior';
import { cancelOrder, orderDetail } from '../../services/orders/orders.service';
import type { OrderDetailView } from '../../view-models/order.view-model';

function confirm(title: string, content: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText: '确定',
      cancelText: '再想想',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

Component({
  behaviors: [elderModeBehavior, orderDetailBehavior({ field: 'order', load: orderDetail })],
  data: {
    order: null as OrderDetailView | null,
  },
  methods: {
    async onCancel() {
      if (this.data.busy) return;
      if (!(await confirm('取消订单', '服务机构尚未接单，确定取消这个订单吗？'))) return;
      await this.act((orderId) => cancelOrder(orderId), '订单已取消');
    },
    onRate() {
      wx.navigateTo({ url: `/pages/rate/rate?orderId=${this.orderId()}` });
    },
  },
});
