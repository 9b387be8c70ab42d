/**
 * Events CloudBase would refuse are refused before an instance is taken (over 6 MB for a synchronous call,
 * nested deeper than 64 levels), in the SDK's error shape; and an instance is handed back whatever fails,
 * so a bad event from one caller never stalls the function for everyone else.
 */
import tcb from '@cloudbase/node-sdk';
import { MAX_EVENT_DEPTH, MAX_SYNC_EVENT_BYTES } from '../../localcloud/functions/event-limits';
import { buildTestFunctions, startLocalCloud, type StartedCloud } from '../helpers/local-cloud.fixture';

const CHINESE = /[\u4e00-\u9fff]/;
/** Instances per function in this cloud: eight stuck instances would be all of them. */
const POOL = 8;

/** `{"a":{"a":...1...}}`, `levels` objects deep, as JSON text (building it as an object is not needed). */
function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

async function gatewayCall(s: StartedCloud, name: string, dataJson: string) {
  const started = Date.now();
  const res = await fetch(`${s.cloud.url}/gateway/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-resident-1' },
    body: `{"data":${dataJson}}`,
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    ms: Date.now() - started,
  };
}

describe('events CloudBase would refuse', () => {
  let s: StartedCloud;
  let built: { dir: string; remove(): void };
  const app = () =>
    tcb.init({ env: 'local-test', serviceUrl: s.serviceUrl, secretId: 'l', secretKey: 'l' } as never);

  beforeAll(async () => {
    built = await buildTestFunctions();
    s = await startLocalCloud({ functionsDir: built.dir, maxInstancesPerFunction: POOL });
    // Warm the pool's first instance, so the timing below measures a call, not a cold start.
    await app().callFunction({ name: 'whoami', data: {} });
  });

  afterAll(async () => {
    await s.stop();
    built.remove();
  });

  it('refuses eight events nested 100,000 levels, and another caller is still answered at once', async () => {
    const deep = Array.from({ length: POOL }, () => gatewayCall(s, 'whoami', nestedJson(100_000)));
    const normal = gatewayCall(s, 'whoami', '{}');
    for (const r of await Promise.all(deep)) {
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({
        code: 'INVALID_PARAM',
        errMsg: expect.stringContaining('callFunction:fail'),
        message: expect.stringMatching(CHINESE),
      });
    }
    const answered = await normal;
    expect(answered.body['errMsg']).toBe('callFunction:ok');
    // Eight instances held until their timeout (3 s, the default) would be the whole pool: this call would
    // wait at least that long for one. The bound is that timeout, not a speed target (a loaded machine may
    // take a second or two for the call itself).
    expect(answered.ms).toBeLessThan(3000);
  });

  it(`accepts ${MAX_EVENT_DEPTH} levels and refuses one more, through the SDK, with INVALID_PARAM`, async () => {
    const at = JSON.parse(nestedJson(MAX_EVENT_DEPTH)) as unknown;
    await expect(app().callFunction({ name: 'whoami', data: at as object })).resolves.toMatchObject({
      result: expect.any(Object),
    });
    const over = JSON.parse(nestedJson(MAX_EVENT_DEPTH + 1)) as unknown;
    await expect(app().callFunction({ name: 'whoami', data: over as object })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining(`${MAX_EVENT_DEPTH}`),
    });
  });

  it('refuses an event over 6 MB with EXCEED_MAX_PAYLOAD_SIZE (413 at the gateway)', async () => {
    const big = 'x'.repeat(MAX_SYNC_EVENT_BYTES);
    await expect(app().callFunction({ name: 'whoami', data: { big } })).rejects.toMatchObject({
      code: 'EXCEED_MAX_PAYLOAD_SIZE',
      message: expect.stringMatching(CHINESE),
    });
    const viaGateway = await gatewayCall(s, 'whoami', JSON.stringify({ big }));
    expect(viaGateway.status).toBe(413);
    expect(viaGateway.body['code']).toBe('EXCEED_MAX_PAYLOAD_SIZE');
    // Just under the limit goes through.
    const fits = 'x'.repeat(MAX_SYNC_EVENT_BYTES - 100);
    await expect(app().callFunction({ name: 'whoami', data: { fits } })).resolves.toMatchObject({
      result: expect.any(Object),
    });
  });

  it('hands the instance back when the event cannot be sent to it', async () => {
    // A value structured clone refuses (a function): the hand-off throws after the instance was taken.
    for (let i = 0; i < POOL + 2; i++) {
      await expect(
        s.cloud.runner.invoke('whoami', { callback: () => 1 }, { SOURCE: 'wx_http' }),
      ).rejects.toMatchObject({ code: 'INVALID_PARAM', message: expect.stringMatching(CHINESE) });
    }
    const started = Date.now();
    await expect(s.cloud.runner.invoke('whoami', {}, { SOURCE: 'wx_http' })).resolves.toMatchObject({
      responseData: expect.any(String),
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
