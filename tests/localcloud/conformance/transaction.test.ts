/**
 * Conformance: transactions (database.startTransaction / commitTransaction / abortTransaction and the
 * transactionId on document calls) through both real SDKs — runTransaction commits everything or nothing,
 * a throw and tx.rollback(reason) apply nothing, a conflicting write makes the SDK retry and finally fail
 * with DATABASE_TRANSACTION_CONFLICT, and the explicit startTransaction / commit / rollback API; then the
 * isolation CloudBase (MongoDB) gives and the local cloud keeps (decision 0014): a snapshot as of the start
 * (repeatable reads, commits of others invisible), write-write conflicts (no lost update, an insert racing
 * another is a conflict, not a duplicate), and reads that never make a transaction conflict.
 */
import { catalog, startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { SDK_NAMES, byId, connect, freshCollection, type Coll, type Sdk } from './sdks';

type Doc = Record<string, unknown>;
/** The transaction object both SDKs hand to the runTransaction callback (and return from startTransaction). */
interface Tx {
  collection(name: string): Coll;
  rollback(reason?: unknown): Promise<unknown>;
  commit(): Promise<unknown>;
}
type RunTransaction = <T>(cb: (tx: Tx) => Promise<T>, times?: number) => Promise<T>;

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud({
    catalog: catalog({ tx_accounts: [{ name: 'phone_1', fields: [['phone', 1]], unique: true }] }),
    createDeclaredCollections: true,
  });
});
afterAll(async () => {
  await s.stop();
});

