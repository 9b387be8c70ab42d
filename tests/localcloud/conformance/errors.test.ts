/**
 * Conformance: errors. Through both real SDKs: unknown collection, invalid operator, unique-index and
 * duplicate-`_id` violations, each as the SDK surfaces it (node `code`, wx `errCode` / `errMsg`,
 * docs/wire-protocol.md section 1), and nothing written. With plain `fetch` (requests the SDKs never send):
 * malformed JSON, unknown action, invalid operators, an oversized body and wrong field types each get an
 * HTTP 200 `{code, message}` reply with a stable code and a Chinese message, write nothing, and the server
 * keeps serving.
 */
import { catalog, startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { SDK_NAMES, connect, freshCollection, type Sdk } from './sdks';

function uniqueIndexes(t: string) {
  const key = (...fields: string[]) => fields.map((f): [string, 1] => [f, 1]);
  return {
    [`err_phone_${t}`]: [{ name: 'phone_1', fields: key('phone'), unique: true }],
    [`err_org_${t}`]: [{ name: 'org_1_no_1', fields: key('org', 'no'), unique: true }],
  };
}

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud({
    // One set per SDK, so the two describe blocks never share a unique key space.
    catalog: catalog({ ...uniqueIndexes('n'), ...uniqueIndexes('w') }),
    createDeclaredCollections: true,
  });
});
afterAll(async () => {
  await s.stop();
});

