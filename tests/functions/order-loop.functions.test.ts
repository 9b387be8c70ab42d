/**
 * The order loop through the deployed cloud functions on the local cloud, called through the real node-sdk
 * as demo identities: match, order, accept, done, follow-up, rating, and the provider's score moves.
 */
import tcb from '@cloudbase/node-sdk';
import { OPENID_CREDENTIAL_PREFIX } from '../../localcloud/functions/functions.actions';
import { seedDemoData } from '../../scripts/seed-demo';
import { buildTestFunctions, startLocalCloud, type StartedCloud } from '../helpers/local-cloud.fixture';
import { join } from 'node:path';

interface Reply<T = Record<string, unknown>> {
  code: string;
  message: string;
  data: T;
}

const RESIDENT = 'demo-resident-1';

describe('order loop through the cloud functions', () => {
  let s: StartedCloud;
  let built: { dir: string; remove(): void };

  beforeAll(async () => {
    built = await buildTestFunctions(join(__dirname, '..', '..', 'cloudfunctions'));
    s = await startLocalCloud({ functionsDir: built.dir, createDeclaredCollections: true });
    seedDemoData(s.cloud.db, () => s.cloud.clock.now());
  });

  afterAll(async () => {
    await s.stop();
    built.remove();
  });

  function as(openid: string) {
    const app = tcb.init({
      env: 'local',
      serviceUrl: s.serviceUrl,
      secretId: `${OPENID_CREDENTIAL_PREFIX}${openid}`,
      secretKey: 'x',
    } as never);
    return async <T = Record<string, unknown>>(
      fn: string,
      command: string,
      input: unknown = {},
    ): Promise<Reply<T>> =>
      (await app.callFunction({ name: fn, data: { command, input } })).result as Reply<T>;
  }

  const db = () =>
    tcb.init({ env: 'local', serviceUrl: s.serviceUrl, secretId: 'x', secretKey: 'x' } as never).database();

  it('walks match → order → accept → done → follow-up → rating and moves the provider score', async () => {
    const resident = as(RESIDENT);
    const match = await resident<{
      matchId: string;
      items: Array<{ providers: Array<{ providerId: string }> }>;
    }>('orders', 'match.request', { itemIds: ['item-appliance-repair'] });
    expect(match.code).toBe('OK');
    const providers = match.data.items[0]!.providers;
    expect(providers.length).toBeGreaterThanOrEqual(3);
    expect(providers.length).toBeLessThanOrEqual(5);
    const providerId = providers[0]!.providerId;

    const created = await resident<{ orderId: string }>('orders', 'order.create', {
      matchId: match.data.matchId,
      itemId: 'item-appliance-repair',
      providerId,
      clientRequestId: 'e2e-create-0001',
    });
    expect(created).toMatchObject({ code: 'OK' });
    const orderId = created.data.orderId;

    // A retry with the same request id returns the same order and writes nothing again.
    const replay = await resident<{ orderId: string }>('orders', 'order.create', {
      matchId: match.data.matchId,
      itemId: 'item-appliance-repair',
      providerId,
      clientRequestId: 'e2e-create-0001',
    });
    expect(replay.data.orderId).toBe(orderId);

    const staffUser = (
      (await db().collection('users').where({ 'grants.providerId': providerId }).limit(1).get())
        .data as Array<{
        openid: string;
      }>
    )[0]!;
    const staff = as(staffUser.openid);

    // Another resident cannot accept; the staff member can.
    expect(
      (await as('demo-resident-2')('jobs', 'order.accept', { orderId, clientRequestId: 'e2e-acc-x1' })).code,
    ).not.toBe('OK');
    expect((await staff('jobs', 'order.accept', { orderId, clientRequestId: 'e2e-accept-01' })).code).toBe(
      'OK',
    );
    expect((await staff('jobs', 'order.done', { orderId, clientRequestId: 'e2e-done-0001' })).code).toBe(
      'OK',
    );
    const followUp = await staff('jobs', 'order.follow_up', {
      orderId,
      channel: 'phone',
      summary: '居民表示满意,空调已恢复制冷',
      problems: [],
      suggestions: [],
      clientRequestId: 'e2e-follow-01',
    });
    expect(followUp.code).toBe('OK');

    const before = (await db().collection('providers').doc(providerId).get()).data[0] as {
      reputation: number;
    };
    const rated = await resident('orders', 'order.rate', {
      orderId,
      stars: 1,
      text: '师傅来得晚',
      clientRequestId: 'e2e-rate-0001',
    });
    expect(rated.code).toBe('OK');
    const after = (await db().collection('providers').doc(providerId).get()).data[0] as {
      reputation: number;
    };
    expect(after.reputation).toBeLessThan(before.reputation);

    const again = await resident('orders', 'order.rate', {
      orderId,
      stars: 5,
      clientRequestId: 'e2e-rate-0002',
    });
    expect(again.code).not.toBe('OK');

    const detail = await resident<{ timeline: unknown[] }>('orders', 'order.detail', { orderId });
    expect(detail.code).toBe('OK');
    expect(detail.data.timeline.length).toBeGreaterThanOrEqual(4);
  });

  it('rejects bad input and unknown commands with codes, and writes nothing', async () => {
    const resident = as(RESIDENT);
    const ordersBefore = (await db().collection('orders').count()).total;
    expect((await resident('orders', 'order.create', { itemId: 42 })).code).toBe('INVALID_INPUT');
    expect((await resident('orders', 'order.explode', {})).code).toBe('UNKNOWN_COMMAND');
    expect((await db().collection('orders').count()).total).toBe(ordersBefore);
  });

  it('ignores an event that pretends to be a timer', async () => {
    const res = await as(RESIDENT)('order-timers', 'x', {});
    expect(res.code).toBe('UNKNOWN_COMMAND');
  });
});
