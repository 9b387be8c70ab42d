/**
 * Matching through the `orders` function (match.request) on the local cloud: ranking by reputation, the
 * 3-5 bound, widening with marks, the gap record, exclusion of suspended / removed / blacklisted providers,
 * and fair rotation of ties.
 *
 * Most of it runs in 北流市陵城社区 (the second demo resident's unit), on items the demo data offers nowhere
 * near it (its common items, 家政 and 便民, are served there): the test writes its own providers there as an
 * administrator, so every expectation is exact.
 */
import { DEMO_PATHS } from '../../demo/demo-identities';
import { DEMO_SECOND_GRID_ID } from '../../demo/demo.constants';
import { computeReputation, type EvaluationGrade } from '../../core/reputation/reputation.formula';
import { DAY_MS, functionCloud, type FunctionCloud } from './support/function-cloud';
import { platformMark } from './support/platform-writes';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  FAR_RESIDENT,
  matchFor,
  type StepReply,
  writeResidents,
} from './support/order-loop';
import type { MatchedItem, MatchProvidersResult as MatchReply } from '../../core/matching/match.reply';

const cloud = functionCloud();

const WORLD = {
  grid: DEMO_PATHS.secondGrid,
  community: DEMO_PATHS.secondCommunity,
  street: '/450900/450981/450981001/',
  county: '/450900/450981/',
  city: DEMO_PATHS.city,
};

/** Items the demo data offers only in 玉州区, far from the world's unit. */
const BOUND_ITEM = 'item-beauty-hairdressing';
const WIDEN_ITEM = 'item-dining';
const GAP_ITEM = 'item-fitness';
const EMPTY_ITEM = 'item-film';
const TIE_ITEM = 'item-reading';

interface WorldProvider {
  readonly id: string;
  readonly itemId: string;
  readonly servedPath: string;
  readonly grade: EvaluationGrade | null;
  readonly complaints: number;
  readonly status?: 'active' | 'suspended' | 'removed';
  readonly blacklisted?: boolean;
  /** The offering is unlisted (上架 off). */
  readonly unlisted?: boolean;
  /** The copies on the offering say active and not blacklisted, whatever the provider record says. */
  readonly staleCopy?: boolean;
}

const WORLD_PROVIDERS: readonly WorldProvider[] = [
  // Seven who may be offered (scores 83, 79, 78, 74, 73, 69, 68; one serves the grid itself)...
  { id: 'prv-t-salon-a', itemId: BOUND_ITEM, servedPath: WORLD.community, grade: 'excellent', complaints: 0 },
  { id: 'prv-t-salon-b', itemId: BOUND_ITEM, servedPath: WORLD.grid, grade: 'qualified', complaints: 0 },
  { id: 'prv-t-salon-c', itemId: BOUND_ITEM, servedPath: WORLD.community, grade: 'excellent', complaints: 1 },
  { id: 'prv-t-salon-d', itemId: BOUND_ITEM, servedPath: WORLD.community, grade: 'qualified', complaints: 1 },
  {
    id: 'prv-t-salon-e',
    itemId: BOUND_ITEM,
    servedPath: WORLD.community,
    grade: 'basically_qualified',
    complaints: 0,
  },
  { id: 'prv-t-salon-f', itemId: BOUND_ITEM, servedPath: WORLD.community, grade: 'qualified', complaints: 2 },
  {
    id: 'prv-t-salon-g',
    itemId: BOUND_ITEM,
    servedPath: WORLD.community,
    grade: 'basically_qualified',
    complaints: 1,
  },
  // ...and four better ones who must never be.
  {
    id: 'prv-t-salon-suspended',
    itemId: BOUND_ITEM,
    servedPath: WORLD.community,
    grade: 'excellent',
    complaints: 0,
    status: 'suspended',
  },
  {
    id: 'prv-t-salon-removed',
    itemId: BOUND_ITEM,
    servedPath: WORLD.grid,
    grade: 'excellent',
    complaints: 0,
    status: 'removed',
    blacklisted: true,
  },
  {
    id: 'prv-t-salon-stale',
    itemId: BOUND_ITEM,
    servedPath: WORLD.community,
    grade: 'excellent',
    complaints: 0,
    status: 'suspended',
    staleCopy: true,
  },
  {
    id: 'prv-t-salon-blacklisted',
    itemId: BOUND_ITEM,
    servedPath: WORLD.community,
    grade: 'excellent',
    complaints: 0,
    blacklisted: true,
    staleCopy: true,
  },
  {
    id: 'prv-t-salon-unlisted',
    itemId: BOUND_ITEM,
    servedPath: WORLD.community,
    grade: 'excellent',
    complaints: 0,
    unlisted: true,
  },
  // Widening: one in the community, one in the street, two county-wide, one city-wide (the best).
  {
    id: 'prv-t-dining-community',
    itemId: WIDEN_ITEM,
    servedPath: WORLD.community,
    grade: 'qualified',
    complaints: 0,
  },
  {
    id: 'prv-t-dining-street',
    itemId: WIDEN_ITEM,
    servedPath: WORLD.street,
    grade: 'basically_qualified',
    complaints: 1,
  },
  {
    id: 'prv-t-dining-county-1',
    itemId: WIDEN_ITEM,
    servedPath: WORLD.county,
    grade: 'excellent',
    complaints: 1,
  },
  {
    id: 'prv-t-dining-county-2',
    itemId: WIDEN_ITEM,
    servedPath: WORLD.county,
    grade: 'qualified',
    complaints: 0,
  },
  { id: 'prv-t-dining-city', itemId: WIDEN_ITEM, servedPath: WORLD.city, grade: 'excellent', complaints: 0 },
  // A gap: one active in the street; a suspended and a blacklisted one nearer do not count.
  { id: 'prv-t-fit-street', itemId: GAP_ITEM, servedPath: WORLD.street, grade: 'qualified', complaints: 0 },
  {
    id: 'prv-t-fit-suspended',
    itemId: GAP_ITEM,
    servedPath: WORLD.community,
    grade: 'excellent',
    complaints: 0,
    status: 'suspended',
  },
  {
    id: 'prv-t-fit-removed',
    itemId: GAP_ITEM,
    servedPath: WORLD.county,
    grade: 'excellent',
    complaints: 0,
    status: 'removed',
    blacklisted: true,
  },
  // Four with exactly the same score.
  ...[1, 2, 3, 4].map((n): WorldProvider => ({
    id: `prv-t-tie-${n}`,
    itemId: TIE_ITEM,
    servedPath: WORLD.community,
    grade: 'qualified',
    complaints: 0,
  })),
];

