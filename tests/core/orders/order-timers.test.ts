/**
 * The order timers on a controlled clock: expiry of unanswered orders with re-offering, and closing of
 * orders left waiting. Each is run twice (timers are at-least-once): the second run changes nothing.
 */
import { SYSTEM_ACTOR } from '../../../core/auth/roles';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { EventRecord } from '../../../core/model/event.model';
import { closeStaleOrders } from '../../../core/orders/close-stale-orders.usecase';
import { createOrder } from '../../../core/orders/create-order.usecase';
import { expireOrders } from '../../../core/orders/expire-orders.usecase';
import { platformConfig, type PlatformConfig } from '../../../core/kernel/platform.config';
import {
  DAY,
  HOUR,
  RESIDENT,
  REPAIR,
  T0,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  type World,
} from '../support/order-loop.fixture';
import { orderDoc, orderWalkedTo } from '../support/order-loop.steps';

function world3(config?: PlatformConfig): World {
  const world = createWorld(config);
  seedProvider(world, { id: 'p1', ratings: { count: 30, sum: 150 } });
  seedProvider(world, { id: 'p2', ratings: { count: 10, sum: 50 } });
  seedProvider(world, { id: 'p3' });
  return world;
}

const expire = (world: World) => expireOrders({ ports: world.ports, config: world.config });

describe('expireOrders', () => {
  test('an order not answered in time expires, the resident is told and offered the next provider; a second run does nothing', async () => {
    const world = world3();
    const { orderId } = await orderWalkedTo(world, 'created', 'p1');
    world.notifier.sent.length = 0;

    world.clock.t = T0 + 24 * HOUR - 1;
    expect(await expire(world)).toEqual({ expired: [], hasMore: false });
    expect((await orderDoc(world, orderId)).status).toBe('created');

    world.clock.t = T0 + 24 * HOUR;
    const run = await expire(world);
    expect(run.expired).toEqual([
      { orderId, nextOffer: expect.objectContaining({ providerId: 'p2', rank: 2 }) },
    ]);
    const order = await orderDoc(world, orderId);
    expect(order).toMatchObject({
      status: 'expired',
      statusChangedAt: T0 + 24 * HOUR,
      nextOffer: { providerId: 'p2' },
    });
    const event = world.db.all<EventRecord>(COLLECTIONS.events).find((e) => e.to === 'expired');
    expect(event).toMatchObject({
      from: 'created',
      action: 'order.expire',
      actor: { openid: SYSTEM_ACTOR.openid, role: 'system' },
      reason: '超过 24 小时未接单',
      details: { nextProviderId: 'p2' },
    });
    expect(world.notifier.sent).toEqual([
      expect.objectContaining({
        touser: RESIDENT,
        templateId: 'TPL_ORDER_STATUS',
        data: expect.objectContaining({ phrase1: { value: '超时未接' } }),
      }),
    ]);

    const snapshot = world.db.snapshot();
    world.clock.advance(HOUR);
    expect(await expire(world)).toEqual({ expired: [], hasMore: false });
    expect(world.db.snapshot()).toBe(snapshot);
    expect(world.notifier.sent).toHaveLength(1);
  });

  test('two runs delivered at once expire each order once', async () => {
    const world = world3();
    const { orderId } = await orderWalkedTo(world, 'created', 'p1');
    world.clock.advance(DAY);
    const [a, b] = await Promise.all([expire(world), expire(world)]);
    expect([...a.expired, ...b.expired].map((e) => e.orderId)).toEqual([orderId]);
    expect(world.db.all<EventRecord>(COLLECTIONS.events).filter((e) => e.to === 'expired')).toHaveLength(1);
  });

  test('the resident orders from the re-offer; when that expires too the next one is offered, then none', async () => {
    const world = world3();
    const { orderId, match } = await orderWalkedTo(world, 'created', 'p1');
    const orderFrom = async (providerId: string) =>
      (
        await createOrder({
          ports: world.ports,
          actor: residentActor(),
          command: { clientRequestId: rid(), matchId: match.matchId, itemId: REPAIR, providerId },
        })
      ).orderId;

    world.clock.advance(DAY);
    await expire(world);
    const second = await orderFrom((await orderDoc(world, orderId)).nextOffer!.providerId);
    expect((await orderDoc(world, second)).providerId).toBe('p2');

    world.clock.advance(DAY + HOUR);
    expect((await expire(world)).expired).toEqual([
      { orderId: second, nextOffer: expect.objectContaining({ providerId: 'p3' }) },
    ]);
    // Re-offering kept the match open past its first day.
    world.clock.advance(20 * HOUR);
    const third = await orderFrom('p3');

    world.clock.advance(DAY);
    expect((await expire(world)).expired).toEqual([{ orderId: third, nextOffer: null }]);
    // Nobody left to offer: the match is no longer kept open.
    world.clock.advance(DAY);
    expect(await codeOf(orderFrom('p1'))).toBe('MATCH_EXPIRED');
  });

  test('accepted, declined and cancelled orders never expire', async () => {
    const world = world3();
    await orderWalkedTo(world, 'accepted', 'p1');
    await orderWalkedTo(world, 'declined', 'p2');
    world.clock.advance(30 * DAY);
    expect((await expire(world)).expired).toEqual([]);
  });

  test('the window and the batch size come from the configuration', async () => {
    const world = world3(platformConfig({ deadlines: { acceptWithinHours: 2 }, timerBatchSize: 1 }));
    const a = await orderWalkedTo(world, 'created', 'p1');
    const b = await orderWalkedTo(world, 'created', 'p2');
    world.clock.t = T0 + 2 * HOUR;
    const first = await expire(world);
    expect(first).toEqual({ expired: [{ orderId: a.orderId, nextOffer: expect.anything() }], hasMore: true });
    const second = await expire(world);
    expect(second.expired.map((e) => e.orderId)).toEqual([b.orderId]);
    expect((await expire(world)).hasMore).toBe(false);
    expect((await orderDoc(world, b.orderId)).status).toBe('expired');
  });

  test('only the platform may expire orders', async () => {
    const world = world3();
    await orderWalkedTo(world, 'created', 'p1');
    world.clock.advance(DAY);
    const before = world.db.snapshot();
    expect(await codeOf(expireOrders({ ports: world.ports, actor: residentActor() }))).toBe(
      'PERMISSION_DENIED',
    );
    expect(world.db.snapshot()).toBe(before);
  });
});

