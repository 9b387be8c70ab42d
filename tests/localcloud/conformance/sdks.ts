/**
 * The two real SDKs as the conformance suite drives them, side by side.
 *
 * Both expose the same query builder (`collection().where().orderBy()...`, `db.command`, `db.serverDate`,
 * `db.RegExp`, `runTransaction`), because wx-server-sdk wraps the same @cloudbase/database. They differ in
 * how write calls take their data (node `add(d)`, wx `add({data: d})`) and in the result objects application
 * code sees. This file bridges the first difference and spells out the second as exact expected results
 * (docs/wire-protocol.md sections 1 and 3), so every test asserts the SDK's own result, never the HTTP reply.
 */
import type tcb from '@cloudbase/node-sdk';
import { nodeSdk, wxSdk, type StartedCloud } from '../../helpers/local-cloud.fixture';

export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
export type Coll = ReturnType<Db['collection']>;
export type DocRef = ReturnType<Coll['doc']>;
export type Query = ReturnType<Coll['where']>;
type Doc = Record<string, unknown>;

export type SdkName = 'node-sdk' | 'wx-server-sdk';
export const SDK_NAMES: SdkName[] = ['node-sdk', 'wx-server-sdk'];

/** docs/wire-protocol.md section 1: how wx-server-sdk maps CloudBase codes. */
const WX_ERR_CODE: Record<string, number> = {
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_INVALID_OPERRATOR: -502002,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_EXCEED_LIMIT: -502004,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
  INVALID_PARAM: -501007,
};

/** The database API names wx-server-sdk puts in `errMsg`. */
export type ApiName =
  | 'collection.get'
  | 'collection.add'
  | 'collection.update'
  | 'collection.remove'
  | 'collection.count'
  | 'collection.aggregate'
  | 'document.get'
  | 'document.set'
  | 'document.update'
  | 'document.remove'
  | 'createCollection';

export interface Sdk {
  readonly name: SdkName;
  readonly db: Db;
  /** `coll.add(data)` (node) / `coll.add({data})` (wx). */
  add(ref: Coll, data: Doc | Doc[]): Promise<unknown>;
  /** `ref.update(data)` / `ref.update({data})`, for a where-query or a document. */
  update(ref: Query | DocRef, data: Doc): Promise<unknown>;
  /** `doc.set(data)` / `doc.set({data})`. */
  set(ref: DocRef, data: Doc): Promise<unknown>;
  /** A where-update of the first match only: node `options({multiple:false})`, wx `{multi:false}`. */
  updateOne(ref: Query, data: Doc): Promise<unknown>;
  /** A where-remove of the first match only. */
  removeOne(ref: Query): Promise<unknown>;
  /** The documents of a `get()` result (both SDKs put them in `data`). */
  docs(res: unknown): Doc[];
  /** The document of a `doc(id).get()` result: node gives a one-element array, wx the document. */
  doc(res: unknown): Doc | undefined;
  /** The documents of an `aggregate().end()` result: node `data`, wx `list`. */
  aggregated(res: unknown): Doc[];
  /** Exact results application code sees, per call. */
  readonly result: {
    get(data: unknown[]): unknown;
    docGet(doc: Doc): unknown;
    count(total: number): unknown;
    addOne(id: unknown): unknown;
    addMany(ids: unknown): unknown;
    whereUpdate(updated: number): unknown;
    docUpdate(updated: number): unknown;
    /** `doc(id).set()`: replaced an existing document, or inserted `id`. */
    set(id: string, inserted: boolean): unknown;
    whereRemove(deleted: number): unknown;
    docRemove(deleted: number): unknown;
    aggregate(list: unknown[]): unknown;
    createCollection(): unknown;
  };
  /** What the SDK throws for a reply `{code, message}` on the given API (a `toMatchObject` pattern). */
  failure(api: ApiName, code: string, message?: RegExp): Doc;
}

const requestId = () => expect.any(String) as unknown;