/** The score the functions compute for a world provider (no ratings or follow-ups yet). */
function scoreOf(p: WorldProvider) {
  return computeReputation({
    ratings: { ratingCount: 0, ratingSum: 0 },
    followUps: { due: 0, onTime: 0 },
    latestEvaluationGrade: p.grade,
    upheldComplaints: p.complaints,
  });
}

const unitIdOf = (path: string): string => path.split('/').filter(Boolean).pop()!;

/** Writes the world's providers and offerings as an administrator, cloned from a demo provider. */
async function writeWorld(c: FunctionCloud): Promise<void> {
  const template = (await c.get<Record<string, unknown>>('providers', 'prv-000002'))!;
  const offeringTemplate = (await c.get<Record<string, unknown>>('offerings', 'off-000002-1'))!;
  for (const [i, p] of WORLD_PROVIDERS.entries()) {
    const reputation = scoreOf(p);
    const status = p.status ?? 'active';
    const blacklisted = p.blacklisted ?? false;
    const item = (await c.get<{ categoryId: string }>('service_items', p.itemId))!;
    await c.insert('providers', [
      {
        ...template,
        _id: p.id,
        name: `测试服务机构${i + 1}号`,
        creditCode: `91450981MA5T${String(i).padStart(5, '0')}X`,
        orgPath: WORLD.community,
        serviceAreaUnitIds: [unitIdOf(p.servedPath)],
        serviceAreaPaths: [p.servedPath],
        itemIds: [p.itemId],
        status,
        blacklisted,
        ratingCount: 0,
        ratingSum: 0,
        starCounts: [0, 0, 0, 0, 0],
        followUpsDue: 0,
        followUpsOnTime: 0,
        latestEvaluationGrade: p.grade,
        upheldComplaints: p.complaints,
        reputation: reputation.score,
        starLevel: reputation.starLevel,
        redStar: reputation.redStar,
        contactPhone: `0775-66${String(i).padStart(5, '0')}`,
      },
    ]);
    await c.insert('offerings', [
      {
        ...offeringTemplate,
        _id: `off-${p.id}`,
        providerId: p.id,
        providerName: `测试服务机构${i + 1}号`,
        itemId: p.itemId,
        categoryId: item.categoryId,
        pricing: { kind: 'free' },
        active: p.unlisted !== true,
        servedPaths: [p.servedPath],
        providerStatus: p.staleCopy === true ? 'active' : status,
        providerBlacklisted: p.staleCopy === true ? false : blacklisted,
        reputation: reputation.score,
        starLevel: reputation.starLevel,
        ratingCount: 0,
        orgPath: WORLD.community,
      },
    ]);
  }
}