describe('closeStaleOrders', () => {
  const close = (world: World) => closeStaleOrders({ ports: world.ports, config: world.config });

  test.each([
    ['done', '服务完成 7 天内未回访、未评价，系统关闭订单'],
    ['followed_up', '服务完成 7 天内居民未评价，系统关闭订单'],
    ['rated', '服务完成 7 天仍未回访，系统关闭订单'],
  ] as const)(
    'an order left %s for 7 days is closed with the reason on record, once',
    async (status, reason) => {
      const world = world3();
      const { orderId } = await orderWalkedTo(world, status, 'p1');
      const doneAt = (await orderDoc(world, orderId)).doneAt!;
      world.clock.t = doneAt + 7 * DAY - 1;
      expect((await close(world)).closed).toEqual([]);
      world.clock.t = doneAt + 7 * DAY;
      expect((await close(world)).closed).toEqual([orderId]);
      expect(await orderDoc(world, orderId)).toMatchObject({ status: 'closed', closedAt: doneAt + 7 * DAY });
      expect(world.db.all<EventRecord>(COLLECTIONS.events).find((e) => e.to === 'closed')).toMatchObject({
        from: status,
        actor: { role: 'system' },
        reason,
      });
      const snapshot = world.db.snapshot();
      expect((await close(world)).closed).toEqual([]);
      expect(world.db.snapshot()).toBe(snapshot);
    },
  );
});
