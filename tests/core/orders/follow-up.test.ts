/**
 * Follow-ups (回访): recording one (on time, late, after the rating), the reminder before it is due and the
 * overdue mark after, on a controlled clock; every timer run repeated without effect; punctuality counted
 * once per order and fed into the reputation on the provider and its offerings.
 */
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { EventRecord } from '../../../core/model/event.model';
import type { Offering } from '../../../core/model/offering.model';
import type { FollowUp } from '../../../core/model/order.model';
import type { Provider } from '../../../core/model/provider.model';
import { followUpTimer } from '../../../core/orders/follow-up-timer.usecase';
import { platformConfig, type PlatformConfig } from '../../../core/kernel/platform.config';
import { providerReputation } from '../../../core/reputation/provider-reputation';
import { recordFollowUp } from '../../../core/orders/record-follow-up.usecase';
import {
  HOUR,
  codeOf,
  createWorld,
  residentActor,
  seedProvider,
  staffActor,
  staffOpenid,
  type World,
} from '../support/order-loop.fixture';
import { followUpCommand, orderDoc, orderWalkedTo } from '../support/order-loop.steps';

function world2(config?: PlatformConfig): World {
  const world = createWorld(config);
  seedProvider(world, {
    id: 'p1',
    ratings: { count: 30, sum: 150 },
    followUps: { due: 10, onTime: 9 },
    staff: ['staff-p1-a', 'staff-p1-b'],
  });
  seedProvider(world, { id: 'p2' });
  return world;
}

const provider = async (world: World, id = 'p1') =>
  (await world.db.get<Provider>(COLLECTIONS.providers, id))!;
const followUpOf = async (world: World, orderId: string) =>
  (await world.db.get<FollowUp>(COLLECTIONS.followUps, `fu-${orderId}`))!;
const record = (world: World, orderId: string, actor = staffActor('p1', 'staff-p1-a')) =>
  recordFollowUp({ ports: world.ports, config: world.config, actor, command: followUpCommand(orderId) });
const timer = (world: World) => followUpTimer({ ports: world.ports, config: world.config });

/** A done order and the time it was done. */
async function doneOrder(world: World): Promise<{ orderId: string; doneAt: number }> {
  const { orderId } = await orderWalkedTo(world, 'done', 'p1');
  return { orderId, doneAt: (await orderDoc(world, orderId)).doneAt! };
}

