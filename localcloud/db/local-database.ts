/**
 * The database operations of the local cloud, in CloudBase semantics, on top of the SQLite store.
 *
 * Query, update and aggregation semantics are mingo's (MongoDB semantics); this file only chooses which
 * documents to hand to mingo (by `_id`, through a declared index, or by scanning) and writes the results
 * back atomically. Every request runs synchronously from start to end on the one event loop, so a
 * read-modify-write such as `_.inc` can never interleave with another writer.
 *
 * Transactions (startTransaction ... commit) span several HTTP requests and give snapshot isolation, as
 * CloudBase (MongoDB) does (decision 0014): every read sees the committed state as of the transaction's start
 * (the store keeps the versions later writes replaced while a snapshot is open) plus the transaction's own
 * writes, which are buffered in an overlay and applied in one SQLite transaction at commit. A document the
 * transaction writes that someone else wrote after its start is a write conflict
 * (DATABASE_TRANSACTION_CONFLICT), at commit, or at once for an insert of an `_id` committed meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { Aggregator, Query } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import { CloudError, CloudErrorCode, invalidParam } from '../protocol/cloud-error';
import { decodeStored, encodeDoc, isPlainObject, type Doc } from '../protocol/ejson.codec';
import { extractConstraints, planIndex, planOrdered, valuesAtPath } from './index-keys';
import { DuplicateKeyError, type PageOrder, type SqliteStore } from './sqlite.store';

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

export interface UpdateOptions {
  multi: boolean;
  merge: boolean;
  upsert: boolean;
}

interface TxState {
  id: string;
  lastUsed: number;
  /** The store's last rev when the transaction started: it reads the committed state as of then. */
  snapshot: number;
  /** Buffered writes: collection -> id -> new document, or null for a removal. */
  writes: Map<string, Map<string, Doc | null>>;
  /**
   * The write conflict an operation of the transaction ran into: the transaction is over (as on MongoDB,
   * where a WriteConflict aborts it). Every later operation and the commit answer it; an abort ends it.
   */
  conflict?: CloudError;
}

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$currentDate',
  '$bit',
]);

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
const TX_IDLE_MS = 60_000;
const MAX_OPEN_TX = 1000;

export class LocalDatabase {
  private readonly txs = new Map<string, TxState>();

  constructor(
    readonly store: SqliteStore,
    readonly now: () => number,
  ) {}

  private readonly mingoOptions = {
    idKey: '_id',
    scriptEnabled: false,
    collectionResolver: (name: string): Doc[] => (this.store.has(name) ? this.allDocs(name) : []),
  };

  newId(): string {
    return randomBytes(16).toString('hex');
  }

  // ---------- collections ----------

  createCollection(name: string): void {
    if (!this.store.createCollection(name, this.now())) {
      throw new CloudError(CloudErrorCode.CollectionExists, `集合已存在(Table exist): ${name}`);
    }
  }

  ensureCollection(name: string): boolean {
    return this.store.createCollection(name, this.now());
  }

  // ---------- reads ----------

  /** Point read by `_id` answered with the stored text (no decode, no re-encode): the hot path. */
  getRawById(collection: string, id: string): string[] {
    const row = this.store.get(collection, id);
    return row ? [row.doc] : [];
  }

  find(collection: string, filter: Doc, opts: FindOptions, txId?: string): string[] {
    if (!txId) {
      const ordered = this.orderedFromIndex(collection, filter, opts);
      if (ordered) return ordered;
    }
    const docs = txId
      ? this.txMatches(this.liveTx(txId), collection, filter)
      : this.committedMatches(collection, filter).map((m) => m.doc);
    let cursor;
    try {
      cursor = new Query({}, this.mingoOptions).find<Doc>(docs, opts.projection as never);
      if (opts.order && Object.keys(opts.order).length > 0) cursor = cursor.sort(opts.order);
      if (opts.offset) cursor = cursor.skip(opts.offset);
      if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
      return cursor.all().map(encodeDoc);
    } catch (e) {
      throw asOperatorError(e);
    }
  }

