/**
 * The funding ledger's arithmetic (docs/funds.md), pure: a unit's figures for a period (income per source,
 * spending per use, the period's balance, the balance carried from before it and the closing balance), and
 * the roll-up along the org tree by path prefix: a unit's figures are its own entries' plus every unit's below
 * it, each direct child's line holding that child's own and everything below the child.
 *
 * A rule folder, not the funds capability's own file: the funds capability (core/funds: `fund.summary`) and the
 * console's Excel ledger (core/console/ledgers) both need it (decision 0054). Money is integer fen throughout;
 * a reversal is a negative amount and is summed like any other entry.
 */
import type { FundSource, FundUse } from '../model/operations.model';
import { isWithin } from '../org/org-path';
import { FUND_SOURCES, FUND_USES } from '../schemas/operations.schema';

export interface FundFigures {
  /** The period's income per source (fen). */
  readonly incomeBySource: Readonly<Record<FundSource, number>>;
  /** The period's spending per use (fen). */
  readonly expenseByUse: Readonly<Record<FundUse, number>>;
  readonly incomeFen: number;
  readonly expenseFen: number;
  /** The period's income − spending. */
  readonly balanceFen: number;
  /** Income − spending of everything before the period (结转). */
  readonly carriedFen: number;
  /** carried + the period's balance (期末结余). */
  readonly closingFen: number;
}

/**
 * One group of entries as the database sums them: at one path, before the period or within it, one direction
 * and (within the period) one source or use.
 */
export interface FundGroup {
  readonly orgPath: string;
  readonly within: boolean;
  readonly direction: 'income' | 'expense';
  /** The source (income) or use (expense); null for the groups before the period, summed by direction. */
  readonly category: string | null;
  readonly amountFen: number;
}

/** Figures being summed (mutable), turned into FundFigures by `figuresOf`. */
export interface FundTally {
  readonly incomeBySource: Record<FundSource, number>;
  readonly expenseByUse: Record<FundUse, number>;
  carriedFen: number;
}

export function emptyTally(): FundTally {
  return {
    incomeBySource: Object.fromEntries(FUND_SOURCES.map((s) => [s, 0])) as Record<FundSource, number>,
    expenseByUse: Object.fromEntries(FUND_USES.map((u) => [u, 0])) as Record<FundUse, number>,
    carriedFen: 0,
  };
}

const isSource = (c: string | null): c is FundSource =>
  (FUND_SOURCES as readonly (string | null)[]).includes(c);
const isUse = (c: string | null): c is FundUse => (FUND_USES as readonly (string | null)[]).includes(c);

/** Adds one group (or one entry, as a group of one) to the tally. */
export function addGroup(tally: FundTally, group: Omit<FundGroup, 'orgPath'>): void {
  const sign = group.direction === 'income' ? 1 : -1;
  if (!group.within) {
    tally.carriedFen += sign * group.amountFen;
    return;
  }
  if (group.direction === 'income' && isSource(group.category)) {
    tally.incomeBySource[group.category] += group.amountFen;
  } else if (group.direction === 'expense' && isUse(group.category)) {
    tally.expenseByUse[group.category] += group.amountFen;
  } else {
    // An entry of a category the ledger does not know: a bug of the writer, never silently dropped.
    throw new Error(`fund group with unknown category ${String(group.category)} (${group.direction})`);
  }
}

export function addTally(into: FundTally, from: FundTally): void {
  for (const s of FUND_SOURCES) into.incomeBySource[s] += from.incomeBySource[s];
  for (const u of FUND_USES) into.expenseByUse[u] += from.expenseByUse[u];
  into.carriedFen += from.carriedFen;
}

const sum = (values: Readonly<Record<string, number>>): number =>
  Object.values(values).reduce((a, b) => a + b, 0);

export function figuresOf(tally: FundTally): FundFigures {
  const incomeFen = sum(tally.incomeBySource);
  const expenseFen = sum(tally.expenseByUse);
  const balanceFen = incomeFen - expenseFen;
  return {
    incomeBySource: { ...tally.incomeBySource },
    expenseByUse: { ...tally.expenseByUse },
    incomeFen,
    expenseFen,
    balanceFen,
    carriedFen: tally.carriedFen,
    closingFen: tally.carriedFen + balanceFen,
  };
}

/**
 * The direct child of `root` that `path` lies in ('' for the root's own path), or null when `path` is not
 * within `root`. Paths are '/a/b/' strings; the child's path is the root's plus one more unit id.
 */
export function childPathOf(path: string, root: string): string | null {
  if (!isWithin(path, root)) return null;
  if (path === root) return '';
  const next = path.indexOf('/', root.length);
  return path.slice(0, next + 1);
}

/** The roll-up of one unit: its total, its own entries' figures, and each direct child's (with its own below). */
export interface FundRollUp {
  readonly total: FundFigures;
  readonly own: FundFigures;
  /** By child path, for every child named plus any other child met in the groups. */
  readonly children: ReadonlyMap<string, FundFigures>;
}

/**
 * Rolls the groups up to `root`: each group counts once in the total and once in its child's line (or the
 * root's own line). `childPaths` are the children listed even without entries; a group outside `root` is a
 * bug of the query and throws.
 */
export function rollUp(
  groups: readonly FundGroup[],
  root: string,
  childPaths: readonly string[] = [],
): FundRollUp {
  const total = emptyTally();
  const own = emptyTally();
  const children = new Map<string, FundTally>(childPaths.map((p) => [p, emptyTally()]));
  for (const g of groups) {
    const child = childPathOf(g.orgPath, root);
    if (child === null) throw new Error(`fund group at ${g.orgPath} is outside ${root}`);
    addGroup(total, g);
    if (child === '') addGroup(own, g);
    else {
      let line = children.get(child);
      if (line === undefined) {
        line = emptyTally();
        children.set(child, line);
      }
      addGroup(line, g);
    }
  }
  return {
    total: figuresOf(total),
    own: figuresOf(own),
    children: new Map([...children].map(([p, t]) => [p, figuresOf(t)])),
  };
}

/** The first and last day of a year, and the day after it (an exclusive end for date strings). */
export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** 'YYYY-MM-DD' of the day after `date` (date strings compare as dates). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
