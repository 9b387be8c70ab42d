/**
 * Keeping the org tree from the console (docs/people-and-places.md, action `org.manage`): add or rename a
 * community or a grid (`org.unit.save`), move a grid to another community (`org.unit.move`), and the tree a
 * level at a time for the places screen. Only below the caller's own level and within their unit: the unit
 * changed must lie strictly within a unit the caller holds `org.manage` for (an administrator: anywhere), and
 * a move's new community too. A unit that does not exist answers like one outside the caller's units.
 *
 * Counties and streets are the official divisions and are not edited here. A rename also rewrites the full
 * names of the units below (in the same transaction); a move changes the grid's path in one transaction and
 * then carries its records over (core/console/org-move.ts, decision 0019).
 */
import { checkAccess } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor, RoleGrant } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import { DomainError, domainErrorsOf } from '../kernel/errors';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import { ORG_UNIT_KIND_LABELS, type OrgUnit, type OrgUnitKind } from '../model/org-unit.model';
import { ORG_LEVEL_LABELS, type OrgLevel } from '../org/org-levels';
import { buildPath, isWithin, parentPathOf } from '../org/org-path';
import { childLevelOf } from '../org/org-tree';
import { parseCommand } from '../schemas/command.parser';
import {
  orgUnitMoveSchema,
  orgUnitSaveSchema,
  placesQuerySchema,
  type OrgUnitSaveCommand,
} from '../schemas/org.schema';
import { unitRefOf } from './console-units';
import { completeOrgMove, type MovableUnit } from './org-move';
import type { OrgMoveResult, OrgUnitSaveResult, PlaceRow, PlacesReply } from './people.replies';

export const ORG_MANAGE_ERRORS = {
  ORG_LEVEL_NOT_MANAGED: '管理后台只能新增或修改社区和小区（网格）',
  ORG_KIND_NOT_ALLOWED: '单位类型与层级不符：社区为城市社区或乡镇社区，网格为小区或网格',
  ORG_UNIT_NAME_TAKEN: '同一上级单位下已有同名单位',
  ORG_MOVE_GRID_ONLY: '只能调整小区（网格）的所属社区',
  ORG_MOVE_TARGET_NOT_COMMUNITY: '请选择一个社区作为新的所属社区',
  ORG_MOVE_SAME_PARENT: '该小区（网格）已属于所选社区',
} as const;

const orgManageError = domainErrorsOf(ORG_MANAGE_ERRORS);

/** The levels the console adds and renames, with the kinds each may have. */
const MANAGED_LEVELS: Partial<Record<OrgLevel, readonly OrgUnitKind[]>> = {
  community: ['urban', 'township'],
  grid: ['estate', 'block'],
};

/** At most this many children are listed or renamed with a parent (a street has a few dozen communities). */
const MAX_CHILDREN = 1000;

function outOfScope(): DomainError {
  return new DomainError('OUT_OF_SCOPE', '该记录不在您的权限范围内，不能“管理组织架构”', {
    action: 'org.manage',
  });
}

/** The caller's grant under which `path` lies strictly below their own unit (an administrator: any), or null. */
export function grantAbove(actor: Actor, path: string): RoleGrant | null {
  return (
    actor.grants.find((g) => {
      const probe: Actor = { openid: actor.openid, grants: [g] };
      if (!checkAccess(probe, 'org.manage', { orgPath: path }).ok) return false;
      return g.role === 'system_admin' || (isWithin(path, g.orgPath) && path !== g.orgPath);
    }) ?? null
  );
}

/** The caller may act on (or under) `path` at all: `org.manage` there. */
function mayManageAt(actor: Actor, path: string): boolean {
  return checkAccess(actor, 'org.manage', { orgPath: path }).ok;
}

function defaultKind(level: OrgLevel, parent: OrgUnit): OrgUnitKind {
  if (level === 'community') return parent.kind === 'town' ? 'township' : 'urban';
  return 'estate';
}

async function nameTaken(
  input: UseCaseInput,
  parentId: string,
  name: string,
  except?: string,
): Promise<boolean> {
  const same = await input.ports.db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { parentId, name },
    { limit: 2, fields: ['name'] },
  );
  return same.some((u) => u._id !== except);
}

export async function saveOrgUnit(input: UseCaseInput): Promise<OrgUnitSaveResult> {
  requireIdentity(input.actor);
  const command = parseCommand(orgUnitSaveSchema, input.command);
  orThrow(listScope(input.actor, 'org.manage'));
  return command.unitId === undefined
    ? addOrgUnit(input, command, command.parentId!)
    : renameOrgUnit(input, command, command.unitId);
}

