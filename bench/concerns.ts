/**
 * (f) of `npm run bench`: the concern timer's escalation sweep must cost what the overdue concerns cost, not
 * what the city holds. The sweep is `concern-timers`' use case (core/concerns/concern-timer.usecase.ts
 * `concernTimer`), run as the deployed timer runs it, again and again until it answers `hasMore: false`
 * (each run takes at most `timerBatchSize` overdue concerns), with the ports the function hands it:
 * wx-server-sdk's database (sealed), its subscribe-message sender and the system actor, against the local
 * cloud in its own process (exactly as `npm start` runs it, the platform's declared indexes). Two data
 * dirs, built by bench/build-concern-data.ts with the Yulin demo data: 1,000 overdue concerns among 2,000,
 * and the same 1,000 among 1,000,000 (the issue's figure; `--concerns` for another size), the rest closed,
 * claimed, under way or still waiting within their deadline.
 *
 * Each sweep runs in a fresh child process per side (`--side`), sides in alternating rounds (ABBA). Before
 * each sweep, outside the timing, the child puts the overdue concerns back where they were (published at
 * their community, past the deadline) and warms up on one run of the timer (one batch), put back too. The
 * report prints per side the median sweep time, the database calls per 100 escalated concerns (a counting
 * wrapper around the SDK adapter, bench/counting-database.ts, calls inside transactions included) and the
 * subscribe messages sent. Target: the sweep among the large set within 1.5x of the sweep among 2,000
 * (interleaved medians); unlike the other cases, a miss makes the run exit 1 (the concerns issue's
 * acceptance check).
 *
 *   node --import tsx bench/concerns.ts [--concerns 1000000 --keep]     (alone; `npm run bench` runs it too)
 */
import '../tests/helpers/sdk-env';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { concernTimer } from '../core/concerns/concern-timer.usecase';
import type { ConcernTimerResult } from '../core/concerns/concern.replies';
import { SYSTEM_ACTOR } from '../core/auth/roles';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import type { Notifier } from '../core/kernel/notifier.port';
import type { PlatformPorts } from '../core/kernel/use-case';
import { sealedDatabase } from '../core/privacy/sealed-database';
import { personalDataCipherFromEnv } from '../function-kit/personal-data.keys';
import {
  createWxContentSecurity,
  createWxNotifier,
  type WxOpenApiCloud,
} from '../function-kit/wx-messaging.adapters';
import { createWxDatabasePort, type WxCloud } from '../function-kit/wx-database.adapter';
import { DEFAULT_INDEX_FILE } from '../localcloud/local-cloud';
import { OVERDUE_WAITED_MS, type ConcernBuildResult } from './build-concern-data';
import { countingDatabase } from './counting-database';
import { runJsonChild, startLocalCloud } from './processes';
import { fmtMs, fmtX, table } from './stats';

export const CONCERNS_SMALL = 2000;
/**
 * The large side by default: the concerns issue's figure. The whole case takes about 3 minutes on 2 cores
 * (the data dir, 3 GB, about one of them); `--concerns 250000` for a quicker look (docs/testing.md).
 */
export const CONCERNS_LARGE = 1_000_000;
export const CONCERNS_OVERDUE = 1000;
export const CONCERNS_TARGET = 1.5;
/** Sides in ABBA order: small, large, large, small (a sweep is seconds: two of each). */
const ROUNDS = 4;
const HOUR_MS = 3_600_000;

