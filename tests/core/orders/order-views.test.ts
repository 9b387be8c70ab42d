/**
 * Order lists and detail: who sees which orders, pagination, the event timeline, what the caller may do,
 * and the resident's phone: masked for the provider until it accepts and again once the order has ended.
 */
import type { Actor } from '../../../core/auth/roles';
import { COLLECTIONS } from '../../../core/model/collections.model';
import { listOrders } from '../../../core/orders/list-orders.usecase';
import { chronological, orderDetail } from '../../../core/orders/order-detail.usecase';
import type { EventRecord } from '../../../core/model/event.model';
import { maskPhone } from '../../../core/privacy/phone-masking.policy';
import { rateOrder } from '../../../core/orders/rate-order.usecase';
import {
  COMMUNITY,
  OTHER_COMMUNITY,
  OTHER_RESIDENT,
  RESIDENT_PHONE,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  staffActor,
  workerActor,
  type World,
} from '../support/order-loop.fixture';
import { orderDoc, orderWalkedTo, placeOrder, type WalkTarget } from '../support/order-loop.steps';
import { closeStaleOrders } from '../../../core/orders/close-stale-orders.usecase';

function world2(): World {
  const world = createWorld();
  seedProvider(world, { id: 'p1', ratings: { count: 30, sum: 150 }, name: '玉林家电快修' });
  seedProvider(world, { id: 'p2' });
  return world;
}

const detail = (world: World, orderId: string, actor: Actor) =>
  orderDetail({ ports: world.ports, actor, command: { orderId } });

describe('maskPhone', () => {
  test.each([
    ['13812341234', '138****1234'],
    [' 13812341234 ', '138****1234'],
    ['0775-2345678', '077****5678'],
    ['12345', '***45'],
    ['12', '**'],
  ])('%s -> %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('orderDetail: the resident\u2019s phone', () => {
  const rows: [WalkTarget | 'closed', 'resident' | 'staff', boolean][] = [
    ['created', 'resident', false],
    ['created', 'staff', true],
    ['accepted', 'staff', false],
    ['done', 'staff', false],
    ['followed_up', 'staff', false],
    ['rated', 'staff', false],
    ['rated_then_followed', 'staff', true], // closed
    ['closed', 'staff', true], // closed by the timer
    ['cancelled_after_accept', 'staff', true],
    ['declined', 'staff', true],
    ['rated_then_followed', 'resident', false],
  ];
  test.each(rows)('%s, seen by the %s: masked %s', async (status, viewer, masked) => {
    const world = world2();
    let orderId: string;
    if (status === 'closed') {
      orderId = (await orderWalkedTo(world, 'done', 'p1')).orderId;
      world.clock.advance(8 * 24 * 3_600_000);
      await closeStaleOrders({ ports: world.ports });
      expect((await orderDoc(world, orderId)).status).toBe('closed');
    } else {
      orderId = (await orderWalkedTo(world, status, 'p1')).orderId;
    }
    const actor = viewer === 'resident' ? residentActor() : staffActor('p1');
    const { order } = await detail(world, orderId, actor);
    expect(order.residentPhoneMasked).toBe(masked);
    expect(order.residentPhone).toBe(masked ? '138****1234' : RESIDENT_PHONE);
  });

  test('a worker of the order\u2019s unit sees it; other residents and other providers do not see the order at all', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'accepted', 'p1');
    expect((await detail(world, orderId, workerActor(COMMUNITY))).order.residentPhone).toBe(RESIDENT_PHONE);
    // Not "out of scope": the same answer as for an order that does not exist.
    expect(await codeOf(detail(world, orderId, workerActor(OTHER_COMMUNITY)))).toBe('ORDER_NOT_FOUND');
    expect(await codeOf(detail(world, orderId, residentActor(OTHER_RESIDENT)))).toBe('ORDER_NOT_FOUND');
    expect(await codeOf(detail(world, orderId, staffActor('p2')))).toBe('ORDER_NOT_FOUND');
  });

  test('a resident without a phone on file shows none', async () => {
    const world = world2();
    await world.db.update(COLLECTIONS.users, 'o-resident-huang', { phone: null });
    const { orderId } = await orderWalkedTo(world, 'accepted', 'p1');
    expect((await detail(world, orderId, staffActor('p1'))).order).toMatchObject({
      residentPhone: null,
      residentPhoneMasked: false,
    });
  });
});

