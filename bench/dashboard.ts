/**
 * (d) of `npm run bench`: the dashboard's queries (core/console/dashboard.query.ts, `GET /console/api/dashboard`)
 * for the demo street worker's street (玉城街道, the default 12 months), on two data dirs holding the Yulin demo
 * data: the demo itself (60 providers, 1,500 orders) and the same generator at a large size (100,000 orders by
 * default, the size of (c)'s large data). The use case runs with function-kit's wx-server-sdk database port (as admin-api runs it) in a child
 * process per data dir, against a local cloud of its own (the local cloud exactly as `npm start` runs it, the
 * platform's declared indexes), so each side's peak memory is its own:
 *
 * - time per dashboard request (ms), after a warm-up; sides measured in alternating rounds (ABBA);
 * - peak memory: the resident set of the caller (VmHWM of the child) and how far the local cloud's resident set
 *   rose above where it stood before the first request (VmHWM - VmRSS at start; the cloud evaluates the
 *   aggregations);
 * - the documents the street's requests may read (its orders in the period, the index's `orgPath` prefix and
 *   `createdAt` bounds) beside the city's orders, which is what makes the ratio mean something: the cost follows
 *   the street's records of the period, never the city's.
 *
 * This is a report: the ratio is printed, with no target (the large data gives the street more orders too).
 *
 *   node --import tsx bench/dashboard.ts [--orders 100000 --keep]     (alone; `npm run bench` runs it too)
 */
import '../tests/helpers/sdk-env';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dashboard } from '../core/console/dashboard.query';
import type { DashboardReply } from '../core/console/dashboard.replies';
import type { Actor } from '../core/auth/roles';
import type { PlatformPorts } from '../core/kernel/use-case';
import { DEMO_PATHS } from '../demo/demo-identities';
import { createWxDatabasePort, type WxCloud } from '../function-kit/wx-database.adapter';
import { DEFAULT_INDEX_FILE } from '../localcloud/local-cloud';
import type { DemoBuildResult } from './build-demo-data';
import { runJsonChild, startLocalCloud } from './processes';
import { fmtMs, fmtX, summarize, table, type Summary } from './stats';

export const DASHBOARD_SMALL_ORDERS = 1500;
export const DASHBOARD_LARGE_ORDERS = 100_000;
const SMALL_PROVIDERS = 60;
const LARGE_PROVIDERS = 2000;
/** build-demo-data.ts reports offerings of an item for a resident; the dashboard does not use them. */
const ANY_ITEM = 'item-appliance-repair';
const WARMUP = 3;
const ROUNDS = 4;
const PER_ROUND = 5;

/** The demo street worker (demo/demo-identities.ts), as the console session would present them. */
const STREET_WORKER: Actor = {
  openid: 'demo-street-worker-1',
  grants: [{ role: 'worker', orgPath: DEMO_PATHS.street }],
};

/** What one child reports for one round. */
interface RoundResult {
  readonly samplesMs: number[];
  readonly callerPeakKb: number;
  readonly cloudStartKb: number;
  readonly cloudPeakKb: number;
  readonly streetOrders: number;
  readonly cityOrders: number;
  readonly months: string;
  readonly servicesInPeriod: number;
}

/** VmRSS and VmHWM of a process, in kB (0 where /proc is not there). */
function memoryOf(pid: number | 'self'): { rssKb: number; peakKb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
  } catch {
    return { rssKb: 0, peakKb: 0 };
  }
}

