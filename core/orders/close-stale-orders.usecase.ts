/**
 * Timer: orders left waiting `closeAfterDoneHours` after the job (no rating, or no follow-up) are closed
 * by the system with the reason on record (core/lifecycle/order.deadlines.ts decides). Once closed, the
 * resident's phone is masked again for the provider. Idempotent like every timer: each order moves in its
 * own transaction only while the decision still holds.
 */
import { dueOrderTransition } from '../lifecycle/order.deadlines';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import { applyOrderStep } from './order-transition';

const HOUR_MS = 3_600_000;

export interface CloseStaleOrdersResult {
  readonly closed: readonly string[];
  readonly hasMore: boolean;
}

export async function closeStaleOrders(input: TimerInput): Promise<CloseStaleOrdersResult> {
  const { ports, db, actor, config, now } = startTimerRun(input);
  const _ = db.command;
  const cutoff = now - config.deadlines.closeAfterDoneHours * HOUR_MS;

  const due = await db.find<Pick<Order, '_id'>>(
    COLLECTIONS.orders,
    { status: _.in(['done', 'followed_up', 'rated']), doneAt: _.lte(cutoff) },
    {
      orderBy: [
        ['doneAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id'],
    },
  );
  const closed: string[] = [];
  for (const { _id } of due) {
    const done = await db.runTransaction(async (tx) => {
      const order = await tx.get<Order>(COLLECTIONS.orders, _id);
      if (order === null) return false;
      const decision = dueOrderTransition(order, now, config.deadlines);
      if (decision === null || decision.to !== 'closed') return false;
      await applyOrderStep({
        tx,
        ids: ports.ids,
        actor,
        order,
        to: 'closed',
        now,
        reason: decision.reason,
        patch: { closedAt: now },
      });
      return true;
    });
    if (done) closed.push(_id);
  }
  return { closed, hasMore: due.length === config.timerBatchSize };
}