  /**
   * A page of a query sorted by an indexed number field (then `_id`, or by the field alone), read in that
   * order from the index: per value of the equalities before the field (each `$in` value of `servedPaths`,
   * say) the index hands its rows in order, the streams are merged, and only the documents up to the page's
   * end are fetched and decoded (the best 100 of thousands). Only where that order is certainly the query's
   * order: every candidate's key in the column is a number and no boolean or date was ever stored there (the
   * index keeps those as numbers too, but they sort after all numbers), and every document read holds one
   * number there. Otherwise undefined, and `find` takes the general path.
   */
  private orderedFromIndex(collection: string, filter: Doc, opts: FindOptions): string[] | undefined {
    const sort = pageSortOf(opts.order);
    if (opts.limit === undefined || !sort || filter['_id'] !== undefined) return undefined;
    this.store.collection(collection);
    const plan = planOrdered(
      this.store.indexesOf(collection),
      extractConstraints(filter),
      sort.field,
      (index) => this.store.isMultikey(collection, index.name),
      sort.order.key,
    );
    if (!plan || !this.store.keysAreNumbers(collection, plan.index.name, plan.column)) return undefined;
    if (this.store.hasNonNumberKeys(collection, plan)) return undefined;

    const wanted = (opts.offset ?? 0) + opts.limit;
    const query = compileQuery(filter, this.mingoOptions);
    const path = sort.field.split('.');
    const seen = new Set<string>();
    const matched: Array<{ doc: Doc; plain: boolean }> = [];
    try {
      let after: { key: number; id: string } | undefined;
      while (matched.length < wanted) {
        const size = Math.max(16, Math.ceil((wanted - matched.length) * 1.25));
        const rows = this.store.orderedPage(collection, plan, sort.order, after, size);
        const fresh: string[] = [];
        for (const { id } of rows) {
          // SQLite orders ids by UTF-8 bytes, the query engine by UTF-16 code units: the same below U+D800.
          if (/[\uD800-\uFFFF]/.test(id)) return undefined;
          if (!seen.has(id)) fresh.push(id);
          seen.add(id);
        }
        // Fetched as needed: about as many documents as the page still lacks at a time.
        for (let start = 0; start < fresh.length && matched.length < wanted;) {
          const batch = fresh.slice(start, start + Math.max(8, wanted - matched.length));
          start += batch.length;
          for (const row of this.rowsByIds(collection, batch)) {
            const doc = decodeStored(row.doc);
            if (!query.test(doc)) continue;
            // The index said one number; the document must agree (an array sorts by its min or max).
            const values = valuesAtPath(doc, path);
            if (values.some((v) => typeof v !== 'number' || v !== values[0])) return undefined;
            matched.push({ doc, plain: !row.doc.includes('"$') });
            if (matched.length === wanted) break;
          }
        }
        if (rows.length < size) break;
        after = rows[rows.length - 1]!;
      }
      const page = matched.slice(opts.offset ?? 0, wanted);
      const fields = includedFields(opts.projection);
      // Fields of a document stored as plain JSON (`decodeStored`) encode to the same text through JSON.
      if (fields) return page.map((m) => (m.plain ? JSON.stringify : encodeDoc)(pick(m.doc, fields)));
      const docs = page.map((m) => m.doc);
      return new Query({}, this.mingoOptions)
        .find<Doc>(docs, opts.projection as never)
        .all()
        .map(encodeDoc);
    } catch (e) {
      throw asOperatorError(e);
    }
  }

  count(collection: string, filter: Doc): number {
    return this.committedMatches(collection, filter).length;
  }

