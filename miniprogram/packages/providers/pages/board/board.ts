/**
 * 红星榜: providers at three stars and above (provider.board, a snapshot the timer refreshes), ranked per
 * service item and unit, each with its stars (★ and in words) and 差评率 beside them; filtered by item (the
 * catalog's items), a page at a time to the end of the list; each row leads to its provider's 考核结果.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { pagedListBehavior } from '../../../../behaviors/paged-list.behavior';
import { listCatalogPage } from '../../../../services/catalog/catalog.service';
import { readAllPages } from '../../../../utils/paging';
import { ROUTES, withQuery } from '../../../../utils/routes';
import { formatShanghaiMinute } from '../../../../utils/time.format';
import { toCatalogView } from '../../../../view-models/catalog.view-model';
import { redStarBoard } from '../../services/providers-public.service';
import { toBoardRow, type BoardRowView, type ItemFilterView } from '../../view-models/board.view-model';

const ALL: ItemFilterView = { value: '', label: '全部服务' };

const itemOf = (page: WechatMiniprogram.Component.TrivialInstance): string =>
  (page.data as { itemId: string }).itemId;

Component({
  behaviors: [
    elderModeBehavior,
    pageNoticeBehavior(ROUTES.board),
    pagedListBehavior({
      load: (page, pageNo) => redStarBoard(pageNo, itemOf(page)),
      rows: (reply) => reply.items.map(toBoardRow),
      extra: (_page, reply, first) => ({
        total: reply.total,
        ...(first
          ? { refreshedAt: reply.refreshedAt === null ? '' : formatShanghaiMinute(reply.refreshedAt) }
          : {}),
      }),
      // Another item chosen meanwhile: that item's own reload shows.
      key: itemOf,
    }),
  ],
  data: {
    filters: [ALL] as ItemFilterView[],
    itemId: '',
    rows: [] as BoardRowView[],
    total: 0,
    refreshedAt: '',
  },
  methods: {
    onLoad() {
      void this.loadFilters();
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
