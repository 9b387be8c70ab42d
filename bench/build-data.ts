/**
 * Builds a benchmark data dir directly with the local cloud's own store (no SDK, no HTTP): collections of
 * the given sizes whose documents share an indexed key `k` in groups of GROUP_SIZE, so an equality query on
 * `k` returns a handful of documents whatever the collection size. Runs as its own process so the
 * measuring process stays small; prints one JSON line with what it built and how long it took.
 *
 *   node --import tsx bench/build-data.ts <data-dir> <index-file> <collection>=<docs> ...
 */
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadIndexCatalog } from '../localcloud/db/index-catalog';
import { LocalDatabase } from '../localcloud/db/local-database';
import { SqliteStore } from '../localcloud/db/sqlite.store';
import { GROUP_SIZE, keyOf, queryDoc } from './fixtures';

/** Documents per insert call (the SDK's largest batch) and per SQLite transaction. */
const INSERT_BATCH = 1000;
const TX_DOCS = 20_000;

export interface BuiltCollection {
  name: string;
  docs: number;
  keys: number;
  loadMs: number;
}

function main(): void {
  const [dataDir, indexFile, ...specs] = process.argv.slice(2);
  if (!dataDir || !indexFile || specs.length === 0) {
    console.error('usage: build-data.ts <data-dir> <index-file> <collection>=<docs> ...');
    process.exit(2);
  }
  const store = new SqliteStore({ dataDir, catalog: loadIndexCatalog(indexFile) });
  const db = new LocalDatabase(store, () => Date.now());
  const built: BuiltCollection[] = [];
  for (const spec of specs) {
    const [name, countText] = spec.split('=');
    const docs = Number(countText);
    if (!name || !Number.isInteger(docs) || docs <= 0) throw new Error(`bad collection spec: ${spec}`);
    const t0 = performance.now();
    db.ensureCollection(name);
    const keys = Math.ceil(docs / GROUP_SIZE);
    for (let start = 0; start < docs; start += TX_DOCS) {
      store.atomically(() => {
        const end = Math.min(docs, start + TX_DOCS);
        for (let i = start; i < end; i += INSERT_BATCH) {
          const batch = [];
          for (let j = i; j < Math.min(end, i + INSERT_BATCH); j++) batch.push(queryDoc(j, keyOf(j, keys)));
          db.insert(name, batch);
        }
      });
    }
    built.push({ name, docs: store.count(name), keys, loadMs: performance.now() - t0 });
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const bytes = readdirSync(dataDir).reduce((s, f) => s + statSync(join(dataDir, f)).size, 0);
  console.log(JSON.stringify({ built, bytes }));
}

main();