  aggregate(collection: string, pipeline: Doc[]): string[] {
    this.store.collection(collection);
    const first = pipeline[0];
    const source =
      first && isPlainObject(first['$match'])
        ? this.committedMatches(collection, first['$match']).map((m) => m.doc)
        : this.allDocs(collection);
    try {
      return new Aggregator(pipeline, this.mingoOptions).run(source).map(encodeDoc);
    } catch (e) {
      throw asOperatorError(e);
    }
  }

  private allDocs(collection: string): Doc[] {
    const out: Doc[] = [];
    for (const row of this.store.scan(collection)) out.push(decodeStored(row.doc));
    return out;
  }

  /** Committed documents matching the filter, with their revs, in natural (insertion) order. */
  private committedMatches(collection: string, filter: Doc): Array<{ doc: Doc; rev: number }> {
    this.store.collection(collection);
    const query = compileQuery(filter, this.mingoOptions);
    const rows = this.candidateRows(collection, filter);
    const out: Array<{ doc: Doc; rev: number }> = [];
    try {
      for (const row of rows) {
        const doc = decodeStored(row.doc);
        if (query.test(doc)) out.push({ doc, rev: row.rev });
      }
    } catch (e) {
      throw asOperatorError(e);
    }
    return out;
  }

  private candidateRows(collection: string, filter: Doc): Iterable<{ id: string; doc: string; rev: number }> {
    const ids = idsOf(filter);
    if (ids) return this.rowsByIds(collection, ids);
    const plan = planIndex(this.store.indexesOf(collection), extractConstraints(filter), (index) =>
      this.store.isMultikey(collection, index.name),
    );
    if (plan) return this.rowsByIds(collection, this.store.candidateIds(collection, plan));
    return this.store.scan(collection);
  }

  /** The rows of these ids, in the order of `ids` (read in one statement when there are several). */
  private rowsByIds(collection: string, ids: string[]): Array<{ id: string; doc: string; rev: number }> {
    const unique = [...new Set(ids)];
    if (unique.length === 1) {
      const row = this.store.get(collection, unique[0]!);
      return row ? [row] : [];
    }
    const byId = new Map(this.store.getMany(collection, unique).map((row) => [row.id, row]));
    const out = [];
    for (const id of unique) {
      const row = byId.get(id);
      if (row) out.push(row);
    }
    return out;
  }

  // ---------- writes ----------

