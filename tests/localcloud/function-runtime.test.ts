/**
 * Cloud functions on the local cloud: built like deployment, called through both real SDKs and the gateway.
 */
import { OPENID_CREDENTIAL_PREFIX } from '../../localcloud/functions/functions.actions';
import { LOCAL_APPID, LOCAL_ENV } from '../../localcloud/local-cloud';
import {
  buildTestFunctions,
  catalog,
  startLocalCloud,
  wxSdk,
  type StartedCloud,
} from '../helpers/local-cloud.fixture';
import tcb from '@cloudbase/node-sdk';

interface WhoAmI {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  claimedOpenid: string | null;
}

function nodeAppAs(serviceUrl: string, openid?: string) {
  const secretId = openid ? `${OPENID_CREDENTIAL_PREFIX}${openid}` : 'local';
  return tcb.init({ env: LOCAL_ENV, serviceUrl, secretId, secretKey: 'local' } as never);
}

async function gatewayCall(s: StartedCloud, name: string, openid: string | undefined, data: unknown) {
  const res = await fetch(`${s.cloud.url}/gateway/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify({ data }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('cloud function runtime', () => {
  let s: StartedCloud;
  let buildDir: string;
  let built: { dir: string; remove(): void };

  beforeAll(async () => {
    built = await buildTestFunctions();
    buildDir = built.dir;
    s = await startLocalCloud({
      functionsDir: buildDir,
      catalog: catalog({ timer_runs: [], timer_counters: [] }),
      createDeclaredCollections: true,
      isKnownIdentity: (openid) => openid.startsWith('demo-'),
    });
  });

  afterAll(async () => {
    await s.stop();
    built.remove();
  });

  it('gives the function the caller context CloudBase gives, through node-sdk callFunction', async () => {
    const app = nodeAppAs(s.serviceUrl, 'demo-resident-1');
    const res = await app.callFunction({ name: 'whoami', data: { claimedOpenid: 'someone-else' } });
    const who = res.result as WhoAmI;
    expect(who.before).toMatchObject({
      OPENID: 'demo-resident-1',
      APPID: LOCAL_APPID,
      ENV: LOCAL_ENV,
      SOURCE: 'wx_client',
    });
    // The event may claim anything; identity comes from the runtime only.
    expect(who.claimedOpenid).toBe('someone-else');
    expect(who.before['OPENID']).not.toBe('someone-else');
  });

  it('gives the function the caller context through wx-server-sdk callFunction', async () => {
    const cloud = wxSdk(s.serviceUrl, { secretId: `${OPENID_CREDENTIAL_PREFIX}demo-worker-1` });
    const res = (await cloud.callFunction({ name: 'whoami', data: {} })) as {
      result: WhoAmI;
      errMsg: string;
    };
    expect(res.errMsg).toBe('callFunction:ok');
    expect(res.result.before).toMatchObject({ OPENID: 'demo-worker-1', SOURCE: 'wx_client' });
  });

  it('treats a server-side SDK call without a user as having no OPENID', async () => {
    const res = await nodeAppAs(s.serviceUrl).callFunction({ name: 'whoami', data: {} });
    const who = res.result as WhoAmI;
    expect(who.before['OPENID']).toBeUndefined();
    expect(who.before['SOURCE']).toBe('wx_http');
  });

  it('calls through the gateway as the chosen demo identity, and refuses unknown or missing identities', async () => {
    const ok = await gatewayCall(s, 'whoami', 'demo-leader-1', {});
    expect(ok.status).toBe(200);
    expect(ok.body['errMsg']).toBe('callFunction:ok');
    expect((ok.body['result'] as WhoAmI).before).toMatchObject({
      OPENID: 'demo-leader-1',
      SOURCE: 'wx_client',
    });

    const unknown = await gatewayCall(s, 'whoami', 'intruder', {});
    expect(unknown.status).toBe(403);
    expect(unknown.body['code']).toBe('GATEWAY_UNKNOWN_IDENTITY');
    const missing = await gatewayCall(s, 'whoami', undefined, {});
    expect(missing.status).toBe(401);
    const noFn = await gatewayCall(s, 'no-such-function', 'demo-leader-1', {});
    expect(noFn.body['code']).toBe('FUNCTIONS_REQUEST_FAIL');
  });

  it('keeps 50 concurrent callers with different identities apart', async () => {
    const calls = Array.from({ length: 50 }, (_, i) => {
      const openid = `demo-user-${i}`;
      const viaGateway = i % 2 === 0;
      const call = viaGateway
        ? gatewayCall(s, 'whoami', openid, { delayMs: 20 + (i % 7) * 10 }).then(
            (r) => r.body['result'] as WhoAmI,
          )
        : nodeAppAs(s.serviceUrl, openid)
            .callFunction({ name: 'whoami', data: { delayMs: 20 + (i % 7) * 10 } })
            .then((r) => r.result as WhoAmI);
      return call.then((who) => ({ openid, who }));
    });
    for (const { openid, who } of await Promise.all(calls)) {
      expect(who.before['OPENID']).toBe(openid);
      expect(who.after['OPENID']).toBe(openid);
    }
  });

  it('lets a function call another, and the callee keeps the original caller', async () => {
    const res = await nodeAppAs(s.serviceUrl, 'demo-resident-2').callFunction({
      name: 'caller',
      data: { target: 'whoami' },
    });
    const out = res.result as { self: Record<string, unknown>; callee: WhoAmI };
    expect(out.self['OPENID']).toBe('demo-resident-2');
    expect(out.callee.before['OPENID']).toBe('demo-resident-2');
  });

  it('reports a timed-out invocation as CloudBase does and keeps serving', async () => {
    const app = nodeAppAs(s.serviceUrl, 'demo-resident-1');
    await expect(app.callFunction({ name: 'sleeper', data: { ms: 3000 } })).rejects.toMatchObject({
      code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
      message: expect.stringContaining('timed out after 1 seconds'),
    });
    const fast = await app.callFunction({ name: 'sleeper', data: { ms: 10 } });
    expect(fast.result).toEqual({ slept: 10 });
  });

  it('gives a thrown error the shape each SDK gives it', async () => {
    await expect(
      nodeAppAs(s.serviceUrl, 'demo-resident-1').callFunction({
        name: 'thrower',
        data: { message: '出错了' },
      }),
    ).rejects.toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Error: 出错了' });

    const cloud = wxSdk(s.serviceUrl);
    const call = cloud.callFunction({ name: 'thrower', data: { message: 'boom' } }) as Promise<unknown>;
    const err = (await call.catch((e: unknown) => e)) as Record<string, unknown>;
    expect(err['errCode']).toBe(-1);
    expect(err['code']).toBe('FUNCTIONS_EXECUTE_FAIL');
    expect(String(err['errMsg'] ?? err['message'])).toContain('Error: boom');
  });

  it('lets function code see the local cloud clock as Date', async () => {
    const at = Date.parse('2027-03-01T08:00:00+08:00');
    s.cloud.clock.set(at, { freeze: true });
    try {
      const res = await nodeAppAs(s.serviceUrl, 'demo-resident-1').callFunction({ name: 'whoami', data: {} });
      const who = res.result as { now: number; newDate: string };
      expect(Math.abs(who.now - at)).toBeLessThan(2000);
      expect(Math.abs(Date.parse(who.newDate) - at)).toBeLessThan(2000);
    } finally {
      s.cloud.clock.reset();
    }
  });

  it('rejects bad invokeFunction input with a coded error', async () => {
    const res = await fetch(s.serviceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'functions.invokeFunction',
        function_name: 'whoami',
        request_data: '{not json',
      }),
    });
    expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' });
  });
});
