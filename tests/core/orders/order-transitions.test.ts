/**
 * The order's steps through its use cases: each step with the right actor and the wrong ones, from the
 * right status and a wrong one; events, messages, re-offering after a decline, replays and races.
 */
import type { Actor } from '../../../core/auth/roles';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { EventRecord } from '../../../core/model/event.model';
import type { FollowUp } from '../../../core/model/order.model';
import { acceptOrder } from '../../../core/orders/accept-order.usecase';
import { cancelOrder } from '../../../core/orders/cancel-order.usecase';
import { createOrder } from '../../../core/orders/create-order.usecase';
import { declineOrder } from '../../../core/orders/decline-order.usecase';
import { markDone } from '../../../core/orders/mark-done.usecase';
import type { UseCaseInput } from '../../../core/kernel/use-case';
import {
  HOUR,
  OTHER_RESIDENT,
  RESIDENT,
  REPAIR,
  T0,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  staffActor,
  workerActor,
  COMMUNITY,
  type World,
} from '../support/order-loop.fixture';
import { orderDoc, orderWalkedTo, type WalkTarget } from '../support/order-loop.steps';

function world3(): World {
  const world = createWorld();
  seedProvider(world, { id: 'p1', ratings: { count: 30, sum: 150 }, name: '玉林家电快修' });
  seedProvider(world, { id: 'p2', ratings: { count: 10, sum: 50 } });
  seedProvider(world, { id: 'p3' });
  return world;
}

type Step = 'cancel' | 'cancel_with_reason' | 'accept' | 'decline' | 'decline_without_reason' | 'done';
const STEPS: Record<
  Step,
  { run: (input: UseCaseInput) => Promise<unknown>; extra: Record<string, unknown> }
> = {
  cancel: { run: cancelOrder, extra: {} },
  cancel_with_reason: { run: cancelOrder, extra: { reason: '家里临时有事' } },
  accept: { run: acceptOrder, extra: {} },
  decline: { run: declineOrder, extra: { reason: '师傅今天已排满' } },
  decline_without_reason: { run: declineOrder, extra: {} },
  done: { run: markDone, extra: {} },
};

type Who = 'resident' | 'other resident' | 'staff' | 'other staff' | 'worker';
const ACTORS: Record<Who, () => Actor> = {
  resident: () => residentActor(),
  'other resident': () => residentActor(OTHER_RESIDENT),
  staff: () => staffActor('p1'),
  'other staff': () => staffActor('p2'),
  worker: () => workerActor(COMMUNITY),
};

// An order the caller may not see answers ORDER_NOT_FOUND, as one that does not exist (no code tells a
// stranger the id is real); a worker of the unit sees the order, so the matrix's own refusal is fine there.
const ROWS: [WalkTarget, Step, Who, string][] = [
  ['created', 'cancel', 'resident', 'cancelled'],
  ['created', 'cancel', 'other resident', 'ORDER_NOT_FOUND'],
  ['created', 'cancel', 'staff', 'ORDER_ACTOR_NOT_ALLOWED'],
  ['created', 'cancel', 'worker', 'OUT_OF_SCOPE'],
  ['accepted', 'done', 'worker', 'PERMISSION_DENIED'],
  // Refusals that depend on who asks, never on the order's state.
  ['created', 'done', 'worker', 'PERMISSION_DENIED'],
  ['declined', 'accept', 'other staff', 'ORDER_NOT_FOUND'],
  ['declined', 'cancel', 'other resident', 'ORDER_NOT_FOUND'],
  ['done', 'done', 'resident', 'PERMISSION_DENIED'],
  ['accepted', 'cancel', 'resident', 'ORDER_REASON_REQUIRED'],
  ['accepted', 'cancel_with_reason', 'resident', 'cancelled'],
  ['accepted', 'cancel_with_reason', 'staff', 'cancelled'],
  ['accepted', 'cancel_with_reason', 'other staff', 'ORDER_NOT_FOUND'],
  ['declined', 'cancel', 'resident', 'ORDER_ILLEGAL_TRANSITION'],
  ['created', 'accept', 'staff', 'accepted'],
  ['created', 'accept', 'other staff', 'ORDER_NOT_FOUND'],
  ['created', 'accept', 'resident', 'PERMISSION_DENIED'],
  ['accepted', 'accept', 'staff', 'ORDER_ILLEGAL_TRANSITION'],
  ['cancelled_after_accept', 'accept', 'staff', 'ORDER_ILLEGAL_TRANSITION'],
  ['created', 'decline', 'staff', 'declined'],
  ['created', 'decline', 'other staff', 'ORDER_NOT_FOUND'],
  ['created', 'decline', 'resident', 'PERMISSION_DENIED'],
  ['created', 'decline_without_reason', 'staff', 'INVALID_INPUT'],
  ['accepted', 'decline', 'staff', 'ORDER_ILLEGAL_TRANSITION'],
  ['accepted', 'done', 'staff', 'done'],
  ['accepted', 'done', 'other staff', 'ORDER_NOT_FOUND'],
  ['accepted', 'done', 'resident', 'PERMISSION_DENIED'],
  ['created', 'done', 'staff', 'ORDER_ILLEGAL_TRANSITION'],
  ['done', 'done', 'staff', 'ORDER_ILLEGAL_TRANSITION'],
];