/** What one child reports for its timed sweep. */
interface SweepResult {
  readonly ms: number;
  /** Runs of the timer until it answered hasMore: false. */
  readonly runs: number;
  readonly escalated: number;
  readonly calls: Record<string, number>;
  readonly totalCalls: number;
  readonly messages: number;
  /** Overdue concerns left after the sweep (must be 0). */
  readonly leftOverdue: number;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The concern timer's ports as the function builds them, around a given database. */
function timerPorts(
  sdk: WxCloud & WxOpenApiCloud,
  db: PlatformPorts['db'],
  now: number,
  sent: { count: number },
): PlatformPorts {
  const notifier = createWxNotifier(sdk);
  const counted: Notifier = {
    send: (message) => {
      sent.count += 1;
      return notifier.send(message);
    },
  };
  return {
    db,
    clock: { now: () => now },
    ids: { next: () => randomBytes(12).toString('hex') },
    notifier: counted,
    contentSecurity: createWxContentSecurity(sdk),
  };
}

/** Run the timer until it has nothing more to do, as its every-10-minutes trigger would, back to back. */
async function sweep(ports: PlatformPorts): Promise<{ runs: number; escalated: number }> {
  let runs = 0;
  let escalated = 0;
  let result: ConcernTimerResult;
  do {
    result = await concernTimer({ ports, actor: SYSTEM_ACTOR, config: DEFAULT_PLATFORM_CONFIG });
    runs += 1;
    escalated += result.escalated;
    if (runs > 1000) throw new Error('the concern timer never answered hasMore: false');
  } while (result.hasMore);
  return { runs, escalated };
}

/**
 * Put the overdue concerns of these communities back where the build left them: published at their
 * community, past its deadline (the sweep moved them to the street). Outside the timing.
 */
async function resetOverdue(
  db: PlatformPorts['db'],
  communities: readonly string[],
  now: number,
): Promise<number> {
  const statusChangedAt = now - OVERDUE_WAITED_MS;
  const deadline =
    statusChangedAt + DEFAULT_PLATFORM_CONFIG.concerns.deadlines.claimWithinHours.community * HOUR_MS;
  let moved = 0;
  for (const community of communities) {
    moved += await db.updateWhere(
      'concerns',
      { orgPath: db.command.prefix(community), status: 'escalated' },
      {
        status: 'published',
        level: 'community',
        levelPath: community,
        statusChangedAt,
        claimDeadline: deadline,
        escalateAt: deadline,
        updatedAt: statusChangedAt,
      },
    );
  }
  return moved;
}

/** The child: `--side <serviceUrl> <now> <communities, comma-separated>`; prints one JSON line (SweepResult). */
async function side(serviceUrl: string, now: number, communities: readonly string[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK keeps its configuration in module state
  const sdk = require('wx-server-sdk') as WxCloud & WxOpenApiCloud & { init(o: unknown): void };
  sdk.init({ env: 'bench', serviceUrl, secretId: 'local', secretKey: 'local' });
  const raw = createWxDatabasePort(sdk);
  const counting = countingDatabase(raw);
  const cipher = personalDataCipherFromEnv(process.env, { local: true });
  const sent = { count: 0 };
  const ports = timerPorts(sdk, sealedDatabase(counting.db, cipher), now, sent);
  const overdue = () => raw.count('concerns', { escalateAt: raw.command.lte(now) });

  // Put back what the last sweep moved, warm up (connections, JIT) on one run of the timer (one batch of
  // the overdue ones: every step of the sweep), then put those back too.
  await resetOverdue(raw, communities, now);
  await concernTimer({ ports, actor: SYSTEM_ACTOR, config: DEFAULT_PLATFORM_CONFIG });
  const reset = await resetOverdue(raw, communities, now);
  const due = await overdue();
  if (due !== CONCERNS_OVERDUE) {
    throw new Error(
      `after putting ${reset} back, ${due} concerns are overdue (expected ${CONCERNS_OVERDUE})`,
    );
  }
  counting.reset();
  sent.count = 0;
  const t0 = performance.now();
  const { runs, escalated } = await sweep(ports);
  const ms = performance.now() - t0;
  const result: SweepResult = {
    ms,
    runs,
    escalated,
    calls: counting.counts(),
    totalCalls: counting.total(),
    messages: sent.count,
    leftOverdue: await overdue(),
  };
  if (result.escalated !== CONCERNS_OVERDUE || result.leftOverdue !== 0) {
    throw new Error(`sweep: unexpected result ${JSON.stringify(result)}`);
  }
  console.log(JSON.stringify(result));
}

interface Side {
  readonly label: string;
  readonly total: number;
  readonly dir: string;
  build?: ConcernBuildResult;
  readonly sweeps: SweepResult[];
}

export interface ConcernsBenchResult {
  /** Median sweep time ratio, large / small. */
  readonly ratio: number;
  readonly largeLabel: string;
  /** Database calls per 100 escalated concerns (the large side's last sweep). */
  readonly callsPer100: number;
}

/** The middle value (the mean of the two middle ones for an even count: two sweeps a side). */
function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

/** Build both data dirs under `tmp`, measure, print the section, stop everything. */
export async function concernsBench(tmp: string, largeConcerns: number): Promise<ConcernsBenchResult> {
  const largeLabel = `${n(largeConcerns)} concerns`;
  console.log(
    `(f) concern escalation sweep (concern-timers: concernTimer until hasMore is false, ${n(CONCERNS_OVERDUE)} ` +
      `overdue) through function-kit's wx-server-sdk port, ms per sweep`,
  );
  // The clock the data is built at and every sweep runs at (whole hours, so times read well).
  const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const sides: Side[] = [
    {
      label: `${n(CONCERNS_SMALL)} concerns`,
      total: CONCERNS_SMALL,
      dir: join(tmp, 'concerns-small'),
      sweeps: [],
    },
    { label: largeLabel, total: largeConcerns, dir: join(tmp, 'concerns-large'), sweeps: [] },
  ];
  for (const s of sides) {
    s.build = await runJsonChild<ConcernBuildResult>(join('bench', 'build-concern-data.ts'), [
      s.dir,
      String(s.total),
      String(CONCERNS_OVERDUE),
      String(now),
    ]);
    if (s.build.dueInStore !== CONCERNS_OVERDUE) {
      throw new Error(
        `${s.label}: ${s.build.dueInStore} overdue concerns built (expected ${CONCERNS_OVERDUE})`,
      );
    }
  }
  const clouds = await Promise.all(sides.map((s) => startLocalCloud(s.dir, DEFAULT_INDEX_FILE)));
  try {
    const order = Array.from({ length: ROUNDS }, (_, r) => (r % 4 === 0 || r % 4 === 3 ? 0 : 1));
    for (const i of order) {
      const s = sides[i]!;
      s.sweeps.push(
        await runJsonChild<SweepResult>(join('bench', 'concerns.ts'), [
          '--side',
          clouds[i]!.serviceUrl,
          String(now),
          s.build!.overdueCommunities.join(','),
        ]),
      );
    }
  } finally {
    await Promise.all(clouds.map((c) => c.stop()));
  }
  for (const s of sides) {
    const b = s.build!;
    console.log(
      `    ${s.label}: built in ${fmtMs(b.loadMs)} (${fmtMs(b.copyMs)} copying blocks, ${fmtMs(b.indexMs)} ` +
        `building indexes), ${(b.bytes / 1024 / 1024).toFixed(0)} MB; ${n(b.dueInStore)} overdue, ` +
        `${n(b.withEscalateAt)} with an escalateAt (waiting), ` +
        Object.entries(b.byStatus)
          .map(([status, count]) => `${status} ${n(count)}`)
          .join(', '),
    );
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const rows = sides.map((s) => {
    const times = s.sweeps.map((w) => w.ms);
    // Calls and messages per 100: the side's last sweep (its sweeps differ by a few calls at most).
    const mid = s.sweeps[s.sweeps.length - 1]!;
    return [
      s.label,
      String(times.length),
      ms(median(times)),
      ms(Math.min(...times)),
      ms(Math.max(...times)),
      String(mid.runs),
      (mid.totalCalls / (mid.escalated / 100)).toFixed(0),
      (mid.messages / (mid.escalated / 100)).toFixed(0),
    ];
  });
  const [small, large] = sides as [Side, Side];
  const ratio = median(large.sweeps.map((w) => w.ms)) / median(small.sweeps.map((w) => w.ms));
  console.log(
    table(
      ['', 'sweeps', 'median', 'min', 'max', 'timer runs', 'db calls / 100', 'messages / 100'],
      [...rows, [`${largeLabel} / ${n(CONCERNS_SMALL)}`, '', fmtX(ratio), '', '', '', '', '']],
    ),
  );
  const last = large.sweeps[large.sweeps.length - 1]!;
  const per100 = (x: number) => (x / (last.escalated / 100)).toFixed(1);
  console.log(
    `    database calls per 100 escalated (${largeLabel}): ${per100(last.totalCalls)} = ` +
      Object.entries(last.calls)
        .sort((a, b) => b[1] - a[1])
        .map(([op, count]) => `${op} ${per100(count)}`)
        .join(', '),
  );
  return { ratio, largeLabel, callsPer100: last.totalCalls / (last.escalated / 100) };
}

export function concernsVerdict(r: ConcernsBenchResult): string {
  return (
    `${r.ratio <= CONCERNS_TARGET ? 'PASS' : 'MISS'} escalation sweep, ${CONCERNS_OVERDUE} overdue among ` +
    `${r.largeLabel} / among ${n(CONCERNS_SMALL)}: ${fmtX(r.ratio)} (target <= ${CONCERNS_TARGET}x, ` +
    `interleaved medians); ${r.callsPer100.toFixed(0)} database calls per 100 escalated`
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      side: { type: 'boolean', default: false },
      concerns: { type: 'string', default: String(CONCERNS_LARGE) },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.side) {
    const [serviceUrl, now, communities] = positionals;
    await side(serviceUrl!, Number(now), communities!.split(','));
    return;
  }
  const concerns = Number(values.concerns);
  if (!Number.isInteger(concerns) || concerns < CONCERNS_SMALL)
    throw new Error(`bad --concerns ${values.concerns}`);
  const tmp = mkdtempSync(join(tmpdir(), 'weimin-bench-concerns-'));
  const started = performance.now();
  console.log(
    `concern sweep benchmark — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
  );
  console.log(`data: ${tmp}${values.keep ? ' (kept)' : ''}\n`);
  try {
    const r = await concernsBench(tmp, concerns);
    console.log(`\ntotal ${fmtMs(performance.now() - started)}`);
    console.log(concernsVerdict(r));
    if (r.ratio > CONCERNS_TARGET) process.exitCode = 1;
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
