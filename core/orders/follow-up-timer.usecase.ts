/**
 * Timer for follow-ups (回访): remind the provider's staff `followUpReminderHoursBefore` hours before a
 * follow-up is due (TPL_FOLLOWUP_DUE), and mark it overdue once its due time has passed, counting it once
 * as a late follow-up in the provider's punctuality (and so in its reputation).
 *
 * Idempotent (timers are at-least-once, decision 0003): reminders are written to the message outbox only by the
 * run whose transaction stamps `reminderSentAt` (pending and not yet reminded); a follow-up turns overdue in a
 * transaction that first checks it is still pending, with the provider's counters in the same commit.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { FollowUp, Order } from '../model/order.model';
import type { Provider } from '../model/provider.model';
import { addFollowUpOutcome } from '../reputation/ratings.aggregate';
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { followUpDueMessage, providerStaffOpenids } from './order-messages.builder';
import {
  followUpAggregateOf,
  providerReputation,
  providerReputationPatch,
  copyReputationToOfferings,
} from '../reputation/provider-reputation';

const HOUR_MS = 3_600_000;

export interface FollowUpTimerResult {
  /** Follow-ups whose reminder this run sent. */
  readonly reminded: readonly string[];
  /** Follow-ups this run marked overdue. */
  readonly overdue: readonly string[];
  /** A batch was full: run again for the rest. */
  readonly hasMore: boolean;
}

/** The statuses in which an order still waits for its follow-up. */
const AWAITING_FOLLOW_UP = new Set(['done', 'rated']);

export async function followUpTimer(input: TimerInput): Promise<FollowUpTimerResult> {
  const { ports, db, config, now } = startTimerRun(input);
  const _ = db.command;
  const batch = config.timerBatchSize;

  // Reminders: pending, not reminded, due within the lead time (and not yet past due).
  const lead = config.deadlines.followUpReminderHoursBefore * HOUR_MS;
  const toRemind = await db.find<FollowUp>(
    COLLECTIONS.followUps,
    { status: 'pending', reminderSentAt: null, dueAt: _.and([_.gte(now), _.lte(now + lead)]) },
    {
      orderBy: [
        ['dueAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: batch,
    },
  );
  const reminded: string[] = [];
  for (const followUp of toRemind) {
    const order = await db.get<Order>(COLLECTIONS.orders, followUp.orderId);
    if (order === null || !AWAITING_FOLLOW_UP.has(order.status)) continue;
    const staff = await providerStaffOpenids(db, followUp.providerId);
    // Stamp and write the reminders in one transaction: only the run that stamps it sends them.
    const messages = await db.runTransaction(async (tx) => {
      const current = await tx.get<FollowUp>(COLLECTIONS.followUps, followUp._id);
      if (current === null || current.status !== 'pending' || current.reminderSentAt !== null) return null;
      await tx.update(COLLECTIONS.followUps, followUp._id, { reminderSentAt: now, updatedAt: now });
      return enqueueMessages(
        tx,
        ports.ids,
        followUp._id,
        staff.map((openid) => followUpDueMessage(config, openid, order, followUp.dueAt)),
        now,
      );
    });
    if (messages === null) continue; // another run got there first
    reminded.push(followUp._id);
    await deliverMessages(db, ports.notifier, messages, now);
  }

  // Overdue: pending past the due time; counted once as late.
  const toMark = await db.find<Pick<FollowUp, '_id'>>(
    COLLECTIONS.followUps,
    { status: 'pending', dueAt: _.lt(now) },
    {
      orderBy: [
        ['dueAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: batch,
      fields: ['_id'],
    },
  );
  const overdue: string[] = [];
  for (const { _id } of toMark) {
    const changed = await db.runTransaction(async (tx): Promise<boolean> => {
      const followUp = await tx.get<FollowUp>(COLLECTIONS.followUps, _id);
      if (followUp === null || followUp.status !== 'pending' || !(followUp.dueAt < now)) return false;
      await tx.update(COLLECTIONS.followUps, _id, { status: 'overdue', onTime: false, updatedAt: now });
      const provider = await tx.get<Provider>(COLLECTIONS.providers, followUp.providerId);
      // A follow-up of a provider record that is gone still turns overdue; there is nothing to count into.
      if (provider === null) return true;
      const reputation = providerReputation(provider, config, {
        followUps: addFollowUpOutcome(followUpAggregateOf(provider), false),
      });
      await tx.update(COLLECTIONS.providers, provider._id, {
        followUpsDue: _.inc(1),
        ...providerReputationPatch(reputation, now),
      });
      await copyReputationToOfferings(tx, db, provider._id, reputation, now);
      return true;
    });
    if (changed) overdue.push(_id);
  }

  return { reminded, overdue, hasMore: toRemind.length === batch || toMark.length === batch };
}