/** Residents of the world's grid. */
const TIE_RESIDENTS = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `t-tie-resident-${n}`);

const idsOf = (item: MatchedItem): string[] => item.providers.map((p) => p.providerId);
const itemOf = (match: MatchReply, itemId: string): MatchedItem =>
  match.items.find((i) => i.itemId === itemId)!;

beforeAll(async () => {
  await writeWorld(cloud);
  await writeResidents(cloud, TIE_RESIDENTS, FAR_RESIDENT);
});

describe('match.request ranks providers', () => {
  it('offers 3 to 5 providers per ticked item, base before widened, each tier in reputation order', async () => {
    const itemIds = [
      APPLIANCE_REPAIR,
      'item-temporary-childcare',
      'item-elderly-companion',
      'item-beauty-hairdressing',
      'item-home-cleaning',
      'item-dining',
      'item-ticket-booking',
      'item-info-posting',
      'item-family-mediation',
      'item-elderly-meals',
    ];
    const before = platformMark(cloud);
    const match = await matchFor(cloud, DEMO_RESIDENT, itemIds);
    const after = platformMark(cloud);

    expect(match.items.map((i) => i.itemId)).toEqual(itemIds);
    for (const item of match.items) {
      const { providers } = item;
      expect(providers.length).toBeGreaterThanOrEqual(3);
      expect(providers.length).toBeLessThanOrEqual(5);
      expect(item.gap).toBe(false);
      expect(providers.map((p) => p.rank)).toEqual(providers.map((_, i) => i + 1));
      expect(new Set(idsOf(item)).size).toBe(providers.length);
      // The resident lives in a grid: the grid and its community are the base (distance 0 or 1).
      for (const p of providers) expect(p.widened).toBe(p.distance > 1);
      expect(item.widened).toBe(providers.some((p) => p.widened));
      for (let i = 1; i < providers.length; i += 1) {
        const [a, b] = [providers[i - 1]!, providers[i]!];
        // Nearer tiers first; within one tier, the better reputation first.
        const tierA = a.widened ? a.distance : 1;
        const tierB = b.widened ? b.distance : 1;
        expect(tierB).toBeGreaterThanOrEqual(tierA);
        if (tierA === tierB) expect(b.reputation).toBeLessThanOrEqual(a.reputation);
      }
      for (const p of providers) {
        // The score parts explain the score: they add up to it.
        const sum = p.scoreParts.reduce((s, part) => s + part.points, 0);
        expect(sum).toBeCloseTo(p.reputation, 6);
        expect(p.scoreParts.map((part) => part.key).sort()).toEqual([
          'complaints',
          'evaluation',
          'punctuality',
          'rating',
        ]);
        expect(p.starLevel).toBeGreaterThanOrEqual(1);
        expect(p.starLevel).toBeLessThanOrEqual(5);
        expect(p.contactPhone).toMatch(/^(1\d{10}|0\d{2,3}-\d{7,8})$/);
        if (!p.price.free) expect(p.price.feeFen).toBeLessThan(p.price.marketPriceFen);
      }
    }

    // Every offered provider is active, not blacklisted, and serves the resident's unit.
    const offered = [...new Set(match.items.flatMap(idsOf))];
    const providers = await cloud.find<{ _id: string; status: string; blacklisted: boolean }>('providers', {
      _id: cloud.db.command.in(offered),
    });
    expect(providers).toHaveLength(offered.length);
    for (const p of providers) expect([p._id, p.status, p.blacklisted]).toEqual([p._id, 'active', false]);
    for (const item of match.items) {
      const covering = new Set(
        (await cloud.offeringsCovering(item.itemId, DEMO_PATHS.grid)).map((o) => o['providerId'] as string),
      );
      for (const id of idsOf(item)) expect(covering.has(id)).toBe(true);
    }

    // A match writes the match itself and nothing else (no gap here).
    expect(await cloud.count('matches', { _id: match.matchId })).toBe(1);
    expect(await cloud.count('match_gaps', { matchId: match.matchId })).toBe(0);
    const changed = Object.keys(after).filter((c) => JSON.stringify(after[c]) !== JSON.stringify(before[c]));
    expect(changed).toEqual(['matches']);
  });

  it('offers at most 5: the best by reputation, grid and community together', async () => {
    const match = await matchFor(cloud, FAR_RESIDENT, [BOUND_ITEM]);
    const item = itemOf(match, BOUND_ITEM);
    expect(idsOf(item)).toEqual([
      'prv-t-salon-a',
      'prv-t-salon-b',
      'prv-t-salon-c',
      'prv-t-salon-d',
      'prv-t-salon-e',
    ]);
    expect(item.providers.map((p) => p.reputation)).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map(
        (k) => scoreOf(WORLD_PROVIDERS.find((p) => p.id === `prv-t-salon-${k}`)!).score,
      ),
    );
    expect(item.providers.map((p) => p.distance)).toEqual([1, 0, 1, 1, 1]);
    expect(item.providers.every((p) => !p.widened && p.newcomer)).toBe(true);
    expect(item).toMatchObject({ gap: false, widened: false, searchedLevel: 'community' });
  });

  it('never offers suspended, removed, blacklisted or unlisted providers, whatever the offering copy says', async () => {
    const match = await matchFor(cloud, FAR_RESIDENT, [BOUND_ITEM, GAP_ITEM]);
    const offered = match.items.flatMap(idsOf);
    for (const excluded of [
      'prv-t-salon-suspended',
      'prv-t-salon-removed',
      'prv-t-salon-stale',
      'prv-t-salon-blacklisted',
      'prv-t-salon-unlisted',
      'prv-t-fit-suspended',
      'prv-t-fit-removed',
    ]) {
      expect(offered).not.toContain(excluded);
    }

    // The demo data's suspended and removed providers: residents of the very units they serve never see them.
    for (const [providerId, itemId] of [
      ['prv-000059', 'item-childcare'],
      ['prv-000060', 'item-reading'],
    ] as const) {
      const provider = (await cloud.get<{ status: string; serviceAreaPaths: string[] }>(
        'providers',
        providerId,
      ))!;
      expect(provider.status).not.toBe('active');
      const [grid] = await cloud.find<{ _id: string }>(
        'org_units',
        { parentId: unitIdOf(provider.serviceAreaPaths[0]!), level: 'grid' },
        1,
      );
      const resident = `sim-r-${grid!._id}-0`;
      expect(await cloud.count('users', { openid: resident })).toBe(1);
      const nearby = await matchFor(cloud, resident, [itemId]);
      expect(idsOf(itemOf(nearby, itemId))).not.toContain(providerId);
    }
  });

  it('drops a provider suspended or blacklisted after the match, and refuses orders to it', async () => {
    const first = await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR]);
    const top = itemOf(first, APPLIANCE_REPAIR).providers[0]!.providerId;
    const original = (await cloud.get<{ status: string; blacklisted: boolean }>('providers', top))!;

    for (const patch of [{ status: 'suspended' }, { blacklisted: true }]) {
      // Only the provider record changes (as a worker's decision would); the offerings keep stale copies.
      await cloud.update('providers', top, patch);
      const again = await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR]);
      const item = itemOf(again, APPLIANCE_REPAIR);
      expect(idsOf(item)).not.toContain(top);
      expect(item.providers.length).toBeGreaterThanOrEqual(3);

      const before = platformMark(cloud);
      const refused = await cloud.as(DEMO_RESIDENT).orders<StepReply>('order.create', {
        matchId: first.matchId,
        itemId: APPLIANCE_REPAIR,
        providerId: top,
        clientRequestId: cloud.requestId('suspended'),
      });
      expect(refused.code).toBe('PROVIDER_UNAVAILABLE');
      expect(platformMark(cloud)).toEqual(before);
      await cloud.update('providers', top, { status: original.status, blacklisted: original.blacklisted });
    }
  });
});

