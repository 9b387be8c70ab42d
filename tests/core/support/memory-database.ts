/**
 * An in-memory DatabasePort: the port's test double for the core tests (the real adapters are tested
 * against the local cloud). It keeps the port's semantics, not a simplification of them:
 * - documents stored as JSON text, so reads are copies and `undefined` is dropped, as in a database;
 * - MongoDB query, sort, projection and update semantics from mingo (the library the local cloud uses);
 * - CloudBase's limits (100 without `limit`, at most 1000);
 * - transactions with CloudBase's (MongoDB's) snapshot isolation, as the local cloud gives it (decision 0014):
 *   reads see the committed state as of the transaction's start plus its own buffered writes; a document it
 *   writes that another writer changed since its start is a conflict (at commit, or at once for an insert of
 *   an `_id` committed since), which makes the callback run again; an `_id` it could see is a plain
 *   duplicate; reads alone never conflict; a throw writes nothing.
 */
import { Query } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import {
  DEFAULT_QUERY_LIMIT,
  MAX_QUERY_LIMIT,
  type DatabasePort,
  type FindOptions,
  type Patch,
  type QueryCommands,
  type QueryOperand,
  type Scalar,
  type StoredDocument,
  type TransactionPort,
  type UpdateOperand,
  type UpdateOptions,
  type Where,
} from '../../../core/kernel/database.port';

type Doc = Record<string, unknown>;

class MemoryQueryOperand {
  constructor(readonly expr: Record<string, unknown>) {}
}

class MemoryUpdateOperand {
  constructor(
    readonly operator: '$inc',
    readonly value: number,
  ) {}
}

const q = (expr: Record<string, unknown>): QueryOperand =>
  new MemoryQueryOperand(expr) as unknown as QueryOperand;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unwrapQuery(operand: QueryOperand): MemoryQueryOperand {
  if (!(operand instanceof MemoryQueryOperand)) throw new Error('not an operand of this adapter');
  return operand;
}

export const memoryCommands: QueryCommands = {
  eq: (v) => q({ $eq: v }),
  neq: (v) => q({ $ne: v }),
  gt: (v) => q({ $gt: v }),
  gte: (v) => q({ $gte: v }),
  lt: (v) => q({ $lt: v }),
  lte: (v) => q({ $lte: v }),
  in: (vs) => q({ $in: [...vs] }),
  nin: (vs) => q({ $nin: [...vs] }),
  exists: (present) => q({ $exists: present }),
  prefix: (value) => q({ $regex: new RegExp(`^${escapeRegExp(value)}`) }),
  and: (operands) => {
    const merged: Record<string, unknown> = {};
    for (const operand of operands) {
      for (const [k, v] of Object.entries(unwrapQuery(operand).expr)) {
        if (k in merged) throw new Error(`and(): operator ${k} given twice`);
        merged[k] = v;
      }
    }
    return q(merged);
  },
  inc: (by) => new MemoryUpdateOperand('$inc', by) as unknown as UpdateOperand,
};

function isScalar(v: unknown): v is Scalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function criteria(where: Where): Doc {
  const out: Doc = {};
  for (const [field, cond] of Object.entries(where)) {
    if (cond instanceof MemoryQueryOperand) out[field] = cond.expr;
    else if (isScalar(cond)) out[field] = { $eq: cond };
    else throw new Error(`where.${field}: a scalar or an operand of this adapter`);
  }
  return out;
}

