/**
 * `npm run bench`: the local cloud's performance targets, measured in one run.
 *
 * (a) Point read by `_id` through the real node-sdk (`collection(c).doc(id).get()`) against the local cloud,
 *     versus the same SDK call against a trivial server that answers a canned reply: the SDK's own floor.
 *     Target: local within 1.5x of the floor.
 * (b) An indexed equality query (`where({k}).get()`, 5 documents returned) on 1,000 versus 1,000,000
 *     documents. Target: the 1,000,000-document query within 2x of the 1,000-document one.
 * (c) match.request for one item through the built `orders` function, called with the node-sdk as the demo
 *     resident, on the Yulin demo data (60 providers) versus the same generator at 100,000 providers
 *     (bench/match.ts). Target: the large one within 1.5x of the demo.
 * (d) The console's dashboard for the demo street (core/console/dashboard.query.ts through function-kit's
 *     wx-server-sdk port) on the demo data versus the same generator at 100,000 orders (bench/dashboard.ts):
 *     time and peak memory, printed as ratios (a report, no target).
 * (e) A 服务台账 export (the city's orders ledger for a year) of 10,000 and of 100,000 rows, the latter on (c)'s
 *     large dataset (bench/ledger-export.ts): time per row and peak memory. Target: the 100,000-row export's
 *     peak memory growth within 1.5x of the 10,000-row one (bounded memory; linear would be 10x).
 * (f) The concern timer's escalation sweep (core/concerns/concern-timer.usecase.ts through function-kit's
 *     wx-server-sdk port, run until it answers hasMore: false) with 1,000 overdue concerns among 2,000 versus
 *     among 1,000,000 (`--concerns`; bench/concerns.ts), and the database calls per 100 escalated concerns.
 *     Target: the large sweep within 1.5x of the small one; a miss here makes the run exit 1 (the concerns
 *     issue's acceptance check).
 *
 * Both servers run in their own processes (the local cloud exactly as `npm start` runs it), so this process
 * measures only the SDK and the server. Each comparison is measured sequentially and then in alternating
 * rounds (ABBA order) that cancel machine drift; the verdict uses the interleaved medians, and the means
 * and 95th percentiles are printed beside them. This is a report: it exits 0 even when a target of (a)-(e)
 * is missed.
 *
 *   npm run bench [-- --large 1000000 --match-providers 100000 --dashboard-orders 100000 --concerns 1000000
 *                    --keep]
 */
import '../tests/helpers/sdk-env';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import tcb from '@cloudbase/node-sdk';
import { encodeDoc } from '../localcloud/protocol/ejson.codec';
import { GROUP_SIZE, keyOf, pointDoc } from './fixtures';
import { MATCH_LARGE_PROVIDERS, MATCH_SMALL_PROVIDERS, MATCH_TARGET, matchBench } from './match';
import { LEDGER_LARGE_ORDERS, ledgerBench, ledgerVerdict } from './ledger-export';
import { DASHBOARD_LARGE_ORDERS, DASHBOARD_SMALL_ORDERS, dashboardBench } from './dashboard';
import { CONCERNS_LARGE, CONCERNS_SMALL, CONCERNS_TARGET, concernsBench, concernsVerdict } from './concerns';
import { compare, comparisonTable, type ComparePlan, type Comparison } from './compare';
import { buildData, startCannedServer, startLocalCloud, type BuildResult } from './processes';
import { fmtMs, fmtX, timeUs } from './stats';

const POINT_DOCS = 1000;
const SMALL_DOCS = 1000;
/** Warm-up, sequential and interleaved operations of the local cloud's two comparisons. */
const PLAN: ComparePlan = { warmup: 1000, sequential: 3000, rounds: 30, roundOps: 100 };
const POINT_TARGET = 1.5;
const QUERY_TARGET = 2;

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Coll = ReturnType<Db['collection']>;

function sdkDb(serviceUrl: string): Db {
  return tcb.init({ env: 'bench', serviceUrl, secretId: 'local', secretKey: 'local' } as never).database();
}

/** Deterministic pseudo-random integers (mulberry32), so every run reads the same sequence. */
function randomInts(seed: number, below: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % below) as number;
  };
}

/** One measured operation: the SDK call, then (outside the timing) a check of its result. */
interface Op {
  label: string;
  call(): Promise<{ data: unknown }>;
  check(result: { data: unknown }): void;
}

