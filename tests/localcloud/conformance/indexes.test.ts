/**
 * Conformance: declared indexes. The same documents go into an indexed collection and an unindexed twin;
 * every query, run through a real SDK on both, must give the same documents (the index is only a
 * pre-filter, so it must never lose a match), and on the indexed one the local cloud must have answered
 * from the index instead of scanning the collection. Observed with pass-through `jest.spyOn` on the store
 * (the calls still run for real). Covers equality, `$in`, ranges, `^prefix` regexes on a path field,
 * arrays (multikey), nested paths, compound indexes, dates, null / missing values and Chinese text.
 */
import { catalog, startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';
import type { IndexPlan } from '../../../localcloud/db/index-keys';
import { SDK_NAMES, connect, type Db, type Sdk } from './sdks';

type Doc = Record<string, unknown>;
type Key = Array<[string, 1 | -1]>;

const IX = 'ix_items';
const SCAN = 'scan_items';
const INDEXES: Array<{ name: string; fields: Key }> = [
  { name: 'code_1', fields: [['code', 1]] },
  { name: 'path_1', fields: [['path', 1]] },
  { name: 'tags_1', fields: [['tags', 1]] },
  { name: 'n_1', fields: [['n', 1]] },
  { name: 'nums_1', fields: [['nums', 1]] },
  { name: 'at_-1', fields: [['at', -1]] },
  { name: 'opt_1', fields: [['opt', 1]] },
  { name: 'jobs.kind_1', fields: [['jobs.kind', 1]] },
  {
    name: 'city_1_score_-1',
    fields: [
      ['addr.city', 1],
      ['addr.score', -1],
    ],
  },
];

/** Deterministic pseudo-random documents of varied shapes. */
function makeDocs(count: number): Doc[] {
  // mulberry32: small, deterministic, and without the short low-bit cycles of a plain LCG.
  let seed = 0x5eed;
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 2 ** 32) * n);
  };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
  const PATHS = [
    '/玉林/玉州区/名山街道',
    '/玉林/玉州区/城西街道',
    '/玉林/福绵区',
    '/南宁/青秀区',
    '/玉林',
    'x/玉林',
  ];
  const TAGS = ['电工', '水管', '保洁', 'a', 'b', 'ab', 'A'];
  const CODES = [
    'C1',
    'C10',
    'C2',
    'c1',
    'C1x',
    '编号1',
    '编号2',
    '红绳🧧',
    '🧧红绳',
    '！',
    '｛',
    'C1|编号',
    '',
  ];
  const docs: Doc[] = [];
  for (let i = 0; i < count; i++) {
    const d: Doc = { _id: `d${String(i).padStart(3, '0')}` };
    const c = rnd(12);
    if (c < 10) d['code'] = pick(CODES);
    else if (c === 10) d['code'] = null;
    const p = rnd(8);
    if (p < 6) d['path'] = pick(PATHS);
    else if (p === 6) d['path'] = [pick(PATHS), pick(PATHS)];
    const t = rnd(6);
    if (t < 3) d['tags'] = Array.from({ length: rnd(4) }, () => pick(TAGS));
    else if (t === 3) d['tags'] = pick(TAGS);
    else if (t === 4) d['tags'] = [];
    const n = rnd(10);
    if (n < 5) d['n'] = rnd(20);
    else if (n === 5) d['n'] = rnd(200) / 10;
    else if (n === 6) d['n'] = String(rnd(20));
    else if (n === 7) d['n'] = null;
    else if (n === 8) d['n'] = rnd(2) === 0;
    const k = rnd(4);
    if (k < 3) d['nums'] = Array.from({ length: 1 + rnd(3) }, () => rnd(20));
    else d['nums'] = rnd(20);
    if (rnd(5) > 0) d['at'] = new Date(Date.UTC(2024, rnd(12), 1 + rnd(28), rnd(24)));
    const o = rnd(4);
    if (o === 0) d['opt'] = null;
    else if (o === 1) d['opt'] = rnd(3);
    else if (o === 2) d['opt'] = [null, rnd(3)];
    const j = rnd(4);
    if (j < 2) d['jobs'] = Array.from({ length: rnd(3) }, () => ({ kind: pick(['维修', '保洁', '搬家']) }));
    else if (j === 2) d['jobs'] = { kind: '维修' };
    if (rnd(6) > 0) d['addr'] = { city: pick(['玉林', '南宁']), score: rnd(6) };
    docs.push(d);
  }
  return docs;
}

