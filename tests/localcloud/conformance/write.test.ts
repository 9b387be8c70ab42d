/**
 * Conformance: writing (database.insertDocument, modifyDocument, removeDocument, modifyAndReturnDoc,
 * addCollection) through both real SDKs — add one and many, doc get / set / update with every update
 * command, remove, multi-document where().update() and where().remove(), node-sdk updateAndReturn,
 * createCollection and serverDate. Each test asserts the result object the SDK returns, then reads back.
 */
import { nodeSdk, startLocalCloud, wxSdk, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { SDK_NAMES, byId, connect, freshCollection, type Coll, type Db, type Sdk } from './sdks';

type Doc = Record<string, unknown>;

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud();
});
afterAll(async () => {
  await s.stop();
});

describe.each(SDK_NAMES)('writes through %s', (sdkName) => {
  let sdk: Sdk;
  beforeAll(() => {
    sdk = connect(sdkName, s.serviceUrl);
  });

  /** A fresh collection holding one document, and a reader for it. */
  async function oneDoc(doc: Doc): Promise<{ coll: Coll; read: () => Promise<Doc | undefined> }> {
    const coll = sdk.db.collection(freshCollection(s, 'w', sdk));
    await sdk.add(coll, doc);
    return { coll, read: async () => sdk.doc(await coll.doc(doc['_id'] as string).get()) };
  }

  describe('add', () => {
    it('adds one document and generates a string _id', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'add', sdk));
      const res = await sdk.add(coll, { title: '修水管', price: 80 });
      expect(res).toEqual(sdk.result.addOne(expect.any(String)));
      const id = (res as Record<string, string>)[sdk.name === 'node-sdk' ? 'id' : '_id']!;
      expect(id.length).toBeGreaterThan(0);
      expect(await coll.doc(id).get()).toEqual(sdk.result.docGet({ _id: id, title: '修水管', price: 80 }));
    });

    it("keeps the caller's own _id", async () => {
      const coll = sdk.db.collection(freshCollection(s, 'add', sdk));
      expect(await sdk.add(coll, { _id: 'order-001', status: '待接单' })).toEqual(
        sdk.result.addOne('order-001'),
      );
      expect(await coll.doc('order-001').get()).toEqual(
        sdk.result.docGet({ _id: 'order-001', status: '待接单' }),
      );
    });

    it('adds many in one call: own _ids kept, generated ids unique strings, in order', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'add', sdk));
      const docs = [{ i: 0 }, { _id: 'mine', i: 1 }, ...Array.from({ length: 48 }, (_, k) => ({ i: k + 2 }))];
      const res = (await sdk.add(coll, docs)) as Record<string, string[]>;
      expect(res).toEqual(sdk.result.addMany(expect.any(Array)));
      const newIds = res[sdk.name === 'node-sdk' ? 'ids' : '_ids']!;
      expect(newIds).toHaveLength(50);
      expect(newIds[1]).toBe('mine');
      expect(newIds.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
      expect(new Set(newIds).size).toBe(50);
      const stored = sdk.docs(await coll.orderBy('i', 'asc').get());
      expect(stored.map((d) => d['_id'])).toEqual(newIds);
    });

    it('an _id that is too long is an invalid parameter', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'add', sdk));
      await expect(sdk.add(coll, { _id: '长'.repeat(129) })).rejects.toMatchObject(
        sdk.failure('collection.add', 'INVALID_PARAM', /_id/),
      );
      expect(await coll.count()).toEqual(sdk.result.count(0));
    });

    it('doc(id).get() of a missing document: empty for node, not-found error for wx', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'add', sdk));
      const read = coll.doc('nobody').get();
      if (sdk.name === 'node-sdk') {
        expect(await read).toEqual({ data: [], requestId: expect.any(String) });
      } else {
        await expect(read).rejects.toMatchObject({
          errCode: -1,
          errMsg: 'document.get:fail document with _id nobody does not exist',
        });
      }
    });
  });

  describe('doc(id).set()', () => {
    it('replaces an existing document entirely', async () => {
      const { coll, read } = await oneDoc({ _id: 's1', a: 1, nested: { x: 1, y: 2 }, keep: '旧' });
      expect(await sdk.set(coll.doc('s1'), { nested: { x: 9 }, b: '新' })).toEqual(
        sdk.result.set('s1', false),
      );
      expect(await read()).toEqual({ _id: 's1', nested: { x: 9 }, b: '新' });
    });

    it('inserts the document when the _id is absent', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'set', sdk));
      expect(await sdk.set(coll.doc('s2'), { name: '新用户' })).toEqual(sdk.result.set('s2', true));
      expect(await coll.doc('s2').get()).toEqual(sdk.result.docGet({ _id: 's2', name: '新用户' }));
      expect(await coll.count()).toEqual(sdk.result.count(1));
    });
  });

  describe('doc(id).update()', () => {
    it('merges nested objects instead of replacing them', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', addr: { city: '玉林', street: '一环路', no: 1 } });
      expect(await sdk.update(coll.doc('u'), { addr: { street: '二环路', zip: '537000' } })).toEqual(
        sdk.result.docUpdate(1),
      );
      expect(await read()).toEqual({
        _id: 'u',
        addr: { city: '玉林', street: '二环路', no: 1, zip: '537000' },
      });
    });

    it('_.set replaces a whole object', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', addr: { city: '玉林', street: '一环路' } });
      await sdk.update(coll.doc('u'), { addr: sdk.db.command.set({ city: '南宁' }) });
      expect(await read()).toEqual({ _id: 'u', addr: { city: '南宁' } });
    });

    it('_.remove deletes a field', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', a: 1, b: { c: 2, d: 3 } });
      const _ = sdk.db.command;
      expect(await sdk.update(coll.doc('u'), { a: _.remove(), b: { c: _.remove() } })).toEqual(
        sdk.result.docUpdate(1),
      );
      expect(await read()).toEqual({ _id: 'u', b: { d: 3 } });
    });

    it('inc and mul', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', n: 10, price: 2.5, stats: { views: 1 } });
      const _ = sdk.db.command;
      await sdk.update(coll.doc('u'), {
        n: _.inc(-3),
        price: _.mul(4),
        stats: { views: _.inc(1) },
        fresh: _.inc(5),
      });
      expect(await read()).toEqual({ _id: 'u', n: 7, price: 10, stats: { views: 2 }, fresh: 5 });
    });

    it('min and max', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', lo: 5, hi: 5, low2: 1, high2: 9 });
      const _ = sdk.db.command;
      await sdk.update(coll.doc('u'), { lo: _.min(3), hi: _.max(8), low2: _.min(4), high2: _.max(2) });
      expect(await read()).toEqual({ _id: 'u', lo: 3, hi: 8, low2: 1, high2: 9 });
    });

    it('rename', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', oldName: '值', other: 1 });
      await sdk.update(coll.doc('u'), { oldName: sdk.db.command.rename('newName') });
      expect(await read()).toEqual({ _id: 'u', newName: '值', other: 1 });
    });

    it('push values, an array, and with each / position / sort / slice', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', a: [1], b: [1], c: [5, 1], d: [3, 1] });
      const _ = sdk.db.command;
      await sdk.update(coll.doc('u'), {
        a: _.push(2, 3),
        b: _.push([2, 3]),
        c: _.push({ each: [9, 7], position: 1 }),
        d: _.push({ each: [4, 2, 5], sort: -1, slice: 3 }),
      });
      expect(await read()).toEqual({ _id: 'u', a: [1, 2, 3], b: [1, 2, 3], c: [5, 9, 7, 1], d: [5, 4, 3] });
    });

    it('push with sort by a field of object elements', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', list: [{ p: 2 }, { p: 9 }] });
      await sdk.update(coll.doc('u'), { list: sdk.db.command.push({ each: [{ p: 5 }], sort: { p: 1 } }) });
      expect(await read()).toEqual({ _id: 'u', list: [{ p: 2 }, { p: 5 }, { p: 9 }] });
    });

    it('unshift, pop and shift', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', a: [3, 4], b: [1, 2, 3], c: [1, 2, 3] });
      const _ = sdk.db.command;
      await sdk.update(coll.doc('u'), { a: _.unshift(1, 2), b: _.pop(), c: _.shift() });
      expect(await read()).toEqual({ _id: 'u', a: [1, 2, 3, 4], b: [1, 2], c: [2, 3] });
    });

    it('pull a value, pull with a command, pullAll', async () => {
      const { coll, read } = await oneDoc({
        _id: 'u',
        a: ['x', 'y', 'x', 'z'],
        b: [1, 5, 10, 15],
        c: [1, 2, 3, 2, 1],
        d: [{ k: 1 }, { k: 2 }],
      });
      const _ = sdk.db.command;
      await sdk.update(coll.doc('u'), {
        a: _.pull('x'),
        b: _.pull(_.gt(7)),
        c: _.pullAll([1, 2]),
        d: _.pull({ k: 2 }),
      });
      expect(await read()).toEqual({ _id: 'u', a: ['y', 'z'], b: [1, 5], c: [3], d: [{ k: 1 }] });
    });

    it('addToSet adds only missing values', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', tags: ['电工'], more: ['a'] });
      const _ = sdk.db.command;
      await sdk.update(coll.doc('u'), { tags: _.addToSet('电工') });
      await sdk.update(coll.doc('u'), { tags: _.addToSet('水管') });
      await sdk.update(coll.doc('u'), { more: _.addToSet({ $each: ['a', 'b', 'c'] }) });
      expect(await read()).toEqual({ _id: 'u', tags: ['电工', '水管'], more: ['a', 'b', 'c'] });
    });

    it('a literal dotted key updates an array element field', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', arr: [{ z: 1 }, { z: 2 }] });
      await sdk.update(coll.doc('u'), { 'arr.0.z': 10 });
      expect(await read()).toEqual({ _id: 'u', arr: [{ z: 10 }, { z: 2 }] });
    });

    it('an update cannot change _id (DATABASE_REQUEST_FAILED)', async () => {
      const { coll, read } = await oneDoc({ _id: 'u', other: 'x' });
      await expect(sdk.update(coll.doc('u'), { other: sdk.db.command.rename('_id') })).rejects.toMatchObject(
        sdk.failure('document.update', 'DATABASE_REQUEST_FAILED', /_id/),
      );
      expect(await read()).toEqual({ _id: 'u', other: 'x' });
    });

    it('updating a missing document updates nothing and creates nothing', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'upd', sdk));
      expect(await sdk.update(coll.doc('ghost'), { a: 1 })).toEqual(sdk.result.docUpdate(0));
      expect(await coll.count()).toEqual(sdk.result.count(0));
    });
  });

  describe('remove', () => {
    it('doc(id).remove() deletes one document', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'rm', sdk));
      await sdk.add(coll, [{ _id: 'a' }, { _id: 'b' }]);
      expect(await coll.doc('a').remove()).toEqual(sdk.result.docRemove(1));
      expect(await coll.doc('a').remove()).toEqual(sdk.result.docRemove(0));
      expect(sdk.docs(await coll.get())).toEqual([{ _id: 'b' }]);
    });

    it('where().remove() with multi false deletes only the first match', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'rm', sdk));
      await sdk.add(coll, [{ k: 1 }, { k: 1 }, { k: 2 }]);
      expect(await sdk.removeOne(coll.where({ k: 1 }))).toEqual(sdk.result.whereRemove(1));
      expect(await coll.count()).toEqual(sdk.result.count(2));
    });

    it('where().remove() deletes every match', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'rm', sdk));
      await sdk.add(
        coll,
        Array.from({ length: 30 }, (_, i) => ({ i, kind: i % 3 === 0 ? '过期' : '有效' })),
      );
      expect(await coll.where({ kind: '过期' }).remove()).toEqual(sdk.result.whereRemove(10));
      expect(await coll.count()).toEqual(sdk.result.count(20));
      expect(await coll.where({ kind: '过期' }).count()).toEqual(sdk.result.count(0));
      expect(await coll.where({ kind: '不存在' }).remove()).toEqual(sdk.result.whereRemove(0));
    });
  });

  describe('where().update()', () => {
    it('updates every matching document', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'wu', sdk));
      await sdk.add(coll, [
        { _id: 'a', city: '玉林', n: 1 },
        { _id: 'b', city: '玉林', n: 2 },
        { _id: 'c', city: '南宁', n: 3 },
      ]);
      const _ = sdk.db.command;
      expect(await sdk.update(coll.where({ city: '玉林' }), { n: _.inc(10), flag: true })).toEqual(
        sdk.result.whereUpdate(2),
      );
      expect(sdk.docs(await coll.get())).toEqual([
        { _id: 'a', city: '玉林', n: 11, flag: true },
        { _id: 'b', city: '玉林', n: 12, flag: true },
        { _id: 'c', city: '南宁', n: 3 },
      ]);
      expect(await sdk.update(coll.where({ city: '北海' }), { n: 0 })).toEqual(sdk.result.whereUpdate(0));
    });

    it('with multi false updates only the first match', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'wu', sdk));
      await sdk.add(coll, [
        { _id: 'a', q: '排队' },
        { _id: 'b', q: '排队' },
      ]);
      expect(await sdk.updateOne(coll.where({ q: '排队' }), { q: '已领取' })).toEqual(
        sdk.result.whereUpdate(1),
      );
      expect(await coll.where({ q: '排队' }).count()).toEqual(sdk.result.count(1));
    });

    it('counts only documents that changed', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'wu', sdk));
      await sdk.add(coll, [
        { _id: 'a', v: 1 },
        { _id: 'b', v: 2 },
      ]);
      expect(await sdk.update(coll.where({}), { v: 1 })).toEqual(sdk.result.whereUpdate(1));
    });
  });

  describe('serverDate', () => {
    afterEach(() => s.cloud.clock.reset());

    it('is the local cloud clock plus the offset, in add, update, set and queries', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'sd', sdk));
      const t0 = Date.UTC(2030, 0, 2, 3, 4, 5, 678);
      s.cloud.clock.set(t0, { freeze: true });
      await sdk.add(coll, {
        _id: 'a',
        at: sdk.db.serverDate(),
        later: sdk.db.serverDate({ offset: 60_000 }),
      });
      expect(await coll.doc('a').get()).toEqual(
        sdk.result.docGet({ _id: 'a', at: new Date(t0), later: new Date(t0 + 60_000) }),
      );

      s.cloud.clock.advance(1000);
      await sdk.update(coll.doc('a'), { touched: sdk.db.serverDate({ offset: -500 }) });
      await sdk.set(coll.doc('b'), { at: sdk.db.serverDate({ offset: 3_600_000 }) });
      const docs = byId(sdk.docs(await coll.get()));
      expect(docs[0]!['touched']).toEqual(new Date(t0 + 500));
      expect(docs[1]).toEqual({ _id: 'b', at: new Date(t0 + 1000 + 3_600_000) });

      const _ = sdk.db.command;
      const before = await coll.where({ later: _.lt(sdk.db.serverDate({ offset: 60_000 })) }).get();
      expect(before).toEqual(
        sdk.result.get([
          { _id: 'a', at: new Date(t0), later: new Date(t0 + 60_000), touched: new Date(t0 + 500) },
        ]),
      );
    });
  });

  it('createCollection creates a usable collection; creating it again fails', async () => {
    const name = `created_${sdk.name === 'node-sdk' ? 'n' : 'w'}_${Date.now()}`;
    await expect(sdk.db.collection(name).count()).rejects.toMatchObject(
      sdk.failure('collection.count', 'DATABASE_COLLECTION_NOT_EXIST'),
    );
    expect(await sdk.db.createCollection(name)).toEqual(sdk.result.createCollection());
    expect(await sdk.add(sdk.db.collection(name), { _id: 'x' })).toEqual(sdk.result.addOne('x'));
    expect(await sdk.db.collection(name).count()).toEqual(sdk.result.count(1));
    await expect(sdk.db.createCollection(name)).rejects.toMatchObject(
      sdk.failure('createCollection', 'DATABASE_COLLECTION_ALREADY_EXIST'),
    );
    expect(await sdk.db.collection(name).count()).toEqual(sdk.result.count(1));
  });
});

