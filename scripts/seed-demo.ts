/**
 * Seeds the Yulin demo data (demo/, deterministic) into a local cloud once. All of it is written in one
 * SQLite transaction together with a marker document, so a crash mid-seed leaves nothing and a restart seeds
 * nothing twice. The demo identities' subscribe-message grants (`subscribe_grants`) are also recorded where
 * the local cloud's `subscribeMessage.send` takes them from, as if each identity had accepted
 * `wx.requestSubscribeMessage` that many times: each message uses one, as in WeChat.
 *
 * Residents' personal data is written sealed, through the very cipher the functions use
 * (core/privacy/sealed-database.ts `sealDocument`, function-kit/personal-data.keys.ts): the generator stays
 * pure and plain, and the database holds what production would. The keys are the environment's
 * (`PII_KEYS`, `PII_KEY_ID`, `PII_CIPHER`) or, this being the local cloud, the development key, as in the
 * functions the local cloud runs (decision 0012).
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { PersonalDataCipher } from '../core/kernel/personal-data.port';
import { sealDocument } from '../core/privacy/sealed-database';
import { DEFAULT_DEMO_SEED } from '../demo/demo.constants';
import { DEMO_IDENTITIES, type DemoIdentity } from '../demo/demo-identities';
import { iterateDemoData } from '../demo/demo-dataset';
import type { LocalDatabase } from '../localcloud/db/local-database';
import type { LocalStorage } from '../localcloud/storage/local-storage';
import { demoEvidencePhotos } from '../demo/demo-stations';
import { recordSubscription } from '../localcloud/openapi/subscriptions';
import { personalDataCipherFromEnv } from '../function-kit/personal-data.keys';
import { seedConsoleAccounts } from './console-demo-accounts';

export const SEED_META_COLLECTION = 'sys_meta';
export const SEED_MARKER_ID = 'demo-seed';

export interface SeedResult {
  created: boolean;
  /** Documents written per collection (empty when nothing was written). */
  counts: Record<string, number>;
  summary: string;
  /** Evidence photos of the demo street's stations to store pictures for (`seedDemoFiles`). */
  files?: readonly string[];
}

/** The cipher the local cloud's functions use: the environment's keys, else the development key. */
export function localPersonalDataCipher(): PersonalDataCipher {
  return personalDataCipherFromEnv(process.env, { local: true });
}

export function seedDemoData(
  db: LocalDatabase,
  now: () => number,
  seed = DEFAULT_DEMO_SEED,
  cipher: PersonalDataCipher = localPersonalDataCipher(),
): SeedResult {
  db.ensureCollection(SEED_META_COLLECTION);
  if (db.getRawById(SEED_META_COLLECTION, SEED_MARKER_ID).length > 0) {
    return { created: false, counts: {}, summary: '已存在' };
  }
  const counts: Record<string, number> = {};
  const files: string[] = [];
  const at = now();
  db.store.atomically(() => {
    for (const batch of iterateDemoData({ seed, now: at })) {
      db.ensureCollection(batch.collection);
      // Batches can exceed one SDK call's limit; the store takes any size.
      const documents = (batch.documents as readonly object[]).map((d) =>
        sealDocument(cipher, batch.collection, d),
      );
      db.insert(batch.collection, documents as Record<string, unknown>[]);
      counts[batch.collection] = (counts[batch.collection] ?? 0) + batch.documents.length;
      if (batch.collection === 'stations') files.push(...demoEvidencePhotos(batch.documents));
      if (batch.collection === 'subscribe_grants') {
        for (const grant of batch.documents)
          recordSubscription(db, grant.openid, grant.templateId, grant.remaining);
      }
    }
    db.insert(SEED_META_COLLECTION, [{ _id: SEED_MARKER_ID, seed, seededAt: new Date(at), counts }]);
  });
  const pick = ['org_units', 'service_items', 'providers', 'orders', 'concerns', 'users'];
  const summary = pick
    .filter((c) => counts[c] !== undefined)
    .map((c) => `${c} ${counts[c]}`)
    .join(',');
  return { created: true, counts, summary, files };
}

/**
 * A small picture for a demo evidence photo: a 96x96 PNG of one colour, drawn from the file id, so each photo
 * of the demo looks like one (the console shows it as the item's evidence).
 */
export function demoPhotoPng(fileId: string): Buffer {
  const size = 96;
  const hash = createHash('sha256').update(fileId).digest();
  const [r, g, b] = [120 + (hash[0]! % 120), 120 + (hash[1]! % 120), 120 + (hash[2]! % 120)];
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Stores the pictures of a fresh seed's evidence photos in the local cloud's storage. */
export function seedDemoFiles(storage: LocalStorage, seeded: SeedResult): number {
  for (const fileId of seeded.files ?? []) storage.seedFile(fileId, demoPhotoPng(fileId));
  return seeded.files?.length ?? 0;
}

/** The identities local mode may act as (what `npm start` prints and the gateway accepts). */
export function demoIdentities(): readonly DemoIdentity[] {
  return DEMO_IDENTITIES;
}

/**
 * The local demo's console accounts (scripts/console-demo-accounts.ts), once per data folder: what
 * `npm start` prints for signing in at /console/.
 */
export function seedDemoConsoleAccounts(
  db: LocalDatabase,
  now: () => number,
  cipher: PersonalDataCipher = localPersonalDataCipher(),
): ReturnType<typeof seedConsoleAccounts> {
  return seedConsoleAccounts(db, now(), cipher, SEED_META_COLLECTION);
}
