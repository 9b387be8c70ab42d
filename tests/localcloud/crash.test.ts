/**
 * Durability and atomicity under `kill -9`, and a clean stop on Ctrl-C.
 *
 * The real server process (`node --import tsx localcloud/cli.ts`, as `npm start` runs it) is fed by several
 * concurrent writers through the real node-sdk: single `add(doc)` and batch `add([50 docs])`. Mid-stream
 * the node process itself gets SIGKILL; it is restarted on the same data dir and must hold every insert the
 * SDK acknowledged, and every batch must be there entirely or not at all — in the documents and in the
 * declared index alike.
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { tempDir } from '../helpers/local-cloud.fixture';
import { spawnServer, type ServerProcess } from '../helpers/server-process';

const COLLECTION = 'crash_log';
const BATCH_SIZE = 50;
const SINGLE_WRITERS = 4;
const BATCH_WRITERS = 2;
const STREAM_MS = 1200;
const CYCLES = 3;

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

function sdkDb(serviceUrl: string): Db {
  return tcb
    .init({ env: 'crash-test', serviceUrl, secretId: 'local', secretKey: 'local' } as never)
    .database();
}

interface Ledger {
  /** _ids the SDK acknowledged (single and batch inserts). */
  acked: Set<string>;
  /** Every batch id a writer sent, acknowledged or not. */
  attemptedBatches: Set<string>;
  ackedBatches: Set<string>;
  /** Errors a writer saw before the kill: there must be none. */
  errorsBeforeKill: unknown[];
}

/** Writers stream inserts until the server dies under them (or `until` says stop). */
function startWriters(db: Db, cycle: number, ledger: Ledger, killed: () => boolean): Promise<unknown>[] {
  const coll = db.collection(COLLECTION);
  const onError = (e: unknown) => {
    if (!killed()) ledger.errorsBeforeKill.push(e);
  };
  const singles = Array.from({ length: SINGLE_WRITERS }, async (_, w) => {
    for (let seq = 0; ; seq++) {
      try {
        const res = (await coll.add({ kind: 'single', cycle, writer: w, seq, note: '单条写入' })) as {
          id?: string;
        };
        if (typeof res.id !== 'string') throw new Error(`add returned no id: ${JSON.stringify(res)}`);
        ledger.acked.add(res.id);
      } catch (e) {
        onError(e);
        return;
      }
    }
  });
  const batches = Array.from({ length: BATCH_WRITERS }, async (_, w) => {
    for (let n = 0; ; n++) {
      const batch = `b-${cycle}-${w}-${n}`;
      ledger.attemptedBatches.add(batch);
      const docs = Array.from({ length: BATCH_SIZE }, (__, i) => ({ kind: 'batch', batch, i, cycle }));
      try {
        const res = (await coll.add(docs)) as { ids?: string[] };
        if (!Array.isArray(res.ids) || res.ids.length !== BATCH_SIZE)
          throw new Error(`batch add returned ${JSON.stringify(res)}`);
        for (const id of res.ids) ledger.acked.add(id);
        ledger.ackedBatches.add(batch);
      } catch (e) {
        onError(e);
        return;
      }
    }
  });
  return [...singles, ...batches];
}

/** Batch id -> number of its documents, counted by scanning the whole collection. */
async function batchCountsByScan(db: Db): Promise<Map<string, number>> {
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTION)
    .aggregate()
    .match({ kind: 'batch' })
    .group({ _id: '$batch', n: $.sum(1) })
    .end();
  return new Map((res.data as Array<{ _id: string; n: number }>).map((g) => [g._id, g.n]));
}

/** The same counts read through the declared `batch` index (`$in` on the indexed field). */
async function batchCountsByIndex(db: Db, batches: string[]): Promise<Map<string, number>> {
  const $ = db.command.aggregate;
  const out = new Map<string, number>();
  for (let i = 0; i < batches.length; i += 500) {
    const res = await db
      .collection(COLLECTION)
      .aggregate()
      .match({ batch: db.command.in(batches.slice(i, i + 500)) })
      .group({ _id: '$batch', n: $.sum(1) })
      .end();
    for (const g of res.data as Array<{ _id: string; n: number }>) out.set(g._id, g.n);
  }
  return out;
}

/** The ids that are not stored, asked by `_id` in chunks of 1,000 (a count per chunk; a fetch if short). */
async function missingIds(db: Db, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  const coll = db.collection(COLLECTION);
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const where = coll.where({ _id: db.command.in(chunk) });
    if ((await where.count()).total === chunk.length) continue;
    const found = new Set((await where.limit(1000).get()).data.map((d: { _id: string }) => d._id));
    missing.push(...chunk.filter((id) => !found.has(id)));
  }
  return missing;
}

describe('local cloud server process', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeEach(() => {
    dataDir = tempDir('weimin-crash-');
  });

  afterEach(async () => {
    if (server) {
      server.kill('SIGKILL');
      await server.exited;
      server = undefined;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged insert and tears no batch across repeated kill -9 mid-stream', async () => {
    const indexFile = join(dataDir, 'indexes.json');
    writeFileSync(
      indexFile,
      JSON.stringify({
        collections: { [COLLECTION]: { indexes: [{ name: 'batch_1', fields: [['batch', 1]] }] } },
      }),
    );
    const serverArgs = ['--index-file', indexFile];
    const ledger: Ledger = {
      acked: new Set(),
      attemptedBatches: new Set(),
      ackedBatches: new Set(),
      errorsBeforeKill: [],
    };
    server = await spawnServer({ dataDir, args: serverArgs });

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // The pid we kill is the server's node process itself, not a wrapper around it.
      const cmdline = `/proc/${server.pid}/cmdline`;
      if (existsSync(cmdline)) expect(readFileSync(cmdline, 'utf8')).toContain('localcloud/cli.ts');

      const ackedBefore = ledger.acked.size;
      const batchesBefore = ledger.ackedBatches.size;
      let killed = false;
      const writers = startWriters(sdkDb(server.serviceUrl), cycle, ledger, () => killed);
      await new Promise((r) => setTimeout(r, STREAM_MS));
      killed = true;
      server.kill('SIGKILL');
      expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
      // Every writer ends on a connection error once its server is gone; none may still be running.
      await Promise.all(writers);
      expect(ledger.errorsBeforeKill).toEqual([]);
      // The kill really landed mid-stream: this cycle acknowledged both kinds of writes.
      expect(ledger.acked.size - ackedBefore).toBeGreaterThan(BATCH_SIZE);
      expect(ledger.ackedBatches.size).toBeGreaterThan(batchesBefore);

      server = await spawnServer({ dataDir, args: serverArgs });
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);

      const db = sdkDb(server.serviceUrl);
      expect(await missingIds(db, [...ledger.acked])).toEqual([]);

      const byScan = await batchCountsByScan(db);
      const torn = [...byScan].filter(([, n]) => n !== BATCH_SIZE);
      expect(torn).toEqual([]);
      for (const b of ledger.ackedBatches) expect(byScan.get(b)).toBe(BATCH_SIZE);
      for (const b of byScan.keys()) expect(ledger.attemptedBatches.has(b)).toBe(true);
      // The index rows were written in the same transaction as the documents: it agrees with the scan.
      expect(await batchCountsByIndex(db, [...ledger.attemptedBatches])).toEqual(byScan);
    }
  }, 30_000);
});