/** A new community or grid under `parentId`. */
async function addOrgUnit(
  input: UseCaseInput,
  command: OrgUnitSaveCommand,
  parentId: string,
): Promise<OrgUnitSaveResult> {
  const { ports, actor } = input;
  const { db, ids } = ports;
  const parent = await db.get<OrgUnit>(COLLECTIONS.orgUnits, parentId);
  if (parent === null || !mayManageAt(actor, parent.path)) throw outOfScope();
  const level = childLevelOf(parent.level);
  const kinds = level === null ? undefined : MANAGED_LEVELS[level];
  if (level === null || kinds === undefined) throw orgManageError('ORG_LEVEL_NOT_MANAGED', { level });
  const kind = command.kind ?? defaultKind(level, parent);
  if (!kinds.includes(kind)) throw orgManageError('ORG_KIND_NOT_ALLOWED', { level, kind });
  if (await nameTaken(input, parent._id, command.name)) throw orgManageError('ORG_UNIT_NAME_TAKEN');
  const siblings = await db.count(COLLECTIONS.orgUnits, { parentId: parent._id });
  return runCommand(ports, actor, 'org.unit.save', command, async ({ tx, now, audit }) => {
    const unitId = `${parent._id}-${ids
      .next()
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-8)}`;
    const path = buildPath(parent.path, unitId);
    const by = grantAbove(actor, path);
    if (by === null) throw outOfScope();
    const unit: OrgUnit = {
      _id: unitId,
      name: command.name,
      level,
      parentId: parent._id,
      path,
      fullName: `${parent.fullName}${command.name}`,
      kind,
      divisionCode: null,
      sortOrder: siblings + 1,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.orgUnits, unit);
    audit({
      entityType: 'org_unit',
      entityId: unitId,
      orgPath: path,
      role: by.role,
      summary: `新增${ORG_LEVEL_LABELS[level]}：${unit.fullName}（${ORG_UNIT_KIND_LABELS[kind]}）`,
    });
    return { created: true, unit: unitRefOf(unit), descendantsRenamed: 0 };
  });
}

/** A new name (or kind) for a community or grid below the caller's unit, and the full names below it. */
async function renameOrgUnit(
  input: UseCaseInput,
  command: OrgUnitSaveCommand,
  unitId: string,
): Promise<OrgUnitSaveResult> {
  const { ports, actor } = input;
  const { db } = ports;
  const existing = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  if (existing === null || grantAbove(actor, existing.path) === null) throw outOfScope();
  const kinds = MANAGED_LEVELS[existing.level];
  if (kinds === undefined) throw orgManageError('ORG_LEVEL_NOT_MANAGED', { level: existing.level });
  const kind = command.kind ?? existing.kind ?? defaultKind(existing.level, existing);
  if (!kinds.includes(kind)) throw orgManageError('ORG_KIND_NOT_ALLOWED', { level: existing.level, kind });
  if (existing.parentId !== null && (await nameTaken(input, existing.parentId, command.name, unitId))) {
    throw orgManageError('ORG_UNIT_NAME_TAKEN');
  }
  const below = await db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { path: db.command.prefix(existing.path) },
    { limit: MAX_CHILDREN, fields: ['fullName', 'path'] },
  );
  return runCommand(ports, actor, 'org.unit.save', command, async ({ tx, now, audit }) => {
    const unit = await tx.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
    if (unit === null) throw outOfScope();
    const by = grantAbove(actor, unit.path)!;
    const parentFullName = unit.fullName.slice(0, unit.fullName.length - unit.name.length);
    const fullName = `${parentFullName}${command.name}`;
    await tx.update(COLLECTIONS.orgUnits, unitId, { name: command.name, fullName, kind, updatedAt: now });
    let descendantsRenamed = 0;
    for (const d of below) {
      if (d._id === unitId || !d.fullName.startsWith(unit.fullName)) continue;
      await tx.get(COLLECTIONS.orgUnits, d._id);
      await tx.update(COLLECTIONS.orgUnits, d._id, {
        fullName: `${fullName}${d.fullName.slice(unit.fullName.length)}`,
        updatedAt: now,
      });
      descendantsRenamed += 1;
    }
    audit({
      entityType: 'org_unit',
      entityId: unitId,
      orgPath: unit.path,
      role: by.role,
      summary:
        unit.name === command.name
          ? `修改${ORG_LEVEL_LABELS[unit.level]}类型：${fullName}（${ORG_UNIT_KIND_LABELS[kind]}）`
          : `${ORG_LEVEL_LABELS[unit.level]}更名：${unit.fullName} → ${fullName}`,
    });
    return { created: false, unit: unitRefOf({ ...unit, name: command.name, fullName }), descendantsRenamed };
  });
}