describe('orderDetail: timeline and actions', () => {
  test('the timeline lists every step with its label, role and reason, and no openids', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'rated_then_followed', 'p1');
    const result = await detail(world, orderId, residentActor());
    expect(result.timeline.map((t) => [t.from, t.to, t.stepLabel, t.actorLabel])).toEqual([
      [null, 'created', '下单', '居民'],
      ['created', 'accepted', '接单', '服务机构人员'],
      ['accepted', 'done', '完成服务', '服务机构人员'],
      ['done', 'rated', '评价', '居民'],
      ['rated', 'closed', '评价后补录回访，订单完结', '服务机构人员'],
    ]);
    expect(JSON.stringify(result.timeline)).not.toContain('staff-p1');
    expect(result.order).toMatchObject({
      status: 'closed',
      statusLabel: '已关闭',
      itemName: '家电维修',
      providerName: '玉林家电快修',
      price: { free: true, text: '免费' },
    });
    expect(result.followUp).toMatchObject({ status: 'recorded', onTime: true, channel: 'phone' });
    expect(result.rating).toMatchObject({ stars: 5, text: '' });
    expect(result.actions).toEqual([]);
  });

  test.each([
    ['created', 'resident', ['order.cancel']],
    ['created', 'staff', ['order.accept', 'order.decline']],
    ['accepted', 'resident', ['order.cancel']],
    ['accepted', 'staff', ['order.cancel', 'order.done']],
    ['done', 'resident', ['order.rate']],
    ['done', 'staff', ['order.follow_up']],
    ['rated', 'staff', ['order.follow_up']],
    ['declined', 'resident', []],
  ] as const)('from %s, the %s may: %j', async (status, viewer, actions) => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, status, 'p1');
    const actor = viewer === 'resident' ? residentActor() : staffActor('p1');
    const result = await detail(world, orderId, actor);
    expect(result.viewerRole).toBe(viewer === 'resident' ? 'resident' : 'provider_staff');
    expect([...result.actions].sort()).toEqual([...actions].sort());
  });

  test('the resident of a declined order sees the provider offered next; the provider does not', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'declined', 'p1');
    expect((await detail(world, orderId, residentActor())).nextOffer).toMatchObject({ providerId: 'p2' });
    expect((await detail(world, orderId, staffActor('p1'))).nextOffer).toBeNull();
  });

  test('text held for review is shown to its author only', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    world.contentSecurity.verdicts.set('说不清楚', 'review');
    await rateOrder({
      ports: world.ports,
      actor: residentActor(),
      command: { clientRequestId: rid(), orderId, stars: 3, text: '说不清楚' },
    });
    expect((await detail(world, orderId, residentActor())).rating!.text).toBe('说不清楚');
    expect((await detail(world, orderId, staffActor('p1'))).rating!.text).toBeNull();
  });

  test.each([
    ['an unknown order', { orderId: 'nope' }, 'ORDER_NOT_FOUND'],
    ['no order id', {}, 'INVALID_INPUT'],
  ])('%s', async (_name, command, code) => {
    const world = world2();
    expect(await codeOf(orderDetail({ ports: world.ports, actor: residentActor(), command }))).toBe(code);
  });
});

