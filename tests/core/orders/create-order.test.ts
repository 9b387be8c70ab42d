/** order.create: from a match, idempotent, the provider's staff told; refusals write nothing. */
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { EventRecord } from '../../../core/model/event.model';
import { createOrder } from '../../../core/orders/create-order.usecase';
import { platformConfig } from '../../../core/kernel/platform.config';
import { fitThing } from '../../../core/orders/order-messages.builder';
import type { Order } from '../../../core/model/order.model';
import {
  DAY,
  HOUR,
  LOW_FEE,
  OTHER_RESIDENT,
  RESIDENT,
  REPAIR,
  ELDER_CARE,
  T0,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  staffActor,
  staffOpenid,
  type World,
} from '../support/order-loop.fixture';
import { match } from '../support/order-loop.steps';

function threeProviders(world: World): void {
  seedProvider(world, {
    id: 'p1',
    ratings: { count: 20, sum: 100 },
    pricing: LOW_FEE,
    staff: ['staff-p1-a', 'staff-p1-b'],
  });
  seedProvider(world, { id: 'p2', ratings: { count: 10, sum: 50 } });
  seedProvider(world, { id: 'p3' });
}

const create = (world: World, command: unknown, actor = residentActor()) =>
  createOrder({ ports: world.ports, config: world.config, actor, command });

