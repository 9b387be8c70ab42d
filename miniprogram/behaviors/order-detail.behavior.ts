/**
 * One order on a page (the resident's 订单详情, the staff's job): opened with `?orderId=`, loaded again
 * when the page shows after another one (a rating, a follow-up), and `act` for a step: one tap at a time,
 * a toast, then the order as it is now in one setData. The page keeps its view in `data[field]`
 * (initially null) and adds its own buttons.
 */
import type { OrderDetailReply } from '../services/orders/orders.types';
import { messageOf } from '../services/service-error';
import { instanceState } from '../utils/instance-state';
import { showError, showToast } from '../utils/toast';
import { toOrderDetail } from '../view-models/order.view-model';

export interface OrderDetailSource {
  /** The `data` field the page renders the order from. */
  readonly field: string;
  readonly load: (orderId: string) => Promise<OrderDetailReply>;
  /** Set with the fresh order after a step (e.g. close the page's decline form). */
  readonly afterStep?: Readonly<Record<string, unknown>>;
}

export function orderDetailBehavior(source: OrderDetailSource) {
  const { field, load, afterStep = {} } = source;
  /** Not rendered: the order shown and whether the page has been shown before. */
  const state = instanceState(() => ({ orderId: '', shownBefore: false }));

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
      async load() {
        try {
          const view = toOrderDetail(await load(state(this).orderId));
          this.setData({ loading: false, error: '', [field]: view });
        } catch (e) {
          this.setData({ loading: false, error: messageOf(e) });
        }
      },
      /** Run one step of the order, then show the order as it is now, in one setData. */
      async act(step: (orderId: string) => Promise<unknown>, done: string) {
        if (this.data.busy) return;
        this.setData({ busy: true });
        const { orderId } = state(this);
        try {
          await step(orderId);
          showToast(this, done);
          const view = toOrderDetail(await load(orderId));
          this.setData({ busy: false, ...afterStep, [field]: view });
        } catch (e) {
          this.setData({ busy: false });
          showError(this, e);
        }
      },
    },
  });
}