const DOCS = makeDocs(400);

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud({
    catalog: catalog({
      [IX]: INDEXES,
      [SCAN]: [],
      ix_paths: [
        {
          name: 'g_1_a.b_1',
          fields: [
            ['g', 1],
            ['a.b', 1],
          ],
        },
      ],
      scan_paths: [],
    }),
    createDeclaredCollections: true,
  });
  const db = connect('node-sdk', s.serviceUrl).db;
  await db.collection(IX).add(DOCS);
  await db.collection(SCAN).add(DOCS);
});
afterAll(async () => {
  await s.stop();
});

interface Case {
  title: string;
  /** The where() argument, built with the SDK's own command and RegExp. */
  query: (db: Db) => object;
  /** Index the local cloud must answer from; undefined when the query cannot use one. */
  index: string | undefined;
  /** Lower bound on the number of matches, so a case can never pass by matching nothing. */
  atLeast?: number;
}

const CASES: Case[] = [
  { title: 'equality on a string', query: () => ({ code: 'C1' }), index: 'code_1', atLeast: 5 },
  { title: 'equality on Chinese text', query: () => ({ code: '编号1' }), index: 'code_1', atLeast: 5 },
  { title: 'equality on the empty string', query: () => ({ code: '' }), index: 'code_1', atLeast: 1 },
  { title: 'equality with emoji', query: () => ({ code: '红绳🧧' }), index: 'code_1', atLeast: 1 },
  { title: 'equality on a number', query: () => ({ n: 7 }), index: 'n_1', atLeast: 1 },
  { title: 'equality on a boolean', query: () => ({ n: true }), index: 'n_1', atLeast: 1 },
  { title: 'equality on a numeric string', query: () => ({ n: '7' }), index: 'n_1' },
  { title: '_.eq', query: (db) => ({ code: db.command.eq('C2') }), index: 'code_1', atLeast: 1 },
  { title: 'null matches null and missing', query: () => ({ opt: null }), index: 'opt_1', atLeast: 50 },
  {
    title: 'null on a field that is sometimes null',
    query: () => ({ code: null }),
    index: 'code_1',
    atLeast: 10,
  },
  {
    title: '_.in with strings',
    query: (db) => ({ code: db.command.in(['C1', '编号2', 'nope']) }),
    index: 'code_1',
    atLeast: 5,
  },
  {
    title: '_.in with null',
    query: (db) => ({ opt: db.command.in([null, 2]) }),
    index: 'opt_1',
    atLeast: 50,
  },
  {
    title: '_.in with numbers and a boolean',
    query: (db) => ({ n: db.command.in([1, 2, 3, false]) }),
    index: 'n_1',
    atLeast: 1,
  },
  { title: '_.in with an empty list', query: (db) => ({ code: db.command.in([]) }), index: 'code_1' },
  { title: 'range gt', query: (db) => ({ n: db.command.gt(15) }), index: 'n_1', atLeast: 5 },
  {
    title: 'range gte + lt',
    query: (db) => ({ n: db.command.gte(3).and(db.command.lt(9)) }),
    index: 'n_1',
    atLeast: 5,
  },
  { title: 'range lte on doubles', query: (db) => ({ n: db.command.lte(2.5) }), index: 'n_1', atLeast: 5 },
  {
    title: 'range with both bounds in one command object',
    // The SDK passes a raw operator object through unchanged: {n: {$gt: 4, $lt: 6}}.
    query: () => ({ n: { $gt: 4, $lt: 6 } }),
    index: 'n_1',
    atLeast: 1,
  },
  {
    title: 'range on text',
    query: (db) => ({ code: db.command.gt('C1').and(db.command.lte('C2')) }),
    index: 'code_1',
    atLeast: 5,
  },
  // Strings order by UTF-16 code unit in queries but by code point in SQLite: '🧧' < '！' in one, > in the
  // other. Bounds from U+D800 up therefore cannot use the index; bounds below it can.
  {
    title: 'text range with a CJK bound, over emoji values',
    query: (db) => ({ code: db.command.gte('编号') }),
    index: 'code_1',
    atLeast: 5,
  },
  {
    title: 'text range below a fullwidth character',
    query: (db) => ({ code: db.command.lt('！') }),
    index: undefined,
    atLeast: 50,
  },
  {
    title: 'text range above a fullwidth character',
    query: (db) => ({ code: db.command.gte('！') }),
    index: undefined,
    atLeast: 1,
  },
  {
    title: 'range on dates',
    query: (db) => ({
      at: db.command.gte(new Date('2024-06-01')).and(db.command.lt(new Date('2024-09-01'))),
    }),
    index: 'at_-1',
    atLeast: 5,
  },
  {
    title: 'equality on an array element (multikey)',
    query: () => ({ tags: '电工' }),
    index: 'tags_1',
    atLeast: 5,
  },
  {
    title: '_.in on an array field (multikey)',
    query: (db) => ({ tags: db.command.in(['a', 'A']) }),
    index: 'tags_1',
    atLeast: 5,
  },
  {
    title: '_.all on an array field',
    query: (db) => ({ tags: db.command.all(['a', 'b']) }),
    index: undefined,
    atLeast: 1,
  },
  {
    title: 'range on an array field (multikey)',
    query: (db) => ({ nums: db.command.gt(15) }),
    index: 'nums_1',
    atLeast: 5,
  },
  {
    title: 'two-sided range on an array field: the bounds may hold on different elements',
    query: (db) => ({ nums: db.command.gt(8).and(db.command.lt(10)) }),
    index: 'nums_1',
    atLeast: 5,
  },
  {
    title: 'two-sided range in one command object on an array field',
    query: () => ({ nums: { $gte: 9, $lte: 9 } }),
    index: 'nums_1',
    atLeast: 5,
  },
  {
    title: 'elemMatch range on an array field',
    query: (db) => ({ nums: db.command.elemMatch({ $gt: 8, $lt: 10 }) }),
    index: undefined,
    atLeast: 1,
  },
  {
    title: 'nested path inside an array of objects',
    query: () => ({ 'jobs.kind': '维修' }),
    index: 'jobs.kind_1',
    atLeast: 5,
  },
  {
    title: 'nested object query becomes a dot path',
    query: () => ({ jobs: { kind: '搬家' } }),
    index: 'jobs.kind_1',
    atLeast: 1,
  },
  {
    title: '^prefix regex on a path field',
    query: () => ({ path: /^\/玉林\/玉州区/ }),
    index: 'path_1',
    atLeast: 5,
  },
  {
    title: '^prefix regex that is a whole value',
    query: () => ({ path: /^\/玉林$/ }),
    index: 'path_1',
    atLeast: 5,
  },
  {
    title: 'db.RegExp prefix',
    query: (db) => ({ path: db.RegExp({ regexp: '^/南宁' }) }),
    index: 'path_1',
    atLeast: 5,
  },
  {
    title: 'prefix regex with an alternation',
    query: () => ({ code: /^C1|编号/ }),
    index: undefined,
    atLeast: 5,
  },
  {
    title: 'prefix regex with an escaped | and a quantifier',
    query: () => ({ code: /^C1\|编?/ }),
    index: 'code_1',
    atLeast: 1,
  },
  { title: 'prefix regex with a class', query: () => ({ code: /^C\d+$/ }), index: 'code_1', atLeast: 5 },
  {
    title: 'case-insensitive regex cannot use the index',
    query: () => ({ code: /^c1$/i }),
    index: undefined,
    atLeast: 5,
  },
  {
    title: 'unanchored regex cannot use the index',
    query: () => ({ path: /玉州区/ }),
    index: undefined,
    atLeast: 5,
  },
  {
    title: 'compound index: equality then range',
    query: (db) => ({ addr: { city: '玉林', score: db.command.gte(3) } }),
    index: 'city_1_score_-1',
    atLeast: 5,
  },
  {
    title: 'compound index: its first field only',
    query: () => ({ 'addr.city': '南宁' }),
    index: 'city_1_score_-1',
    atLeast: 5,
  },
  {
    title: 'a second field alone cannot use the compound index',
    query: () => ({ 'addr.score': 2 }),
    index: undefined,
    atLeast: 5,
  },
  {
    title: 'equality next to other conditions',
    query: (db) => ({ code: 'C10', n: db.command.exists(true) }),
    index: 'code_1',
    atLeast: 1,
  },
  {
    title: 'query-level and',
    query: (db) => db.command.and([{ code: 'C1' }, { tags: db.command.size(0) }]),
    index: 'code_1',
  },
  {
    title: 'query-level or cannot use an index',
    query: (db) => db.command.or([{ code: 'C1' }, { tags: 'b' }]),
    index: undefined,
    atLeast: 5,
  },
  {
    title: 'neq cannot use an index',
    query: (db) => ({ code: db.command.neq('C1') }),
    index: undefined,
    atLeast: 50,
  },
  {
    title: 'not cannot use an index',
    query: (db) => ({ n: db.command.not(db.command.gt(5)) }),
    index: undefined,
    atLeast: 50,
  },
];