describe('node-sdk updateAndReturn', () => {
  let db: Db;
  beforeAll(() => {
    db = nodeSdk(s.serviceUrl).database();
  });

  it('returns the document after the update and updates only one match', async () => {
    const coll = db.collection(freshCollection(s, 'uar'));
    await coll.add([
      { _id: 'a', queue: '维修', n: 1, tags: ['x'] },
      { _id: 'b', queue: '维修', n: 1, tags: ['x'] },
    ]);
    const _ = db.command;
    const res = await coll.where({ _id: 'b' }).updateAndReturn({ n: _.inc(1), tags: _.push('y') });
    expect(res).toEqual({
      updated: 1,
      doc: { _id: 'b', queue: '维修', n: 2, tags: ['x', 'y'] },
      requestId: expect.any(String),
    });
    const one = await coll.where({ queue: '维修' }).updateAndReturn({ claimed: true });
    expect(one).toEqual({
      updated: 1,
      doc: expect.objectContaining({ claimed: true }),
      requestId: expect.any(String),
    });
    expect((await coll.where({ claimed: true }).count()).total).toBe(1);
  });

  it('returns updated 0 and no document when nothing matches', async () => {
    const coll = db.collection(freshCollection(s, 'uar'));
    const res = (await coll.where({ _id: 'ghost' }).updateAndReturn({ n: 1 })) as Record<string, unknown>;
    expect(res['updated']).toBe(0);
    expect(res['doc'] ?? null).toBeNull();
    expect((await coll.count()).total).toBe(0);
  });
});

describe('wx-server-sdk database({throwOnNotFound:false})', () => {
  it('gives data null for a missing document', async () => {
    const db = wxSdk(s.serviceUrl).database({ throwOnNotFound: false } as never);
    const name = freshCollection(s, 'tnf');
    expect(await db.collection(name).doc('none').get()).toEqual({ data: null, errMsg: 'document.get:ok' });
  });
});
