/**
 * The mini-program's client API module in local mode, against a real local cloud: `wx.request` is backed by
 * Node's fetch (the transport DevTools would use), everything behind it is the real gateway and runtime,
 * with the demo identities route `npm start` adds. Subscribe consent in local mode is asked with a stand-in
 * dialog and recorded with the local cloud as grants of the demo identity in use. In cloud mode the demo
 * identity chosen on the device is never read, and consent is WeChat's alone.
 */
import { DEMO_IDENTITIES } from '../../demo/demo-identities';
import { registerDemoIdentitiesRoute } from '../../scripts/demo-identities.route';
import { buildTestFunctions, startLocalCloud, type StartedCloud } from '../helpers/local-cloud.fixture';
import {
  activeLocalOpenid,
  callFunction,
  CallError,
  chooseLocalOpenid,
  listLocalIdentities,
  LOCAL_OPENID_STORAGE_KEY,
  requestSubscribe,
} from '../../miniprogram/services/cloud-api';
import type { AppConfig } from '../../miniprogram/config';
import { dialogs, deviceStorage as storage, installWx, removeWx } from './support/local-wx';

describe('client API module in local mode', () => {
  let s: StartedCloud;
  let buildDir: string;
  let built: { dir: string; remove(): void };
  let config: AppConfig;

  beforeAll(async () => {
    built = await buildTestFunctions();
    buildDir = built.dir;
    s = await startLocalCloud({ functionsDir: buildDir, isKnownIdentity: (id) => id.startsWith('demo-') });
    registerDemoIdentitiesRoute(s.cloud, DEMO_IDENTITIES);
    config = { mode: 'local', envId: 'unused', gatewayUrl: s.cloud.url, localOpenid: 'demo-resident-7' };
  });

  beforeEach(() => storage.clear());

  afterAll(async () => {
    await s.stop();
    built.remove();
    removeWx();
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

  it('asks with the stand-in dialog and records each template allowed as a grant of the demo identity', async () => {
    installWx({ allow: true });
    const answer = await requestSubscribe(['TPL_ORDER_STATUS', 'TPL_REVIEW_REMINDER'], config);

    expect(dialogs).toEqual([{ kind: 'local', title: '接收服务通知' }]);
    expect(answer).toEqual({ TPL_ORDER_STATUS: 'accept', TPL_REVIEW_REMINDER: 'accept' });
    expect(s.cloud.openapi.remainingSubscriptions('demo-resident-7', 'TPL_ORDER_STATUS')).toBe(1);
    expect(s.cloud.openapi.remainingSubscriptions('demo-resident-7', 'TPL_REVIEW_REMINDER')).toBe(1);

    // Each consent is one more message, as in WeChat.
    await requestSubscribe(['TPL_ORDER_STATUS'], config);
    expect(s.cloud.openapi.remainingSubscriptions('demo-resident-7', 'TPL_ORDER_STATUS')).toBe(2);
  });

  it('records nothing when the user refuses', async () => {
    installWx({ allow: false });
    const answer = await requestSubscribe(['TPL_ORDER_NEW'], { ...config, localOpenid: 'demo-refuser' });

    expect(answer).toEqual({ TPL_ORDER_NEW: 'reject' });
    expect(s.cloud.openapi.remainingSubscriptions('demo-refuser', 'TPL_ORDER_NEW')).toBe(0);
  });

  it('answers the user’s choice even when the local cloud cannot record it', async () => {
    installWx({ allow: true });
    const down = { ...config, gatewayUrl: 'http://127.0.0.1:9' };
    await expect(requestSubscribe(['TPL_ORDER_NEW'], down)).resolves.toEqual({ TPL_ORDER_NEW: 'accept' });
  });

  it('lists the demo identities the local cloud accepts, each with what it demonstrates', async () => {
    installWx({});
    const identities = await listLocalIdentities(config);
    expect(identities).toHaveLength(DEMO_IDENTITIES.length);
    expect(identities).toContainEqual({
      openid: 'demo-provider-manager-1',
      role: 'provider_staff',
      label: '服务机构负责人（第一家演示机构）',
      nickname: '梁师傅',
    });
  });

  it('calls as the demo identity chosen on the device from the next call on', async () => {
    installWx({ allow: true });
    chooseLocalOpenid('demo-provider-manager-1', config);
    expect(storage.get(LOCAL_OPENID_STORAGE_KEY)).toBe('demo-provider-manager-1');

    const result = (await callFunction('whoami', {}, config)) as unknown as {
      before: Record<string, unknown>;
    };
    expect(result.before).toMatchObject({ OPENID: 'demo-provider-manager-1' });
    await requestSubscribe(['TPL_ORDER_NEW'], config);
    // Its consent is its own: the grant is recorded for the chosen identity.
    expect(s.cloud.openapi.remainingSubscriptions('demo-provider-manager-1', 'TPL_ORDER_NEW')).toBe(1);
  });

  it('falls back on the configured identity when the stored one is not an openid', () => {
    installWx({});
    storage.set(LOCAL_OPENID_STORAGE_KEY, 'not an openid!');
    expect(activeLocalOpenid(config)).toBe('demo-resident-7');
    storage.set(LOCAL_OPENID_STORAGE_KEY, 42);
    expect(activeLocalOpenid(config)).toBe('demo-resident-7');
  });
});

describe('client API module in cloud mode', () => {
  const cloud: AppConfig = {
    mode: 'cloud',
    envId: 'env-1',
    gatewayUrl: 'http://unused',
    localOpenid: 'demo-resident-1',
  };
  const sent: Array<{ name: string; data: unknown }> = [];

  beforeEach(() => {
    storage.clear();
    sent.length = 0;
    const wx = installWx({ subscribe: { TPL_ORDER_STATUS: 'accept', TPL_REVIEW_REMINDER: 'reject' } });
    wx['request'] = () => {
      throw new Error('cloud mode must not reach the local gateway');
    };
    wx['cloud'] = {
      init: () => undefined,
      callFunction: async (o: { name: string; data: unknown }) => {
        sent.push(o);
        return { result: { code: 'OK', message: '成功' } };
      },
    };
  });

  afterAll(() => {
    removeWx();
  });

  it('never offers demo identities: no list, no switching, no stored choice read', async () => {
    storage.set(LOCAL_OPENID_STORAGE_KEY, 'demo-provider-manager-1');

    await expect(listLocalIdentities(cloud)).rejects.toEqual(
      new CallError('LOCAL_MODE_ONLY', '演示身份仅在本地模式下可用'),
    );
    expect(() => chooseLocalOpenid('demo-resident-2', cloud)).toThrow(CallError);
    expect(storage.get(LOCAL_OPENID_STORAGE_KEY)).toBe('demo-provider-manager-1');
    expect(activeLocalOpenid(cloud)).toBe('demo-resident-1');

    await callFunction('orders', { command: 'order.list', input: {} }, cloud);
    expect(sent).toEqual([{ name: 'orders', data: { command: 'order.list', input: {} } }]);
  });

  it('asks WeChat for subscribe consent and leaves the grants to WeChat', async () => {
    const answer = await requestSubscribe(['TPL_ORDER_STATUS', 'TPL_REVIEW_REMINDER'], cloud);

    expect(dialogs).toEqual([{ kind: 'wechat', tmplIds: ['TPL_ORDER_STATUS', 'TPL_REVIEW_REMINDER'] }]);
    expect(answer).toMatchObject({ TPL_ORDER_STATUS: 'accept', TPL_REVIEW_REMINDER: 'reject' });
    // wx.request throws here: the local gateway was never asked to record anything.
  });

  it('turns a failed WeChat dialog into a CallError', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx['requestSubscribeMessage'] = (o: { fail(e: object): void }) =>
      o.fail({ errCode: 20001, errMsg: 'requestSubscribeMessage:fail No template data return' });
    await expect(requestSubscribe(['TPL_X'], cloud)).rejects.toEqual(
      new CallError('SUBSCRIBE_20001', 'requestSubscribeMessage:fail No template data return'),
    );
  });
});