describe('order steps: who may make which step from where', () => {
  test.each(ROWS)('from %s, %s by %s: %s', async (from, step, who, expected) => {
    const world = world3();
    const placed = await orderWalkedTo(world, from, 'p1');
    world.clock.advance(HOUR);
    const actor = ACTORS[who]();
    const { run, extra } = STEPS[step];
    const input: UseCaseInput = {
      ports: world.ports,
      actor,
      command: { clientRequestId: rid(), orderId: placed.orderId, ...extra },
    };
    const statusBefore = (await orderDoc(world, placed.orderId)).status;
    const eventsBefore = world.db.all(COLLECTIONS.events).length;
    if (/^[a-z_]+$/.test(expected)) {
      await run(input);
      const order = await orderDoc(world, placed.orderId);
      expect(order.status).toBe(expected);
      expect(order.statusChangedAt).toBe(world.clock.now());
      const events = world.db.all<EventRecord>(COLLECTIONS.events);
      expect(events).toHaveLength(eventsBefore + 1);
      expect(events.find((e) => e.entityId === placed.orderId && e.to === expected)).toMatchObject({
        from: statusBefore,
        actor: { openid: actor.openid },
        at: world.clock.now(),
      });
    } else {
      const before = world.db.snapshot();
      expect(await codeOf(run(input))).toBe(expected);
      expect(world.db.snapshot()).toBe(before);
    }
  });

  test('an unknown order', async () => {
    const world = world3();
    expect(
      await codeOf(
        acceptOrder({
          ports: world.ports,
          actor: staffActor('p1'),
          command: { clientRequestId: rid(), orderId: 'nope' },
        }),
      ),
    ).toBe('ORDER_NOT_FOUND');
  });
});

