/**
 * (e) of `npm run bench`: a 100,000-row 服务台账 export, its time and its peak memory, which must not grow with
 * the number of rows. The orders ledger of the whole city (a city worker's scope, /450900/) for the last 366
 * days is exported on two data dirs holding the Yulin demo data: 10,000 orders and 100,000 orders (the large
 * dataset: the matching benchmark's 100,000-provider build when `npm run bench` passes it, else built here).
 *
 * Each export runs the REAL use case (core/console/ledgers/ledger-export.usecase.ts) with the ports admin-api
 * hands it: wx-server-sdk's database (sealed, as the functions see it), exceljs's streaming writer into a
 * temporary file and wx-server-sdk's uploadFile / getTempFileURL, against the local cloud in its own process.
 * The export itself runs in a fresh child process (`--child`), so what is measured is the export alone: its
 * heap plus external memory (Buffers) from a forced GC just before the start, live (right after a full GC,
 * every 0.5 s: what the export holds) and with garbage (every 5 ms), its RSS and the OS's max RSS. The report
 * prints the time per row and the ratio of the live memory growth at 100,000 rows over 10,000: bounded
 * memory means a ratio near 1, not near 10. The file is downloaded back through its temporary URL and its row
 * count checked against the job.
 *
 *   node --import tsx bench/ledger-export.ts [--small 10000 --large 100000 --large-dir <built dir> --keep]
 */
import '../tests/helpers/sdk-env';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../core/auth/roles';
import { exportLedger } from '../core/console/ledgers/ledger-export.usecase';
import type { LedgerExportReply } from '../core/console/ledgers/ledger.replies';
import type { PlatformPorts } from '../core/kernel/use-case';
import { sealedDatabase } from '../core/privacy/sealed-database';
import { DEMO_PATHS } from '../demo/demo-identities';
import { createLedgerWorkbooks } from '../function-kit/ledger-workbook.adapter';
import { personalDataCipherFromEnv } from '../function-kit/personal-data.keys';
import { createWxContentSecurity, createWxNotifier } from '../function-kit/wx-messaging.adapters';
import { createWxDatabasePort, type WxCloud } from '../function-kit/wx-database.adapter';
import { createWxFileStorage, type WxStorageCloud } from '../function-kit/wx-storage.adapter';
import { REPO_ROOT, spawnServer } from '../tests/helpers/server-process';
import type { DemoBuildResult } from './build-demo-data';
import { MATCH_ITEM } from './match';
import { runJsonChild, stopGracefully } from './processes';
import { fmtMs } from './stats';

export const LEDGER_SMALL_ORDERS = 10_000;
export const LEDGER_LARGE_ORDERS = 100_000;
/** Providers of a data dir built here (the orders ledger does not read them; they name the orders). */
const BUILT_PROVIDERS = 1000;
/** Live memory growth at 100,000 rows over 10,000: at most this (bounded memory); linear would be 10. */
export const LEDGER_MEMORY_TARGET = 1.5;
const CITY_WORKER: Actor = {
  openid: 'bench-city-worker',
  grants: [{ role: 'worker', orgPath: DEMO_PATHS.city }],
};
const SAMPLE_MS = 5;
/** How often the live memory is taken: a full GC, then heap used plus external. */
const LIVE_MS = 500;
const MB = 1024 * 1024;

/** What one export in its child process measured. */
export interface ExportMeasure {
  readonly rows: number;
  readonly rowsTotal: number;
  readonly status: string;
  readonly ms: number;
  /** Heap used plus external memory (Buffers) after a forced GC just before the export. */
  readonly baseHeap: number;
  /** The largest heap used plus external memory sampled during the export (garbage included). */
  readonly peakHeap: number;
  /** The largest heap used plus external memory right after a full GC during the export: what it holds. */
  readonly peakLive: number;
  readonly baseRss: number;
  readonly peakRss: number;
  /** The OS's max resident set size of the child process up to the end of the export (bytes). */
  readonly maxRss: number;
  readonly fileBytes: number;
  /** Data rows in the downloaded workbook (title, 3 lines, headers and totals left out). */
  readonly rowsRead: number;
}

