/**
 * Timer: a provider that stopped being offered (suspended, ordered to rectify, removed, exited) keeps no resident
 * waiting. Its orders still waiting for an answer (待接单) end as unanswered (created -> expired, by the system,
 * with the provider's new status as the reason on the timeline); the resident is told and offered the next
 * provider of the same match, as the expiry timer does (expire-orders.usecase.ts). Until the timer runs,
 * order.accept refuses staff of such a provider (PROVIDER_NOT_ACCEPTING), so nobody serves while suspended.
 *
 * A provider that stopped serving altogether (removed to the blacklist, suspended, exited: STOPPED_SERVING)
 * keeps no accepted order either: it ends by the system (accepted -> cancelled, 服务机构停止服务，订单终止,
 * with the reason), and the resident is told (TPL_ORDER_STATUS, 已取消) and offered the next provider of the
 * match the same way. A rectifying provider still serves what it accepted: it is told to fix its problems,
 * not to stop.
 *
 * Its cost follows the providers that stopped within the acceptance window, not all providers: an order waits
 * at most `acceptWithinHours`, so a provider that stopped earlier has no waiting order left (index
 * `providers.status_1_statusChangedAt_1`, then `orders.providerId_1_status_1_createdAt_-1`). Idempotent: each
 * order moves in its own transaction only while it is waiting and its provider is still stopped.
 */
import {
  MATCHABLE_PROVIDER_STATUSES,
  PROVIDER_STATUS_LABELS,
  type ProviderStatus,
} from '../lifecycle/provider.lifecycle';
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import { deliverMessages } from '../messaging/message-outbox';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { MatchCandidate } from '../model/platform.model';
import type { Provider } from '../model/provider.model';
import { endAndReoffer, expireAndReoffer } from './expire-and-reoffer';

/** Providers whose accepted orders end too (a rectifying one still serves what it accepted). */
export const STOPPED_SERVING: readonly ProviderStatus[] = ['suspended', 'removed', 'exited'];

const HOUR_MS = 3_600_000;

export interface ReleaseStoppedResult {
  /** The orders this run ended (none on a repeated run), with the provider offered next. */
  readonly released: readonly { readonly orderId: string; readonly nextOffer: MatchCandidate | null }[];
  /** The batch was full: run again for the rest. */
  readonly hasMore: boolean;
}

export async function releaseStoppedProviderOrders(input: TimerInput): Promise<ReleaseStoppedResult> {
  const { ports, db, actor, config, now } = startTimerRun(input);
  const _ = db.command;
  const stopped = await db.find<Pick<Provider, '_id'>>(
    COLLECTIONS.providers,
    {
      status: _.nin(MATCHABLE_PROVIDER_STATUSES),
      statusChangedAt: _.gte(now - config.deadlines.acceptWithinHours * HOUR_MS),
    },
    { fields: ['_id'], limit: config.timerBatchSize },
  );
  if (stopped.length === 0) return { released: [], hasMore: false };
  const waiting = await db.find<Pick<Order, '_id'>>(
    COLLECTIONS.orders,
    { providerId: _.in(stopped.map((p) => p._id)), status: _.in(['created', 'accepted']) },
    { fields: ['_id'], limit: config.timerBatchSize },
  );
  const released: { orderId: string; nextOffer: MatchCandidate | null }[] = [];
  for (const { _id } of waiting) {
    const outcome = await db.runTransaction(async (tx) => {
      const order = await tx.get<Order>(COLLECTIONS.orders, _id);
      if (order === null || (order.status !== 'created' && order.status !== 'accepted')) return null;
      const provider = await tx.get<Provider>(COLLECTIONS.providers, order.providerId);
      if (provider === null || MATCHABLE_PROVIDER_STATUSES.includes(provider.status)) return null;
      const step = { ports, db, tx, actor, config, now };
      if (order.status === 'created') {
        const reason = `服务机构${PROVIDER_STATUS_LABELS[provider.status]}，未能接单`;
        return expireAndReoffer(step, order, reason);
      }
      if (!STOPPED_SERVING.includes(provider.status)) return null;
      const reason = `服务机构${PROVIDER_STATUS_LABELS[provider.status]}，已接单的服务无法继续，订单终止`;
      return endAndReoffer(step, order, 'cancelled', reason);
    });
    if (outcome === null) continue;
    released.push({ orderId: outcome.order._id, nextOffer: outcome.nextOffer });
    await deliverMessages(db, ports.notifier, outcome.messages, now);
  }
  return {
    released,
    hasMore: waiting.length === config.timerBatchSize || stopped.length === config.timerBatchSize,
  };
}
