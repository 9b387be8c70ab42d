/**
 * A unit's funding figures for a period, read as the database sums them (two aggregations, never the entries
 * one by one): within the period by path, direction and source or use; before it by path and direction (the
 * carried balance). Then rolled up to the unit and its direct children (fund.figures.ts). Shared by
 * `fund.summary` (core/funds) and the funds ledger (core/console/ledgers), decision 0054.
 */
import type { AggregateStage, DatabasePort } from '../kernel/database.port';
import { MAX_AGGREGATE_ROWS } from '../kernel/database.port';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import { nextDay, rollUp, type FundGroup, type FundRollUp } from './fund.figures';

/** Children of a unit listed in a roll-up (a city has a dozen counties, a street a few dozen communities). */
export const MAX_ROLL_UP_CHILDREN = 500;

interface GroupRow {
  readonly _id: {
    readonly p: string;
    readonly d: 'income' | 'expense';
    readonly s?: string;
    readonly u?: string;
  };
  readonly amountFen: number;
}

async function grouped(db: DatabasePort, pipeline: readonly AggregateStage[]): Promise<GroupRow[]> {
  if (db.aggregate === undefined) throw new Error('the funding figures need a database port that aggregates');
  const rows = await db.aggregate<GroupRow>(COLLECTIONS.fundEntries, pipeline);
  // More groups than one answer holds would leave money out silently.
  if (rows.length >= MAX_AGGREGATE_ROWS) throw new Error('fund figures: too many groups in one aggregation');
  return rows;
}

/** The groups of the entries at `root` and below, within [from, to] and before `from` (dates both included). */
export async function fundGroups(
  db: DatabasePort,
  root: string,
  from: string,
  to: string,
): Promise<FundGroup[]> {
  const _ = db.command;
  const [within, before] = await Promise.all([
    grouped(db, [
      { $match: { orgPath: _.prefix(root), date: _.and([_.gte(from), _.lt(nextDay(to))]) } },
      {
        $group: {
          _id: { p: '$orgPath', d: '$direction', s: '$source', u: '$use' },
          amountFen: { $sum: '$amountFen' },
        },
      },
    ]),
    grouped(db, [
      { $match: { orgPath: _.prefix(root), date: _.lt(from) } },
      { $group: { _id: { p: '$orgPath', d: '$direction' }, amountFen: { $sum: '$amountFen' } } },
    ]),
  ]);
  return [
    ...within.map((r) => ({
      orgPath: r._id.p,
      within: true,
      direction: r._id.d,
      category: (r._id.d === 'income' ? r._id.s : r._id.u) ?? null,
      amountFen: r.amountFen,
    })),
    ...before.map((r) => ({
      orgPath: r._id.p,
      within: false,
      direction: r._id.d,
      category: null,
      amountFen: r.amountFen,
    })),
  ];
}

/** The unit's direct children, in display order. */
export function childUnitsOf(db: DatabasePort, unit: Pick<OrgUnit, '_id'>): Promise<OrgUnit[]> {
  return db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { parentId: unit._id },
    {
      orderBy: [
        ['sortOrder', 'asc'],
        ['_id', 'asc'],
      ],
      limit: MAX_ROLL_UP_CHILDREN,
      fields: ['name', 'fullName', 'level', 'path', 'parentId', 'sortOrder'],
    },
  );
}

/** The unit's figures for [from, to], its own line and each direct child's line. */
export async function fundRollUpOf(
  db: DatabasePort,
  unit: Pick<OrgUnit, '_id' | 'path'>,
  from: string,
  to: string,
): Promise<{ rollUp: FundRollUp; children: OrgUnit[] }> {
  const [groups, children] = await Promise.all([fundGroups(db, unit.path, from, to), childUnitsOf(db, unit)]);
  return {
    rollUp: rollUp(
      groups,
      unit.path,
      children.map((c) => c.path),
    ),
    children,
  };
}
