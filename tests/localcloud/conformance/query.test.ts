/**
 * Conformance: reading (database.getDocument, database.calculateDocument) through both real SDKs —
 * where with nested objects and every query command, orderBy on several keys, skip, limit and its
 * CloudBase defaults, field projection, count, RegExp / db.RegExp, and value round trips (Date, long,
 * double, Chinese text). Each test asserts the result object the SDK hands to application code.
 */
import { startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { SDK_NAMES, byId, connect, freshCollection, type Sdk } from './sdks';

type Person = {
  _id: string;
  name: string;
  city: string;
  age: number;
  score: number;
  tags: string[];
  addr?: { district: string; street?: { no: number } };
  active: boolean;
  n: number;
  jobs: Array<{ kind: string; price: number }>;
  note?: null;
};

const PEOPLE: Person[] = [
  {
    _id: 'p1',
    name: '张三',
    city: '玉林',
    age: 30,
    score: 4.5,
    tags: ['电工', '水管'],
    addr: { district: '玉州区', street: { no: 12 } },
    active: true,
    n: 7,
    jobs: [
      { kind: 'repair', price: 120 },
      { kind: 'clean', price: 40 },
    ],
  },
  {
    _id: 'p2',
    name: '李四',
    city: '玉林',
    age: 25,
    score: 3.8,
    tags: ['保洁'],
    addr: { district: '福绵区', street: { no: 3 } },
    active: false,
    n: 8,
    jobs: [{ kind: 'repair', price: 60 }],
  },
  {
    _id: 'p3',
    name: '王五',
    city: '南宁',
    age: 41,
    score: 4.9,
    tags: ['电工', '家电维修', '水管'],
    addr: { district: '青秀区', street: { no: 12 } },
    active: true,
    n: 9,
    jobs: [],
  },
  {
    _id: 'p4',
    name: 'Alice',
    city: '南宁',
    age: 35,
    score: 2.1,
    tags: [],
    addr: { district: '兴宁区' },
    active: true,
    n: 10,
    jobs: [{ kind: 'clean', price: 90 }],
    note: null,
  },
  {
    _id: 'p5',
    name: 'bob',
    city: '北海',
    age: 19,
    score: 5,
    tags: ['保洁', '搬家'],
    active: false,
    n: 11,
    jobs: [{ kind: 'move', price: 300 }],
  },
];

const ids = (docs: Array<{ _id?: unknown }>) => docs.map((d) => d._id);

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud();
});
afterAll(async () => {
  await s.stop();
});

