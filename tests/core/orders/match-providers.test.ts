/**
 * Matching (docs/product.md section 4): ranking, the 3-5 bound, widening one level at a time with marks, gaps,
 * exclusions, fair rotation of ties, one query per ticked item, and bad input.
 */
import type { Actor } from '../../../core/auth/roles';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { Match, MatchGap } from '../../../core/model/platform.model';
import type { ProviderStatus } from '../../../core/lifecycle/provider.lifecycle';
import { matchProviders } from '../../../core/matching/match-providers.usecase';
import { coverageDistance, selectOfferings } from '../../../core/matching/match-selection.policy';
import { platformConfig } from '../../../core/kernel/platform.config';
import {
  CITY,
  COMMUNITY,
  COUNTY,
  DAY,
  ELDER_CARE,
  GRID,
  HAIRCUT,
  LOW_FEE,
  OTHER_COMMUNITY,
  OTHER_COUNTY,
  OTHER_GRID,
  OTHER_STREET,
  REPAIR,
  STREET,
  T0,
  codeOf,
  createWorld,
  residentActor,
  seedItem,
  seedProvider,
  workerActor,
  type World,
} from '../support/order-loop.fixture';
import { match } from '../support/order-loop.steps';

/** `n` five-star ratings: more ratings, higher reputation (the Bayesian average climbs towards 5). */
const fiveStars = (n: number) => ({ count: n, sum: 5 * n });

describe('matchProviders: ranking', () => {
  test('offers up to five providers of the community in reputation order, with price, stars, distance and score parts', async () => {
    const world = createWorld();
    seedProvider(world, {
      id: 'pa',
      ratings: { count: 200, sum: 920 },
      grade: 'excellent',
      pricing: LOW_FEE,
    });
    seedProvider(world, { id: 'pb', ratings: { count: 48, sum: 216 } });
    seedProvider(world, { id: 'pc' }); // a newcomer: the prior, neither buried nor boosted
    seedProvider(world, { id: 'pd', ratings: { count: 10, sum: 20 } });
    seedProvider(world, { id: 'pe', complaints: 4 });
    seedProvider(world, { id: 'pf', ratings: { count: 5, sum: 25 } });

    const result = await match(world);
    const item = result.items[0]!;
    expect(item).toMatchObject({
      itemId: REPAIR,
      itemName: '家电维修',
      searchedLevel: 'community',
      widened: false,
      gap: false,
    });
    expect(item.providers.map((p) => p.providerId)).toEqual(['pa', 'pb', 'pf', 'pc', 'pd']);
    const scores = item.providers.map((p) => p.reputation);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(item.providers.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);

    const best = item.providers[0]!;
    expect(best).toMatchObject({
      name: '服务机构pa',
      contactPhone: '0775-2345678',
      price: {
        free: false,
        feeFen: 3000,
        marketPriceFen: 5000,
        unit: '次',
        text: '30元/次（市场价 50元/次）',
      },
      starLevel: 5,
      ratingCount: 200,
      newcomer: false,
      distance: 1,
      foundAt: 'community',
      widened: false,
    });
    expect(item.providers[3]).toMatchObject({
      providerId: 'pc',
      newcomer: true,
      price: { free: true, text: '免费' },
    });
    for (const p of item.providers) {
      // The parts shown to the resident add up to the score shown.
      const tenths = p.scoreParts.reduce((sum, part) => sum + Math.round(part.points * 10), 0);
      expect(tenths).toBe(Math.round(p.reputation * 10));
      expect(p.scoreParts.map((part) => part.key)).toEqual([
        'rating',
        'punctuality',
        'evaluation',
        'complaints',
      ]);
      expect(p.scoreParts.every((part) => /[\u4e00-\u9fa5]/.test(part.explanation))).toBe(true);
    }
  });

  test('stores the match (what the resident was shown) for ordering from it', async () => {
    const world = createWorld();
    seedProvider(world, { id: 'pa', ratings: fiveStars(5) });
    seedProvider(world, { id: 'pb', pricing: LOW_FEE });
    seedProvider(world, { id: 'pc', serves: [STREET] });
    const result = await match(world);
    const stored = await world.db.get<Match>(COLLECTIONS.matches, result.matchId);
    expect(stored).toMatchObject({
      residentOpenid: 'o-resident-huang',
      orgPath: GRID,
      itemIds: [REPAIR],
      createdAt: T0,
      expiresAt: T0 + DAY,
    });
    expect(stored!.results[0]!.candidates).toEqual([
      expect.objectContaining({ providerId: 'pa', rank: 1, foundAt: 'community', pricing: { kind: 'free' } }),
      expect.objectContaining({ providerId: 'pb', rank: 2, pricing: LOW_FEE }),
      expect.objectContaining({ providerId: 'pc', rank: 3, foundAt: 'street' }),
    ]);
  });
});