async function runOps(op: Op, n: number, samples?: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    let result: { data: unknown } | undefined;
    const us = await timeUs(async () => {
      result = await op.call();
    });
    op.check(result!);
    samples?.push(us);
  }
}

function expectList(label: string, result: { data: unknown }, n: number, id?: string): void {
  const list = result.data as Array<{ _id?: string }>;
  if (!Array.isArray(list) || list.length !== n || (id !== undefined && list[0]?._id !== id)) {
    throw new Error(`${label}: unexpected result ${JSON.stringify(result).slice(0, 300)}`);
  }
}

function catalogFile(dir: string, collections: Record<string, string[]>): string {
  const file = join(dir, 'indexes.json');
  writeFileSync(
    file,
    JSON.stringify({
      collections: Object.fromEntries(
        Object.entries(collections).map(([name, fields]) => [
          name,
          { indexes: fields.map((f) => ({ name: `${f}_1`, fields: [[f, 1]] })) },
        ]),
      ),
    }),
  );
  return file;
}

async function pointRead(tmp: string): Promise<Comparison> {
  const dir = join(tmp, 'point');
  const indexFile = catalogFile(tmp, { bench_point: [] });
  const local = await startLocalCloud(dir, indexFile);
  // The floor answers with a document of the same shape and size as the local cloud's.
  const canned = await startCannedServer(
    JSON.stringify({ requestId: 'x', data: { list: [encodeDoc(pointDoc(0))] } }),
  );
  try {
    const localColl: Coll = sdkDb(local.serviceUrl).collection('bench_point');
    const floorColl: Coll = sdkDb(`${canned.url}/admin`).collection('bench_point');
    for (let i = 0; i < POINT_DOCS; i += 100) {
      await localColl.add(Array.from({ length: 100 }, (_, j) => pointDoc(i + j)));
    }
    const nextLocal = randomInts(1, POINT_DOCS);
    const nextFloor = randomInts(1, POINT_DOCS);
    let expected = '';
    const localOp: Op = {
      label: 'local cloud',
      call: () => {
        expected = pointDoc(nextLocal())['_id'] as string;
        return localColl.doc(expected).get();
      },
      check: (r) => expectList('local point read', r, 1, expected),
    };
    const floorOp: Op = {
      label: 'floor',
      call: () => floorColl.doc(pointDoc(nextFloor())['_id'] as string).get(),
      check: (r) => expectList('floor point read', r, 1),
    };
    return await compare(
      (n, samples) => runOps(localOp, n, samples),
      (n, samples) => runOps(floorOp, n, samples),
      PLAN,
    );
  } finally {
    await Promise.all([local.stop(), canned.stop()]);
  }
}

async function indexedQuery(
  tmp: string,
  largeDocs: number,
): Promise<{ cmp: Comparison; build: BuildResult; startMs: number }> {
  const dir = join(tmp, 'query');
  const indexFile = catalogFile(tmp, { q_small: ['k'], q_large: ['k'] });
  const build = await buildData(dir, indexFile, { q_small: SMALL_DOCS, q_large: largeDocs });
  const t0 = performance.now();
  const local = await startLocalCloud(dir, indexFile);
  const startMs = performance.now() - t0;
  try {
    const db = sdkDb(local.serviceUrl);
    const op = (name: string, docs: number, seed: number): Op => {
      const keys = Math.ceil(docs / GROUP_SIZE);
      const next = randomInts(seed, keys);
      const coll = db.collection(name);
      return {
        label: name,
        call: () => coll.where({ k: keyOf(next(), keys) }).get(),
        check: (r) => expectList(`query on ${name}`, r, GROUP_SIZE),
      };
    };
    const large = op('q_large', largeDocs, 7);
    const small = op('q_small', SMALL_DOCS, 7);
    const cmp = await compare(
      (n, samples) => runOps(large, n, samples),
      (n, samples) => runOps(small, n, samples),
      PLAN,
    );
    return { cmp, build, startMs };
  } finally {
    await local.stop();
  }
}