  insert(collection: string, docs: Doc[], txId?: string): string[] {
    this.store.collection(collection);
    this.dropIdleTransactions();
    const prepared = docs.map((d) => {
      if (!isPlainObject(d)) throw invalidParam('插入的每条记录都必须是对象');
      if (Object.keys(d).some((k) => k.startsWith('$'))) {
        throw new CloudError(CloudErrorCode.InvalidOperator, '插入的记录不能含有以 $ 开头的字段');
      }
      const id = d['_id'] ?? this.newId();
      if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
        throw invalidParam('_id 必须是 1-128 个字符的字符串');
      }
      return { ...d, _id: id };
    });
    if (txId) {
      const tx = this.liveTx(txId);
      for (const d of prepared) {
        const id = d['_id'] as string;
        if (this.txGet(tx, collection, id)) {
          throw new CloudError(CloudErrorCode.DuplicateKey, `写入重复键(duplicate key):_id ${id} 已存在`);
        }
        // Absent from the snapshot, but someone else has written one since: on CloudBase (MongoDB) that is a
        // write conflict, which ends the transaction and which the SDKs retry, not a duplicate key.
        if (!tx.writes.get(collection)?.has(id) && this.store.changedSince(collection, id, tx.snapshot)) {
          const conflict = this.conflictOf(tx, collection, id);
          this.keepSnapshots();
          throw conflict;
        }
        this.txWrite(tx, collection, id, d);
      }
    } else {
      this.store.atomically(() => {
        for (const d of prepared) this.store.put(collection, d, false);
      });
    }
    return prepared.map((d) => d['_id'] as string);
  }

  update(
    collection: string,
    filter: Doc,
    data: Doc,
    opts: UpdateOptions,
    txId?: string,
  ): { updated: number; upsertId?: string } {
    this.store.collection(collection);
    this.dropIdleTransactions();
    if (opts.merge) validateUpdateOperators(data);
    else validateReplacement(data);
    if (txId) {
      const tx = this.liveTx(txId);
      const matches = this.txMatches(tx, collection, filter);
      const targets = opts.multi ? matches : matches.slice(0, 1);
      let updated = 0;
      for (const doc of targets) {
        const id = doc['_id'] as string;
        const next = opts.merge ? this.applyOps(doc, data) : replacement(id, data);
        if (next) {
          this.txWrite(tx, collection, id, next);
          updated++;
        }
      }
      if (targets.length === 0 && opts.upsert) {
        const doc = this.upsertDoc(filter, data, opts.merge);
        this.txWrite(tx, collection, doc['_id'] as string, doc);
        return { updated: 0, upsertId: doc['_id'] as string };
      }
      return { updated };
    }
    return this.store.atomically(() => {
      const matches = this.committedMatches(collection, filter);
      const targets = opts.multi ? matches : matches.slice(0, 1);
      let updated = 0;
      for (const m of targets) {
        const id = m.doc['_id'] as string;
        const next = opts.merge ? this.applyOps(m.doc, data) : replacement(id, data);
        if (next) {
          this.store.put(collection, next, true);
          updated++;
        }
      }
      if (targets.length === 0 && opts.upsert) {
        const doc = this.upsertDoc(filter, data, opts.merge);
        this.store.put(collection, doc, false);
        return { updated: 0, upsertId: doc['_id'] as string };
      }
      return { updated };
    });
  }

  updateAndReturn(
    collection: string,
    filter: Doc,
    data: Doc,
    txId?: string,
  ): { updated: number; doc: string | null } {
    this.store.collection(collection);
    this.dropIdleTransactions();
    validateUpdateOperators(data);
    if (txId) {
      const tx = this.liveTx(txId);
      const doc = this.txMatches(tx, collection, filter)[0];
      if (!doc) return { updated: 0, doc: null };
      const next = this.applyOps(doc, data);
      if (next) this.txWrite(tx, collection, doc['_id'] as string, next);
      return { updated: next ? 1 : 0, doc: encodeDoc(next ?? doc) };
    }
    return this.store.atomically(() => {
      const m = this.committedMatches(collection, filter)[0];
      if (!m) return { updated: 0, doc: null };
      const next = this.applyOps(m.doc, data);
      if (next) this.store.put(collection, next, true);
      return { updated: next ? 1 : 0, doc: encodeDoc(next ?? m.doc) };
    });
  }

  remove(collection: string, filter: Doc, multi: boolean, txId?: string): number {
    this.store.collection(collection);
    this.dropIdleTransactions();
    if (txId) {
      const tx = this.liveTx(txId);
      const matches = this.txMatches(tx, collection, filter);
      const targets = multi ? matches : matches.slice(0, 1);
      for (const doc of targets) this.txWrite(tx, collection, doc['_id'] as string, null);
      return targets.length;
    }
    return this.store.atomically(() => {
      const matches = this.committedMatches(collection, filter);
      const targets = multi ? matches : matches.slice(0, 1);
      let deleted = 0;
      for (const m of targets) if (this.store.delete(collection, m.doc['_id'] as string)) deleted++;
      return deleted;
    });
  }

  /** Apply update operators to a copy; null when nothing changed. */
  private applyOps(doc: Doc, data: Doc): Doc | null {
    const copy = structuredClone(doc);
    let changed: string[];
    try {
      changed = applyUpdate(copy, data as never, undefined, undefined, { cloneMode: 'deep' });
    } catch (e) {
      throw asOperatorError(e);
    }
    if (copy['_id'] !== doc['_id']) {
      throw new CloudError(CloudErrorCode.RequestFailed, '不能修改记录的 _id(the field _id is immutable)');
    }
    return changed.length > 0 ? copy : null;
  }

  private upsertDoc(filter: Doc, data: Doc, merge: boolean): Doc {
    const id = typeof filter['_id'] === 'string' ? filter['_id'] : this.newId();
    if (!merge) return replacement(id, data);
    const base: Doc = { _id: id };
    for (const [k, v] of Object.entries(filter)) {
      if (!k.startsWith('$') && !k.includes('.') && !isOperatorValue(v) && !(v instanceof RegExp))
        base[k] = v;
    }
    return this.applyOps(base, data) ?? base;
  }

  // ---------- transactions (decision 0014) ----------

  startTransaction(): string {
    const now = this.now();
    this.dropIdleTransactions();
    if (this.txs.size >= MAX_OPEN_TX) {
      throw new CloudError(CloudErrorCode.RequestFailed, `同时进行的事务过多(上限 ${MAX_OPEN_TX})`);
    }
    const id = `tx-${this.newId()}`;
    this.txs.set(id, { id, lastUsed: now, snapshot: this.store.lastRev(), writes: new Map() });
    this.keepSnapshots();
    return id;
  }

  /**
   * Apply the buffered writes in one SQLite transaction, unless a document among them was written by someone
   * else after the transaction started (first committer wins). A transaction that wrote nothing commits
   * without a check: reading a snapshot never conflicts.
   */
  commitTransaction(txId: string): void {
    const tx = this.tx(txId);
    try {
      if (tx.conflict) throw tx.conflict;
      if (tx.writes.size === 0) return;
      this.store.atomically(() => {
        for (const [collection, docs] of tx.writes) {
          for (const id of docs.keys()) {
            if (this.store.changedSince(collection, id, tx.snapshot))
              throw this.conflictOf(tx, collection, id);
          }
        }
        for (const [collection, docs] of tx.writes) {
          for (const [id, doc] of docs) {
            // Unchanged since the snapshot, so the committed state is the snapshot's.
            const existed = this.store.get(collection, id) !== undefined;
            if (doc === null) {
              if (existed) this.store.delete(collection, id);
            } else {
              this.putInTx(tx, collection, doc, existed);
            }
          }
        }
      });
    } finally {
      this.txs.delete(txId);
      this.keepSnapshots();
    }
  }

  abortTransaction(txId: string): void {
    this.tx(txId);
    this.txs.delete(txId);
    this.keepSnapshots();
  }

  /** A write at commit; a unique key held by a document written after the snapshot is a conflict too. */
  private putInTx(tx: TxState, collection: string, doc: Doc, existed: boolean): void {
    try {
      this.store.put(collection, doc, existed);
    } catch (e) {
      if (
        e instanceof DuplicateKeyError &&
        this.store.changedSince(e.collection, e.existingId, tx.snapshot)
      ) {
        throw this.conflictOf(tx, e.collection, e.existingId);
      }
      throw e;
    }
  }

  /** The open transaction (its conflict, if it has one, is not checked: see `liveTx`). */
  private tx(txId: string): TxState {
    const tx = this.txs.get(txId);
    if (!tx || this.now() - tx.lastUsed > TX_IDLE_MS) {
      if (this.txs.delete(txId)) this.keepSnapshots();
      throw new CloudError(
        CloudErrorCode.TransactionNotExist,
        `事务不存在或已超时(transaction not exist): ${txId}`,
      );
    }
    tx.lastUsed = this.now();
    return tx;
  }

  /** The open transaction for a read or a write: one that has run into a conflict answers that conflict. */
  private liveTx(txId: string): TxState {
    const tx = this.tx(txId);
    if (tx.conflict) throw tx.conflict;
    return tx;
  }

  /** Record a write conflict on the transaction: it is over (`keepSnapshots` may then forget its snapshot). */
  private conflictOf(tx: TxState, collection: string, id: string): CloudError {
    tx.conflict = new CloudError(
      CloudErrorCode.TransactionConflict,
      `事务冲突:${collection}/${id} 在事务开始后被其他请求写入,请重试(transaction conflict)`,
    );
    return tx.conflict;
  }

  /**
   * Forget transactions idle for longer than TX_IDLE_MS (a client that never committed), so their snapshots
   * do not keep versions: at every start, and at every write while a transaction is open.
   */
  private dropIdleTransactions(): void {
    if (this.txs.size === 0) return;
    const now = this.now();
    let dropped = false;
    for (const [id, t] of this.txs) {
      if (now - t.lastUsed > TX_IDLE_MS) dropped = this.txs.delete(id);
    }
    if (dropped) this.keepSnapshots();
  }

  /** Tell the store the oldest snapshot still read, so it keeps the versions that one needs and no more. */
  private keepSnapshots(): void {
    let oldest: number | undefined;
    for (const t of this.txs.values()) {
      if (!t.conflict && (oldest === undefined || t.snapshot < oldest)) oldest = t.snapshot;
    }
    this.store.keepVersionsAfter(oldest);
  }

  /** The document as the transaction sees it: its own write, or the committed one as of its snapshot. */
  private txGet(tx: TxState, collection: string, id: string): Doc | null {
    const buffered = tx.writes.get(collection)?.get(id);
    if (buffered !== undefined) return buffered;
    const row = this.store.rowAt(collection, id, tx.snapshot);
    return row ? decodeStored(row.doc) : null;
  }

  private txWrite(tx: TxState, collection: string, id: string, doc: Doc | null): void {
    let docs = tx.writes.get(collection);
    if (!docs) tx.writes.set(collection, (docs = new Map()));
    docs.set(id, doc);
  }

  /** Matches as the transaction sees them: its snapshot with its own buffered writes on top. */
  private txMatches(tx: TxState, collection: string, filter: Doc): Doc[] {
    const snapshot = this.snapshotMatches(tx.snapshot, collection, filter);
    const buffered = tx.writes.get(collection);
    if (!buffered || buffered.size === 0) return snapshot;
    const query = compileQuery(filter, this.mingoOptions);
    const out = snapshot.filter((doc) => !buffered.has(doc['_id'] as string));
    try {
      for (const doc of buffered.values()) if (doc && query.test(doc)) out.push(doc);
    } catch (e) {
      throw asOperatorError(e);
    }
    return out;
  }

  /**
   * Committed documents matching the filter as of `snapshot`: the current rows, except that a document
   * written since is taken as it was then (in its place, or after the others when it is gone or no longer
   * a candidate now).
   */
  private snapshotMatches(snapshot: number, collection: string, filter: Doc): Doc[] {
    this.store.collection(collection);
    const query = compileQuery(filter, this.mingoOptions);
    const out: Doc[] = [];
    const test = (text: string | undefined): void => {
      if (text === undefined) return;
      const doc = decodeStored(text);
      if (query.test(doc)) out.push(doc);
    };
    try {
      const ids = idsOf(filter);
      if (ids) {
        for (const id of new Set(ids)) test(this.store.rowAt(collection, id, snapshot)?.doc);
        return out;
      }
      const changed = this.store.changedAt(collection, snapshot);
      if (changed.size === 0) return this.committedMatches(collection, filter).map((m) => m.doc);
      for (const row of this.candidateRows(collection, filter)) {
        if (!changed.has(row.id)) test(row.doc);
        else {
          test(changed.get(row.id)?.doc);
          changed.delete(row.id);
        }
      }
      for (const row of changed.values()) test(row?.doc);
    } catch (e) {
      throw asOperatorError(e);
    }
    return out;
  }
}