describe.each(SDK_NAMES)('transactions through %s', (sdkName) => {
  let sdk: Sdk;
  let run: RunTransaction;
  let start: () => Promise<Tx>;
  beforeAll(() => {
    sdk = connect(sdkName, s.serviceUrl);
    const db = sdk.db as unknown as { runTransaction: RunTransaction; startTransaction: () => Promise<Tx> };
    run = (cb, times) => db.runTransaction(cb, times);
    start = () => db.startTransaction();
  });

  /** A fresh collection with the given documents, and a full read of it sorted by _id. */
  async function seeded(docs: Doc[]): Promise<{ name: string; all: () => Promise<Doc[]> }> {
    const name = freshCollection(s, 'tx', sdk);
    if (docs.length > 0) await sdk.add(sdk.db.collection(name), docs);
    return { name, all: async () => byId(sdk.docs(await sdk.db.collection(name).get())) };
  }

  it('runTransaction commits every write together and returns the callback value', async () => {
    const { name, all } = await seeded([
      { _id: 'alice', balance: 100 },
      { _id: 'bob', balance: 20 },
      { _id: 'old', note: '待删' },
    ]);
    const outside = sdk.db.collection(name);
    const _ = sdk.db.command;
    const result = await run(async (tx) => {
      const c = tx.collection(name);
      const alice = await c.doc('alice').get();
      expect(alice).toEqual(
        sdk.name === 'node-sdk'
          ? { data: { _id: 'alice', balance: 100 }, requestId: expect.any(String) }
          : { data: { _id: 'alice', balance: 100 }, errMsg: 'document.get:ok' },
      );
      expect(await sdk.update(c.doc('alice'), { balance: _.inc(-30) })).toEqual(sdk.result.docUpdate(1));
      expect(await sdk.update(c.doc('bob'), { balance: _.inc(30) })).toEqual(sdk.result.docUpdate(1));
      expect(await sdk.add(c, { _id: 'log1', from: 'alice', to: 'bob', amount: 30 })).toEqual(
        sdk.name === 'node-sdk'
          ? { id: 'log1', inserted: 1, ok: 1, requestId: expect.any(String) }
          : { _id: 'log1', errMsg: 'collection.add:ok' },
      );
      expect(await sdk.set(c.doc('carol'), { balance: 0 })).toEqual(
        sdk.name === 'node-sdk'
          ? { updated: 0, upserted: [{ _id: 'carol' }], requestId: expect.any(String) }
          : { _id: 'carol', stats: { updated: 0, created: 0 }, errMsg: 'document.set:ok' },
      );
      expect(await c.doc('old').remove()).toEqual(sdk.result.docRemove(1));
      // The transaction reads its own writes ...
      expect(byId(sdk.docs(await c.where({ balance: _.lte(50) }).get()))).toEqual([
        { _id: 'bob', balance: 50 },
        { _id: 'carol', balance: 0 },
      ]);
      // ... while everyone else still sees the committed state.
      expect(await outside.doc('alice').get()).toEqual(sdk.result.docGet({ _id: 'alice', balance: 100 }));
      expect(await outside.where({ _id: 'log1' }).count()).toEqual(sdk.result.count(0));
      return '转账完成';
    });
    expect(result).toBe('转账完成');
    expect(await all()).toEqual([
      { _id: 'alice', balance: 70 },
      { _id: 'bob', balance: 50 },
      { _id: 'carol', balance: 0 },
      { _id: 'log1', from: 'alice', to: 'bob', amount: 30 },
    ]);
  });

  it('a throw inside the callback applies nothing and rejects with the error', async () => {
    const { name, all } = await seeded([{ _id: 'a', n: 1 }]);
    const boom = new Error('余额不足');
    await expect(
      run(async (tx) => {
        const c = tx.collection(name);
        await sdk.update(c.doc('a'), { n: 2 });
        await sdk.add(c, { _id: 'b' });
        await c.doc('a').remove();
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await all()).toEqual([{ _id: 'a', n: 1 }]);
  });

  it('tx.rollback(reason) applies nothing and rejects with the reason', async () => {
    const { name, all } = await seeded([{ _id: 'a', n: 1 }]);
    await expect(
      run(async (tx) => {
        await sdk.update(tx.collection(name).doc('a'), { n: 99 });
        await sdk.add(tx.collection(name), { _id: 'b' });
        await tx.rollback({ reason: '用户取消' });
        return 'not reached';
      }),
    ).rejects.toEqual({ reason: '用户取消' });
    expect(await all()).toEqual([{ _id: 'a', n: 1 }]);
  });

  it('a conflicting write between read and commit makes runTransaction retry', async () => {
    const { name, all } = await seeded([{ _id: 'slot', taken: 0 }]);
    const outside = sdk.db.collection(name);
    const _ = sdk.db.command;
    let attempts = 0;
    const result = await run(async (tx) => {
      attempts++;
      const c = tx.collection(name);
      // Inside a transaction both SDKs give the document itself as `data`.
      const slot = ((await c.doc('slot').get()) as { data: { taken: number } }).data;
      // Someone else takes the slot while the first attempt is running.
      if (attempts === 1) await sdk.update(outside.doc('slot'), { taken: _.inc(1) });
      await sdk.update(c.doc('slot'), { taken: slot.taken + 1 });
      return slot.taken;
    });
    expect(attempts).toBe(2);
    expect(result).toBe(1);
    expect(await all()).toEqual([{ _id: 'slot', taken: 2 }]);
  });

  it('a conflict on every attempt fails with DATABASE_TRANSACTION_CONFLICT after the retries', async () => {
    const { name, all } = await seeded([{ _id: 'hot', n: 0 }]);
    const outside = sdk.db.collection(name);
    let attempts = 0;
    await expect(
      run(async (tx) => {
        attempts++;
        const c = tx.collection(name);
        await c.doc('hot').get();
        await sdk.update(outside.doc('hot'), { n: sdk.db.command.inc(1) });
        await sdk.update(c.doc('hot'), { n: -1 });
      }, 2),
    ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(attempts).toBe(3);
    expect(await all()).toEqual([{ _id: 'hot', n: 3 }]);
  });

  it('a unique-index violation at commit applies nothing', async () => {
    const accounts = sdk.db.collection('tx_accounts');
    const phone = `1380000${sdk.name === 'node-sdk' ? '1' : '2'}`;
    await sdk.add(accounts, { _id: `acc-${phone}`, phone });
    const before = ((await accounts.count()) as { total: number }).total;
    await expect(
      run(async (tx) => {
        const c = tx.collection('tx_accounts');
        await sdk.add(c, { _id: `ok-${phone}`, phone: `${phone}9` });
        await sdk.add(c, { _id: `dup-${phone}`, phone });
      }),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await accounts.count()).toEqual(sdk.result.count(before));
    expect(await accounts.where({ phone: `${phone}9` }).count()).toEqual(sdk.result.count(0));
  });

  it('adding an _id the transaction saw absent, which another request has added since, is a conflict', async () => {
    const { name, all } = await seeded([]);
    const tx = await start();
    const c = tx.collection(name);
    // A point read of the missing document (wx-server-sdk throws "does not exist", node answers null).
    await c
      .doc('key')
      .get()
      .catch(() => null);
    await sdk.add(sdk.db.collection(name), { _id: 'key', by: 'other' });
    // MongoDB reports a write conflict here (retried by the SDKs), not a duplicate key.
    await expect(sdk.add(c, { _id: 'key', by: 'tx' })).rejects.toMatchObject(
      sdk.failure('collection.add', 'DATABASE_TRANSACTION_CONFLICT', /transaction conflict/),
    );
    await tx.rollback();
    expect(await all()).toEqual([{ _id: 'key', by: 'other' }]);
  });

  it('adding an _id that existed before the transaction looked is a duplicate key', async () => {
    const { name } = await seeded([{ _id: 'key', by: 'first' }]);
    const tx = await start();
    await expect(sdk.add(tx.collection(name), { _id: 'key' })).rejects.toMatchObject(
      sdk.failure('collection.add', 'DATABASE_DUPLICATE_WRITE', /duplicate key/),
    );
    await tx.rollback();
  });

  it('startTransaction / commit applies the writes; a second transaction on the same document conflicts', async () => {
    const { name, all } = await seeded([{ _id: 'x', v: 0 }]);
    const t1 = await start();
    const t2 = await start();
    await t1.collection(name).doc('x').get();
    await t2.collection(name).doc('x').get();
    await sdk.update(t1.collection(name).doc('x'), { v: 1 });
    await sdk.update(t2.collection(name).doc('x'), { v: 2 });
    expect(await t1.commit()).toEqual(expect.objectContaining({ requestId: expect.any(String) }));
    await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await all()).toEqual([{ _id: 'x', v: 1 }]);
  });

  it('startTransaction / rollback discards the writes', async () => {
    const { name, all } = await seeded([{ _id: 'x', v: 0 }]);
    const tx = await start();
    await sdk.update(tx.collection(name).doc('x'), { v: 5 });
    await sdk.add(tx.collection(name), { _id: 'y' });
    await tx.rollback();
    expect(await all()).toEqual([{ _id: 'x', v: 0 }]);
    // The transaction is gone: committing it now fails.
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_NOT_EXIST' });
  });
});

describe.each(SDK_NAMES)('snapshot isolation through %s', (sdkName) => {
  let sdk: Sdk;
  let run: RunTransaction;
  let start: () => Promise<Tx>;
  beforeAll(() => {
    sdk = connect(sdkName, s.serviceUrl);
    const db = sdk.db as unknown as { runTransaction: RunTransaction; startTransaction: () => Promise<Tx> };
    run = (cb, times) => db.runTransaction(cb, times);
    start = () => db.startTransaction();
  });

  async function seeded(docs: Doc[]): Promise<{ name: string; all: () => Promise<Doc[]> }> {
    const name = freshCollection(s, 'iso', sdk);
    if (docs.length > 0) await sdk.add(sdk.db.collection(name), docs);
    return { name, all: async () => byId(sdk.docs(await sdk.db.collection(name).get())) };
  }

  /** A point read inside a transaction as a list (wx-server-sdk's doc().get() throws for a missing one). */
  const read = async (c: Coll, id: string): Promise<Doc[]> => sdk.docs(await c.where({ _id: id }).get());

  it('reads the committed state as of the start: a concurrent commit stays invisible (repeatable read)', async () => {
    const { name } = await seeded([
      { _id: 'a', v: 0, tag: 'x' },
      { _id: 'b', v: 0, tag: 'x' },
      { _id: 'gone', v: 0, tag: 'x' },
    ]);
    const outside = sdk.db.collection(name);
    const tx = await start();
    const c = tx.collection(name);
    expect(await read(c, 'a')).toEqual([{ _id: 'a', v: 0, tag: 'x' }]);
    // Others commit: an update of a document the transaction read, of one it has not read yet, an insert,
    // a removal, and an update that takes a document out of the query below.
    await sdk.update(outside.doc('a'), { v: 1 });
    await sdk.update(outside.doc('b'), { v: 1, tag: 'y' });
    await sdk.add(outside, { _id: 'new', v: 1, tag: 'x' });
    await outside.doc('gone').remove();
    // The same read again, a first read after the commits, a query and a missing-then-added id: all as at
    // the start.
    expect(await read(c, 'a')).toEqual([{ _id: 'a', v: 0, tag: 'x' }]);
    expect(await read(c, 'b')).toEqual([{ _id: 'b', v: 0, tag: 'x' }]);
    expect(await read(c, 'new')).toEqual([]);
    expect(await read(c, 'gone')).toEqual([{ _id: 'gone', v: 0, tag: 'x' }]);
    expect(byId(sdk.docs(await c.where({ tag: 'x' }).get()))).toEqual([
      { _id: 'a', v: 0, tag: 'x' },
      { _id: 'b', v: 0, tag: 'x' },
      { _id: 'gone', v: 0, tag: 'x' },
    ]);
    expect(sdk.docs(await c.where({ _id: sdk.db.command.in(['a', 'new', 'gone']) }).get())).toHaveLength(2);
    // Only reads: the commit succeeds, and the others' writes stand.
    await tx.commit();
    expect(byId(sdk.docs(await outside.where({ tag: 'x' }).get()))).toEqual([
      { _id: 'a', v: 1, tag: 'x' },
      { _id: 'new', v: 1, tag: 'x' },
    ]);
  });

  it('its own writes are on top of its snapshot', async () => {
    const { name, all } = await seeded([{ _id: 'a', v: 0 }]);
    const tx = await start();
    const c = tx.collection(name);
    await sdk.add(sdk.db.collection(name), { _id: 'other', v: 5 });
    await sdk.add(c, { _id: 'mine', v: 2 });
    await sdk.update(c.doc('a'), { v: 1 });
    expect(byId(sdk.docs(await c.where({ v: sdk.db.command.gte(0) }).get()))).toEqual([
      { _id: 'a', v: 1 },
      { _id: 'mine', v: 2 },
    ]);
    await tx.commit();
    expect(await all()).toEqual([
      { _id: 'a', v: 1 },
      { _id: 'mine', v: 2 },
      { _id: 'other', v: 5 },
    ]);
  });

  it('no lost update: of two transactions writing what they read, the second to commit conflicts', async () => {
    const { name, all } = await seeded([{ _id: 'counter', n: 0 }]);
    const t1 = await start();
    const t2 = await start();
    const n1 = (await read(t1.collection(name), 'counter'))[0]!['n'] as number;
    const n2 = (await read(t2.collection(name), 'counter'))[0]!['n'] as number;
    await sdk.update(t1.collection(name).doc('counter'), { n: n1 + 1 });
    await sdk.update(t2.collection(name).doc('counter'), { n: n2 + 1 });
    await t1.commit();
    await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await all()).toEqual([{ _id: 'counter', n: 1 }]);
  });

  it('no lost update: a write to a document changed since the start conflicts, even an unread _.inc', async () => {
    const { name, all } = await seeded([{ _id: 'counter', n: 0 }]);
    const tx = await start();
    await read(tx.collection(name), 'other');
    await sdk.update(sdk.db.collection(name).doc('counter'), { n: sdk.db.command.inc(1) });
    await sdk.update(tx.collection(name).doc('counter'), { n: sdk.db.command.inc(10) });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await all()).toEqual([{ _id: 'counter', n: 1 }]);
  });

  it("concurrent read-modify-write transactions all land, through runTransaction's retries", async () => {
    const { name, all } = await seeded([{ _id: 'counter', n: 0 }]);
    await Promise.all(
      Array.from({ length: 3 }, () =>
        run(async (tx) => {
          const n = (await read(tx.collection(name), 'counter'))[0]!['n'] as number;
          await sdk.update(tx.collection(name).doc('counter'), { n: n + 1 });
        }, 5),
      ),
    );
    expect(await all()).toEqual([{ _id: 'counter', n: 3 }]);
  });

  it('an insert of an _id the transaction never read, committed by another since its start, is a conflict', async () => {
    const { name, all } = await seeded([]);
    const tx = await start();
    await sdk.add(sdk.db.collection(name), { _id: 'fu-1', by: 'other' });
    // Not a duplicate key: the snapshot has no such document (MongoDB: WriteConflict).
    await expect(sdk.add(tx.collection(name), { _id: 'fu-1', by: 'tx' })).rejects.toMatchObject(
      sdk.failure('collection.add', 'DATABASE_TRANSACTION_CONFLICT', /transaction conflict/),
    );
    // The conflict ended the transaction: its next call and its commit answer it; rollback still works.
    await expect(sdk.add(tx.collection(name), { _id: 'fu-2' })).rejects.toMatchObject(
      sdk.failure('collection.add', 'DATABASE_TRANSACTION_CONFLICT', /transaction conflict/),
    );
    await tx.rollback();
    expect(await all()).toEqual([{ _id: 'fu-1', by: 'other' }]);
  });

  it('two transactions inserting one new _id: the first commit wins, the second conflicts', async () => {
    const { name, all } = await seeded([]);
    const t1 = await start();
    const t2 = await start();
    await sdk.add(t1.collection(name), { _id: 'key', by: 't1' });
    await sdk.add(t2.collection(name), { _id: 'key', by: 't2' });
    await t1.commit();
    await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await all()).toEqual([{ _id: 'key', by: 't1' }]);
  });

  it('a unique-index key committed by another since the start is a conflict at commit', async () => {
    const accounts = sdk.db.collection('tx_accounts');
    const phone = `1390000${sdk.name === 'node-sdk' ? '1' : '2'}`;
    const tx = await start();
    await sdk.add(tx.collection('tx_accounts'), { _id: `mine-${phone}`, phone });
    await sdk.add(accounts, { _id: `theirs-${phone}`, phone });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(sdk.docs(await accounts.where({ phone }).get())).toEqual([{ _id: `theirs-${phone}`, phone }]);
  });

  it('a commit that fails applies nothing, and so conflicts with nobody', async () => {
    const { name, all } = await seeded([{ _id: 'a', v: 0 }]);
    const phone = `1370000${sdk.name === 'node-sdk' ? '1' : '2'}`;
    await sdk.add(sdk.db.collection('tx_accounts'), { _id: `held-${phone}`, phone });
    const later = await start();
    expect(await read(later.collection(name), 'a')).toEqual([{ _id: 'a', v: 0 }]);
    // Writes `a`, then fails on the unique phone: its write of `a` is rolled back with the rest.
    await expect(
      run(async (tx) => {
        await sdk.update(tx.collection(name).doc('a'), { v: 1 });
        await sdk.add(tx.collection('tx_accounts'), { _id: `dup-${phone}`, phone });
      }),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await sdk.update(later.collection(name).doc('a'), { v: 2 });
    await later.commit();
    expect(await all()).toEqual([{ _id: 'a', v: 2 }]);
  });

  it('reads never conflict: a read-only transaction, or one writing other documents, commits once', async () => {
    const { name, all } = await seeded([
      { _id: 'a', v: 0 },
      { _id: 'b', v: 0 },
    ]);
    const outside = sdk.db.collection(name);
    let attempts = 0;
    const seen = await run(async (tx) => {
      attempts += 1;
      const c = tx.collection(name);
      const before = sdk.docs(await c.where({}).get());
      await sdk.update(outside.doc('a'), { v: sdk.db.command.inc(1) });
      await sdk.update(outside.doc('b'), { v: sdk.db.command.inc(1) });
      const after = sdk.docs(await c.where({}).get());
      return [before, after];
    });
    expect(attempts).toBe(1);
    expect(seen[0]).toEqual(seen[1]);
    // A transaction that read `a` (changed by another since) and writes only `log` commits too: snapshot
    // isolation checks what a transaction writes, not what it read.
    attempts = 0;
    await run(async (tx) => {
      attempts += 1;
      const c = tx.collection(name);
      const a = (await read(c, 'a'))[0]!;
      await sdk.update(outside.doc('a'), { v: sdk.db.command.inc(1) });
      await sdk.add(c, { _id: 'log', sawA: a['v'] });
    });
    expect(attempts).toBe(1);
    expect(await all()).toEqual([
      { _id: 'a', v: 2 },
      { _id: 'b', v: 1 },
      { _id: 'log', sawA: 1 },
    ]);
  });
});

describe('node-sdk updateAndReturn inside a transaction', () => {
  it('returns the updated document, and the update lands with the commit', async () => {
    const sdk = connect('node-sdk', s.serviceUrl);
    const name = freshCollection(s, 'txuar');
    await sdk.add(sdk.db.collection(name), [
      { _id: 'q1', state: '排队', n: 0 },
      { _id: 'q2', state: '排队', n: 0 },
    ]);
    const db = sdk.db as unknown as { runTransaction: RunTransaction };
    const claimed = await db.runTransaction(async (tx) => {
      const res = await tx
        .collection(name)
        .where({ _id: 'q2' })
        .updateAndReturn({ state: '处理中', n: sdk.db.command.inc(1) });
      expect(await sdk.db.collection(name).doc('q2').get()).toEqual(
        sdk.result.docGet({ _id: 'q2', state: '排队', n: 0 }),
      );
      return res;
    });
    expect(claimed).toEqual({
      updated: 1,
      doc: { _id: 'q2', state: '处理中', n: 1 },
      requestId: expect.any(String),
    });
    expect(await sdk.db.collection(name).doc('q2').get()).toEqual(
      sdk.result.docGet({ _id: 'q2', state: '处理中', n: 1 }),
    );
  });
});