interface Row {
  readonly name: string;
  /** id, service area, reputation rank input (more five-star ratings = higher). */
  readonly providers: readonly (readonly [string, readonly string[], number])[];
  /** Expected list: id and whether it is marked widened. */
  readonly expected: readonly (readonly [string, boolean])[];
  readonly searchedLevel: string;
  readonly gap: boolean;
}

const ROWS: Row[] = [
  {
    name: 'three in the grid and community: no widening, a better street provider is not needed',
    providers: [
      ['g1', [GRID], 3],
      ['c1', [COMMUNITY], 5],
      ['c2', [COMMUNITY], 1],
      ['s1', [STREET], 10],
    ],
    expected: [
      ['c1', false],
      ['g1', false],
      ['c2', false],
    ],
    searchedLevel: 'community',
    gap: false,
  },
  {
    name: 'seven nearby: the best five',
    providers: [1, 2, 3, 4, 5, 6, 7].map((n) => [`c${n}`, [COMMUNITY], n] as const),
    expected: [7, 6, 5, 4, 3].map((n) => [`c${n}`, false] as const),
    searchedLevel: 'community',
    gap: false,
  },
  {
    name: 'two nearby: widen to the street only, the county is not reached',
    providers: [
      ['c1', [COMMUNITY], 5],
      ['g1', [GRID], 3],
      ['s1', [STREET], 1],
      ['s2', [STREET], 4],
      ['k1', [COUNTY], 10],
    ],
    expected: [
      ['c1', false],
      ['g1', false],
      ['s2', true],
      ['s1', true],
    ],
    searchedLevel: 'street',
    gap: false,
  },
  {
    name: 'none nearby: street, then county, one level at a time, filled up to five',
    providers: [
      ['s1', [STREET], 2],
      ['k1', [COUNTY], 8],
      ['k2', [COUNTY], 6],
      ['k3', [COUNTY], 4],
      ['k4', [COUNTY], 3],
      ['k5', [COUNTY], 1],
      ['y1', [CITY], 10],
    ],
    expected: [
      ['s1', true],
      ['k1', true],
      ['k2', true],
      ['k3', true],
      ['k4', true],
    ],
    searchedLevel: 'county',
    gap: false,
  },
  {
    name: 'only city-wide providers, too few: what exists, and a gap',
    providers: [
      ['y1', [CITY], 1],
      ['y2', [CITY], 2],
    ],
    expected: [
      ['y2', true],
      ['y1', true],
    ],
    searchedLevel: 'city',
    gap: true,
  },
  {
    name: 'providers of other grids, communities, streets and counties do not serve the resident',
    providers: [
      ['c1', [COMMUNITY], 1],
      ['x1', [OTHER_GRID], 9],
      ['x2', [OTHER_COMMUNITY], 9],
      ['x3', [OTHER_STREET], 9],
      ['x4', [OTHER_COUNTY], 9],
    ],
    expected: [['c1', false]],
    searchedLevel: 'city',
    gap: true,
  },
  {
    name: 'a provider serving several areas counts at its nearest one',
    providers: [
      ['m1', [COUNTY, GRID], 1],
      ['c1', [COMMUNITY], 2],
      ['c2', [COMMUNITY], 3],
    ],
    expected: [
      ['c2', false],
      ['c1', false],
      ['m1', false],
    ],
    searchedLevel: 'community',
    gap: false,
  },
];

