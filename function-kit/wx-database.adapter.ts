/**
 * The core's DatabasePort on wx-server-sdk's `cloud.database()`: what every cloud function hands the use cases.
 * The same code runs on CloudBase and on the local cloud (the SDK is unmodified; only its serviceUrl differs).
 */
import type {
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
} from '../core/shared/database.port';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from '../core/shared/database.port';

/* eslint-disable @typescript-eslint/no-explicit-any -- wx-server-sdk ships loose typings; this adapter is their boundary */
type WxDb = any;
type WxCommand = any;

/** The part of the wx-server-sdk module the adapter uses (so tests can hand it an instance pointed anywhere). */
export interface WxCloud {
  database(options?: { throwOnNotFound?: boolean }): WxDb;
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
      isPlain(v) &&
      !isCommand(v);
    out[k] = plainObject ? _.set(v) : v;
  }
  return out;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** SDK command objects (`_.inc(1)`) are class instances, not plain objects. */
function isCommand(v: object): boolean {
  return !isPlain(v);
}

function applyFind(query: any, options: FindOptions | undefined, defaultLimit: number): any {
  let q = query;
  for (const [field, dir] of options?.orderBy ?? []) q = q.orderBy(field, dir);
  if (options?.skip) q = q.skip(options.skip);
  q = q.limit(Math.min(options?.limit ?? defaultLimit, MAX_QUERY_LIMIT));
  if (options?.fields) q = q.field(Object.fromEntries(options.fields.map((f) => [f, true])));
  return q;
}

function isDuplicate(e: unknown): boolean {
  const text = `${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''} ${(e as { errMsg?: string })?.errMsg ?? ''}`;
  return /DATABASE_DUPLICATE_WRITE|duplicate/i.test(text);
}

export function createWxDatabasePort(cloud: WxCloud): DatabasePort {
  const db = cloud.database({ throwOnNotFound: false });
  const command = commandsOf(db);

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
    async insert(collection: string, doc: StoredDocument): Promise<boolean> {
      try {
        await db.collection(collection).add({ data: doc });
        return true;
      } catch (e) {
        if (isDuplicate(e)) return false;
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
    async runTransaction<R>(fn: (tx: TransactionPort) => Promise<R>): Promise<R> {
      return db.runTransaction(async (transaction: any) => {
        const tx: TransactionPort = {
          async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
            try {
              const res = await transaction.collection(collection).doc(id).get();
              return (res.data ?? null) as T | null;
            } catch (e) {
              if (/does not exist/.test(String((e as { errMsg?: string }).errMsg ?? (e as Error).message)))
                return null;
              throw e;
            }
          },
          async insert(collection: string, doc: StoredDocument): Promise<void> {
            await transaction.collection(collection).add({ data: doc });
          },
          async update(collection: string, id: string, patch: Patch): Promise<void> {
            await transaction
              .collection(collection)
              .doc(id)
              .update({ data: patchData(db, patch) });
          },
        };
        return fn(tx);
      }) as Promise<R>;
    },
  };
  return port;
}
