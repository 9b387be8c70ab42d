/**
 * (c) of `npm run bench`: the latency of match.request must not grow with the number of providers. One ticked
 * item (家电维修) is matched for the demo resident (金港花园, 东门社区) through the REAL built `orders` function on
 * the local cloud, called with the real @cloudbase/node-sdk as that resident (the local-only
 * `openid:<OPENID>` credential), on two data dirs holding the Yulin demo data: the demo itself (60
 * providers) and the same generator at a large size (100,000 providers by default), where about a thousand
 * offerings of the item cover the resident (a dense area: the first page of candidates comes back full and
 * the selection checks it needs nothing beyond it).
 *
 * Each data dir is built beforehand by bench/build-demo-data.ts with the platform's declared indexes; each
 * cloud runs in its own process (bench/functions-cloud.ts: `npm start`'s local cloud and functions without
 * timers). The report prints how many offerings of the item cover the resident's unit in each data dir (the
 * rows the index holds for the query), which is what makes the ratio mean something. As the rest of the
 * benchmark: warm-up, sequential, then interleaved ABBA rounds; the verdict uses the interleaved medians.
 * Target: large within 1.5x of small.
 *
 *   node --import tsx bench/match.ts [--providers 100000 --keep]     (alone; `npm run bench` runs it too)
 */
import '../tests/helpers/sdk-env';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import tcb from '@cloudbase/node-sdk';
import { DEMO_PATHS } from '../demo/demo-identities';
import { DEMO_RESIDENT_OPENID } from '../demo/demo.constants';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import { OPENID_CREDENTIAL_PREFIX } from '../localcloud/functions/functions.actions';
import { buildFunctions, FUNCTIONS_SRC } from '../scripts/build-functions';
import { REPO_ROOT, spawnServer, type ServerProcess } from '../tests/helpers/server-process';
import type { DemoBuildResult } from './build-demo-data';
import { compare, comparisonTable, type ComparePlan } from './compare';
import { runJsonChild, stopGracefully } from './processes';
import { fmtMs, fmtX, timeUs } from './stats';

export const MATCH_ITEM = 'item-appliance-repair';
const MATCH_ITEM_NAME = '家电维修';
export const MATCH_SMALL_PROVIDERS = 60;
const SMALL_ORDERS = 1500;
export const MATCH_LARGE_PROVIDERS = 100_000;
export const MATCH_TARGET = 1.5;
/** Past the window in which a resident's identical request reuses their match, and into a new minute. */
const FRESH_MATCH_AFTER_MS = (DEFAULT_PLATFORM_CONFIG.matching.reuseWithinMinutes + 1) * 60_000;
const POOL = DEFAULT_PLATFORM_CONFIG.matching.candidatePoolSize;

/** A call is some milliseconds: an HTTP call to the function, which makes six or seven to the database. */
/** Warm-up, sequential and interleaved calls of each side. */
const PLAN: ComparePlan = { warmup: 100, sequential: 400, rounds: 20, roundOps: 20 };

interface MatchReply {
  code: string;
  message: string;
  data?: {
    items: Array<{
      itemId: string;
      searchedLevel: string;
      gap: boolean;
      providers: Array<{ providerId: string; foundAt: string; reputation: number }>;
    }>;
  };
}

interface Side {
  label: string;
  build: DemoBuildResult;
  startMs: number;
  server: ServerProcess;
  call(): Promise<MatchReply>;
  /** Move the side's clock so the next call is neither a reused match nor rate-limited. */
  nextCall(): Promise<void>;
  first?: MatchReply;
}

