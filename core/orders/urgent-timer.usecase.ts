/**
 * Timer (order-timers, every 5 minutes): an urgent request (紧急求助) nobody accepted within its limit goes to
 * the community workers' urgent queue (`urgent.state` waiting -> queued), recorded on the order's timeline.
 * Safe to run twice or concurrently (timers are at-least-once, decision 0003): each order moves in its own
 * transaction only while it is still waiting and unanswered, so it is queued exactly once.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import { recordEvent } from '../kernel/command.runner';
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';

export interface QueueUrgentResult {
  /** The orders this run put in the queue (none on a repeated run). */
  readonly queued: readonly string[];
  readonly hasMore: boolean;
}

export async function queueUnansweredUrgentOrders(input: TimerInput): Promise<QueueUrgentResult> {
  const { ports, db, actor, config, now } = startTimerRun(input);
  const due = await db.find<Pick<Order, '_id'>>(
    COLLECTIONS.orders,
    { 'urgent.state': 'waiting', 'urgent.acceptBy': db.command.lte(now) },
    {
      orderBy: [
        ['urgent.acceptBy', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id'],
    },
  );
  const queued: string[] = [];
  for (const { _id } of due) {
    const moved = await db.runTransaction(async (tx) => {
      const order = await tx.get<Order>(COLLECTIONS.orders, _id);
      const urgent = order?.urgent;
      if (order === null || urgent === undefined) return false;
      if (order.status !== 'created' || urgent.state !== 'waiting' || urgent.acceptBy > now) return false;
      await tx.update(COLLECTIONS.orders, order._id, {
        'urgent.state': 'queued',
        'urgent.queuedAt': now,
        updatedAt: now,
      });
      await recordEvent(tx, ports.ids, order.orgPath, {
        entityType: 'order',
        entityId: order._id,
        from: 'created',
        to: 'created',
        action: 'order.expire',
        actor: { openid: actor.openid, role: 'system' },
        at: now,
        reason: `紧急求助 ${urgent.limitMinutes} 分钟内无人接单，转社区工作人员处理`,
        details: { urgent: 'queued' },
      });
      return true;
    });
    if (moved) queued.push(_id);
  }
  return { queued, hasMore: due.length === config.timerBatchSize };
}
