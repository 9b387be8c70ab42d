/**
 * The timer step 'rectification' (provider-timers): a rectifying provider whose deadline has passed is due
 * for its re-check (provider.recheck: fixed -> active, not fixed -> removed). The leaders of the unit that
 * evaluated it (the campaign's unit, else the provider's) are told once (TPL_GOVERNANCE_NOTICE, 整改到期):
 * the evaluation that ordered the rectification carries the mark (`recheckDueNotifiedAt`), set in the same
 * transaction as the notices, so a second run (or a redelivered trigger) tells nobody again. Passing the
 * deadline changes no status by itself: the re-check is a person's decision.
 */
import type { TimerRun } from '../kernel/timer-run';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { COLLECTIONS } from '../model/collections.model';
import type { Evaluation } from '../model/evaluation.model';
import type { Provider } from '../model/provider.model';
import {
  evaluatingUnitPath,
  GOVERNANCE_PHRASES,
  governanceNotices,
  holdersAt,
  unitNames,
} from './evaluation-support';
import type { ProviderTimerStepResult } from './provider-timer.step';

export async function rectificationStep(run: TimerRun): Promise<ProviderTimerStepResult> {
  const { ports, db, config, now } = run;
  const _ = db.command;
  const due = await db.find<Provider>(
    COLLECTIONS.providers,
    { status: 'rectifying', rectifyDeadline: _.lte(now) },
    {
      orderBy: [
        ['rectifyDeadline', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
    },
  );
  let told = 0;
  let waiting = 0;
  for (const provider of due) {
    const evaluation = await db.findOne<Evaluation>(
      COLLECTIONS.evaluations,
      { providerId: provider._id, outcome: 'rectify', published: true },
      {
        orderBy: [
          ['publishedAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
    );
    // Put to rectify by hand (provider.status.change): the leader who did it keeps the date.
    if (evaluation === null) continue;
    if ((evaluation.recheckDueNotifiedAt ?? null) !== null) {
      waiting += 1;
      continue;
    }
    const unitPath = await evaluatingUnitPath(db, evaluation);
    const [leaders, [unitName = '']] = await Promise.all([
      holdersAt(db, unitPath, 'leader'),
      unitNames(db, [unitPath]),
    ]);
    const stored = await db.runTransaction(async (tx) => {
      const current = await tx.get<Evaluation>(COLLECTIONS.evaluations, evaluation._id);
      if (current === null || (current.recheckDueNotifiedAt ?? null) !== null) return null;
      await tx.update(COLLECTIONS.evaluations, current._id, { recheckDueNotifiedAt: now, updatedAt: now });
      return enqueueMessages(
        tx,
        ports.ids,
        provider._id,
        governanceNotices(config, leaders, provider, GOVERNANCE_PHRASES.recheckDue, unitName, now),
        now,
      );
    });
    if (stored === null) continue;
    told += 1;
    await deliverMessages(db, ports.notifier, stored, now);
  }
  return {
    counts: { recheckDue: told, awaitingRecheck: waiting },
    hasMore: due.length === config.timerBatchSize,
  };
}