describe('matchProviders: the 3-5 bound, widening and gaps', () => {
  test.each(ROWS)('$name', async (row) => {
    const world = createWorld();
    for (const [id, serves, n] of row.providers) seedProvider(world, { id, serves, ratings: fiveStars(n) });
    const item = (await match(world)).items[0]!;
    expect(item.providers.map((p) => [p.providerId, p.widened])).toEqual(row.expected);
    expect(item.searchedLevel).toBe(row.searchedLevel);
    expect(item.widened).toBe(row.searchedLevel !== 'community');
    expect(item.gap).toBe(row.gap);
    expect(world.db.all<MatchGap>(COLLECTIONS.matchGaps)).toHaveLength(row.gap ? 1 : 0);
  });

  test('distance counts the levels between the grid and the covering area', async () => {
    const world = createWorld();
    seedProvider(world, { id: 'g', serves: [GRID] });
    seedProvider(world, { id: 's', serves: [STREET] });
    seedProvider(world, { id: 'k', serves: [COUNTY] });
    seedProvider(world, { id: 'y', serves: [CITY] });
    const item = (await match(world)).items[0]!;
    expect(item.providers.map((p) => [p.providerId, p.distance, p.foundAt])).toEqual([
      ['g', 0, 'grid'],
      ['s', 2, 'street'],
      ['k', 3, 'county'],
    ]);
    expect(coverageDistance(GRID, [CITY, OTHER_GRID])).toBe(4);
    expect(coverageDistance(GRID, [OTHER_GRID])).toBeNull();
  });

  test('a resident bound to a community (no grid) has distance 0 at the community and widens from there', async () => {
    const world = createWorld();
    seedProvider(world, { id: 'c1', serves: [COMMUNITY] });
    seedProvider(world, { id: 's1', serves: [STREET], ratings: fiveStars(2) });
    seedProvider(world, { id: 's2', serves: [STREET], ratings: fiveStars(1) });
    const item = (await match(world, [REPAIR], residentActor('o-community-resident', COMMUNITY))).items[0]!;
    expect(item.providers.map((p) => [p.providerId, p.distance, p.widened])).toEqual([
      ['c1', 0, false],
      ['s1', 1, true],
      ['s2', 1, true],
    ]);
  });

  test('records the gap for the workers\u2019 dashboard: item, unit, level searched, time', async () => {
    const world = createWorld();
    seedProvider(world, { id: 'c1' });
    const result = await match(world, [REPAIR, ELDER_CARE]);
    expect(result.items.map((i) => [i.itemId, i.providers.length, i.gap])).toEqual([
      [REPAIR, 1, true],
      [ELDER_CARE, 0, true],
    ]);
    const gaps = world.db.all<MatchGap>(COLLECTIONS.matchGaps);
    expect([...gaps].sort((a, b) => (a.itemId === REPAIR ? -1 : b.itemId === REPAIR ? 1 : 0))).toEqual([
      expect.objectContaining({
        itemId: REPAIR,
        orgPath: GRID,
        orgUnitId: 'g1',
        wanted: 3,
        found: 1,
        searchedLevel: 'city',
        matchId: result.matchId,
        createdAt: T0,
      }),
      expect.objectContaining({ itemId: ELDER_CARE, orgPath: GRID, found: 0 }),
    ]);
  });

  test('the bounds come from the configuration', async () => {
    const world = createWorld(platformConfig({ matching: { minProviders: 2, maxProviders: 3 } }));
    for (const n of [1, 2, 3, 4]) seedProvider(world, { id: `c${n}`, ratings: fiveStars(n) });
    seedProvider(world, { id: 's1', serves: [STREET] });
    const item = (await match(world)).items[0]!;
    expect(item.providers.map((p) => p.providerId)).toEqual(['c4', 'c3', 'c2']);
  });
});

