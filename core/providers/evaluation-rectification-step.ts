/**
 * The timer step 'rectification' (provider-timers): a rectifying provider whose deadline has passed is due
 * for its re-check (provider.recheck: fixed -> active, not fixed -> removed). The leaders of the unit that
 * evaluated it (the campaign's unit, else the provider's) are told once (TPL_GOVERNANCE_NOTICE, 整改到期):
 * the evaluation that ordered the rectification carries the mark (`recheckDueNotifiedAt`), set in the same
 * transaction as the notices, so a second run (or a redelivered trigger) tells nobody again. Passing the
 * deadline changes no status by itself: the re-check is a person's decision. A rectification ordered by hand
 * (provider.status.change) is told the same way, to the leaders of the unit that ordered it, its mark on the
 * provider (`rectification.dueToldAt`).
 */
import type { TimerRun } from '../kernel/timer-run';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { COLLECTIONS } from '../model/collections.model';
import type { Evaluation } from '../model/evaluation.model';
import type { Provider, ProviderRectification } from '../model/provider.model';
import {
  evaluatingUnitPath,
  GOVERNANCE_PHRASES,
  governanceNotices,
  holdersAt,
  unitNames,
} from './evaluation-support';
import type { ProviderTimerStepResult } from './provider-timer.step';
import { handRectificationInForce } from '../lifecycle/provider-rectification';

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
    const byHand = handRectificationInForce(
      provider,
      evaluation === null ? null : (evaluation.publishedAt ?? evaluation.createdAt),
    );
    if (byHand !== null) {
      const outcome = await tellHandRectificationDue(run, provider, byHand);
      if (outcome === 'told') told += 1;
      if (outcome === 'waiting') waiting += 1;
      continue;
    }
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

/**
 * Tell the leaders of the unit that ordered a rectification by hand that its re-check is due, once: the mark
 * (`rectification.dueToldAt`) is set in the same transaction as the notices. The provider's `updatedAt` is
 * left alone: nothing residents see of it changed.
 */
async function tellHandRectificationDue(
  run: TimerRun,
  provider: Provider,
  byHand: ProviderRectification,
): Promise<'told' | 'waiting' | 'none'> {
  const { ports, db, config, now } = run;
  if (byHand.dueToldAt !== null) return 'waiting';
  const [leaders, [unitName = '']] = await Promise.all([
    holdersAt(db, byHand.unitPath, 'leader'),
    unitNames(db, [byHand.unitPath]),
  ]);
  const stored = await db.runTransaction(async (tx) => {
    const current = await tx.get<Provider>(COLLECTIONS.providers, provider._id);
    const mark = current?.rectification ?? null;
    if (current === null || mark === null || mark.orderedAt !== byHand.orderedAt || mark.dueToldAt !== null) {
      return null;
    }
    await tx.update(COLLECTIONS.providers, current._id, { rectification: { ...mark, dueToldAt: now } });
    return enqueueMessages(
      tx,
      ports.ids,
      provider._id,
      governanceNotices(config, leaders, provider, GOVERNANCE_PHRASES.recheckDue, unitName, now),
      now,
    );
  });
  if (stored === null) return 'none';
  await deliverMessages(db, ports.notifier, stored, now);
  return 'told';
}
