/**
 * 我的订单: the resident's orders, newest first, a page at a time (order.list), filtered by status; a tap
 * opens the detail.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { listOrders } from '../../services/orders/orders.service';
import { messageOf } from '../../services/service-error';
import { instanceState } from '../../utils/instance-state';
import { appendPatch, hasMoreRows } from '../../utils/paging';
import { showError } from '../../utils/toast';
import { RESIDENT_ORDER_FILTERS, toOrderRow, type OrderRowView } from '../../view-models/order.view-model';

/** Not rendered: the last page loaded and whether this page has been shown before. */
const state = instanceState(() => ({ page: 0, shownBefore: false }));

Component({
  behaviors: [elderModeBehavior],
  data: {
    filters: RESIDENT_ORDER_FILTERS,
    status: '',
    loading: true,
    loadingMore: false,
    error: '',
    orders: [] as OrderRowView[],
    hasMore: false,
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onShow() {
      // Back from ordering or rating: the list has moved on.
      if (state(this).shownBefore) void this.reload();
      state(this).shownBefore = true;
    },
    onPullDownRefresh() {
      void this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.hasMore && !this.data.loadingMore) void this.loadMore();
    },
    onFilter(e: WechatMiniprogram.CustomEvent<object, object, { value: string }>) {
      const status = e.currentTarget.dataset.value;
      if (status === this.data.status) return;
      this.setData({ status, loading: true });
      void this.reload();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      wx.navigateTo({ url: `/pages/order-detail/order-detail?orderId=${e.currentTarget.dataset.id}` });
    },
    async reload() {
      try {
        const reply = await listOrders(1, this.data.status || undefined);
        state(this).page = 1;
        const now = Date.now();
        const orders = reply.items.map((o) => toOrderRow(o, now));
        this.setData({
          loading: false,
          error: '',
          orders,
          hasMore: hasMoreRows(0, orders.length, reply.total),
        });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e), orders: [], hasMore: false });
      }
    },
    async loadMore() {
      this.setData({ loadingMore: true });
      const next = state(this).page + 1;
      try {
        const reply = await listOrders(next, this.data.status || undefined);
        state(this).page = next;
        const now = Date.now();
        const offset = this.data.orders.length;
        const rows = reply.items.map((o) => toOrderRow(o, now));
        this.setData({
          ...appendPatch('orders', offset, rows),
          loadingMore: false,
          hasMore: hasMoreRows(offset, rows.length, reply.total),
        });
      } catch (e) {
        this.setData({ loadingMore: false });
        showError(this, e);
      }
    },
  },
});