/** The child: `--side <serviceUrl> <cloud pid> <calls> <warm-up>`; prints one JSON line (RoundResult). */
async function side(serviceUrl: string, cloudPid: number, calls: number, warmup: number): Promise<void> {
  const cloudStartKb = memoryOf(cloudPid).rssKb;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK keeps its configuration in module state
  const sdk = require('wx-server-sdk') as { init(o: unknown): void };
  sdk.init({ env: 'bench', serviceUrl, secretId: 'local', secretKey: 'local' });
  const db = createWxDatabasePort(sdk as unknown as WxCloud);
  const refuse = new Proxy(
    {},
    {
      get() {
        throw new Error('the dashboard only reads');
      },
    },
  );
  const ports = {
    db,
    clock: { now: () => Date.now() },
    ids: refuse,
    notifier: refuse,
    contentSecurity: refuse,
  };
  const ask = () =>
    dashboard({ ports: ports as unknown as PlatformPorts, actor: STREET_WORKER, command: {} });
  let last: DashboardReply | undefined;
  for (let i = 0; i < warmup; i++) last = await ask();
  const samplesMs: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    last = await ask();
    samplesMs.push(performance.now() - t0);
  }
  const reply = last!;
  if (reply.unit?.orgPath !== DEMO_PATHS.street || reply.months.length !== 12) {
    throw new Error(`dashboard: unexpected reply ${JSON.stringify(reply).slice(0, 300)}`);
  }
  const _ = db.command;
  const range = _.and([_.gte(Date.parse(`${reply.months[0]}-01T00:00:00+08:00`)), _.lt(Date.now() + 1)]);
  const [streetOrders, cityOrders] = await Promise.all([
    db.count('orders', { orgPath: _.prefix(DEMO_PATHS.street), createdAt: range }),
    db.count('orders', {}),
  ]);
  const cloud = memoryOf(cloudPid);
  const result: RoundResult = {
    samplesMs,
    callerPeakKb: memoryOf('self').peakKb,
    cloudStartKb,
    cloudPeakKb: cloud.peakKb,
    streetOrders,
    cityOrders,
    months: `${reply.months[0]}..${reply.months[11]}`,
    servicesInPeriod: reply.total.services.denominator,
  };
  console.log(JSON.stringify(result));
}

interface SideTotals {
  readonly label: string;
  readonly build: DemoBuildResult;
  samplesUs: number[];
  rounds: RoundResult[];
}

const n = (x: number) => x.toLocaleString('en-US');
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

export interface DashboardBenchResult {
  /** Median time ratio, large / demo. */
  readonly ratio: number;
  /** Cloud peak growth ratio, large / demo. */
  readonly memoryRatio: number;
  readonly largeLabel: string;
}