describe.each(SDK_NAMES)('indexed queries through %s', (sdkName) => {
  let sdk: Sdk;
  beforeAll(() => {
    sdk = connect(sdkName, s.serviceUrl);
  });
  afterEach(() => jest.restoreAllMocks());

  const idsOf = (res: unknown) =>
    sdk
      .docs(res)
      .map((d) => String(d['_id']))
      .sort();

  it.each(CASES)('$title: same documents as a scan', async ({ query, index, atLeast }) => {
    const scanned = idsOf(await sdk.db.collection(SCAN).where(query(sdk.db)).limit(1000).get());
    expect(scanned.length).toBeGreaterThanOrEqual(atLeast ?? 0);

    const candidates = jest.spyOn(s.cloud.store, 'candidateIds');
    const scans = jest.spyOn(s.cloud.store, 'scan');
    const indexed = idsOf(await sdk.db.collection(IX).where(query(sdk.db)).limit(1000).get());
    expect(indexed).toEqual(scanned);
    const used = candidates.mock.calls
      .filter(([c]) => c === IX)
      .map(([, plan]) => (plan as IndexPlan).index.name);
    if (index) {
      expect(used).toEqual([index]);
      expect(scans.mock.calls.filter(([c]) => c === IX)).toHaveLength(0);
    } else {
      expect(used).toEqual([]);
    }

    // count and an aggregate starting with match go through the same plan.
    expect(await sdk.db.collection(IX).where(query(sdk.db)).count()).toEqual(
      sdk.result.count(scanned.length),
    );
    const agg = await sdk.db
      .collection(IX)
      .aggregate()
      .match(query(sdk.db))
      .project({ _id: 1 })
      .limit(1000)
      .end();
    expect(
      sdk
        .aggregated(agg)
        .map((d) => String(d['_id']))
        .sort(),
    ).toEqual(scanned);
  });

  it('orderBy and limit over an indexed query give the same page as over a scan', async () => {
    const page = (name: string) =>
      sdk.db
        .collection(name)
        .where({ tags: sdk.db.command.in(['a', 'b', '电工']) })
        .orderBy('n', 'desc')
        .orderBy('_id', 'asc')
        .skip(3)
        .limit(10)
        .get();
    const scanned = await page(SCAN);
    expect(sdk.docs(scanned)).toHaveLength(10);
    expect(await page(IX)).toEqual(sdk.result.get(sdk.docs(scanned)));
  });
});

