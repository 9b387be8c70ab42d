/**
 * 我的投诉: the complaints the resident filed about finished orders (complaint.list view mine), newest first,
 * each with its status and the community's answer once given; a page at a time (加载更多). Opened from an
 * order's 订单详情 (its own complaints marked 本订单) and from 我的; read again whenever the page shows.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { appendPatch } from '../../../../utils/paging';
import { ROUTES } from '../../../../utils/routes';
import { myComplaints } from '../../services/complaints.service';
import { toComplaintRow, type ComplaintRowView } from '../../view-models/complaint.view-model';

/** Not rendered: the last page read. */
const state = instanceState(() => ({ page: 0 }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.complaints)],
  data: {
    loading: true,
    error: '',
    rows: [] as ComplaintRowView[],
    /** The order the page was opened from ('' from 我的): its complaints say 本订单. */
    orderId: '',
    hasMore: false,
    loadingMore: false,
    moreError: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ orderId: query['orderId'] ?? '' });
    },
    onShow() {
      void this.loadFirst();
    },
    onPullDownRefresh() {
      void this.loadFirst().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.loadFirst();
    },
    async loadFirst() {
      try {
        const reply = await myComplaints(1);
        state(this).page = 1;
        this.setData({
          loading: false,
          error: '',
          moreError: '',
          rows: reply.items.map((c) => toComplaintRow(c, Date.now())),
          hasMore: reply.hasMore && reply.items.length > 0,
        });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    async onLoadMore() {
      if (this.data.loadingMore) return;
      const next = state(this).page + 1;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const reply = await myComplaints(next);
        state(this).page = next;
        const rows = reply.items.map((c) => toComplaintRow(c, Date.now()));
        this.setData({
          ...appendPatch('rows', this.data.rows.length, rows),
          loadingMore: false,
          hasMore: reply.hasMore && reply.items.length > 0,
        });
      } catch (e) {
        this.setData({ loadingMore: false, moreError: messageOf(e) });
      }
    },
    onReachBottom() {
      if (this.data.hasMore && !this.data.moreError) void this.onLoadMore();
    },
    onToOrders() {
      wx.switchTab({ url: ROUTES.orders });
    },
  },
});
