/**
 * Personal data at rest and a resident's rights, through the built `profile` (and `orders`) functions on a
 * local cloud seeded with the demo data: the demo users and orders are stored sealed and read plain; the
 * copy (profile.export); privacy requests; withdrawing the phone consent; the same phone on two accounts;
 * deleting the account (refused while an order is open, writing nothing; otherwise the record emptied and
 * the orders kept de-identified).
 */
import type { ProfileExportReply, PrivacyRequestView } from '../../core/profile/profile.reply';
import { functionCloud } from './support/function-cloud';
import { expectRefusedWritingNothing } from './support/platform-writes';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  DEMO_RESIDENT_PHONE,
  ok,
  placeOrder,
  writeResidents,
} from './support/order-loop';

const cloud = functionCloud();
const rid = (label: string) => cloud.requestId(label);
const profile = <T = unknown>(openid: string, command: string, input: unknown = {}) =>
  cloud.as(openid).call<T>('profile', command, input);

type Doc = Record<string, unknown> & { _id: string };
const SEALED = /^pii1:aes-256-gcm:dev-local:[\w-]+:[\w-]*:[\w-]+$/;

describe('personal data at rest', () => {
  test('the demo resident and their orders are stored sealed, and read plain through the functions', async () => {
    const user = (await cloud.get<Doc>('users', DEMO_RESIDENT))!;
    for (const field of ['nickname', 'phone']) expect(user[field]).toMatch(SEALED);
    expect(user['phoneHash']).toMatch(/^pii1h:hmac-sha256:dev-local:/);
    expect(JSON.stringify(user)).not.toMatch(/黄阿姨|13907750001/);

    const orders = await cloud.find<Doc>('orders', { residentOpenid: DEMO_RESIDENT });
    expect(orders.length).toBeGreaterThan(0);
    for (const order of orders) {
      expect(order['residentName']).toMatch(SEALED);
      if (order['serviceAddress'] !== undefined) expect(order['serviceAddress']).toMatch(SEALED);
    }
    expect(
      ok(await profile<{ nickname: string; phone: string }>(DEMO_RESIDENT, 'profile.get')),
    ).toMatchObject({
      nickname: '黄阿姨',
      phone: '139****0001',
    });
  });
});

describe('profile.export', () => {
  test('the demo resident’s own copy: the full phone, their orders with addresses; reading writes nothing', async () => {
    const before = cloud.writeMark();
    const copy = ok(await profile<ProfileExportReply>(DEMO_RESIDENT, 'profile.export'));
    expect(cloud.writeMark()).toEqual(before);
    const account = copy.sections.find((s) => s.key === 'account')!.records[0]!.fields;
    expect(account).toEqual(
      expect.arrayContaining([
        { label: '称呼', value: '黄阿姨' },
        { label: '联系电话', value: DEMO_RESIDENT_PHONE },
      ]),
    );
    const orders = copy.sections.find((s) => s.key === 'orders')!.records;
    expect(orders.length).toBe((await cloud.find('orders', { residentOpenid: DEMO_RESIDENT })).length);
    expect(orders.flatMap((o) => o.fields).some((f) => f.label === '服务地址' && f.value.length > 0)).toBe(
      true,
    );
  });
});

describe('privacy requests', () => {
  test('submitted about an order with its 15-working-day deadline, listed, and stored sealed', async () => {
    const [order] = await cloud.find<Doc>('orders', { residentOpenid: DEMO_RESIDENT }, 1);
    const view = ok(
      await profile<PrivacyRequestView>(DEMO_RESIDENT, 'privacy.request.submit', {
        kind: 'correction',
        orderId: order!._id,
        content: '订单上的门牌号写错了，应为 3 栋 502',
        clientRequestId: rid('preq'),
      }),
    );
    // Monday 10 March 2025 10:00 + 15 working days: the end of Monday 31 March.
    expect(view).toMatchObject({
      status: 'pending',
      statusLabel: '处理中',
      dueAt: Date.parse('2025-04-01T00:00:00+08:00'),
    });
    const stored = (await cloud.get<Doc>('privacy_requests', view.requestId))!;
    expect(stored['content']).toMatch(SEALED);
    expect(stored['orgPath']).toBe(order!['orgPath']);
    const list = ok(await profile<{ items: PrivacyRequestView[] }>(DEMO_RESIDENT, 'privacy.request.list'));
    expect(list.items[0]).toEqual(view);
  });
});

