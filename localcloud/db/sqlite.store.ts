/**
 * Durable storage of the local cloud: one SQLite file (WAL) through better-sqlite3.
 *
 * Each collection is a table of (id, doc, rev) where `doc` is the document's relaxed EJSON text, so a point
 * read can be answered with the stored text as is. Each declared index is a table of key tuples (one row per
 * multikey value) maintained on every write inside the same SQLite transaction as the document itself.
 * `rev` is a store-wide write sequence. While a transaction is open the store also keeps, in memory, the
 * version each change replaced, so the transaction can read the committed state as of its start and tell
 * which documents were written after it (decision 0014).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';
import { decodeStored, encodeDoc, type Doc } from '../protocol/ejson.codec';
import type { IndexCatalog, IndexSpec } from './index-catalog';
import { indexEntries, type IndexPlan, type KeyValue, type OrderedPlan } from './index-keys';

/** The direction of the sort key and of `_id` after it (1 ascending, -1 descending). */
export interface PageOrder {
  readonly key: 1 | -1;
  readonly id: 1 | -1;
}

export const COLLECTION_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

interface IndexTable {
  spec: IndexSpec;
  table: string;
  insert: Database.Statement;
  deleteById: Database.Statement;
  findDuplicate: Database.Statement | undefined;
  /** Whether some document has several keys here (an array field); computed when first asked. */
  multikey: boolean | undefined;
  /**
   * Key columns that have held a boolean or a date (stored as numbers, so their numbers do not sort as the
   * values do); null when this index was built before that was recorded (then nothing is known).
   */
  numericAliases: Set<number> | null;
}

interface CollectionTable {
  name: string;
  table: string;
  indexes: IndexTable[];
  getById: Database.Statement;
  /** Many rows by id in one statement: `?` is a JSON array of ids. */
  getByIds: Database.Statement;
  insert: Database.Statement;
  update: Database.Statement;
  deleteById: Database.Statement;
  scan: Database.Statement;
}

export interface StoredRow {
  id: string;
  doc: string;
  rev: number;
}

/** One committed change, kept while a snapshot older than it is open: the row it replaced (null: none). */
interface Version {
  readonly rev: number;
  readonly before: StoredRow | null;
}

/**
 * A duplicate `_id` or unique-index key, with the document that holds the key already (so a transaction can
 * tell a key committed after it began, a conflict, from one it could see, a plain duplicate).
 */
export class DuplicateKeyError extends CloudError {
  constructor(
    message: string,
    readonly collection: string,
    readonly existingId: string,
  ) {
    super(CloudErrorCode.DuplicateKey, message);
  }
}

export interface StoreOptions {
  dataDir: string;
  catalog: IndexCatalog;
  /** `NORMAL` survives a killed process (the WAL is in the OS page cache); `FULL` also a power cut. */
  synchronous?: 'NORMAL' | 'FULL';
}

export class SqliteStore {
  readonly db: Database.Database;
  private readonly collections = new Map<string, CollectionTable>();
  private revBase: number;
  private revCounter = 0;
  private readonly statements = new Map<string, Database.Statement>();
  /** Records that a key column of an index table has held a boolean or a date. */
  private readonly recordAlias: Database.Statement;
  /**
   * Per collection and id, the changes after `versionFloor` in rev order, each with the row it replaced:
   * what open snapshots read instead of the current row. Undefined while no snapshot is open (nothing kept).
   */
  private versions: Map<string, Map<string, Version[]>> | undefined;
  private versionFloor = 0;
  /** The version lists appended to by the SQLite transaction running now (undone if it rolls back). */
  private journal: Version[][] | undefined;

