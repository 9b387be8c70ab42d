/**
 * Who may talk to the local cloud: programs on this machine (both SDKs, scripts), its own pages and the
 * mini-program in WeChat DevTools; not pages of other sites the developer opens, and not a DNS-rebound name.
 * Every refusal is a 403 `{code, message}` that wrote nothing (docs/local-cloud.md, "What it protects against").
 */
import tcb from '@cloudbase/node-sdk';
import { registerConsolePage } from '../../scripts/console-page';
import {
  buildTestFunctions,
  catalog,
  startLocalCloud,
  wxSdk,
  type StartedCloud,
} from '../helpers/local-cloud.fixture';
import { rawRequest, type RawReply } from './support/raw-request';

const CHINESE = /[\u4e00-\u9fff]/;
const DEVTOOLS_APPID = 'wxdevtoolsapp01';
const DEVTOOLS_REFERER = `https://servicewechat.com/${DEVTOOLS_APPID}/devtools/page-frame.html`;

/** The cross-site write from the report: a field on a resident, and a `worker` grant pushed onto them. */
const ATTACK = JSON.stringify({
  action: 'database.modifyDocument',
  collectionName: 'users',
  queryType: 'DOC',
  query: JSON.stringify({ _id: 'demo-resident-2' }),
  multi: false,
  merge: true,
  upsert: false,
  data: JSON.stringify({ $set: { pwned: true }, $push: { roles: 'worker' } }),
});

function expectRefused(reply: RawReply, code: string): void {
  expect(reply.status).toBe(403);
  expect(reply.body).toEqual({ code, message: expect.stringMatching(CHINESE) });
}

