/**
 * Key rotation (decision 0012): every sealed value names the key it was sealed with, old keys keep
 * opening, new writes use the current key, and this pass re-seals what is stale so an old key can be
 * retired. It also seals values written before encryption, and rewrites blind indexes made with an old key.
 *
 * It works on the raw database (it must see the stored ciphertext, so not through sealedDatabase), one page
 * of `_id`s at a time, and writes each document with a compare-and-set on the old stored values: a user who
 * changes their phone meanwhile keeps their change, and the document is counted as `skipped` for the next
 * run. Idempotent: a second run finds nothing stale. scripts/pii-rotate.ts runs it on every collection.
 */
import type { DatabasePort, Patch, Scalar, StoredDocument } from '../kernel/database.port';
import type { PersonalDataCipher } from '../kernel/personal-data.port';
import { fieldContext, sealedFieldsOf, type SealedField } from './personal-data.fields';
import { openValue, sealValue, valueAt } from './sealed-database';

export interface ResealReport {
  readonly collection: string;
  readonly scanned: number;
  /** Documents written with the current key (stale ciphertext, plain text or a stale blind index). */
  readonly resealed: number;
  /** Of those, documents that held plain text (written before encryption). */
  readonly hadPlaintext: number;
  /** Changed by someone else between the read and the write: left for the next run. */
  readonly skipped: number;
}

export interface ResealOptions {
  /** Documents per page (≤ 1000). */
  readonly batchSize?: number;
  /** Count only; write nothing. */
  readonly dryRun?: boolean;
}

interface DocumentPlan {
  readonly patch: Record<string, unknown>;
  readonly ifMatch: Record<string, Scalar>;
  readonly hadPlaintext: boolean;
}

/** Whether the stored value of `field` must be written again, and how. */
function planField(
  cipher: PersonalDataCipher,
  collection: string,
  field: SealedField,
  doc: StoredDocument,
  plan: DocumentPlan,
): DocumentPlan {
  const stored = valueAt(doc, field.path);
  if (stored === undefined || stored === null || stored === '') return plan;
  const context = fieldContext(collection, field);
  const sealed = typeof stored === 'string' && cipher.isSealed(stored);
  const index = field.blindIndex === undefined ? undefined : valueAt(doc, field.blindIndex);
  const indexStale =
    field.blindIndex !== undefined && (typeof index !== 'string' || index === '' || cipher.isStale(index));
  if (sealed && !cipher.isStale(stored) && !indexStale) return plan;

  const plain = openValue(cipher, context, field, stored);
  const patch = {
    ...plan.patch,
    [field.path]: sealed && !cipher.isStale(stored) ? stored : sealValue(cipher, context, field, plain),
  };
  if (field.blindIndex !== undefined) patch[field.blindIndex] = cipher.blindIndex(context, plain as string);
  // Compare-and-set on what was read (a JSON value written before encryption is an object: not comparable).
  const ifMatch = typeof stored === 'string' ? { ...plan.ifMatch, [field.path]: stored } : plan.ifMatch;
  return { patch, ifMatch, hadPlaintext: plan.hadPlaintext || !sealed };
}

/** What to write to `doc` (null: it is current). */
export function resealPlan(
  cipher: PersonalDataCipher,
  collection: string,
  doc: StoredDocument,
): DocumentPlan | null {
  let plan: DocumentPlan = { patch: {}, ifMatch: {}, hadPlaintext: false };
  for (const field of sealedFieldsOf(collection)) plan = planField(cipher, collection, field, doc, plan);
  return Object.keys(plan.patch).length === 0 ? null : plan;
}

/** Re-seal one collection with the current key; see the file comment. */
export async function resealCollection(
  db: DatabasePort,
  cipher: PersonalDataCipher,
  collection: string,
  options: ResealOptions = {},
): Promise<ResealReport> {
  const batchSize = options.batchSize ?? 500;
  const report = { collection, scanned: 0, resealed: 0, hadPlaintext: 0, skipped: 0 };
  if (sealedFieldsOf(collection).length === 0) return report;
  let after: string | null = null;
  for (;;) {
    const page: StoredDocument[] = await db.find<StoredDocument>(
      collection,
      after === null ? {} : { _id: db.command.gt(after) },
      { orderBy: [['_id', 'asc']], limit: batchSize },
    );
    for (const doc of page) {
      report.scanned += 1;
      const plan = resealPlan(cipher, collection, doc);
      if (plan === null) continue;
      const written =
        options.dryRun === true ||
        (await db.update(collection, doc._id, plan.patch as Patch, { ifMatch: plan.ifMatch }));
      if (!written) {
        report.skipped += 1;
        continue;
      }
      report.resealed += 1;
      if (plan.hadPlaintext) report.hadPlaintext += 1;
    }
    if (page.length < batchSize) return report;
    after = page[page.length - 1]!._id;
  }
}
