/**
 * 订单详情 (resident): status, price, the event timeline in Asia/Shanghai time; cancel before acceptance,
 * rate once done.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { cancelOrder, orderDetail } from '../../services/orders/orders.service';
import { messageOf } from '../../services/service-error';
import { instanceState } from '../../utils/instance-state';
import { showError, showToast } from '../../utils/toast';
import { toOrderDetail, type OrderDetailView } from '../../view-models/order.view-model';

const state = instanceState(() => ({ orderId: '', shownBefore: false }));

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
  behaviors: [elderModeBehavior],
  data: {
    loading: true,
    error: '',
    busy: false,
    order: null as OrderDetailView | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).orderId = query['orderId'] ?? '';
      void this.load();
    },
    onShow() {
      // Back from rating: show the rating and the new status.
      if (state(this).shownBefore) void this.load();
      state(this).shownBefore = true;
    },
    async load() {
      try {
        const order = toOrderDetail(await orderDetail(state(this).orderId));
        this.setData({ loading: false, error: '', order });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    async onCancel() {
      if (this.data.busy) return;
      if (!(await confirm('取消订单', '服务机构尚未接单，确定取消这个订单吗？'))) return;
      this.setData({ busy: true });
      try {
        await cancelOrder(state(this).orderId);
        showToast(this, '订单已取消');
        const order = toOrderDetail(await orderDetail(state(this).orderId));
        this.setData({ busy: false, order });
      } catch (e) {
        this.setData({ busy: false });
        showError(this, e);
      }
    },
    onRate() {
      wx.navigateTo({ url: `/pages/rate/rate?orderId=${state(this).orderId}` });
    },
  },
});
