/**
 * A list of concerns loaded a page at a time (心愿墙, 我的诉求, 认领/办理): the first page on load, on pull-down
 * and when the page changes `data.view` (a tab); the next page at the bottom or with 加载更多, appended by
 * index, to the end of the list. It keeps its place: back from a concern opened from it, only that row is
 * read again (concern.detail) and replaced in place; shown again otherwise, the pages already loaded are read
 * again and replaced at once. The page keeps its rows in `data.rows` and its list in `data.view`.
 */
import type { ConcernListResult } from 'weimin-core';
import { concernDetail, listConcerns, type ConcernListView } from '../services/concerns.service';
import { messageOf } from '../../../services/service-error';
import { instanceState } from '../../../utils/instance-state';
import { appendPatch } from '../../../utils/paging';
import { ROUTES, withQuery } from '../../../utils/routes';
import { toConcernRow, type ConcernRowView } from '../view-models/concern.view-model';

type ListPage = WechatMiniprogram.Component.TrivialInstance;

/** Not rendered: the last page loaded, whether the page has shown before, the concern opened from it. */
interface ListState {
  page: number;
  shownBefore: boolean;
  opened: string;
}

const state = instanceState<ListState>(() => ({ page: 0, shownBefore: false, opened: '' }));

/** Another page follows (an empty page ends the list whatever the reply says). */
const moreAfter = (reply: ConcernListResult): boolean => reply.hasMore && reply.items.length > 0;

const viewOf = (page: ListPage): ConcernListView => (page.data as { view: ConcernListView }).view;
const rowsOf = (page: ListPage): readonly ConcernRowView[] => (page.data as { rows: ConcernRowView[] }).rows;

/** Read pages 1..`pages` of the list and replace the rows in one setData; errors show on the page. */
async function replaceRows(page: ListPage, pages: number): Promise<void> {
  const view = viewOf(page);
  const rows: ConcernRowView[] = [];
  let hasMore = false;
  let read = 0;
  let total = 0;
  try {
    for (let p = 1; p <= pages; p += 1) {
      const reply = await listConcerns(view, p);
      read = p;
      total = reply.total;
      rows.push(...reply.items.map((item) => toConcernRow(item, Date.now())));
      hasMore = moreAfter(reply);
      if (!hasMore) break;
    }
  } catch (e) {
    if (viewOf(page) !== view) return;
    // Rows already on screen stay there (a refresh that failed); an empty list says why, with a retry.
    if (rowsOf(page).length > 0) page.setData({ loading: false, moreError: messageOf(e) });
    else page.setData({ loading: false, error: messageOf(e), hasMore: false });
    return;
  }
  // The user chose another tab meanwhile: that tab's own load shows it.
  if (viewOf(page) !== view) return;
  state(page).page = read;
  page.setData({ loading: false, error: '', moreError: '', rows, hasMore, total });
}

async function loadMore(page: ListPage): Promise<void> {
  const view = viewOf(page);
  const next = state(page).page + 1;
  page.setData({ loadingMore: true, moreError: '' });
  try {
    const reply = await listConcerns(view, next);
    // The user chose another tab meanwhile: drop this page, and let that tab read on.
    if (viewOf(page) !== view) {
      page.setData({ loadingMore: false });
      return;
    }
    state(page).page = next;
    const offset = rowsOf(page).length;
    const rows = reply.items.map((item) => toConcernRow(item, Date.now()));
    page.setData({
      ...appendPatch('rows', offset, rows),
      loadingMore: false,
      hasMore: moreAfter(reply),
      total: reply.total,
    });
  } catch (e) {
    page.setData({ loadingMore: false, moreError: viewOf(page) === view ? messageOf(e) : '' });
  }
}

/** Back from the concern opened from the list: its row, as it is now, in place. */
async function refreshOpened(page: ListPage, concernId: string): Promise<void> {
  const at = rowsOf(page).findIndex((row) => row.id === concernId);
  if (at < 0) return;
  try {
    const detail = await concernDetail(concernId);
    page.setData({ [`rows[${at}]`]: toConcernRow(detail, Date.now()) });
  } catch {
    // The row stays as it was; a pull-down reads the list again.
  }
}

export const concernListBehavior = Behavior({
  data: {
    view: 'wall' as ConcernListView,
    rows: [] as ConcernRowView[],
    total: 0,
    loading: true,
    loadingMore: false,
    error: '',
    moreError: '',
    hasMore: false,
  },
  methods: {
    onLoad() {
      void this.reloadList();
    },
    onShow() {
      const s = state(this);
      if (!s.shownBefore) {
        s.shownBefore = true;
        return;
      }
      const opened = s.opened;
      s.opened = '';
      if (opened !== '') void refreshOpened(this, opened);
      else if (!this.data.loading) void replaceRows(this, Math.max(1, s.page));
    },
    onPullDownRefresh() {
      void this.reloadList().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.hasMore && !this.data.loadingMore) void loadMore(this);
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.reloadList();
    },
    onLoadMore() {
      if (!this.data.loadingMore) void loadMore(this);
    },
    /** Show another list (a tab): from its first page. */
    showView(view: ConcernListView) {
      if (view === this.data.view) return;
      this.setData({ view, rows: [], total: 0, loading: true, error: '', moreError: '', hasMore: false });
      void this.reloadList();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const concernId = e.currentTarget.dataset.id;
      state(this).opened = concernId;
      wx.navigateTo({ url: withQuery(ROUTES.concernDetail, { concernId }) });
    },
    /** The first page, from scratch. */
    reloadList() {
      return replaceRows(this, 1);
    },
  },
});
