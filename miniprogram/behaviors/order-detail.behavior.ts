/**
 * One order on a page (the resident's 订单详情, the staff's job): opened with `?orderId=`, loaded again
 * when the page shows after another one (a rating, a follow-up), with a retry when it could not be read,
 * and `act` for a step: one tap at a time, then the order as it is now in one setData and a notice that
 * stays (utils/notice.ts). The page keeps its view in `data[field]` (initially null), may show more of the
 * same reply (`alsoShow`, in the same setData) and adds its own buttons; `lastReply()` is the reply on
 * screen, kept out of `data`. The page also adds the page-notice behavior (its `data.notice`).
 */
import type { OrderDetailResult } from 'weimin-core';
import { messageOf } from '../services/service-error';
import { instanceState } from '../utils/instance-state';
import { showFailure, showNotice } from '../utils/notice';
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
      onRetry() {
        this.setData({ loading: true, error: '' });
        void this.load();
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
        if (state(this).orderId === '') {
          this.setData({ loading: false, error: '没有找到这个订单，请从订单列表进入' });
          return;
        }
        try {
          await this.refresh({ loading: false, error: '' });
        } catch (e) {
          // An order already on screen stays there; the failure is said above it.
          if (state(this).reply !== null) {
            this.setData({ loading: false });
            showFailure(this, e);
          } else this.setData({ loading: false, error: messageOf(e) });
        }
      },
      /** Run one step of the order, then show the order as it is now and say it is done, in one go. */
      async act(step: (orderId: string) => Promise<unknown>, done: string) {
        if (this.data.busy) return;
        this.setData({ busy: true });
        try {
          await step(state(this).orderId);
        } catch (e) {
          this.setData({ busy: false });
          showFailure(this, e);
          return;
        }
        try {
          await this.refresh({ busy: false, ...afterStep });
        } catch {
          // Done, but not read back: the order shown is the one before the step until the page shows again.
          this.setData({ busy: false, ...afterStep });
        }
        showNotice(this, done);
      },
    },
  });
}