export interface LedgerBenchResult {
  readonly small: ExportMeasure;
  readonly large: ExportMeasure;
  /** Peak live memory growth (after GC), large / small. */
  readonly heapRatio: number;
}

const n = (x: number) => x.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** The last 366 days, Asia/Shanghai calendar dates, as the demo data spreads its orders over a year. */
function lastYear(now: number): { from: string; to: string } {
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  return { from: day(now - 365 * 86_400_000), to: day(now) };
}

// ---------- the child: one export, measured ----------

async function childMain(serviceUrl: string, from: string, to: string): Promise<void> {
  const require = createRequire(__filename);
  const cloud = require('wx-server-sdk') as {
    init(o: Record<string, unknown>): void;
  };
  cloud.init({ env: 'bench', serviceUrl, secretId: 'local', secretKey: 'local' });
  const cipher = personalDataCipherFromEnv(process.env, { local: true });
  const ports: PlatformPorts = {
    db: sealedDatabase(createWxDatabasePort(cloud as unknown as WxCloud), cipher),
    clock: { now: () => Date.now() },
    ids: { next: () => `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` },
    // Not used by an export; the same adapters as the functions'.
    notifier: createWxNotifier(cloud as never),
    contentSecurity: createWxContentSecurity(cloud as never),
  };
  const dir = mkdtempSync(join(tmpdir(), 'weimin-ledger-'));
  const ledgers = {
    workbooks: createLedgerWorkbooks(dir),
    files: createWxFileStorage(cloud as unknown as WxStorageCloud),
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const js = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
  let peakHeap = js(base);
  let peakRss = base.rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (js(m) > peakHeap) peakHeap = js(m);
    if (m.rss > peakRss) peakRss = m.rss;
  }, SAMPLE_MS);
  let peakLive = js(base);
  const live = setInterval(() => {
    gc?.();
    const m = process.memoryUsage();
    if (js(m) > peakLive) peakLive = js(m);
  }, LIVE_MS);
  const t0 = performance.now();
  let reply: LedgerExportReply;
  try {
    reply = await exportLedger({
      ports,
      actor: CITY_WORKER,
      command: { kind: 'orders', from, to },
      ledgers,
    });
  } finally {
    clearInterval(sampler);
    clearInterval(live);
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = performance.now() - t0;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  // Outside the measurement: the file, read back through its temporary URL.
  const res = await fetch(reply.downloadUrl!);
  const bytes = Buffer.from(await res.arrayBuffer());
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const rowsRead = workbook.worksheets[0]!.rowCount - 6;
  const measure: ExportMeasure = {
    rows: reply.rowsWritten,
    rowsTotal: reply.rowsTotal,
    status: reply.status,
    ms,
    baseHeap: js(base),
    peakHeap,
    peakLive,
    baseRss: base.rss,
    peakRss,
    maxRss,
    fileBytes: bytes.length,
    rowsRead,
  };
  console.log(JSON.stringify(measure));
}

// ---------- the parent: build, serve, measure ----------

function runChild(serviceUrl: string, from: string, to: string): Promise<ExportMeasure> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join('bench', 'ledger-export.ts'), '--child', serviceUrl, from, to],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ledger export child exited with ${code}: ${out}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ExportMeasure);
    });
  });
}

function buildDemoData(dataDir: string, providers: number, orders: number): Promise<DemoBuildResult> {
  return runJsonChild<DemoBuildResult>(join('bench', 'build-demo-data.ts'), [
    dataDir,
    String(providers),
    String(orders),
    MATCH_ITEM,
    DEMO_PATHS.grid,
  ]);
}

async function measureOn(dataDir: string, label: string): Promise<ExportMeasure> {
  const server = await spawnServer({ dataDir, readyTimeoutMs: 60_000 });
  try {
    const { from, to } = lastYear(Date.now());
    const m = await runChild(server.serviceUrl, from, to);
    if (m.status !== 'done' || m.rowsRead !== m.rows || m.rows !== m.rowsTotal) {
      throw new Error(`${label}: export ${JSON.stringify(m)}`);
    }
    return m;
  } finally {
    await stopGracefully(server);
  }
}