export async function moveOrgUnit(input: UseCaseInput): Promise<OrgMoveResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(orgUnitMoveSchema, input.command);
  orThrow(listScope(actor, 'org.manage'));
  const { db } = ports;
  const grid = await db.get<MovableUnit>(COLLECTIONS.orgUnits, command.unitId);
  const target = await db.get<OrgUnit>(COLLECTIONS.orgUnits, command.toParentId);
  if (grid === null || grantAbove(actor, grid.path) === null) throw outOfScope();
  if (target === null || !mayManageAt(actor, target.path)) throw outOfScope();
  if (grid.level !== 'grid') throw orgManageError('ORG_MOVE_GRID_ONLY');
  if (target.level !== 'community') throw orgManageError('ORG_MOVE_TARGET_NOT_COMMUNITY');

  const pending = grid.pendingMove ?? null;
  if (grid.parentId === target._id) {
    // Moving it again where it already is resumes an unfinished move; otherwise there is nothing to do.
    if (pending === null) throw orgManageError('ORG_MOVE_SAME_PARENT');
    const moved = await completeOrgMove(db, grid._id);
    return {
      unit: unitRefOf(grid),
      fromPath: pending.fromPath,
      toPath: pending.toPath,
      moved,
      complete: true,
    };
  }
  if (pending !== null) await completeOrgMove(db, grid._id);
  if (await nameTaken(input, target._id, grid.name)) throw orgManageError('ORG_UNIT_NAME_TAKEN');

  const done = await runCommand(ports, actor, 'org.unit.move', command, async ({ tx, now, audit }) => {
    const unit = await tx.get<MovableUnit>(COLLECTIONS.orgUnits, command.unitId);
    const from = await tx.get<OrgUnit>(COLLECTIONS.orgUnits, unit?.parentId ?? '');
    if (unit === null || from === null) throw outOfScope();
    const by = grantAbove(actor, unit.path);
    if (by === null) throw outOfScope();
    const toPath = buildPath(target.path, unit._id);
    const fullName = `${target.fullName}${unit.name}`;
    await tx.update(COLLECTIONS.orgUnits, unit._id, {
      parentId: target._id,
      path: toPath,
      fullName,
      pendingMove: {
        fromPath: unit.path,
        toPath,
        fromParentPath: from.path,
        toParentPath: target.path,
        startedAt: now,
      },
      updatedAt: now,
    });
    audit({
      entityType: 'org_unit',
      entityId: unit._id,
      orgPath: toPath,
      role: by.role,
      summary: `调整${ORG_LEVEL_LABELS.grid}所属社区：${unit.name}，${from.fullName} → ${target.fullName}`,
    });
    return {
      unit: unitRefOf({ ...unit, parentId: target._id, path: toPath, fullName }),
      fromPath: unit.path,
      toPath,
    };
  });
  const moved = await completeOrgMove(db, done.unit.unitId);
  return { ...done, moved, complete: true };
}

async function placeRow(input: UseCaseInput, unit: MovableUnit): Promise<PlaceRow> {
  const { actor } = input;
  const childLevel = childLevelOf(unit.level);
  const managed = MANAGED_LEVELS[unit.level] !== undefined;
  const above = grantAbove(actor, unit.path) !== null;
  const pending = unit.pendingMove ?? null;
  return {
    ...unitRefOf(unit),
    kind: unit.kind,
    kindLabel: unit.kind === null ? ORG_LEVEL_LABELS[unit.level] : ORG_UNIT_KIND_LABELS[unit.kind],
    childCount:
      childLevel === null ? 0 : await input.ports.db.count(COLLECTIONS.orgUnits, { parentId: unit._id }),
    renamable: managed && above,
    // A grid moves between communities of the caller's units: its community must lie below the caller's unit.
    movable: unit.level === 'grid' && above && grantAbove(actor, parentPathOf(unit.path) ?? '') !== null,
    canAddChild:
      childLevel !== null && MANAGED_LEVELS[childLevel] !== undefined && mayManageAt(actor, unit.path),
    moving: pending === null ? null : { fromPath: pending.fromPath, toPath: pending.toPath },
  };
}

/** The places screen: the caller's own top units, or the children of one unit within them. */
export async function listPlaces(input: UseCaseInput): Promise<PlacesReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(placesQuerySchema, input.command);
  const scope = orThrow(listScope(actor, 'org.manage'));
  const { db } = ports;
  const order = {
    orderBy: [
      ['sortOrder', 'asc'],
      ['_id', 'asc'],
    ] as const,
    limit: MAX_CHILDREN,
  };
  if (query.parentId === undefined) {
    const tops = scope.all
      ? await db.find<MovableUnit>(COLLECTIONS.orgUnits, { parentId: null }, order)
      : (
          await Promise.all(
            scope.paths.map((p) =>
              db.get<MovableUnit>(COLLECTIONS.orgUnits, p.slice(1, -1).split('/').pop()!),
            ),
          )
        ).filter((u): u is MovableUnit => u !== null);
    return { parent: null, units: await Promise.all(tops.map((u) => placeRow(input, u))) };
  }
  const parent = await db.get<MovableUnit>(COLLECTIONS.orgUnits, query.parentId);
  if (parent === null || !mayManageAt(actor, parent.path)) throw outOfScope();
  const children = await db.find<MovableUnit>(COLLECTIONS.orgUnits, { parentId: parent._id }, order);
  return {
    parent: await placeRow(input, parent),
    units: await Promise.all(children.map((u) => placeRow(input, u))),
  };
}