/**
 * The fields of a projection that only includes top-level fields (`{ a: 1, b: true }`, `_id` in or out),
 * which is what the SDKs' `field()` sends: picked directly, without the query engine (a tenth of the time).
 * Undefined for anything else (dotted paths, exclusions, operators).
 */
function includedFields(projection: Doc | undefined): { names: string[]; id: boolean } | undefined {
  if (projection === undefined) return undefined;
  const names: string[] = [];
  let id = true;
  for (const [name, value] of Object.entries(projection)) {
    if (name === '_id' && (value === 0 || value === false)) id = false;
    else if (value !== 1 && value !== true) return undefined;
    else if (name.includes('.') || name.startsWith('$')) return undefined;
    else if (name !== '_id') names.push(name);
  }
  return names.length > 0 ? { names, id } : undefined;
}

function pick(doc: Doc, fields: { names: string[]; id: boolean }): Doc {
  const out: Doc = {};
  if (fields.id && doc['_id'] !== undefined) out['_id'] = doc['_id'];
  for (const name of fields.names) if (doc[name] !== undefined) out[name] = doc[name];
  return out;
}

/**
 * A sort the index can serve: one field, optionally followed by `_id`. Ties of a sort by the field alone come
 * in `_id` order in the field's direction, the index's own order (MongoDB leaves that order open).
 */
