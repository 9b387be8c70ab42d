/**
 * A list of orders loaded a page at a time (我的订单, the staff's 工作台): the first page on load, again
 * when the page shows after another one, on pull-down and on a status filter; the next page at the bottom,
 * appended by index. The page keeps its rows in `data[field]` (initially `[]`), its `filters` and its
 * starting `status` (which override this behavior's `''`), and says where a tap leads itself.
 */
import type { OrderListResult } from 'weimin-core';
import { messageOf } from '../services/service-error';
import { instanceState } from '../utils/instance-state';
import { appendPatch, hasMoreRows } from '../utils/paging';
import { showError } from '../utils/toast';
import { toOrderRow, type OrderRowView } from '../view-models/order.view-model';

export interface OrderListSource {
  /** The `data` field the page renders its rows from. */
  readonly field: string;
  /** One page (1-based) of the list, of one status or of all (`undefined`). */
  readonly load: (page: number, status?: string) => Promise<OrderListResult>;
  /** Called with each first page that loads, for what the page shows besides the rows. */
  readonly onFirstPage?: (page: WechatMiniprogram.Component.TrivialInstance, reply: OrderListResult) => void;
}

export function orderListBehavior(source: OrderListSource) {
  const { field, load, onFirstPage } = source;
  /** Not rendered: the last page loaded and whether the page has been shown before. */
  const state = instanceState(() => ({ page: 0, shownBefore: false }));

  return Behavior({
    data: { status: '', loading: true, loadingMore: false, error: '', hasMore: false },
    methods: {
      onLoad() {
        void this.reload();
      },
      onShow() {
        // Back from a detail, an order or a rating: the list has moved on.
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
      async reload() {
        try {
          const reply = await load(1, this.data.status || undefined);
          state(this).page = 1;
          const now = Date.now();
          const rows = reply.items.map((o) => toOrderRow(o, now));
          this.setData({
            loading: false,
            error: '',
            [field]: rows,
            hasMore: hasMoreRows(0, rows.length, reply.total),
          });
          onFirstPage?.(this, reply);
        } catch (e) {
          this.setData({ loading: false, error: messageOf(e), [field]: [], hasMore: false });
        }
      },
      async loadMore() {
        this.setData({ loadingMore: true });
        const next = state(this).page + 1;
        try {
          const reply = await load(next, this.data.status || undefined);
          state(this).page = next;
          const now = Date.now();
          const offset = (this.data as unknown as Record<string, readonly OrderRowView[]>)[field]!.length;
          const rows = reply.items.map((o) => toOrderRow(o, now));
          this.setData({
            ...appendPatch(field, offset, rows),
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
}