describe('the phone', () => {
  const [A, B] = ['t-privacy-a', 't-privacy-b'];
  beforeAll(() => writeResidents(cloud, [A, B]));

  const setPhone = (openid: string, phone: string) =>
    profile(openid, 'profile.phone.set', {
      method: 'typed',
      phone,
      consent: true,
      clientRequestId: rid('phone'),
    });

  test('the same number on two accounts is accepted and flagged on both; withdrawing clears the other', async () => {
    ok(await setPhone(A, '13812345678'));
    ok(await setPhone(B, '13812345678'));
    expect((await cloud.get<Doc>('users', A))!['phoneShared']).toBe(true);
    expect((await cloud.get<Doc>('users', B))!['phoneShared']).toBe(true);

    const reply = ok(
      await profile<{ phone: string | null }>(B, 'profile.phone.withdraw', { clientRequestId: rid('w') }),
    );
    expect(reply.phone).toBeNull();
    expect(await cloud.get<Doc>('users', B)).toMatchObject({
      phone: null,
      phoneHash: null,
      phoneConsentAt: null,
    });
    expect((await cloud.get<Doc>('users', A))!['phoneShared']).toBe(false);
  });
});

describe('profile.delete', () => {
  test('the demo resident has orders waiting and being served: refused with the way forward, nothing written', async () => {
    const reply = await expectRefusedWritingNothing(
      cloud,
      () => profile(DEMO_RESIDENT, 'profile.delete', { confirm: true, clientRequestId: rid('del') }),
      'ACCOUNT_HAS_OPEN_ORDERS',
    );
    expect(reply.message).toContain('提交注销申请');
  });

  test('a resident whose orders ended: the record emptied, the orders kept de-identified, their list empty', async () => {
    const LEAVER = 't-privacy-leaver';
    await writeResidents(cloud, [LEAVER]);
    const placed = await placeOrder(cloud, LEAVER, APPLIANCE_REPAIR, {
      serviceAddress: '金港花园 9 栋 101',
      note: '下午在家',
    });
    ok(
      await cloud
        .as(LEAVER)
        .orders('order.cancel', { orderId: placed.orderId, clientRequestId: rid('cancel') }),
    );

    const deleted = ok(
      await profile<{ ordersKept: number; concernsKept: number }>(LEAVER, 'profile.delete', {
        confirm: true,
        clientRequestId: rid('del'),
      }),
    );
    expect(deleted).toMatchObject({ ordersKept: 1, concernsKept: 0 });
    const order = (await cloud.get<Doc>('orders', placed.orderId))!;
    expect(order['residentOpenid']).toMatch(/^erased-/);
    expect(order).toMatchObject({
      serviceAddress: '',
      note: '',
      status: 'cancelled',
      providerId: placed.providerId,
    });
    expect(order['residentName']).toMatch(SEALED);
    expect(await cloud.get<Doc>('users', LEAVER)).toMatchObject({
      nickname: '',
      phone: null,
      grants: [],
      homeOrgPath: null,
    });
    expect(ok(await profile(LEAVER, 'profile.get'))).toEqual({
      nickname: '',
      phone: null,
      homeUnitId: null,
      homeUnitName: null,
    });
    expect(ok(await cloud.as(LEAVER).orders<{ total: number }>('order.list', { as: 'resident' })).total).toBe(
      0,
    );
  });
});

describe('a function whose encryption is misconfigured', () => {
  test('does not start: every call fails with the configuration error, and nothing is served', async () => {
    // As after a change of a CloudBase function's environment variables: its instances start afresh with them.
    const runner = cloud.started.cloud.runner;
    const catalog = runner.list().find((f) => f.name === 'catalog')!;
    const envVariables = { ...catalog.config.envVariables, PII_CIPHER: 'sm4-gcm', PII_KEYS: '' };
    runner.setFunctions([{ ...catalog, config: { ...catalog.config, envVariables } }]);
    try {
      const event = { command: 'catalog.list', input: {} };
      await expect(
        runner.invoke('catalog', event, { SOURCE: 'wx_client', OPENID: DEMO_RESIDENT }),
      ).rejects.toThrow(/个人信息加密配置错误.*PII_CIPHER=sm4-gcm needs sm4-gcm and sm3/);
    } finally {
      runner.setFunctions([catalog]);
    }
    expect(ok(await cloud.as(DEMO_RESIDENT).call('catalog', 'catalog.list', {}))).toHaveProperty(
      'categories',
    );
  });
});
