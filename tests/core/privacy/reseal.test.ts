/**
 * Key rotation (core/privacy/reseal.ts): after a new key becomes current, one pass re-seals every stale
 * value and blind index and seals plain ones; a second pass finds nothing; a document changed between the
 * read and the write keeps the change and is left for the next run; values read the same before and after.
 */
import { COLLECTIONS } from '../../../core/model/collections.model';
import { resealCollection, resealPlan } from '../../../core/privacy/reseal';
import { sealedDatabase } from '../../../core/privacy/sealed-database';
import { MemoryDatabase } from '../support/memory-database';
import { MemoryCipher } from './memory-cipher';

type Doc = Record<string, unknown> & { _id: string };

const user = (n: number) => ({
  _id: `u${n}`,
  openid: `u${n}`,
  nickname: `居民${n}`,
  realName: null,
  phone: `1390775000${n}`,
  grants: [],
});

async function world() {
  const raw = new MemoryDatabase();
  const k1 = new MemoryCipher('k1');
  for (let n = 1; n <= 5; n += 1) await sealedDatabase(raw, k1).insert(COLLECTIONS.users, user(n));
  // One written before encryption: plain, no blind index.
  raw.seed(COLLECTIONS.users, [user(6)]);
  return { raw, k1, k2: k1.rotatedTo('k2') };
}

test('one pass re-seals every stale value and seals plain ones; a second finds nothing', async () => {
  const { raw, k1, k2 } = await world();
  const before = await sealedDatabase(raw, k2).find<Doc>(
    COLLECTIONS.users,
    {},
    { orderBy: [['_id', 'asc']] },
  );

  const report = await resealCollection(raw, k2, COLLECTIONS.users, { batchSize: 2 });
  expect(report).toEqual({ collection: 'users', scanned: 6, resealed: 6, hadPlaintext: 1, skipped: 0 });
  for (const doc of raw.all<Doc>(COLLECTIONS.users)) {
    expect(k2.isStale(doc['phone'] as string)).toBe(false);
    expect(k2.isStale(doc['nickname'] as string)).toBe(false);
    expect(doc['phoneHash']).toBe(
      k2.blindIndex(
        'users.phone',
        (await sealedDatabase(raw, k2).get<Doc>('users', doc._id))!['phone'] as string,
      ),
    );
  }
  // Only the new key is needed now.
  const onlyK2 = new MemoryCipher('k2');
  expect(
    await sealedDatabase(raw, onlyK2).find<Doc>(COLLECTIONS.users, {}, { orderBy: [['_id', 'asc']] }),
  ).toEqual(before.map((d) => ({ ...d, phoneHash: expect.any(String) })));
  expect(await resealCollection(raw, k2, COLLECTIONS.users)).toMatchObject({
    scanned: 6,
    resealed: 0,
    skipped: 0,
  });
  expect(k1.keyIds).toEqual(['k1']);
});

test('a dry run counts and writes nothing', async () => {
  const { raw, k2 } = await world();
  const snapshot = raw.snapshot();
  expect(await resealCollection(raw, k2, COLLECTIONS.users, { dryRun: true })).toMatchObject({ resealed: 6 });
  expect(raw.snapshot()).toBe(snapshot);
});

test('a document changed between the read and the write keeps its change and is skipped', async () => {
  const { raw, k2 } = await world();
  const doc = raw.all<Doc>(COLLECTIONS.users)[0]!;
  const plan = resealPlan(k2, COLLECTIONS.users, doc)!;
  // The user changes their phone (sealed with the new key) before the rotation writes.
  await sealedDatabase(raw, k2).update(COLLECTIONS.users, doc._id, { phone: '13600000000' });
  expect(await raw.update(COLLECTIONS.users, doc._id, plan.patch, { ifMatch: plan.ifMatch })).toBe(false);
  expect((await sealedDatabase(raw, k2).get<Doc>(COLLECTIONS.users, doc._id))!['phone']).toBe('13600000000');
});

test('collections without personal data are not read', async () => {
  const raw = new MemoryDatabase();
  expect(await resealCollection(raw, new MemoryCipher(), COLLECTIONS.providers)).toMatchObject({
    scanned: 0,
  });
  expect(raw.log).toEqual([]);
});