function pageSortOf(
  order: Record<string, 1 | -1> | undefined,
): { field: string; order: PageOrder } | undefined {
  const keys = Object.entries(order ?? {});
  const [first, second] = keys;
  if (!first || first[0] === '_id' || keys.length > 2) return undefined;
  if (second && second[0] !== '_id') return undefined;
  return { field: first[0], order: { key: first[1], id: second?.[1] ?? first[1] } };
}

/** The ids a filter names by `_id` (a string, or `$in` of them), if it is that kind of filter. */
function idsOf(filter: Doc): string[] | undefined {
  const idCond = filter['_id'];
  if (typeof idCond === 'string') return [idCond];
  if (isPlainObject(idCond) && Array.isArray(idCond['$in']) && Object.keys(idCond).length === 1)
    return idCond['$in'].filter((x): x is string => typeof x === 'string');
  return undefined;
}

function compileQuery(filter: Doc, options: object): Query {
  try {
    return new Query(filter, options);
  } catch (e) {
    throw asOperatorError(e);
  }
}

function isOperatorValue(v: unknown): boolean {
  return isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$'));
}

function validateUpdateOperators(data: Doc): void {
  const keys = Object.keys(data);
  if (keys.length === 0) throw invalidParam('更新内容不能为空');
  for (const k of keys) {
    if (!UPDATE_OPERATORS.has(k)) {
      throw new CloudError(CloudErrorCode.InvalidOperator, `不支持的更新操作符(invalid operator): ${k}`);
    }
    const v = data[k];
    if (!isPlainObject(v)) throw invalidParam(`更新操作符 ${k} 的参数必须是对象`);
    // Any operator on `_id`, or a rename onto it: one error, whichever operator tried.
    if (Object.keys(v).includes('_id') || (k === '$rename' && Object.values(v).includes('_id'))) {
      throw new CloudError(CloudErrorCode.RequestFailed, '不能修改记录的 _id(the field _id is immutable)');
    }
  }
}

function validateReplacement(data: Doc): void {
  if (Object.keys(data).some((k) => k.startsWith('$'))) {
    throw new CloudError(CloudErrorCode.InvalidOperator, 'set 的数据不能含有更新操作符');
  }
}

function replacement(id: string, data: Doc): Doc {
  if (data['_id'] !== undefined && data['_id'] !== id) {
    throw new CloudError(CloudErrorCode.RequestFailed, '不能修改记录的 _id(the field _id is immutable)');
  }
  return { ...data, _id: id };
}

/** mingo reports unknown or misused operators by throwing; map those to CloudBase's code. */
function asOperatorError(e: unknown): unknown {
  if (e instanceof CloudError) return e;
  if (e instanceof Error && (e.name === 'SqliteError' || e instanceof TypeError || e instanceof RangeError))
    return e;
  const message = e instanceof Error ? e.message : String(e);
  return new CloudError(CloudErrorCode.InvalidOperator, `无效的操作符或表达式(invalid operator): ${message}`);
}