export interface MatchBenchResult {
  /** Interleaved median latency ratio, large / small. */
  ratio: number;
  largeLabel: string;
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

function residentSdk(serviceUrl: string) {
  return tcb.init({
    env: 'bench',
    serviceUrl,
    secretId: `${OPENID_CREDENTIAL_PREFIX}${DEMO_RESIDENT_OPENID}`,
    secretKey: 'local',
  } as never);
}

async function startSide(
  label: string,
  dataDir: string,
  functionsDir: string,
  providers: number,
  orders: number,
): Promise<Side> {
  const build = await buildDemoData(dataDir, providers, orders);
  const t1 = performance.now();
  const server = await spawnServer({
    command: ['--import', 'tsx', join('bench', 'functions-cloud.ts')],
    dataDir,
    args: ['--functions-dir', functionsDir],
    readyTimeoutMs: 60_000,
  });
  const startMs = performance.now() - t1;
  const app = residentSdk(server.serviceUrl);
  const call = async (): Promise<MatchReply> =>
    (
      await app.callFunction({
        name: 'orders',
        data: { command: 'match.request', input: { itemIds: [MATCH_ITEM] } },
      })
    ).result as MatchReply;
  // A resident asking again for the same items within minutes gets the match they were just shown, and a
  // user's calls per minute are limited: each measured call happens past that window after the previous one on
  // the local cloud's clock (moved outside the timing), so every call computes a fresh match.
  const nextCall = async (): Promise<void> => {
    const res = await fetch(`${server.url}/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: FRESH_MATCH_AFTER_MS }),
    });
    if (!res.ok) throw new Error(`POST /clock on ${label}: ${res.status} ${await res.text()}`);
  };
  return { label, build, startMs, server, call, nextCall };
}

/** The reply must be a match of the item with 3 to 5 providers (checked outside the timing). */
function check(side: Side, reply: MatchReply): void {
  const item = reply.data?.items[0];
  if (reply.code !== 'OK' || item?.itemId !== MATCH_ITEM || item.providers.length < 3) {
    throw new Error(`match.request on ${side.label}: ${JSON.stringify(reply).slice(0, 400)}`);
  }
  side.first ??= reply;
}

async function runOps(side: Side, n: number, samples?: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    let reply: MatchReply | undefined;
    await side.nextCall();
    const us = await timeUs(async () => {
      reply = await side.call();
    });
    check(side, reply!);
    samples?.push(us);
  }
}

const n = (x: number) => x.toLocaleString('en-US');

function describeSide(side: Side): string[] {
  const { build } = side;
  const { cityWide, covering, matchable } = build.offerings;
  const item = side.first!.data!.items[0]!;
  return [
    `    ${side.label}: ${n(build.providers)} providers, ${n(build.orders)} orders, ${n(build.docs)} docs ` +
      `(${n(build.counts['offerings'] ?? 0)} offerings) built in ${fmtMs(build.loadMs)}, ` +
      `${(build.bytes / 1024 / 1024).toFixed(0)} MB; cloud ready ${fmtMs(side.startMs)} after spawn`,
    `      offerings of ${MATCH_ITEM_NAME}: ${n(cityWide)} city-wide, ${n(covering)} covering the resident's unit ` +
      `or an ancestor, ${n(matchable)} of them matchable; the first page holds ${Math.min(POOL, matchable)} (limit ${POOL})` +
      (matchable >= POOL ? ', more only where the selection depends on them' : ''),
    `      reply: ${item.providers.length} providers, searched to ${item.searchedLevel}, found at ` +
      `${item.providers.map((p) => p.foundAt).join('/')}${item.gap ? ', gap' : ''}`,
  ];
}

/**
 * Build the functions and both data dirs under `tmp`, start both clouds, measure, print the section and
 * stop everything (the data dirs are removed with `tmp` by the caller).
 */
export async function matchBench(tmp: string, largeProviders: number): Promise<MatchBenchResult> {
  const largeLabel = `${n(largeProviders)} providers`;
  const smallLabel = `${MATCH_SMALL_PROVIDERS} providers (demo)`;
  console.log(
    `(c) match.request for one item (${MATCH_ITEM_NAME}) through the built orders function, node-sdk ` +
      `callFunction as ${DEMO_RESIDENT_OPENID} (${DEMO_PATHS.grid}), µs per op`,
  );
  // Functions resolve the SDKs from node_modules, as deployed ones do: build them inside the repository.
  const buildRoot = join(REPO_ROOT, 'build', 'tmp');
  mkdirSync(buildRoot, { recursive: true });
  const functionsDir = mkdtempSync(join(buildRoot, 'bench-functions-'));
  const sides: Side[] = [];
  try {
    const t0 = performance.now();
    const built = await buildFunctions(FUNCTIONS_SRC, functionsDir);
    console.log(`    built ${built.length} functions in ${fmtMs(performance.now() - t0)}`);
    sides.push(
      await startSide(
        smallLabel,
        join(tmp, 'match-small'),
        functionsDir,
        MATCH_SMALL_PROVIDERS,
        SMALL_ORDERS,
      ),
    );
    // Orders are not read by matching; one per provider keeps the build short at any size.
    sides.push(
      await startSide(largeLabel, join(tmp, 'match-large'), functionsDir, largeProviders, largeProviders),
    );
    const [small, large] = sides as [Side, Side];
    const cmp = await compare(
      (count, samples) => runOps(large, count, samples),
      (count, samples) => runOps(small, count, samples),
      PLAN,
    );
    for (const side of [small, large]) for (const line of describeSide(side)) console.log(line);
    console.log(
      comparisonTable(cmp, PLAN, largeLabel, smallLabel, `${n(largeProviders)} / ${MATCH_SMALL_PROVIDERS}`),
    );
    return { ratio: cmp.interleavedRatio.median, largeLabel };
  } finally {
    await Promise.all(sides.map((s) => stopGracefully(s.server)));
    rmSync(functionsDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      providers: { type: 'string', default: String(MATCH_LARGE_PROVIDERS) },
      keep: { type: 'boolean', default: false },
    },
  });
  const providers = Number(values.providers);
  if (!Number.isInteger(providers) || providers < MATCH_SMALL_PROVIDERS) {
    throw new Error(`bad --providers ${values.providers}`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'weimin-bench-match-'));
  const started = performance.now();
  console.log(
    `match.request benchmark — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
  );
  console.log(`data: ${tmp}${values.keep ? ' (kept)' : ''}\n`);
  try {
    const r = await matchBench(tmp, providers);
    console.log(`\ntotal ${fmtMs(performance.now() - started)}`);
    console.log(
      `${r.ratio <= MATCH_TARGET ? 'PASS' : 'MISS'} match.request, ${r.largeLabel} / ${MATCH_SMALL_PROVIDERS}: ` +
        `${fmtX(r.ratio)} (target <= ${MATCH_TARGET}x, interleaved medians)`,
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
