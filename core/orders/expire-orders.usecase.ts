/**
 * Timer: orders not answered within `acceptWithinHours` expire (created -> expired, by the system). The
 * resident is told (TPL_ORDER_STATUS) and offered the next provider of the same match (`nextOffer` on the
 * order). Safe to run twice or concurrently (timers are at-least-once, decision 0003): each order is moved
 * in its own transaction only while it is still `created`.
 */
import { dueOrderTransition } from '../lifecycle/order.deadlines';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { MatchCandidate } from '../model/platform.model';
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import { deliverMessages } from '../messaging/message-outbox';
import { expireAndReoffer } from './expire-and-reoffer';

const HOUR_MS = 3_600_000;

export interface ExpireOrdersResult {
  /** The orders this run expired (none on a repeated run). */
  readonly expired: readonly { readonly orderId: string; readonly nextOffer: MatchCandidate | null }[];
  /** The batch was full: run again for the rest. */
  readonly hasMore: boolean;
}

export async function expireOrders(input: TimerInput): Promise<ExpireOrdersResult> {
  const { ports, db, actor, config, now } = startTimerRun(input);
  const cutoff = now - config.deadlines.acceptWithinHours * HOUR_MS;

  const due = await db.find<Pick<Order, '_id'>>(
    COLLECTIONS.orders,
    { status: 'created', createdAt: db.command.lte(cutoff) },
    {
      orderBy: [
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id'],
    },
  );

  const expired: { orderId: string; nextOffer: MatchCandidate | null }[] = [];
  for (const { _id } of due) {
    const outcome = await db.runTransaction(async (tx) => {
      const order = await tx.get<Order>(COLLECTIONS.orders, _id);
      if (order === null) return null;
      const decision = dueOrderTransition(order, now, config.deadlines);
      if (decision === null || decision.to !== 'expired') return null;
      return expireAndReoffer({ ports, db, tx, actor, config, now }, order, decision.reason);
    });
    if (outcome === null) continue;
    expired.push({ orderId: outcome.order._id, nextOffer: outcome.nextOffer });
    await deliverMessages(db, ports.notifier, outcome.messages, now);
  }
  return { expired, hasMore: due.length === config.timerBatchSize };
}