describe('recordFollowUp', () => {
  test('on time: the order is followed up, the record complete, punctuality and reputation updated everywhere', async () => {
    const world = world2();
    const { orderId, doneAt } = await doneOrder(world);
    world.clock.t = doneAt + 24 * HOUR;
    const result = await record(world, orderId);
    expect(result).toEqual({
      orderId,
      status: 'followed_up',
      statusChangedAt: world.clock.now(),
      followUpId: `fu-${orderId}`,
      onTime: true,
      wasOverdue: false,
    });
    expect(await followUpOf(world, orderId)).toMatchObject({
      status: 'recorded',
      recordedAt: world.clock.now(),
      recordedBy: 'staff-p1-a',
      onTime: true,
      channel: 'phone',
      summary: '居民表示空调已正常制冷，满意',
      problems: [{ content: '上门时间比约定晚了半小时', handling: '已向居民致歉，今后提前电话告知' }],
      suggestions: [],
    });
    expect(await orderDoc(world, orderId)).toMatchObject({
      status: 'followed_up',
      followedUpAt: world.clock.now(),
    });
    const p = await provider(world);
    expect([p.followUpsDue, p.followUpsOnTime]).toEqual([11, 10]);
    const expected = providerReputation(p, world.config);
    expect(p.reputation).toBe(expected.score);
    const offering = (await world.db.get<Offering>(COLLECTIONS.offerings, 'off-p1-item-repair'))!;
    expect([offering.reputation, offering.starLevel]).toEqual([expected.score, expected.starLevel]);
  });

  test('after the rating it closes the order', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'rated', 'p1');
    const result = await record(world, orderId);
    expect(result.status).toBe('closed');
    expect(await orderDoc(world, orderId)).toMatchObject({ status: 'closed', closedAt: world.clock.now() });
    const events = world.db.all<EventRecord>(COLLECTIONS.events).filter((e) => e.entityId === orderId);
    expect(events.at(-1)).toMatchObject({
      from: 'rated',
      to: 'closed',
      action: 'order.follow_up',
      actor: { role: 'provider_staff' },
    });
  });

  test.each([
    // An order someone may not see answers as one that does not exist.
    ['another provider\u2019s staff', () => staffActor('p2'), 'ORDER_NOT_FOUND'],
    ['the resident', () => residentActor(), 'PERMISSION_DENIED'],
  ])('refuses %s', async (_name, actor, code) => {
    const world = world2();
    const { orderId } = await doneOrder(world);
    const before = world.db.snapshot();
    expect(await codeOf(record(world, orderId, actor()))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });

  test.each([
    ['an order not done yet', 'accepted'],
    ['an order followed up already', 'followed_up'],
    ['a closed order', 'rated_then_followed'],
  ] as const)('refuses %s', async (_name, status) => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, status, 'p1');
    expect(await codeOf(record(world, orderId))).toBe('ORDER_ILLEGAL_TRANSITION');
  });

  test.each([
    ['an unknown channel', { channel: 'fax' }],
    ['no summary', { summary: '' }],
    ['a problem without its handling', { problems: [{ content: '漏水' }] }],
    [
      'too many problems',
      { problems: Array.from({ length: 11 }, () => ({ content: '问题', handling: '已处理' })) },
    ],
  ])('rejects %s as INVALID_INPUT', async (_name, change) => {
    const world = world2();
    const { orderId } = await doneOrder(world);
    const command = { ...followUpCommand(orderId), ...change };
    expect(await codeOf(recordFollowUp({ ports: world.ports, actor: staffActor('p1'), command }))).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('followUpTimer', () => {
  test('reminds the staff once, from 24 hours before the due time', async () => {
    const world = world2();
    const { orderId, doneAt } = await doneOrder(world);
    const dueAt = doneAt + 72 * HOUR;
    world.notifier.sent.length = 0;

    world.clock.t = dueAt - 24 * HOUR - 1;
    expect(await timer(world)).toEqual({ reminded: [], overdue: [], hasMore: false });

    world.clock.t = dueAt - 24 * HOUR;
    expect((await timer(world)).reminded).toEqual([`fu-${orderId}`]);
    expect(world.notifier.sent.map((m) => m.touser).sort()).toEqual(['staff-p1-a', 'staff-p1-b']);
    expect(world.notifier.sent[0]).toEqual({
      touser: expect.any(String),
      templateId: 'TPL_FOLLOWUP_DUE',
      page: `packages/staff/pages/job-detail/job-detail?orderId=${orderId}`,
      data: {
        time1: { value: '2024-05-04 12:00' },
        thing2: { value: '家电维修' },
        character_string3: { value: orderId },
      },
    });
    expect((await followUpOf(world, orderId)).reminderSentAt).toBe(world.clock.now());

    // Repeated runs, even concurrent ones, send nothing more.
    world.clock.advance(HOUR);
    const again = await Promise.all([timer(world), timer(world)]);
    expect(again.flatMap((r) => r.reminded)).toEqual([]);
    expect(world.notifier.sent).toHaveLength(2);
  });

  test('a follow-up recorded before the reminder gets none', async () => {
    const world = world2();
    const { orderId, doneAt } = await doneOrder(world);
    world.clock.t = doneAt + HOUR;
    await record(world, orderId);
    world.notifier.sent.length = 0;
    world.clock.t = doneAt + 60 * HOUR;
    expect((await timer(world)).reminded).toEqual([]);
    expect(world.notifier.sent).toEqual([]);
  });

  test('marks it overdue after the due time and counts it once as late', async () => {
    const world = world2();
    const { orderId, doneAt } = await doneOrder(world);
    const dueAt = doneAt + 72 * HOUR;
    const before = await provider(world);

    world.clock.t = dueAt;
    expect((await timer(world)).overdue).toEqual([]);
    world.clock.t = dueAt + 1;
    expect((await timer(world)).overdue).toEqual([`fu-${orderId}`]);
    expect(await followUpOf(world, orderId)).toMatchObject({ status: 'overdue', onTime: false });
    const after = await provider(world);
    expect([after.followUpsDue, after.followUpsOnTime]).toEqual([
      before.followUpsDue + 1,
      before.followUpsOnTime,
    ]);
    expect(after.reputation).toBeLessThan(before.reputation);
    expect(after.reputation).toBe(providerReputation(after, world.config).score);
    expect((await world.db.get<Offering>(COLLECTIONS.offerings, 'off-p1-item-repair'))!.reputation).toBe(
      after.reputation,
    );

    // At-least-once delivery: the same run again, twice at once, changes nothing.
    const snapshot = world.db.snapshot();
    const again = await Promise.all([timer(world), timer(world)]);
    expect(again.flatMap((r) => r.overdue)).toEqual([]);
    expect(world.db.snapshot()).toBe(snapshot);
  });

  test('a late recording after the overdue mark adds nothing to the counters', async () => {
    const world = world2();
    const { orderId, doneAt } = await doneOrder(world);
    world.clock.t = doneAt + 80 * HOUR;
    await timer(world);
    const counted = await provider(world);
    world.clock.advance(HOUR);
    const result = await record(world, orderId);
    expect(result).toMatchObject({ onTime: false, wasOverdue: true, status: 'followed_up' });
    expect(await followUpOf(world, orderId)).toMatchObject({ status: 'recorded', onTime: false });
    const p = await provider(world);
    expect([p.followUpsDue, p.followUpsOnTime]).toEqual([counted.followUpsDue, counted.followUpsOnTime]);
  });

  test('a late recording the timer has not seen yet counts once as late', async () => {
    const world = world2();
    const { orderId, doneAt } = await doneOrder(world);
    const before = await provider(world);
    world.clock.t = doneAt + 73 * HOUR;
    expect((await record(world, orderId)).onTime).toBe(false);
    await timer(world);
    const p = await provider(world);
    expect([p.followUpsDue, p.followUpsOnTime]).toEqual([before.followUpsDue + 1, before.followUpsOnTime]);
  });

  test('the due time and the reminder lead come from the configuration', async () => {
    const world = world2(
      platformConfig({ deadlines: { followUpWithinHours: 48, followUpReminderHoursBefore: 6 } }),
    );
    const { orderId, doneAt } = await doneOrder(world);
    expect((await followUpOf(world, orderId)).dueAt).toBe(doneAt + 48 * HOUR);
    world.clock.t = doneAt + 41 * HOUR;
    expect((await timer(world)).reminded).toEqual([]);
    world.clock.t = doneAt + 42 * HOUR;
    expect((await timer(world)).reminded).toEqual([`fu-${orderId}`]);
  });

  test('staff notice the reminder only for their own provider', async () => {
    const world = world2();
    const { doneAt } = await doneOrder(world);
    world.notifier.sent.length = 0;
    world.clock.t = doneAt + 50 * HOUR;
    await timer(world);
    expect(world.notifier.to(staffOpenid('p2'))).toEqual([]);
  });

  test.each([
    ['a resident', residentActor()],
    [
      'a person holding a stored system grant',
      { openid: 'o-mallory', grants: [{ role: 'system' as const }] },
    ],
  ])('refuses to run as %s', async (_name, actor) => {
    const world = world2();
    expect(await codeOf(followUpTimer({ ports: world.ports, actor }))).toBe('PERMISSION_DENIED');
  });

  test('reports a full batch so the trigger runs again', async () => {
    const world = world2(platformConfig({ timerBatchSize: 1 }));
    const a = await doneOrder(world);
    await doneOrder(world);
    world.clock.t = a.doneAt + 100 * HOUR;
    const first = await timer(world);
    expect(first).toMatchObject({ overdue: [`fu-${a.orderId}`], hasMore: true });
    expect((await timer(world)).overdue).toHaveLength(1);
    expect((await timer(world)).hasMore).toBe(false);
  });
});
