/**
 * Durable storage of the local cloud: one SQLite file (WAL) through better-sqlite3.
 *
 * Each collection is a table of (id, doc, rev) where `doc` is the document's relaxed EJSON text, so a point
 * read can be answered with the stored text as is. Each declared index is a table of key tuples (one row per
 * multikey value) maintained on every write inside the same SQLite transaction as the document itself.
 * `rev` is a store-wide write sequence used for optimistic transaction conflict checks.
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
    if (existed) {
      c.update.run(text, rev, id);
      for (const idx of c.indexes) idx.deleteById.run(id);
    } else {
      try {
        c.insert.run(id, text, rev);
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicate(name, '_id', id);
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
        if (idx.findDuplicate && idx.findDuplicate.get(...tuple, id))
          throw duplicate(name, idx.spec.name, tuple);
        idx.insert.run(...tuple, id);
      }
      if (seen.size > 1) idx.multikey = true;
    }
    return rev;
  }

  delete(name: string, id: string): boolean {
    const c = this.collection(name);
    const r = c.deleteById.run(id);
    if (r.changes === 0) return false;
    for (const idx of c.indexes) idx.deleteById.run(id);
    return true;
  }

  /** Run fn in one SQLite transaction: all its writes land together or not at all. */
  atomically<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  count(name: string): number {
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM "${this.collection(name).table}"`).get() as { n: number }
    ).n;
  }
}

function duplicate(collection: string, index: string, key: KeyValue[] | string): CloudError {
  return new CloudError(
    CloudErrorCode.DuplicateKey,
    `写入重复键(duplicate key):集合 ${collection} 的索引 ${index} 已存在 ${JSON.stringify(key)}`,
  );
}
