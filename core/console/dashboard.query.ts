/**
 * 数据看板 (`GET /console/api/dashboard`, action `dashboard.view`): a unit's figures (kpi.definitions.ts) per
 * Asia/Shanghai month of a period of at most 12 months, the same for each unit one level down (a street
 * compares its communities month by month), the demand heat map (orders per child unit x item x month),
 * next month's demand per item with the forecast's error on past months (demand-forecast.ts), and the
 * supply gaps of now (supply-gaps.ts, the workbench's).
 *
 * The database counts: one aggregation per collection (`$match` on the `orgPath` prefix and the period,
 * served by the `orgPath_1_<time>` indexes, then `$group` by month, child unit and item), never the rows.
 * The month of a record is a `$switch` over the months' first milliseconds, its child unit the prefix of
 * its `orgPath` up to the next '/' after the unit's own path; roll-ups are sums of those groups, so a
 * street's figure is by construction the sum of its communities' (decision 0022). The forecast's 24 months
 * reuse the period's order groups for the months they share; one more aggregation counts the earlier ones.
 */
import type { Actor } from '../auth/roles';
import type { AggregateExpression, AggregateStage, DatabasePort, Where } from '../kernel/database.port';
import { MAX_AGGREGATE_ROWS } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import { ORG_LEVELS, type OrgLevel } from '../org/org-levels';
import { levelOfPath, unitIdOfPath } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import { dashboardQuerySchema } from '../schemas/operations.schema';
import { serviceItems } from './console-catalog';
import { scopeRootFor, type ScopeRoot } from './console-scope';
import { unitAt, unitRefOf } from './console-units';
import type { UnitRef } from './console.replies';
import type {
  BacktestError,
  DashboardReply,
  DemandForecastReply,
  DemandHeatMap,
  KpiFigure,
  KpiFigures,
} from './dashboard.replies';
import { backtest, FORECAST_METHOD, shownForecast } from './demand-forecast';
import { FOLLOW_UP_SUMS, GAP_SUMS, kpiDefinitions, orderSums, RATING_SUMS } from './kpi.definitions';
import { supplyGaps } from './supply-gaps';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Months of history the forecast looks at (two years: a season and its backtest). */
const FORECAST_HISTORY_MONTHS = 24;
const PERIOD_MONTHS = 12;
const CHILDREN_LIMIT = 1000;

// ---- months ----------------------------------------------------------------------------------------------

