/**
 * `npm run load`: the order loop under load. Starts a local cloud of its own (bench/load-cloud.ts: the built
 * functions and the Yulin demo data, on a free port and a temporary data dir), then runs simulated residents
 * and provider staff concurrently for a while (200 and 50 for 60 s by default), each through the real
 * @cloudbase/node-sdk as that user (the local-only `openid:<OPENID>` credential), and prints per command the
 * calls, throughput and latency percentiles, and the outcomes: OK, expected refusals, errors. Then it checks
 * every order and provider (bench/load-check.ts) and fires the `reputation-nightly` recount, which must find
 * no drift. Exits 1 on any error or inconsistency. A report of this machine, not a timed test.
 *
 * Who: the residents are the demo's simulated residents (`sim-r-<grid>-<k>`, long-standing accounts), spread
 * over the city, each needing one of the common home services; the staff are the demo providers' own
 * (their managers, and the demo provider's two staff), plus members added to the busiest providers (users
 * with a `provider_staff` grant written directly), 50 in all, placed where the residents' matches send
 * orders. A resident chooses among the providers offered to them whose staff take part.
 *
 * The loops, with think times drawn uniformly from the ranges below (a deterministic generator per user):
 * - resident: match.request -> order.create (one of the offered providers) -> order.detail every few seconds
 *   until the job is done -> order.rate -> a pause -> again;
 * - staff: order.list (new jobs of their provider) -> order.accept (one of them at random) -> order.done ->
 *   order.follow_up -> again; an empty list waits a moment.
 * Pacing keeps every user far inside the per-minute rate limits (core/kernel/platform.config.ts: 30
 * match.request and 30 writes a minute for a resident, 60 accepts, dones and follow-ups for staff) and each
 * match is ordered from, so no request is answered with a reused match after the first one.
 *
 * Outcomes: any reply that is not OK counts as an error, except ORDER_ILLEGAL_TRANSITION on order.accept,
 * the expected answer to the staff member who loses a race for a job to a colleague (counted as "expected").
 *
 *   npm run load [-- --seconds 60 --residents 200 --staff 50 --keep]
 */
import '../tests/helpers/sdk-env';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import tcb from '@cloudbase/node-sdk';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import type { MatchProvidersResult } from '../core/matching/match.reply';
import type {
  CreateOrderResult,
  OrderDetailResult,
  OrderListResult,
  OrderStepResult,
} from '../core/orders/order.replies';
import { OPENID_CREDENTIAL_PREFIX } from '../localcloud/functions/functions.actions';
import { buildFunctions, FUNCTIONS_SRC } from '../scripts/build-functions';
import { REPO_ROOT, spawnServer, type ServerProcess } from '../tests/helpers/server-process';
import { SUBSCRIPTIONS_ROUTE, TIMERS_ROUTE, type SubscriptionGrant } from './load-cloud';
import { checkConsistency, readAll, type ConsistencyReport } from './load-check';
import { stopGracefully } from './processes';
import { fmtMs, table } from './stats';

// 250 users' SDKs share the keep-alive sockets: many requests wait on one socket's connect at once (Node's
// leak warning at 11 listeners is about one emitter, not a leak here).
EventEmitter.defaultMaxListeners = 300;

/** The common home services every community has providers for (demo/service-coverage.data.ts). */
const NEEDS = [
  'item-appliance-repair',
  'item-home-cleaning',
  'item-plumbing-electrical',
  'item-elderly-companion',
  'item-temporary-childcare',
];

/** Think times in milliseconds, [min, max). */
const THINK = {
  readList: [1000, 3000],
  pollDetail: [2000, 4000],
  beforeRating: [1000, 3000],
  betweenOrders: [3000, 8000],
  emptyJobList: [1500, 3000],
  lostRace: [200, 800],
  atWork: [2000, 5000],
  beforeFollowUp: [1000, 3000],
  afterJob: [500, 1500],
} as const satisfies Record<string, readonly [number, number]>;

