/**
 * The core's DatabasePort on wx-server-sdk's `cloud.database()`: what every cloud function hands the use cases.
 * The same code runs on CloudBase and on the local cloud (the SDK is unmodified; only its serviceUrl differs).
 */
import type {
  AggregateStage,
  DatabasePort,
  FindOptions,
  Patch,
  QueryCommands,
  QueryOperand,
  StoredDocument,
  TransactionPort,
  UpdateOperand,
  UpdateOptions,
  Where,
} from '../core/kernel/database.port';
import { DEFAULT_QUERY_LIMIT, MAX_AGGREGATE_ROWS, MAX_QUERY_LIMIT } from '../core/kernel/database.port';

/* eslint-disable @typescript-eslint/no-explicit-any -- wx-server-sdk ships loose typings; this adapter is their boundary */
type WxDb = any;
type WxCommand = any;

/** The part of the wx-server-sdk module the adapter uses (so tests can hand it an instance pointed anywhere). */
export interface WxCloud {
  /** The adapter passes `{ throwOnNotFound: false }`, which wx-server-sdk's own typings leave out. */
  database(options?: object): WxDb;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function commandsOf(db: WxDb): QueryCommands {
  const _ = db.command as WxCommand;
  const q = (x: unknown) => x as QueryOperand;
  return {
    eq: (v) => q(_.eq(v)),
    neq: (v) => q(_.neq(v)),
    gt: (v) => q(_.gt(v)),
    gte: (v) => q(_.gte(v)),
    lt: (v) => q(_.lt(v)),
    lte: (v) => q(_.lte(v)),
    in: (vs) => q(_.in([...vs])),
    nin: (vs) => q(_.nin([...vs])),
    exists: (p) => q(_.exists(p)),
    prefix: (v) => q(db.RegExp({ regexp: `^${escapeRegex(v)}`, options: '' })),
    and: (ops) => q(_.and([...ops])),
    inc: (by) => _.inc(by) as UpdateOperand,
  };
}

/** A patch value that is a plain object replaces the field whole (the SDK would merge it otherwise). */
function patchData(db: WxDb, patch: Patch): Record<string, unknown> {
  const _ = db.command as WxCommand;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    const plainObject =
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      !(v instanceof Date) &&
      // SDK command objects (`_.inc(1)`) are class instances, so only plain objects are wrapped.
      isPlain(v);
    out[k] = plainObject ? _.set(v) : v;
  }
  return out;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The SDK's aggregate chain for a pipeline: `$match` through the SDK's query serializer (the port's operands
 * are the SDK's own commands), the other stages as they are; a `$limit` last when the pipeline has none
 * (CloudBase answers 20 documents to an aggregation without one).
 */
function applyPipeline(aggregate: any, pipeline: readonly AggregateStage[]): any {
  let a = aggregate;
  for (const stage of pipeline) {
    if ('$match' in stage) a = a.match(stage.$match);
    else if ('$group' in stage) a = a.group(stage.$group);
    else if ('$sort' in stage) a = a.sort(stage.$sort);
    else a = a.limit(stage.$limit);
  }
  const last = pipeline[pipeline.length - 1];
  return last !== undefined && '$limit' in last ? a : a.limit(MAX_AGGREGATE_ROWS);
}

function applyFind(query: any, options: FindOptions | undefined, defaultLimit: number): any {
  let q = query;
  for (const [field, dir] of options?.orderBy ?? []) q = q.orderBy(field, dir);
  if (options?.skip) q = q.skip(options.skip);
  q = q.limit(Math.min(options?.limit ?? defaultLimit, MAX_QUERY_LIMIT));
  if (options?.fields) q = q.field(Object.fromEntries(options.fields.map((f) => [f, true])));
  return q;
}

/** An SDK error as text (wx-server-sdk keeps `errCode`/`errMsg` and loses `code`; node-sdk `code`/`message`). */
function errorText(e: unknown): string {
  const x = e as { code?: unknown; message?: unknown; errMsg?: unknown } | null;
  return `${String(x?.code ?? '')} ${String(x?.message ?? '')} ${String(x?.errMsg ?? '')}`;
}

/**
 * DATABASE_DUPLICATE_WRITE reaches wx-server-sdk callers as errCode -501001 with the server's message in
 * `errMsg` (docs/wire-protocol.md section 1), so only the text tells. A unique index on another field fails
 * the same way, which is why `insert` confirms that the `_id` is taken before it answers false.
 */
function isDuplicate(e: unknown): boolean {
  return /DATABASE_DUPLICATE_WRITE|duplicate/i.test(errorText(e));
}

/**
 * A transaction conflict: DATABASE_TRANSACTION_CONFLICT as node-sdk throws it (start and commit keep the code
 * in wx-server-sdk too), or a wx-server-sdk error from a document operation inside the transaction, where the
 * code has become errCode -501001 and only `errMsg` says conflict (MongoDB's WriteConflict on CloudBase).
 * Errors the callback throws itself (DomainError and the like) carry neither and are never retried.
 */
function isConflict(e: unknown): boolean {
  const x = e as { code?: unknown; errCode?: unknown; errMsg?: unknown } | null;
  if (x?.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return typeof x?.errCode === 'number' && /conflict/i.test(String(x.errMsg ?? ''));
}

/**
 * A `tx.insert` refused as a duplicate `_id` that the transaction itself cannot see: another request committed
 * that document after the transaction began. CloudBase (MongoDB) and the local cloud report that as a write
 * conflict (decision 0014); should a service answer a duplicate key instead, the adapter still treats it as
 * the race it is, but retries it once only: if the next attempt collides again, the duplicate is real (a
 * unique index on another field, say) and `cause` is thrown.
 */
class InsertCollision extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    override readonly cause: unknown,
  ) {
    super(`insert of ${collection}/${id} collided with a document committed after the transaction began`);
    this.name = 'InsertCollision';
  }
}

/**
 * Attempts of one `runTransaction` call. wx-server-sdk's own retry (4 attempts, back to back) only sees
 * conflicts reported at commit, and a handful of concurrent writers of one document can outlast it; the
 * adapter makes the SDK try once and retries here, conflicts reported by a write inside the transaction too
 * (an insert colliding with a concurrent commit), after a short random pause so the writers spread out.
 * The retry runs the whole callback again on a new snapshot: a use case then finds what the winner committed
 * (its idempotency key, the order's new status) and answers accordingly.
 */
const MAX_TRANSACTION_ATTEMPTS = 10;

function pauseBeforeRetry(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(200, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createWxDatabasePort(cloud: WxCloud): DatabasePort {
  const db = cloud.database({ throwOnNotFound: false });
  const command = commandsOf(db);

  /** The port's view of one attempt of an SDK transaction. */
  function transactionPort(transaction: any): TransactionPort {
    async function get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
      try {
        // The transaction's collections belong to `db`, so `throwOnNotFound: false` answers null here too.
        const res = await transaction.collection(collection).doc(id).get();
        return (res.data ?? null) as T | null;
      } catch (e) {
        if (/does not exist/.test(errorText(e))) return null;
        throw e;
      }
    }
    /** Whether the transaction sees the document; true when it cannot tell (the transaction is over). */
    async function sees(collection: string, id: string): Promise<boolean> {
      try {
        return (await get(collection, id)) !== null;
      } catch {
        return true;
      }
    }
    return {
      get,
      async insert(collection: string, doc: StoredDocument): Promise<void> {
        try {
          await transaction.collection(collection).add({ data: doc });
        } catch (e) {
          if (isDuplicate(e) && !isConflict(e) && !(await sees(collection, doc._id))) {
            throw new InsertCollision(collection, doc._id, e);
          }
          throw e;
        }
      },
      async update(collection: string, id: string, patch: Patch): Promise<void> {
        const res = await transaction
          .collection(collection)
          .doc(id)
          .update({ data: patchData(db, patch) });
        // The SDK reports a missing document as 0 updated; writing nothing silently would lose the change.
        if ((res.stats?.updated ?? 0) === 0 && (await get(collection, id)) === null) {
          throw new Error(`update of a missing document ${collection}/${id} in a transaction`);
        }
      },
    };
  }

  const port: DatabasePort = {
    command,
    async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
      const res = await db.collection(collection).doc(id).get();
      return (res.data ?? null) as T | null;
    },
    async findOne<T extends StoredDocument>(
      collection: string,
      where: Where,
      options?: Omit<FindOptions, 'limit'>,
    ) {
      const res = await applyFind(db.collection(collection).where(where), { ...options, limit: 1 }, 1).get();
      return ((res.data as T[])[0] ?? null) as T | null;
    },
    async find<T extends StoredDocument>(
      collection: string,
      where: Where,
      options?: FindOptions,
    ): Promise<T[]> {
      const res = await applyFind(db.collection(collection).where(where), options, DEFAULT_QUERY_LIMIT).get();
      return res.data as T[];
    },
    async count(collection: string, where: Where): Promise<number> {
      const res = await db.collection(collection).where(where).count();
      return res.total as number;
    },
    async aggregate<R>(collection: string, pipeline: readonly AggregateStage[]): Promise<R[]> {
      const res = await applyPipeline(db.collection(collection).aggregate(), pipeline).end();
      return res.list as R[];
    },
    async insert(collection: string, doc: StoredDocument): Promise<boolean> {
      try {
        await db.collection(collection).add({ data: doc });
        return true;
      } catch (e) {
        // Only "the _id exists" answers false; any other duplicate (a unique index) is the caller's error.
        if (isDuplicate(e) && (await port.get(collection, doc._id)) !== null) return false;
        throw e;
      }
    },
    async update(collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> {
      const data = patchData(db, patch);
      if (options?.ifMatch) {
        const res = await db
          .collection(collection)
          .where({ ...options.ifMatch, _id: id })
          .update({ data });
        return (res.stats?.updated ?? 0) > 0;
      }
      const res = await db.collection(collection).doc(id).update({ data });
      return (res.stats?.updated ?? 0) > 0;
    },
    async updateWhere(collection: string, where: Where, patch: Patch): Promise<number> {
      const res = await db
        .collection(collection)
        .where(where)
        .update({ data: patchData(db, patch) });
      return (res.stats?.updated ?? 0) as number;
    },
    async removeWhere(collection: string, where: Where): Promise<number> {
      const res = await db.collection(collection).where(where).remove();
      return (res.stats?.removed ?? 0) as number;
    },
    async runTransaction<R>(fn: (tx: TransactionPort) => Promise<R>): Promise<R> {
      let collisions = 0;
      for (let attempt = 1; ; attempt += 1) {
        try {
          // times = 0: one attempt in the SDK (it still aborts the transaction when the callback throws).
          return (await db.runTransaction((transaction: any) => fn(transactionPort(transaction)), 0)) as R;
        } catch (e) {
          if (e instanceof InsertCollision) {
            collisions += 1;
            if (collisions > 1 || attempt >= MAX_TRANSACTION_ATTEMPTS) throw e.cause;
          } else if (!isConflict(e) || attempt >= MAX_TRANSACTION_ATTEMPTS) {
            throw e;
          }
          await pauseBeforeRetry(attempt);
        }
      }
    },
  };
  return port;
}
