/**
 * The selection policy on its own (core/matching/match-selection.policy.ts): one seat per provider whatever
 * its number of offerings of the item, the base level and widening at their boundaries, the 3-5 bound, and
 * ties: stable for one resident on one day, rotating across residents and days, and decided even when two
 * offerings hash alike. The use case's tests (tests/core/orders/match-providers.test.ts) cover the same
 * rules through the database; these pin the policy's own edges.
 */
import {
  coverageDistance,
  fnv1a32,
  rotationSeed,
  selectOfferings,
  type PoolOffering,
  type SelectionOptions,
} from '../../../core/matching/match-selection.policy';

const CITY = '/450900/';
const COUNTY = '/450900/450902/';
const STREET = '/450900/450902/450902001/';
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const GRID = '/450900/450902/450902001/450902001001/450902001001001/';
const OTHER_GRID = '/450900/450902/450902001/450902001001/450902001001002/';

const OPTIONS: SelectionOptions = {
  residentPath: GRID,
  baseLevel: 'community',
  minProviders: 3,
  maxProviders: 5,
  rotationSeed: rotationSeed(20_000, 'o-res'),
};

let seq = 0;
/** An offering of provider `providerId` serving `served`, with a reputation. */
function offering(
  providerId: string,
  served: string | string[],
  reputation: number,
  id?: string,
): PoolOffering {
  seq += 1;
  return {
    _id: id ?? `off-${providerId}-${seq}`,
    providerId,
    reputation,
    servedPaths: Array.isArray(served) ? served : [served],
  };
}

const pick = (pool: readonly PoolOffering[], options: Partial<SelectionOptions> = {}) => {
  const selection = selectOfferings(pool, { ...OPTIONS, ...options });
  return {
    chosen: selection.selected.map((s) => `${s.offering.providerId}@${s.foundAt}${s.widened ? '+' : ''}`),
    searchedLevel: selection.searchedLevel,
    widened: selection.widened,
    gap: selection.gap,
  };
};

describe('one seat per provider', () => {
  test('a provider offering the item twice is chosen for its nearest offering, even a less reputed one', () => {
    const near = offering('p1', GRID, 60, 'p1-near');
    const far = offering('p1', CITY, 95, 'p1-far');
    const pool = [far, offering('p2', COMMUNITY, 80), offering('p3', COMMUNITY, 70), near];
    const selection = selectOfferings(pool, OPTIONS);
    expect(selection.selected.map((s) => [s.offering._id, s.distance, s.foundAt, s.widened])).toEqual([
      [pool[1]!._id, 1, 'community', false],
      [pool[2]!._id, 1, 'community', false],
      ['p1-near', 0, 'grid', false],
    ]);
    expect(selection.selected[2]!.offering).toBe(near);
    expect(selection.gap).toBe(false);
  });

  test('of two offerings at the same distance, the better one stands for the provider', () => {
    const pool = [
      offering('p1', COMMUNITY, 60, 'p1-plain'),
      offering('p1', COMMUNITY, 75, 'p1-better'),
      offering('p2', COMMUNITY, 70),
      offering('p3', COMMUNITY, 65),
    ];
    const ids = selectOfferings(pool, OPTIONS).selected.map((s) => s.offering._id);
    expect(ids).toEqual(['p1-better', pool[2]!._id, pool[3]!._id]);
  });

  test('several offerings of one provider fill one seat: too few providers is still a gap', () => {
    const pool = [
      offering('p1', GRID, 90),
      offering('p1', COMMUNITY, 85),
      offering('p1', STREET, 80),
      offering('p2', GRID, 70),
    ];
    expect(pick(pool)).toEqual({
      chosen: ['p1@grid', 'p2@grid'],
      searchedLevel: 'city',
      widened: true,
      gap: true,
    });
  });
});

