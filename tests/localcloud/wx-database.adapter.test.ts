/**
 * function-kit's DatabasePort on wx-server-sdk, on a real local cloud (an unmodified wx-server-sdk talking HTTP
 * to the emulator): first the very contract suite the core tests run against the in-memory double
 * (tests/core/support/database-port.contract.ts), then what only this adapter has to get right — retrying
 * conflicts wx-server-sdk does not retry, telling a taken `_id` from another unique index, prefix queries an
 * index serves, and patches of plain objects.
 *
 * CloudBase answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created (the SDKs never create one
 * implicitly), while the contract names a fresh collection per test. So the port under the contract is wrapped
 * to create each collection on the local cloud directly (as an operator would in the console) the first time a
 * call names it; every call then goes to the adapter unchanged.
 */
import { describeDatabasePortContract } from '../core/support/database-port.contract';
import type { DatabasePort, StoredDocument, TransactionPort } from '../../core/kernel/database.port';
import { createWxDatabasePort } from '../../function-kit/wx-database.adapter';
import { CloudError, CloudErrorCode } from '../../localcloud/protocol/cloud-error';
import { catalog, startLocalCloud, wxSdk, type StartedCloud } from '../helpers/local-cloud.fixture';

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud({
    catalog: catalog({
      wxa_accounts: [{ name: 'phone_1', fields: [['phone', 1]], unique: true }],
      wxa_providers: [
        {
          name: 'orgPath_1_status_1',
          fields: [
            ['orgPath', 1],
            ['status', 1],
          ],
        },
      ],
    }),
    createDeclaredCollections: true,
  });
});
afterAll(async () => {
  await s.stop();
});

/** The port with every collection it names created first (the adapter itself is untouched). */
function withCollections(port: DatabasePort, ensure: (name: string) => void): DatabasePort {
  const first =
    <A extends [string, ...unknown[]], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      ensure(args[0]);
      return f(...args);
    };
  const wrapTx = (tx: TransactionPort): TransactionPort => ({
    get: first(tx.get.bind(tx)) as TransactionPort['get'],
    insert: first(tx.insert.bind(tx)),
    update: first(tx.update.bind(tx)),
  });
  return {
    command: port.command,
    get: first(port.get.bind(port)) as DatabasePort['get'],
    findOne: first(port.findOne.bind(port)) as DatabasePort['findOne'],
    find: first(port.find.bind(port)) as DatabasePort['find'],
    count: first(port.count.bind(port)),
    insert: first(port.insert.bind(port)),
    update: first(port.update.bind(port)),
    updateWhere: first(port.updateWhere.bind(port)),
    removeWhere: first(port.removeWhere.bind(port)),
    runTransaction: (fn) => port.runTransaction((tx) => fn(wrapTx(tx))),
  };
}

describeDatabasePortContract('wx-server-sdk on the local cloud', () =>
  withCollections(createWxDatabasePort(wxSdk(s.serviceUrl)), (name) => s.cloud.db.ensureCollection(name)),
);

/** A test document (object literals with extra fields are still stored documents). */
const d = (doc: StoredDocument & Record<string, unknown>): StoredDocument => doc;