describe('listOrders', () => {
  async function manyOrders(world: World, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const placed = await orderWalkedTo(world, i % 2 === 0 ? 'declined' : 'done', i % 3 === 0 ? 'p2' : 'p1');
      ids.push(placed.orderId);
    }
    return ids;
  }

  test('a resident sees their own orders, newest first, one page at a time', async () => {
    const world = world2();
    const ids = await manyOrders(world, 5);
    await placeOrder(world, { actor: residentActor(OTHER_RESIDENT) });
    const list = (page: number) =>
      listOrders({
        ports: world.ports,
        actor: residentActor(),
        command: { as: 'resident', page, pageSize: 2 },
      });
    const first = await list(1);
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2, hasMore: true });
    expect(first.items.map((i) => i.orderId)).toEqual([ids[4], ids[3]]);
    expect(first.items[1]).toMatchObject({
      status: 'done',
      statusLabel: '已完成服务',
      itemName: '家电维修',
      price: { free: true },
    });
    expect(JSON.stringify(first)).not.toContain('1381234');
    expect((await list(3)).items.map((i) => i.orderId)).toEqual([ids[0]]);
    expect((await list(3)).hasMore).toBe(false);
  });

  test('filters by status', async () => {
    const world = world2();
    await manyOrders(world, 5);
    const result = await listOrders({
      ports: world.ports,
      actor: residentActor(),
      command: { as: 'resident', status: 'declined' },
    });
    expect(result.total).toBe(3);
    expect(result.items.every((i) => i.status === 'declined')).toBe(true);
  });

  test('provider staff see their provider\u2019s jobs only', async () => {
    const world = world2();
    const ids = await manyOrders(world, 6);
    const p2Jobs = ids.filter((_id, i) => i % 3 === 0);
    const result = await listOrders({
      ports: world.ports,
      actor: staffActor('p2'),
      command: { as: 'provider_staff' },
    });
    expect(result.items.map((i) => i.orderId).sort()).toEqual([...p2Jobs].sort());
    expect(result.items[0]!.residentName).toBe('黄阿姨');
  });

  test('a waiting order shows when it expires', async () => {
    const world = world2();
    const { orderId } = await placeOrder(world);
    const result = await listOrders({
      ports: world.ports,
      actor: staffActor('p1'),
      command: { as: 'provider_staff', status: 'created' },
    });
    expect(result.items).toEqual([
      expect.objectContaining({ orderId, acceptBy: (await orderDoc(world, orderId)).acceptBy }),
    ]);
  });

  test.each([
    [
      'a resident asking for provider jobs',
      () => residentActor(),
      { as: 'provider_staff' },
      'PERMISSION_DENIED',
    ],
    ['a page size over 50', () => residentActor(), { as: 'resident', pageSize: 51 }, 'INVALID_INPUT'],
    ['no list named', () => residentActor(), {}, 'INVALID_INPUT'],
    ['page 0', () => residentActor(), { as: 'resident', page: 0 }, 'INVALID_INPUT'],
  ])('refuses %s', async (_name, actor, command, code) => {
    const world = world2();
    expect(await codeOf(listOrders({ ports: world.ports, actor: actor(), command }))).toBe(code);
  });
});

describe('the timeline', () => {
  const event = (id: string, from: string | null, to: string, at: number): EventRecord =>
    ({
      _id: id,
      orgPath: COMMUNITY,
      entityType: 'order',
      entityId: 'o1',
      from,
      to,
      action: 'order.view',
      actor: { openid: 'x', role: 'resident' },
      at,
      reason: null,
    }) as unknown as EventRecord;

  test('steps of one instant follow the chain of statuses, whatever their random ids', () => {
    // As read: by time, then id. The rating that closes the order wrote both events at 300.
    const read = [
      event('a', null, 'created', 100),
      event('b', 'created', 'accepted', 200),
      event('c', 'rated', 'closed', 300),
      event('d', 'followed_up', 'rated', 300),
      event('e', 'done', 'followed_up', 250),
    ].sort((x, y) => x.at - y.at || (x._id < y._id ? -1 : 1));
    expect(chronological(read).map((e) => e.to)).toEqual([
      'created',
      'accepted',
      'followed_up',
      'rated',
      'closed',
    ]);
  });
});
