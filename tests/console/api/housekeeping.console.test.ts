/**
 * The nightly `housekeeping` timer through the real function on the local cloud: rate-limit counters older
 * than a day and console sessions that ended more than 30 days ago are removed, everything newer stays (a
 * signed-in worker keeps working), and a second delivery (timers are at-least-once) removes nothing more.
 */
import type { HousekeepingResult } from '../../../core/housekeeping/housekeeping.usecase';
import { DAY_MS, HOUR_MS } from '../../functions/support/function-cloud';
import { ok } from '../../functions/support/order-loop';
import { platformMark } from '../../functions/support/platform-writes';
import { consoleCloud } from '../support/console-cloud';

const cloud = consoleCloud();
const MINUTE_MS = 60_000;

test('removes old counters and long-ended sessions, keeps the rest, and a second run removes nothing', async () => {
  // Day 0: two sessions, one signed out at once; sign-ins count against the login limits.
  const first = await cloud.signIn('community.worker');
  const leaving = await cloud.signIn('street.worker');
  expect((await leaving.post('/console/auth/logout', {})).code).toBe('OK');
  expect(await cloud.count('rate_limit_counters')).toBeGreaterThan(0);
  expect((await first.get('/console/api/workbench')).code).toBe('OK');

  // 31 days on: those sessions ended long ago; a worker signs in now and is working.
  cloud.shiftClock(31 * DAY_MS);
  const now = await cloud.signIn('community.leader');
  const _ = cloud.db.command;
  const countersBefore = cloud.now() - 24 * HOUR_MS;
  const sessionsEndedBefore = cloud.now() - 30 * DAY_MS;
  const oldCounters = await cloud.count('rate_limit_counters', {
    minute: _.lt(Math.floor(countersBefore / MINUTE_MS)),
  });
  const freshCounters = (await cloud.count('rate_limit_counters')) - oldCounters;
  const ended = await cloud.count(
    'console_sessions',
    _.or([{ expiresAt: _.lt(sessionsEndedBefore) }, { revokedAt: _.lt(sessionsEndedBefore) }]) as never,
  );
  const sessions = await cloud.count('console_sessions');
  expect(oldCounters).toBeGreaterThan(0);
  expect(freshCounters).toBeGreaterThan(0);
  expect(ended).toBeGreaterThanOrEqual(2);

  const run = ok(await cloud.fireTimer<HousekeepingResult>('housekeeping'));
  expect({ counters: run.counters, sessions: run.sessions }).toEqual({
    counters: oldCounters,
    sessions: ended,
  });
  // The cutoffs are a day and 30 days before the run (the local clock runs on between the two reads).
  expect(run.countersBefore - countersBefore).toBeGreaterThanOrEqual(0);
  expect(run.countersBefore - countersBefore).toBeLessThan(MINUTE_MS);
  expect(run.sessionsEndedBefore - run.countersBefore).toBe(-29 * DAY_MS);
  expect(await cloud.count('rate_limit_counters')).toBe(freshCounters);
  expect(await cloud.count('console_sessions')).toBe(sessions - ended);
  expect((await now.get('/console/api/workbench')).code).toBe('OK');
  // The removed session stays ended: its cookie answers "sign in again", as before.
  expect((await first.get('/console/api/workbench')).status).toBe(401);

  const mark = platformMark(cloud);
  const again = ok(await cloud.fireTimer<HousekeepingResult>('housekeeping'));
  expect({ counters: again.counters, sessions: again.sessions }).toEqual({ counters: 0, sessions: 0 });
  expect(platformMark(cloud)).toEqual(mark);
});