/** Refusals that are a normal part of the loop, per command. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'order.accept': ['ORDER_ILLEGAL_TRANSITION'],
};

const FOLLOW_UP = {
  channel: 'phone',
  summary: '居民表示满意，服务已完成',
  problems: [],
  suggestions: [],
};
const RATING_TEXTS = ['', '', '师傅很专业，准时上门', '服务不错', '态度很好，下次还找他们'];
const { orderNew, orderStatus, followUpDue, reviewReminder } = DEFAULT_PLATFORM_CONFIG.templates;

interface Reply<T> {
  code: string;
  message: string;
  data: T;
}

type Doc = Record<string, unknown> & { _id: string };
type AdminDb = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** Deterministic pseudo-random numbers (mulberry32) per simulated user. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  between([min, max]: readonly [number, number]): number {
    return min + this.next() * (max - min);
  }
}

/** Per command: latencies and outcomes. */
class Recorder {
  readonly rows = new Map<
    string,
    { ms: number[]; ok: number; expected: Map<string, number>; errors: Map<string, number> }
  >();
  readonly firstErrors: string[] = [];

  row(command: string) {
    let row = this.rows.get(command);
    if (row === undefined) {
      row = { ms: [], ok: 0, expected: new Map(), errors: new Map() };
      this.rows.set(command, row);
    }
    return row;
  }

  /** Call and record; null on an error (a non-OK reply not expected, or a failed call). */
  async call<T>(user: SimUser, fn: string, command: string, input: unknown): Promise<Reply<T> | null> {
    const row = this.row(command);
    const t0 = performance.now();
    let reply: Reply<T>;
    try {
      reply = (await user.app.callFunction({ name: fn, data: { command, input } })).result as Reply<T>;
    } catch (e) {
      row.ms.push(performance.now() - t0);
      this.error(row.errors, command, 'CALL_FAILED', `${user.openid}: ${String(e).slice(0, 300)}`);
      return null;
    }
    row.ms.push(performance.now() - t0);
    if (reply.code === 'OK') {
      row.ok += 1;
      return reply;
    }
    if (EXPECTED[command]?.includes(reply.code)) {
      row.expected.set(reply.code, (row.expected.get(reply.code) ?? 0) + 1);
      return reply;
    }
    this.error(
      row.errors,
      command,
      reply.code,
      `${user.openid}: ${reply.message} ${JSON.stringify(reply.data)}`,
    );
    return null;
  }

  private error(errors: Map<string, number>, command: string, code: string, detail: string): void {
    errors.set(code, (errors.get(code) ?? 0) + 1);
    if (this.firstErrors.length < 10) this.firstErrors.push(`${command} ${code} ${detail.slice(0, 400)}`);
  }
}

interface SimUser {
  readonly openid: string;
  readonly app: ReturnType<typeof tcb.init>;
  readonly rng: Rng;
}

interface Resident extends SimUser {
  readonly itemId: string;
}

interface Population {
  readonly residents: Resident[];
  readonly staff: SimUser[];
  /** Providers whose staff take part. */
  readonly staffed: ReadonlySet<string>;
  /** Staff per provider (for the report). */
  readonly staffPerProvider: ReadonlyMap<string, number>;
  readonly createdStaff: number;
}

