/**
 * Conformance: sorted pages read in index order, on data shaped like matching's (`offerings`: an item,
 * several service areas per offering, status copies, scores with many ties, a condition the index does not
 * hold). Per value of an `$in` the index hands its rows in score order and the local cloud merges them,
 * fetching only the documents up to the page's end. Every page must be the page a full scan of an unindexed
 * twin gives; where a key is not a number (null, text, an array) the general path answers, with that page.
 */
import { catalog, startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { connect, type Db, type Sdk } from './sdks';

type Doc = Record<string, unknown>;

const INDEX = {
  name: 'itemId_1_servedPaths_1_providerStatus_1_active_1_reputation_-1',
  fields: [
    ['itemId', 1],
    ['servedPaths', 1],
    ['providerStatus', 1],
    ['active', 1],
    ['reputation', -1],
  ] as Array<[string, 1 | -1]>,
};

/** A grid's path and its ancestors (what a resident's query covers), then areas that do not cover it. */
const COVERING = ['/45/', '/45/02/', '/45/02/001/', '/45/02/001/01/', '/45/02/001/01/1/'];
const OTHERS = ['/45/03/', '/45/02/002/', '/45/02/001/02/'];
const ODD = { null: null, text: '88', array: [20, 95] } as const;

/** Deterministic offerings in `_id` order (so a scan's insertion order is also `_id` order). */
function makeOfferings(count: number): Doc[] {
  let seed = 0x0ffe;
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 2 ** 32) * n);
  };
  const areas = [...COVERING, ...COVERING, ...OTHERS];
  return Array.from({ length: count }, (_, i) => ({
    _id: `off-${String(i).padStart(5, '0')}`,
    itemId: rnd(4) === 0 ? 'item-b' : 'item-a',
    servedPaths: [...new Set(Array.from({ length: 1 + rnd(3) }, () => areas[rnd(areas.length)]!))],
    providerStatus: rnd(10) === 0 ? 'suspended' : 'active',
    active: rnd(12) !== 0,
    providerBlacklisted: rnd(10) === 0,
    // Few distinct scores: long runs of ties, cut through by most page ends.
    reputation: rnd(3) === 0 ? 60 + rnd(8) * 2.5 : 70,
  }));
}

const OFFERINGS = makeOfferings(1500);
const ODD_KEYS = Object.keys(ODD) as Array<keyof typeof ODD>;
const PAIRS = ['base', ...ODD_KEYS] as const;

let s: StartedCloud;
let sdk: Sdk;
beforeAll(async () => {
  s = await startLocalCloud({
    catalog: catalog(
      Object.fromEntries(PAIRS.flatMap((p) => [[`${p}_ix`, [INDEX]] as const, [`${p}_scan`, []] as const])),
    ),
    createDeclaredCollections: true,
  });
  sdk = connect('node-sdk', s.serviceUrl);
  for (const pair of PAIRS) {
    // An odd key in one covering offering sends the whole query down the general path.
    const odd = pair === 'base' ? [] : [{ ...OFFERINGS[0]!, _id: 'off-odd', reputation: ODD[pair] }];
    for (const name of [`${pair}_ix`, `${pair}_scan`]) {
      for (let i = 0; i < OFFERINGS.length; i += 500) {
        await sdk.db.collection(name).add(OFFERINGS.slice(i, i + 500));
      }
      if (odd.length > 0) await sdk.db.collection(name).add(odd);
    }
  }
});
afterAll(async () => {
  await s.stop();
});
afterEach(() => jest.restoreAllMocks());

interface Page {
  paths?: readonly string[];
  /**
   * `_id` after the score; absent: the score alone, whose ties the local cloud gives in `_id` order in the
   * score's direction (the index's order), so the scan's page is the one sorted that way.
   */
  idDir?: 'asc' | 'desc';
  dir?: 'asc' | 'desc';
  skip?: number;
  limit: number;
  fields?: Record<string, true>;
  extra?: (db: Db) => object;
}

const matchable = (db: Db, p: Page) => ({
  itemId: 'item-a',
  servedPaths: db.command.in([...(p.paths ?? COVERING)]),
  providerStatus: 'active',
  active: true,
  providerBlacklisted: false,
  ...p.extra?.(db),
});