describe('createOrder', () => {
  test('creates the order with what was agreed, its deadline and its own copy of the match; tells the staff', async () => {
    const world = createWorld();
    threeProviders(world);
    const m = await match(world);
    world.clock.advance(HOUR);
    const result = await create(world, {
      clientRequestId: rid(),
      matchId: m.matchId,
      itemId: REPAIR,
      providerId: 'p1',
      note: '空调不制冷，下午在家',
    });

    expect(result).toEqual({
      orderId: expect.any(String),
      status: 'created',
      acceptBy: T0 + HOUR + 24 * HOUR,
    });
    const order = (await world.db.get<Order>(COLLECTIONS.orders, result.orderId))!;
    expect(order).toMatchObject({
      residentOpenid: RESIDENT,
      residentName: '黄阿姨',
      providerId: 'p1',
      providerName: '服务机构p1',
      offeringId: 'off-p1-item-repair',
      itemId: REPAIR,
      itemName: '家电维修',
      pricing: LOW_FEE,
      matchId: m.matchId,
      matchRank: 1,
      status: 'created',
      orgPath: '/yl/yz/yc/dm/g1/',
      note: '空调不制冷，下午在家',
      handlerOpenid: null,
      createdAt: T0 + HOUR,
      acceptBy: T0 + 25 * HOUR,
      nextOffer: null,
    });
    expect(order.matchCandidates!.map((c) => c.providerId)).toEqual(['p1', 'p2', 'p3']);

    const events = world.db.all<EventRecord>(COLLECTIONS.events);
    expect(events).toEqual([
      expect.objectContaining({
        entityType: 'order',
        entityId: result.orderId,
        from: null,
        to: 'created',
        action: 'order.create',
        actor: { openid: RESIDENT, role: 'resident' },
        at: T0 + HOUR,
        orgPath: order.orgPath,
      }),
    ]);

    expect(world.notifier.sent.map((m) => m.touser).sort()).toEqual(['staff-p1-a', 'staff-p1-b']);
    expect(world.notifier.sent[0]).toEqual({
      touser: expect.any(String),
      templateId: 'TPL_ORDER_NEW',
      page: `packages/staff/pages/job-detail/job-detail?orderId=${result.orderId}`,
      data: {
        thing1: { value: '家电维修' },
        thing2: { value: '金港小区' },
        time3: { value: '2024-05-01 11:00' },
        thing4: { value: '空调不制冷，下午在家' },
      },
    });
  });

  test('a missing note is sent as 无 (a template value may not be empty); long text is cut to 20 characters', async () => {
    const world = createWorld();
    threeProviders(world);
    const m = await match(world);
    await create(world, { clientRequestId: rid(), matchId: m.matchId, itemId: REPAIR, providerId: 'p2' });
    expect(world.notifier.to(staffOpenid('p2'))[0]!.data['thing4']).toEqual({ value: '无' });
    expect(fitThing('请师傅上门前先打电话，小区门禁需要登记，家里有老人午休')).toBe(
      '请师傅上门前先打电话，小区门禁需要登记…',
    );
    expect([...fitThing('x'.repeat(40))]).toHaveLength(20);
    // A long note and item name still make a valid message (the test notifier applies WeChat's checks).
    await world.db.update(COLLECTIONS.serviceItems, ELDER_CARE, {
      name: '陪护老年人（含夜间陪护、就医陪同及康复训练）',
    });
    seedProvider(world, { id: 'p4', items: [ELDER_CARE] });
    const m2 = await match(world, [ELDER_CARE]);
    await create(world, {
      clientRequestId: rid(),
      matchId: m2.matchId,
      itemId: ELDER_CARE,
      providerId: 'p4',
      note: '老人行动不便，需要轮椅，请提前一天电话联系家属确认时间',
    });
    expect(world.notifier.to(staffOpenid('p4'))[0]!.data['thing1']!.value).toBe(
      '陪护老年人（含夜间陪护、就医陪同及康复…',
    );
  });

  test('a retry with the same request id returns the first result and books nothing again', async () => {
    const world = createWorld();
    threeProviders(world);
    const m = await match(world);
    const command = { clientRequestId: rid(), matchId: m.matchId, itemId: REPAIR, providerId: 'p1' };
    const first = await create(world, command);
    world.clock.advance(HOUR);
    const again = await create(world, { ...command });
    expect(again).toEqual(first);
    expect(world.db.all(COLLECTIONS.orders)).toHaveLength(1);
    expect(world.db.all(COLLECTIONS.events)).toHaveLength(1);
    expect(world.notifier.sent).toHaveLength(2); // the two staff, once
    // The same request id for another order is refused.
    expect(await codeOf(create(world, { ...command, providerId: 'p2' }))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  test('two concurrent deliveries of one request book once', async () => {
    const world = createWorld();
    threeProviders(world);
    const m = await match(world);
    const command = { clientRequestId: rid(), matchId: m.matchId, itemId: REPAIR, providerId: 'p1' };
    const [a, b] = await Promise.all([create(world, command), create(world, command)]);
    expect(a).toEqual(b);
    expect(world.db.all(COLLECTIONS.orders)).toHaveLength(1);
  });

  test('staff who have not allowed the template do not stop the order', async () => {
    const world = createWorld();
    threeProviders(world);
    world.notifier.refusing.add('staff-p1-a');
    const m = await match(world);
    await create(world, { clientRequestId: rid(), matchId: m.matchId, itemId: REPAIR, providerId: 'p1' });
    expect(world.notifier.sent.map((s) => s.touser)).toEqual(['staff-p1-b']);
    expect(world.db.all(COLLECTIONS.orders)).toHaveLength(1);
  });

  test('the acceptance window comes from the configuration', async () => {
    const world = createWorld(platformConfig({ deadlines: { acceptWithinHours: 2 } }));
    threeProviders(world);
    const m = await match(world);
    const r = await create(world, {
      clientRequestId: rid(),
      matchId: m.matchId,
      itemId: REPAIR,
      providerId: 'p1',
    });
    expect(r.acceptBy).toBe(T0 + 2 * HOUR);
  });

  type Setup = (world: World, matchId: string) => Promise<unknown> | void;
  const refusals: [
    string,
    Setup,
    (matchId: string) => unknown,
    string,
    ReturnType<typeof residentActor> | null,
  ][] = [
    [
      'no request id',
      () => {},
      (matchId) => ({ matchId, itemId: REPAIR, providerId: 'p1' }),
      'INVALID_INPUT',
      null,
    ],
    [
      'a short request id',
      () => {},
      (matchId) => ({ clientRequestId: 'x', matchId, itemId: REPAIR, providerId: 'p1' }),
      'INVALID_INPUT',
      null,
    ],
    [
      'no provider',
      () => {},
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR }),
      'INVALID_INPUT',
      null,
    ],
    [
      'an unknown match',
      () => {},
      () => ({ clientRequestId: rid(), matchId: 'm-unknown', itemId: REPAIR, providerId: 'p1' }),
      'MATCH_NOT_FOUND',
      null,
    ],
    [
      'a provider that was not offered',
      () => {},
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p9' }),
      'MATCH_CANDIDATE_NOT_FOUND',
      null,
    ],
    [
      'an item that was not ticked',
      () => {},
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: ELDER_CARE, providerId: 'p1' }),
      'MATCH_CANDIDATE_NOT_FOUND',
      null,
    ],
    [
      'another resident\u2019s match',
      () => {},
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1' }),
      // Someone else's match answers as one that does not exist.
      'MATCH_NOT_FOUND',
      residentActor(OTHER_RESIDENT),
    ],
    [
      'provider staff ordering for the resident',
      () => {},
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1' }),
      // Someone else's match answers as one that does not exist.
      'MATCH_NOT_FOUND',
      staffActor('p1'),
    ],
    [
      'an expired match',
      (w) => w.clock.advance(DAY + 1),
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1' }),
      'MATCH_EXPIRED',
      null,
    ],
    [
      'a provider suspended since the match',
      (w) => w.db.update(COLLECTIONS.providers, 'p1', { status: 'suspended' }),
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1' }),
      'PROVIDER_UNAVAILABLE',
      null,
    ],
    [
      'an offering unlisted since the match',
      (w) => w.db.update(COLLECTIONS.offerings, 'off-p1-item-repair', { active: false }),
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1' }),
      'PROVIDER_UNAVAILABLE',
      null,
    ],
    [
      'a price changed since the match',
      (w) =>
        w.db.update(COLLECTIONS.offerings, 'off-p1-item-repair', { pricing: { ...LOW_FEE, priceFen: 4000 } }),
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1' }),
      'ORDER_PRICE_CHANGED',
      null,
    ],
    [
      'a second order for the same item while the first is open',
      async (w, matchId) => {
        await create(w, { clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p2' });
      },
      (matchId) => ({ clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1' }),
      'ORDER_ALREADY_OPEN',
      null,
    ],
  ];
  test.each(refusals)('refuses %s, writing nothing', async (_name, setup, command, code, actor) => {
    const world = createWorld();
    threeProviders(world);
    const m = await match(world);
    await setup(world, m.matchId);
    const sentBefore = world.notifier.sent.length;
    const before = world.db.snapshot();
    expect(await codeOf(create(world, command(m.matchId), actor ?? residentActor()))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
    expect(world.notifier.sent).toHaveLength(sentBefore);
  });
});