function verdict(name: string, r: number, target: number): string {
  return `${r <= target ? 'PASS' : 'MISS'} ${name}: ${fmtX(r)} (target <= ${target}x, interleaved medians)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      large: { type: 'string', default: '1000000' },
      'match-providers': { type: 'string', default: String(MATCH_LARGE_PROVIDERS) },
      'dashboard-orders': { type: 'string', default: String(DASHBOARD_LARGE_ORDERS) },
      concerns: { type: 'string', default: String(CONCERNS_LARGE) },
      keep: { type: 'boolean', default: false },
    },
  });
  const largeDocs = Number(values.large);
  if (!Number.isInteger(largeDocs) || largeDocs < SMALL_DOCS) throw new Error(`bad --large ${values.large}`);
  const matchProviders = Number(values['match-providers']);
  if (!Number.isInteger(matchProviders) || matchProviders < MATCH_SMALL_PROVIDERS) {
    throw new Error(`bad --match-providers ${values['match-providers']}`);
  }
  const dashboardOrders = Number(values['dashboard-orders']);
  if (!Number.isInteger(dashboardOrders) || dashboardOrders < DASHBOARD_SMALL_ORDERS) {
    throw new Error(`bad --dashboard-orders ${values['dashboard-orders']}`);
  }
  const concerns = Number(values.concerns);
  if (!Number.isInteger(concerns) || concerns < CONCERNS_SMALL) {
    throw new Error(`bad --concerns ${values.concerns}`);
  }
  const largeLabel = largeDocs.toLocaleString('en-US');
  const tmp = mkdtempSync(join(tmpdir(), 'weimin-bench-'));
  const cleanup = () => {
    if (!values.keep) rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const started = performance.now();
  console.log(
    `local cloud benchmark — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
  );
  console.log(`data: ${tmp}${values.keep ? ' (kept)' : ''}\n`);
  try {
    console.log('(a) point read by _id: node-sdk collection(c).doc(id).get(), µs per op');
    const point = await pointRead(tmp);
    console.log(comparisonTable(point, PLAN, 'local cloud', 'floor (canned reply)', 'local / floor'));
    console.log('');

    console.log(
      `(b) indexed equality query: node-sdk where({k}).get() returning ${GROUP_SIZE} docs, µs per op`,
    );
    const q = await indexedQuery(tmp, largeDocs);
    for (const b of q.build.built) {
      console.log(
        `    built ${b.name}: ${b.docs.toLocaleString('en-US')} docs, ${b.keys.toLocaleString('en-US')} keys ` +
          `in ${fmtMs(b.loadMs)} (${((b.docs / b.loadMs) * 1000).toFixed(0)} docs/s, store insert in transactions)`,
      );
    }
    console.log(
      `    data dir ${(q.build.bytes / 1024 / 1024).toFixed(0)} MB; server process ready ${fmtMs(q.startMs)} after spawn`,
    );
    console.log(comparisonTable(q.cmp, PLAN, `${largeLabel} docs`, '1,000 docs', `${largeLabel} / 1,000`));
    console.log('');

    // (c) bench/match.ts prints its own section.
    const m = await matchBench(tmp, matchProviders);
    console.log('');

    // (d) bench/dashboard.ts prints its own section.
    const d = await dashboardBench(tmp, dashboardOrders);
    console.log('');

    // (e) bench/ledger-export.ts prints its own section; it reuses (c)'s large data dir when that holds
    // 100,000 orders (one per provider).
    const ledger = await ledgerBench(
      tmp,
      matchProviders === LEDGER_LARGE_ORDERS ? join(tmp, 'match-large') : undefined,
    );
    console.log('');

    // (f) bench/concerns.ts prints its own section.
    const sweep = await concernsBench(tmp, concerns);
    console.log('');

    console.log(`total ${fmtMs(performance.now() - started)}`);
    console.log(verdict('point read, local / SDK floor', point.interleavedRatio.median, POINT_TARGET));
    console.log(
      verdict(`indexed query, ${largeLabel} / 1,000 docs`, q.cmp.interleavedRatio.median, QUERY_TARGET),
    );
    console.log(verdict(`match.request, ${m.largeLabel} / ${MATCH_SMALL_PROVIDERS}`, m.ratio, MATCH_TARGET));
    console.log(ledgerVerdict(ledger));
    console.log(
      `REPORT dashboard, ${d.largeLabel} / demo: time ${fmtX(d.ratio)} (medians), local cloud memory ` +
        `${fmtX(d.memoryRatio)} (no target)`,
    );
    console.log(concernsVerdict(sweep));
    if (sweep.ratio > CONCERNS_TARGET) process.exitCode = 1;
  } finally {
    cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
