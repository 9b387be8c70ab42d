/**
 * 红星榜: providers at three stars and above (provider.board, a snapshot the timer refreshes), ranked per
 * service item and unit, each with its stars (★ and in words) and 差评率 beside them; filtered by item (the
 * catalog's items), a page at a time to the end of the list; each row leads to its provider's 考核结果.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { listCatalogPage } from '../../../../services/catalog/catalog.service';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { appendPatch, readAllPages } from '../../../../utils/paging';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { formatShanghaiMinute } from '../../../../utils/time.format';
import { toCatalogView } from '../../../../view-models/catalog.view-model';
import { redStarBoard } from '../../services/providers-public.service';
import { toBoardRow, type BoardRowView, type ItemFilterView } from '../../view-models/board.view-model';

const ALL: ItemFilterView = { value: '', label: '全部服务' };

const state = instanceState(() => ({ page: 0 }));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.board)],
  data: {
    filters: [ALL] as ItemFilterView[],
    itemId: '',
    rows: [] as BoardRowView[],
    total: 0,
    refreshedAt: '',
    loading: true,
    error: '',
    loadingMore: false,
    moreError: '',
    hasMore: false,
  },
  methods: {
    onLoad() {
      void this.loadFilters();
      void this.reload();
    },
    onPullDownRefresh() {
      void this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.hasMore && !this.data.loadingMore) void this.loadMore();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.reload();
    },
    /** The item filters: every item of the catalog (without it, the whole board only). */
    async loadFilters() {
      try {
        const categories = toCatalogView(await readAllPages(listCatalogPage));
        const items = categories.flatMap((c) => c.items.map((i) => ({ value: i.id, label: i.name })));
        this.setData({ filters: [ALL, ...items] });
      } catch {
        // The board still shows, for all items.
      }
    },
    onFilter(e: WechatMiniprogram.CustomEvent<object, object, { value: string }>) {
      const itemId = e.currentTarget.dataset.value;
      if (itemId === this.data.itemId) return;
      this.setData({ itemId, rows: [], total: 0, loading: true, error: '', moreError: '', hasMore: false });
      void this.reload();
    },
    async reload() {
      const itemId = this.data.itemId;
      try {
        const reply = await redStarBoard(1, itemId);
        if (itemId !== this.data.itemId) return;
        state(this).page = 1;
        this.setData({
          loading: false,
          error: '',
          moreError: '',
          rows: reply.items.map(toBoardRow),
          total: reply.total,
          hasMore: reply.hasMore && reply.items.length > 0,
          refreshedAt: reply.refreshedAt === null ? '' : formatShanghaiMinute(reply.refreshedAt),
        });
      } catch (e) {
        if (itemId !== this.data.itemId) return;
        if (this.data.rows.length > 0) this.setData({ loading: false, moreError: messageOf(e) });
        else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    async loadMore() {
      const itemId = this.data.itemId;
      const next = state(this).page + 1;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const reply = await redStarBoard(next, itemId);
        if (itemId !== this.data.itemId) return;
        state(this).page = next;
        this.setData({
          ...appendPatch('rows', this.data.rows.length, reply.items.map(toBoardRow)),
          loadingMore: false,
          hasMore: reply.hasMore && reply.items.length > 0,
          total: reply.total,
        });
      } catch (e) {
        this.setData({ loadingMore: false, moreError: messageOf(e) });
      }
    },
    /** 考核结果 of the row's provider (its published evaluations). */
    onResults(e: WechatMiniprogram.CustomEvent<object, object, { id: string; name: string }>) {
      const { id, name } = e.currentTarget.dataset;
      wx.navigateTo({ url: withQuery(ROUTES.evaluationResults, { providerId: id, name }) });
    },
    onHome() {
      wx.switchTab({ url: ROUTES.home });
    },
  },
});