function line(label: string, m: ExportMeasure): string {
  return (
    `    ${label.padEnd(16)} ${n(m.rows).padStart(8)} rows  ${fmtMs(m.ms).padStart(9)}  ` +
    `${((m.ms * 1000) / Math.max(1, m.rows)).toFixed(1).padStart(6)} µs/row  ` +
    `heap+external ${mb(m.baseHeap)} -> live peak ${mb(m.peakLive)} (+${mb(m.peakLive - m.baseHeap)}), ` +
    `peak with garbage ${mb(m.peakHeap)}  ` +
    `rss peak ${mb(m.peakRss)}, max ${mb(m.maxRss)}  file ${mb(m.fileBytes)}`
  );
}

/** Runs (e); `largeDir` is a data dir that already holds the demo data with LEDGER_LARGE_ORDERS orders. */
export async function ledgerBench(
  tmp: string,
  largeDir?: string,
  sizes: { small: number; large: number } = { small: LEDGER_SMALL_ORDERS, large: LEDGER_LARGE_ORDERS },
): Promise<LedgerBenchResult> {
  console.log(
    '(e) 服务台账 export: the orders ledger of the city for 366 days, real use case + exceljs streaming ' +
      'writer + wx-server-sdk storage, in a child process',
  );
  const smallDir = join(tmp, 'ledger-small');
  const sb = await buildDemoData(smallDir, BUILT_PROVIDERS, sizes.small);
  console.log(`    built ${n(sb.orders)} orders (${n(sb.docs)} docs) in ${fmtMs(sb.loadMs)}`);
  let bigDir = largeDir;
  if (bigDir === undefined) {
    bigDir = join(tmp, 'ledger-large');
    const lb = await buildDemoData(bigDir, BUILT_PROVIDERS, sizes.large);
    console.log(`    built ${n(lb.orders)} orders (${n(lb.docs)} docs) in ${fmtMs(lb.loadMs)}`);
  } else {
    console.log(`    the large dataset: ${bigDir}`);
  }
  const small = await measureOn(smallDir, 'small');
  console.log(line(`${n(sizes.small)} orders`, small));
  const large = await measureOn(bigDir, 'large');
  console.log(line(`${n(sizes.large)} orders`, large));
  const growth = (m: ExportMeasure) => Math.max(m.peakLive - m.baseHeap, 1);
  const heapRatio = growth(large) / growth(small);
  console.log(
    `    rows x${(large.rows / small.rows).toFixed(1)}; live memory growth x${heapRatio.toFixed(2)}, ` +
      `peak RSS x${(large.peakRss / small.peakRss).toFixed(2)}; time per row ` +
      `${((small.ms * 1000) / small.rows).toFixed(1)} -> ${((large.ms * 1000) / large.rows).toFixed(1)} µs`,
  );
  return { small, large, heapRatio };
}

export function ledgerVerdict(r: LedgerBenchResult): string {
  return (
    `${r.heapRatio <= LEDGER_MEMORY_TARGET ? 'PASS' : 'MISS'} ledger export, live memory growth ` +
    `${n(r.large.rows)} / ${n(r.small.rows)} rows: x${r.heapRatio.toFixed(2)} (target <= ${LEDGER_MEMORY_TARGET}x; ` +
    `${fmtMs(r.large.ms)} for ${n(r.large.rows)} rows)`
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      child: { type: 'boolean', default: false },
      'large-dir': { type: 'string' },
      small: { type: 'string', default: String(LEDGER_SMALL_ORDERS) },
      large: { type: 'string', default: String(LEDGER_LARGE_ORDERS) },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    const [serviceUrl, from, to] = positionals;
    if (!serviceUrl || !from || !to)
      throw new Error('usage: ledger-export.ts --child <serviceUrl> <from> <to>');
    await childMain(serviceUrl, from, to);
    return;
  }
  console.log(
    `ledger export benchmark — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
  );
  const tmp = mkdtempSync(join(tmpdir(), 'weimin-bench-ledger-'));
  try {
    const r = await ledgerBench(tmp, values['large-dir'], {
      small: Number(values.small),
      large: Number(values.large),
    });
    console.log(ledgerVerdict(r));
  } finally {
    if (!values.keep) rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
