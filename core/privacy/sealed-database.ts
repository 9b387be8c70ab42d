/**
 * The database as the use cases see it when personal data is sealed at rest (decision 0012): a
 * DatabasePort that seals the fields of personal-data.fields.ts on every write and opens them on every
 * read, given the PersonalDataCipher port. The cloud functions hand every use case this wrapper around
 * their wx-server-sdk port (function-kit/command-function.ts), so an order, a profile or a timer reads and
 * writes plain values and the database holds ciphertext; masking stays where it was
 * (phone-masking.policy.ts decides what a viewer sees of the opened value).
 *
 * What a sealed field can and cannot do, and what happens otherwise (each is a bug: a plain Error):
 * - equality with a string on a field that has a blind index is answered through the index
 *   (`{ phone: '139…' }` becomes `{ phoneHash: in(<hash under each key>) }`); equality with null stays
 *   (null is never sealed);
 * - any other condition on a sealed field, sorting by one, an update operand on one, or a patch reaching
 *   inside one throws: ciphertext neither compares nor sorts.
 * Values written before encryption (plain strings) read as they are; scripts/pii-rotate.ts seals them.
 */
import type {
  AggregateStage,
  DatabasePort,
  FindOptions,
  Patch,
  StoredDocument,
  TransactionPort,
  UpdateOptions,
  Where,
} from '../kernel/database.port';
import type { PersonalDataCipher } from '../kernel/personal-data.port';
import { fieldContext, sealedFieldsOf, type SealedField } from './personal-data.fields';

type Doc = Record<string, unknown>;