function modifier(patch: Patch): Doc {
  const $set: Doc = {};
  const $inc: Doc = {};
  for (const [field, value] of Object.entries(patch)) {
    if (field === '_id') throw new Error('_id cannot be updated');
    if (value instanceof MemoryUpdateOperand) $inc[field] = value.value;
    else if (value === undefined) continue;
    else $set[field] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  const out: Doc = {};
  if (Object.keys($set).length > 0) out['$set'] = $set;
  if (Object.keys($inc).length > 0) out['$inc'] = $inc;
  return out;
}

function applyPatch(doc: Doc, patch: Patch): Doc {
  const copy = structuredClone(doc);
  const mod = modifier(patch);
  if (Object.keys(mod).length > 0)
    applyUpdate(copy, mod as never, undefined, undefined, { cloneMode: 'deep' });
  return copy;
}

function matches(doc: Doc, where: Where): boolean {
  return new Query(criteria(where)).test(doc);
}

interface Stored {
  readonly json: string;
  readonly rev: number;
  /** The version this one replaced (undefined: none), kept while a transaction open then may read it. */
  readonly prev: Stored | undefined;
}

export interface LoggedOperation {
  readonly op: 'get' | 'find' | 'count' | 'insert' | 'update' | 'updateWhere' | 'removeWhere' | 'transaction';
  readonly collection: string;
}

class ConflictError extends Error {}

export class MemoryDatabase implements DatabasePort {
  readonly command = memoryCommands;
  /** Every operation outside transactions, and each committed transaction (for "how many queries" tests). */
  readonly log: LoggedOperation[] = [];
  /** Commits that failed on a conflict and were retried. */
  conflicts = 0;
  private readonly collections = new Map<string, Map<string, Stored>>();
  private revision = 0;
  /** Transactions running now: while there is one, a write keeps the version it replaces. */
  private openTransactions = 0;

  private coll(name: string): Map<string, Stored> {
    let c = this.collections.get(name);
    if (c === undefined) {
      c = new Map();
      this.collections.set(name, c);
    }
    return c;
  }

  /** Seed documents directly (test setup; not logged). */
  seed(collection: string, docs: readonly StoredDocument[]): void {
    for (const doc of docs) this.write(collection, doc._id, doc as unknown as Doc);
  }

  /** Every document of a collection, in `_id` order (assertions). */
  all<T>(collection: string): T[] {
    return [...this.coll(collection).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, s]) => JSON.parse(s.json) as T);
  }

  /** The whole store as text: equal snapshots mean nothing was written. */
  snapshot(): string {
    const names = [...this.collections.keys()].sort();
    return JSON.stringify(
      names.map((n) => [n, this.all(n)]).filter(([, docs]) => (docs as unknown[]).length > 0),
    );
  }

  countOf(op: LoggedOperation['op'], collection: string): number {
    return this.log.filter((l) => l.op === op && l.collection === collection).length;
  }

  // ---- internals shared with transactions ----

  /** The committed document and its revision (0 when absent). */
  read(collection: string, id: string): { doc: Doc | null; rev: number } {
    const s = this.coll(collection).get(id);
    return s === undefined ? { doc: null, rev: 0 } : { doc: JSON.parse(s.json) as Doc, rev: s.rev };
  }

  write(collection: string, id: string, doc: Doc): void {
    this.revision += 1;
    const c = this.coll(collection);
    const prev = this.openTransactions > 0 ? c.get(id) : undefined;
    c.set(id, { json: JSON.stringify(doc), rev: this.revision, prev });
  }

  /** A transaction's snapshot: the revision of the latest write; it is open until `endSnapshot`. */
  beginSnapshot(): number {
    this.openTransactions += 1;
    return this.revision;
  }

  endSnapshot(): void {
    this.openTransactions -= 1;
  }

  /** The committed document as of `snapshot` (null when it did not exist then). */
  readAt(collection: string, id: string, snapshot: number): Doc | null {
    let s = this.coll(collection).get(id);
    while (s !== undefined && s.rev > snapshot) s = s.prev;
    return s === undefined ? null : (JSON.parse(s.json) as Doc);
  }

  /** Whether the document was written after `snapshot`. */
  changedSince(collection: string, id: string, snapshot: number): boolean {
    return (this.coll(collection).get(id)?.rev ?? 0) > snapshot;
  }

  private docs(collection: string): Doc[] {
    return [...this.coll(collection).values()].map((s) => JSON.parse(s.json) as Doc);
  }

  // ---- the port ----

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    this.log.push({ op: 'get', collection });
    return this.read(collection, id).doc as T | null;
  }

  async find<T extends StoredDocument>(
    collection: string,
    where: Where,
    options: FindOptions = {},
  ): Promise<T[]> {
    this.log.push({ op: 'find', collection });
    return this.query<T>(collection, where, options);
  }

  private query<T>(collection: string, where: Where, options: FindOptions): T[] {
    const limit = options.limit ?? DEFAULT_QUERY_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
      throw new Error(`limit must be 1..${MAX_QUERY_LIMIT}, got ${limit}`);
    }
    const projection =
      options.fields === undefined ? undefined : Object.fromEntries(options.fields.map((f) => [f, 1]));
    let cursor = new Query(criteria(where)).find<Doc>(this.docs(collection), projection as never);
    if (options.orderBy !== undefined && options.orderBy.length > 0) {
      cursor = cursor.sort(Object.fromEntries(options.orderBy.map(([f, d]) => [f, d === 'asc' ? 1 : -1])));
    }
    if (options.skip !== undefined && options.skip > 0) cursor = cursor.skip(options.skip);
    return cursor.limit(limit).all() as T[];
  }

  async findOne<T extends StoredDocument>(
    collection: string,
    where: Where,
    options: Omit<FindOptions, 'limit'> = {},
  ): Promise<T | null> {
    this.log.push({ op: 'find', collection });
    return this.query<T>(collection, where, { ...options, limit: 1 })[0] ?? null;
  }

  async count(collection: string, where: Where): Promise<number> {
    this.log.push({ op: 'count', collection });
    return this.docs(collection).filter((d) => matches(d, where)).length;
  }

  async insert(collection: string, doc: StoredDocument): Promise<boolean> {
    this.log.push({ op: 'insert', collection });
    if (typeof doc._id !== 'string' || doc._id.length === 0)
      throw new Error('insert: a string _id is required');
    if (this.coll(collection).has(doc._id)) return false;
    this.write(collection, doc._id, doc as unknown as Doc);
    return true;
  }

  async update(collection: string, id: string, patch: Patch, options: UpdateOptions = {}): Promise<boolean> {
    this.log.push({ op: 'update', collection });
    const { doc } = this.read(collection, id);
    if (doc === null) return false;
    if (options.ifMatch !== undefined && !matches(doc, options.ifMatch)) return false;
    this.write(collection, id, applyPatch(doc, patch));
    return true;
  }

  async updateWhere(collection: string, where: Where, patch: Patch): Promise<number> {
    this.log.push({ op: 'updateWhere', collection });
    let n = 0;
    for (const doc of this.docs(collection)) {
      if (!matches(doc, where)) continue;
      this.write(collection, doc['_id'] as string, applyPatch(doc, patch));
      n += 1;
    }
    return n;
  }

  async removeWhere(collection: string, where: Where): Promise<number> {
    this.log.push({ op: 'removeWhere', collection });
    const c = this.coll(collection);
    let n = 0;
    for (const doc of this.docs(collection)) {
      if (!matches(doc, where)) continue;
      this.revision += 1;
      c.delete(doc['_id'] as string);
      n += 1;
    }
    return n;
  }

  async runTransaction<R>(fn: (tx: TransactionPort) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt += 1) {
      const tx = new MemoryTransaction(this);
      try {
        const result = await fn(tx);
        tx.commit();
        this.log.push({ op: 'transaction', collection: '*' });
        return result;
      } catch (e) {
        // A conflict the callback ran into (an insert) or the commit found: run the callback again.
        if (!(e instanceof ConflictError) || attempt >= 10) throw e;
        this.conflicts += 1;
      } finally {
        tx.end();
      }
    }
  }
}