describe.each(SDK_NAMES)('query through %s', (sdkName) => {
  let sdk: Sdk;
  let people: string;

  beforeAll(async () => {
    sdk = connect(sdkName, s.serviceUrl);
    people = freshCollection(s, 'people', sdk);
    await sdk.add(sdk.db.collection(people), PEOPLE);
  });

  const where = (q: object) => sdk.db.collection(people).where(q);
  const idsOf = async (q: object) => ids(sdk.docs(await where(q).get()));

  it('get() returns every document, whole, in insertion order', async () => {
    expect(await sdk.db.collection(people).get()).toEqual(sdk.result.get(PEOPLE));
  });

  it('where() with a nested object matches by dot path, not whole-object equality', async () => {
    const res = await where({ addr: { street: { no: 12 } } }).get();
    expect(res).toEqual(sdk.result.get([PEOPLE[0], PEOPLE[2]]));
    expect(await idsOf({ 'addr.district': '玉州区' })).toEqual(['p1']);
  });

  it('where({}) matches everything', async () => {
    expect(await idsOf({})).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('eq and neq', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ age: _.eq(30) })).toEqual(['p1']);
    expect(await idsOf({ city: _.neq('玉林') })).toEqual(['p3', 'p4', 'p5']);
    expect(await idsOf({ active: false })).toEqual(['p2', 'p5']);
  });

  it('lt, lte, gt, gte', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ age: _.lt(30) })).toEqual(['p2', 'p5']);
    expect(await idsOf({ age: _.lte(30) })).toEqual(['p1', 'p2', 'p5']);
    expect(await idsOf({ age: _.gt(35) })).toEqual(['p3']);
    expect(await idsOf({ age: _.gte(35) })).toEqual(['p3', 'p4']);
    expect(await idsOf({ score: _.gt(4.5) })).toEqual(['p3', 'p5']);
  });

  it('in and nin', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ city: _.in(['北海', '南宁']) })).toEqual(['p3', 'p4', 'p5']);
    expect(await idsOf({ city: _.nin(['北海', '南宁']) })).toEqual(['p1', 'p2']);
    // On an array field `in` matches when any element is listed.
    expect(await idsOf({ tags: _.in(['搬家', '家电维修']) })).toEqual(['p3', 'p5']);
  });

  it('query-level and, or, nor', async () => {
    const _ = sdk.db.command;
    expect(await idsOf(_.or([{ city: '北海' }, { age: _.gt(40) }]))).toEqual(['p3', 'p5']);
    expect(await idsOf(_.and([{ city: '玉林' }, { age: _.lt(30) }]))).toEqual(['p2']);
    expect(await idsOf(_.nor([{ city: '玉林' }, { active: false }]))).toEqual(['p3', 'p4']);
    // `where` with an `or` next to ordinary conditions.
    expect(await idsOf({ active: true, age: _.or(_.lt(31), _.gt(40)) })).toEqual(['p1', 'p3']);
  });

  it('field-level and / or chains', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ age: _.gt(20).and(_.lt(35)) })).toEqual(['p1', 'p2']);
    expect(await idsOf({ age: _.lt(20).or(_.gt(40)) })).toEqual(['p3', 'p5']);
    expect(await idsOf({ age: _.and(_.gte(25), _.lte(30)) })).toEqual(['p1', 'p2']);
  });

  it('not', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ age: _.not(_.gt(30)) })).toEqual(['p1', 'p2', 'p5']);
  });

  it('exists', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ note: _.exists(true) })).toEqual(['p4']);
    expect(await idsOf({ addr: _.exists(false) })).toEqual(['p5']);
  });

  it('size', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ tags: _.size(2) })).toEqual(['p1', 'p5']);
    expect(await idsOf({ tags: _.size(0) })).toEqual(['p4']);
  });

  it('mod', async () => {
    const mod = sdk.db.command.mod as unknown as (divisor: number, remainder: number) => object;
    expect(await idsOf({ n: mod(3, 1) })).toEqual(['p1', 'p4']);
    expect(await idsOf({ n: mod(2, 0) })).toEqual(['p2', 'p4']);
  });

  it('all', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ tags: _.all(['水管', '电工']) })).toEqual(['p1', 'p3']);
  });

  it('elemMatch', async () => {
    const _ = sdk.db.command;
    expect(await idsOf({ jobs: _.elemMatch({ kind: 'repair', price: _.gt(100) }) })).toEqual(['p1']);
    // Without elemMatch the two conditions may hold on different elements.
    expect(await idsOf({ 'jobs.kind': 'clean', 'jobs.price': _.gt(100) })).toEqual(['p1']);
    expect(await idsOf({ jobs: _.elemMatch({ kind: 'clean', price: _.gt(100) }) })).toEqual([]);
  });

  it('equality on an array field matches any element', async () => {
    expect(await idsOf({ tags: '电工' })).toEqual(['p1', 'p3']);
  });

  it('orderBy on several keys, in call order', async () => {
    const res = await sdk.db.collection(people).orderBy('city', 'asc').orderBy('age', 'desc').get();
    const expected = [...PEOPLE].sort((a, b) => (a.city < b.city ? -1 : a.city > b.city ? 1 : b.age - a.age));
    expect(res).toEqual(sdk.result.get(expected));
    expect(ids(expected)).toEqual(['p5', 'p3', 'p4', 'p1', 'p2']);
  });

  it('orderBy desc then asc with where', async () => {
    const _ = sdk.db.command;
    const res = await where({ age: _.gt(20) })
      .orderBy('active', 'desc')
      .orderBy('score', 'asc')
      .get();
    expect(ids(sdk.docs(res))).toEqual(['p4', 'p1', 'p3', 'p2']);
  });

  it('skip and limit page through an ordered result', async () => {
    const page = (n: number) =>
      sdk.db
        .collection(people)
        .orderBy('age', 'asc')
        .skip(n * 2)
        .limit(2)
        .get();
    expect(ids(sdk.docs(await page(0)))).toEqual(['p5', 'p2']);
    expect(ids(sdk.docs(await page(1)))).toEqual(['p1', 'p4']);
    expect(ids(sdk.docs(await page(2)))).toEqual(['p3']);
    expect(await page(3)).toEqual(sdk.result.get([]));
  });

  it('field() includes fields, with _id by default', async () => {
    const res = await where({ _id: 'p1' }).field({ name: true, age: true }).get();
    expect(res).toEqual(sdk.result.get([{ _id: 'p1', name: '张三', age: 30 }]));
  });

  it('field() includes nested paths and can drop _id', async () => {
    const res = await where({ _id: 'p3' }).field({ _id: false, 'addr.district': true, city: 1 }).get();
    expect(res).toEqual(sdk.result.get([{ addr: { district: '青秀区' }, city: '南宁' }]));
  });

  it('field() excludes fields', async () => {
    const res = await where({ _id: 'p2' }).field({ addr: false, jobs: false, tags: false }).get();
    expect(res).toEqual(
      sdk.result.get([{ _id: 'p2', name: '李四', city: '玉林', age: 25, score: 3.8, active: false, n: 8 }]),
    );
  });

  it('field() with project.slice returns part of an array', async () => {
    const slice = sdk.db.command.project.slice;
    const res = await where({ _id: 'p3' })
      .field({ tags: slice(2) })
      .get();
    expect(sdk.docs(res)[0]).toMatchObject({ _id: 'p3', tags: ['电工', '家电维修'] });
    const last = await where({ _id: 'p3' })
      .field({ name: true, tags: slice([-1, 1]) })
      .get();
    expect(last).toEqual(sdk.result.get([{ _id: 'p3', name: '王五', tags: ['水管'] }]));
  });

  it('doc(id).field() projects a single document', async () => {
    const res = await sdk.db.collection(people).doc('p4').field({ name: true }).get();
    expect(res).toEqual(sdk.result.docGet({ _id: 'p4', name: 'Alice' }));
  });

  it('count() counts all or the matching documents', async () => {
    const _ = sdk.db.command;
    expect(await sdk.db.collection(people).count()).toEqual(sdk.result.count(5));
    expect(await where({ city: '玉林' }).count()).toEqual(sdk.result.count(2));
    expect(await where({ age: _.gt(100) }).count()).toEqual(sdk.result.count(0));
  });

  it('JS RegExp queries, with and without flags', async () => {
    expect(await idsOf({ name: /^张/ })).toEqual(['p1']);
    expect(await idsOf({ name: /^(alice|BOB)$/i })).toEqual(['p4', 'p5']);
    expect(await idsOf({ 'addr.district': /宁区$/ })).toEqual(['p4']);
  });

  it('db.RegExp queries', async () => {
    const res = await where({ name: sdk.db.RegExp({ regexp: '^b', options: 'i' }) }).get();
    expect(res).toEqual(sdk.result.get([PEOPLE[4]]));
    expect(await idsOf({ city: sdk.db.RegExp({ regexp: '林$' }) })).toEqual(['p1', 'p2']);
  });

  it('Chinese text in values and queries', async () => {
    const res = await where({ name: '王五', tags: '家电维修' }).get();
    expect(res).toEqual(sdk.result.get([PEOPLE[2]]));
    expect(await idsOf({ city: sdk.db.command.in(['玉林']) })).toEqual(['p1', 'p2']);
  });

  it('limit defaults to 100 when not set', async () => {
    const name = freshCollection(s, 'many', sdk);
    const coll = sdk.db.collection(name);
    await sdk.add(
      coll,
      Array.from({ length: 150 }, (_, i) => ({ i })),
    );
    expect(await coll.count()).toEqual(sdk.result.count(150));
    const res = await coll.get();
    expect(sdk.docs(res)).toHaveLength(100);
    expect(sdk.docs(res).map((d) => d['i'])).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(sdk.docs(await coll.where({}).limit(0).get())).toHaveLength(100);
    expect(sdk.docs(await coll.skip(120).get())).toHaveLength(30);
  });

  it('limit(2000) returns at most 1000', async () => {
    const name = freshCollection(s, 'many', sdk);
    const coll = sdk.db.collection(name);
    const docs = Array.from({ length: 1200 }, (_, i) => ({ i, label: `第${i}条` }));
    const first = (await sdk.add(coll, docs.slice(0, 1000))) as Record<string, unknown[]>;
    expect(first[sdk.name === 'node-sdk' ? 'ids' : '_ids']).toHaveLength(1000);
    await sdk.add(coll, docs.slice(1000));
    expect(await coll.count()).toEqual(sdk.result.count(1200));
    const res = await coll.limit(2000).get();
    expect(sdk.docs(res)).toHaveLength(1000);
    expect(sdk.docs(await coll.orderBy('i', 'desc').limit(1000).get())[0]).toMatchObject({ i: 1199 });
    expect(sdk.docs(await coll.skip(1000).limit(1000).get())).toHaveLength(200);
  });
});