describe('match.request widens and records gaps', () => {
  it('widens one level at a time, marks the widened providers and stops at the level that reaches 3', async () => {
    const match = await matchFor(cloud, FAR_RESIDENT, [WIDEN_ITEM]);
    const item = itemOf(match, WIDEN_ITEM);
    expect(item.providers.map((p) => [p.providerId, p.widened, p.distance, p.foundAt])).toEqual([
      ['prv-t-dining-community', false, 1, 'community'],
      ['prv-t-dining-street', true, 2, 'street'],
      // County-wide: both, in reputation order; the better city-wide one is not searched.
      ['prv-t-dining-county-2', true, 3, 'county'],
      ['prv-t-dining-county-1', true, 3, 'county'],
    ]);
    expect(item).toMatchObject({ widened: true, gap: false, searchedLevel: 'county' });
    expect(await cloud.count('match_gaps', { matchId: match.matchId })).toBe(0);
  });

  it('returns what exists when fewer than 3 serve even city-wide, and records each gap for the workers', async () => {
    const gapsBefore = await cloud.count('match_gaps');
    const match = await matchFor(cloud, FAR_RESIDENT, [GAP_ITEM, EMPTY_ITEM, WIDEN_ITEM]);

    const gap = itemOf(match, GAP_ITEM);
    expect(gap).toMatchObject({ gap: true, widened: true, searchedLevel: 'city' });
    expect(gap.providers.map((p) => [p.providerId, p.widened])).toEqual([['prv-t-fit-street', true]]);
    expect(itemOf(match, EMPTY_ITEM)).toMatchObject({ gap: true, searchedLevel: 'city', providers: [] });
    expect(itemOf(match, WIDEN_ITEM).gap).toBe(false);

    // The resident's gap of 健身 was recorded by their earlier search today (a gap counts once per resident, item
    // and day); 电影's is new, recorded by this match.
    const recorded = await cloud.find<Record<string, unknown>>('match_gaps', { orgPath: WORLD.grid });
    const byItem = Object.fromEntries(recorded.map((g) => [g['itemId'], g]));
    expect(byItem[EMPTY_ITEM]).toMatchObject({ matchId: match.matchId });
    expect(Object.keys(byItem).sort()).toEqual([EMPTY_ITEM, GAP_ITEM].sort());
    for (const [itemId, found] of [
      [GAP_ITEM, 1],
      [EMPTY_ITEM, 0],
    ] as const) {
      expect(byItem[itemId]).toMatchObject({
        orgPath: WORLD.grid,
        orgUnitId: DEMO_SECOND_GRID_ID,
        wanted: 3,
        found,
        searchedLevel: 'city',
        createdAt: expect.any(Number),
      });
    }
    expect(await cloud.count('match_gaps')).toBe(gapsBefore + 1);

    // A gap counts once per resident, item and day: searching again the same day adds none (the workers'
    // figures are not inflated by repeated searches); another resident's search adds one.
    const filmGaps = await cloud.count('match_gaps', { itemId: EMPTY_ITEM });
    const again = await matchFor(cloud, FAR_RESIDENT, [EMPTY_ITEM]);
    expect(again.items[0]).toMatchObject({ gap: true });
    expect(await cloud.count('match_gaps', { itemId: EMPTY_ITEM })).toBe(filmGaps);
    await matchFor(cloud, TIE_RESIDENTS[0]!, [EMPTY_ITEM]);
    expect(await cloud.count('match_gaps', { itemId: EMPTY_ITEM })).toBe(filmGaps + 1);
  });
});

