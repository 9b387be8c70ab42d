/**
 * 我的投诉: the complaints the resident filed about finished orders (complaint.list view mine), newest first,
 * each with its status and the community's answer once given; a page at a time (加载更多). Opened from an
 * order's 订单详情 (its own complaints marked 本订单) and from 我的; read again whenever the page shows.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { ROUTES } from '../../../../utils/routes';
import { myComplaints } from '../../services/complaints.service';
import { toComplaintRow, type ComplaintRowView } from '../../view-models/complaint.view-model';

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.complaints),
    pagedListBehavior({
      load: (_page, pageNo) => myComplaints(pageNo),
      rows: (reply) => reply.items.map((c) => toComplaintRow(c, Date.now())),
      keepRowsOnError: false,
      pauseOnMoreError: true,
    }),
  ],
  data: {
    rows: [] as ComplaintRowView[],
    /** The order the page was opened from ('' from 我的): its complaints say 本订单. */
    orderId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ orderId: query['orderId'] ?? '' });
    },
    onShow() {
      void this.reload();
    },
    /** 加载更多 and its 重新加载. */
    onLoadMore() {
      void this.loadMore();
    },
    onToOrders() {
      wx.switchTab({ url: ROUTES.orders });
    },
  },
});
