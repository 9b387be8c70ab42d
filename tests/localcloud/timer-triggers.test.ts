/**
 * Timer triggers on the controllable clock: cron times in UTC+8, retries, at-least-once delivery.
 */
import { parseCloudbaseCron, RETRY_DELAY_MS } from '../../localcloud/functions/timer-scheduler';
import {
  buildTestFunctions,
  catalog,
  nodeSdk,
  startLocalCloud,
  type StartedCloud,
} from '../helpers/local-cloud.fixture';

const MINUTE = 60_000;

describe('timer triggers', () => {
  let s: StartedCloud;
  let buildDir: string;
  let built: { dir: string; remove(): void };

  beforeAll(async () => {
    built = await buildTestFunctions();
    buildDir = built.dir;
  });

  beforeEach(async () => {
    s = await startLocalCloud({
      catalog: catalog({ timer_runs: [], timer_counters: [] }),
      createDeclaredCollections: true,
    });
    // 2026-12-01 10:02:30 in Yulin (UTC+8), frozen so only the test moves time.
    s.cloud.clock.set(Date.parse('2026-12-01T10:02:30+08:00'), { freeze: true });
    s.cloud.loadFunctions(buildDir);
    await nodeSdk(s.serviceUrl).database().collection('timer_counters').add({ _id: 'ticks', n: 0 });
  });

  afterEach(() => s.stop());
  afterAll(() => built.remove());

  const ticks = async () =>
    (
      (await nodeSdk(s.serviceUrl).database().collection('timer_counters').doc('ticks').get()).data as Array<{
        n: number;
      }>
    )[0]!.n;

  it('runs a trigger at its cron times and not between', async () => {
    expect(await s.cloud.timers.runDue()).toEqual([]); // 10:02:30, nothing due
    s.cloud.clock.advance(2 * MINUTE); // 10:04:30
    expect(await s.cloud.timers.runDue()).toEqual([]);
    s.cloud.clock.advance(30_000); // 10:05:00 exactly
    const runs = await s.cloud.timers.runDue();
    expect(runs.map((r) => [r.functionName, r.ok, new Date(r.scheduledAt).toISOString()])).toEqual([
      ['tick-counter', true, '2026-12-01T02:05:00.000Z'],
    ]);
    expect(await ticks()).toBe(1);
    s.cloud.clock.advance(MINUTE); // 10:06, between fire times
    expect(await s.cloud.timers.runDue()).toEqual([]);
    s.cloud.clock.advance(4 * MINUTE); // 10:10
    expect((await s.cloud.timers.runDue()).map((r) => r.functionName)).toEqual(['tick-counter']);
    expect(await ticks()).toBe(2);
  });

  it('after the clock is set back, runs at the cron times from the new time on', async () => {
    s.cloud.clock.set(Date.parse('2026-12-01T12:00:00+08:00'), { freeze: true });
    expect((await s.cloud.timers.runDue()).map((r) => r.functionName)).toEqual(['tick-counter']);
    // Back to the morning: the next run is 10:05 again, not 12:05.
    s.cloud.clock.set(Date.parse('2026-12-01T10:04:00+08:00'), { freeze: true });
    expect(await s.cloud.timers.runDue()).toEqual([]);
    s.cloud.clock.advance(MINUTE); // 10:05
    const runs = await s.cloud.timers.runDue();
    expect(runs.map((r) => new Date(r.scheduledAt).toISOString())).toEqual(['2026-12-01T02:05:00.000Z']);
    expect(s.cloud.timers.list().find((t) => t.functionName === 'tick-counter')!.nextAt).toBe(
      Date.parse('2026-12-01T10:10:00+08:00'),
    );
  });

  it('runs with SOURCE wx_trigger and CloudBase timer event fields', async () => {
    s.cloud.clock.advance(2.5 * MINUTE);
    await s.cloud.timers.runDue();
    const rec = (await nodeSdk(s.serviceUrl).database().collection('timer_runs').get()).data as Array<
      Record<string, unknown>
    >;
    expect(rec).toEqual([
      { _id: 'tick-2026-12-01T02:05:00Z', source: 'wx_trigger', time: '2026-12-01T02:05:00Z' },
    ]);
  });

  it('retries a failed run twice, a minute apart', async () => {
    s.cloud.clock.set(Date.parse('2026-12-02T03:00:00+08:00'), { freeze: true });
    const first = await s.cloud.timers.runDue();
    expect(first.filter((r) => r.functionName === 'flaky').map((r) => [r.attempt, r.ok])).toEqual([
      [0, false],
    ]);
    s.cloud.clock.advance(RETRY_DELAY_MS - 1000);
    expect((await s.cloud.timers.runDue()).filter((r) => r.functionName === 'flaky')).toEqual([]);
    s.cloud.clock.advance(1000);
    expect(
      (await s.cloud.timers.runDue()).filter((r) => r.functionName === 'flaky').map((r) => [r.attempt, r.ok]),
    ).toEqual([[1, false]]);
    s.cloud.clock.advance(RETRY_DELAY_MS);
    expect(
      (await s.cloud.timers.runDue()).filter((r) => r.functionName === 'flaky').map((r) => [r.attempt, r.ok]),
    ).toEqual([[2, true]]);
  });

  it('does no harm when two runs of one job overlap (the job is idempotent)', async () => {
    s.cloud.clock.advance(2.5 * MINUTE);
    const event = {
      Type: 'Timer',
      TriggerName: 'everyFiveMinutes',
      Time: '2026-12-01T02:05:00Z',
      Message: '',
    };
    // The scheduled run and a duplicate delivery of the same slot, at the same time.
    const [scheduled, dup1, dup2] = await Promise.all([
      s.cloud.timers.runDue(),
      s.cloud.runner.invoke('tick-counter', event, { SOURCE: 'wx_trigger' }),
      s.cloud.runner.invoke('tick-counter', event, { SOURCE: 'wx_trigger' }),
    ]);
    expect(scheduled.map((r) => r.ok)).toEqual([true]);
    expect([dup1, dup2].every((r) => typeof r.responseData === 'string')).toBe(true);
    expect(await ticks()).toBe(1);
  });

  it('advances the clock over HTTP and runs what became due', async () => {
    const res = await fetch(`${s.cloud.url}/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 2.5 * MINUTE }),
    });
    const body = (await res.json()) as { runs: Array<{ functionName: string }>; iso: string };
    expect(body.iso).toBe('2026-12-01T02:05:00.000Z');
    expect(body.runs.map((r) => r.functionName)).toEqual(['tick-counter']);
    const bad = await fetch(`${s.cloud.url}/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ setTo: 'not a date' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_PARAM' });
  });
});

describe('CloudBase cron', () => {
  it.each([
    ['0 */5 * * * * *', '0 */5 * * * *', undefined],
    ['0 0 2 * * * 2026', '0 0 2 * * *', [2026]],
    ['0 0 2 * * * 2026-2027', '0 0 2 * * *', [2026, 2027]],
  ])('parses %s', (expr, cron, years) => {
    const parsed = parseCloudbaseCron(expr);
    expect(parsed.cron).toBe(cron);
    expect(parsed.years ? [...parsed.years] : undefined).toEqual(years);
  });

  it.each(['0 * * * * *', '* * *', 'a b c d e f g'])('rejects %s', (expr) => {
    expect(() => parseCloudbaseCron(expr)).toThrow();
  });
});
