/**
 * Ratings: once per order, text through content security, aggregates updated by constant-work increments
 * that always equal the nightly recount; the recount corrects drift and records it.
 */
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { EventRecord } from '../../../core/model/event.model';
import type { Offering } from '../../../core/model/offering.model';
import type { Rating } from '../../../core/model/order.model';
import type { AggregateCorrection, Provider } from '../../../core/model/provider.model';
import { followUpTimer } from '../../../core/orders/follow-up-timer.usecase';
import { nightlyRecount } from '../../../core/orders/nightly-recount.usecase';
import { platformConfig } from '../../../core/kernel/platform.config';
import { providerReputation } from '../../../core/reputation/provider-reputation';
import { rateOrder } from '../../../core/orders/rate-order.usecase';
import { recordFollowUp } from '../../../core/orders/record-follow-up.usecase';
import { recomputeRatingAggregate } from '../../../core/reputation/ratings.aggregate';
import {
  DAY,
  HOUR,
  OTHER_RESIDENT,
  RESIDENT,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  staffActor,
  type World,
} from '../support/order-loop.fixture';
import { followUpCommand, orderDoc, orderWalkedTo } from '../support/order-loop.steps';

function world2(config = platformConfig()): World {
  const world = createWorld(config);
  seedProvider(world, { id: 'p1', ratings: { count: 4, sum: 18 } });
  seedProvider(world, { id: 'p2', ratings: { count: 2, sum: 6 } });
  return world;
}

const rate = (world: World, orderId: string, stars: number, text = '', actor = residentActor()) =>
  rateOrder({
    ports: world.ports,
    config: world.config,
    actor,
    command: { clientRequestId: rid(), orderId, stars, text },
  });
const provider = async (world: World, id = 'p1') =>
  (await world.db.get<Provider>(COLLECTIONS.providers, id))!;

describe('rateOrder', () => {
  test('rates a done order: the rating, the order, the provider\u2019s aggregates, its reputation and its offerings', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    const before = await provider(world);
    world.clock.advance(HOUR);
    const result = await rate(world, orderId, 4, '师傅很专业，修得很快');
    expect(result).toEqual({
      orderId,
      status: 'rated',
      statusChangedAt: world.clock.now(),
      ratingId: `rat-${orderId}`,
      stars: 4,
      textVisible: true,
    });
    expect(await world.db.get<Rating>(COLLECTIONS.ratings, `rat-${orderId}`)).toMatchObject({
      orderId,
      providerId: 'p1',
      residentOpenid: RESIDENT,
      stars: 4,
      text: '师傅很专业，修得很快',
      textVisible: true,
      createdAt: world.clock.now(),
    });
    expect(await orderDoc(world, orderId)).toMatchObject({
      status: 'rated',
      stars: 4,
      ratedAt: world.clock.now(),
    });
    const after = await provider(world);
    expect(after.ratingCount).toBe(before.ratingCount + 1);
    expect(after.ratingSum).toBe(before.ratingSum + 4);
    expect(after.starCounts[3]).toBe(before.starCounts[3] + 1);
    const expected = providerReputation(after, world.config);
    expect([after.reputation, after.starLevel, after.redStar]).toEqual([
      expected.score,
      expected.starLevel,
      expected.redStar,
    ]);
    expect(after.reputationUpdatedAt).toBe(world.clock.now());
    const offering = (await world.db.get<Offering>(COLLECTIONS.offerings, 'off-p1-item-repair'))!;
    expect([offering.reputation, offering.starLevel, offering.ratingCount]).toEqual([
      expected.score,
      expected.starLevel,
      after.ratingCount,
    ]);
    expect(world.contentSecurity.calls).toEqual([
      { text: '师傅很专业，修得很快', openid: RESIDENT, scene: 'comment' },
    ]);
  });

  test('after the follow-up the rating also closes the order (the system\u2019s step, same commit)', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'followed_up', 'p1');
    const result = await rate(world, orderId, 5);
    expect(result.status).toBe('closed');
    expect(await orderDoc(world, orderId)).toMatchObject({
      status: 'closed',
      closedAt: world.clock.now(),
      stars: 5,
    });
    const steps = world.db
      .all<EventRecord>(COLLECTIONS.events)
      .filter((e) => e.entityId === orderId)
      .slice(-2);
    expect(steps.map((e) => [e.from, e.to, e.actor.role])).toEqual([
      ['followed_up', 'rated', 'resident'],
      ['rated', 'closed', 'system'],
    ]);
  });

  test('one rating per order: a second is refused, a retry of the first is replayed, nothing counts twice', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    const command = { clientRequestId: rid(), orderId, stars: 5, text: '' };
    const first = await rateOrder({ ports: world.ports, actor: residentActor(), command });
    const counted = await provider(world);
    expect(await rateOrder({ ports: world.ports, actor: residentActor(), command })).toEqual(first);
    expect(await codeOf(rate(world, orderId, 1))).toBe('ORDER_ALREADY_RATED');
    expect((await provider(world)).ratingCount).toBe(counted.ratingCount);
    expect(world.db.all(COLLECTIONS.ratings)).toHaveLength(1);
  });

  test('risky text is refused before anything is written', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    world.contentSecurity.verdicts.set('加微信领红包', 'risky');
    const before = world.db.snapshot();
    expect(await codeOf(rate(world, orderId, 1, '加微信领红包'))).toBe('CONTENT_RISKY');
    expect(world.db.snapshot()).toBe(before);
    // The resident may rate again with other words.
    expect((await rate(world, orderId, 3, '一般')).status).toBe('rated');
  });

  test('doubtful text is kept hidden for review; the stars count', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    world.contentSecurity.verdicts.set('说不清楚', 'review');
    const before = await provider(world);
    expect((await rate(world, orderId, 2, '说不清楚')).textVisible).toBe(false);
    expect((await provider(world)).ratingCount).toBe(before.ratingCount + 1);
  });

  test('no text: content security is not asked', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    await rate(world, orderId, 5);
    expect(world.contentSecurity.calls).toEqual([]);
  });

  test.each([
    ['0 stars', 0, 'INVALID_INPUT'],
    ['6 stars', 6, 'INVALID_INPUT'],
    ['half a star', 4.5, 'INVALID_INPUT'],
  ])('rejects %s', async (_name, stars, code) => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    expect(await codeOf(rate(world, orderId, stars))).toBe(code);
  });

  test('text over 500 characters is rejected', async () => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, 'done', 'p1');
    expect(await codeOf(rate(world, orderId, 5, '好'.repeat(501)))).toBe('INVALID_INPUT');
  });

  test.each([
    // An order someone may not see answers as one that does not exist.
    ['another resident', 'done', () => residentActor(OTHER_RESIDENT), 'ORDER_NOT_FOUND'],
    ['the provider\u2019s staff', 'done', () => staffActor('p1'), 'OUT_OF_SCOPE'],
    ['the resident, before the job is done', 'accepted', () => residentActor(), 'ORDER_ILLEGAL_TRANSITION'],
  ] as const)('refuses %s', async (_name, status, actor, code) => {
    const world = world2();
    const { orderId } = await orderWalkedTo(world, status, 'p1');
    const before = world.db.snapshot();
    expect(await codeOf(rate(world, orderId, 5, '', actor()))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });
});

