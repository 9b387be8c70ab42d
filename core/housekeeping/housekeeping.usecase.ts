/**
 * Timer (`housekeeping`, nightly): remove the bookkeeping nobody reads any more, so the collections that grow
 * with every call stay small.
 * - `rate_limit_counters`: one document per user and minute; a minute older than `rateLimits.keepCountersHours`
 *   can no longer limit anything (the limits count the current minute only).
 * - `console_sessions`: sessions that ended (expired, or signed out / revoked) more than
 *   `console.keepEndedSessionsDays` ago. The audit log keeps who did what; it does not point at sessions.
 * Idempotent like every timer (decision 0003): a second run finds nothing older than its cutoffs. Its cost
 * grows with what it removes (indexes on `minute`, `expiresAt` and `revokedAt`), not with what stays.
 */
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface HousekeepingResult {
  /** Rate-limit counters removed (minutes before `countersBefore`). */
  readonly counters: number;
  /** Console sessions removed: ended before `sessionsEndedBefore`. */
  readonly sessions: number;
  readonly countersBefore: number;
  readonly sessionsEndedBefore: number;
}

export async function housekeeping(input: TimerInput): Promise<HousekeepingResult> {
  const { db, config, now } = startTimerRun(input);
  const _ = db.command;
  const countersBefore = now - config.rateLimits.keepCountersHours * 60 * MINUTE_MS;
  const sessionsEndedBefore = now - config.console.keepEndedSessionsDays * DAY_MS;
  const counters = await db.removeWhere(COLLECTIONS.rateLimitCounters, {
    minute: _.lt(Math.floor(countersBefore / MINUTE_MS)),
  });
  const expired = await db.removeWhere(COLLECTIONS.consoleSessions, {
    expiresAt: _.lt(sessionsEndedBefore),
  });
  const revoked = await db.removeWhere(COLLECTIONS.consoleSessions, {
    revokedAt: _.lt(sessionsEndedBefore),
  });
  return { counters, sessions: expired + revoked, countersBefore, sessionsEndedBefore };
}