interface RunCounters {
  readonly orderIds: Set<string>;
  loops: number;
  jobs: number;
  /** Match lists without any provider whose staff take part (the resident tries again later). */
  noStaffedProvider: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let requestSeq = 0;
const requestId = (label: string) => `load-${label}-${String((requestSeq += 1)).padStart(7, '0')}`;

function userSdk(serviceUrl: string, openid: string, seed: number): SimUser {
  const app = tcb.init({
    env: 'load',
    serviceUrl,
    secretId: `${OPENID_CREDENTIAL_PREFIX}${openid}`,
    secretKey: 'local',
  } as never);
  return { openid, app, rng: new Rng(seed) };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Run `fn` over `items`, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, fn: (t: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/**
 * The residents (spread over the demo's simulated residents), the item each needs and the providers their
 * match offers (one match.request each, before the run; the run's first request reuses it).
 */
async function pickResidents(
  db: AdminDb,
  serviceUrl: string,
  count: number,
): Promise<{ residents: Resident[]; offered: Map<string, string[]> }> {
  const users = (await readAll<Doc>(db, 'users')).filter((u) => u._id.startsWith('sim-r-'));
  if (users.length < count) throw new Error(`only ${users.length} simulated residents in the demo data`);
  const step = users.length / count;
  const chosen = Array.from({ length: count }, (_, i) => users[Math.floor(i * step)]!._id);
  const residents: Resident[] = [];
  const offered = new Map<string, string[]>();
  await inBatches(chosen, 8, async (openid, i) => {
    const user = userSdk(serviceUrl, openid, 1000 + i);
    for (let k = 0; k < NEEDS.length; k += 1) {
      const itemId = NEEDS[(i + k) % NEEDS.length]!;
      const reply = (await user.app.callFunction({
        name: 'orders',
        data: { command: 'match.request', input: { itemIds: [itemId] } },
      })) as { result: Reply<MatchProvidersResult> };
      const providers = reply.result.data?.items[0]?.providers ?? [];
      if (reply.result.code === 'OK' && providers.length > 0) {
        residents.push({ ...user, itemId });
        offered.set(
          openid,
          providers.map((p) => p.providerId),
        );
        return;
      }
    }
  });
  return { residents, offered };
}

/**
 * Place `count` staff where the residents' orders will go: one on each provider offered (by demand: the
 * residents offering it, each resident's share split over their list), then more on the busiest. The
 * providers' own staff first; members beyond them are written as users copying the provider's manager.
 */
async function placeStaff(
  db: AdminDb,
  serviceUrl: string,
  count: number,
  offered: ReadonlyMap<string, readonly string[]>,
): Promise<Omit<Population, 'residents'>> {
  const demand = new Map<string, number>();
  for (const list of offered.values()) {
    for (const providerId of list) demand.set(providerId, (demand.get(providerId) ?? 0) + 1 / list.length);
  }
  const byDemand = [...demand.keys()].sort((a, b) => demand.get(b)! - demand.get(a)! || (a < b ? -1 : 1));
  const slots = new Map<string, number>();
  for (const providerId of byDemand.slice(0, count)) slots.set(providerId, 1);
  for (let placed = slots.size; placed < count; placed += 1) {
    const busiest = [...slots.keys()].sort(
      (a, b) => demand.get(b)! / slots.get(b)! - demand.get(a)! / slots.get(a)! || (a < b ? -1 : 1),
    )[0]!;
    slots.set(busiest, slots.get(busiest)! + 1);
  }

  const users = await readAll<Doc & { grants: { role: string; providerId?: string }[] }>(db, 'users');
  const ownStaff = new Map<string, (typeof users)[number][]>();
  for (const user of users) {
    for (const grant of user.grants ?? []) {
      if (grant.role !== 'provider_staff' || grant.providerId === undefined) continue;
      ownStaff.set(grant.providerId, [...(ownStaff.get(grant.providerId) ?? []), user]);
    }
  }
  const staff: SimUser[] = [];
  let createdStaff = 0;
  for (const [providerId, n] of slots) {
    const own = (ownStaff.get(providerId) ?? []).sort((a, b) => (a._id < b._id ? -1 : 1));
    const template = own[0];
    if (template === undefined) throw new Error(`provider ${providerId} has no staff user to copy`);
    for (let k = 0; k < n; k += 1) {
      let openid = own[k]?._id;
      if (openid === undefined) {
        openid = `load-staff-${providerId}-${k}`;
        const grant = template.grants.find((g) => g.providerId === providerId)!;
        const { _id: _ignored, ...rest } = template;
        await db.collection('users').add({
          ...rest,
          _id: openid,
          openid,
          grants: [{ ...grant, position: 'member' }],
          demo: false,
        });
        createdStaff += 1;
      }
      staff.push(userSdk(serviceUrl, openid, 5000 + staff.length));
    }
  }
  return { staff, staffed: new Set(slots.keys()), staffPerProvider: slots, createdStaff };
}

async function preparePopulation(
  db: AdminDb,
  server: ServerProcess,
  residentCount: number,
  staffCount: number,
): Promise<Population> {
  const { residents, offered } = await pickResidents(db, server.serviceUrl, residentCount);
  const placed = await placeStaff(db, server.serviceUrl, staffCount, offered);
  // Each resident picks among the offered providers whose staff take part: keep those who have one.
  const served = residents.filter((r) => offered.get(r.openid)!.some((p) => placed.staffed.has(p)));
  // Subscriptions, as the demo identities have them: every message of the loop reaches the outbox.
  const grants: SubscriptionGrant[] = [
    ...served.flatMap((r) => [orderStatus, reviewReminder].map((t) => ({ openid: r.openid, templateId: t }))),
    ...placed.staff.flatMap((s) => [orderNew, followUpDue].map((t) => ({ openid: s.openid, templateId: t }))),
  ].map((g) => ({ ...g, count: 1000 }));
  await post(`${server.url}${SUBSCRIPTIONS_ROUTE}`, { grants });
  return { residents: served, ...placed };
}

async function residentLoop(
  r: Resident,
  rec: Recorder,
  pop: Population,
  counters: RunCounters,
  running: () => boolean,
): Promise<void> {
  const think = (range: readonly [number, number]) => sleep(r.rng.between(range));
  while (running()) {
    const match = await rec.call<MatchProvidersResult>(r, 'orders', 'match.request', { itemIds: [r.itemId] });
    const offered = (match?.data.items[0]?.providers ?? []).filter((p) => pop.staffed.has(p.providerId));
    if (match === null || offered.length === 0) {
      if (match !== null) counters.noStaffedProvider += 1;
      await think(THINK.betweenOrders);
      continue;
    }
    await think(THINK.readList);
    if (!running()) return;
    const provider = offered[r.rng.int(offered.length)]!;
    const created = await rec.call<CreateOrderResult>(r, 'orders', 'order.create', {
      matchId: match.data.matchId,
      itemId: r.itemId,
      providerId: provider.providerId,
      serviceAddress: `${1 + r.rng.int(20)}栋${1 + r.rng.int(4)}单元${101 + r.rng.int(20)}室`,
      note: '',
      clientRequestId: requestId('create'),
    });
    if (created === null) {
      await think(THINK.betweenOrders);
      continue;
    }
    const orderId = created.data.orderId;
    counters.orderIds.add(orderId);
    let status: string = created.data.status;
    while (status === 'created' || status === 'accepted') {
      await think(THINK.pollDetail);
      if (!running()) return;
      const detail = await rec.call<OrderDetailResult>(r, 'orders', 'order.detail', { orderId });
      if (detail !== null) status = detail.data.order.status;
    }
    if (status !== 'done' && status !== 'followed_up') continue;
    await think(THINK.beforeRating);
    if (!running()) return;
    const stars = [5, 5, 5, 4, 4, 3, 2, 1][r.rng.int(8)]!;
    const text = RATING_TEXTS[r.rng.int(RATING_TEXTS.length)]!;
    const rated = await rec.call(r, 'orders', 'order.rate', {
      orderId,
      stars,
      text,
      clientRequestId: requestId('rate'),
    });
    if (rated !== null) counters.loops += 1;
    await think(THINK.betweenOrders);
  }
}

async function staffLoop(
  s: SimUser,
  rec: Recorder,
  counters: RunCounters,
  running: () => boolean,
): Promise<void> {
  const think = (range: readonly [number, number]) => sleep(s.rng.between(range));
  const step = (command: string, input: Record<string, unknown>) =>
    rec.call<OrderStepResult>(s, 'jobs', command, {
      ...input,
      clientRequestId: requestId(command.replace(/\W/g, '-')),
    });
  while (running()) {
    const list = await rec.call<OrderListResult>(s, 'jobs', 'order.list', {
      as: 'provider_staff',
      status: 'created',
      page: 1,
      pageSize: 10,
    });
    const jobs = list?.data.items ?? [];
    if (jobs.length === 0) {
      await think(THINK.emptyJobList);
      continue;
    }
    const orderId = jobs[s.rng.int(jobs.length)]!.orderId;
    const accepted = await step('order.accept', { orderId });
    if (accepted?.code !== 'OK') {
      await think(THINK.lostRace);
      continue;
    }
    await think(THINK.atWork);
    if (!running()) return;
    if ((await step('order.done', { orderId })) === null) continue;
    await think(THINK.beforeFollowUp);
    if (!running()) return;
    if ((await step('order.follow_up', { orderId, ...FOLLOW_UP })) !== null) counters.jobs += 1;
    await think(THINK.afterJob);
  }
}

const COMMAND_ORDER = [
  'match.request',
  'order.create',
  'order.detail',
  'order.rate',
  'order.list',
  'order.accept',
  'order.done',
  'order.follow_up',
];

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function latencyTable(rec: Recorder, seconds: number): { text: string; errors: number } {
  const ms = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(1));
  const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const names = [...COMMAND_ORDER, ...[...rec.rows.keys()].filter((c) => !COMMAND_ORDER.includes(c))];
  const rows: string[][] = [];
  const all: number[] = [];
  let errors = 0;
  let ok = 0;
  let expected = 0;
  for (const name of names) {
    const row = rec.rows.get(name);
    if (row === undefined) continue;
    const sorted = [...row.ms].sort((a, b) => a - b);
    all.push(...sorted);
    errors += count(row.errors);
    ok += row.ok;
    expected += count(row.expected);
    const detail = [...row.expected, ...row.errors].map(([code, n]) => `${code} ${n}`).join(', ');
    rows.push([
      name,
      String(sorted.length),
      (sorted.length / seconds).toFixed(1),
      ms(percentile(sorted, 0.5)),
      ms(percentile(sorted, 0.95)),
      ms(percentile(sorted, 0.99)),
      String(row.ok),
      String(count(row.expected)),
      String(count(row.errors)),
      detail,
    ]);
  }
  all.sort((a, b) => a - b);
  rows.push([
    'all',
    String(all.length),
    (all.length / seconds).toFixed(1),
    ms(percentile(all, 0.5)),
    ms(percentile(all, 0.95)),
    ms(percentile(all, 0.99)),
    String(ok),
    String(expected),
    String(errors),
    '',
  ]);
  const header = ['command', 'calls', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'OK', 'expected', 'errors', ''];
  return { text: table(header, rows), errors };
}

function consistencyLines(report: ConsistencyReport): string[] {
  const statuses = Object.entries(report.runStatuses)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return [
    `  orders checked: ${report.orders} (${report.runOrders} from this run: ${statuses})`,
    `  against ${report.events} order events, ${report.followUps} follow-ups, ${report.ratings} ratings`,
    `  providers: ${report.providers} (aggregates = recount from ratings and follow-ups), ${report.offerings} offerings (reputation copies)`,
    `  inconsistencies: ${report.problems.length}`,
    ...report.problems.slice(0, 20).map((p) => `    ${p}`),
  ];
}

interface NightlyReply {
  code: string;
  data?: { checked: number; batches: number; corrected: unknown[]; skipped: unknown[] };
}

async function run(opts: { seconds: number; ramp: number; residents: number; staff: number; keep: boolean }) {
  console.log(`load test — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`);
  const buildRoot = join(REPO_ROOT, 'build', 'tmp');
  mkdirSync(buildRoot, { recursive: true });
  const functionsDir = mkdtempSync(join(buildRoot, 'load-functions-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'weimin-load-'));
  let server: ServerProcess | undefined;
  try {
    const built = await buildFunctions(FUNCTIONS_SRC, functionsDir);
    server = await spawnServer({
      command: ['--import', 'tsx', join('bench', 'load-cloud.ts')],
      dataDir,
      args: ['--functions-dir', functionsDir],
      readyTimeoutMs: 120_000,
    });
    console.log(
      `local cloud ${server.url}, ${built.length} functions, data ${dataDir}${opts.keep ? ' (kept)' : ''}`,
    );
    const db = tcb
      .init({ env: 'load', serviceUrl: server.serviceUrl, secretId: 'admin', secretKey: 'x' } as never)
      .database();
    const pop = await preparePopulation(db, server, opts.residents, opts.staff);
    console.log(
      `${pop.residents.length} residents (of ${opts.residents} asked; each needs one of ${NEEDS.length} common services), ` +
        `${pop.staff.length} staff on ${pop.staffed.size} providers (${pop.createdStaff} added as members; ` +
        `at most ${Math.max(...pop.staffPerProvider.values())} on one provider)`,
    );

    const rec = new Recorder();
    const counters: RunCounters = { orderIds: new Set(), loops: 0, jobs: 0, noStaffedProvider: 0 };
    const t0 = performance.now();
    const deadline = t0 + opts.seconds * 1000;
    const running = () => performance.now() < deadline;
    // Users join one after another over the ramp (as a morning's residents do), not all in one instant.
    const joins = (i: number, n: number) => sleep((opts.ramp * 1000 * i) / n);
    await Promise.all([
      ...pop.residents.map(async (r, i) => {
        await joins(i, pop.residents.length);
        await residentLoop(r, rec, pop, counters, running);
      }),
      ...pop.staff.map(async (s, i) => {
        await joins(i, pop.staff.length);
        await staffLoop(s, rec, counters, running);
      }),
    ]);
    const elapsed = (performance.now() - t0) / 1000;
    const { text, errors } = latencyTable(rec, elapsed);
    console.log(
      `\nran ${fmtMs(elapsed * 1000)} (every call started within ${opts.seconds} s, the last ones finished)`,
    );
    console.log(text);
    console.log(
      `orders created ${counters.orderIds.size}, rated ${counters.loops}, jobs followed up ${counters.jobs}; ` +
        `match lists without a taking-part provider ${counters.noStaffedProvider}`,
    );
    if (rec.firstErrors.length > 0)
      console.log(['first errors:', ...rec.firstErrors.map((e) => `  ${e}`)].join('\n'));

    console.log('\nconsistency');
    const report = await checkConsistency(db, counters.orderIds);
    for (const line of consistencyLines(report)) console.log(line);
    const nightly = (await post(`${server.url}${TIMERS_ROUTE}reputation-nightly`, {})) as NightlyReply;
    const recount = nightly.data;
    const drift =
      nightly.code !== 'OK' || recount === undefined || recount.corrected.length + recount.skipped.length > 0;
    console.log(
      `  reputation-nightly: ${nightly.code}, checked ${recount?.checked ?? '-'} providers, ` +
        `corrected ${recount?.corrected.length ?? '-'}, skipped ${recount?.skipped.length ?? '-'}` +
        (drift ? ` ${JSON.stringify(nightly).slice(0, 400)}` : ''),
    );
    const failed = errors > 0 || report.problems.length > 0 || drift;
    console.log(
      `\n${failed ? 'FAIL' : 'PASS'}: ${errors} errors, ${report.problems.length} inconsistencies, ` +
        `recount ${drift ? 'found drift' : 'found no drift'}`,
    );
    return failed ? 1 : 0;
  } finally {
    if (server !== undefined) await stopGracefully(server);
    rmSync(functionsDir, { recursive: true, force: true });
    if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      ramp: { type: 'string', default: '10' },
      residents: { type: 'string', default: '200' },
      staff: { type: 'string', default: '50' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const [seconds, ramp, residents, staff] = [values.seconds, values.ramp, values.residents, values.staff].map(
    Number,
  );
  if (![seconds, residents, staff].every((n) => Number.isInteger(n) && n! > 0)) {
    throw new Error(
      'usage: npm run load -- [--seconds 60] [--ramp 10] [--residents 200] [--staff 50] [--keep]',
    );
  }
  if (!(Number.isInteger(ramp) && ramp! >= 0 && ramp! < seconds!)) {
    throw new Error('--ramp: whole seconds, less than --seconds');
  }
  process.exitCode = await run({
    seconds: seconds!,
    ramp: ramp!,
    residents: residents!,
    staff: staff!,
    keep: values.keep,
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
