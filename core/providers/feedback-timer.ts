/**
 * The `provider-timers` step 'tickets' (core/providers/provider-timer.usecase.ts): 差评 follow-up deadlines that
 * passed are marked once (`contactOverdueAt`: no contact by `contactDueAt`; `fixOverdueAt`: not resolved by
 * `fixDueAt`), and the provider's managers and the unit's workers are told (TPL_FEEDBACK_TODO), each in the
 * ticket's own transaction that checks the mark is still unset: a timer delivered twice tells nobody twice.
 */
import type { StoredDocument, TransactionPort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { TimerRun } from '../kernel/timer-run';
import { COLLECTIONS } from '../model/collections.model';
import type { FeedbackTicket } from '../model/feedback.model';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import {
  FEEDBACK_TODO_PHRASES,
  feedbackTodoMessages,
  providerManagerOpenids,
  unitWorkerOpenids,
} from '../reputation/feedback-ticket';
import type { ProviderTimerStepResult } from './provider-timer.step';

type Mark = 'contactOverdueAt' | 'fixOverdueAt';

/** Whether the ticket's deadline for `mark` has passed unmet and is not marked yet. */
function isDue(t: FeedbackTicket, mark: Mark, now: number): boolean {
  if (t[mark] !== null) return false;
  return mark === 'contactOverdueAt'
    ? t.status === 'open' && t.contactDueAt < now
    : t.status !== 'resolved' && t.fixDueAt < now;
}

async function markOne(run: TimerRun, ticketId: string, mark: Mark): Promise<boolean> {
  const { db, ports, now, config } = run;
  const stored = await db.runTransaction(async (tx: TransactionPort) => {
    const ticket = await tx.get<FeedbackTicket>(COLLECTIONS.feedbackTickets, ticketId);
    if (ticket === null || !isDue(ticket, mark, now)) return null;
    await tx.update(COLLECTIONS.feedbackTickets, ticket._id, { [mark]: now, updatedAt: now });
    const recipients = [
      ...(await providerManagerOpenids(db, ticket.providerId)),
      ...(await unitWorkerOpenids(db, ticket.orgPath)),
    ];
    const messages: SubscribeMessage[] =
      mark === 'contactOverdueAt'
        ? feedbackTodoMessages(
            config,
            recipients,
            ticket,
            FEEDBACK_TODO_PHRASES.contactOverdue,
            ticket.contactDueAt,
          )
        : feedbackTodoMessages(config, recipients, ticket, FEEDBACK_TODO_PHRASES.fixOverdue, ticket.fixDueAt);
    return enqueueMessages(tx, ports.ids, ticket._id, messages, now);
  });
  if (stored === null) return false;
  await deliverMessages(db, ports.notifier, stored, now);
  return true;
}

/** The 'tickets' step: at most one batch of each kind of deadline per run. */
export async function feedbackTicketStep(run: TimerRun): Promise<ProviderTimerStepResult> {
  const { db, now, config } = run;
  const _ = db.command;
  const batch = config.timerBatchSize;
  const contactDue = await db.find<StoredDocument>(
    COLLECTIONS.feedbackTickets,
    { status: 'open', contactDueAt: _.lt(now), contactOverdueAt: null },
    { fields: ['_id'], orderBy: [['contactDueAt', 'asc']], limit: batch },
  );
  const fixDue = await db.find<StoredDocument>(
    COLLECTIONS.feedbackTickets,
    { status: _.in(['open', 'contacted']), fixDueAt: _.lt(now), fixOverdueAt: null },
    { fields: ['_id'], orderBy: [['fixDueAt', 'asc']], limit: batch },
  );
  let contactOverdue = 0;
  let fixOverdue = 0;
  for (const t of contactDue) if (await markOne(run, t._id, 'contactOverdueAt')) contactOverdue += 1;
  for (const t of fixDue) if (await markOne(run, t._id, 'fixOverdueAt')) fixOverdue += 1;
  return {
    counts: { contactOverdue, fixOverdue },
    hasMore: contactDue.length === batch || fixDue.length === batch,
  };
}
