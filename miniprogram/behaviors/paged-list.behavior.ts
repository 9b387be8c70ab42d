/**
 * A plain list loaded a page at a time (入驻公示, 红星榜, 考核结果, 差评回访工单, 我的投诉, 消息中心): the first
 * page with `reload()` (the page calls it when it loads or shows), on pull-down and on 重试; the next page at
 * the bottom or with 加载更多 / 重新加载 (`loadMore`), appended by index, to the end of the list. A next page
 * that fails keeps the rows and says why below them (`moreError`). The page keeps its rows in `data[field]`
 * (initially `[]`); this behavior keeps `loading`, `error`, `loadingMore`, `moreError` and `hasMore`.
 * Richer lists (a row read again in place, the list kept on show) have their own behaviors
 * (order-list.behavior.ts, concern-list.behavior.ts).
 */
import { messageOf } from '../services/service-error';
import { instanceState } from '../utils/instance-state';
import { appendPatch } from '../utils/paging';

type ListPage = WechatMiniprogram.Component.TrivialInstance;

/** What every list reply has: a page of items, and whether another page follows. */
interface PageReply {
  readonly items: readonly unknown[];
  readonly hasMore: boolean;
}

export interface PagedListSource<R extends PageReply, Row> {
  /** The `data` field the page renders its rows from; `rows` unless said. */
  readonly field?: string;
  /** One page (1-based) of the list, as the page stands now (its filter, its query). */
  readonly load: (page: ListPage, pageNo: number) => Promise<R>;
  /** The rows one reply shows. */
  readonly rows: (reply: R) => Row[];
  /**
   * Another page follows this one, `loadedBefore` rows being shown before it. By default the reply's
   * `hasMore`, an empty page ending the list whatever it says.
   */
  readonly more?: (reply: R, loadedBefore: number) => boolean;
  /** What the page shows besides the rows, from each reply (`first`: the first page, read again). */
  readonly extra?: (page: ListPage, reply: R, first: boolean) => Record<string, unknown>;
  /**
   * What the list is of (a filter): a reply to the first page that comes back after it changed is dropped
   * (the new filter's own reload shows), and so is a next page's rows.
   */
  readonly key?: (page: ListPage) => unknown;
  /**
   * A first page that fails while rows are shown: `true` (the default) keeps them and says why below them
   * (`moreError`); `false` shows the error alone, with 重试.
   */
  readonly keepRowsOnError?: boolean;
  /** After a next page failed, reaching the bottom again does not retry it (its 重新加载 does). */
  readonly pauseOnMoreError?: boolean;
}

const defaultMore = (reply: PageReply): boolean => reply.hasMore && reply.items.length > 0;

/** Pages 1..`pages` of the list in one array (fewer if it ends sooner), and the first reply. */
async function readPages<R extends PageReply, Row>(
  source: PagedListSource<R, Row>,
  page: ListPage,
  pages: number,
) {
  const more = source.more ?? defaultMore;
  const rows: Row[] = [];
  let hasMore = false;
  let read = 0;
  let first: R | null = null;
  for (let p = 1; p <= pages; p += 1) {
    const reply = await source.load(page, p);
    first = first ?? reply;
    read = p;
    const loadedBefore = rows.length;
    rows.push(...source.rows(reply));
    hasMore = more(reply, loadedBefore);
    if (!hasMore) break;
  }
  return { rows, hasMore, read, first };
}

export function pagedListBehavior<R extends PageReply, Row>(source: PagedListSource<R, Row>) {
  const field = source.field ?? 'rows';
  const more = source.more ?? defaultMore;
  const keyOf = (page: ListPage): unknown => source.key?.(page);
  const rowsOf = (page: ListPage): readonly Row[] =>
    (page.data as Record<string, readonly Row[] | undefined>)[field] ?? [];
  /** Not rendered: the last page read. */
  const state = instanceState(() => ({ page: 0 }));

  return Behavior({
    data: { loading: true, error: '', loadingMore: false, moreError: '', hasMore: false },
    methods: {
      onPullDownRefresh() {
        void this.reload().then(() => wx.stopPullDownRefresh());
      },
      onReachBottom() {
        const { hasMore, loadingMore, moreError } = this.data as { [k: string]: unknown };
        if (!hasMore || loadingMore) return;
        if (source.pauseOnMoreError === true && moreError !== '') return;
        void this.loadMore();
      },
      onRetry() {
        this.setData({ loading: true, error: '' });
        void this.reload();
      },
      /** Pages 1..`pages` read again and shown at once (the first, unless a page says more). */
      async reload(pages = 1): Promise<void> {
        const key = keyOf(this);
        let list: Awaited<ReturnType<typeof readPages<R, Row>>>;
        try {
          list = await readPages(source, this, pages);
        } catch (e) {
          if (keyOf(this) !== key) return;
          if (source.keepRowsOnError !== false && rowsOf(this).length > 0) {
            this.setData({ loading: false, moreError: messageOf(e) });
          } else this.setData({ loading: false, error: messageOf(e) });
          return;
        }
        if (keyOf(this) !== key) return;
        const { rows, hasMore, read, first } = list;
        state(this).page = read;
        this.setData({
          loading: false,
          error: '',
          moreError: '',
          [field]: rows,
          hasMore,
          ...(first === null ? {} : source.extra?.(this, first, true)),
        });
      },
      /** The pages already shown read again (after a change to a row), replacing them at once. */
      reloadShown(): Promise<void> {
        return this.reload(Math.max(1, state(this).page));
      },
      /** The next page, appended. */
      async loadMore(): Promise<void> {
        if ((this.data as { loadingMore?: boolean }).loadingMore === true) return;
        const key = keyOf(this);
        const next = state(this).page + 1;
        this.setData({ loadingMore: true, moreError: '' });
        try {
          const reply = await source.load(this, next);
          // Another filter chosen meanwhile: its rows are not these, and its own 加载更多 may be tapped.
          if (keyOf(this) !== key) {
            this.setData({ loadingMore: false });
            return;
          }
          state(this).page = next;
          const offset = rowsOf(this).length;
          this.setData({
            ...appendPatch(field, offset, source.rows(reply)),
            loadingMore: false,
            hasMore: more(reply, offset),
            ...source.extra?.(this, reply, false),
          });
        } catch (e) {
          this.setData({ loadingMore: false, moreError: messageOf(e) });
        }
      },
    },
  });
}