function nodeFlavor(serviceUrl: string): Sdk {
  const db = nodeSdk(serviceUrl).database();
  return {
    name: 'node-sdk',
    db,
    add: (ref, data) => ref.add(data),
    update: (ref, data) => ref.update(data),
    set: (ref, data) => ref.set(data) as Promise<unknown>,
    updateOne: (ref, data) => ref.options({ multiple: false }).update(data),
    removeOne: (ref) => ref.options({ multiple: false }).remove(),
    docs: (res) => (res as { data: Doc[] }).data,
    doc: (res) => (res as { data: Doc[] }).data[0],
    aggregated: (res) => (res as { data: Doc[] }).data,
    result: {
      get: (data) => ({ data, requestId: requestId() }),
      docGet: (doc) => ({ data: [doc], requestId: requestId() }),
      count: (total) => ({ total, requestId: requestId() }),
      addOne: (id) => ({ id, requestId: requestId() }),
      addMany: (ids) => ({ ids, requestId: requestId() }),
      whereUpdate: (updated) => ({ updated, requestId: requestId() }),
      docUpdate: (updated) => ({ updated, requestId: requestId() }),
      set: (id, inserted) =>
        inserted
          ? { updated: 0, upsertedId: id, requestId: requestId() }
          : { updated: 1, requestId: requestId() },
      whereRemove: (deleted) => ({ deleted, requestId: requestId() }),
      docRemove: (deleted) => ({ deleted, requestId: requestId() }),
      aggregate: (list) => ({ data: list, requestId: requestId() }),
      createCollection: () => ({ requestId: requestId() }),
    },
    failure: (_api, code, message) => ({
      code,
      ...(message ? { message: expect.stringMatching(message) as unknown } : {}),
      requestId: requestId(),
    }),
  };
}

function wxFlavor(serviceUrl: string): Sdk {
  const db = wxSdk(serviceUrl).database() as unknown as Db;
  type WxRef = {
    add(o: object): Promise<unknown>;
    update(o: object): Promise<unknown>;
    remove(o: object): Promise<unknown>;
  };
  type WxDoc = { set(o: object): Promise<unknown> };
  return {
    name: 'wx-server-sdk',
    db,
    add: (ref, data) => (ref as unknown as WxRef).add({ data }),
    update: (ref, data) => (ref as unknown as WxRef).update({ data }),
    set: (ref, data) => (ref as unknown as WxDoc).set({ data }),
    updateOne: (ref, data) => (ref as unknown as WxRef).update({ data, multi: false }),
    removeOne: (ref) => (ref as unknown as WxRef).remove({ multi: false }),
    docs: (res) => (res as { data: Doc[] }).data,
    doc: (res) => (res as { data: Doc }).data,
    aggregated: (res) => (res as { list: Doc[] }).list,
    result: {
      get: (data) => ({ data, errMsg: 'collection.get:ok' }),
      docGet: (doc) => ({ data: doc, errMsg: 'document.get:ok' }),
      count: (total) => ({ total, errMsg: 'collection.count:ok' }),
      addOne: (id) => ({ _id: id, errMsg: 'collection.add:ok' }),
      addMany: (ids) => ({ _ids: ids, errMsg: 'collection.add:ok' }),
      whereUpdate: (updated) => ({ stats: { updated }, errMsg: 'collection.update:ok' }),
      docUpdate: (updated) => ({ stats: { updated }, errMsg: 'document.update:ok' }),
      set: (id, inserted) => ({
        _id: id,
        stats: { updated: inserted ? 0 : 1, created: inserted ? 1 : 0 },
        errMsg: 'document.set:ok',
      }),
      whereRemove: (removed) => ({ stats: { removed }, errMsg: 'collection.remove:ok' }),
      docRemove: (removed) => ({ stats: { removed }, errMsg: 'document.remove:ok' }),
      aggregate: (list) => ({ list, errMsg: 'collection.aggregate:ok' }),
      createCollection: () => ({ errMsg: 'createCollection:ok', requestId: requestId() }),
    },
    failure: (api, code, message) => {
      // aggregate and createCollection rethrow the node-sdk error with `code` kept and errCode -1;
      // every other database call maps the code through TCB_ERR_CODE (docs/wire-protocol.md section 1).
      if (api === 'collection.aggregate' || api === 'createCollection') {
        return {
          code,
          errCode: -1,
          errMsg: expect.stringMatching(new RegExp(`^${api}:fail ${message?.source ?? ''}`)) as unknown,
        };
      }
      const errCode = WX_ERR_CODE[code] ?? -501001;
      return {
        errCode,
        errMsg: expect.stringMatching(
          new RegExp(`^${api.replace('.', '\\.')}:fail ${errCode} .*${message?.source ?? ''}`),
        ) as unknown,
      };
    },
  };
}

export function connect(name: SdkName, serviceUrl: string): Sdk {
  return name === 'node-sdk' ? nodeFlavor(serviceUrl) : wxFlavor(serviceUrl);
}

let counter = 0;

/** A new, empty collection of its own for one test (created on the local cloud directly). */
export function freshCollection(s: StartedCloud, prefix: string, sdk?: Sdk): string {
  const name = `${prefix}_${sdk ? (sdk.name === 'node-sdk' ? 'n' : 'w') : 'x'}_${++counter}`;
  s.cloud.db.ensureCollection(name);
  return name;
}

/** The documents, sorted by `_id`, without caring about natural order. */
export function byId<T extends { _id?: unknown }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => String(a._id).localeCompare(String(b._id)));
}