describe('matchProviders: who is never offered', () => {
  const excluded: [string, Parameters<typeof seedProvider>[1]][] = [
    ...(['suspended', 'rectifying', 'removed', 'exited'] as ProviderStatus[]).map(
      (status): [string, Parameters<typeof seedProvider>[1]] => [
        status,
        { id: 'bad', status, ratings: fiveStars(50) },
      ],
    ),
    ['blacklisted', { id: 'bad', blacklisted: true, ratings: fiveStars(50) }],
    ['offering unlisted', { id: 'bad', offeringInactive: true, ratings: fiveStars(50) }],
  ];
  test.each(excluded)('%s', async (_name, spec) => {
    const world = createWorld();
    seedProvider(world, spec);
    seedProvider(world, { id: 'ok' });
    const item = (await match(world)).items[0]!;
    expect(item.providers.map((p) => p.providerId)).toEqual(['ok']);
  });

  test('a provider suspended after its offerings were copied is still left out (the provider record decides)', async () => {
    const world = createWorld();
    seedProvider(world, { id: 'stale', ratings: fiveStars(50) });
    seedProvider(world, { id: 'ok' });
    await world.db.update(COLLECTIONS.providers, 'stale', { status: 'suspended' });
    const item = (await match(world)).items[0]!;
    expect(item.providers.map((p) => p.providerId)).toEqual(['ok']);
  });

  test('stale copies do not take the places of providers who may be shown, nor cause a false gap', async () => {
    const world = createWorld();
    for (const id of ['s1', 's2', 's3']) seedProvider(world, { id, ratings: fiveStars(50) });
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) seedProvider(world, { id });
    seedProvider(world, { id: 'street', serves: [STREET] });
    await world.db.update(COLLECTIONS.providers, 's1', { status: 'suspended' });
    await world.db.update(COLLECTIONS.providers, 's2', { blacklisted: true });
    await world.db.update(COLLECTIONS.providers, 's3', { status: 'removed' });
    const item = (await match(world)).items[0]!;
    expect([...item.providers.map((p) => p.providerId)].sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(item).toMatchObject({ gap: false, widened: false });

    // Only two left in the community: widen to the street rather than report a gap.
    await world.db.update(COLLECTIONS.providers, 'c3', { status: 'suspended' });
    await world.db.update(COLLECTIONS.providers, 'c4', { status: 'suspended' });
    await world.db.update(COLLECTIONS.providers, 'c5', { status: 'suspended' });
    const widened = (await match(world)).items[0]!;
    const shown = widened.providers.map((p) => [p.providerId, p.widened] as const);
    expect(shown.slice(0, 2).sort()).toEqual([
      ['c1', false],
      ['c2', false],
    ]);
    expect(shown[2]).toEqual(['street', true]);
    expect(shown).toHaveLength(3);
    expect(widened).toMatchObject({ gap: false, widened: true, searchedLevel: 'street' });
  });
});

describe('matchProviders: ties are rotated fairly', () => {
  const tied = ['t1', 't2', 't3', 't4'];
  const seedTied = (world: World) => {
    for (const id of tied) seedProvider(world, { id });
  };
  const firstFor = async (world: World, actor: Actor) =>
    (await match(world, [REPAIR], actor)).items[0]!.providers[0]!.providerId;

  test('one resident sees the same order all day', async () => {
    const world = createWorld();
    seedTied(world);
    const a = (await match(world)).items[0]!.providers.map((p) => p.providerId);
    world.clock.advance(10 * 3_600_000);
    const b = (await match(world)).items[0]!.providers.map((p) => p.providerId);
    expect(b).toEqual(a);
    expect([...a].sort()).toEqual(tied);
  });

  test('across residents every tied provider comes first for some', async () => {
    const world = createWorld();
    seedTied(world);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 40; i += 1) {
      const id = await firstFor(world, residentActor(`o-r-${i}`, GRID));
      firsts.set(id, (firsts.get(id) ?? 0) + 1);
    }
    expect([...firsts.keys()].sort()).toEqual(tied);
    // Not lopsided: nobody wins more than half of 40 draws.
    expect(Math.max(...firsts.values())).toBeLessThanOrEqual(20);
  });

  test('for one resident the winner changes from day to day', async () => {
    const world = createWorld();
    seedTied(world);
    const firsts = new Set<string>();
    for (let day = 0; day < 30; day += 1) {
      firsts.add(await firstFor(world, residentActor()));
      world.clock.advance(DAY);
    }
    expect([...firsts].sort()).toEqual(tied);
  });

  test('only equal scores are rotated: a better provider always comes first', async () => {
    const world = createWorld();
    seedTied(world);
    seedProvider(world, { id: 'best', ratings: fiveStars(3) });
    for (let i = 0; i < 10; i += 1) {
      expect(await firstFor(world, residentActor(`o-r-${i}`, GRID))).toBe('best');
    }
  });

  test('when more providers tie than fit, different residents see different ones', async () => {
    const world = createWorld();
    for (let n = 1; n <= 8; n += 1) seedProvider(world, { id: `t${n}` });
    const seen = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      for (const p of (await match(world, [REPAIR], residentActor(`o-r-${i}`, GRID))).items[0]!.providers)
        seen.add(p.providerId);
    }
    expect(seen.size).toBe(8);
  });

  test('when more providers tie than the candidate pool holds, every one of them still gets shown', async () => {
    // A pool of 10 would always keep the same 10 of 30 tied providers (the query breaks ties by _id).
    const world = createWorld(platformConfig({ matching: { candidatePoolSize: 10 } }));
    for (let n = 10; n < 40; n += 1) seedProvider(world, { id: `t${n}` });
    const seen = new Set<string>();
    for (let i = 0; i < 60; i += 1) {
      for (const p of (await match(world, [REPAIR], residentActor(`o-r-${i}`, GRID))).items[0]!.providers)
        seen.add(p.providerId);
    }
    expect(seen.size).toBe(30);
  });
});

