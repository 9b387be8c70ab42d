/**
 * One order on a page (the resident's 订单详情, the staff's job): opened with `?orderId=`, loaded again
 * when the page shows after another one (a rating, a follow-up), and `act` for a step: one tap at a time,
 * a toast, then the order as it is now in one setData. The page keeps its view in `data[field]`
 * (initially null), may show more of the same reply (`alsoShow`, in the same setData) and adds its own
 * buttons; `lastReply()` is the reply on screen, kept out of `data`.
 */
import type { OrderDetailResult } from 'weimin-core';
import { messageOf } from '../services/service-error';
import { instanceState } from '../utils/instance-state';
import { showError, showToast } from '../utils/toast';
import { toOrderDetail } from '../view-models/order.view-model';

export interface OrderDetailSource {
  /** The `data` field the page renders the order from. */
  readonly field: string;
  readonly load: (orderId: string) => Promise<OrderDetailResult>;
  /** Set with the fresh order after a step (e.g. close the page's decline form). */
  readonly afterStep?: Readonly<Record<string, unknown>>;
  /** What else of the reply the page shows (e.g. the provider offered next), beside the order. */
  readonly alsoShow?: (reply: OrderDetailResult) => Readonly<Record<string, unknown>>;
}

export function orderDetailBehavior(source: OrderDetailSource) {
  const { field, load, afterStep = {}, alsoShow } = source;
  /** Not rendered: the order shown, its last reply, and whether the page has been shown before. */
  const state = instanceState(() => ({
    orderId: '',
    reply: null as OrderDetailResult | null,
    shownBefore: false,
  }));

  return Behavior({
    data: { loading: true, error: '', busy: false },
    methods: {
      onLoad(query: Record<string, string | undefined>) {
        state(this).orderId = query['orderId'] ?? '';
        void this.load();
      },
      onShow() {
        if (state(this).shownBefore) void this.load();
        state(this).shownBefore = true;
      },
      /** The id of the order on the page. */
      orderId(): string {
        return state(this).orderId;
      },
      /** The order.detail reply on screen; null before the first one arrives. */
      lastReply(): OrderDetailResult | null {
        return state(this).reply;
      },
      /** Read the order again and show it, with `patch`, in one setData. */
      async refresh(patch: Readonly<Record<string, unknown>>) {
        const reply = await load(state(this).orderId);
        state(this).reply = reply;
        this.setData({ ...patch, [field]: toOrderDetail(reply), ...alsoShow?.(reply) });
      },
      async load() {
        try {
          await this.refresh({ loading: false, error: '' });
        } catch (e) {
          this.setData({ loading: false, error: messageOf(e) });
        }
      },
      /** Run one step of the order, then show the order as it is now, in one setData. */
      async act(step: (orderId: string) => Promise<unknown>, done: string) {
        if (this.data.busy) return;
        this.setData({ busy: true });
        try {
          await step(state(this).orderId);
          showToast(this, done);
          await this.refresh({ busy: false, ...afterStep });
        } catch (e) {
          this.setData({ busy: false });
          showError(this, e);
        }
      },
    },
  });
}
