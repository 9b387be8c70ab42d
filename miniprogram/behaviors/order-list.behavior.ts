/**
 * A list of orders loaded a page at a time (我的订单, the staff's 工作台): the first page on load, on pull-down
 * and on a status filter; the next page at the bottom (or 加载更多), appended by index, to the end of the list.
 * The list keeps its place: back from an order opened from it, only that row is read again; shown again
 * otherwise (another tab, another page), the pages already loaded are read again and replaced at once, so
 * neither the rows below the first page nor the scroll position are lost. The page keeps its rows in
 * `data[field]` (initially `[]`), its `filters` and its starting `status` (which override this behavior's
 * `''`), and calls `openRow(id)` before it opens a row.
 */
import type { OrderDetailResult, OrderListResult } from 'weimin-core';
import { messageOf } from '../services/service-error';
import { instanceState } from '../utils/instance-state';
import { appendPatch, hasMoreRows } from '../utils/paging';
import { toOrderRow, type OrderRowView } from '../view-models/order.view-model';

export interface OrderListSource {
  /** The `data` field the page renders its rows from. */
  readonly field: string;
  /** One page (1-based) of the list, of one status or of all (`undefined`). */
  readonly load: (page: number, status?: string) => Promise<OrderListResult>;
  /** One order, to refresh its row when the user comes back from it. */
  readonly loadOne: (orderId: string) => Promise<OrderDetailResult>;
  /** Called with each first page that loads, for what the page shows besides the rows. */
  readonly onFirstPage?: (page: WechatMiniprogram.Component.TrivialInstance, reply: OrderListResult) => void;
}

type ListPage = WechatMiniprogram.Component.TrivialInstance;

/** Not rendered: the last page loaded, whether the page has shown before, the order opened from it. */
interface ListState {
  page: number;
  shownBefore: boolean;
  opened: string;
}

function rowsOf(page: ListPage, field: string): readonly OrderRowView[] {
  return (page.data as Record<string, readonly OrderRowView[] | undefined>)[field] ?? [];
}

/** The status filter in force, '' for all. */
function statusOf(page: ListPage): string {
  return (page.data as { status?: string }).status ?? '';
}

/** Pages 1..`pages` of the list as it is now, in one array, and whether more follow. */
async function readPages(source: OrderListSource, status: string, pages: number) {
  const rows: OrderRowView[] = [];
  let hasMore = false;
  let first: OrderListResult | null = null;
  let read = 0;
  for (let p = 1; p <= pages; p += 1) {
    const reply = await source.load(p, status || undefined);
    first = first ?? reply;
    read = p;
    const now = Date.now();
    const loadedBefore = rows.length;
    rows.push(...reply.items.map((o) => toOrderRow(o, now)));
    hasMore = hasMoreRows(loadedBefore, reply.items.length, reply.total);
    if (!hasMore) break;
  }
  return { rows, hasMore, first, read };
}

/** Read pages 1..`pages` and replace the rows in one setData; errors show on the page. */
async function replaceRows(page: ListPage, source: OrderListSource, state: ListState, pages: number) {
  const { field } = source;
  try {
    const { rows, hasMore, first, read } = await readPages(source, statusOf(page), pages);
    state.page = read;
    page.setData({ loading: false, error: '', moreError: '', [field]: rows, hasMore });
    if (first !== null) source.onFirstPage?.(page, first);
  } catch (e) {
    // Rows already on screen stay there (a refresh that failed); an empty list says why and offers a retry.
    if (rowsOf(page, field).length > 0) page.setData({ loading: false, moreError: messageOf(e) });
    else page.setData({ loading: false, error: messageOf(e), hasMore: false });
  }
}

/** Back from the order opened from the list: its row, as it is now, in place. */
async function refreshOpened(page: ListPage, source: OrderListSource, orderId: string) {
  const at = rowsOf(page, source.field).findIndex((row) => row.id === orderId);
  if (at < 0) return;
  try {
    const { order } = await source.loadOne(orderId);
    page.setData({ [`${source.field}[${at}]`]: toOrderRow(order, Date.now()) });
  } catch {
    // The row stays as it was; a pull-down reads the list again.
  }
}

async function loadMore(page: ListPage, source: OrderListSource, state: ListState) {
  page.setData({ loadingMore: true, moreError: '' });
  const next = state.page + 1;
  try {
    const reply = await source.load(next, statusOf(page) || undefined);
    state.page = next;
    const offset = rowsOf(page, source.field).length;
    const now = Date.now();
    const rows = reply.items.map((o) => toOrderRow(o, now));
    page.setData({
      ...appendPatch(source.field, offset, rows),
      loadingMore: false,
      hasMore: hasMoreRows(offset, rows.length, reply.total),
    });
  } catch (e) {
    page.setData({ loadingMore: false, moreError: messageOf(e) });
  }
}

export function orderListBehavior(source: OrderListSource) {
  const state = instanceState<ListState>(() => ({ page: 0, shownBefore: false, opened: '' }));

  return Behavior({
    data: { status: '', loading: true, loadingMore: false, error: '', moreError: '', hasMore: false },
    methods: {
      onLoad() {
        void this.reload();
      },
      onShow() {
        const s = state(this);
        if (!s.shownBefore) {
          s.shownBefore = true;
          return;
        }
        const opened = s.opened;
        s.opened = '';
        if (opened !== '') void refreshOpened(this, source, opened);
        else if (!this.data.loading) void replaceRows(this, source, s, Math.max(1, s.page));
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
        this.setData({ status, loading: true, error: '', moreError: '', [source.field]: [] });
        void this.reload();
      },
      onRetry() {
        this.setData({ loading: true, error: '' });
        void this.reload();
      },
      /** Remember the order the user opens: back from it, only its row is read again. */
      openRow(orderId: string) {
        state(this).opened = orderId;
      },
      /** The first page, from scratch. */
      reload() {
        return replaceRows(this, source, state(this), 1);
      },
      loadMore() {
        return loadMore(this, source, state(this));
      },
    },
  });
}