describe('matchProviders: index-backed reads', () => {
  test('one offerings query per ticked item, whatever the number of providers', async () => {
    const world = createWorld();
    for (let n = 0; n < 40; n += 1) {
      seedProvider(world, {
        id: `p${n}`,
        serves: [[GRID, COMMUNITY, STREET, COUNTY, CITY][n % 5]!],
        items: [REPAIR, ELDER_CARE, HAIRCUT],
        ratings: fiveStars(n % 7),
      });
    }
    world.db.log.length = 0;
    const result = await match(world, [REPAIR, ELDER_CARE, HAIRCUT]);
    expect(result.items.every((i) => i.providers.length === 5)).toBe(true);
    expect(world.db.countOf('find', COLLECTIONS.offerings)).toBe(3);
    // Plus one read of the resident's latest match (reuse), one of the ticked items and one of the chosen
    // providers; no per-provider reads.
    expect(world.db.log.filter((l) => l.op === 'find' || l.op === 'get' || l.op === 'count')).toHaveLength(6);
  });

  test('in a dense area, nearby providers are not cut off by better-scored ones further away', async () => {
    // A pool of 10: twelve county-wide providers all score better than the three of the resident's community.
    const world = createWorld(platformConfig({ matching: { candidatePoolSize: 10 } }));
    for (let n = 0; n < 12; n += 1)
      seedProvider(world, { id: `k${n}`, serves: [COUNTY], ratings: fiveStars(40) });
    for (const n of [1, 2, 3]) seedProvider(world, { id: `c${n}`, ratings: fiveStars(n) });
    world.db.log.length = 0;
    const item = (await match(world)).items[0]!;
    expect(item.providers.map((p) => [p.providerId, p.foundAt])).toEqual([
      ['c3', 'community'],
      ['c2', 'community'],
      ['c1', 'community'],
    ]);
    expect(item.widened).toBe(false);
    // A page of the best at any distance (full of county providers), then the rest of the base level (grid
    // and community together), which was enough.
    expect(world.db.countOf('find', COLLECTIONS.offerings)).toBe(2);
  });

  test('in a dense area with too few nearby, the levels are read one by one as the search widens', async () => {
    const world = createWorld(platformConfig({ matching: { candidatePoolSize: 10 } }));
    for (let n = 0; n < 12; n += 1)
      seedProvider(world, { id: `k${n}`, serves: [COUNTY], ratings: fiveStars(40) });
    seedProvider(world, { id: 'c1', ratings: fiveStars(2) });
    seedProvider(world, { id: 's1', serves: [STREET], ratings: fiveStars(1) });
    world.db.log.length = 0;
    const item = (await match(world)).items[0]!;
    // One nearby, then the street's one, then the county's best filling up to five, marked widened.
    expect(item.providers.map((p) => [p.providerId.slice(0, 1), p.foundAt, p.widened])).toEqual([
      ['c', 'community', false],
      ['s', 'street', true],
      ['k', 'county', true],
      ['k', 'county', true],
      ['k', 'county', true],
    ]);
    // A page of the best at any distance (full of county providers, cutting off the nearer, lower-scored
    // ones); the rest of the base level; then one completing read of the street and the county's ties, so
    // the street's provider comes before the county's and all twelve county providers take turns.
    expect(world.db.countOf('find', COLLECTIONS.offerings)).toBe(3);
    const countyShown = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      for (const p of (await match(world, [REPAIR], residentActor(`o-r-${i}`, GRID))).items[0]!.providers)
        if (p.foundAt === 'county') countyShown.add(p.providerId);
    }
    expect(countyShown.size).toBe(12);
  });

  test('a pool that is not full is read once', async () => {
    const world = createWorld(platformConfig({ matching: { candidatePoolSize: 10 } }));
    for (let n = 0; n < 6; n += 1)
      seedProvider(world, { id: `k${n}`, serves: [COUNTY], ratings: fiveStars(40) });
    for (const n of [1, 2, 3]) seedProvider(world, { id: `c${n}`, ratings: fiveStars(n) });
    world.db.log.length = 0;
    const item = (await match(world)).items[0]!;
    expect(item.providers.map((p) => p.providerId)).toEqual(['c3', 'c2', 'c1']);
    expect(world.db.countOf('find', COLLECTIONS.offerings)).toBe(1);
  });

  test('the selection is the same whether the pool comes sorted or not', () => {
    const pool = [
      { _id: 'o1', providerId: 'p1', reputation: 70, servedPaths: [COMMUNITY] },
      { _id: 'o2', providerId: 'p2', reputation: 90, servedPaths: [STREET] },
      { _id: 'o3', providerId: 'p3', reputation: 80, servedPaths: [GRID] },
    ];
    const options = {
      residentPath: GRID,
      baseLevel: 'community' as const,
      minProviders: 3,
      maxProviders: 5,
      rotationSeed: 's',
    };
    const ids = (p: typeof pool) => selectOfferings(p, options).selected.map((s) => s.offering._id);
    expect(ids(pool)).toEqual(['o3', 'o1', 'o2']);
    expect(ids([...pool].reverse())).toEqual(['o3', 'o1', 'o2']);
  });
});

