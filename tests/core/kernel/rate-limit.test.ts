/**
 * Calls per user per minute (defect: 200 identical match.request calls in a row all went through): every
 * command that writes has a limit in the platform configuration; the counter is one document per user and
 * minute with an atomic increment per command; the call over the limit is RATE_LIMITED, with a Chinese
 * message and the wait until the next minute.
 */
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { RateLimitCounter } from '../../../core/model/platform.model';
import { DEFAULT_PLATFORM_CONFIG, platformConfig } from '../../../core/kernel/platform.config';
import { enforceRateLimit, rateLimitCounterId, rateLimitOf } from '../../../core/kernel/rate-limit';
import { COMMANDS, COMMAND_NAMES } from '../../../core/schemas/commands.registry';
import { MemoryDatabase } from '../support/memory-database';
import { FakeClock, T0, codeOf } from '../support/order-loop.fixture';

const MINUTE = 60_000;

function setup(limits: Record<string, number> = { 'match.request': 3, 'order.create': 2 }) {
  const db = new MemoryDatabase();
  const clock = new FakeClock(T0 + 10_000);
  const config = platformConfig({ rateLimits: { perMinute: limits } });
  const call = (openid: string, command: string) => enforceRateLimit({ db, clock }, openid, command, config);
  return { db, clock, config, call };
}

describe('the rate limit', () => {
  test('the call over a command’s limit in one minute is RATE_LIMITED; the next minute starts afresh', async () => {
    const { clock, call, db } = setup();
    for (let i = 0; i < 3; i += 1) await call('o-a', 'match.request');
    const refusal = call('o-a', 'match.request');
    expect(await codeOf(refusal)).toBe('RATE_LIMITED');
    await expect(call('o-a', 'match.request')).rejects.toMatchObject({
      message: '操作太频繁，请稍后再试',
      details: { command: 'match.request', limitPerMinute: 3, retryAfterMs: MINUTE - 10_000 },
    });
    // Counted per user and minute, one document, a count per command (dots would make a path).
    const minute = Math.floor(clock.now() / MINUTE);
    expect(db.all<RateLimitCounter>(COLLECTIONS.rateLimitCounters)).toEqual([
      {
        _id: rateLimitCounterId('o-a', minute),
        openid: 'o-a',
        minute,
        counts: { match_request: 5 },
        createdAt: clock.now(),
      },
    ]);
    clock.advance(MINUTE);
    await expect(call('o-a', 'match.request')).resolves.toBeUndefined();
  });

  test('users and commands are counted apart', async () => {
    const { call } = setup();
    for (let i = 0; i < 3; i += 1) await call('o-a', 'match.request');
    await expect(call('o-b', 'match.request')).resolves.toBeUndefined();
    await expect(call('o-a', 'order.create')).resolves.toBeUndefined();
    await expect(call('o-a', 'order.create')).resolves.toBeUndefined();
    expect(await codeOf(call('o-a', 'order.create'))).toBe('RATE_LIMITED');
  });

  test('concurrent calls within the limit all pass; beyond it, never more than the limit get through', async () => {
    const within = setup({ 'match.request': 10 });
    const calls = (n: number, c: typeof within.call) =>
      Promise.allSettled(Array.from({ length: n }, () => c('o-a', 'match.request')));
    expect((await calls(10, within.call)).every((o) => o.status === 'fulfilled')).toBe(true);
    // A burst past the limit: each call sees at least its own place, so at most 10 pass (maybe fewer).
    const burst = setup({ 'match.request': 10 });
    const outcomes = await calls(50, burst.call);
    const passed = outcomes.filter((o) => o.status === 'fulfilled').length;
    expect(passed).toBeGreaterThanOrEqual(1);
    expect(passed).toBeLessThanOrEqual(10);
  });

  test('a command without a limit (a read) costs nothing', async () => {
    const { call, db } = setup();
    for (let i = 0; i < 100; i += 1) await call('o-a', 'order.detail');
    expect(db.all(COLLECTIONS.rateLimitCounters)).toEqual([]);
  });

  test('every command that writes has a limit by default, match.request (which writes a match) too', () => {
    const config = DEFAULT_PLATFORM_CONFIG;
    const writing = COMMAND_NAMES.filter((name) => COMMANDS[name].writes);
    for (const name of Object.keys(config.rateLimits.perMinute)) expect(COMMAND_NAMES).toContain(name);
    // A writing command without an entry of its own (a new one too) has the limit of all writes.
    for (const name of writing) {
      expect(rateLimitOf(config, name)).toBe(
        config.rateLimits.perMinute[name] ?? config.rateLimits.writesPerMinute,
      );
    }
    expect(rateLimitOf(config, 'match.request')).toBe(30);
    // Reads are not limited.
    expect(rateLimitOf(config, 'order.detail')).toBeUndefined();
    expect(rateLimitOf(config, 'catalog.list')).toBeUndefined();
    expect(() => platformConfig({ rateLimits: { perMinute: { 'order.create': 0 } } })).toThrow('must be > 0');
  });
});
