/**
 * The `provider-timers` step 'notice': applications whose public notice (公示) has ended are told once. The
 * applicant hears 公示期满，请签署服务协定 (TPL_APPLICATION_PROGRESS); the unit's workers and leaders hear of
 * objections still open (TPL_APPLICATION_TODO, 异议未答复), or, for a paper application, that the paper
 * agreement can be recorded (公示期满). Each application is changed in its own transaction that sets
 * `noticeEndToldAt` (compare-and-set on it being unset), so a run delivered twice tells nobody twice.
 */
import type { DatabasePort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { TimerRun } from '../kernel/timer-run';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import type { Application } from '../model/application.model';
import { COLLECTIONS } from '../model/collections.model';
import {
  APPLICATION_PROGRESS_PHRASES,
  APPLICATION_TODO_PHRASES,
  progressMessage,
  reviewersAt,
  todoMessages,
  unitName,
} from './application-access';
import type { ProviderTimerStepResult } from './provider-timer.step';

type Tx = Parameters<Parameters<DatabasePort['runTransaction']>[0]>[0];

/** The step: at most one batch of ended notices. */
export async function applicationNoticeStep(run: TimerRun): Promise<ProviderTimerStepResult> {
  const { db, config, now, ports } = run;
  const due = await db.find<Application>(
    COLLECTIONS.applications,
    { status: 'noticed', noticeEndsAt: db.command.lte(now), noticeEndToldAt: null },
    {
      orderBy: [
        ['noticeEndsAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id', 'orgPath', 'orgUnitId'],
    },
  );
  let told = 0;
  let objectionsOpen = 0;
  for (const ref of due) {
    const reviewers = await reviewersAt(db, ref.orgPath);
    const unit = await unitName(db, ref.orgUnitId);
    let open = false;
    const stored = await db.runTransaction(async (tx: Tx) => {
      const application = await tx.get<Application>(COLLECTIONS.applications, ref._id);
      if (
        application === null ||
        application.status !== 'noticed' ||
        application.noticeEndsAt === null ||
        application.noticeEndsAt > now ||
        (application.noticeEndToldAt ?? null) !== null
      ) {
        return null;
      }
      await tx.update(COLLECTIONS.applications, application._id, { noticeEndToldAt: now });
      open = (application.openObjections ?? 0) > 0;
      const messages: SubscribeMessage[] = [
        ...progressMessage(config, application, APPLICATION_PROGRESS_PHRASES.sign, unit, now),
      ];
      if (open) {
        messages.push(
          ...todoMessages(config, reviewers, application, APPLICATION_TODO_PHRASES.objectionsOpen, unit, now),
        );
      } else if (application.applicantOpenid.length === 0) {
        messages.push(
          ...todoMessages(config, reviewers, application, APPLICATION_TODO_PHRASES.noticeEnded, unit, now),
        );
      }
      return enqueueMessages(tx, ports.ids, application._id, messages, now);
    });
    if (stored === null) continue;
    await deliverMessages(db, ports.notifier, stored, now);
    told += 1;
    if (open) objectionsOpen += 1;
  }
  return { counts: { told, objectionsOpen }, hasMore: due.length === config.timerBatchSize };
}
