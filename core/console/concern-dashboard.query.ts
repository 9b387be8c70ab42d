/**
 * 数据看板 · 诉求 (`GET /console/api/dashboard/concerns`, action `dashboard.view`): the concerns' figures
 * (concern-kpi.definitions.ts) of a unit per Asia/Shanghai month of a period of at most 12 months (the
 * dashboard's period and query), all levels together and per concern level (社区, 街道, 县级, 市级).
 *
 * The database counts, as for the orders' figures: one aggregation per figure (`$match` on the `orgPath`
 * prefix and the figure's time, `$group` by month and level). Two small reads judge the claims made at the
 * city against the time each concern arrived there (its last push to the city, from the event log); they
 * hold only the concerns claimed at the city in the period, which the claim limits below it keep few.
 */
import type { Actor } from '../auth/roles';
import type { AggregateExpression, AggregateStage, DatabasePort, Where } from '../kernel/database.port';
import { MAX_AGGREGATE_ROWS } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { CONCERN_LEVELS, type ConcernLevel } from '../lifecycle/concern.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import { parseCommand } from '../schemas/command.parser';
import { dashboardQuerySchema } from '../schemas/operations.schema';
import { WAITING_STATUSES } from '../auth/concern-access';
import type { ConcernDashboardReply, ConcernFigures } from './concern-dashboard.replies';
import {
  CLAIM_SUMS,
  CONFIRMATION_SUMS,
  OVERDUE_SUMS,
  RECEIVED_SUMS,
  RESOLVED_SUMS,
  concernKpiDefinitions,
} from './concern-kpi.definitions';
import { scopeRootFor, withinRoot } from './console-scope';
import { unitAt } from './console-units';
import { monthKey, monthNumber, monthOf, monthStart } from './dashboard.query';
import type { KpiFigure } from './dashboard.replies';

const HOUR_MS = 3_600_000;
const PERIOD_MONTHS = 12;