describe('base level and widening', () => {
  const cases: [string, PoolOffering[], Partial<SelectionOptions>, ReturnType<typeof pick>][] = [
    [
      'exactly the minimum nearby: nothing further is looked at',
      [
        offering('c1', COMMUNITY, 50),
        offering('c2', COMMUNITY, 40),
        offering('g1', GRID, 30),
        offering('s1', STREET, 99),
      ],
      {},
      {
        chosen: ['c1@community', 'c2@community', 'g1@grid'],
        searchedLevel: 'community',
        widened: false,
        gap: false,
      },
    ],
    [
      'one short: the street is added, all of it up to five, the county is not reached',
      [
        offering('c1', COMMUNITY, 50),
        offering('c2', COMMUNITY, 40),
        offering('s1', STREET, 10),
        offering('s2', STREET, 20),
        offering('k1', COUNTY, 99),
      ],
      {},
      {
        chosen: ['c1@community', 'c2@community', 's2@street+', 's1@street+'],
        searchedLevel: 'street',
        widened: true,
        gap: false,
      },
    ],
    [
      'a level that adds more than the room left: only the best up to five',
      [
        offering('c1', COMMUNITY, 50),
        offering('c2', COMMUNITY, 40),
        ...[1, 2, 3, 4, 5].map((n) => offering(`s${n}`, STREET, n * 10)),
      ],
      {},
      {
        chosen: ['c1@community', 'c2@community', 's5@street+', 's4@street+', 's3@street+'],
        searchedLevel: 'street',
        widened: true,
        gap: false,
      },
    ],
    [
      'the grid as base: a community provider is already a widening',
      [offering('g1', GRID, 10), offering('c1', COMMUNITY, 90), offering('c2', COMMUNITY, 80)],
      { baseLevel: 'grid' },
      {
        chosen: ['g1@grid', 'c1@community+', 'c2@community+'],
        searchedLevel: 'community',
        widened: true,
        gap: false,
      },
    ],
    [
      'the street as base: street providers are not a widening',
      [offering('g1', GRID, 10), offering('s1', STREET, 90), offering('s2', STREET, 80)],
      { baseLevel: 'street' },
      { chosen: ['s1@street', 's2@street', 'g1@grid'], searchedLevel: 'street', widened: false, gap: false },
    ],
    [
      'a resident bound to a community with the grid as base: the community itself is the base',
      [offering('c1', COMMUNITY, 10), offering('s1', STREET, 90), offering('s2', STREET, 80)],
      { baseLevel: 'grid', residentPath: COMMUNITY },
      {
        chosen: ['c1@community', 's1@street+', 's2@street+'],
        searchedLevel: 'street',
        widened: true,
        gap: false,
      },
    ],
    [
      'nobody at all: searched up to the city, a gap',
      [offering('x1', OTHER_GRID, 99)],
      {},
      { chosen: [], searchedLevel: 'city', widened: true, gap: true },
    ],
    [
      'other bounds: at least one, at most two',
      [offering('c1', COMMUNITY, 50), offering('c2', COMMUNITY, 60), offering('c3', COMMUNITY, 70)],
      { minProviders: 1, maxProviders: 2 },
      { chosen: ['c3@community', 'c2@community'], searchedLevel: 'community', widened: false, gap: false },
    ],
    [
      'other bounds: four wanted, widening until there are four',
      [
        offering('c1', COMMUNITY, 50),
        offering('s1', STREET, 60),
        offering('k1', COUNTY, 70),
        offering('k2', COUNTY, 65),
        offering('y1', CITY, 99),
      ],
      { minProviders: 4, maxProviders: 4 },
      {
        chosen: ['c1@community', 's1@street+', 'k1@county+', 'k2@county+'],
        searchedLevel: 'county',
        widened: true,
        gap: false,
      },
    ],
  ];
  test.each(cases)('%s', (_name, pool, options, expected) => {
    expect(pick(pool, options)).toEqual(expected);
  });

  test('coverage is the nearest served area that is the resident’s unit or above it', () => {
    expect(coverageDistance(GRID, [GRID])).toBe(0);
    expect(coverageDistance(GRID, [STREET, COMMUNITY])).toBe(1);
    expect(coverageDistance(GRID, [COUNTY])).toBe(3);
    expect(coverageDistance(COMMUNITY, [GRID, STREET])).toBe(1); // a grid below the resident does not cover them
    expect(coverageDistance(GRID, [])).toBeNull();
  });
});

describe('ties', () => {
  const tied = ['a', 'b', 'c', 'd', 'e'].map((p) => offering(p, COMMUNITY, 80, `off-${p}`));
  const order = (seed: string) =>
    selectOfferings(tied, { ...OPTIONS, rotationSeed: seed })
      .selected.map((s) => s.offering.providerId)
      .join('');

  test('one resident on one day sees one order, whatever order the pool comes in', () => {
    const seed = rotationSeed(20_000, 'o-res');
    expect(order(seed)).toBe(order(seed));
    expect(
      selectOfferings([...tied].reverse(), { ...OPTIONS, rotationSeed: seed })
        .selected.map((s) => s.offering.providerId)
        .join(''),
    ).toBe(order(seed));
  });

  test('no tied provider always wins: over a month each comes first for one resident', () => {
    const firsts = new Set(
      Array.from({ length: 30 }, (_, day) => order(rotationSeed(20_000 + day, 'o-res'))[0]),
    );
    expect([...firsts].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('on one day, residents see the tied providers in different orders, each first for someone', () => {
    const orders = Array.from({ length: 20 }, (_, i) => order(rotationSeed(20_000, `o-res-${i}`)));
    expect(new Set(orders).size).toBeGreaterThan(4);
    expect([...new Set(orders.map((o) => o[0]))].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('a better reputation is never overtaken by the rotation', () => {
    const pool = [...tied, offering('z', COMMUNITY, 80.1, 'off-z')];
    for (let day = 0; day < 30; day += 1) {
      const first = selectOfferings(pool, { ...OPTIONS, rotationSeed: rotationSeed(20_000 + day, 'o-res') })
        .selected[0]!;
      expect(first.offering.providerId).toBe('z');
    }
  });

  test('two offerings whose rotation keys collide are ordered by id, whatever the pool order', () => {
    // With the seed "s", the keys of these two ids are equal (FNV-1a, 32 bits).
    expect(fnv1a32('s|o254601')).toBe(fnv1a32('s|o1202010'));
    const pool = [offering('p1', COMMUNITY, 80, 'o254601'), offering('p2', COMMUNITY, 80, 'o1202010')];
    for (const p of [pool, [...pool].reverse()]) {
      const ids = selectOfferings(p, { ...OPTIONS, rotationSeed: 's' }).selected.map((s) => s.offering._id);
      expect(ids).toEqual(['o1202010', 'o254601']);
    }
  });

  test('the hash is FNV-1a of 32 bits (its published test values)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  test('the rotation seed is the day and the resident', () => {
    expect(rotationSeed(20_000, 'o-res')).not.toBe(rotationSeed(20_001, 'o-res'));
    expect(rotationSeed(20_000, 'o-res')).not.toBe(rotationSeed(20_000, 'o-other'));
    expect(rotationSeed(20_000, 'o-res')).toBe(rotationSeed(20_000, 'o-res'));
  });
});