  constructor(private readonly options: StoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(join(options.dataDir, 'localcloud.sqlite3'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, tbl TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS indexes (collection TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, tbl TEXT NOT NULL UNIQUE,
        PRIMARY KEY (collection, name));
      CREATE TABLE IF NOT EXISTS index_alias_tracking (tbl TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS index_numeric_aliases (tbl TEXT NOT NULL, col INTEGER NOT NULL, PRIMARY KEY (tbl, col));
    `);
    this.recordAlias = this.db.prepare(
      'INSERT OR IGNORE INTO index_numeric_aliases (tbl, col) VALUES (?, ?)',
    );
    // Revisions only need to be unique across this data dir's lifetime: a new epoch per start.
    const epoch = Number(this.metaGet('epoch') ?? '0') + 1;
    this.metaSet('epoch', String(epoch));
    this.revBase = epoch * 2 ** 32;
    const rows = this.db.prepare('SELECT name, tbl FROM collections').all() as Array<{
      name: string;
      tbl: string;
    }>;
    for (const row of rows) this.openCollection(row.name, row.tbl);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  nextRev(): number {
    return this.revBase + ++this.revCounter;
  }

  /** The rev of the latest write: a snapshot taken now sees every write up to it and none after. */
  lastRev(): number {
    return this.revBase + this.revCounter;
  }

  // ---------- versions for snapshots (decision 0014) ----------

  /**
   * Keep what snapshots at `floor` or later need (every change after `floor`, with the row it replaced), or
   * nothing when `floor` is undefined (no snapshot open). Changes at or before the floor are forgotten.
   */
  keepVersionsAfter(floor: number | undefined): void {
    if (floor === undefined) {
      this.versions = undefined;
      return;
    }
    if (this.versions === undefined) {
      this.versions = new Map();
    } else if (floor > this.versionFloor) {
      for (const [name, byId] of this.versions) {
        for (const [id, list] of byId) {
          // In place: a rollback under way pops what its writes pushed onto these very lists.
          let drop = 0;
          while (drop < list.length && list[drop]!.rev <= floor) drop += 1;
          if (drop === list.length) byId.delete(id);
          else if (drop > 0) list.splice(0, drop);
        }
        if (byId.size === 0) this.versions.delete(name);
      }
    }
    this.versionFloor = floor;
  }

  /** The row as of `snapshot` (a rev at or after the floor given to `keepVersionsAfter`). */
  rowAt(name: string, id: string, snapshot: number): StoredRow | undefined {
    const list = this.versions?.get(name)?.get(id);
    const first = list?.find((v) => v.rev > snapshot);
    if (first) return first.before ?? undefined;
    return this.get(name, id);
  }

  /** Whether the document was written (inserted, replaced or removed) after `snapshot`. */
  changedSince(name: string, id: string, snapshot: number): boolean {
    const list = this.versions?.get(name)?.get(id);
    return list !== undefined && list.length > 0 && list[list.length - 1]!.rev > snapshot;
  }

  /** Every document of the collection written after `snapshot`, with its row as of then (null: absent). */
  changedAt(name: string, snapshot: number): Map<string, StoredRow | null> {
    const out = new Map<string, StoredRow | null>();
    for (const [id, list] of this.versions?.get(name) ?? []) {
      const first = list.find((v) => v.rev > snapshot);
      if (first) out.set(id, first.before);
    }
    return out;
  }

  private recordVersion(name: string, id: string, rev: number, before: StoredRow | null): void {
    if (this.versions === undefined) return;
    let byId = this.versions.get(name);
    if (!byId) this.versions.set(name, (byId = new Map()));
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push({ rev, before });
    this.journal?.push(list);
  }

  private metaGet(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  private metaSet(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  listCollections(): string[] {
    return [...this.collections.keys()].sort();
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  /** Create a collection; false when it already existed. */
  createCollection(name: string, now: number): boolean {
    if (!COLLECTION_NAME.test(name)) {
      throw new CloudError(
        CloudErrorCode.InvalidParam,
        `集合名称不合法(只允许字母、数字、_ . -,1-128 个字符):${name}`,
      );
    }
    if (this.collections.has(name)) return false;
    this.db.transaction(() => {
      const n = (this.db.prepare('SELECT COUNT(*) AS n FROM collections').get() as { n: number }).n;
      let tbl = `c_${n + 1}`;
      while (this.db.prepare('SELECT 1 FROM collections WHERE tbl = ?').get(tbl)) tbl += '_';
      this.db.exec(
        `CREATE TABLE "${tbl}" (id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, rev INTEGER NOT NULL)`,
      );
      this.db.prepare('INSERT INTO collections (name, tbl, created_at) VALUES (?, ?, ?)').run(name, tbl, now);
      this.openCollection(name, tbl);
    })();
    return true;
  }

  /** Build declared indexes that are missing or changed; drop ones no longer declared. */
  private syncIndexes(name: string, tbl: string): IndexTable[] {
    const declared = this.options.catalog[name] ?? [];
    const existing = this.db
      .prepare('SELECT name, spec, tbl FROM indexes WHERE collection = ?')
      .all(name) as Array<{
      name: string;
      spec: string;
      tbl: string;
    }>;
    const out: IndexTable[] = [];
    for (const old of existing) {
      const still = declared.find((d) => d.name === old.name && JSON.stringify(d) === old.spec);
      if (!still) {
        this.db.exec(`DROP TABLE IF EXISTS "${old.tbl}"`);
        this.db.prepare('DELETE FROM indexes WHERE collection = ? AND name = ?').run(name, old.name);
      }
    }
    for (const spec of declared) {
      const specText = JSON.stringify(spec);
      let row = this.db
        .prepare('SELECT tbl FROM indexes WHERE collection = ? AND name = ?')
        .get(name, spec.name) as { tbl: string } | undefined;
      const cols = spec.fields.map((_, i) => `k${i}`);
      if (!row) {
        const itbl = `${tbl}_x_${spec.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
        this.db.exec(`DROP TABLE IF EXISTS "${itbl}"`);
        this.db.exec(`CREATE TABLE "${itbl}" (${cols.join(', ')}, id TEXT NOT NULL)`);
        this.db.exec(`CREATE INDEX "${itbl}_k" ON "${itbl}" (${cols.join(', ')}, id)`);
        this.db.exec(`CREATE INDEX "${itbl}_id" ON "${itbl}" (id)`);
        this.db
          .prepare('INSERT INTO indexes (collection, name, spec, tbl) VALUES (?, ?, ?, ?)')
          .run(name, spec.name, specText, itbl);
        this.db.prepare('DELETE FROM index_numeric_aliases WHERE tbl = ?').run(itbl);
        this.db.prepare('INSERT OR IGNORE INTO index_alias_tracking (tbl) VALUES (?)').run(itbl);
        row = { tbl: itbl };
        // Backfill from existing documents.
        const insert = this.db.prepare(
          `INSERT INTO "${itbl}" (${cols.join(', ')}, id) VALUES (${cols.map(() => '?').join(', ')}, ?)`,
        );
        const seen = spec.unique ? new Set<string>() : undefined;
        for (const r of this.db.prepare(`SELECT id, doc FROM "${tbl}"`).iterate() as IterableIterator<{
          id: string;
          doc: string;
        }>) {
          const { tuples, aliasColumns } = indexEntries(decodeStored(r.doc), spec);
          for (const col of aliasColumns) this.recordAlias.run(itbl, col);
          for (const tuple of tuples) {
            if (seen) {
              const key = JSON.stringify(tuple);
              if (seen.has(key))
                throw new Error(`cannot build unique index ${name}.${spec.name}: duplicate key ${key}`);
              seen.add(key);
            }
            insert.run(...tuple, r.id);
          }
        }
      }
      const itbl = row.tbl;
      out.push({
        spec,
        table: itbl,
        insert: this.db.prepare(
          `INSERT INTO "${itbl}" (${cols.join(', ')}, id) VALUES (${cols.map(() => '?').join(', ')}, ?)`,
        ),
        deleteById: this.db.prepare(`DELETE FROM "${itbl}" WHERE id = ?`),
        findDuplicate: spec.unique
          ? this.db.prepare(
              `SELECT id FROM "${itbl}" WHERE ${cols.map((c) => `${c} IS ?`).join(' AND ')} AND id != ? LIMIT 1`,
            )
          : undefined,
        multikey: undefined,
        numericAliases: this.db.prepare('SELECT 1 FROM index_alias_tracking WHERE tbl = ?').get(itbl)
          ? new Set(
              (
                this.db.prepare('SELECT col FROM index_numeric_aliases WHERE tbl = ?').all(itbl) as Array<{
                  col: number;
                }>
              ).map((r) => r.col),
            )
          : null,
      });
    }
    return out;
  }

  private openCollection(name: string, tbl: string): void {
    const indexes = this.db.transaction(() => this.syncIndexes(name, tbl))();
    this.collections.set(name, {
      name,
      table: tbl,
      indexes,
      getById: this.db.prepare(`SELECT id, doc, rev FROM "${tbl}" WHERE id = ?`),
      getByIds: this.db.prepare(
        `SELECT id, doc, rev FROM "${tbl}" WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      insert: this.db.prepare(`INSERT INTO "${tbl}" (id, doc, rev) VALUES (?, ?, ?)`),
      update: this.db.prepare(`UPDATE "${tbl}" SET doc = ?, rev = ? WHERE id = ?`),
      deleteById: this.db.prepare(`DELETE FROM "${tbl}" WHERE id = ?`),
      scan: this.db.prepare(`SELECT id, doc, rev FROM "${tbl}" ORDER BY rowid`),
    });
  }

  collection(name: string): CollectionTable {
    const c = this.collections.get(name);
    if (!c)
      throw new CloudError(CloudErrorCode.CollectionNotExist, `集合不存在(Db or Table not exist): ${name}`);
    return c;
  }

  indexesOf(name: string): IndexSpec[] {
    return this.collection(name).indexes.map((i) => i.spec);
  }

  get(name: string, id: string): StoredRow | undefined {
    return this.collection(name).getById.get(id) as StoredRow | undefined;
  }

  /** The rows of these ids that exist, in no particular order (one statement, however many ids). */
  getMany(name: string, ids: readonly string[]): StoredRow[] {
    if (ids.length === 0) return [];
    return this.collection(name).getByIds.all(JSON.stringify(ids)) as StoredRow[];
  }

  *scan(name: string): IterableIterator<StoredRow> {
    yield* this.collection(name).scan.iterate() as IterableIterator<StoredRow>;
  }

  /** Whether some document has more than one key in the index (MongoDB's "multikey"). */
  isMultikey(name: string, indexName: string): boolean {
    const idx = this.collection(name).indexes.find((i) => i.spec.name === indexName);
    if (!idx) return false;
    idx.multikey ??=
      this.db.prepare(`SELECT 1 FROM "${idx.table}" GROUP BY id HAVING COUNT(*) > 1 LIMIT 1`).get() !==
      undefined;
    return idx.multikey;
  }

  /**
   * Whether the numbers in key column `col` of the index are all numbers in the documents too (no boolean or
   * date ever stored there), so ordering by that column orders as the values do. False when unknown.
   */
  keysAreNumbers(name: string, indexName: string, col: number): boolean {
    const idx = this.collection(name).indexes.find((i) => i.spec.name === indexName);
    return idx?.numericAliases !== null && idx?.numericAliases !== undefined && !idx.numericAliases.has(col);
  }

  /**
   * Whether a stream of an ordered plan holds a key that is not a number (null for a missing value, text,
   * an embedded document): those do not sort as MongoDB sorts them, so the page is not read in index order.
   * Two index seeks per stream: in SQLite's order, NULL comes before every number and text after.
   */
  hasNonNumberKeys(name: string, plan: OrderedPlan): boolean {
    const idx = this.indexTable(name, plan.index.name);
    const k = `k${plan.column}`;
    const probes = plan.streams.flatMap((s) => [
      `EXISTS (SELECT 1 FROM "${idx.table}" WHERE ${s.where} AND ${k} IS NULL)`,
      `EXISTS (SELECT 1 FROM "${idx.table}" WHERE ${s.where} AND ${k} >= '')`,
    ]);
    if (probes.length === 0) return false;
    const found = this.statement(`SELECT ${probes.join(' OR ')} AS found`).get(
      ...plan.streams.flatMap((s) => [...s.params, ...s.params]),
    ) as { found: number };
    return found.found === 1;
  }

  /**
   * One page of an ordered plan: the index rows (id and sort key) of all its streams after `after`, in
   * (key, id) order, at most `limit`. Each stream is read from the index in order up to `limit` rows and the
   * streams are merged, so a page costs about `limit` rows per stream however many rows match. A document
   * with several keys (an array) may come more than once. The keys are all numbers (`hasNonNumberKeys`).
   */
  orderedPage(
    name: string,
    plan: OrderedPlan,
    order: PageOrder,
    after: { key: number; id: string } | undefined,
    limit: number,
  ): Array<{ id: string; key: number }> {
    if (plan.streams.length === 0) return [];
    const idx = this.indexTable(name, plan.index.name);
    const k = `k${plan.column}`;
    const keyDir = order.key === 1 ? 'ASC' : 'DESC';
    const idDir = order.id === 1 ? 'ASC' : 'DESC';
    // Strictly after (key, id): a range on the key column the index can seek to, then the id within it.
    const keyset = after
      ? ` AND ${k} ${order.key === 1 ? '>=' : '<='} ? AND (${k} ${order.key === 1 ? '>' : '<'} ? OR id ${order.id === 1 ? '>' : '<'} ?)`
      : '';
    const streamSql = plan.streams.map(
      (s) =>
        `SELECT id, ${k} AS key FROM "${idx.table}" WHERE ${s.where}${keyset} ORDER BY ${k} ${keyDir}, id ${idDir} LIMIT ?`,
    );
    const sql =
      streamSql.length === 1
        ? streamSql[0]!
        : `SELECT id, key FROM (${streamSql.map((q) => `SELECT * FROM (${q})`).join(' UNION ALL ')}) ` +
          `ORDER BY key ${keyDir}, id ${idDir} LIMIT ?`;
    const params = plan.streams.flatMap((s) => [
      ...s.params,
      ...(after ? [after.key, after.key, after.id] : []),
      limit,
    ]);
    if (streamSql.length > 1) params.push(limit);
    return this.statement(sql).all(...params) as Array<{ id: string; key: number }>;
  }

  private indexTable(name: string, indexName: string): IndexTable {
    const idx = this.collection(name).indexes.find((i) => i.spec.name === indexName);
    if (!idx) throw new Error(`no index ${name}.${indexName}`);
    return idx;
  }

  /** A prepared statement, kept for the next query of the same shape. */
  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Ids of documents that may match, read from an index (a superset of the matches). */
  candidateIds(name: string, plan: IndexPlan): string[] {
    const c = this.collection(name);
    const idx = c.indexes.find((i) => i.spec.name === plan.index.name);
    if (!idx) return [];
    const sql = `SELECT DISTINCT id FROM "${idx.table}" WHERE ${plan.where}`;
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql).pluck();
      this.statements.set(sql, stmt);
    }
    return stmt.all(...plan.params) as string[];
  }

  /** Insert or replace a document (its `_id` is its key); keeps indexes and unique constraints. */
  put(name: string, doc: Doc, existed: boolean): number {
    const c = this.collection(name);
    const id = doc['_id'] as string;
    const text = encodeDoc(doc);
    const rev = this.nextRev();
    // The row this write replaces, for open snapshots (read only while one is open).
    const before =
      this.versions === undefined ? undefined : existed ? ((c.getById.get(id) as StoredRow) ?? null) : null;
    if (existed) {
      c.update.run(text, rev, id);
      for (const idx of c.indexes) idx.deleteById.run(id);
    } else {
      try {
        c.insert.run(id, text, rev);
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw duplicate(name, '_id', id, id);
        throw e;
      }
    }
    for (const idx of c.indexes) {
      const { tuples, aliasColumns } = indexEntries(doc, idx.spec);
      for (const col of aliasColumns) {
        if (idx.numericAliases === null || idx.numericAliases.has(col)) continue;
        this.recordAlias.run(idx.table, col);
        idx.numericAliases.add(col);
      }
      const seen = new Set<string>();
      for (const tuple of tuples) {
        const key = JSON.stringify(tuple);
        if (seen.has(key)) continue;
        seen.add(key);
        const holder = idx.findDuplicate?.get(...tuple, id) as { id: string } | undefined;
        if (holder) throw duplicate(name, idx.spec.name, tuple, holder.id);
        idx.insert.run(...tuple, id);
      }
      if (seen.size > 1) idx.multikey = true;
    }
    if (before !== undefined) this.recordVersion(name, id, rev, before);
    return rev;
  }

  delete(name: string, id: string): boolean {
    const c = this.collection(name);
    const before = this.versions === undefined ? undefined : (c.getById.get(id) as StoredRow | undefined);
    const r = c.deleteById.run(id);
    if (r.changes === 0) return false;
    for (const idx of c.indexes) idx.deleteById.run(id);
    if (before) this.recordVersion(name, id, this.nextRev(), before);
    return true;
  }

  /** Run fn in one SQLite transaction: all its writes land together or not at all. */
  atomically<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    const journal: Version[][] = [];
    this.journal = journal;
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      // Rolled back: the versions its writes recorded never happened.
      for (let i = journal.length - 1; i >= 0; i -= 1) journal[i]!.pop();
      throw e;
    } finally {
      this.journal = undefined;
    }
  }

  count(name: string): number {
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM "${this.collection(name).table}"`).get() as { n: number }
    ).n;
  }
}

function duplicate(
  collection: string,
  index: string,
  key: KeyValue[] | string,
  existingId: string,
): DuplicateKeyError {
  return new DuplicateKeyError(
    `写入重复键(duplicate key):集合 ${collection} 的索引 ${index} 已存在 ${JSON.stringify(key)}`,
    collection,
    existingId,
  );
}