async function page(name: string, p: Page): Promise<Doc[]> {
  let q = sdk.db
    .collection(name)
    .where(matchable(sdk.db, p))
    .orderBy('reputation', p.dir ?? 'desc');
  const idDir = p.idDir ?? (name.endsWith('_scan') ? (p.dir ?? 'desc') : undefined);
  if (idDir) q = q.orderBy('_id', idDir);
  if (p.fields) q = q.field(p.fields);
  if (p.skip) q = q.skip(p.skip);
  return sdk.docs(await q.limit(p.limit).get());
}

const PAGES: Array<[string, Page]> = [
  ["matching's pool: the best 100 covering the grid, then _id", { idDir: 'asc', limit: 100 }],
  ['the best 100 by score alone', { limit: 100 }],
  ['one level (two paths), by score alone', { paths: COVERING.slice(3), limit: 100 }],
  ['one path', { paths: COVERING.slice(2, 3), idDir: 'asc', limit: 20 }],
  ['five', { limit: 5 }],
  ['skip 150, 40, _id descending', { idDir: 'desc', skip: 150, limit: 40 }],
  ['ascending, skip 30, 30', { dir: 'asc', idDir: 'asc', skip: 30, limit: 30 }],
  ['ascending by score alone, 50', { dir: 'asc', limit: 50 }],
  ['every match (more than a page of index rows)', { idDir: 'asc', limit: 1000 }],
  ['a range on the score too', { extra: (db) => ({ reputation: db.command.gte(65) }), limit: 50 }],
  [
    "matching's next page: at or below a score, by score alone",
    { extra: (db) => ({ reputation: db.command.lte(67.5) }), limit: 50 },
  ],
  [
    'between two scores, descending',
    { extra: (db) => ({ reputation: db.command.gt(61).and(db.command.lte(70)) }), limit: 40 },
  ],
  ['below every score: nothing', { extra: (db) => ({ reputation: db.command.lt(0) }), limit: 10 }],
  [
    'with a projection of some fields',
    { idDir: 'asc', limit: 60, fields: { providerStatus: true, reputation: true, servedPaths: true } },
  ],
  ['another area', { paths: OTHERS.slice(0, 1), limit: 10 }],
];

describe('pages sorted by an indexed score, read in index order', () => {
  test('the data has ties cut by the pages and offerings found through several paths', () => {
    const covering = OFFERINGS.filter(
      (o) => o['itemId'] === 'item-a' && (o['servedPaths'] as string[]).some((p) => COVERING.includes(p)),
    );
    expect(covering.length).toBeGreaterThan(700);
    expect(covering.filter((o) => o['reputation'] === 70).length).toBeGreaterThan(300);
    expect(
      covering.filter((o) => (o['servedPaths'] as string[]).filter((p) => COVERING.includes(p)).length > 1)
        .length,
    ).toBeGreaterThan(100);
  });

  test.each(PAGES)('%s: the scan page, from the index, fetching only up to its end', async (_title, p) => {
    const scanned = await page('base_scan', p);
    const ordered = jest.spyOn(s.cloud.store, 'orderedPage');
    const fetched = jest.spyOn(s.cloud.store, 'getMany');
    const indexed = await page('base_ix', p);
    expect(indexed).toEqual(scanned);
    expect(ordered.mock.calls.some(([c]) => c === 'base_ix')).toBe(true);
    const wanted = (p.skip ?? 0) + p.limit;
    const docsRead = fetched.mock.calls.reduce((n, [, ids]) => n + ids.length, 0);
    // The page's documents plus the ones the filter beyond the index dropped, never the whole collection
    // (nor every document before a bound on the score: the index seeks to it).
    if (wanted < 200) expect(docsRead).toBeLessThan(2 * wanted + 40);
  });

  // A null or a text key is seen before any page is read; an array only once its document is fetched
  // (its keys are numbers), which then gives up the ordered read for the general path.
  test.each(ODD_KEYS)('a %s score among the candidates: the same page as a scan', async (odd) => {
    for (const p of [
      { idDir: 'asc', limit: 100 },
      { dir: 'asc', idDir: 'desc', limit: 30 },
    ] as Page[]) {
      const scanned = await page(`${odd}_scan`, p);
      expect(scanned.length).toBeGreaterThan(0);
      const ordered = jest.spyOn(s.cloud.store, 'orderedPage');
      expect(await page(`${odd}_ix`, p)).toEqual(scanned);
      expect(ordered.mock.calls.some(([c]) => c === `${odd}_ix`)).toBe(odd === 'array');
      ordered.mockRestore();
    }
  });
});