describe('match.request rotates ties', () => {
  const tied = [1, 2, 3, 4].map((n) => `prv-t-tie-${n}`);
  const orderFor = async (resident: string): Promise<string[]> =>
    idsOf(itemOf(await matchFor(cloud, resident, [TIE_ITEM]), TIE_ITEM));

  it('shows one resident the same order all day, and different residents different winners', async () => {
    const first = await matchFor(cloud, TIE_RESIDENTS[0]!, [TIE_ITEM]);
    const item = itemOf(first, TIE_ITEM);
    expect([...idsOf(item)].sort()).toEqual(tied);
    expect(new Set(item.providers.map((p) => p.reputation)).size).toBe(1);

    cloud.shiftClock(3 * 3_600_000);
    expect(await orderFor(TIE_RESIDENTS[0]!)).toEqual(idsOf(item));

    const orders = [];
    for (const resident of TIE_RESIDENTS) orders.push(await orderFor(resident));
    const winners = new Set(orders.map((o) => o[0]));
    expect(winners.size).toBeGreaterThan(1);
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(2);
  });

  it('changes the order from one day to the next, so no provider always wins', async () => {
    const resident = TIE_RESIDENTS[1]!;
    const days: string[][] = [];
    for (let day = 0; day < 6; day += 1) {
      days.push(await orderFor(resident));
      cloud.shiftClock(DAY_MS);
    }
    expect(new Set(days.map((d) => d[0])).size).toBeGreaterThan(1);
  });

  it('is refused for bad input, with nothing written', async () => {
    const before = platformMark(cloud);
    const resident = cloud.as(FAR_RESIDENT);
    expect((await resident.orders('match.request', { itemIds: [] })).code).toBe('INVALID_INPUT');
    expect((await resident.orders('match.request', { itemIds: [TIE_ITEM, TIE_ITEM] })).code).toBe(
      'INVALID_INPUT',
    );
    expect((await resident.orders('match.request', { itemIds: ['item-no-such-thing'] })).code).toBe(
      'CATALOG_ITEM_NOT_FOUND',
    );
    // Someone who has not bound a grid or community yet.
    expect((await cloud.as('t-unbound-user').orders('match.request', { itemIds: [TIE_ITEM] })).code).toBe(
      'PROFILE_UNIT_REQUIRED',
    );
    expect(platformMark(cloud)).toEqual(before);
  });
});
