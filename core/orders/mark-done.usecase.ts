/**
 * order.done: a staff member of the order's provider marks the job done. The follow-up (回访) falls due
 * `followUpWithinHours` later: its record is created now, pending, so the timer can remind and count it.
 * The resident is asked to rate the job.
 */
import { followUpDueAt } from '../lifecycle/order.deadlines';
import { COLLECTIONS } from '../model/collections.model';
import type { FollowUp } from '../model/order.model';
import { parseCommand } from '../schemas/command.parser';
import { orderDoneSchema } from '../schemas/order.schema';
import { DEFAULT_ORDER_LOOP_CONFIG } from './order-loop.config';
import type { UseCaseInput } from './order-loop.ports';
import { runOrderCommand } from './order-command.runner';
import { reviewReminderMessage, sendAll } from './order-messages.builder';
import { followUpIdOf, type OrderRecord } from './order-record.model';
import type { OrderStepResult } from './order-step.result';
import { applyOrderStep, loadOrder } from './order-transition';

export interface MarkDoneResult extends OrderStepResult {
  readonly followUpDueAt: number;
}

export function pendingFollowUp(order: OrderRecord, doneAt: number, dueAt: number): FollowUp {
  return {
    _id: followUpIdOf(order._id),
    orderId: order._id,
    providerId: order.providerId,
    itemId: order.itemId,
    residentOpenid: order.residentOpenid,
    orgPath: order.orgPath,
    status: 'pending',
    dueAt,
    reminderSentAt: null,
    recordedAt: null,
    onTime: null,
    recordedBy: null,
    channel: null,
    summary: '',
    problems: [],
    suggestions: [],
    createdAt: doneAt,
    updatedAt: doneAt,
  };
}

export async function markDone(input: UseCaseInput): Promise<MarkDoneResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_ORDER_LOOP_CONFIG;
  const command = parseCommand(orderDoneSchema, input.command);
  return runOrderCommand(ports, actor, 'order.done', command, async ({ tx, now, afterCommit }) => {
    const order = await loadOrder(tx, command.orderId);
    const dueAt = followUpDueAt(now, config.deadlines);
    const { event } = await applyOrderStep({
      tx,
      ids: ports.ids,
      actor,
      order,
      to: 'done',
      now,
      patch: { doneAt: now, followUpDueAt: dueAt },
      ...(command.note.length > 0 ? { details: { note: command.note } } : {}),
    });
    await tx.insert(COLLECTIONS.followUps, pendingFollowUp(order, now, dueAt));
    afterCommit(async () => {
      await sendAll(ports.notifier, [reviewReminderMessage(config, order, now)]);
    });
    return { orderId: order._id, status: event.to, statusChangedAt: now, followUpDueAt: dueAt };
  });
}
