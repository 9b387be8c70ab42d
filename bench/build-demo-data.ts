/**
 * Builds a data dir holding the Yulin demo data (demo/ `iterateDemoData`, as `npm start` seeds it) at a
 * chosen size, directly with the local cloud's own store and the platform's declared indexes
 * (database/indexes.json), with no SDK and no HTTP. Runs as its own process so the measuring process stays
 * small; prints one JSON line: documents per collection, how long it took, and how many offerings of the
 * item the matching query looks at for the resident (the item's offerings city-wide, those whose service
 * area covers the resident's unit, and those among them that matching may offer).
 *
 *   node --import tsx bench/build-demo-data.ts <data-dir> <providers> <orders> <item-id> <resident-unit-path>
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { iterateDemoData } from '../demo/demo-dataset';
import { MATCHABLE_PROVIDER_STATUSES } from '../core/lifecycle/provider.lifecycle';
import { ancestorPaths } from '../core/org/org-path';
import { loadIndexCatalog } from '../localcloud/db/index-catalog';
import { LocalDatabase } from '../localcloud/db/local-database';
import { SqliteStore } from '../localcloud/db/sqlite.store';
import { DEFAULT_INDEX_FILE } from '../localcloud/local-cloud';

/** Documents per SQLite transaction (the generator's batches are grouped up to about this many). */
const TX_DOCS = 20_000;

export interface OfferingCoverage {
  /** Offerings of the item in the whole city. */
  readonly cityWide: number;
  /** ...whose service area is the resident's unit or one of its ancestors (the index rows read). */
  readonly covering: number;
  /** ...of those, listed and of a provider that may take orders (what the query filters down to). */
  readonly matchable: number;
}

export interface DemoBuildResult {
  readonly providers: number;
  readonly orders: number;
  readonly docs: number;
  readonly counts: Record<string, number>;
  readonly offerings: OfferingCoverage;
  readonly loadMs: number;
  readonly bytes: number;
}

function main(): void {
  const [dataDir, providersText, ordersText, itemId, residentPath] = process.argv.slice(2);
  const providers = Number(providersText);
  const orders = Number(ordersText);
  if (!dataDir || !Number.isInteger(providers) || !Number.isInteger(orders) || !itemId || !residentPath) {
    console.error('usage: build-demo-data.ts <data-dir> <providers> <orders> <item-id> <resident-unit-path>');
    process.exit(2);
  }
  const t0 = performance.now();
  const catalog = loadIndexCatalog(DEFAULT_INDEX_FILE);
  const store = new SqliteStore({ dataDir, catalog });
  const db = new LocalDatabase(store, () => Date.now());
  for (const name of Object.keys(catalog)) db.ensureCollection(name);
  const counts: Record<string, number> = {};
  // The life-cycle events are left out (as the scale tests do): matching never reads them.
  const batches = iterateDemoData({ providers, orders, now: Date.now(), events: false });
  let done = false;
  while (!done) {
    store.atomically(() => {
      let inTx = 0;
      while (inTx < TX_DOCS) {
        const next = batches.next();
        if (next.done === true) {
          done = true;
          return;
        }
        const { collection, documents } = next.value;
        db.ensureCollection(collection);
        db.insert(collection, documents as unknown as Record<string, unknown>[]);
        counts[collection] = (counts[collection] ?? 0) + documents.length;
        inTx += documents.length;
      }
    });
  }
  const loadMs = performance.now() - t0;

  const coverage = ancestorPaths(residentPath, { includeSelf: true });
  const offerings: OfferingCoverage = {
    cityWide: db.count('offerings', { itemId }),
    covering: db.count('offerings', { itemId, servedPaths: { $in: coverage } }),
    matchable: db.count('offerings', {
      itemId,
      servedPaths: { $in: coverage },
      active: true,
      providerStatus: { $in: [...MATCHABLE_PROVIDER_STATUSES] },
      providerBlacklisted: false,
    }),
  };
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const bytes = readdirSync(dataDir).reduce((s, f) => s + statSync(join(dataDir, f)).size, 0);
  const docs = Object.values(counts).reduce((s, n) => s + n, 0);
  const result: DemoBuildResult = { providers, orders, docs, counts, offerings, loadMs, bytes };
  console.log(JSON.stringify(result));
}

main();
