/**
 * 服务报价 (`?providerId=`, any of the provider's staff): the provider's offerings with their prices and whether
 * residents can choose them now (provider.offering.list, pending review included). For whoever the reply lets
 * save (`actions.canSave`: the manager) 改价, 下架 / 重新上架 and 添加服务项目 (provider.offering.save); the
 * other staff read it only, with no button that writes. Each price is checked by the core's rule first (a low fee must stay
 * below the market price). A change applies from the next match; a new item waits for the community's
 * review before residents see it, and the page says so.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../../../behaviors/page-notice.behavior';
import { listCatalogPage } from '../../../../services/catalog/catalog.service';
import { messageOf } from '../../../../services/service-error';
import { instanceState } from '../../../../utils/instance-state';
import { showFailure, showNotice } from '../../../../utils/notice';
import { readAllPages } from '../../../../utils/paging';
import { ROUTES } from '../../../../utils/routes';
import { toCatalogView } from '../../../../view-models/catalog.view-model';
import { listOfferings, saveOffering } from '../../services/providers.service';
import { checkOfferingPrice, offeringDraft, type OfferingDraft } from '../../view-models/application.form';
import { toOfferingRow, type OfferingRowView } from '../../view-models/governance.view-model';

/** Not rendered: the provider, the offerings as read, the price form as typed. */
const state = instanceState(() => ({
  providerId: '',
  draft: offeringDraft('', '') as OfferingDraft,
}));

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.offerings)],
  data: {
    missing: false,
    loading: true,
    error: '',
    providerName: '',
    rows: [] as OfferingRowView[],
    canSave: false,
    /** The price form: '' closed, an item id (change), or 'new' (add). */
    form: '',
    formTitle: '',
    kind: 'free' as 'free' | 'low_fee',
    /** For 'new': the items not offered yet, and the one chosen. */
    addable: [] as Array<{ value: string; label: string }>,
    newItem: '',
    sending: false,
    pricingOptions: [
      { value: 'free', label: '免费服务' },
      { value: 'low_fee', label: '低收费服务（须低于市场价）' },
    ],
  },
  methods: {
    onLoad(query: { providerId?: string }) {
      state(this).providerId = query.providerId ?? '';
      if (state(this).providerId === '') {
        this.setData({ missing: true, loading: false });
        return;
      }
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },
    async load() {
      try {
        const reply = await listOfferings(state(this).providerId);
        this.setData({
          loading: false,
          error: '',
          providerName: reply.providerName,
          rows: reply.items.map(toOfferingRow),
          canSave: reply.actions.canSave,
        });
      } catch (e) {
        if (this.data.rows.length > 0) {
          this.setData({ loading: false });
          showFailure(this, e);
        } else this.setData({ loading: false, error: messageOf(e) });
      }
    },
    onChange(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const row = this.data.rows.find((r) => r.itemId === e.currentTarget.dataset.id);
      if (row === undefined) return;
      state(this).draft = offeringDraft(row.itemId, row.itemName);
      this.setData({ form: row.itemId, formTitle: `修改价格：${row.itemName}`, kind: 'free' });
    },
    async onAdd() {
      this.setData({ form: 'new', formTitle: '添加服务项目', kind: 'free', newItem: '', addable: [] });
      state(this).draft = offeringDraft('', '');
      try {
        const offered = new Set(this.data.rows.map((r) => r.itemId));
        const items = toCatalogView(await readAllPages(listCatalogPage))
          .flatMap((c) => c.items)
          .filter((i) => !offered.has(i.id))
          .map((i) => ({ value: i.id, label: i.name }));
        this.setData({ addable: items });
      } catch (e) {
        this.setData({ form: '' });
        showFailure(this, e);
      }
    },
    onCloseForm() {
      this.setData({ form: '' });
    },
    onNewItem(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const item = this.data.addable.find((i) => i.value === e.detail.value);
      if (item === undefined) return;
      const d = state(this).draft;
      state(this).draft = { ...d, itemId: item.value, itemName: item.label };
      this.setData({ newItem: item.value });
    },
    onKind(e: WechatMiniprogram.CustomEvent<{ value: 'free' | 'low_fee' }>) {
      state(this).draft.kind = e.detail.value;
      this.setData({ kind: e.detail.value });
    },
    onField(
      e: WechatMiniprogram.CustomEvent<
        { value: string },
        object,
        { field: 'price' | 'marketPrice' | 'unit' | 'description' }
      >,
    ) {
      state(this).draft[e.currentTarget.dataset.field] = e.detail.value;
    },
    async onSave() {
      if (this.data.sending) return;
      const draft = state(this).draft;
      if (draft.itemId === '') {
        showNotice(this, '请选择服务项目', 'warning');
        return;
      }
      const price = checkOfferingPrice(draft);
      if (!price.ok) {
        showNotice(this, price.message, 'warning');
        return;
      }
      const description = draft.description.trim();
      await this.save(
        {
          providerId: state(this).providerId,
          itemId: draft.itemId,
          pricing: price.value,
          ...(description === '' ? {} : { description }),
          active: true,
        },
        this.data.form === 'new',
      );
    },
    async onToggleActive(e: WechatMiniprogram.CustomEvent<object, object, { id: string }>) {
      const row = this.data.rows.find((r) => r.itemId === e.currentTarget.dataset.id);
      if (row === undefined || this.data.sending) return;
      // Listing or unlisting keeps the price it has: provider.offering.save takes the whole offering.
      const reply = await listOfferings(state(this).providerId).catch(() => null);
      const offering = reply?.items.find((o) => o.itemId === row.itemId);
      if (offering === undefined) {
        showNotice(this, '没有读取到这项服务，请下拉刷新后重试', 'error');
        return;
      }
      await this.save(
        {
          providerId: state(this).providerId,
          itemId: offering.itemId,
          pricing: offering.pricing,
          ...(offering.description === '' ? {} : { description: offering.description }),
          active: !offering.active,
        },
        false,
      );
    },
    async save(input: Parameters<typeof saveOffering>[0], adding: boolean) {
      this.setData({ sending: true });
      try {
        const result = await saveOffering(input);
        this.setData({ sending: false, form: '' });
        const pending = result.review === 'pending';
        showNotice(
          this,
          !input.active
            ? '已下架，居民暂时看不到这项服务'
            : pending
              ? '已提交，社区审核通过后居民才能看到这项服务'
              : adding
                ? '已添加'
                : '已保存，从下一次为居民推荐时起按新价格',
        );
        await this.load();
      } catch (e) {
        this.setData({ sending: false });
        showFailure(this, e);
      }
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
  },
});
