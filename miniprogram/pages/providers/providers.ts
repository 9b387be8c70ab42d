/**
 * 选择服务机构: for each ticked item, the providers match.request ranked (price beside the market price,
 * stars, reach, why each ranks there); the resident chooses one per item and places the orders, asked for
 * order-update messages at that moment. The confirmation waits on the page the resident lands on.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode.behavior';
import { pageNoticeBehavior } from '../../behaviors/page-notice.behavior';
import { createOrder, requestMatch } from '../../services/orders/orders.service';
import { ServiceError, messageOf } from '../../services/service-error';
import { askOrderUpdates } from '../../services/subscribe/subscribe.service';
import { instanceState } from '../../utils/instance-state';
import { leaveNotice, showFailure, showNotice } from '../../utils/notice';
import { ROUTES, withQuery } from '../../utils/routes';
import { lastServiceAddress, rememberServiceAddress } from '../../utils/service-address.store';
import { toProviderChoices, type ItemChoicesView } from '../../view-models/provider-choice.view-model';

/** Not rendered: the items asked about, the match the orders are made from, the address and note typed. */
const state = instanceState(() => ({ itemIds: [] as string[], matchId: '', serviceAddress: '', note: '' }));

type IndexedTap = WechatMiniprogram.CustomEvent<object, object, { itemIndex: number; index: number }>;

const PLACED = '下单成功，请等待服务机构接单';

Component({
  behaviors: [elderModeBehavior, pageNoticeBehavior(ROUTES.providers)],
  data: {
    loading: true,
    error: '',
    needsHome: false,
    items: [] as ItemChoicesView[],
    chosenCount: 0,
    submitting: false,
    /** The address the resident last ordered with, to start from. */
    serviceAddress: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).itemIds = (query['itemIds'] ?? '').split(',').filter((id) => id !== '');
      const serviceAddress = lastServiceAddress();
      state(this).serviceAddress = serviceAddress;
      this.setData({ serviceAddress });
      void this.load();
    },
    onRetry() {
      this.setData({ loading: true, error: '', needsHome: false });
      void this.load();
    },
    async load() {
      const { itemIds } = state(this);
      if (itemIds.length === 0) {
        this.setData({ loading: false, error: '请先在首页勾选服务项目' });
        return;
      }
      try {
        const reply = await requestMatch(itemIds);
        state(this).matchId = reply.matchId;
        this.setData({ loading: false, error: '', items: toProviderChoices(reply) });
      } catch (e) {
        const needsHome = e instanceof ServiceError && e.code === 'PROFILE_UNIT_REQUIRED';
        this.setData({ loading: false, error: messageOf(e), needsHome });
      }
    },
    onToggleWhy(e: IndexedTap) {
      const { itemIndex, index } = e.currentTarget.dataset;
      const open = this.data.items[itemIndex]?.providers[index]?.open === true;
      this.setData({ [`items[${itemIndex}].providers[${index}].open`]: !open });
    },
    onChoose(e: IndexedTap) {
      const { itemIndex, index } = e.currentTarget.dataset;
      const item = this.data.items[itemIndex];
      const provider = item?.providers[index];
      if (item === undefined || provider === undefined || item.orderId !== '') return;
      const chosenId = item.chosenId === provider.providerId ? '' : provider.providerId;
      const chosenCount = this.data.items.filter(
        (it, i) => (i === itemIndex ? chosenId : it.chosenId) !== '',
      ).length;
      this.setData({ [`items[${itemIndex}].chosenId`]: chosenId, chosenCount });
    },
    onAddressChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).serviceAddress = e.detail.value;
    },
    onNoteChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      state(this).note = e.detail.value;
    },
    onCall(e: WechatMiniprogram.CustomEvent<object, object, { phone: string }>) {
      wx.makePhoneCall({ phoneNumber: e.currentTarget.dataset.phone });
    },
    onGoProfile() {
      wx.switchTab({ url: ROUTES.profile });
    },
    onGoHome() {
      wx.switchTab({ url: ROUTES.home });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const pending = this.data.items
        .map((item, index) => ({ item, index }))
        .filter(({ item }) => item.chosenId !== '' && item.orderId === '');
      if (pending.length === 0) {
        showNotice(this, '请为服务项目选择服务机构：点按机构下方的“选这家”', 'warning');
        return;
      }
      // First thing in the tap: WeChat shows the consent dialog only from a user gesture.
      const consent = askOrderUpdates();
      this.setData({ submitting: true });
      await consent;
      const { matchId, serviceAddress, note } = state(this);
      const placed: Record<string, string> = {};
      let failure: unknown = null;
      for (const { item, index } of pending) {
        try {
          const input = { matchId, itemId: item.itemId, providerId: item.chosenId, note };
          const { orderId } = await createOrder({ ...input, serviceAddress: serviceAddress.trim() });
          placed[`items[${index}].orderId`] = orderId;
        } catch (e) {
          failure = e;
          break;
        }
      }
      this.setData({ ...placed, submitting: false });
      if (failure !== null) {
        showFailure(this, failure);
        return;
      }
      rememberServiceAddress(serviceAddress);
      this.goToOrders(Object.values(placed));
    },
    /** Where the orders just placed are followed: the order itself, or 我的订单 for several. */
    goToOrders(orderIds: readonly string[]) {
      if (orderIds.length === 1 && this.data.items.length === 1) {
        leaveNotice(ROUTES.orderDetail, PLACED);
        wx.redirectTo({ url: withQuery(ROUTES.orderDetail, { orderId: orderIds[0]! }) });
      } else {
        leaveNotice(ROUTES.orders, `${PLACED}（共 ${orderIds.length} 项）`);
        wx.switchTab({ url: ROUTES.orders });
      }
    },
  },
});
