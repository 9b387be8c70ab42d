/**
 * Cloud calls (`cloud.openapi.*`) are held to the calling function's config.json, as WeChat holds them: an
 * open API the function did not declare in `permissions.openapi` fails with -604101, before the call is
 * looked at, for every API (supported locally or not), and nothing is sent. WeChat answers it with the code
 * alone in the reply's envelope, which wx-server-sdk 4.0.2 throws as the error production logs show:
 * `errCode: -604101 function has no permission to call this API | errMsg: system error: error code: -604101`.
 * Declared calls go through.
 */
import { join } from 'node:path';
import {
  buildTestFunctions,
  nodeSdk,
  startLocalCloud,
  type StartedCloud,
} from '../../helpers/local-cloud.fixture';
import type { CloudCall, CloudCallResult } from './fixtures/cloud-calls/cloud-call';

const FIXTURES = join(__dirname, 'fixtures', 'cloud-calls');

/** What wx-server-sdk throws for WeChat's -604101, production's wording. */
const NO_PERMISSION = {
  ok: false,
  errCode: -604101,
  errMsg: 'system error: error code: -604101',
  message:
    'errCode: -604101 function has no permission to call this API | errMsg: system error: error code: -604101',
};

describe('cloud-call permissions (config.json permissions.openapi)', () => {
  let s: StartedCloud;
  let built: { dir: string; remove(): void };

  beforeAll(async () => {
    built = await buildTestFunctions(FIXTURES);
    s = await startLocalCloud({ functionsDir: built.dir });
  });

  afterAll(async () => {
    await s.stop();
    built.remove();
  });

  async function call(fn: string, api: CloudCall['api']): Promise<CloudCallResult> {
    const res = await nodeSdk(s.serviceUrl).callFunction({ name: fn, data: { api } });
    return res.result as CloudCallResult;
  }

  it('lets a function make the cloud call it declared', async () => {
    const res = await call('declares-sec-check', 'security.msgSecCheck');
    expect(res).toMatchObject({ ok: true, reply: { errCode: 0, result: { suggest: 'pass' } } });
  });

  it.each<CloudCall['api']>(['subscribeMessage.send', 'phonenumber.getPhoneNumber'])(
    'refuses %s, which the function did not declare, with -604101',
    async (api) => {
      expect(await call('declares-sec-check', api)).toEqual(NO_PERMISSION);
    },
  );

  it('refuses every cloud call of a function whose config.json declares none', async () => {
    for (const api of ['security.msgSecCheck', 'subscribeMessage.send'] as const) {
      expect(await call('declares-nothing', api)).toEqual(NO_PERMISSION);
    }
  });

  it('sends nothing for a refused call: the outbox stays empty', async () => {
    s.cloud.openapi.recordSubscription('o-fixture', 'TPL_ORDER_STATUS');
    await call('declares-sec-check', 'subscribeMessage.send');
    expect(s.cloud.openapi.listOutbox({ touser: 'o-fixture' })).toMatchObject({ total: 0 });
    expect(s.cloud.openapi.remainingSubscriptions('o-fixture', 'TPL_ORDER_STATUS')).toBe(1);
  });
});
