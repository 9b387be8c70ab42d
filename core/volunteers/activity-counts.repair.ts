/**
 * The places-left repair of `volunteer-timers`: an activity's shown counters (`residentCount`,
 * `volunteerCount`) follow each sign-up and cancellation by an atomic increment right after its commit
 * (activity-signup.usecase.ts); a function stopped between the two leaves a counter one off for good. The
 * sign-ups are the truth: for each activity still open for sign-up, the timer counts its signed sign-ups of
 * each kind and rewrites a counter that differs.
 *
 * Without racing a sign-up in flight: an activity is recounted only when none of its sign-ups changed in
 * the last COUNT_SETTLE_MS (read after the count, so a sign-up committed before the count whose increment has
 * not landed yet is seen, and the activity waits for the next run); the rewrite is made in a transaction only
 * if the counters still hold what was read before the count (an increment in between: next run). A run with
 * nothing to repair writes nothing.
 */
import type { DatabasePort } from '../kernel/database.port';
import type { TimerRun } from '../kernel/timer-run';
import { COLLECTIONS } from '../model/collections.model';
import type { ActivitySignup, SignupKind, VolunteerActivity } from '../model/volunteer.model';

/** How long an activity's sign-ups must have stood still before its counters are recounted. */
export const COUNT_SETTLE_MS = 5 * 60_000;

type Counters = Pick<VolunteerActivity, 'residentCount' | 'volunteerCount'>;

function signedOf(db: DatabasePort, activityId: string, kind: SignupKind): Promise<number> {
  return db.count(COLLECTIONS.activitySignups, { activityId, kind, status: 'signed' });
}

/** When any sign-up of the activity last changed (0: none). */
async function lastSignupChange(db: DatabasePort, activityId: string): Promise<number> {
  const [latest] = await db.find<Pick<ActivitySignup, '_id' | 'updatedAt'>>(
    COLLECTIONS.activitySignups,
    { activityId },
    { orderBy: [['updatedAt', 'desc']], limit: 1, fields: ['updatedAt'] },
  );
  return latest?.updatedAt ?? 0;
}

/** Recount one activity; answers whether its counters were rewritten. */
async function repairOne(run: TimerRun, seen: VolunteerActivity): Promise<boolean> {
  const { db, now } = run;
  const counted: Counters = {
    residentCount: await signedOf(db, seen._id, 'resident'),
    volunteerCount: await signedOf(db, seen._id, 'volunteer'),
  };
  if (counted.residentCount === seen.residentCount && counted.volunteerCount === seen.volunteerCount) {
    return false;
  }
  if ((await lastSignupChange(db, seen._id)) > now - COUNT_SETTLE_MS) return false;
  return db.runTransaction(async (tx) => {
    const activity = await tx.get<VolunteerActivity>(COLLECTIONS.volunteerActivities, seen._id);
    if (
      activity === null ||
      activity.status !== 'scheduled' ||
      activity.residentCount !== seen.residentCount ||
      activity.volunteerCount !== seen.volunteerCount
    ) {
      return false;
    }
    await tx.update(COLLECTIONS.volunteerActivities, activity._id, { ...counted, updatedAt: now });
    return true;
  });
}

/**
 * The activities open for sign-up (scheduled, not yet started), soonest first, a batch per run: those whose
 * shown counters differ from their signed sign-ups are rewritten. Answers how many were.
 */
export async function repairActivityCounts(run: TimerRun): Promise<number> {
  const { db, config, now } = run;
  const open = await db.find<VolunteerActivity>(
    COLLECTIONS.volunteerActivities,
    { status: 'scheduled', startAt: db.command.gt(now) },
    {
      orderBy: [
        ['startAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['residentCount', 'volunteerCount', 'status'],
    },
  );
  let repaired = 0;
  for (const activity of open) {
    if (await repairOne(run, activity)) repaired += 1;
  }
  return repaired;
}