function isPlainObject(v: unknown): v is Doc {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value at a dotted path (undefined when a step is missing or not an object). */
export function valueAt(doc: unknown, path: string): unknown {
  let at: unknown = doc;
  for (const key of path.split('.')) {
    if (!isPlainObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of `doc` with `value` at the dotted path (objects along the path copied, never shared). */
function withValueAt(doc: Doc, path: string, value: unknown): Doc {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...doc, [head]: value };
  const inner = doc[head];
  if (!isPlainObject(inner)) return doc;
  return { ...doc, [head]: withValueAt(inner, rest.join('.'), value) };
}

/** One field's value sealed: text strings (not ''), any JSON value of a `json` field; the rest as is. */
export function sealValue(
  cipher: PersonalDataCipher,
  context: string,
  field: SealedField,
  value: unknown,
): unknown {
  if (value === undefined) return undefined;
  if (field.kind === 'json') return cipher.seal(context, JSON.stringify(value));
  if (value === null || value === '') return value;
  if (typeof value !== 'string') throw new Error(`${context}: only text is sealed, got ${typeof value}`);
  return cipher.seal(context, value);
}

/** One field's stored value opened; plain values (written before encryption) as they are. */
export function openValue(
  cipher: PersonalDataCipher,
  context: string,
  field: SealedField,
  value: unknown,
): unknown {
  if (typeof value !== 'string' || !cipher.isSealed(value)) return value;
  const plain = cipher.open(context, value);
  return field.kind === 'json' ? (JSON.parse(plain) as unknown) : plain;
}

/** The blind index of a text value: null for no value. */
function indexOf(cipher: PersonalDataCipher, context: string, value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? cipher.blindIndex(context, value) : null;
}

/** A whole document sealed for storage (insert; also the demo seeder). */
export function sealDocument<T>(cipher: PersonalDataCipher, collection: string, doc: T): T {
  let out = doc as unknown as Doc;
  for (const field of sealedFieldsOf(collection)) {
    const value = valueAt(out, field.path);
    if (value === undefined) continue;
    const context = fieldContext(collection, field);
    out = withValueAt(out, field.path, sealValue(cipher, context, field, value));
    if (field.blindIndex !== undefined)
      out = withValueAt(out, field.blindIndex, indexOf(cipher, context, value));
  }
  return out as unknown as T;
}

/** A stored document with its sealed fields opened. */
export function openDocument<T>(cipher: PersonalDataCipher, collection: string, doc: T): T {
  if (doc === null || doc === undefined) return doc;
  let out = doc as unknown as Doc;
  for (const field of sealedFieldsOf(collection)) {
    const value = valueAt(out, field.path);
    if (value === undefined) continue;
    out = withValueAt(out, field.path, openValue(cipher, fieldContext(collection, field), field, value));
  }
  return out as unknown as T;
}

/** A patch with its sealed fields sealed (a whole sub-document, or the field itself) and indexes set. */
export function sealPatch(cipher: PersonalDataCipher, collection: string, patch: Patch): Patch {
  const fields = sealedFieldsOf(collection);
  if (fields.length === 0) return patch;
  let out: Doc = { ...patch };
  for (const [key, value] of Object.entries(patch)) {
    for (const field of fields) {
      const context = fieldContext(collection, field);
      if (key.startsWith(`${field.path}.`))
        throw new Error(`${context}: a patch cannot reach inside a sealed value`);
      if (key === field.path) {
        out[key] = sealValue(cipher, context, field, value);
        if (field.blindIndex !== undefined) out[field.blindIndex] = indexOf(cipher, context, value);
      } else if (field.path.startsWith(`${key}.`) && isPlainObject(out[key])) {
        const rest = field.path.slice(key.length + 1);
        const inner = out[key] as Doc;
        const sealed = sealValue(cipher, context, field, valueAt(inner, rest));
        if (sealed !== undefined) out = { ...out, [key]: withValueAt(inner, rest, sealed) };
      }
    }
  }
  return out;
}

/** A query condition on sealed fields translated to their blind indexes (or refused). */
export function sealWhere(
  db: DatabasePort,
  cipher: PersonalDataCipher,
  collection: string,
  where: Where,
): Where {
  const fields = sealedFieldsOf(collection);
  if (fields.length === 0) return where;
  const out: Record<string, Where[string]> = {};
  for (const [key, condition] of Object.entries(where)) {
    const field = fields.find(
      (f) => f.path === key || f.path.startsWith(`${key}.`) || key.startsWith(`${f.path}.`),
    );
    if (field === undefined || condition === null) {
      out[key] = condition;
      continue;
    }
    const context = fieldContext(collection, field);
    if (field.path !== key || field.blindIndex === undefined || typeof condition !== 'string') {
      throw new Error(`${context}: a sealed field is found only by equality through its blind index`);
    }
    out[field.blindIndex] = db.command.in(cipher.blindIndexCandidates(context, condition));
  }
  return out;
}

function checkOrder(collection: string, options: FindOptions | undefined): void {
  for (const [field] of options?.orderBy ?? []) {
    if (sealedFieldsOf(collection).some((f) => f.path === field || f.path.startsWith(`${field}.`))) {
      throw new Error(`${collection}.${field}: ciphertext cannot be sorted`);
    }
  }
}

function sealedTransaction(tx: TransactionPort, cipher: PersonalDataCipher): TransactionPort {
  return {
    async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
      return openDocument(cipher, collection, await tx.get<T>(collection, id));
    },
    insert: (collection, doc) => tx.insert(collection, sealDocument(cipher, collection, doc)),
    update: (collection, id, patch) => tx.update(collection, id, sealPatch(cipher, collection, patch)),
  };
}

/** `db` with personal data sealed on the way in and opened on the way out. */
export function sealedDatabase(db: DatabasePort, cipher: PersonalDataCipher): DatabasePort {
  const where = (collection: string, w: Where) => sealWhere(db, cipher, collection, w);
  return {
    command: db.command,
    async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
      return openDocument(cipher, collection, await db.get<T>(collection, id));
    },
    async findOne<T extends StoredDocument>(
      collection: string,
      w: Where,
      options?: Omit<FindOptions, 'limit'>,
    ): Promise<T | null> {
      checkOrder(collection, options);
      return openDocument(cipher, collection, await db.findOne<T>(collection, where(collection, w), options));
    },
    async find<T extends StoredDocument>(collection: string, w: Where, options?: FindOptions): Promise<T[]> {
      checkOrder(collection, options);
      const docs = await db.find<T>(collection, where(collection, w), options);
      return docs.map((d) => openDocument(cipher, collection, d));
    },
    count: (collection, w) => db.count(collection, where(collection, w)),
    // Aggregations group the stored values: a `$match` is sealed as any query; never group on a sealed field.
    ...(db.aggregate === undefined
      ? {}
      : {
          aggregate: <R>(collection: string, pipeline: readonly AggregateStage[]) =>
            db.aggregate!<R>(
              collection,
              pipeline.map((s) => ('$match' in s ? { $match: where(collection, s.$match) } : s)),
            ),
        }),
    insert: (collection, doc) => db.insert(collection, sealDocument(cipher, collection, doc)),
    update: (collection: string, id: string, patch: Patch, options?: UpdateOptions) =>
      db.update(
        collection,
        id,
        sealPatch(cipher, collection, patch),
        options?.ifMatch === undefined ? options : { ifMatch: where(collection, options.ifMatch) },
      ),
    updateWhere: (collection, w, patch) =>
      db.updateWhere(collection, where(collection, w), sealPatch(cipher, collection, patch)),
    removeWhere: (collection, w) => db.removeWhere(collection, where(collection, w)),
    runTransaction: (fn) => db.runTransaction((tx) => fn(sealedTransaction(tx, cipher))),
  };
}
