/**
 * Who keeps and who reads which unit's books (docs/funds.md "Who"):
 *
 * - `fund.record` (record and correct): a worker or leader of the unit itself. The matrix's `unit` scope lets
 *   them reach the units below too, but a street's worker does not keep a community's books: the unit must be
 *   the grant's own (FUND_OWN_UNIT_ONLY). A unit outside their scope is OUT_OF_SCOPE, as one that does not exist.
 * - `fund.view` (list, summary, the roll-up): the unit and below (a prefix test); the platform's administrator
 *   anywhere. Regulators and the joint-meeting offices do not read the funds (their oversight is of providers
 *   and concerns; the money is the units' own and their superiors').
 *
 * And how an entry is shown: its kind (登记 / 冲销 / 更正), its category's label, who corrected it.
 */
import { authorize, can } from '../auth/authorize';
import { listScope, narrowScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import type { DatabasePort } from '../kernel/database.port';
import { orThrow } from '../kernel/outcome';
import { COLLECTIONS } from '../model/collections.model';
import type { FundEntry } from '../model/operations.model';
import type { OrgUnit } from '../model/org-unit.model';
import { isOrgPath, unitIdOfPath } from '../org/org-path';
import type { PointReader } from '../org/org-unit.reader';
import { FUND_DIRECTION_LABELS } from '../schemas/fund.schema';
import { FUND_SOURCE_LABELS, FUND_USE_LABELS } from '../schemas/operations.schema';
import { fundError } from './fund.errors';
import type { FundEntryKind, FundEntryView, FundUnitRef } from './fund.replies';

/** The roles that keep a unit's books. */
const BOOKKEEPERS = new Set(['worker', 'leader']);

export function unitRefOf(unit: OrgUnit): FundUnitRef {
  return {
    unitId: unit._id,
    name: unit.name,
    fullName: unit.fullName,
    level: unit.level,
    orgPath: unit.path,
  };
}

/** Whether the actor keeps this unit's books: a worker or leader grant of exactly this unit. */
export function keepsBooksOf(actor: Actor, unitPath: string): boolean {
  return (
    actor.grants.some((g) => BOOKKEEPERS.has(g.role) && g.orgPath === unitPath) &&
    can(actor, 'fund.record', { orgPath: unitPath })
  );
}

/** The unit the actor records for: the one named (their own by default), or the refusal. */
export async function bookkeepingUnit(
  db: PointReader,
  actor: Actor,
  orgUnitId: string | undefined,
): Promise<OrgUnit> {
  const ownPath = actor.grants.find((g) => BOOKKEEPERS.has(g.role) && isOrgPath(g.orgPath))?.orgPath;
  const unitId = orgUnitId ?? (ownPath === undefined ? undefined : unitIdOfPath(ownPath));
  const unit = unitId === undefined ? null : await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  // No unit (or none the actor may see): the matrix's own answer (PERMISSION_DENIED or OUT_OF_SCOPE).
  authorize(actor, 'fund.record', { orgPath: unit?.path });
  if (unit === null) throw new Error('unreachable: authorized without a unit');
  if (!keepsBooksOf(actor, unit.path)) throw fundError('FUND_OWN_UNIT_ONLY', { orgUnitId: unit._id });
  return unit;
}

/**
 * The unit a read looks at: the one named, within the caller's `fund.view` scope (OUT_OF_SCOPE otherwise, the
 * same answer as a unit that does not exist), or by default the caller's own top unit (an administrator's: the
 * first top unit of the tree). Also answers the caller's top unit, where the selector's trail starts.
 */
export async function viewedUnit(
  db: DatabasePort,
  actor: Actor,
  orgUnitId: string | undefined,
): Promise<{ unit: OrgUnit; top: string | null }> {
  const scope = orThrow(listScope(actor, 'fund.view'));
  const top = scope.all ? null : scope.paths[0]!;
  let unit: OrgUnit | null;
  if (orgUnitId !== undefined) {
    unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, orgUnitId);
    orThrow(narrowScope(scope, unit?.path ?? null, 'fund.view'));
  } else if (top !== null) {
    unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(top));
  } else {
    unit = await db.findOne<OrgUnit>(
      COLLECTIONS.orgUnits,
      { parentId: null },
      {
        orderBy: [
          ['sortOrder', 'asc'],
          ['_id', 'asc'],
        ],
      },
    );
  }
  if (unit === null) orThrow(narrowScope(scope, null, 'fund.view'));
  return { unit: unit!, top };
}

/** The units from the caller's top unit (the root for an administrator) down to `unit`, both included. */
export async function trailTo(db: PointReader, unit: OrgUnit, top: string | null): Promise<FundUnitRef[]> {
  const ids = unit.path.slice(1, -1).split('/');
  const start = top === null ? 0 : top.slice(1, -1).split('/').length - 1;
  const units = await Promise.all(ids.slice(start).map((id) => db.get<OrgUnit>(COLLECTIONS.orgUnits, id)));
  return units.filter((u): u is OrgUnit => u !== null).map(unitRefOf);
}

/** Names of the units at these paths, each read once. */
export async function unitNamesOf(db: PointReader, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(paths.filter(isOrgPath))];
  const units = await Promise.all(unique.map((p) => db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(p))));
  return new Map(unique.map((p, i) => [p, units[i]?.name ?? '']));
}

const KIND_LABELS: Readonly<Record<FundEntryKind, string>> = {
  entry: '登记',
  reversal: '冲销',
  correction: '更正',
};

export function kindOf(e: FundEntry): FundEntryKind {
  if (e.reversesEntryId) return 'reversal';
  if (e.correctsEntryId) return 'correction';
  return 'entry';
}

/** The reversal id of an entry: one per entry, so a second correction meets the first's reversal. */
export const reversalIdOf = (entryId: string): string => `${entryId}-rev`;

export function entryView(
  e: FundEntry,
  context: {
    readonly unitName: string;
    readonly reversal: FundEntry | null;
    readonly replacement: FundEntry | null;
    readonly actor: Actor;
  },
): FundEntryView {
  const kind = kindOf(e);
  const { reversal, replacement } = context;
  return {
    entryId: e._id,
    orgUnitId: e.orgUnitId,
    unitName: context.unitName,
    direction: e.direction,
    directionLabel: FUND_DIRECTION_LABELS[e.direction],
    source: e.direction === 'income' ? e.source : null,
    use: e.direction === 'expense' ? e.use : null,
    categoryLabel: e.direction === 'income' ? FUND_SOURCE_LABELS[e.source] : FUND_USE_LABELS[e.use],
    amountFen: e.amountFen,
    date: e.date,
    note: e.note,
    counterparty: e.counterparty ?? '',
    attachments: e.attachments ?? [],
    recordedByName: e.recordedByName ?? '',
    createdAt: e.createdAt,
    kind,
    kindLabel: KIND_LABELS[kind],
    reversesEntryId: e.reversesEntryId ?? null,
    correctsEntryId: e.correctsEntryId ?? null,
    reason: e.reason ?? '',
    correctedBy:
      reversal === null
        ? null
        : {
            reversalId: reversal._id,
            replacementId: replacement?._id ?? null,
            reason: reversal.reason,
            at: reversal.createdAt,
          },
    correctable: kind !== 'reversal' && reversal === null && keepsBooksOf(context.actor, e.orgPath),
  };
}
