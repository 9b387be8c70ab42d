/**
 * match.request writes once for a repeated request (defect: 200 identical calls by one resident added 800
 * match and gap documents, inflating the gap figures workers read): an identical request within minutes of
 * a match not yet ordered from is answered with that match; a gap counts once per resident, item and
 * Asia/Shanghai day, whatever the number of requests, concurrent or not.
 */
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { Match, MatchGap } from '../../../core/model/platform.model';
import { platformConfig } from '../../../core/kernel/platform.config';
import {
  DAY,
  ELDER_CARE,
  OTHER_GRID,
  OTHER_RESIDENT,
  REPAIR,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  type World,
} from '../support/order-loop.fixture';
import { match } from '../support/order-loop.steps';
import { createOrder } from '../../../core/orders/create-order.usecase';

const MINUTE = 60_000;

/** One provider for REPAIR only: every request for it is a gap (fewer than three), ELDER_CARE has none. */
function gapWorld(config = platformConfig()): World {
  const world = createWorld(config);
  seedProvider(world, { id: 'c1' });
  return world;
}

const matches = (world: World) => world.db.all<Match>(COLLECTIONS.matches);
const gaps = (world: World) => world.db.all<MatchGap>(COLLECTIONS.matchGaps);

describe('match.request answers a repeated request from the match it made', () => {
  test('200 identical requests write one match and one gap per short item', async () => {
    const world = gapWorld();
    const first = await match(world, [REPAIR, ELDER_CARE]);
    for (let i = 0; i < 199; i += 1) {
      world.clock.advance(1_000);
      expect(await match(world, [REPAIR, ELDER_CARE])).toEqual(first);
    }
    expect(matches(world)).toHaveLength(1);
    expect(
      gaps(world)
        .map((g) => g.itemId)
        .sort(),
    ).toEqual([ELDER_CARE, REPAIR].sort());
  });

  test('the same items in another order are the same request; other items, another unit or a later request are not', async () => {
    const world = gapWorld();
    const first = await match(world, [REPAIR, ELDER_CARE]);
    expect((await match(world, [ELDER_CARE, REPAIR])).matchId).toBe(first.matchId);
    expect((await match(world, [REPAIR])).matchId).not.toBe(first.matchId);
    // The latest match is the one a request is compared with.
    const repairOnly = (await match(world, [REPAIR])).matchId;
    expect((await match(world, [REPAIR], residentActor(undefined, OTHER_GRID))).matchId).not.toBe(repairOnly);
    world.clock.advance(world.config.matching.reuseWithinMinutes * MINUTE + 1);
    const later = await match(world, [REPAIR, ELDER_CARE]);
    expect(later.matchId).not.toBe(first.matchId);
    expect(later.expiresAt).toBeGreaterThan(first.expiresAt);
  });

  test('once the resident has ordered from a match, the next request is a new one', async () => {
    const world = gapWorld();
    const first = await match(world);
    await createOrder({
      ports: world.ports,
      config: world.config,
      actor: residentActor(),
      command: { clientRequestId: rid(), matchId: first.matchId, itemId: REPAIR, providerId: 'c1' },
    });
    expect((await match(world)).matchId).not.toBe(first.matchId);
  });

  test('reuse can be turned off (0 minutes)', async () => {
    const world = gapWorld(platformConfig({ matching: { reuseWithinMinutes: 0 } }));
    await match(world);
    await match(world);
    expect(matches(world)).toHaveLength(2);
    expect(gaps(world)).toHaveLength(1);
  });
});

describe('a gap counts once per resident, item and Asia/Shanghai day', () => {
  test('new matches the same day add no gap; another resident or the next day adds one', async () => {
    const world = gapWorld(platformConfig({ matching: { reuseWithinMinutes: 0 } }));
    for (let i = 0; i < 5; i += 1) await match(world);
    expect(gaps(world)).toHaveLength(1);
    await match(world, [REPAIR], residentActor(OTHER_RESIDENT));
    expect(gaps(world)).toHaveLength(2);
    world.clock.advance(DAY);
    await match(world);
    expect(gaps(world)).toHaveLength(3);
    const mine = gaps(world).filter((g) => g.matchId === matches(world)[0]!._id);
    expect(mine).toHaveLength(1);
  });

  test('concurrent requests record the gap once', async () => {
    const world = gapWorld(platformConfig({ matching: { reuseWithinMinutes: 0 } }));
    await Promise.all(Array.from({ length: 20 }, () => match(world, [REPAIR, ELDER_CARE])));
    expect(
      gaps(world)
        .map((g) => g.itemId)
        .sort(),
    ).toEqual([ELDER_CARE, REPAIR].sort());
  });
});

describe('a match is reused only while what it showed still holds', () => {
  const world3 = () => {
    const world = createWorld();
    for (const id of ['c1', 'c2', 'c3']) seedProvider(world, { id });
    return world;
  };

  test('a price changed, a provider suspended (even behind its offerings’ copies), or a score moved: a new match', async () => {
    const changes: [string, (world: World) => Promise<unknown>][] = [
      [
        'price',
        (w) =>
          w.db.update(COLLECTIONS.offerings, `off-c1-${REPAIR}`, {
            pricing: { kind: 'low_fee', priceFen: 100, marketPriceFen: 200, unit: '次' },
          }),
      ],
      ['status', (w) => w.db.update(COLLECTIONS.providers, 'c2', { status: 'suspended' })],
      ['score', (w) => w.db.update(COLLECTIONS.offerings, `off-c3-${REPAIR}`, { reputation: 99 })],
    ];
    for (const [, change] of changes) {
      const world = world3();
      const first = await match(world);
      expect((await match(world)).matchId).toBe(first.matchId);
      await change(world);
      expect((await match(world)).matchId).not.toBe(first.matchId);
    }
  });
});
