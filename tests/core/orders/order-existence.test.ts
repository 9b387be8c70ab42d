/**
 * No answer tells a stranger that an id is real (defect: an unknown order id answered ORDER_NOT_FOUND and
 * another user's OUT_OF_SCOPE), and authorization comes before content security (defect: order.rate checked
 * a stranger's text first, spending the platform's msgSecCheck quota on them).
 */
import type { Actor } from '../../../core/auth/roles';
import type { UseCaseInput } from '../../../core/kernel/use-case';
import { acceptOrder } from '../../../core/orders/accept-order.usecase';
import { cancelOrder } from '../../../core/orders/cancel-order.usecase';
import { createOrder } from '../../../core/orders/create-order.usecase';
import { declineOrder } from '../../../core/orders/decline-order.usecase';
import { markDone } from '../../../core/orders/mark-done.usecase';
import { orderDetail } from '../../../core/orders/order-detail.usecase';
import { rateOrder } from '../../../core/orders/rate-order.usecase';
import { recordFollowUp } from '../../../core/orders/record-follow-up.usecase';
import {
  OTHER_COMMUNITY,
  OTHER_RESIDENT,
  REPAIR,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  staffActor,
  workerActor,
  type World,
} from '../support/order-loop.fixture';
import { followUpCommand, match, orderWalkedTo, type WalkTarget } from '../support/order-loop.steps';

function world2(): World {
  const world = createWorld();
  seedProvider(world, { id: 'p1', ratings: { count: 10, sum: 48 } });
  seedProvider(world, { id: 'p2' });
  return world;
}

/** The code and message a call fails with. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('expected a refusal');
}

type Run = (input: UseCaseInput) => Promise<unknown>;
const WITH_TEXT = '含有文字的说明';
const STEPS: [string, Run, WalkTarget, (orderId: string) => Record<string, unknown>][] = [
  ['order.detail', orderDetail, 'created', (orderId) => ({ orderId })],
  ['order.accept', acceptOrder, 'created', (orderId) => ({ clientRequestId: rid(), orderId })],
  [
    'order.decline',
    declineOrder,
    'created',
    (orderId) => ({ clientRequestId: rid(), orderId, reason: WITH_TEXT }),
  ],
  [
    'order.cancel',
    cancelOrder,
    'accepted',
    (orderId) => ({ clientRequestId: rid(), orderId, reason: WITH_TEXT }),
  ],
  ['order.done', markDone, 'accepted', (orderId) => ({ clientRequestId: rid(), orderId, note: WITH_TEXT })],
  ['order.follow_up', recordFollowUp, 'done', (orderId) => followUpCommand(orderId)],
  [
    'order.rate',
    rateOrder,
    'done',
    (orderId) => ({ clientRequestId: rid(), orderId, stars: 5, text: WITH_TEXT }),
  ],
];

const STRANGERS: [string, () => Actor][] = [
  ['another resident', () => residentActor(OTHER_RESIDENT)],
  ['another provider’s staff', () => staffActor('p2')],
  ['a worker of another community', () => workerActor(OTHER_COMMUNITY)],
];

describe('an order someone may not see answers exactly as one that does not exist', () => {
  test.each(
    STEPS.flatMap(([name, run, at, input]) =>
      STRANGERS.map(([who, actor]) => [name, who, run, at, input, actor] as const),
    ),
  )(
    '%s by %s: ORDER_NOT_FOUND, the same message, nothing written, no text checked',
    async (_name, _who, run, at, input, actor) => {
      const world = world2();
      const { orderId } = await orderWalkedTo(world, at, 'p1');
      const checksBefore = world.contentSecurity.calls.length;
      const before = world.db.snapshot();
      const theirs = await failure(run({ ports: world.ports, actor: actor(), command: input(orderId) }));
      const unknown = await failure(
        run({ ports: world.ports, actor: actor(), command: input('no-such-order') }),
      );
      expect(theirs).toEqual(unknown);
      expect(theirs.code).toBe('ORDER_NOT_FOUND');
      expect(theirs.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(world.db.snapshot()).toBe(before);
      expect(world.contentSecurity.calls).toHaveLength(checksBefore);
    },
  );

  test('someone else’s match answers as a match that does not exist, and its note is never checked', async () => {
    const world = world2();
    const m = await match(world);
    const create = (matchId: string) =>
      failure(
        createOrder({
          ports: world.ports,
          actor: residentActor(OTHER_RESIDENT),
          command: { clientRequestId: rid(), matchId, itemId: REPAIR, providerId: 'p1', note: WITH_TEXT },
        }),
      );
    const theirs = await create(m.matchId);
    expect(theirs).toEqual(await create('no-such-match'));
    expect(theirs.code).toBe('MATCH_NOT_FOUND');
    expect(world.contentSecurity.calls).toHaveLength(0);
  });
});

describe('content security runs after authorization', () => {
  test('the order’s own resident rating a job not done yet: refused before the text is checked', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'accepted', 'p1');
    const rate = rateOrder({
      ports: world.ports,
      actor: residentActor(),
      command: { clientRequestId: rid(), orderId, stars: 5, text: WITH_TEXT },
    });
    expect((await failure(rate)).code).toBe('ORDER_ILLEGAL_TRANSITION');
    expect(world.contentSecurity.calls).toHaveLength(0);
  });

  test('the provider’s own staff rating the job: refused before the text is checked', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    const rate = rateOrder({
      ports: world.ports,
      actor: staffActor('p1'),
      command: { clientRequestId: rid(), orderId, stars: 5, text: WITH_TEXT },
    });
    expect((await failure(rate)).code).toBe('OUT_OF_SCOPE');
    expect(world.contentSecurity.calls).toHaveLength(0);
  });

  test('the resident rating their done order: the text is checked once, as theirs', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    await rateOrder({
      ports: world.ports,
      actor: residentActor(),
      command: { clientRequestId: rid(), orderId, stars: 5, text: WITH_TEXT },
    });
    expect(world.contentSecurity.calls).toEqual([
      { text: WITH_TEXT, openid: residentActor().openid, scene: 'comment' },
    ]);
  });
});