describe.each(SDK_NAMES)('errors through %s', (sdkName) => {
  let sdk: Sdk;
  beforeAll(() => {
    sdk = connect(sdkName, s.serviceUrl);
  });

  describe('unknown collection', () => {
    const NOT_EXIST = 'DATABASE_COLLECTION_NOT_EXIST';
    const missing = () => sdk.db.collection('no_such_collection');

    it('get', async () => {
      await expect(missing().where({ a: 1 }).get()).rejects.toMatchObject(
        sdk.failure('collection.get', NOT_EXIST, /no_such_collection/),
      );
    });
    it('count', async () => {
      await expect(missing().count()).rejects.toMatchObject(sdk.failure('collection.count', NOT_EXIST));
    });
    it('add', async () => {
      await expect(sdk.add(missing(), { a: 1 })).rejects.toMatchObject(
        sdk.failure('collection.add', NOT_EXIST),
      );
    });
    it('doc get / update / set / remove', async () => {
      await expect(missing().doc('x').get()).rejects.toMatchObject(sdk.failure('document.get', NOT_EXIST));
      await expect(sdk.update(missing().doc('x'), { a: 1 })).rejects.toMatchObject(
        sdk.failure('document.update', NOT_EXIST),
      );
      await expect(sdk.set(missing().doc('x'), { a: 1 })).rejects.toMatchObject(
        sdk.failure('document.set', NOT_EXIST),
      );
      await expect(missing().doc('x').remove()).rejects.toMatchObject(
        sdk.failure('document.remove', NOT_EXIST),
      );
    });
    it('where update / remove', async () => {
      await expect(sdk.update(missing().where({ a: 1 }), { a: 2 })).rejects.toMatchObject(
        sdk.failure('collection.update', NOT_EXIST),
      );
      await expect(missing().where({ a: 1 }).remove()).rejects.toMatchObject(
        sdk.failure('collection.remove', NOT_EXIST),
      );
    });
    it('aggregate', async () => {
      await expect(missing().aggregate().match({ a: 1 }).end()).rejects.toMatchObject(
        sdk.failure('collection.aggregate', NOT_EXIST),
      );
    });
  });

  describe('invalid operator', () => {
    it('in a query (_.expr with an unknown operator)', async () => {
      const name = freshCollection(s, 'badop', sdk);
      await sdk.add(sdk.db.collection(name), { a: 1 });
      const q = sdk.db.collection(name).where(sdk.db.command.expr({ $foo: ['$a', 1] } as never));
      await expect(q.get()).rejects.toMatchObject(
        sdk.failure('collection.get', 'DATABASE_INVALID_OPERRATOR', /\$foo/),
      );
      await expect(q.count()).rejects.toMatchObject(
        sdk.failure('collection.count', 'DATABASE_INVALID_OPERRATOR'),
      );
    });

    it('in the query of a where().update(): nothing is written', async () => {
      const name = freshCollection(s, 'badop', sdk);
      await sdk.add(sdk.db.collection(name), [{ a: 1 }, { a: 2 }]);
      const q = sdk.db.collection(name).where(sdk.db.command.expr({ $foo: 1 } as never));
      await expect(sdk.update(q, { b: 1 })).rejects.toMatchObject(
        sdk.failure('collection.update', 'DATABASE_INVALID_OPERRATOR'),
      );
      expect(await sdk.db.collection(name).where({ b: 1 }).count()).toEqual(sdk.result.count(0));
    });

    it('in an aggregate expression', async () => {
      const name = freshCollection(s, 'badop', sdk);
      await sdk.add(sdk.db.collection(name), { a: 1 });
      const res = sdk.db
        .collection(name)
        .aggregate()
        .addFields({ b: { $noSuchOperator: ['$a'] } })
        .end();
      await expect(res).rejects.toMatchObject(
        sdk.failure('collection.aggregate', 'DATABASE_INVALID_OPERRATOR'),
      );
    });
  });

  describe('duplicate writes', () => {
    const DUP = 'DATABASE_DUPLICATE_WRITE';
    const tag = () => (sdk.name === 'node-sdk' ? 'n' : 'w');

    it('add with an existing _id fails and keeps the original', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'dup', sdk));
      await sdk.add(coll, { _id: 'a', v: '原始' });
      await expect(sdk.add(coll, { _id: 'a', v: '覆盖' })).rejects.toMatchObject(
        sdk.failure('collection.add', DUP, /duplicate key/),
      );
      expect(await coll.doc('a').get()).toEqual(sdk.result.docGet({ _id: 'a', v: '原始' }));
    });

    it('a batch add with one duplicate _id writes none of the batch', async () => {
      const coll = sdk.db.collection(freshCollection(s, 'dup', sdk));
      await sdk.add(coll, { _id: 'a' });
      await expect(
        sdk.add(coll, [{ _id: 'b' }, { _id: 'c' }, { _id: 'a' }, { _id: 'd' }]),
      ).rejects.toMatchObject(sdk.failure('collection.add', DUP));
      await expect(sdk.add(coll, [{ _id: 'e' }, { _id: 'e' }])).rejects.toMatchObject(
        sdk.failure('collection.add', DUP),
      );
      expect(sdk.docs(await coll.get())).toEqual([{ _id: 'a' }]);
    });

    it('a declared unique index rejects a second document with the same key', async () => {
      const users = sdk.db.collection(`err_phone_${tag()}`);
      const phone = `1390000000${tag()}`;
      await sdk.add(users, { _id: `u1${tag()}`, phone });
      await expect(sdk.add(users, { _id: `u2${tag()}`, phone })).rejects.toMatchObject(
        sdk.failure('collection.add', DUP, /phone_1/),
      );
      expect(await users.where({ phone }).count()).toEqual(sdk.result.count(1));
    });

    it('a unique index is enforced on update, set and multi-document where().update()', async () => {
      const users = sdk.db.collection(`err_phone_${tag()}`);
      const t = tag();
      await sdk.add(users, [
        { _id: `m1${t}`, phone: `a${t}` },
        { _id: `m2${t}`, phone: `b${t}` },
        { _id: `m3${t}`, phone: `c${t}`, grp: `g${t}` },
        { _id: `m4${t}`, phone: `d${t}`, grp: `g${t}` },
      ]);
      await expect(sdk.update(users.doc(`m2${t}`), { phone: `a${t}` })).rejects.toMatchObject(
        sdk.failure('document.update', DUP),
      );
      await expect(sdk.set(users.doc(`m2${t}`), { phone: `a${t}` })).rejects.toMatchObject(
        sdk.failure('document.set', DUP),
      );
      // Two documents would get the same phone: neither is changed.
      await expect(sdk.update(users.where({ grp: `g${t}` }), { phone: `z${t}` })).rejects.toMatchObject(
        sdk.failure('collection.update', DUP),
      );
      expect(
        sdk.docs(await users.where({ _id: sdk.db.command.in([`m2${t}`, `m3${t}`, `m4${t}`]) }).get()),
      ).toEqual([
        { _id: `m2${t}`, phone: `b${t}` },
        { _id: `m3${t}`, phone: `c${t}`, grp: `g${t}` },
        { _id: `m4${t}`, phone: `d${t}`, grp: `g${t}` },
      ]);
    });

    it('documents without the indexed field share the null key (MongoDB semantics)', async () => {
      const org = sdk.db.collection(`err_org_${tag()}`);
      await sdk.add(org, { _id: 'nokey1', other: 1 });
      await expect(sdk.add(org, { _id: 'nokey2', other: 2 })).rejects.toMatchObject(
        sdk.failure('collection.add', DUP, /org_1_no_1/),
      );
      await org.doc('nokey1').remove();
    });

    it('a compound unique index compares the whole key', async () => {
      const users = sdk.db.collection(`err_org_${tag()}`);
      const t = tag();
      await sdk.add(users, { _id: `c1${t}`, org: `玉林${t}`, no: 1 });
      expect(await sdk.add(users, { _id: `c2${t}`, org: `玉林${t}`, no: 2 })).toEqual(
        sdk.result.addOne(`c2${t}`),
      );
      expect(await sdk.add(users, { _id: `c3${t}`, org: `南宁${t}`, no: 1 })).toEqual(
        sdk.result.addOne(`c3${t}`),
      );
      await expect(sdk.add(users, { _id: `c4${t}`, org: `玉林${t}`, no: 1 })).rejects.toMatchObject(
        sdk.failure('collection.add', DUP, /org_1_no_1/),
      );
    });
  });
});

