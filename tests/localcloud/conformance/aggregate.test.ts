/**
 * Conformance: aggregation pipelines (database.aggregateDocuments) through both real SDKs — match, group
 * with the usual accumulators, sort, skip, limit, project, unwind, lookup across two collections, count and
 * addFields. Each test asserts what `aggregate()...end()` resolves to (node `{data}`, wx `{list, errMsg}`).
 */
import { startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { SDK_NAMES, connect, freshCollection, type Sdk } from './sdks';

const ORDERS = [
  { _id: 'o1', district: '玉州区', kind: '维修', amount: 120, items: ['水管', '龙头'], userId: 'u1', at: 1 },
  { _id: 'o2', district: '玉州区', kind: '保洁', amount: 80, items: ['客厅'], userId: 'u2', at: 2 },
  { _id: 'o3', district: '福绵区', kind: '维修', amount: 200, items: [], userId: 'u1', at: 3 },
  { _id: 'o4', district: '玉州区', kind: '维修', amount: 60, items: ['插座'], userId: 'u3', at: 4 },
  {
    _id: 'o5',
    district: '福绵区',
    kind: '保洁',
    amount: 100,
    items: ['厨房', '卫生间'],
    userId: 'u9',
    at: 5,
  },
];
const USERS = [
  { _id: 'u1', name: '张三' },
  { _id: 'u2', name: '李四' },
  { _id: 'u3', name: '王五' },
];

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud();
});
afterAll(async () => {
  await s.stop();
});

