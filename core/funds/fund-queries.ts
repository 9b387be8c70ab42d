/**
 * `fund.list` (the entries of a unit and below, by year, direction, source or use, newest day first, paged)
 * and `fund.summary` (a unit's year: income per source, spending per use, the year's balance, the balance
 * carried from earlier years and the closing balance, rolled up from the units below with each direct child's
 * line). Scope: `fund.view` by prefix (fund-access.ts).
 */
import type { Actor } from '../auth/roles';
import type { DatabasePort, Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import { fundRollUpOf } from '../accounting/fund.groups';
import { nextDay, yearBounds } from '../accounting/fund.figures';
import { COLLECTIONS } from '../model/collections.model';
import type { FundEntry } from '../model/operations.model';
import { parseCommand } from '../schemas/command.parser';
import { fundListSchema, fundSummarySchema, type FundListQuery } from '../schemas/fund.schema';
import { FUND_SOURCES, FUND_SOURCE_LABELS, FUND_USES, FUND_USE_LABELS } from '../schemas/operations.schema';
import { entryView, keepsBooksOf, trailTo, unitNamesOf, unitRefOf, viewedUnit } from './fund-access';
import type { FundEntryView, FundListReply, FundSummaryReply } from './fund.replies';

function listWhere(db: DatabasePort, path: string, q: FundListQuery): Where {
  const _ = db.command;
  const where: Record<string, ReturnType<typeof _.prefix> | string> = { orgPath: _.prefix(path) };
  if (q.year !== undefined) {
    const { from, to } = yearBounds(q.year);
    where['date'] = _.and([_.gte(from), _.lt(nextDay(to))]);
  }
  if (q.direction !== undefined) where['direction'] = q.direction;
  if (q.source !== undefined) where['source'] = q.source;
  if (q.use !== undefined) where['use'] = q.use;
  return where;
}

/** Views of a page of entries: unit names, and the reversal and corrected entry of each corrected one. */
export async function entryViews(
  db: DatabasePort,
  actor: Actor,
  entries: readonly FundEntry[],
): Promise<FundEntryView[]> {
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e._id);
  const _ = db.command;
  const [names, reversals, replacements] = await Promise.all([
    unitNamesOf(
      db,
      entries.map((e) => e.orgPath),
    ),
    db.find<FundEntry>(COLLECTIONS.fundEntries, { reversesEntryId: _.in(ids) }, { limit: ids.length }),
    db.find<FundEntry>(COLLECTIONS.fundEntries, { correctsEntryId: _.in(ids) }, { limit: ids.length }),
  ]);
  const reversalOf = new Map(reversals.map((r) => [r.reversesEntryId!, r]));
  const replacementOf = new Map(replacements.map((r) => [r.correctsEntryId!, r]));
  return entries.map((e) =>
    entryView(e, {
      unitName: names.get(e.orgPath) ?? '',
      reversal: reversalOf.get(e._id) ?? null,
      replacement: replacementOf.get(e._id) ?? null,
      actor,
    }),
  );
}

export async function listFunds(input: UseCaseInput): Promise<FundListReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(fundListSchema, input.command);
  const { unit } = await viewedUnit(ports.db, actor, q.orgUnitId);
  const where = listWhere(ports.db, unit.path, q);
  const [entries, total] = await Promise.all([
    ports.db.find<FundEntry>(COLLECTIONS.fundEntries, where, {
      orderBy: [
        ['date', 'desc'],
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    }),
    ports.db.count(COLLECTIONS.fundEntries, where),
  ]);
  return {
    items: await entryViews(ports.db, actor, entries),
    total,
    page: q.page,
    pageSize: q.pageSize,
    unit: unitRefOf(unit),
  };
}

export async function fundSummary(input: UseCaseInput): Promise<FundSummaryReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(fundSummarySchema, input.command);
  const year = q.year ?? Number(formatShanghaiMinute(ports.clock.now()).slice(0, 4));
  const { unit, top } = await viewedUnit(ports.db, actor, q.orgUnitId);
  const { from, to } = yearBounds(year);
  const [{ rollUp, children }, trail] = await Promise.all([
    fundRollUpOf(ports.db, unit, from, to),
    trailTo(ports.db, unit, top),
  ]);
  const known = new Set(children.map((c) => c.path));
  // Entries at a path whose unit is gone (moved or removed) still count in the total and are shown apart.
  const orphans = [...rollUp.children.keys()].filter((p) => !known.has(p));
  return {
    year,
    unit: unitRefOf(unit),
    trail,
    canRecord: keepsBooksOf(actor, unit.path),
    total: rollUp.total,
    own: rollUp.own,
    children: [
      ...children.map((c) => ({ unit: unitRefOf(c), figures: rollUp.children.get(c.path)! })),
      ...orphans.map((p) => ({
        unit: { unitId: '', name: '（已撤销的单位）', fullName: p, level: unit.level, orgPath: p },
        figures: rollUp.children.get(p)!,
      })),
    ],
    sources: FUND_SOURCES.map((value) => ({ value, label: FUND_SOURCE_LABELS[value] })),
    uses: FUND_USES.map((value) => ({ value, label: FUND_USE_LABELS[value] })),
  };
}
