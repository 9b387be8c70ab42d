/**
 * Timer: orders left waiting `closeAfterDoneHours` after the job (no rating, or no follow-up) are closed
 * by the system with the reason on record (core/lifecycle/order.deadlines.ts decides). Once closed, the
 * resident's phone is masked again for the provider. Idempotent like every timer: each order moves in its
 * own transaction only while the decision still holds.
 */
import { SYSTEM_ACTOR } from '../auth/roles';
import { dueOrderTransition } from '../lifecycle/order.deadlines';
import { COLLECTIONS } from '../model/collections.model';
import { DEFAULT_ORDER_LOOP_CONFIG } from './order-loop.config';
import { requireSystemActor } from './order-command.runner';
import type { TimerInput } from './order-loop.ports';
import type { OrderRecord } from './order-record.model';
import { applyOrderStep } from './order-transition';

const HOUR_MS = 3_600_000;

export interface CloseStaleOrdersResult {
  readonly closed: readonly string[];
  readonly hasMore: boolean;
}

export async function closeStaleOrders(input: TimerInput): Promise<CloseStaleOrdersResult> {
  const { ports } = input;
  const actor = input.actor ?? SYSTEM_ACTOR;
  requireSystemActor(actor);
  const config = input.config ?? DEFAULT_ORDER_LOOP_CONFIG;
  const { db } = ports;
  const _ = db.command;
  const now = ports.clock.now();
  const cutoff = now - config.deadlines.closeAfterDoneHours * HOUR_MS;

  const due = await db.find<Pick<OrderRecord, '_id'>>(
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
      const order = await tx.get<OrderRecord>(COLLECTIONS.orders, _id);
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
