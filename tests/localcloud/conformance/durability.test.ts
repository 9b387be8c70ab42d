/**
 * Conformance: concurrency and durability through both real SDKs. Fifty concurrent `_.inc(1)` on one
 * document never lose an increment; a where().update() racing with adds stays consistent; and everything
 * written (documents, updates, removals, indexes, collections) is read back by a new LocalCloud started
 * on the same data dir after a clean stop.
 */
import { rmSync } from 'node:fs';
import { catalog, startLocalCloud, tempDir, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { SDK_NAMES, connect, freshCollection, type Sdk } from './sdks';

describe.each(SDK_NAMES)('concurrent writes through %s', (sdkName) => {
  let s: StartedCloud;
  let sdk: Sdk;
  beforeAll(async () => {
    s = await startLocalCloud();
    sdk = connect(sdkName, s.serviceUrl);
  });
  afterAll(async () => {
    await s.stop();
  });

  it('50 concurrent _.inc(1) on one document add exactly 50', async () => {
    const coll = sdk.db.collection(freshCollection(s, 'inc', sdk));
    await sdk.add(coll, { _id: 'counter', n: 7 });
    const _ = sdk.db.command;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => sdk.update(coll.doc('counter'), { n: _.inc(1) })),
    );
    expect(results).toEqual(Array.from({ length: 50 }, () => sdk.result.docUpdate(1)));
    expect(await coll.doc('counter').get()).toEqual(sdk.result.docGet({ _id: 'counter', n: 57 }));
  });

  it('concurrent pushes and where().update() increments are all kept', async () => {
    const coll = sdk.db.collection(freshCollection(s, 'inc', sdk));
    await sdk.add(
      coll,
      Array.from({ length: 5 }, (_, i) => ({ _id: `r${i}`, group: '同组', n: 0, log: [] })),
    );
    const _ = sdk.db.command;
    await Promise.all([
      ...Array.from({ length: 20 }, () => sdk.update(coll.where({ group: '同组' }), { n: _.inc(1) })),
      ...Array.from({ length: 20 }, (_x, i) => sdk.update(coll.doc('r0'), { log: _.push(i) })),
    ]);
    const docs = sdk.docs(await coll.orderBy('_id', 'asc').get());
    expect(docs.map((d) => d['n'])).toEqual([20, 20, 20, 20, 20]);
    expect([...(docs[0]!['log'] as number[])].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });
});

describe('durable restart', () => {
  const dataDir = tempDir('weimin-restart-');
  const cat = catalog({
    rs_users: [{ name: 'phone_1', fields: [['phone', 1]], unique: true }],
    rs_orders_n: [{ name: 'nums_1', fields: [['nums', 1]] }],
    rs_orders_w: [{ name: 'nums_1', fields: [['nums', 1]] }],
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(SDK_NAMES)(
    'what %s wrote is read back by a new LocalCloud on the same data dir',
    async (sdkName) => {
      const tag = sdkName === 'node-sdk' ? 'n' : 'w';
      const at = new Date('2025-03-04T05:06:07.089Z');

      const first = await startLocalCloud({ dataDir, catalog: cat });
      first.cloud.db.ensureCollection('rs_users');
      let sdk = connect(sdkName, first.serviceUrl);
      const _ = sdk.db.command;
      expect(await sdk.db.createCollection(`rs_orders_${tag}`)).toEqual(sdk.result.createCollection());
      const orders = () => sdk.db.collection(`rs_orders_${tag}`);
      const users = () => sdk.db.collection('rs_users');
      await sdk.add(orders(), [
        { _id: 'o1', title: '修水管', at, amount: 2 ** 40, nums: [1, 9] },
        { _id: 'o2', title: '保洁', at, amount: 0.5, nums: [5] },
        { _id: 'o3', title: '待删除' },
      ]);
      await sdk.update(orders().doc('o1'), { amount: _.inc(1), status: '已完成' });
      await orders().doc('o3').remove();
      await sdk.add(users(), { _id: `u-${tag}`, phone: `1360000000${tag}`, name: '张三' });
      await first.stop();

      const second = await startLocalCloud({ dataDir, catalog: cat });
      try {
        sdk = connect(sdkName, second.serviceUrl);
        expect(await orders().orderBy('_id', 'asc').get()).toEqual(
          sdk.result.get([
            { _id: 'o1', title: '修水管', at, amount: 2 ** 40 + 1, nums: [1, 9], status: '已完成' },
            { _id: 'o2', title: '保洁', at, amount: 0.5, nums: [5] },
          ]),
        );
        // A range on the declared multikey index after restart: o1 meets the bounds with different elements.
        expect(
          await orders()
            .where({ nums: sdk.db.command.gt(4).and(sdk.db.command.lt(6)) })
            .count(),
        ).toEqual(sdk.result.count(2));
        expect(
          await users()
            .where({ phone: `1360000000${tag}` })
            .get(),
        ).toEqual(sdk.result.get([{ _id: `u-${tag}`, phone: `1360000000${tag}`, name: '张三' }]));
        // The unique index is still enforced.
        await expect(sdk.add(users(), { phone: `1360000000${tag}` })).rejects.toMatchObject(
          sdk.failure('collection.add', 'DATABASE_DUPLICATE_WRITE'),
        );
        // And the restarted cloud takes new writes.
        expect(await sdk.add(orders(), { _id: 'o4' })).toEqual(sdk.result.addOne('o4'));
        expect(await orders().count()).toEqual(sdk.result.count(3));
      } finally {
        await second.stop();
      }
    },
  );
});