/** The period asked for: both ends given, or filled in up to 12 months ending with the current month. */
export function concernPeriod(from: string | undefined, to: string | undefined, now: number): number[] {
  const current = monthOf(now);
  let first: number;
  let last: number;
  if (from !== undefined && to !== undefined) [first, last] = [monthNumber(from), monthNumber(to)];
  else if (to !== undefined) [first, last] = [monthNumber(to) - PERIOD_MONTHS + 1, monthNumber(to)];
  else if (from !== undefined) {
    first = monthNumber(from);
    last = Math.max(first, Math.min(current, first + PERIOD_MONTHS - 1));
  } else [first, last] = [current - PERIOD_MONTHS + 1, current];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The index (in `months`) of the month a time field falls in; -1 outside them. */
function monthIndexOf(field: string, months: readonly number[]): AggregateExpression {
  return {
    $switch: {
      branches: months.map((m, i) => ({ case: { $lt: [`$${field}`, monthStart(m + 1)] }, then: i })),
      default: -1,
    },
  };
}

interface GroupKey {
  readonly m: number;
  readonly l?: ConcernLevel;
}
type Group = { readonly _id: GroupKey } & Readonly<Record<string, number>>;

async function aggregate<R>(db: DatabasePort, collection: string, pipeline: AggregateStage[]): Promise<R[]> {
  if (db.aggregate === undefined) throw new Error('the dashboard needs a database port that aggregates');
  const rows = await db.aggregate<R>(collection, pipeline);
  if (rows.length >= MAX_AGGREGATE_ROWS)
    throw new Error(`concern dashboard: too many groups in ${collection}`);
  return rows;
}

const COUNTS = [
  'received',
  'claimed',
  'claimedInTime',
  'resolved',
  'answered',
  'satisfied',
  'overdue',
] as const;
type Counts = Record<(typeof COUNTS)[number], number>;
const zero = (): Counts => Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;

function addInto(into: Counts, from: Partial<Readonly<Record<string, number>>>): void {
  for (const c of COUNTS) into[c] += from[c] ?? 0;
}

const count = (n: number): KpiFigure => ({ numerator: n, denominator: 0, rate: null });
const rate = (numerator: number, denominator: number): KpiFigure => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

function figuresOf(c: Counts): ConcernFigures {
  return {
    received: count(c.received),
    claimedInTime: rate(c.claimedInTime, c.claimed),
    resolved: count(c.resolved),
    satisfied: rate(c.satisfied, c.answered),
    overdueAtCity: count(c.overdue),
  };
}

/** What one request counts over: the concerns within the unit, the period's months and bounds. */
interface Counting {
  readonly db: DatabasePort;
  readonly scope: Where;
  readonly months: readonly number[];
  readonly start: number;
  readonly end: number;
  readonly now: number;
}

/** Per month and level, one figure's sums over the concerns matched by their time `field`. */
function grouped(
  c: Counting,
  match: Where,
  field: string,
  sums: Record<string, AggregateExpression>,
): Promise<Group[]> {
  return aggregate<Group>(c.db, COLLECTIONS.concerns, [
    { $match: { ...c.scope, ...match } },
    { $group: { _id: { m: monthIndexOf(field, c.months), l: '$level' }, ...sums } },
  ]);
}

/**
 * Claims at the city within its limit of the concern's last arrival there (its last push to the city in the
 * event log), as groups of one.
 */
async function cityClaimsInTime(c: Counting, cityHours: number) {
  const _ = c.db.command;
  const claims = await aggregate<{ _id: string; m: number; claimAt: number }>(c.db, COLLECTIONS.concerns, [
    { $match: { ...c.scope, level: 'city', 'claim.at': _.and([_.gte(c.start), _.lt(c.end)]) } },
    {
      $group: {
        _id: '$_id',
        m: { $max: monthIndexOf('claim.at', c.months) },
        claimAt: { $max: '$claim.at' },
      },
    },
  ]);
  if (claims.length === 0) return [];
  const arrivals = await aggregate<{ _id: string; at: number }>(c.db, COLLECTIONS.events, [
    {
      $match: {
        entityType: 'concern',
        entityId: _.in(claims.map((x) => x._id)),
        'details.level': 'city',
      },
    },
    { $group: { _id: '$entityId', at: { $max: '$at' } } },
  ]);
  const arrivedAt = new Map(arrivals.map((a) => [a._id, a.at]));
  return claims
    .filter((x) => {
      const at = arrivedAt.get(x._id);
      return at !== undefined && at <= x.claimAt && x.claimAt <= at + cityHours * HOUR_MS;
    })
    .map((x) => ({ _id: { m: x.m, l: 'city' as const }, claimedInTime: 1 }));
}

type Sums = Partial<Readonly<Record<string, number>>>;

/** The counts of each level and month (index of `months`). */
async function countTable(c: Counting, cityHours: number): Promise<Map<ConcernLevel, Counts[]>> {
  const _ = c.db.command;
  const between = _.and([_.gte(c.start), _.lt(c.end)]);
  const [received, claims, resolved, confirmations, overdue, cityInTime] = await Promise.all([
    grouped(c, { createdAt: between }, 'createdAt', RECEIVED_SUMS),
    grouped(c, { 'claim.at': between }, 'claim.at', CLAIM_SUMS),
    grouped(c, { resolvedAt: between }, 'resolvedAt', RESOLVED_SUMS),
    grouped(
      c,
      { 'confirmation.at': between, 'confirmation.outcome': _.neq('not_confirmed') },
      'confirmation.at',
      CONFIRMATION_SUMS,
    ),
    grouped(
      c,
      {
        level: 'city',
        status: _.in([...WAITING_STATUSES]),
        claimDeadline: _.and([_.gte(c.start), _.lt(Math.min(c.end, c.now + 1))]),
      },
      'claimDeadline',
      OVERDUE_SUMS,
    ),
    cityClaimsInTime(c, cityHours),
  ]);
  const table = new Map<ConcernLevel, Counts[]>(
    CONCERN_LEVELS.map((l) => [l, Array.from({ length: c.months.length }, zero)]),
  );
  const put = <G extends { readonly _id: GroupKey }>(
    rows: readonly G[],
    pick: (g: G) => Sums = (g) => g as unknown as Sums,
  ) => {
    for (const g of rows) {
      const row = table.get(g._id.l ?? 'community');
      if (row === undefined || g._id.m < 0 || g._id.m >= c.months.length) continue;
      addInto(row[g._id.m]!, pick(g));
    }
  };
  put(received);
  put(claims, (g) => ({ claimed: g['claimed'], claimedInTime: g['claimedBelowCity'] }));
  put(cityInTime);
  put(resolved);
  put(confirmations);
  put(overdue);
  return table;
}

function sum(rows: readonly Counts[]): Counts {
  const c = zero();
  for (const r of rows) addInto(c, r);
  return c;
}

export async function concernDashboard(input: UseCaseInput): Promise<ConcernDashboardReply> {
  const actor: Actor = input.actor;
  const { db, clock } = input.ports;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const q = parseCommand(dashboardQuerySchema, input.command);
  const root = await scopeRootFor(db, actor, 'dashboard.view', q.orgUnitId);
  const now = clock.now();
  const months = concernPeriod(q.from, q.to, now);
  const scope: Where = withinRoot(db, root);
  const counting: Counting = {
    db,
    scope,
    months,
    start: monthStart(months[0]!),
    end: monthStart(months[months.length - 1]! + 1),
    now,
  };
  const _ = db.command;
  const [unit, table, overdueNow] = await Promise.all([
    root === null ? null : unitAt(db, root),
    countTable(counting, config.concerns.deadlines.claimWithinHours.city),
    db.count(COLLECTIONS.concerns, {
      ...scope,
      level: 'city',
      status: _.in([...WAITING_STATUSES]),
      claimDeadline: _.lte(now),
    }),
  ]);
  const monthly = months.map((_m, i) => sum(CONCERN_LEVELS.map((l) => table.get(l)![i]!)));
  return {
    unit,
    now,
    months: months.map(monthKey),
    definitions: concernKpiDefinitions(config),
    total: figuresOf(sum(monthly)),
    monthly: monthly.map(figuresOf),
    levels: CONCERN_LEVELS.map((level) => {
      const rows = table.get(level)!;
      return {
        level,
        levelLabel: ORG_LEVEL_LABELS[level],
        total: figuresOf(sum(rows)),
        months: rows.map(figuresOf),
      };
    }),
    overdueAtCityNow: overdueNow,
  };
}
