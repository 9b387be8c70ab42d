/**
 * `volunteer-timers` (every 10 minutes), idempotent because CloudBase timers are at-least-once (decision
 * 0003): every change is made in its own transaction only if the activity, as read there, still calls for it,
 * and each clears the field that made it due, so a second delivery finds nothing to do.
 * - Reminders: a scheduled activity whose `remindAt` has come (remindBeforeMinutes before the start) is
 *   announced to everyone signed up (TPL_ACTIVITY_REMINDER, 即将开始), once: `remindAt` becomes null.
 * - End: a scheduled activity past its end is finished; the organiser's hours reminder is set for
 *   confirmRemindAfterHours later.
 * - Hours: an activity whose hours are still unconfirmed then reminds its organiser once (待确认时长).
 * - Codes: check-in codes expired more than a day ago are removed.
 * - Places left: the open activities' shown counters recounted from their sign-ups where they drifted
 *   (activity-counts.repair.ts).
 */
import { COLLECTIONS } from '../model/collections.model';
import type { VolunteerActivity } from '../model/volunteer.model';
import type { SubscribeMessage } from '../kernel/notifier.port';
import { startTimerRun, type TimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import type { TransactionPort } from '../kernel/database.port';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { ACTIVITY_REMINDER_PHRASES, activityMessages, signedUpOpenids } from './activity-access';
import { repairActivityCounts } from './activity-counts.repair';
import type { VolunteerTimerResult } from './volunteer.replies';

const HOUR_MS = 3_600_000;
/** Expired check-in codes are kept a day (a late scan is told "expired", not "unknown"), then removed. */
const CODE_KEPT_MS = 24 * HOUR_MS;

type Change = (tx: TransactionPort, activity: VolunteerActivity) => Promise<SubscribeMessage[] | null>;

/** Run `change` on the activity in its own transaction; its messages are stored there and sent after. */
async function changeOne(run: TimerRun, activityId: string, change: Change): Promise<boolean> {
  const { db, ports, now } = run;
  const stored = await db.runTransaction(async (tx) => {
    const activity = await tx.get<VolunteerActivity>(COLLECTIONS.volunteerActivities, activityId);
    if (activity === null) return null;
    const messages = await change(tx, activity);
    if (messages === null) return null;
    return enqueueMessages(tx, ports.ids, activityId, messages, now);
  });
  if (stored === null) return false;
  await deliverMessages(db, ports.notifier, stored, now);
  return true;
}

async function due(run: TimerRun, field: 'remindAt' | 'hoursRemindAt'): Promise<string[]> {
  const { db, config, now } = run;
  const found = await db.find<Pick<VolunteerActivity, '_id'>>(
    COLLECTIONS.volunteerActivities,
    { [field]: db.command.lte(now) },
    {
      orderBy: [
        [field, 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id'],
    },
  );
  return found.map((a) => a._id);
}

export async function volunteerTimer(input: TimerInput): Promise<VolunteerTimerResult> {
  const run = startTimerRun(input);
  const { db, config, now } = run;
  let reminded = 0;
  for (const id of await due(run, 'remindAt')) {
    // Read before the transaction (queries never take part in one); a sign-up a moment later is not told.
    const recipients = await signedUpOpenids(db, id);
    const changed = await changeOne(run, id, async (tx, activity) => {
      if (activity.remindAt === null || activity.remindAt > now) return null;
      await tx.update(COLLECTIONS.volunteerActivities, activity._id, {
        remindAt: null,
        remindedAt: activity.status === 'scheduled' ? now : activity.remindedAt,
        updatedAt: now,
      });
      if (activity.status !== 'scheduled' || activity.startAt <= now) return [];
      return activityMessages(config, recipients, activity, ACTIVITY_REMINDER_PHRASES.startsSoon);
    });
    if (changed) reminded += 1;
  }

  let finished = 0;
  const ended = await db.find<Pick<VolunteerActivity, '_id'>>(
    COLLECTIONS.volunteerActivities,
    { status: 'scheduled', endAt: db.command.lte(now) },
    {
      orderBy: [
        ['endAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id'],
    },
  );
  for (const { _id } of ended) {
    const changed = await changeOne(run, _id, async (tx, activity) => {
      if (activity.status !== 'scheduled' || activity.endAt > now) return null;
      await tx.update(COLLECTIONS.volunteerActivities, activity._id, {
        status: 'finished',
        finishedAt: now,
        remindAt: null,
        hoursRemindAt:
          activity.hoursConfirmedAt === null && activity.volunteerCount > 0
            ? activity.endAt + config.volunteers.confirmRemindAfterHours * HOUR_MS
            : null,
        updatedAt: now,
      });
      return [];
    });
    if (changed) finished += 1;
  }

  let hoursReminded = 0;
  for (const id of await due(run, 'hoursRemindAt')) {
    const changed = await changeOne(run, id, async (tx, activity) => {
      if (activity.hoursRemindAt === null || activity.hoursRemindAt > now) return null;
      await tx.update(COLLECTIONS.volunteerActivities, activity._id, { hoursRemindAt: null, updatedAt: now });
      if (activity.hoursConfirmedAt !== null || activity.status !== 'finished') return [];
      return activityMessages(
        config,
        [activity.organiserOpenid],
        activity,
        ACTIVITY_REMINDER_PHRASES.confirmHours,
      );
    });
    if (changed) hoursReminded += 1;
  }
  // Check-in codes a day past their expiry are no use to anyone (the sign-ups hold the times they gave).
  const codesRemoved = await db.removeWhere(COLLECTIONS.checkinCodes, {
    expiresAt: db.command.lt(now - CODE_KEPT_MS),
  });
  const countsRepaired = await repairActivityCounts(run);
  return { reminded, finished, hoursReminded, codesRemoved, countsRepaired };
}
