/**
 * 首页: the resident ticks service items by category (catalog.list) and goes on to the providers offered
 * for them.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { listCatalog } from '../../services/catalog/catalog.service';
import { messageOf } from '../../services/service-error';
import { showToast } from '../../utils/toast';
import {
  MAX_TICKED_ITEMS,
  tickedItemIds,
  toCatalogView,
  type CatalogCategoryView,
} from '../../view-models/catalog.view-model';

Component({
  behaviors: [elderModeBehavior],
  data: {
    loading: true,
    error: '',
    categories: [] as CatalogCategoryView[],
    checked: {} as Record<string, boolean>,
    tickedCount: 0,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      try {
        const categories = toCatalogView(await listCatalog());
        this.setData({ loading: false, categories });
      } catch (e) {
        this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onItemChange(e: WechatMiniprogram.CustomEvent<{ checked: boolean; context: { value: string } }>) {
      const itemId = e.detail.context.value;
      const checked = e.detail.checked;
      const ticked = tickedItemIds({ ...this.data.checked, [itemId]: checked });
      if (ticked.length > MAX_TICKED_ITEMS) {
        showToast(this, `一次最多选择 ${MAX_TICKED_ITEMS} 项服务`, 'warning');
        return;
      }
      this.setData({ [`checked.${itemId}`]: checked, tickedCount: ticked.length });
    },
    onSeeProviders() {
      const itemIds = tickedItemIds(this.data.checked);
      if (itemIds.length === 0) {
        showToast(this, '请先勾选需要的服务项目', 'warning');
        return;
      }
      wx.navigateTo({ url: `/pages/providers/providers?itemIds=${itemIds.join(',')}` });
    },
  },
});
