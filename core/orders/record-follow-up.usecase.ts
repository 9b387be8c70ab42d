/**
 * order.follow_up: a staff member of the order's provider records the follow-up (回访): how the resident
 * was reached (phone, visit, message), what they said, the problems and suggestions they raised and how each
 * was handled. The order moves done -> followed_up, or rated -> closed when the resident rated first.
 *
 * Punctuality counts once per order: a follow-up recorded by its due time adds one on-time follow-up; one
 * that the timer already counted as overdue adds nothing when it is recorded late.
 *
 * The summary, the problems and the suggestions, which the resident and the workers read, go through content
 * security once the step is known to be allowed: risky text is refused (FOLLOW_UP_SUMMARY_RISKY,
 * FOLLOW_UP_PROBLEMS_RISKY, FOLLOW_UP_SUGGESTIONS_RISKY: a list is checked as one text, entries and their
 * handling together); doubtful text is recorded but shown to its author only until a worker approves it.
 */
import { followUpDueAt } from '../lifecycle/order.deadlines';

import { COLLECTIONS } from '../model/collections.model';

import type { FeedbackEntry, FollowUp, FollowUpStatus, Order } from '../model/order.model';

import type { Provider } from '../model/provider.model';

import { addFollowUpOutcome } from '../reputation/ratings.aggregate';

import { parseCommand } from '../schemas/command.parser';

import { followUpRecordSchema } from '../schemas/order.schema';

import type { UseCaseInput } from '../kernel/use-case';

import { insertHeldTexts, runOrderStep, type StepScreening } from './order-transition';
import type { FollowUpRecordCommand } from '../schemas/order.schema';
import type { TextToScreen } from '../kernel/text-screening';

import { pendingFollowUp } from './mark-done.usecase';

import { followUpIdOf } from './order-ids';

import {
  followUpAggregateOf,
  providerReputation,
  providerReputationPatch,
  copyReputationToOfferings,
} from '../reputation/provider-reputation';

import type { RecordFollowUpResult } from './order.replies';

/** A list of feedback as one text for content security: each entry and how it was handled. */
function feedbackText(entries: readonly FeedbackEntry[]): string {
  return entries.map((e) => `${e.content}\n${e.handling}`).join('\n');
}

function followUpTexts(command: FollowUpRecordCommand): TextToScreen[] {
  return [
    { kind: 'follow_up_summary', text: command.summary },
    { kind: 'follow_up_problems', text: feedbackText(command.problems) },
    { kind: 'follow_up_suggestions', text: feedbackText(command.suggestions) },
  ];
}

/** After a rating the follow-up also closes the order; from any other status the life cycle refuses. */
const followUpStep = (order: Pick<Order, 'status'>) => (order.status === 'rated' ? 'closed' : 'followed_up');

export async function recordFollowUp(input: UseCaseInput): Promise<RecordFollowUpResult> {
  const command = parseCommand(followUpRecordSchema, input.command);
  const texts = followUpTexts(command);
  const screening: StepScreening = { texts, to: followUpStep };
  return runOrderStep(
    input,
    'order.follow_up',
    command,
    async (step) => {
      const { ports, actor, config, tx, order, now, held } = step;
      const _ = ports.db.command;
      const to = followUpStep(order);
      const { event } = await step.apply({
        to,
        patch: { followedUpAt: now, ...(to === 'closed' ? { closedAt: now } : {}) },
        details: { channel: command.channel },
      });

      const id = followUpIdOf(order._id);
      const stored = await tx.get<FollowUp>(COLLECTIONS.followUps, id);
      // Orders marked done before follow-up records existed (imports) get theirs now.
      const doneAt = order.doneAt ?? now;
      const followUp =
        stored ??
        pendingFollowUp(order, doneAt, order.followUpDueAt ?? followUpDueAt(doneAt, config.deadlines));
      const previous: FollowUpStatus = followUp.status;
      const onTime = now <= followUp.dueAt;
      const recorded = {
        status: 'recorded' as const,
        recordedAt: now,
        recordedBy: actor.openid,
        // A follow-up counted overdue stays late, whenever it is recorded.
        onTime: previous === 'overdue' ? false : onTime,
        channel: command.channel,
        summary: command.summary,
        problems: command.problems,
        suggestions: command.suggestions,
        ...(held.length > 0 ? { heldTexts: [...held] } : {}),
        updatedAt: now,
      };
      if (stored === null) await tx.insert(COLLECTIONS.followUps, { ...followUp, ...recorded });
      else await tx.update(COLLECTIONS.followUps, id, recorded);
      const subject = { subject: 'follow_ups', subjectId: id, orderId: order._id } as const;
      await insertHeldTexts(
        tx,
        { ...subject, orgPath: order.orgPath, authorOpenid: actor.openid },
        texts,
        held,
        now,
      );

      if (previous === 'pending') {
        const provider = await tx.get<Provider>(COLLECTIONS.providers, order.providerId);
        if (provider !== null) {
          const reputation = providerReputation(provider, config, {
            followUps: addFollowUpOutcome(followUpAggregateOf(provider), onTime),
          });
          await tx.update(COLLECTIONS.providers, provider._id, {
            followUpsDue: _.inc(1),
            ...(onTime ? { followUpsOnTime: _.inc(1) } : {}),
            ...providerReputationPatch(reputation, now),
          });
          await copyReputationToOfferings(tx, ports.db, provider._id, reputation, now);
        }
      }
      return {
        orderId: order._id,
        status: event.to,
        statusChangedAt: now,
        followUpId: id,
        onTime: recorded.onTime,
        wasOverdue: previous === 'overdue',
      };
    },
    screening,
  );
}
