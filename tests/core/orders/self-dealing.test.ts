/**
 * Nobody rates their own provider (defect: a provider's staff bound a home unit, ordered from their own
 * provider, accepted, finished, followed up and rated it 5 stars, three times in a few seconds, and the
 * reputation rose). Staff are not offered their own provider, may not order from it, and may not rate it,
 * also when they became staff after ordering. Neighbouring abuse (decision 0013): a burst of ratings from new
 * accounts, and ratings by another provider's staff, are held for a worker instead of counting at once.
 */
import { actorWithResidentGrant, type Actor } from '../../../core/auth/roles';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { ModerationItem } from '../../../core/model/moderation.model';
import type { Rating } from '../../../core/model/order.model';
import type { Provider } from '../../../core/model/provider.model';
import { decideModeration } from '../../../core/moderation/decide-moderation.usecase';
import { acceptOrder } from '../../../core/orders/accept-order.usecase';
import { createOrder } from '../../../core/orders/create-order.usecase';
import { markDone } from '../../../core/orders/mark-done.usecase';
import { nightlyRecount } from '../../../core/orders/nightly-recount.usecase';
import { rateOrder } from '../../../core/orders/rate-order.usecase';
import { recordFollowUp } from '../../../core/orders/record-follow-up.usecase';
import {
  COMMUNITY,
  DAY,
  GRID,
  REPAIR,
  T0,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  seedUser,
  staffActor,
  staffOpenid,
  workerActor,
  type World,
} from '../support/order-loop.fixture';
import { followUpCommand, match, orderDoc, placeOrder } from '../support/order-loop.steps';

/** p1 the best of four providers of REPAIR in the resident's community. */
function world4(): World {
  const world = createWorld();
  seedProvider(world, { id: 'p1', ratings: { count: 40, sum: 196 } });
  seedProvider(world, { id: 'p2', ratings: { count: 20, sum: 90 } });
  seedProvider(world, { id: 'p3', ratings: { count: 10, sum: 40 } });
  seedProvider(world, { id: 'p4' });
  return world;
}

/** p1's staff member who also lives in the grid (every WeChat user is a resident too). */
function staffAtHome(world: World, providerId = 'p1', openid = staffOpenid(providerId)): Actor {
  seedUser(world.db, openid, {
    nickname: '师傅',
    homeOrgPath: GRID,
    createdAt: T0 - 400 * DAY,
    grants: [{ role: 'provider_staff', providerId, position: 'member' }],
  });
  return actorWithResidentGrant(openid, GRID, [{ role: 'provider_staff', providerId, position: 'member' }]);
}

const base = (world: World) => ({ ports: world.ports, config: world.config });
const provider = async (world: World, id = 'p1') =>
  (await world.db.get<Provider>(COLLECTIONS.providers, id))!;
const rate = (world: World, orderId: string, actor: Actor, stars = 5) =>
  rateOrder({ ...base(world), actor, command: { clientRequestId: rid(), orderId, stars, text: '' } });

/**
 * Four providers whose stored aggregates are exactly their ratings in the database (none yet), so the nightly
 * recount can say whether the incremental counts are right.
 */
function emptyWorld(): World {
  const world = createWorld();
  for (const id of ['p1', 'p2', 'p3', 'p4']) seedProvider(world, { id });
  return world;
}

/** An order of `actor` from `providerId`, accepted and done by that provider's staff. */
async function doneOrder(world: World, actor: Actor, providerId = 'p1'): Promise<string> {
  const { orderId } = await placeOrder(world, { actor, providerId });
  const staff = staffActor(providerId);
  await acceptOrder({ ...base(world), actor: staff, command: { clientRequestId: rid(), orderId } });
  await markDone({ ...base(world), actor: staff, command: { clientRequestId: rid(), orderId } });
  return orderId;
}