/** Reads its snapshot; buffers writes; commits all or nothing unless another wrote one of them since. */
class MemoryTransaction implements TransactionPort {
  private readonly snapshot: number;
  private readonly overlay = new Map<string, Doc>();
  private ended = false;

  constructor(private readonly db: MemoryDatabase) {
    this.snapshot = db.beginSnapshot();
  }

  end(): void {
    if (!this.ended) this.db.endSnapshot();
    this.ended = true;
  }

  private key(collection: string, id: string): string {
    return `${collection}\u0000${id}`;
  }

  private current(collection: string, id: string): Doc | null {
    const written = this.overlay.get(this.key(collection, id));
    if (written !== undefined) return structuredClone(written);
    return this.db.readAt(collection, id, this.snapshot);
  }

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    return this.current(collection, id) as T | null;
  }

  async insert(collection: string, doc: StoredDocument): Promise<void> {
    if (this.current(collection, doc._id) !== null) {
      throw new Error(`duplicate _id ${doc._id} in ${collection}`);
    }
    // Absent from the snapshot but committed by another since: a write conflict, not a duplicate.
    if (this.db.changedSince(collection, doc._id, this.snapshot)) {
      throw new ConflictError(`conflict on ${collection}/${doc._id}: inserted by another since the start`);
    }
    this.overlay.set(this.key(collection, doc._id), JSON.parse(JSON.stringify(doc)) as Doc);
  }

  async update(collection: string, id: string, patch: Patch): Promise<void> {
    const doc = this.current(collection, id);
    if (doc === null) throw new Error(`update of a missing document ${collection}/${id} in a transaction`);
    this.overlay.set(this.key(collection, id), applyPatch(doc, patch));
  }

  commit(): void {
    for (const key of this.overlay.keys()) {
      const [collection, id] = key.split('\u0000') as [string, string];
      if (this.db.changedSince(collection, id, this.snapshot)) throw new ConflictError(`conflict on ${key}`);
    }
    for (const [key, doc] of this.overlay) {
      const [collection, id] = key.split('\u0000') as [string, string];
      this.db.write(collection, id, doc);
    }
  }
}