describe.each(SDK_NAMES)('values round-trip through %s', (sdkName) => {
  let sdk: Sdk;
  beforeAll(() => {
    sdk = connect(sdkName, s.serviceUrl);
  });

  it('Date values round-trip as Date, to the millisecond, and compare in queries', async () => {
    const name = freshCollection(s, 'dates', sdk);
    const coll = sdk.db.collection(name);
    const docs = [
      { _id: 'd1', at: new Date('2024-02-29T23:59:59.123Z') },
      { _id: 'd2', at: new Date('1960-05-01T08:00:00.001Z') },
      { _id: 'd3', at: new Date('2099-12-31T00:00:00.000Z'), nested: { list: [new Date(0)] } },
    ];
    await sdk.add(coll, docs);
    const res = await coll.get();
    expect(res).toEqual(sdk.result.get(docs));
    // The point read by _id answers with the stored text as is: it must decode the same.
    expect(await coll.doc('d2').get()).toEqual(sdk.result.docGet(docs[1]!));
    expect(await coll.doc('d3').get()).toEqual(sdk.result.docGet(docs[2]!));
    const got = sdk.docs(res);
    expect(got[0]!['at']).toBeInstanceOf(Date);
    expect((got[1]!['at'] as Date).getTime()).toBe(docs[1]!.at.getTime());
    const _ = sdk.db.command;
    expect(ids(sdk.docs(await coll.where({ at: _.gt(new Date('2000-01-01')) }).get()))).toEqual(['d1', 'd3']);
    expect(ids(sdk.docs(await coll.where({ at: new Date('2024-02-29T23:59:59.123Z') }).get()))).toEqual([
      'd1',
    ]);
  });

  it('long and double numbers round-trip exactly', async () => {
    const name = freshCollection(s, 'numbers', sdk);
    const coll = sdk.db.collection(name);
    const doc = {
      _id: 'n1',
      long: 2 ** 40,
      negLong: -(2 ** 45) - 7,
      maxSafe: Number.MAX_SAFE_INTEGER,
      int32: 2147483647,
      overInt32: 2147483648,
      double: 0.1 + 0.2,
      tiny: 1.5e-300,
      huge: 1.7976931348623157e308,
      smallest: Number.MIN_VALUE,
      beyondSafe: 2 ** 60,
      infinity: Infinity,
      minusInfinity: -Infinity,
      notANumber: NaN,
      negative: -273.15,
      zero: 0,
      list: [2 ** 41, 3.25, -1],
    };
    await sdk.add(coll, doc);
    expect(await coll.doc('n1').get()).toEqual(sdk.result.docGet(doc));
    const _ = sdk.db.command;
    expect(sdk.docs(await coll.where({ long: 2 ** 40 }).get())).toHaveLength(1);
    expect(sdk.docs(await coll.where({ double: 0.30000000000000004 }).get())).toHaveLength(1);
    expect(sdk.docs(await coll.where({ double: 0.3 }).get())).toHaveLength(0);
    expect(sdk.docs(await coll.where({ maxSafe: _.gt(2 ** 52) }).get())).toHaveLength(1);
    expect(sdk.docs(await coll.where({ list: 2 ** 41 }).get())).toHaveLength(1);
    expect(sdk.docs(await coll.where({ beyondSafe: 2 ** 60, infinity: Infinity }).get())).toHaveLength(1);
  });

  it('Chinese text, emoji and quotes in keys and values round-trip', async () => {
    const name = freshCollection(s, 'texts', sdk);
    const coll = sdk.db.collection(name);
    const doc = {
      _id: '中文编号-1',
      姓名: '陈小明',
      地址: { 区: '玉州区', 详细: '人民东路 "88" 号\n二楼' },
      emoji: '红绳🧧',
      mixed: ['一', 'two', '三'],
    };
    expect(await sdk.add(coll, doc)).toEqual(sdk.result.addOne('中文编号-1'));
    expect(await coll.doc('中文编号-1').get()).toEqual(sdk.result.docGet(doc));
    expect(await coll.where({ 地址: { 区: '玉州区' } }).get()).toEqual(sdk.result.get([doc]));
    expect(await coll.where({ emoji: /🧧$/ }).count()).toEqual(sdk.result.count(1));
  });

  it('null values are kept and match null queries', async () => {
    const name = freshCollection(s, 'nulls', sdk);
    const coll = sdk.db.collection(name);
    await sdk.add(coll, [{ _id: 'a', v: null }, { _id: 'b', v: 1 }, { _id: 'c' }]);
    expect(await coll.doc('a').get()).toEqual(sdk.result.docGet({ _id: 'a', v: null }));
    expect(byId(sdk.docs(await coll.where({ v: null }).get())).map((d) => d._id)).toEqual(['a', 'c']);
  });
});

describe('limits the SDKs never exceed', () => {
  it('the server itself caps a raw limit at 1000 and defaults a missing one to 100', async () => {
    const sdk = connect('node-sdk', s.serviceUrl);
    const name = freshCollection(s, 'cap');
    await sdk.add(
      sdk.db.collection(name),
      Array.from({ length: 1000 }, (_, i) => ({ i })),
    );
    await sdk.add(
      sdk.db.collection(name),
      Array.from({ length: 10 }, (_, i) => ({ i: 1000 + i })),
    );
    const get = async (extra: object) => {
      const res = await fetch(`${s.serviceUrl}?env=local-test&seqId=cap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          action: 'database.getDocument',
          collectionName: name,
          queryType: 'WHERE',
          ...extra,
        }),
      });
      return ((await res.json()) as { data: { list: string[] } }).data.list.length;
    };
    expect(await get({ limit: 5000 })).toBe(1000);
    expect(await get({})).toBe(100);
    expect(await get({ limit: 0, offset: 1005 })).toBe(5);
  });
});