describe('order steps: what each step records and tells', () => {
  test('accepting records the handler and tells the resident', async () => {
    const world = world3();
    const { orderId } = await orderWalkedTo(world, 'created', 'p1');
    world.notifier.sent.length = 0;
    world.clock.advance(2 * HOUR);
    const staff = staffActor('p1');
    const result = await acceptOrder({
      ports: world.ports,
      actor: staff,
      command: { clientRequestId: rid(), orderId },
    });
    expect(result).toEqual({ orderId, status: 'accepted', statusChangedAt: T0 + 2 * HOUR });
    expect(await orderDoc(world, orderId)).toMatchObject({
      handlerOpenid: staff.openid,
      acceptedAt: T0 + 2 * HOUR,
    });
    expect(world.notifier.sent).toEqual([
      {
        touser: RESIDENT,
        templateId: 'TPL_ORDER_STATUS',
        page: `pages/order-detail/order-detail?orderId=${orderId}`,
        data: {
          phrase1: { value: '已接单' },
          thing2: { value: '玉林家电快修' },
          time3: { value: '2024-05-01 12:00' },
        },
      },
    ]);
  });

  test('a replayed accept answers the same and records nothing more', async () => {
    const world = world3();
    const { orderId } = await orderWalkedTo(world, 'created', 'p1');
    const command = { clientRequestId: rid(), orderId };
    const first = await acceptOrder({ ports: world.ports, actor: staffActor('p1'), command });
    const eventsAfterFirst = world.db.all(COLLECTIONS.events).length;
    const sentAfterFirst = world.notifier.sent.length;
    world.clock.advance(HOUR);
    expect(await acceptOrder({ ports: world.ports, actor: staffActor('p1'), command })).toEqual(first);
    expect(world.db.all(COLLECTIONS.events)).toHaveLength(eventsAfterFirst);
    expect(world.notifier.sent).toHaveLength(sentAfterFirst);
  });

  test('accept and cancel racing: exactly one wins, the other is refused', async () => {
    const world = world3();
    const { orderId } = await orderWalkedTo(world, 'created', 'p1');
    const results = await Promise.allSettled([
      acceptOrder({
        ports: world.ports,
        actor: staffActor('p1'),
        command: { clientRequestId: rid(), orderId },
      }),
      cancelOrder({
        ports: world.ports,
        actor: residentActor(),
        command: { clientRequestId: rid(), orderId },
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(['ORDER_ILLEGAL_TRANSITION', 'ORDER_REASON_REQUIRED']).toContain(
      (rejected.reason as { code: string }).code,
    );
    expect(world.db.all<EventRecord>(COLLECTIONS.events).filter((e) => e.entityId === orderId)).toHaveLength(
      2,
    );
  });

  test('declining offers the next provider of the same match, until none is left', async () => {
    const world = world3();
    const { orderId, match } = await orderWalkedTo(world, 'created', 'p1');
    const decline = (id: string, providerId: string) =>
      declineOrder({
        ports: world.ports,
        actor: staffActor(providerId),
        command: { clientRequestId: rid(), orderId: id, reason: '师傅今天已排满' },
      });
    const orderFrom = async (providerId: string) =>
      (
        await createOrder({
          ports: world.ports,
          actor: residentActor(),
          command: { clientRequestId: rid(), matchId: match.matchId, itemId: REPAIR, providerId },
        })
      ).orderId;

    world.notifier.sent.length = 0;
    const first = await decline(orderId, 'p1');
    expect(first.nextOffer).toMatchObject({ providerId: 'p2', rank: 2 });
    expect(await orderDoc(world, orderId)).toMatchObject({
      status: 'declined',
      nextOffer: { providerId: 'p2' },
    });
    const event = world.db
      .all<EventRecord>(COLLECTIONS.events)
      .find((e) => e.entityId === orderId && e.to === 'declined');
    expect(event).toMatchObject({ reason: '师傅今天已排满', details: { nextProviderId: 'p2' } });
    expect(world.notifier.sent).toEqual([
      expect.objectContaining({
        touser: RESIDENT,
        data: expect.objectContaining({ phrase1: { value: '已拒单' } }),
      }),
    ]);

    const second = await decline(await orderFrom('p2'), 'p2');
    expect(second.nextOffer).toMatchObject({ providerId: 'p3' });
    const third = await decline(await orderFrom('p3'), 'p3');
    expect(third.nextOffer).toBeNull();
  });

  test('marking done opens the follow-up with its due time and asks the resident to rate', async () => {
    const world = world3();
    const { orderId } = await orderWalkedTo(world, 'accepted', 'p1');
    world.notifier.sent.length = 0;
    world.clock.advance(HOUR);
    const now = world.clock.now();
    const result = await markDone({
      ports: world.ports,
      actor: staffActor('p1'),
      command: { clientRequestId: rid(), orderId, note: '更换了电容' },
    });
    expect(result).toEqual({ orderId, status: 'done', statusChangedAt: now, followUpDueAt: now + 72 * HOUR });
    expect(await orderDoc(world, orderId)).toMatchObject({ doneAt: now, followUpDueAt: now + 72 * HOUR });
    expect(await world.db.get<FollowUp>(COLLECTIONS.followUps, `fu-${orderId}`)).toMatchObject({
      orderId,
      providerId: 'p1',
      status: 'pending',
      dueAt: now + 72 * HOUR,
      reminderSentAt: null,
      onTime: null,
    });
    const event = world.db.all<EventRecord>(COLLECTIONS.events).find((e) => e.to === 'done');
    expect(event!.details).toEqual({ note: '更换了电容' });
    expect(world.notifier.sent).toEqual([
      expect.objectContaining({
        touser: RESIDENT,
        templateId: 'TPL_REVIEW_REMINDER',
        data: {
          thing1: { value: '家电维修' },
          thing2: { value: '玉林家电快修' },
          time3: { value: '2024-05-01 12:00' },
          thing4: { value: '服务已完成，请您评价' },
        },
      }),
    ]);
  });

  test('a cancellation by the provider is sent to the resident; the resident\u2019s own is not echoed', async () => {
    const world = world3();
    const a = await orderWalkedTo(world, 'accepted', 'p1');
    world.notifier.sent.length = 0;
    await cancelOrder({
      ports: world.ports,
      actor: staffActor('p1'),
      command: { clientRequestId: rid(), orderId: a.orderId, reason: '师傅生病' },
    });
    expect(world.notifier.sent.map((m) => m.data['phrase1']?.value)).toEqual(['已取消']);

    const world2 = world3();
    const b = await orderWalkedTo(world2, 'created', 'p1');
    world2.notifier.sent.length = 0;
    await cancelOrder({
      ports: world2.ports,
      actor: residentActor(),
      command: { clientRequestId: rid(), orderId: b.orderId },
    });
    expect(world2.notifier.sent).toEqual([]);
  });
});