/** Build both data dirs under `tmp`, measure, print the section, stop everything. */
export async function dashboardBench(tmp: string, largeOrders: number): Promise<DashboardBenchResult> {
  const largeLabel = `${n(largeOrders)} orders`;
  console.log(
    `(d) dashboard for ${DEMO_PATHS.street} (street worker, default 12 months) through function-kit's ` +
      'wx-server-sdk port, ms per request',
  );
  const sides: Array<SideTotals & { dir: string }> = [];
  for (const [label, providers, orders, dir] of [
    [`${n(DASHBOARD_SMALL_ORDERS)} orders (demo)`, SMALL_PROVIDERS, DASHBOARD_SMALL_ORDERS, 'dash-small'],
    [largeLabel, LARGE_PROVIDERS, largeOrders, 'dash-large'],
  ] as const) {
    const dataDir = join(tmp, dir);
    const build = await runJsonChild<DemoBuildResult>(join('bench', 'build-demo-data.ts'), [
      dataDir,
      String(providers),
      String(orders),
      ANY_ITEM,
      DEMO_PATHS.grid,
    ]);
    sides.push({ label, build, samplesUs: [], rounds: [], dir: dataDir });
  }
  const clouds = await Promise.all(sides.map((s) => startLocalCloud(s.dir, DEFAULT_INDEX_FILE)));
  try {
    // ABBA rounds: demo, large, large, demo, ...; the first round of each side warms it up.
    const order = Array.from({ length: ROUNDS }, (_, r) => (r % 2 === 0 ? [0, 1] : [1, 0])).flat();
    const warmed = new Set<number>();
    for (const i of order) {
      const s = sides[i]!;
      const c = clouds[i]!;
      const result = await runJsonChild<RoundResult>(join('bench', 'dashboard.ts'), [
        '--side',
        c.serviceUrl,
        String(c.pid),
        String(PER_ROUND),
        String(warmed.has(i) ? 1 : WARMUP),
      ]);
      warmed.add(i);
      s.rounds.push(result);
      s.samplesUs.push(...result.samplesMs.map((ms) => ms * 1000));
    }
  } finally {
    await Promise.all(clouds.map((c) => c.stop()));
  }
  const small = sides[0]!;
  const large = sides[1]!;
  const summaries = sides.map((s) => summarize(s.samplesUs)) as [Summary, Summary];
  const peak = (s: SideTotals) => Math.max(...s.rounds.map((r) => r.cloudPeakKb - r.cloudStartKb), 0);
  const callerPeak = (s: SideTotals) => Math.max(...s.rounds.map((r) => r.callerPeakKb));
  const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
  for (const s of sides) {
    const r = s.rounds[0]!;
    console.log(
      `    ${s.label}: ${n(s.build.docs)} docs built in ${fmtMs(s.build.loadMs)}, ` +
        `${(s.build.bytes / 1024 / 1024).toFixed(0)} MB; city orders ${n(r.cityOrders)}, the street's in ` +
        `${r.months} ${n(r.streetOrders)} (${((r.streetOrders / Math.max(1, r.cityOrders)) * 100).toFixed(1)}%; ` +
        `the dashboard counted ${n(r.servicesInPeriod)} up to its month bounds)`,
    );
  }
  console.log(
    table(
      ['', 'n', 'mean', 'median', 'p95', 'caller peak RSS', 'cloud RSS rise'],
      [
        ...sides.map((s, i) => {
          const sum = summaries[i]!;
          return [
            s.label,
            String(sum.n),
            ms(sum.mean),
            ms(sum.median),
            ms(sum.p95),
            mb(callerPeak(s)),
            mb(peak(s)),
          ];
        }),
        [
          `${largeLabel} / demo`,
          '',
          fmtX(summaries[1].mean / summaries[0].mean),
          fmtX(summaries[1].median / summaries[0].median),
          fmtX(summaries[1].p95 / summaries[0].p95),
          fmtX(callerPeak(large) / Math.max(1, callerPeak(small))),
          fmtX(peak(large) / Math.max(1, peak(small))),
        ],
      ],
    ),
  );
  const streetRatio = large.rounds[0]!.streetOrders / Math.max(1, small.rounds[0]!.streetOrders);
  const cityRatio = large.rounds[0]!.cityOrders / Math.max(1, small.rounds[0]!.cityOrders);
  console.log(
    `    the street's orders in the period grew ${fmtX(streetRatio)}, the city's ${fmtX(cityRatio)}; ` +
      `time grew ${fmtX(summaries[1].median / summaries[0].median)} (medians)`,
  );
  return {
    ratio: summaries[1].median / summaries[0].median,
    memoryRatio: peak(large) / Math.max(1, peak(small)),
    largeLabel,
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      side: { type: 'boolean', default: false },
      orders: { type: 'string', default: String(DASHBOARD_LARGE_ORDERS) },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.side) {
    const [serviceUrl, pid, calls, warmup] = positionals;
    await side(serviceUrl!, Number(pid), Number(calls), Number(warmup));
    return;
  }
  const orders = Number(values.orders);
  if (!Number.isInteger(orders) || orders < DASHBOARD_SMALL_ORDERS)
    throw new Error(`bad --orders ${values.orders}`);
  const tmp = mkdtempSync(join(tmpdir(), 'weimin-bench-dashboard-'));
  const started = performance.now();
  console.log(
    `dashboard benchmark — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
  );
  console.log(`data: ${tmp}${values.keep ? ' (kept)' : ''}\n`);
  try {
    const r = await dashboardBench(tmp, orders);
    console.log(`\ntotal ${fmtMs(performance.now() - started)}`);
    console.log(
      `dashboard, ${r.largeLabel} / demo: time ${fmtX(r.ratio)}, cloud memory ${fmtX(r.memoryRatio)}`,
    );
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