describe('the local cloud refuses requests from other origins and hosts', () => {
  let s: StartedCloud;
  let built: { dir: string; remove(): void };
  let url: string;
  let host: string;
  let db: ReturnType<ReturnType<typeof tcb.init>['database']>;

  const resident = async () =>
    (await db.collection('users').doc('demo-resident-2').get()).data[0] as Record<string, unknown>;

  beforeAll(async () => {
    built = await buildTestFunctions();
    s = await startLocalCloud({
      functionsDir: built.dir,
      catalog: catalog({ users: [] }),
      createDeclaredCollections: true,
      miniProgramAppIds: [DEVTOOLS_APPID],
    });
    registerConsolePage(s.cloud);
    url = s.cloud.url;
    host = new URL(url).host;
    db = tcb
      .init({ env: 'local-test', serviceUrl: s.serviceUrl, secretId: 'l', secretKey: 'l' } as never)
      .database();
    await db.collection('users').add({ _id: 'demo-resident-2', roles: ['resident'], nickname: '居民二' });
  });

  afterAll(async () => {
    await s.stop();
    built.remove();
  });

  it('refuses a text/plain POST to /admin from a page of another site, and writes nothing', async () => {
    const reply = await rawRequest(`${url}/admin?env=local-test`, {
      headers: {
        host,
        origin: 'https://evil.example',
        'content-type': 'text/plain;charset=UTF-8',
        'sec-fetch-site': 'cross-site',
      },
      body: ATTACK,
    });
    expectRefused(reply, 'ORIGIN_NOT_ALLOWED');
    expect(await resident()).toEqual({ _id: 'demo-resident-2', roles: ['resident'], nickname: '居民二' });
  });

  it.each([
    ['a foreign Origin alone', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site without an Origin', { 'sec-fetch-site': 'cross-site' }],
    [
      'another port on this machine (same-site)',
      { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' },
    ],
    ['Origin: null (a sandboxed page or a file)', { origin: 'null' }],
    ['its own address over https', { origin: 'https://127.0.0.1' }],
  ])('refuses %s, even with a JSON body', async (_name, headers: Record<string, string>) => {
    const reply = await rawRequest(`${url}/admin?env=local-test`, {
      headers: { host, 'content-type': 'application/json', ...headers },
      body: ATTACK,
    });
    expectRefused(reply, 'ORIGIN_NOT_ALLOWED');
    expect((await resident())['pwned']).toBeUndefined();
  });

  it.each([
    ['GET', '/health'],
    ['GET', '/outbox'],
    ['GET', '/timers'],
    ['GET', '/clock'],
    ['GET', '/gateway/functions'],
    ['GET', '/console/'],
    ['POST', '/clock'],
    ['POST', '/gateway/subscribe'],
    ['POST', '/gateway/call/whoami'],
  ])('refuses %s %s from a cross-site page', async (method, path) => {
    const reply = await rawRequest(`${url}${path}`, {
      method,
      headers: {
        host,
        origin: 'https://evil.example',
        'content-type': 'application/json',
        'x-wx-openid': 'demo-1',
      },
      ...(method === 'POST' ? { body: '{"advanceMs":86400000,"data":{}}' } : {}),
    });
    expectRefused(reply, 'ORIGIN_NOT_ALLOWED');
  });

  it.each(['attacker.example', `attacker.example:${'PORT'}`, '127.0.0.2:PORT', 'localhost:1'])(
    'refuses Host %s (DNS rebinding), whatever the route',
    async (hostTemplate) => {
      const badHost = hostTemplate.replace('PORT', new URL(url).port);
      for (const [method, path] of [
        ['GET', '/health'],
        ['GET', '/outbox'],
        ['POST', '/admin'],
      ] as const) {
        const reply = await rawRequest(`${url}${path}`, {
          method,
          headers: { host: badHost, 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: ATTACK } : {}),
        });
        expectRefused(reply, 'HOST_NOT_ALLOWED');
      }
      expect((await resident())['pwned']).toBeUndefined();
    },
  );

  it('refuses non-JSON bodies on JSON endpoints, from scripts too, and writes nothing', async () => {
    const before = (await rawRequest(`${url}/clock`, { headers: { host } })).body['now'] as number;
    for (const [path, body] of [
      ['/admin?env=local-test', ATTACK],
      ['/clock', '{"advanceMs":864000000}'],
      [
        '/gateway/subscribe',
        '{"openid":"demo-1","templateIds":["TPL_ORDER_NEW"],"result":{"TPL_ORDER_NEW":"accept"}}',
      ],
      ['/gateway/call/whoami', '{"data":{}}'],
    ] as const) {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
        const reply = await rawRequest(`${url}${path}`, {
          headers: { host, 'x-wx-openid': 'demo-1', ...(contentType ? { 'content-type': contentType } : {}) },
          body,
        });
        expectRefused(reply, 'CONTENT_TYPE_NOT_ALLOWED');
      }
    }
    expect((await resident())['pwned']).toBeUndefined();
    expect(s.cloud.openapi.remainingSubscriptions('demo-1', 'TPL_ORDER_NEW')).toBe(0);
    const after = (await rawRequest(`${url}/clock`, { headers: { host } })).body['now'] as number;
    expect(after - before).toBeLessThan(60_000);
  });

  it('serves local programs (no Origin) and its own pages (same origin)', async () => {
    // A script: JSON, no Origin. The write it makes is the control for the refusals above.
    const script = await rawRequest(`${url}/admin?env=local-test`, {
      headers: { host, 'content-type': 'application/json; charset=utf-8' },
      body: ATTACK,
    });
    expect(script.status).toBe(200);
    expect(script.body['data']).toMatchObject({ updated: 1 });
    expect(await resident()).toMatchObject({ pwned: true, roles: ['resident', 'worker'] });
    await db
      .collection('users')
      .doc('demo-resident-2')
      .set({ roles: ['resident'], nickname: '居民二' });

    const port = new URL(url).port;
    for (const [origin, site] of [
      [`http://127.0.0.1:${port}`, 'same-origin'],
      // Its page opened as localhost, calling it as 127.0.0.1: two sites to the browser, one local cloud.
      [`http://localhost:${port}`, 'cross-site'],
    ]) {
      const page = await rawRequest(`${url}/clock`, {
        headers: { host, origin: origin!, 'sec-fetch-site': site!, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(page.status).toBe(200);
    }
    for (const h of [`localhost:${port}`, `[::1]:${port}`, host.toUpperCase()]) {
      expect((await rawRequest(`${url}/health`, { headers: { host: h } })).status).toBe(200);
    }
    // The console, opened from the address bar (Sec-Fetch-Site: none) and from its own links.
    for (const site of ['none', 'same-origin']) {
      const consolePage = await rawRequest(`${url}/console/`, { headers: { host, 'sec-fetch-site': site } });
      expect(consolePage.status).toBe(200);
      expect(consolePage.text).toContain('<html');
    }
  });

  it('keeps both SDKs working, multipart wx.openApi included', async () => {
    const node = tcb.init({
      env: 'local-test',
      serviceUrl: s.serviceUrl,
      secretId: 'l',
      secretKey: 'l',
    } as never);
    await expect(node.callFunction({ name: 'whoami', data: {} })).resolves.toMatchObject({
      result: expect.objectContaining({ before: expect.any(Object) }),
    });
    const wx = wxSdk(s.serviceUrl);
    await expect(wx.database().collection('users').count()).resolves.toMatchObject({ total: 1 });
    await expect(
      wx.openapi.security.msgSecCheck({ version: 2, openid: 'demo-1', scene: 1, content: '你好' } as never),
    ).resolves.toMatchObject({ errCode: 0 });
  });

  describe('WeChat DevTools simulator', () => {
    const devtools = (extra: Record<string, string> = {}) => ({
      host,
      'content-type': 'application/json',
      'x-wx-openid': 'demo-resident-1',
      origin: 'https://servicewechat.com',
      referer: DEVTOOLS_REFERER,
      'sec-fetch-site': 'cross-site',
      ...extra,
    });

    it('may call the gateway as the mini-program does in local mode', async () => {
      const call = await rawRequest(`${url}/gateway/call/whoami`, {
        headers: devtools(),
        body: '{"data":{}}',
      });
      expect(call.status).toBe(200);
      expect(call.body).toMatchObject({ errMsg: 'callFunction:ok' });
      const subscribe = await rawRequest(`${url}/gateway/subscribe`, {
        headers: devtools(),
        body: JSON.stringify({
          openid: 'demo-resident-1',
          templateIds: ['TPL_ORDER_STATUS'],
          result: { TPL_ORDER_STATUS: 'accept' },
        }),
      });
      expect(subscribe.status).toBe(200);
      // Without an Origin (the IDE's own network layer) it is the same request.
      const { origin: _o, ...noOrigin } = devtools();
      const quiet = await rawRequest(`${url}/gateway/call/whoami`, {
        headers: noOrigin,
        body: '{"data":{}}',
      });
      expect(quiet.status).toBe(200);
    });

    it('may not reach anything else, nor be another mini-program or a phone', async () => {
      for (const [method, path, body] of [
        ['POST', '/admin?env=local-test', ATTACK],
        ['POST', '/clock', '{}'],
        ['GET', '/outbox', undefined],
        ['GET', '/timers', undefined],
      ] as const) {
        const reply = await rawRequest(`${url}${path}`, {
          method,
          headers: devtools(),
          ...(body ? { body } : {}),
        });
        expectRefused(reply, 'ORIGIN_NOT_ALLOWED');
      }
      for (const referer of [
        'https://servicewechat.com/wxsomeoneelse/devtools/page-frame.html',
        `https://servicewechat.com/${DEVTOOLS_APPID}/0/page-frame.html`,
        `https://evil.example/${DEVTOOLS_APPID}/devtools/page-frame.html`,
      ]) {
        const reply = await rawRequest(`${url}/gateway/call/whoami`, {
          headers: devtools({ referer }),
          body: '{"data":{}}',
        });
        expectRefused(reply, 'ORIGIN_NOT_ALLOWED');
      }
      const { referer: _r, ...noReferer } = devtools();
      expectRefused(
        await rawRequest(`${url}/gateway/call/whoami`, { headers: noReferer, body: '{"data":{}}' }),
        'ORIGIN_NOT_ALLOWED',
      );
      expect((await resident())['pwned']).toBeUndefined();
    });
  });

  it('answers 400, not 500, to a malformed %-escape in a gateway or console path', async () => {
    for (const [method, path] of [
      ['POST', '/gateway/call/%E0%A4%A'],
      ['POST', '/gateway/call/%'],
      ['GET', '/console/%E0%A4%A'],
      ['GET', '/console/%ZZ'],
    ] as const) {
      const reply = await rawRequest(`${url}${path}`, {
        method,
        headers: { host, 'content-type': 'application/json', 'x-wx-openid': 'demo-1' },
        ...(method === 'POST' ? { body: '{"data":{}}' } : {}),
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ code: 'INVALID_PARAM', message: expect.stringMatching(CHINESE) });
    }
    expect((await rawRequest(`${url}/health`, { headers: { host } })).status).toBe(200);
  });
});