describe('staff and their own provider', () => {
  test('match.request leaves the caller’s own provider out', async () => {
    const world = world4();
    const shown = async (actor: Actor) =>
      (await match(world, [REPAIR], actor)).items[0]!.providers.map((p) => p.providerId);
    expect((await shown(residentActor())).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect((await shown(staffAtHome(world))).sort()).toEqual(['p2', 'p3', 'p4']);
  });

  test('order.create refuses the caller’s own provider (a match made before they became staff), writing nothing', async () => {
    const world = world4();
    const openid = staffOpenid('p1');
    // Shown p1 as a plain resident, then made staff of p1.
    const m = await match(world, [REPAIR], actorWithResidentGrant(openid, GRID, []));
    const staff = staffAtHome(world);
    const before = world.db.snapshot();
    const create = createOrder({
      ...base(world),
      actor: staff,
      command: { clientRequestId: rid(), matchId: m.matchId, itemId: REPAIR, providerId: 'p1' },
    });
    expect(await codeOf(create)).toBe('ORDER_OWN_PROVIDER');
    expect(world.db.snapshot()).toBe(before);
  });

  test('the reported abuse: three self-orders in a few seconds leave the reputation where it was', async () => {
    const world = world4();
    const staff = staffAtHome(world);
    const reputation = (await provider(world)).reputation;
    for (let i = 0; i < 3; i += 1) {
      const m = await match(world, [REPAIR], staff);
      expect(m.items[0]!.providers.some((p) => p.providerId === 'p1')).toBe(false);
      const create = createOrder({
        ...base(world),
        actor: staff,
        command: { clientRequestId: rid(), matchId: m.matchId, itemId: REPAIR, providerId: 'p1' },
      });
      expect(await codeOf(create)).toBe('MATCH_CANDIDATE_NOT_FOUND');
      world.clock.advance(1_000);
    }
    expect((await provider(world)).reputation).toBe(reputation);
    expect(world.db.all(COLLECTIONS.orders)).toHaveLength(0);
  });

  test('order.rate refuses someone who became staff of the provider after ordering, writing nothing', async () => {
    const world = world4();
    const openid = 'o-later-staff';
    seedUser(world.db, openid, { homeOrgPath: GRID, createdAt: T0 - 400 * DAY });
    const orderId = await doneOrder(world, actorWithResidentGrant(openid, GRID, []));
    const nowStaff = actorWithResidentGrant(openid, GRID, [
      { role: 'provider_staff', providerId: 'p1', position: 'member' },
    ]);
    const before = world.db.snapshot();
    expect(await codeOf(rate(world, orderId, nowStaff))).toBe('RATING_OWN_PROVIDER');
    expect(world.db.snapshot()).toBe(before);
  });

  test('order.rate refuses the resident who served the order themselves, even once no longer staff', async () => {
    const world = world4();
    const openid = 'o-moonlighting';
    seedUser(world.db, openid, { homeOrgPath: GRID, createdAt: T0 - 400 * DAY });
    const asResident = actorWithResidentGrant(openid, GRID, []);
    const { orderId } = await placeOrder(world, { actor: asResident, providerId: 'p1' });
    const asStaff = actorWithResidentGrant(openid, GRID, [
      { role: 'provider_staff', providerId: 'p1', position: 'member' },
    ]);
    await acceptOrder({ ...base(world), actor: asStaff, command: { clientRequestId: rid(), orderId } });
    await markDone({ ...base(world), actor: asStaff, command: { clientRequestId: rid(), orderId } });
    expect(await codeOf(rate(world, orderId, asResident))).toBe('RATING_OWN_PROVIDER');
  });
});

describe('ratings held for a worker (decision 0013)', () => {
  const newResident = (world: World, n: number, createdAt = T0): Actor => {
    const openid = `o-new-${n}`;
    seedUser(world.db, openid, { homeOrgPath: GRID, createdAt });
    return actorWithResidentGrant(openid, GRID, []);
  };
  const heldItems = (world: World) =>
    world.db.all<ModerationItem>(COLLECTIONS.moderationItems).filter((i) => i.kind === 'rating_stars');

  test('a burst of 5-star ratings from new accounts: the first two count, the rest wait for a worker', async () => {
    const world = emptyWorld();
    const before = await provider(world);
    const orders: string[] = [];
    for (let n = 1; n <= 5; n += 1) orders.push(await doneOrder(world, newResident(world, n)));
    for (const [n, orderId] of orders.entries()) {
      const reply = await rate(world, orderId, newResident(world, n + 1));
      expect(reply.status).toBe('rated');
    }
    const after = await provider(world);
    expect(after.ratingCount).toBe(before.ratingCount + 2);
    const ratings = world.db.all<Rating>(COLLECTIONS.ratings);
    expect(ratings.filter((r) => r.counted === false)).toHaveLength(3);
    expect(heldItems(world).map((i) => [i.holdReason, i.status, i.text])).toEqual(
      Array(3).fill(['new_account_burst', 'pending', '5星']),
    );
    // The recount agrees: held stars are not in the aggregates.
    expect((await nightlyRecount(base(world))).corrected).toEqual([]);
  });

  test('an established account counts during a burst; a new one counts again a day later', async () => {
    const world = world4();
    for (let n = 1; n <= 2; n += 1)
      await rate(world, await doneOrder(world, newResident(world, n)), newResident(world, n));
    const old = newResident(world, 9, T0 - 30 * DAY);
    await rate(world, await doneOrder(world, old), old);
    expect(heldItems(world)).toHaveLength(0);
    const third = newResident(world, 3);
    const late = await doneOrder(world, third);
    world.clock.advance(DAY + 1);
    await rate(world, late, third);
    expect(heldItems(world)).toHaveLength(0);
  });

  test('a rating by another provider’s staff is held; a worker’s approval counts it, a rejection does not', async () => {
    const world = emptyWorld();
    const competitor = staffAtHome(world, 'p2');
    const orderId = await doneOrder(world, competitor, 'p1');
    const before = await provider(world);
    await rate(world, orderId, competitor, 1);
    expect((await provider(world)).ratingCount).toBe(before.ratingCount);
    const [item] = heldItems(world);
    expect(item).toMatchObject({ holdReason: 'rater_is_provider_staff', status: 'pending', orgPath: GRID });

    const worker = workerActor(COMMUNITY);
    await decideModeration({
      ...base(world),
      actor: worker,
      command: { clientRequestId: rid(), itemId: item!._id, decision: 'approve' },
    });
    const counted = await provider(world);
    expect([counted.ratingCount, counted.ratingSum]).toEqual([before.ratingCount + 1, before.ratingSum + 1]);
    expect(counted.reputation).toBeLessThan(before.reputation);
    expect((await nightlyRecount(base(world))).corrected).toEqual([]);

    // Another one, rejected: it stays out of the aggregates.
    const second = await doneOrder(world, competitor, 'p1');
    await rate(world, second, competitor, 1);
    const pending = heldItems(world).find((i) => i.status === 'pending')!;
    await decideModeration({
      ...base(world),
      actor: worker,
      command: {
        clientRequestId: rid(),
        itemId: pending._id,
        decision: 'reject',
        reason: '竞争机构人员的评价',
      },
    });
    expect((await provider(world)).ratingCount).toBe(before.ratingCount + 1);
    expect((await nightlyRecount(base(world))).corrected).toEqual([]);
  });

  test('a follow-up of an order the staff made to their own provider can no longer be counted', async () => {
    // The orders are refused at the start, so no follow-up of a self-order exists to count punctuality with.
    const world = world4();
    const staff = staffAtHome(world);
    const m = await match(world, [REPAIR], residentActor());
    const create = createOrder({
      ...base(world),
      actor: staff,
      command: { clientRequestId: rid(), matchId: m.matchId, itemId: REPAIR, providerId: 'p1' },
    });
    expect(await codeOf(create)).toBe('MATCH_NOT_FOUND');
    expect(world.db.all(COLLECTIONS.followUps)).toHaveLength(0);
    // A legitimate order's follow-up still counts.
    const orderId = await doneOrder(world, residentActor());
    await recordFollowUp({ ...base(world), actor: staffActor('p1'), command: followUpCommand(orderId) });
    expect((await orderDoc(world, orderId)).status).toBe('followed_up');
  });
});