describe('wx-server-sdk adapter beyond the contract', () => {
  let db: DatabasePort;
  let seq = 0;
  /** A new collection of its own for one test. */
  const fresh = (): string => {
    const name = `wxa_${(seq += 1)}`;
    s.cloud.db.ensureCollection(name);
    return name;
  };
  beforeAll(() => {
    db = createWxDatabasePort(wxSdk(s.serviceUrl));
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('runTransaction answers the callback value; tx.get of a missing document is null', async () => {
    const c = fresh();
    expect(
      await db.runTransaction(async (tx) => {
        expect(await tx.get(c, 'nope')).toBeNull();
        return '已提交';
      }),
    ).toBe('已提交');
  });

  test('more concurrent writers of one document than wx-server-sdk retries for all land', async () => {
    // wx-server-sdk alone makes 4 attempts back to back, which 12 writers in lockstep outlast; the adapter
    // retries (after a random pause) itself.
    const c = fresh();
    await db.insert(c, d({ _id: 'counter', n: 0 }));
    await Promise.all(
      Array.from({ length: 12 }, () =>
        db.runTransaction(async (tx) => {
          const doc = await tx.get<{ _id: string; n: number }>(c, 'counter');
          await tx.update(c, 'counter', { n: doc!.n + 1 });
        }),
      ),
    );
    expect(await db.get(c, 'counter')).toEqual({ _id: 'counter', n: 12 });
  });

  test('a conflict reported by a write inside the transaction runs the callback again', async () => {
    // The idempotency pattern (core/kernel/command.runner.ts): read a key, insert it when absent. Another
    // request stores the key in between; the insert conflicts (MongoDB's WriteConflict). wx-server-sdk turns a
    // document operation's error into errCode -501001 without the code and does not retry it: the adapter does,
    // and the second run finds the key.
    const c = fresh();
    let attempts = 0;
    const result = await db.runTransaction(async (tx) => {
      attempts += 1;
      const stored = await tx.get<{ _id: string; by: string }>(c, 'key');
      if (stored) return `replayed ${stored.by}`;
      if (attempts === 1) await db.insert(c, d({ _id: 'key', by: 'other' }));
      await tx.insert(c, d({ _id: 'key', by: 'me' }));
      return 'stored';
    });
    expect(result).toBe('replayed other');
    expect(attempts).toBe(2);
    expect(await db.get(c, 'key')).toEqual({ _id: 'key', by: 'other' });
  });

  test('a conflict on an insert of an _id the transaction never read runs the callback again', async () => {
    // order.done's follow-up `fu-<orderId>` is inserted without being read first. The local cloud, as
    // MongoDB, reports a write conflict, not a duplicate key, when another request committed it meanwhile.
    const c = fresh();
    await db.insert(c, d({ _id: 'order', status: 'accepted' }));
    const inserts = jest.spyOn(s.cloud.db, 'insert');
    let attempts = 0;
    const outcome = await db.runTransaction(async (tx) => {
      attempts += 1;
      const order = await tx.get<{ _id: string; status: string }>(c, 'order');
      if (order!.status !== 'accepted') return 'already done';
      if (attempts === 1) {
        await db.insert(c, d({ _id: 'fu-order', by: 'other' }));
        await db.update(c, 'order', { status: 'done' });
      }
      await tx.insert(c, d({ _id: 'fu-order', by: 'me' }));
      return 'done';
    });
    expect({ outcome, attempts }).toEqual({ outcome: 'already done', attempts: 2 });
    // The failed insert was the transaction's (a transaction id), answered as a conflict.
    const txInsert = inserts.mock.results.find((r, i) => inserts.mock.calls[i]![2] !== undefined);
    expect(txInsert).toMatchObject({ type: 'throw', value: { code: 'DATABASE_TRANSACTION_CONFLICT' } });
  });

  test('a duplicate key for an _id the transaction cannot see is retried once as the race it is', async () => {
    // Should a service answer a duplicate key where MongoDB answers a write conflict, the adapter asks the
    // transaction whether it sees the document: it does not, so another request committed it meanwhile.
    const c = fresh();
    const realInsert = s.cloud.db.insert.bind(s.cloud.db);
    jest.spyOn(s.cloud.db, 'insert').mockImplementation((collection, docs, txId) => {
      const id = docs[0]!['_id'] as string;
      if (txId !== undefined && (id === 'phantom' || s.cloud.db.getRawById(collection, id).length > 0)) {
        throw new CloudError(CloudErrorCode.DuplicateKey, 'E11000 duplicate key error index: _id_');
      }
      return realInsert(collection, docs, txId);
    });
    let attempts = 0;
    const result = await db.runTransaction(async (tx) => {
      attempts += 1;
      const stored = await tx.get<{ _id: string; by: string }>(c, 'key-record');
      if (stored) return `replayed ${stored.by}`;
      if (attempts === 1) await db.insert(c, d({ _id: 'key-record', by: 'other' }));
      await tx.insert(c, d({ _id: 'key-record', by: 'me' }));
      return 'stored';
    });
    expect({ result, attempts }).toEqual({ result: 'replayed other', attempts: 2 });
    // A duplicate of a document the transaction sees is real: it fails at once.
    attempts = 0;
    await expect(
      db.runTransaction(async (tx) => {
        attempts += 1;
        await tx.insert(c, d({ _id: 'key-record', by: 'me' }));
      }),
    ).rejects.toMatchObject({ errMsg: expect.stringMatching(/duplicate key/) as unknown });
    expect(attempts).toBe(1);
    // So is one the next attempt runs into again (another unique key, say): it fails after one retry.
    attempts = 0;
    await expect(
      db.runTransaction(async (tx) => {
        attempts += 1;
        await tx.insert(c, d({ _id: 'phantom' }));
      }),
    ).rejects.toMatchObject({ errMsg: expect.stringMatching(/duplicate key/) as unknown });
    expect(attempts).toBe(2);
    expect(await db.get(c, 'phantom')).toBeNull();
  });

  test('a callback error is not retried, even one that mentions a conflict', async () => {
    const c = fresh();
    let attempts = 0;
    await expect(
      db.runTransaction(async (tx) => {
        attempts += 1;
        await tx.insert(c, d({ _id: 'x' }));
        throw Object.assign(new Error('order conflict'), { code: 'IDEMPOTENCY_CONFLICT' });
      }),
    ).rejects.toThrow('order conflict');
    expect(attempts).toBe(1);
    expect(await db.get(c, 'x')).toBeNull();
  });

  test('tx.insert of an existing _id and tx.update of a missing document fail the transaction', async () => {
    const c = fresh();
    await db.insert(c, d({ _id: 'a', n: 1 }));
    await expect(
      db.runTransaction(async (tx) => {
        await tx.update(c, 'a', { n: 2 });
        await tx.insert(c, d({ _id: 'a', n: 3 }));
      }),
    ).rejects.toMatchObject({ errMsg: expect.stringMatching(/duplicate key/) as unknown });
    await expect(
      db.runTransaction(async (tx) => {
        await tx.update(c, 'a', { n: 2 });
        await tx.update(c, 'missing', { n: 2 });
      }),
    ).rejects.toThrow('update of a missing document');
    expect(await db.get(c, 'a')).toEqual({ _id: 'a', n: 1 });
    expect(await db.get(c, 'missing')).toBeNull();
  });

  test('insert answers false only for a taken _id; another unique index rejects', async () => {
    await db.insert('wxa_accounts', d({ _id: 'u1', phone: '13800000001' }));
    expect(await db.insert('wxa_accounts', d({ _id: 'u1', phone: '13800000002' }))).toBe(false);
    await expect(db.insert('wxa_accounts', d({ _id: 'u2', phone: '13800000001' }))).rejects.toMatchObject({
      errCode: -501001,
      errMsg: expect.stringMatching(/duplicate key.*phone_1/) as unknown,
    });
    expect(await db.get('wxa_accounts', 'u2')).toBeNull();
  });

  test('prefix takes regex characters literally, and the declared index serves it', async () => {
    const c = 'wxa_providers';
    await db.insert(c, d({ _id: 'a', orgPath: '/玉林.1/(2)/', status: 'active' }));
    await db.insert(c, d({ _id: 'b', orgPath: '/玉林.1/(2)/3-4/', status: 'active' }));
    await db.insert(c, d({ _id: 'c', orgPath: '/玉林X1/(2)/', status: 'active' }));
    await db.insert(c, d({ _id: 'd', orgPath: '/玉林.1/(2)/', status: 'paused' }));
    await db.insert(c, d({ _id: 'e', orgPath: '/0/玉林.1/(2)/', status: 'active' }));
    const scans = jest.spyOn(s.cloud.store, 'scan');
    const _ = db.command;
    const ids = async (where: Parameters<DatabasePort['find']>[1]) =>
      (await db.find(c, where, { orderBy: [['_id', 'asc']] })).map((x) => x._id);
    expect(await ids({ orgPath: _.prefix('/玉林.1/(2)/'), status: 'active' })).toEqual(['a', 'b']);
    expect(await ids({ orgPath: _.prefix('/玉林.1/(2)/3-') })).toEqual(['b']);
    expect(await ids({ orgPath: _.and([_.prefix('/玉林.1/'), _.neq('/玉林.1/(2)/')]) })).toEqual(['b']);
    expect(await db.count(c, { orgPath: _.prefix('/玉林') })).toBe(4);
    expect(scans.mock.calls.filter(([name]) => name === c)).toHaveLength(0);
  });

  test('a plain object in a patch replaces the field whole, at a dotted path too; {} is kept', async () => {
    const c = fresh();
    await db.insert(c, d({ _id: 'a', grants: [{ role: 'r', providerId: 'p1', extra: 1 }], meta: { x: 1 } }));
    expect(await db.update(c, 'a', { 'grants.0': { role: 'q' }, meta: {}, 'deep.y': { z: 1 } })).toBe(true);
    expect(await db.get(c, 'a')).toEqual({
      _id: 'a',
      grants: [{ role: 'q' }],
      meta: {},
      deep: { y: { z: 1 } },
    });
    expect(await db.updateWhere(c, { _id: 'a' }, { 'deep.y': { w: 2 } })).toBe(1);
    expect(await db.get(c, 'a')).toMatchObject({ deep: { y: { w: 2 } } });
  });
});