// ---------- bad raw input (plain fetch; the SDKs never send these) ----------

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function post(
  serviceUrl: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await fetch(`${serviceUrl}?env=local-test&seqId=raw-1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const CHINESE = /[\u4e00-\u9fff]/;

function expectCoded(reply: Reply, code: string): void {
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ code, message: expect.stringMatching(CHINESE), requestId: 'raw-1' });
}

describe('bad raw input', () => {
  let name: string;
  let sdk: Sdk;
  const send = (body: unknown) => post(s.serviceUrl, JSON.stringify(body));
  const count = async () => ((await sdk.db.collection(name).count()) as { total: number }).total;

  beforeAll(async () => {
    sdk = connect('node-sdk', s.serviceUrl);
    name = freshCollection(s, 'raw');
    await sdk.add(sdk.db.collection(name), { _id: 'seed', n: 1 });
  });

  afterEach(async () => {
    // Nothing written, and the server still answers a valid request through the SDK.
    expect(await count()).toBe(1);
    expect(await sdk.db.collection(name).doc('seed').get()).toEqual(sdk.result.docGet({ _id: 'seed', n: 1 }));
  });

  it('malformed JSON', async () => {
    expectCoded(
      await post(s.serviceUrl, '{"action":"database.insertDocument","collectionName":'),
      'INVALID_PARAM',
    );
    expectCoded(await post(s.serviceUrl, ''), 'INVALID_PARAM');
    expectCoded(await post(s.serviceUrl, '[1,2]'), 'INVALID_PARAM');
  });

  it('missing or unknown action', async () => {
    expectCoded(await send({ collectionName: name }), 'INVALID_PARAM');
    expectCoded(await send({ action: 'database.dropEverything', collectionName: name }), 'INVALID_ACTION');
    expectCoded(await send({ action: 42 }), 'INVALID_PARAM');
  });

  it('invalid query operator', async () => {
    expectCoded(
      await send({
        action: 'database.getDocument',
        collectionName: name,
        queryType: 'WHERE',
        query: '{"n":{"$foo":1}}',
        limit: 10,
      }),
      'DATABASE_INVALID_OPERRATOR',
    );
    expectCoded(
      await send({ action: 'database.calculateDocument', collectionName: name, query: '{"$where":"1"}' }),
      'DATABASE_INVALID_OPERRATOR',
    );
  });

  it('invalid update operator writes nothing', async () => {
    expectCoded(
      await send({
        action: 'database.modifyDocument',
        collectionName: name,
        queryType: 'WHERE',
        query: '{}',
        multi: true,
        merge: true,
        upsert: false,
        data: '{"$set":{"n":2},"$foo":{"n":3}}',
      }),
      'DATABASE_INVALID_OPERRATOR',
    );
    expectCoded(
      await send({
        action: 'database.modifyAndReturnDoc',
        collectionName: name,
        queryType: 'WHERE',
        query: '{}',
        data: '{"$explode":{"n":1}}',
      }),
      'DATABASE_INVALID_OPERRATOR',
    );
  });

  it('a document with an operator key writes none of the batch', async () => {
    expectCoded(
      await send({
        action: 'database.insertDocument',
        collectionName: name,
        data: ['{"_id":"ok1"}', '{"$set":{"a":1}}'],
      }),
      'DATABASE_INVALID_OPERRATOR',
    );
  });

  it('unknown aggregate stage and operator', async () => {
    expectCoded(
      await send({
        action: 'database.aggregateDocuments',
        collectionName: name,
        stages: [{ stageKey: '$frobnicate', stageValue: '{}' }],
      }),
      'DATABASE_INVALID_OPERRATOR',
    );
    expectCoded(
      await send({
        action: 'database.aggregateDocuments',
        collectionName: name,
        stages: [{ stageKey: '$project', stageValue: '{"x":{"$nope":1}}' }],
      }),
      'DATABASE_INVALID_OPERRATOR',
    );
  });

  it('wrong types', async () => {
    const get = { action: 'database.getDocument', collectionName: name, queryType: 'WHERE', query: '{}' };
    expectCoded(await send({ ...get, limit: '10' }), 'INVALID_PARAM');
    expectCoded(await send({ ...get, limit: -1 }), 'INVALID_PARAM');
    expectCoded(await send({ ...get, limit: 10, offset: 1.5 }), 'INVALID_PARAM');
    expectCoded(await send({ ...get, limit: 10, query: { n: 1 } }), 'INVALID_PARAM');
    expectCoded(await send({ ...get, limit: 10, order: '{"n":2}' }), 'INVALID_PARAM');
    expectCoded(await send({ ...get, limit: 10, queryType: 'SQL' }), 'INVALID_PARAM');
    expectCoded(await send({ ...get, collectionName: 7 }), 'INVALID_PARAM');
    const insert = { action: 'database.insertDocument', collectionName: name };
    expectCoded(await send({ ...insert, data: '{"a":1}' }), 'INVALID_PARAM');
    expectCoded(await send({ ...insert, data: [] }), 'INVALID_PARAM');
    expectCoded(await send({ ...insert, data: ['{"_id":"ok2"}', { a: 1 }] }), 'INVALID_PARAM');
    expectCoded(await send({ ...insert, data: ['{"_id":"ok3"}', 'not ejson'] }), 'INVALID_PARAM');
    expectCoded(await send({ ...insert, data: ['{"_id":"ok4"}', '[1]'] }), 'INVALID_PARAM');
    expectCoded(await send({ ...insert, data: ['{"_id":5}'] }), 'INVALID_PARAM');
    const modify = {
      action: 'database.modifyDocument',
      collectionName: name,
      queryType: 'WHERE',
      query: '{}',
    };
    expectCoded(await send({ ...modify, multi: 'yes', data: '{"$set":{"n":2}}' }), 'INVALID_PARAM');
    expectCoded(await send({ ...modify, multi: true, data: { $set: { n: 2 } } }), 'INVALID_PARAM');
    expectCoded(await send({ ...modify, multi: true, data: '{}' }), 'INVALID_PARAM');
    expectCoded(
      await send({ action: 'database.aggregateDocuments', collectionName: name, stages: '[]' }),
      'INVALID_PARAM',
    );
    expectCoded(await send({ action: 'database.commitTransaction' }), 'INVALID_PARAM');
  });

  it('unknown collection and unknown transaction', async () => {
    expectCoded(
      await send({ action: 'database.insertDocument', collectionName: 'nope_raw', data: ['{"a":1}'] }),
      'DATABASE_COLLECTION_NOT_EXIST',
    );
    expectCoded(
      await send({
        action: 'database.insertDocument',
        collectionName: name,
        data: ['{"a":1}'],
        transactionId: 'tx-none',
      }),
      'DATABASE_TRANSACTION_NOT_EXIST',
    );
  });
});

describe('oversized body', () => {
  let small: StartedCloud;
  let sdk: Sdk;
  const MAX = 4096;

  beforeAll(async () => {
    small = await startLocalCloud({ maxBodyBytes: MAX });
    small.cloud.db.ensureCollection('big');
    sdk = connect('node-sdk', small.serviceUrl);
  });
  afterAll(async () => {
    await small.stop();
  });

  it('is refused with a coded reply, writes nothing, and the server keeps serving', async () => {
    const doc = JSON.stringify({ _id: 'huge', text: '大'.repeat(MAX) });
    const body = JSON.stringify({ action: 'database.insertDocument', collectionName: 'big', data: [doc] });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX);
    expectCoded(await post(small.serviceUrl, body), 'INVALID_PARAM');
    // The SDK's own oversized write gets the same coded error.
    await expect(
      sdk.add(sdk.db.collection('big'), { _id: 'huge2', text: '大'.repeat(MAX) }),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: '请求体过大(上限 4 KB)',
    });
    expect(await sdk.db.collection('big').count()).toEqual(sdk.result.count(0));
    expect(await sdk.add(sdk.db.collection('big'), { _id: 'small', text: '小' })).toEqual(
      sdk.result.addOne('small'),
    );
    expect(await sdk.db.collection('big').count()).toEqual(sdk.result.count(1));
  });

  it('is refused when far larger than the limit (2 MB), and the server keeps serving', async () => {
    const doc = JSON.stringify({ _id: 'two-mb', text: 'x'.repeat(2 * 1024 * 1024) });
    const body = JSON.stringify({ action: 'database.insertDocument', collectionName: 'big', data: [doc] });
    expectCoded(await post(small.serviceUrl, body), 'INVALID_PARAM');
    expect(await sdk.db.collection('big').where({ _id: 'two-mb' }).count()).toEqual(sdk.result.count(0));
  });

  it('is refused when sent chunked, without a content-length', async () => {
    const doc = JSON.stringify({ _id: 'chunked', text: 'x'.repeat(MAX * 2) });
    const text = JSON.stringify({ action: 'database.insertDocument', collectionName: 'big', data: [doc] });
    const bytes = Buffer.from(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.subarray(i, i + 1024));
        controller.close();
      },
    });
    const res = await fetch(`${small.serviceUrl}?env=local-test&seqId=raw-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expectCoded({ status: res.status, body: (await res.json()) as Record<string, unknown> }, 'INVALID_PARAM');
    expect(await sdk.db.collection('big').where({ _id: 'chunked' }).count()).toEqual(sdk.result.count(0));
    expect(await (await fetch(`${small.cloud.url}/health`)).json()).toEqual({ status: 'ok' });
  });
});