/** A month as a number: year * 12 + (month - 1). */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthKey(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The first millisecond of the month in Asia/Shanghai. */
export function monthStart(n: number): number {
  return Date.UTC(Math.floor(n / 12), n % 12, 1) - SHANGHAI_OFFSET_MS;
}

/** The Asia/Shanghai month a moment falls in. */
export function monthOf(millis: number): number {
  const d = new Date(millis + SHANGHAI_OFFSET_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function monthRange(first: number, last: number): number[] {
  const out: number[] = [];
  for (let m = first; m <= last; m += 1) out.push(m);
  return out;
}

/** The period asked for: both ends given, or filled in up to 12 months ending with the current month. */
function periodOf(from: string | undefined, to: string | undefined, now: number): number[] {
  const current = monthOf(now);
  if (from !== undefined && to !== undefined) return monthRange(monthNumber(from), monthNumber(to));
  if (to !== undefined) return monthRange(monthNumber(to) - PERIOD_MONTHS + 1, monthNumber(to));
  if (from !== undefined) {
    const start = monthNumber(from);
    return monthRange(start, Math.max(start, Math.min(current, start + PERIOD_MONTHS - 1)));
  }
  return monthRange(current - PERIOD_MONTHS + 1, current);
}

/** The index of the month (in `months`) a time field falls in; -1 outside them. */
function monthIndexOf(field: string, months: readonly number[]): AggregateExpression {
  return {
    $switch: {
      branches: months.map((m, i) => ({ case: { $lt: [`$${field}`, monthStart(m + 1)] }, then: i })),
      default: -1,
    },
  };
}

// ---- units -----------------------------------------------------------------------------------------------

/** The path of the unit one below `root` a record lies in ('' for a record of the root itself). */
function childOf(root: ScopeRoot): AggregateExpression {
  const from = root === null ? 1 : root.length;
  return {
    $substrBytes: ['$orgPath', 0, { $add: [{ $indexOfBytes: ['$orgPath', '/', from] }, 1] }],
  };
}

function childLevelOf(root: ScopeRoot): OrgLevel | null {
  if (root === null) return ORG_LEVELS[0]!;
  const depth = ORG_LEVELS.indexOf(levelOfPath(root));
  return ORG_LEVELS[depth + 1] ?? null;
}

async function childUnits(db: DatabasePort, root: ScopeRoot): Promise<UnitRef[]> {
  if (childLevelOf(root) === null) return [];
  const where: Where =
    root === null ? { level: ORG_LEVELS[0]!, parentId: null } : { parentId: unitIdOfPath(root) };
  const units = await db.find<OrgUnit>(COLLECTIONS.orgUnits, where, {
    orderBy: [['path', 'asc']],
    limit: CHILDREN_LIMIT,
  });
  return units.map(unitRefOf);
}

// ---- counting --------------------------------------------------------------------------------------------

interface GroupKey {
  readonly m: number;
  readonly u?: string;
  readonly i?: string;
}
type Group = { readonly _id: GroupKey } & Readonly<Record<string, number>>;

async function groups(
  db: DatabasePort,
  collection: string,
  match: Where,
  key: Record<string, AggregateExpression>,
  sums: Record<string, AggregateExpression>,
): Promise<Group[]> {
  if (db.aggregate === undefined) throw new Error('the dashboard needs a database port that aggregates');
  const pipeline: AggregateStage[] = [{ $match: match }, { $group: { _id: key, ...sums } }];
  const rows = await db.aggregate<Group>(collection, pipeline);
  // More groups than one answer holds would undercount silently: a bug of the period's bounds.
  if (rows.length >= MAX_AGGREGATE_ROWS) throw new Error(`dashboard: too many groups in ${collection}`);
  return rows;
}

/** Every count a unit's month needs, summed over its records. */
const COUNTS = [
  'placed',
  'done',
  'due',
  'answered',
  'accepted',
  'rated',
  'good',
  'fell',
  'onTime',
  'gaps',
] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

const zero = (): Counts => Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;

function add(into: Counts, from: Readonly<Record<string, number>>): void {
  for (const c of COUNTS) into[c] += from[c] ?? 0;
}

const rate = (numerator: number, denominator: number): KpiFigure => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

function figuresOf(c: Counts): KpiFigures {
  return {
    services: { numerator: c.done, denominator: c.placed, rate: null },
    response: rate(c.answered, c.due),
    completion: rate(c.done, c.accepted),
    satisfaction: rate(c.good, c.rated),
    followUp: rate(c.onTime, c.fell),
    matchGaps: { numerator: c.gaps, denominator: 0, rate: null },
  };
}

/** Counts per child path ('' for the root's own records) and month index. */
class Tally {
  private readonly byUnit = new Map<string, Counts[]>();
  constructor(private readonly months: number) {}

  add(unit: string, month: number, from: Readonly<Record<string, number>>): void {
    if (month < 0 || month >= this.months) return;
    let row = this.byUnit.get(unit);
    if (row === undefined) {
      row = Array.from({ length: this.months }, zero);
      this.byUnit.set(unit, row);
    }
    add(row[month]!, from);
  }

  /** Per month, for one child or (no argument) for all of them together: the root. */
  monthly(unit?: string): Counts[] {
    const rows = unit === undefined ? [...this.byUnit.values()] : [this.byUnit.get(unit) ?? []];
    return Array.from({ length: this.months }, (_, m) => {
      const c = zero();
      for (const row of rows) if (row[m]) add(c, row[m]);
      return c;
    });
  }
}

function total(monthly: readonly Counts[]): Counts {
  const c = zero();
  for (const m of monthly) add(c, m);
  return c;
}

// ---- the use case ----------------------------------------------------------------------------------------

/** The months' groups of each collection, for the records within `root`. */
async function countGroups(
  db: DatabasePort,
  root: ScopeRoot,
  months: readonly number[],
  earlier: readonly number[],
  config: PlatformConfig,
  now: number,
) {
  const _ = db.command;
  const scope: Where = root === null ? {} : { orgPath: _.prefix(root) };
  const between = (from: number, to: number) => _.and([_.gte(from), _.lt(to)]);
  const start = monthStart(months[0]!);
  const end = monthStart(months[months.length - 1]! + 1);
  const byMonthUnit = (field: string) => ({ m: monthIndexOf(field, months), u: childOf(root) });
  const [orders, ratings, followUps, gaps, earlierOrders] = await Promise.all([
    groups(
      db,
      COLLECTIONS.orders,
      { ...scope, createdAt: between(start, end) },
      { ...byMonthUnit('createdAt'), i: '$itemId' },
      orderSums(config, now),
    ),
    groups(
      db,
      COLLECTIONS.ratings,
      { ...scope, createdAt: between(start, end), counted: _.neq(false) },
      byMonthUnit('createdAt'),
      RATING_SUMS,
    ),
    groups(
      db,
      COLLECTIONS.followUps,
      { ...scope, dueAt: between(start, Math.min(end, now + 1)) },
      byMonthUnit('dueAt'),
      FOLLOW_UP_SUMS,
    ),
    groups(
      db,
      COLLECTIONS.matchGaps,
      { ...scope, createdAt: between(start, end) },
      byMonthUnit('createdAt'),
      GAP_SUMS,
    ),
    earlier.length === 0
      ? Promise.resolve([])
      : groups(
          db,
          COLLECTIONS.orders,
          {
            ...scope,
            createdAt: between(monthStart(earlier[0]!), monthStart(earlier[earlier.length - 1]! + 1)),
          },
          { m: monthIndexOf('createdAt', earlier), i: '$itemId' },
          { placed: { $sum: 1 } },
        ),
  ]);
  return { orders, ratings, followUps, gaps, earlierOrders };
}

export async function dashboard(input: UseCaseInput): Promise<DashboardReply> {
  const actor: Actor = input.actor;
  const { db, clock } = input.ports;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const q = parseCommand(dashboardQuerySchema, input.command);
  const root = await scopeRootFor(db, actor, 'dashboard.view', q.orgUnitId);
  const now = clock.now();
  const months = periodOf(q.from, q.to, now);
  // The forecast's months the period does not cover (its later months are counted with the period's).
  const window = forecastWindow(months, now);
  const earlier = window.filter((m) => m < months[0]!);

  const [unit, children, items, counted, gaps] = await Promise.all([
    root === null ? null : unitAt(db, root),
    childUnits(db, root),
    serviceItems(db),
    countGroups(db, root, months, earlier, config, now),
    supplyGaps(db, root, config),
  ]);
  const orderGroups = counted.orders;

  const forecast = demandForecast(window, [
    ...counted.earlierOrders.map((g) => ({
      month: earlier[g._id.m],
      itemId: g._id.i,
      placed: g['placed'] ?? 0,
    })),
    ...orderGroups.map((g) => ({ month: months[g._id.m], itemId: g._id.i, placed: g['placed'] ?? 0 })),
  ]);
  const tally = new Tally(months.length);
  for (const g of [...orderGroups, ...counted.ratings, ...counted.followUps, ...counted.gaps]) {
    tally.add(g._id.u ?? '', g._id.m, g);
  }
  const rootMonthly = tally.monthly();
  const itemNames = new Map(items.map((i) => [i._id, i.name]));
  for (const g of orderGroups) if (g._id.i && !itemNames.has(g._id.i)) itemNames.set(g._id.i, g._id.i);

  return {
    unit,
    now,
    months: months.map(monthKey),
    definitions: kpiDefinitions(config),
    total: figuresOf(total(rootMonthly)),
    monthly: rootMonthly.map(figuresOf),
    childLevel: childLevelOf(root),
    children: children.map((c) => {
      const monthly = tally.monthly(c.orgPath);
      return { unit: c, total: figuresOf(total(monthly)), months: monthly.map(figuresOf) };
    }),
    heatMap: heatMapOf(children, orderGroups, itemNames),
    forecast: {
      ...forecast,
      items: forecast.items.map((f) => ({ ...f, itemName: itemNames.get(f.itemId) ?? f.itemId })),
    },
    supplyGaps: { below: config.console.supplyGapBelow, ...gaps },
  };
}

function heatMapOf(
  children: readonly UnitRef[],
  orderGroups: readonly Group[],
  itemNames: ReadonlyMap<string, string>,
): DemandHeatMap {
  const unitIndex = new Map(children.map((c, i) => [c.orgPath, i]));
  const cellsByKey = new Map<string, [number, number, number, number]>();
  const itemIds = [...new Set(orderGroups.map((g) => g._id.i ?? ''))].filter((i) => i !== '').sort();
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  for (const g of orderGroups) {
    const u = unitIndex.get(g._id.u ?? '');
    const i = itemIndex.get(g._id.i ?? '');
    if (u === undefined || i === undefined || g._id.m < 0 || (g['placed'] ?? 0) === 0) continue;
    const key = `${u}/${i}/${g._id.m}`;
    const cell = cellsByKey.get(key) ?? [u, i, g._id.m, 0];
    cell[3] += g['placed'] ?? 0;
    cellsByKey.set(key, cell);
  }
  return {
    units: children,
    items: itemIds.map((itemId) => ({ itemId, itemName: itemNames.get(itemId) ?? itemId })),
    cells: [...cellsByKey.values()],
  };
}

function errorOf(history: readonly number[], months: readonly string[]): BacktestError {
  const b = backtest(history);
  return {
    points: b.points.map((p) => ({ month: months[p.index]!, actual: p.actual, forecast: p.forecast })),
    mae: b.mae,
    mape: b.mape,
    naiveMae: b.naiveMae,
  };
}

/**
 * The complete months the forecast is made from: the 24 up to the period's last month, at most the month
 * before now.
 */
function forecastWindow(months: readonly number[], now: number): number[] {
  const last = Math.min(months[months.length - 1]!, monthOf(now) - 1);
  return monthRange(last - FORECAST_HISTORY_MONTHS + 1, last);
}

/**
 * Next month's forecast per item from the orders placed per item and month of the window (counted by the
 * period's aggregation and, for the months before the period, by one of its own), from the first month the
 * unit has any order.
 */
function demandForecast(
  window: readonly number[],
  counted: readonly { month: number | undefined; itemId: string | undefined; placed: number }[],
): DemandForecastReply {
  const last = window[window.length - 1]!;
  const indexOf = new Map(window.map((m, i) => [m, i]));
  const rows = counted.flatMap((c) => {
    const m = c.month === undefined ? undefined : indexOf.get(c.month);
    return m === undefined || c.itemId === undefined ? [] : [{ m, i: c.itemId, placed: c.placed }];
  });
  const perItem = new Map<string, number[]>();
  for (const r of rows) {
    const series = perItem.get(r.i) ?? new Array<number>(window.length).fill(0);
    series[r.m]! += r.placed;
    perItem.set(r.i, series);
  }
  const used = rows.filter((r) => r.placed > 0).map((r) => r.m);
  const first = used.length === 0 ? window.length - 1 : Math.min(...used);
  const historyMonths = window.slice(first).map(monthKey);
  const overallSeries = new Array<number>(historyMonths.length).fill(0);
  const items = [...perItem.entries()]
    .map(([itemId, series]) => {
      const history = series.slice(first);
      history.forEach((v, i) => (overallSeries[i]! += v));
      return {
        itemId,
        itemName: itemId,
        history,
        forecast: shownForecast(history),
        backtest: errorOf(history, historyMonths),
      };
    })
    .sort(
      (a, b) =>
        b.history.reduce((x, y) => x + y, 0) - a.history.reduce((x, y) => x + y, 0) ||
        a.itemId.localeCompare(b.itemId),
    );
  return {
    method: FORECAST_METHOD,
    targetMonth: monthKey(last + 1),
    historyMonths,
    items,
    overall: {
      forecast: Math.round(items.reduce((s, i) => s + i.forecast, 0) * 10) / 10,
      backtest: errorOf(overallSeries, historyMonths),
    },
  };
}
