/**
 * No single request ends the local cloud. The server runs as its own process (the bare emulator with the
 * fixture functions and their timer triggers polled every second, as `npm start` polls them), so an
 * unhandled rejection anywhere in it would kill it: a clock moved outside what JavaScript dates can hold, a
 * function instance failing between invocations.
 */
import { rmSync } from 'node:fs';
import tcb from '@cloudbase/node-sdk';
import { buildTestFunctions, tempDir } from '../helpers/local-cloud.fixture';
import { spawnServer, type ServerProcess } from '../helpers/server-process';

const CHINESE = /[\u4e00-\u9fff]/;

function alive(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

async function postClock(server: ServerProcess, body: unknown) {
  const res = await fetch(`${server.url}/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the local cloud process survives', () => {
  let server: ServerProcess;
  let dataDir: string;
  let built: { dir: string; remove(): void };

  beforeAll(async () => {
    built = await buildTestFunctions();
    dataDir = tempDir();
    server = await spawnServer({ dataDir, args: ['--functions-dir', built.dir, '--run-timers'] });
  });

  afterAll(async () => {
    if (alive(server)) {
      server.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    built.remove();
  });

  it.each([
    ['setTo past the last JavaScript date', { setTo: 8_640_000_000_000_001 }],
    ['setTo the last JavaScript date', { setTo: 8_640_000_000_000_000 }],
    ['advanceMs of 1e300', { advanceMs: 1e300 }],
    ['setTo an ISO year +275760', { setTo: '+275760-09-13T00:00:00.000Z' }],
    ['setTo the year 10000', { setTo: '+010000-01-01T00:00:00.000Z' }],
    ['setTo before 1970', { setTo: -1 }],
    [
      'a valid setTo with an advanceMs past the range',
      { setTo: '9999-12-31T00:00:00Z', advanceMs: 86_400_000 },
    ],
  ])('refuses a clock %s with 400 CLOCK_OUT_OF_RANGE, leaving the clock alone', async (_name, body) => {
    const before = (await (await fetch(`${server.url}/clock`)).json()) as { real: boolean };
    const reply = await postClock(server, body);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ code: 'CLOCK_OUT_OF_RANGE', message: expect.stringMatching(CHINESE) });
    const after = (await (await fetch(`${server.url}/clock`)).json()) as { real: boolean };
    expect(after.real).toBe(before.real);
  });

  it('is still running and polling its timers after those requests', async () => {
    await sleep(3000); // three polls of the timer triggers
    expect(alive(server)).toBe(true);
    expect(server.output()).not.toMatch(/unhandled|CronDate|RangeError/i);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // The last valid moment still works, and so does coming back.
    const last = await postClock(server, { setTo: '9999-12-31T23:59:59.999Z', freeze: true });
    expect(last).toMatchObject({ status: 200, body: { iso: '9999-12-31T23:59:59.999Z' } });
    await sleep(1500);
    expect((await postClock(server, { reset: true })).status).toBe(200);
    expect(alive(server)).toBe(true);
  });

  it('survives a function instance that fails between invocations, and the function keeps answering', async () => {
    const app = tcb.init({
      env: 'local-test',
      serviceUrl: server.serviceUrl,
      secretId: 'l',
      secretKey: 'l',
    } as never);
    await expect(app.callFunction({ name: 'stray', data: {} })).resolves.toMatchObject({
      result: { answered: true },
    });
    // The rejection it left behind goes off 20 ms after it answered: the instance is logged and dropped.
    for (
      let waited = 0;
      waited < 10_000 && !/stray 的实例在调用之间出错/.test(server.output());
      waited += 100
    ) {
      await sleep(100);
    }
    expect(server.output()).toMatch(/stray 的实例在调用之间出错/);
    expect(alive(server)).toBe(true);
    await expect(app.callFunction({ name: 'stray', data: { afterMs: 60_000 } })).resolves.toMatchObject({
      result: { answered: true },
    });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