describe('aggregates: incremental updates equal the nightly recount', () => {
  test('after many ratings, follow-ups and overdue marks, the recount finds nothing to correct', async () => {
    // Providers start empty, so every rating and follow-up behind their aggregates is in the database.
    const world = createWorld();
    seedProvider(world, { id: 'p1' });
    seedProvider(world, { id: 'p2' });
    const stars = [5, 4, 1, 3, 5, 2, 5, 4];
    for (const [i, s] of stars.entries()) {
      const providerId = i % 2 === 0 ? 'p1' : 'p2';
      const { orderId } = await orderWalkedTo(world, 'done', providerId);
      if (i % 3 === 0) {
        await recordFollowUp({
          ports: world.ports,
          actor: staffActor(providerId),
          command: followUpCommand(orderId),
        });
      }
      await rate(world, orderId, s);
    }
    // Some follow-ups go overdue, one is recorded late afterwards.
    world.clock.advance(5 * DAY);
    await followUpTimer({ ports: world.ports, config: world.config });
    const late = world.db
      .all<{ _id: string; orderId: string; status: string }>(COLLECTIONS.followUps)
      .find((f) => f.status === 'overdue')!;
    const lateOrder = await orderDoc(world, late.orderId);
    await recordFollowUp({
      ports: world.ports,
      actor: staffActor(lateOrder.providerId),
      command: followUpCommand(late.orderId),
    });

    const incremental = await Promise.all(['p1', 'p2'].map((id) => provider(world, id)));
    const result = await nightlyRecount({ ports: world.ports, config: world.config });
    expect(result).toEqual({ checked: 2, corrected: [], skipped: [], nextCursor: null });
    for (const p of incremental) {
      // Stars held for a worker (the third rating from a new account within a day) are not counted.
      const ratings = world.db
        .all<Rating>(COLLECTIONS.ratings)
        .filter((r) => r.providerId === p._id && r.counted !== false);
      const recomputed = recomputeRatingAggregate(ratings);
      expect([p.ratingCount, p.ratingSum, p.starCounts]).toEqual([
        recomputed.ratingCount,
        recomputed.ratingSum,
        recomputed.starCounts,
      ]);
      expect(p.followUpsDue).toBeGreaterThan(0);
    }
    expect(world.db.all(COLLECTIONS.aggregateCorrections)).toEqual([]);
  });
});

/** A world whose providers' stored aggregates are exactly what their ratings and follow-ups add up to. */
async function consistentWorld(): Promise<World> {
  const world = createWorld();
  seedProvider(world, { id: 'p1' });
  seedProvider(world, { id: 'p2' });
  for (const [providerId, s] of [
    ['p1', 5],
    ['p1', 3],
    ['p2', 4],
  ] as const) {
    const { orderId } = await orderWalkedTo(world, 'followed_up', providerId);
    await rate(world, orderId, s);
  }
  return world;
}