describe('sorted pages read in index order', () => {
  // `addr.score` only ever holds numbers, so a page sorted by it (then `_id`) is read from the index in that
  // order, fetching only the documents up to the page's end; `n` has held booleans (stored as 0 / 1 in the
  // index) and `at` dates, so pages sorted by them take the general path. Either way: the scan's page.
  type Page = {
    where: (db: Db) => object;
    by: string;
    dir: 'asc' | 'desc';
    idDir?: 'asc' | 'desc';
    skip?: number;
    limit: number;
    ordered: boolean;
  };
  const PAGES: Array<[string, Page]> = [
    [
      'score desc, 10',
      { where: () => ({ 'addr.city': '玉林' }), by: 'addr.score', dir: 'desc', limit: 10, ordered: true },
    ],
    [
      'score asc, skip 25, 20',
      {
        where: () => ({ 'addr.city': '南宁' }),
        by: 'addr.score',
        dir: 'asc',
        skip: 25,
        limit: 20,
        ordered: true,
      },
    ],
    [
      'score desc, _id desc',
      {
        where: () => ({ 'addr.city': '玉林' }),
        by: 'addr.score',
        dir: 'desc',
        idDir: 'desc',
        limit: 15,
        ordered: true,
      },
    ],
    [
      'score desc, a range too',
      {
        where: (db) => ({ 'addr.city': '玉林', 'addr.score': db.command.gte(2) }),
        by: 'addr.score',
        dir: 'desc',
        limit: 30,
        ordered: true,
      },
    ],
    [
      'score desc, filtered beyond the index',
      {
        where: (db) => ({ 'addr.city': '玉林', code: db.command.neq('C1') }),
        by: 'addr.score',
        dir: 'desc',
        limit: 5,
        ordered: true,
      },
    ],
    [
      'past the end',
      {
        where: () => ({ 'addr.city': '玉林' }),
        by: 'addr.score',
        dir: 'asc',
        skip: 1000,
        limit: 10,
        ordered: true,
      },
    ],
    [
      'n desc (held booleans)',
      { where: (db) => ({ n: db.command.gte(0) }), by: 'n', dir: 'desc', limit: 20, ordered: false },
    ],
    [
      'at desc (dates)',
      {
        where: (db) => ({ at: db.command.gte(new Date(Date.UTC(2024, 3, 1))) }),
        by: 'at',
        dir: 'desc',
        limit: 20,
        ordered: false,
      },
    ],
  ];
  afterEach(() => jest.restoreAllMocks());

  it.each(PAGES)('%s: the same page as a scan', async (_title, p) => {
    const sdk = connect('node-sdk', s.serviceUrl);
    const page = (name: string) => {
      let q = sdk.db
        .collection(name)
        .where(p.where(sdk.db))
        .orderBy(p.by, p.dir)
        .orderBy('_id', p.idDir ?? 'asc');
      if (p.skip) q = q.skip(p.skip);
      return q.limit(p.limit).get();
    };
    const scanned = sdk.docs(await page(SCAN));
    const keyed = jest.spyOn(s.cloud.store, 'orderedPage');
    const indexed = sdk.docs(await page(IX));
    expect(indexed).toEqual(scanned);
    // The ordered path answered exactly when the order is certain.
    expect(keyed.mock.calls.some(([c]) => c === IX)).toBe(p.ordered);
    if (p.skip !== 1000) expect(scanned.length).toBeGreaterThan(0);
  });
});