describe('matchProviders: refusals', () => {
  const cases: [string, unknown, string][] = [
    ['no item ticked', { itemIds: [] }, 'INVALID_INPUT'],
    ['the same item twice', { itemIds: [REPAIR, REPAIR] }, 'INVALID_INPUT'],
    ['no command at all', undefined, 'INVALID_INPUT'],
    ['a malformed id', { itemIds: ['家电 维修'] }, 'INVALID_INPUT'],
    ['an unknown item', { itemIds: ['item-unknown'] }, 'CATALOG_ITEM_NOT_FOUND'],
    ['a stopped item', { itemIds: ['item-stopped'] }, 'CATALOG_ITEM_NOT_FOUND'],
    ['an item of another county', { itemIds: ['item-fumian'] }, 'CATALOG_ITEM_NOT_OFFERED_HERE'],
  ];
  test.each(cases)('%s', async (_name, command, code) => {
    const world = createWorld();
    seedItem(world.db, 'item-stopped', { active: false });
    seedItem(world.db, 'item-fumian', { orgPath: OTHER_COUNTY });
    seedProvider(world, { id: 'p1' });
    const before = world.db.snapshot();
    expect(await codeOf(matchProviders({ ports: world.ports, actor: residentActor(), command }))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });

  const actors: [string, Actor, string][] = [
    ['a resident who has not chosen a grid', residentActor('o-new', null), 'PROFILE_UNIT_REQUIRED'],
    [
      'a worker without the resident grant',
      { openid: 'o-w', grants: [{ role: 'worker', orgPath: COMMUNITY }] },
      'PERMISSION_DENIED',
    ],
    ['a worker (as a WeChat user) without a bound unit', workerActor(COMMUNITY), 'PROFILE_UNIT_REQUIRED'],
    ['no identity', { openid: '', grants: [] }, 'UNAUTHENTICATED'],
  ];
  test.each(actors)('%s', async (_name, actor, code) => {
    const world = createWorld();
    expect(await codeOf(matchProviders({ ports: world.ports, actor, command: { itemIds: [REPAIR] } }))).toBe(
      code,
    );
  });
});