describe('nightlyRecount', () => {
  test('finds nothing to correct when the increments are right', async () => {
    const world = await consistentWorld();
    expect(await nightlyRecount({ ports: world.ports })).toEqual({
      checked: 2,
      corrected: [],
      skipped: [],
      nextCursor: null,
    });
  });

  test('corrects drift, records the correction and refreshes the offerings; the next night is quiet', async () => {
    const world = await consistentWorld();
    const right = await provider(world);
    // A lost increment and a double-counted follow-up.
    await world.db.update(COLLECTIONS.providers, 'p1', {
      ratingCount: right.ratingCount - 1,
      ratingSum: right.ratingSum - 3,
      'starCounts.2': 0,
      followUpsDue: 7,
      reputation: 12.3,
    });
    await world.db.update(COLLECTIONS.offerings, 'off-p1-item-repair', { reputation: 12.3 });
    world.clock.advance(DAY);

    const result = await nightlyRecount({ ports: world.ports });
    expect(result.corrected).toEqual([
      { providerId: 'p1', drift: ['ratingCount', 'ratingSum', 'starCounts.2', 'followUpsDue'] },
    ]);
    const fixed = await provider(world);
    expect([
      fixed.ratingCount,
      fixed.ratingSum,
      fixed.starCounts,
      fixed.followUpsDue,
      fixed.followUpsOnTime,
    ]).toEqual([
      right.ratingCount,
      right.ratingSum,
      right.starCounts,
      right.followUpsDue,
      right.followUpsOnTime,
    ]);
    expect(fixed.reputation).toBe(right.reputation);
    expect((await world.db.get<Offering>(COLLECTIONS.offerings, 'off-p1-item-repair'))!.reputation).toBe(
      right.reputation,
    );
    expect(world.db.all<AggregateCorrection>(COLLECTIONS.aggregateCorrections)).toEqual([
      expect.objectContaining({
        providerId: 'p1',
        drift: ['ratingCount', 'ratingSum', 'starCounts.2', 'followUpsDue'],
        stored: expect.objectContaining({ followUps: { due: 7, onTime: right.followUpsOnTime } }),
        recomputed: expect.objectContaining({
          ratings: { ratingCount: 2, ratingSum: 8, starCounts: [0, 0, 1, 0, 1] },
        }),
        at: world.clock.now(),
      }),
    ]);

    const snapshot = world.db.snapshot();
    expect((await nightlyRecount({ ports: world.ports })).corrected).toEqual([]);
    expect(world.db.snapshot()).toBe(snapshot);
  });

  test('rewrites an offering\u2019s stale copy even when the provider itself is right', async () => {
    const world = await consistentWorld();
    const right = await provider(world, 'p2');
    await world.db.update(COLLECTIONS.offerings, 'off-p2-item-repair', { reputation: 1 });
    await nightlyRecount({ ports: world.ports });
    expect((await world.db.get<Offering>(COLLECTIONS.offerings, 'off-p2-item-repair'))!.reputation).toBe(
      right.reputation,
    );
  });

  test('a provider rated while it is being recounted is left for the next night, not corrected from a stale count', async () => {
    const world = await consistentWorld();
    const { db } = world;
    let interfered = false;
    // A rating commits between the recount's read of the ratings and its write.
    const racing = Object.create(db) as typeof db;
    racing.find = async (collection, where, options) => {
      const out = await db.find(collection, where, options);
      if (collection === COLLECTIONS.ratings && !interfered) {
        interfered = true;
        await db.insert(COLLECTIONS.ratings, { _id: 'rat-late', providerId: 'p1', stars: 4 } as Rating);
        await db.update(COLLECTIONS.providers, 'p1', {
          ratingCount: db.command.inc(1),
          ratingSum: db.command.inc(4),
          'starCounts.3': db.command.inc(1),
        });
      }
      return out as never;
    };
    const result = await nightlyRecount({ ports: { ...world.ports, db: racing } });
    expect(result).toMatchObject({ corrected: [], skipped: ['p1'] });
    expect(world.db.all(COLLECTIONS.aggregateCorrections)).toEqual([]);
    // The next night sees a consistent provider.
    expect(await nightlyRecount({ ports: world.ports })).toMatchObject({ corrected: [], skipped: [] });
  });

  test('works in batches with a cursor, so a long recount shows progress', async () => {
    const world = createWorld(platformConfig({ timerBatchSize: 2 }));
    for (const id of ['a', 'b', 'c', 'd', 'e']) seedProvider(world, { id });
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    let checked = 0;
    do {
      const run: Awaited<ReturnType<typeof nightlyRecount>> = await nightlyRecount({
        ports: world.ports,
        config: world.config,
        cursor,
      });
      checked += run.checked;
      cursor = run.nextCursor;
      cursors.push(cursor);
    } while (cursor !== null);
    expect(cursors).toEqual(['b', 'd', null]);
    expect(checked).toBe(5);
  });
});