describe('the index follows every write', () => {
  it('update, set, remove and multikey changes keep indexed answers equal to a scan', async () => {
    const sdk = connect('node-sdk', s.serviceUrl);
    const _ = sdk.db.command;
    for (const name of [IX, SCAN]) {
      const c = sdk.db.collection(name);
      await c.doc('d001').update({ code: 'moved', tags: _.push(['新标签', 'x']) });
      await c.doc('d002').set({ code: 'moved', nums: [100, 101] });
      await c.doc('d003').remove();
      await c.where({ code: 'C2' }).update({ code: 'C2-renamed', nums: _.push(55) });
      await c.where({ code: '编号2' }).remove();
    }
    const same = async (q: object) => {
      const ids = async (name: string) =>
        sdk
          .docs(await sdk.db.collection(name).where(q).limit(1000).get())
          .map((d) => d['_id'])
          .sort();
      const scanned = await ids(SCAN);
      expect(await ids(IX)).toEqual(scanned);
      return scanned;
    };
    expect(await same({ code: 'moved' })).toEqual(['d001', 'd002']);
    expect(await same({ tags: '新标签' })).toEqual(['d001']);
    expect(await same({ nums: _.gte(100) })).toEqual(['d002']);
    expect(await same({ _id: 'd003' })).toEqual([]);
    expect((await same({ code: 'C2-renamed' })).length).toBeGreaterThan(0);
    expect(await same({ code: 'C2' })).toEqual([]);
    expect(await same({ code: '编号2' })).toEqual([]);
    expect((await same({ nums: 55 })).length).toBeGreaterThan(0);
  });
});

describe('documents whose indexed path leads nowhere', () => {
  it('are still found through the index by its other fields', async () => {
    const sdk = connect('node-sdk', s.serviceUrl);
    const docs = [
      { _id: 'e1', g: 1, a: [] },
      { _id: 'e2', g: 1, a: [1, 2] },
      { _id: 'e3', g: 1, a: [{ b: 3 }, 4] },
      { _id: 'e4', g: 1 },
      { _id: 'e5', g: 1, a: 'text' },
      { _id: 'e6', g: 2, a: { b: null } },
    ];
    await sdk.add(sdk.db.collection('ix_paths'), docs);
    await sdk.add(sdk.db.collection('scan_paths'), docs);
    const candidates = jest.spyOn(s.cloud.store, 'candidateIds');
    try {
      for (const q of [{ g: 1 }, { g: 1, 'a.b': null }, { 'a.b': null }, { g: 1, 'a.b': 3 }]) {
        const ids = async (name: string) =>
          sdk
            .docs(await sdk.db.collection(name).where(q).get())
            .map((d) => d['_id'])
            .sort();
        expect(await ids('ix_paths')).toEqual(await ids('scan_paths'));
      }
      expect(candidates.mock.calls.filter(([c]) => c === 'ix_paths').length).toBeGreaterThanOrEqual(3);
    } finally {
      candidates.mockRestore();
    }
    expect((await sdk.db.collection('ix_paths').where({ g: 1 }).count()).total).toBe(5);
  });
});
