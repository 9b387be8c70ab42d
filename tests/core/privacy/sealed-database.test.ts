/**
 * The sealed database (core/privacy/sealed-database.ts) on the in-memory database: personal data is stored
 * sealed and read plain through every operation of the port, equality on the phone goes through its blind
 * index, values written before encryption still read, and what ciphertext cannot do is refused as a bug.
 */
import { PERSONAL_DATA_FIELDS } from '../../../core/privacy/personal-data.fields';
import { openDocument, sealDocument, sealedDatabase } from '../../../core/privacy/sealed-database';
import { COLLECTIONS } from '../../../core/model/collections.model';
import { MemoryDatabase } from '../support/memory-database';
import { MemoryCipher } from './memory-cipher';

type Doc = Record<string, unknown> & { _id: string };

function setup() {
  const raw = new MemoryDatabase();
  const cipher = new MemoryCipher();
  return { raw, cipher, db: sealedDatabase(raw, cipher) };
}

const USER = {
  _id: 'u1',
  openid: 'u1',
  nickname: '黄阿姨',
  realName: '黄秀英',
  phone: '13907750001',
  grants: [],
};
const stored = (raw: MemoryDatabase, collection: string, id: string) =>
  raw.all<Doc>(collection).find((d) => d._id === id)!;

describe('what is stored', () => {
  test('a user is stored with nickname, real name and phone sealed and a blind index beside the phone', async () => {
    const { raw, db, cipher } = setup();
    await db.insert(COLLECTIONS.users, USER);
    const doc = stored(raw, COLLECTIONS.users, 'u1');
    for (const field of ['nickname', 'realName', 'phone']) {
      expect(doc[field]).not.toContain(USER[field as keyof typeof USER] as string);
      expect(cipher.isSealed(doc[field] as string)).toBe(true);
    }
    expect(doc['phoneHash']).toBe(cipher.blindIndex('users.phone', '13907750001'));
    expect(doc['openid']).toBe('u1');
    expect(await db.get(COLLECTIONS.users, 'u1')).toEqual({ ...USER, phoneHash: doc['phoneHash'] });
  });

  test('an order keeps the resident name and the address sealed, and every other field plain', async () => {
    const { raw, db } = setup();
    const order = {
      _id: 'o1',
      residentOpenid: 'u1',
      residentName: '黄阿姨',
      serviceAddress: '3 栋 502',
      note: '下午在家',
      status: 'created',
    };
    await db.insert(COLLECTIONS.orders, order);
    const doc = stored(raw, COLLECTIONS.orders, 'o1');
    expect(JSON.stringify(doc)).not.toContain('黄阿姨');
    expect(JSON.stringify(doc)).not.toContain('3 栋 502');
    expect(doc).toMatchObject({ residentOpenid: 'u1', note: '下午在家', status: 'created' });
    expect(await db.find(COLLECTIONS.orders, { residentOpenid: 'u1' })).toEqual([order]);
  });

  test('null and empty values stay as they are (and give a null blind index)', async () => {
    const { raw, db } = setup();
    await db.insert(COLLECTIONS.users, { ...USER, phone: null, realName: '' } as Doc);
    expect(stored(raw, COLLECTIONS.users, 'u1')).toMatchObject({
      phone: null,
      realName: '',
      phoneHash: null,
    });
  });

  test('nested fields (a concern filed on behalf of someone) are sealed inside their object', async () => {
    const { raw, db } = setup();
    const concern = {
      _id: 'c1',
      residentName: '覃婆婆',
      onBehalfOf: { name: '覃婆婆', phone: '0775-1234567' },
      title: '楼道灯坏了',
    };
    await db.insert(COLLECTIONS.concerns, concern);
    const doc = stored(raw, COLLECTIONS.concerns, 'c1');
    expect(JSON.stringify(doc)).not.toMatch(/覃婆婆|1234567/);
    expect(doc['title']).toBe('楼道灯坏了');
    expect(await db.get(COLLECTIONS.concerns, 'c1')).toEqual(concern);
    await db.update(COLLECTIONS.concerns, 'c1', { onBehalfOf: { name: '覃阿公' } });
    expect(JSON.stringify(stored(raw, COLLECTIONS.concerns, 'c1'))).not.toContain('覃阿公');
    expect(await db.get(COLLECTIONS.concerns, 'c1')).toMatchObject({ onBehalfOf: { name: '覃阿公' } });
    await db.update(COLLECTIONS.concerns, 'c1', { onBehalfOf: null });
    expect(await db.get(COLLECTIONS.concerns, 'c1')).toMatchObject({ onBehalfOf: null });
  });

  test('the idempotency store keeps replies and fingerprints sealed (a fingerprint is a fast hash of the phone typed)', async () => {
    const { raw, db } = setup();
    const record = {
      _id: 'u1:req-1',
      key: 'u1:req-1',
      actorOpenid: 'u1',
      command: 'profile.bind',
      fingerprint: 'abc-def',
      result: { nickname: '黄阿姨' },
      at: 1,
    };
    await db.runTransaction(async (tx) => tx.insert(COLLECTIONS.idempotencyKeys, record));
    const doc = stored(raw, COLLECTIONS.idempotencyKeys, 'u1:req-1');
    expect(JSON.stringify(doc)).not.toMatch(/黄阿姨|abc-def/);
    expect(await db.runTransaction((tx) => tx.get(COLLECTIONS.idempotencyKeys, 'u1:req-1'))).toEqual(record);
  });

  test('collections without personal data pass through untouched', async () => {
    const { raw, db } = setup();
    const provider = { _id: 'p1', name: '惠民家电维修服务部', contactPhone: '0775-6067475' };
    await db.insert(COLLECTIONS.providers, provider);
    expect(stored(raw, COLLECTIONS.providers, 'p1')).toEqual(provider);
  });
});

