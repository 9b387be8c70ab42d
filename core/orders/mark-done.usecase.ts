/**
 * order.done: a staff member of the order's provider marks the job done. The follow-up (回访) falls due
 * `followUpWithinHours` later: its record is created now, pending, so the timer can remind and count it.
 * The resident is asked to rate the job.
 */
import { followUpDueAt } from '../lifecycle/order.deadlines';

import { COLLECTIONS } from '../model/collections.model';

import type { FollowUp, Order } from '../model/order.model';

import { parseCommand } from '../schemas/command.parser';

import { orderDoneSchema } from '../schemas/order.schema';

import type { UseCaseInput } from '../kernel/use-case';

import { reviewReminderMessage } from './order-messages.builder';

import { followUpIdOf } from './order-ids';

import { runOrderStep } from './order-transition';

import type { MarkDoneResult } from './order.replies';

export function pendingFollowUp(order: Order, doneAt: number, dueAt: number): FollowUp {
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
  const command = parseCommand(orderDoneSchema, input.command);
  return runOrderStep(input, 'order.done', command, async ({ config, tx, order, now, apply, notify }) => {
    const dueAt = followUpDueAt(now, config.deadlines);
    const { event } = await apply({
      to: 'done',
      patch: { doneAt: now, followUpDueAt: dueAt },
      ...(command.note.length > 0 ? { details: { note: command.note } } : {}),
    });
    await tx.insert(COLLECTIONS.followUps, pendingFollowUp(order, now, dueAt));
    await notify([reviewReminderMessage(config, order, now)]);
    return { orderId: order._id, status: event.to, statusChangedAt: now, followUpDueAt: dueAt };
  });
}
