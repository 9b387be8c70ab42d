/** Steps of the order loop for tests: match, order, and walk an order to a given status through the use cases. */
import type { Actor } from '../../../core/auth/roles';
import { matchProviders } from '../../../core/matching/match-providers.usecase';
import { acceptOrder } from '../../../core/orders/accept-order.usecase';
import { cancelOrder } from '../../../core/orders/cancel-order.usecase';
import { createOrder } from '../../../core/orders/create-order.usecase';
import { declineOrder } from '../../../core/orders/decline-order.usecase';
import { markDone } from '../../../core/orders/mark-done.usecase';
import { rateOrder } from '../../../core/orders/rate-order.usecase';
import { recordFollowUp } from '../../../core/orders/record-follow-up.usecase';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { Order } from '../../../core/model/order.model';
import { HOUR, REPAIR, residentActor, rid, staffActor, type World } from './order-loop.fixture';
import type { MatchProvidersResult } from '../../../core/matching/match.reply';

export async function match(
  world: World,
  itemIds: readonly string[] = [REPAIR],
  actor: Actor = residentActor(),
): Promise<MatchProvidersResult> {
  return matchProviders({ ports: world.ports, config: world.config, actor, command: { itemIds } });
}

export interface Placed {
  readonly match: MatchProvidersResult;
  readonly orderId: string;
  readonly providerId: string;
}

/** Match for REPAIR and order from `providerId` (default: the first offered). */
export async function placeOrder(
  world: World,
  options: { providerId?: string; actor?: Actor; note?: string } = {},
): Promise<Placed> {
  const actor = options.actor ?? residentActor();
  const m = await match(world, [REPAIR], actor);
  const providerId = options.providerId ?? m.items[0]!.providers[0]!.providerId;
  const created = await createOrder({
    ports: world.ports,
    config: world.config,
    actor,
    command: {
      clientRequestId: rid(),
      matchId: m.matchId,
      itemId: REPAIR,
      providerId,
      note: options.note ?? '',
    },
  });
  return { match: m, orderId: created.orderId, providerId };
}

export const followUpCommand = (orderId: string) => ({
  clientRequestId: rid(),
  orderId,
  channel: 'phone',
  summary: '居民表示空调已正常制冷，满意',
  problems: [{ content: '上门时间比约定晚了半小时', handling: '已向居民致歉，今后提前电话告知' }],
  suggestions: [],
});

export type WalkTarget =
  | 'created'
  | 'accepted'
  | 'done'
  | 'followed_up'
  | 'rated'
  | 'rated_then_followed'
  | 'declined'
  | 'cancelled_after_accept';

/** Place an order and walk it, through the real use cases, to `target`; one hour passes per step. */
export async function orderWalkedTo(world: World, target: WalkTarget, providerId?: string): Promise<Placed> {
  const placed = await placeOrder(world, providerId === undefined ? {} : { providerId });
  const staff = staffActor(placed.providerId);
  const resident = residentActor();
  const base = { ports: world.ports, config: world.config };
  const step = async (fn: () => Promise<unknown>) => {
    world.clock.advance(HOUR);
    await fn();
  };
  if (target === 'created') return placed;
  if (target === 'declined') {
    await step(() =>
      declineOrder({
        ...base,
        actor: staff,
        command: { clientRequestId: rid(), orderId: placed.orderId, reason: '师傅今天已排满' },
      }),
    );
    return placed;
  }
  await step(() =>
    acceptOrder({ ...base, actor: staff, command: { clientRequestId: rid(), orderId: placed.orderId } }),
  );
  if (target === 'accepted') return placed;
  if (target === 'cancelled_after_accept') {
    await step(() =>
      cancelOrder({
        ...base,
        actor: resident,
        command: { clientRequestId: rid(), orderId: placed.orderId, reason: '家里临时有事' },
      }),
    );
    return placed;
  }
  await step(() =>
    markDone({ ...base, actor: staff, command: { clientRequestId: rid(), orderId: placed.orderId } }),
  );
  if (target === 'done') return placed;
  if (target === 'followed_up') {
    await step(() => recordFollowUp({ ...base, actor: staff, command: followUpCommand(placed.orderId) }));
    return placed;
  }
  await step(() =>
    rateOrder({
      ...base,
      actor: resident,
      command: { clientRequestId: rid(), orderId: placed.orderId, stars: 5, text: '' },
    }),
  );
  if (target === 'rated') return placed;
  await step(() => recordFollowUp({ ...base, actor: staff, command: followUpCommand(placed.orderId) }));
  return placed;
}

export async function orderDoc(world: World, orderId: string): Promise<Order> {
  const order = await world.db.get<Order>(COLLECTIONS.orders, orderId);
  if (order === null) throw new Error(`no order ${orderId}`);
  return order;
}