describe('reading and writing through every operation', () => {
  test('updates, compare-and-set updates and multi-document updates seal what they write', async () => {
    const { raw, db, cipher } = setup();
    await db.insert(COLLECTIONS.users, USER);
    expect(
      await db.update(COLLECTIONS.users, 'u1', { phone: '13800001111' }, { ifMatch: { openid: 'u1' } }),
    ).toBe(true);
    expect(stored(raw, COLLECTIONS.users, 'u1')['phoneHash']).toBe(
      cipher.blindIndex('users.phone', '13800001111'),
    );
    expect(await db.updateWhere(COLLECTIONS.users, { openid: 'u1' }, { nickname: '黄姨' })).toBe(1);
    expect(JSON.stringify(stored(raw, COLLECTIONS.users, 'u1'))).not.toMatch(/13800001111|黄姨/);
    expect(await db.findOne(COLLECTIONS.users, { openid: 'u1' })).toMatchObject({
      nickname: '黄姨',
      phone: '13800001111',
    });
  });

  test('a transaction reads plain and writes sealed', async () => {
    const { raw, db } = setup();
    await db.insert(COLLECTIONS.users, USER);
    await db.runTransaction(async (tx) => {
      const user = await tx.get<typeof USER>(COLLECTIONS.users, 'u1');
      expect(user?.phone).toBe('13907750001');
      await tx.update(COLLECTIONS.users, 'u1', { realName: `${user!.realName}（已核实）` });
    });
    expect(stored(raw, COLLECTIONS.users, 'u1')['realName']).not.toContain('黄秀英');
    expect((await db.get<typeof USER>(COLLECTIONS.users, 'u1'))?.realName).toBe('黄秀英（已核实）');
  });

  test('equality on the phone finds the accounts through the blind index, also under an old key', async () => {
    const raw = new MemoryDatabase();
    const old = new MemoryCipher('k1');
    await sealedDatabase(raw, old).insert(COLLECTIONS.users, USER);
    const rotated = old.rotatedTo('k2');
    const db = sealedDatabase(raw, rotated);
    await db.insert(COLLECTIONS.users, { ...USER, _id: 'u2', openid: 'u2' } as Doc);
    const found = await db.find<Doc>(COLLECTIONS.users, { phone: '13907750001' });
    expect(found.map((u) => u._id).sort()).toEqual(['u1', 'u2']);
    expect(await db.count(COLLECTIONS.users, { phone: '13907750001' })).toBe(2);
    expect(await db.count(COLLECTIONS.users, { phone: '13907750002' })).toBe(0);
    expect(await db.count(COLLECTIONS.users, { phone: null })).toBe(0);
  });

  test('a value written before encryption reads as it is', async () => {
    const { raw, db } = setup();
    raw.seed(COLLECTIONS.users, [{ ...USER }]);
    expect(await db.get(COLLECTIONS.users, 'u1')).toEqual(USER);
  });
});

type Db = ReturnType<typeof setup>['db'];

describe('what ciphertext cannot do is a bug, not a silent miss', () => {
  test.each<[string, (db: Db) => Promise<unknown>]>([
    ['a range condition on the phone', (db) => db.find(COLLECTIONS.users, { phone: db.command.gt('139') })],
    [
      'equality on a field without a blind index',
      (db) => db.find(COLLECTIONS.orders, { serviceAddress: '3 栋 502' }),
    ],
    [
      'a condition on an object holding sealed fields',
      (db) => db.find(COLLECTIONS.concerns, { onBehalfOf: 'x' }),
    ],
    ['sorting by a sealed field', (db) => db.find(COLLECTIONS.users, {}, { orderBy: [['nickname', 'asc']] })],
    [
      'a patch reaching inside a sealed value',
      (db) => db.update(COLLECTIONS.concerns, 'c1', { 'onBehalfOf.name.x': 'y' }),
    ],
    [
      'an update operand on a sealed field',
      (db) => db.update(COLLECTIONS.users, 'u1', { phone: db.command.inc(1) }),
    ],
  ])('%s throws', async (_label, call) => {
    const { db } = setup();
    await expect(Promise.resolve().then(() => call(db))).rejects.toThrow(Error);
  });

  test('a value sealed for one field does not open as another', async () => {
    const { raw, db, cipher } = setup();
    raw.seed(COLLECTIONS.users, [{ ...USER, realName: cipher.seal('users.phone', '13907750001') } as Doc]);
    await expect(db.get(COLLECTIONS.users, 'u1')).rejects.toThrow('sealed for users.phone');
  });
});

test('sealDocument and openDocument are inverse on every collection with personal data', () => {
  const cipher = new MemoryCipher();
  for (const [collection, fields] of Object.entries(PERSONAL_DATA_FIELDS)) {
    const doc: Doc = { _id: 'x' };
    for (const f of fields!) {
      const keys = f.path.split('.');
      const value = f.kind === 'json' ? { any: ['json', 1] } : `值-${f.path}`;
      // Nested paths (e.g. orders' placedBy.consent.statement) as nested objects, level by level.
      let at: Record<string, unknown> = doc;
      for (const key of keys.slice(0, -1)) {
        at[key] = { ...((at[key] as Record<string, unknown> | undefined) ?? {}) };
        at = at[key] as Record<string, unknown>;
      }
      at[keys.at(-1)!] = value;
    }
    const sealed = sealDocument(cipher, collection, doc);
    expect(JSON.stringify(sealed)).not.toContain('值-');
    expect(openDocument(cipher, collection, sealed)).toEqual(
      fields!.some((f) => f.blindIndex) ? { ...doc, phoneHash: expect.any(String) } : doc,
    );
  }
});
