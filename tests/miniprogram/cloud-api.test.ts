/**
 * The mini-program's client API module in local mode, against a real local cloud: `wx.request` is backed by
 * Node's fetch (the transport DevTools would use), everything behind it is the real gateway and runtime.
 */
import { buildTestFunctions, startLocalCloud, type StartedCloud } from '../helpers/local-cloud.fixture';
import { callFunction, CallError, requestSubscribe } from '../../miniprogram/services/cloud-api';
import type { AppConfig } from '../../miniprogram/config';

interface RequestOptions {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  success?: (res: { statusCode: number; data: unknown }) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: () => void;
}

function installWx(subscribeAnswer: Record<string, string>): void {
  (globalThis as Record<string, unknown>)['wx'] = {
    request(o: RequestOptions) {
      fetch(o.url, { method: o.method ?? 'GET', headers: o.header ?? {}, body: JSON.stringify(o.data ?? {}) })
        .then(async (res) => o.success?.({ statusCode: res.status, data: await res.json() }))
        .catch((e: Error) => o.fail?.({ errMsg: `request:fail ${e.message}` }))
        .finally(() => o.complete?.());
    },
    requestSubscribeMessage: async () => ({ errMsg: 'requestSubscribeMessage:ok', ...subscribeAnswer }),
  };
}

describe('client API module in local mode', () => {
  let s: StartedCloud;
  let buildDir: string;
  let built: { dir: string; remove(): void };
  let config: AppConfig;

  beforeAll(async () => {
    built = await buildTestFunctions();
    buildDir = built.dir;
    s = await startLocalCloud({ functionsDir: buildDir, isKnownIdentity: (id) => id.startsWith('demo-') });
    config = { mode: 'local', envId: 'unused', gatewayUrl: s.cloud.url, localOpenid: 'demo-resident-7' };
  });

  afterAll(async () => {
    await s.stop();
    built.remove();
    delete (globalThis as Record<string, unknown>)['wx'];
  });

  it('calls a function through the gateway as the configured demo identity', async () => {
    installWx({});
    const result = (await callFunction('whoami', {}, config)) as unknown as {
      before: Record<string, unknown>;
    };
    expect(result.before).toMatchObject({ OPENID: 'demo-resident-7', SOURCE: 'wx_client' });
  });

  it('turns a gateway refusal into a CallError with its code', async () => {
    installWx({});
    await expect(callFunction('whoami', {}, { ...config, localOpenid: 'stranger' })).rejects.toEqual(
      new CallError('GATEWAY_UNKNOWN_IDENTITY', '未知的演示身份:stranger'),
    );
  });

  it('records accepted subscriptions with the local cloud', async () => {
    installWx({ TPL_ORDER_NEW: 'accept', TPL_ORDER_STATUS: 'reject' });
    await requestSubscribe(['TPL_ORDER_NEW', 'TPL_ORDER_STATUS'], config);
    expect(await s.cloud.openapi.remainingSubscriptions('demo-resident-7', 'TPL_ORDER_NEW')).toBe(1);
    expect(await s.cloud.openapi.remainingSubscriptions('demo-resident-7', 'TPL_ORDER_STATUS')).toBe(0);
  });
});