describe.each(SDK_NAMES)('aggregate through %s', (sdkName) => {
  let sdk: Sdk;
  let orders: string;
  let users: string;

  beforeAll(async () => {
    sdk = connect(sdkName, s.serviceUrl);
    orders = freshCollection(s, 'orders', sdk);
    users = freshCollection(s, 'users', sdk);
    await sdk.add(sdk.db.collection(orders), ORDERS);
    await sdk.add(sdk.db.collection(users), USERS);
  });

  const agg = () => sdk.db.collection(orders).aggregate();

  it('match filters with query commands', async () => {
    const _ = sdk.db.command;
    const res = await agg()
      .match({ kind: '维修', amount: _.gte(100) })
      .end();
    expect(res).toEqual(sdk.result.aggregate([ORDERS[0], ORDERS[2]]));
  });

  it('group with sum, avg, min, max, first, last, push, addToSet; then sort', async () => {
    const $ = sdk.db.command.aggregate;
    const res = await agg()
      .sort({ at: 1 })
      .group({
        _id: '$district',
        n: $.sum(1),
        total: $.sum('$amount'),
        avg: $.avg('$amount'),
        min: $.min('$amount'),
        max: $.max('$amount'),
        first: $.first('$_id'),
        last: $.last('$_id'),
        ids: $.push('$_id'),
        kinds: $.addToSet('$kind'),
      })
      .sort({ total: -1 })
      .end();
    const list = sdk.aggregated(res);
    expect(res).toEqual(sdk.result.aggregate(expect.any(Array)));
    expect(list.map((g) => ({ ...g, kinds: [...(g['kinds'] as string[])].sort() }))).toEqual([
      {
        _id: '福绵区',
        n: 2,
        total: 300,
        avg: 150,
        min: 100,
        max: 200,
        first: 'o3',
        last: 'o5',
        ids: ['o3', 'o5'],
        kinds: ['保洁', '维修'].sort(),
      },
      {
        _id: '玉州区',
        n: 3,
        total: 260,
        avg: 260 / 3,
        min: 60,
        max: 120,
        first: 'o1',
        last: 'o4',
        ids: ['o1', 'o2', 'o4'],
        kinds: ['维修', '保洁'].sort(),
      },
    ]);
  });

  it('group by a compound key', async () => {
    const $ = sdk.db.command.aggregate;
    const res = await agg()
      .group({ _id: { d: '$district', k: '$kind' }, n: $.sum(1) })
      .sort({ '_id.d': 1, '_id.k': 1 })
      .end();
    expect(sdk.aggregated(res)).toEqual([
      { _id: { d: '玉州区', k: '保洁' }, n: 1 },
      { _id: { d: '玉州区', k: '维修' }, n: 2 },
      { _id: { d: '福绵区', k: '保洁' }, n: 1 },
      { _id: { d: '福绵区', k: '维修' }, n: 1 },
    ]);
  });

  it('sort, skip and limit', async () => {
    const res = await agg().sort({ amount: -1 }).skip(1).limit(2).project({ amount: 1 }).end();
    expect(res).toEqual(
      sdk.result.aggregate([
        { _id: 'o1', amount: 120 },
        { _id: 'o5', amount: 100 },
      ]),
    );
  });

  it('project with inclusion, exclusion of _id and computed fields', async () => {
    const $ = sdk.db.command.aggregate;
    const res = await agg()
      .match({ _id: 'o1' })
      .project({
        _id: 0,
        district: 1,
        doubled: $.multiply(['$amount', 2]),
        label: $.concat(['$kind', '-', '$district']),
        itemCount: $.size('$items'),
      })
      .end();
    expect(res).toEqual(
      sdk.result.aggregate([{ district: '玉州区', doubled: 240, label: '维修-玉州区', itemCount: 2 }]),
    );
  });

  it('unwind an array field', async () => {
    const res = await agg().match({ kind: '保洁' }).unwind('$items').project({ items: 1 }).end();
    expect(sdk.aggregated(res)).toEqual([
      { _id: 'o2', items: '客厅' },
      { _id: 'o5', items: '厨房' },
      { _id: 'o5', items: '卫生间' },
    ]);
  });

  it('unwind with includeArrayIndex and preserveNullAndEmptyArrays', async () => {
    const res = await agg()
      .match({ district: '福绵区' })
      .unwind({ path: '$items', includeArrayIndex: 'idx', preserveNullAndEmptyArrays: true })
      .project({ items: 1, idx: 1 })
      .end();
    expect(sdk.aggregated(res)).toEqual([
      { _id: 'o3', idx: null },
      { _id: 'o5', items: '厨房', idx: 0 },
      { _id: 'o5', items: '卫生间', idx: 1 },
    ]);
  });

  it('lookup joins a second collection', async () => {
    const res = await agg()
      .match({ district: '玉州区' })
      .lookup({ from: users, localField: 'userId', foreignField: '_id', as: 'user' })
      .project({ user: 1 })
      .end();
    expect(res).toEqual(
      sdk.result.aggregate([
        { _id: 'o1', user: [{ _id: 'u1', name: '张三' }] },
        { _id: 'o2', user: [{ _id: 'u2', name: '李四' }] },
        { _id: 'o4', user: [{ _id: 'u3', name: '王五' }] },
      ]),
    );
  });

  it('lookup with no match gives an empty array', async () => {
    const res = await agg()
      .match({ _id: 'o5' })
      .lookup({ from: users, localField: 'userId', foreignField: '_id', as: 'user' })
      .project({ user: 1 })
      .end();
    expect(sdk.aggregated(res)).toEqual([{ _id: 'o5', user: [] }]);
  });

  it('lookup with let and a pipeline', async () => {
    const _ = sdk.db.command;
    const $ = _.aggregate;
    const res = await sdk.db
      .collection(users)
      .aggregate()
      .match({ _id: _.in(['u1', 'u3']) })
      .lookup({
        from: orders,
        let: { uid: '$_id' },
        pipeline: $.pipeline()
          .match(_.expr($.eq(['$userId', '$$uid'])))
          .project({ _id: 0, amount: 1 })
          .done(),
        as: 'orders',
      })
      .end();
    expect(res).toEqual(
      sdk.result.aggregate([
        { _id: 'u1', name: '张三', orders: [{ amount: 120 }, { amount: 200 }] },
        { _id: 'u3', name: '王五', orders: [{ amount: 60 }] },
      ]),
    );
  });

  it('count', async () => {
    const res = await agg().match({ kind: '维修' }).count('n').end();
    expect(res).toEqual(sdk.result.aggregate([{ n: 3 }]));
  });

  it('addFields', async () => {
    const $ = sdk.db.command.aggregate;
    const res = await agg()
      .match({ _id: 'o2' })
      .addFields({ withTax: $.multiply(['$amount', 1.5]), note: '加字段' })
      .end();
    expect(res).toEqual(sdk.result.aggregate([{ ...ORDERS[1], withTax: 120, note: '加字段' }]));
  });

  it('an empty result is an empty list', async () => {
    const res = await agg().match({ district: '不存在' }).end();
    expect(res).toEqual(sdk.result.aggregate([]));
  });
});
