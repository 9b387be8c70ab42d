/**
 * Checks and helpers over a list of org units (the whole tree or a part of it). Pure; the caller reads the
 * units. `checkOrgTree` is what the org.manage use case and the demo tests rely on: every unit's path is
 * its parent's path plus its own id, and its level is the one below its parent's.
 */
import { ORG_LEVELS, type OrgLevel } from './org-levels';
import type { OrgUnit } from '../model/org-unit.model';
import { buildPath, isOrgPath, isWithin, levelOfPath } from './org-path';

export type OrgTreeNode = Pick<OrgUnit, '_id' | 'name' | 'level' | 'parentId' | 'path'>;

/** The level directly below `level`, or null for a grid. */
export function childLevelOf(level: OrgLevel): OrgLevel | null {
  return ORG_LEVELS[ORG_LEVELS.indexOf(level) + 1] ?? null;
}

/** The level directly above `level`, or null for the city. */
export function parentLevelOf(level: OrgLevel): OrgLevel | null {
  const i = ORG_LEVELS.indexOf(level);
  return i === 0 ? null : ORG_LEVELS[i - 1]!;
}

export interface OrgTreeProblem {
  readonly unitId: string;
  readonly problem: string;
}

/** Every inconsistency of the tree, in Chinese; empty when the tree is sound. */
export function checkOrgTree(units: readonly OrgTreeNode[]): OrgTreeProblem[] {
  const problems: OrgTreeProblem[] = [];
  const byId = new Map<string, OrgTreeNode>();
  const paths = new Set<string>();
  for (const unit of units) {
    if (byId.has(unit._id)) problems.push({ unitId: unit._id, problem: '组织编号重复' });
    byId.set(unit._id, unit);
    if (paths.has(unit.path)) problems.push({ unitId: unit._id, problem: '组织路径重复' });
    paths.add(unit.path);
  }
  for (const unit of units) {
    if (!isOrgPath(unit.path)) {
      problems.push({ unitId: unit._id, problem: `组织路径格式不正确：${unit.path}` });
      continue;
    }
    if (levelOfPath(unit.path) !== unit.level) {
      problems.push({ unitId: unit._id, problem: `层级 ${unit.level} 与路径深度不符` });
    }
    if (unit.parentId === null) {
      if (unit.level !== ORG_LEVELS[0])
        problems.push({ unitId: unit._id, problem: '只有市级单位可以没有上级' });
      if (unit.path !== buildPath(null, unit._id))
        problems.push({ unitId: unit._id, problem: '根单位路径不正确' });
      continue;
    }
    const parent = byId.get(unit.parentId);
    if (parent === undefined) {
      problems.push({ unitId: unit._id, problem: `上级单位 ${unit.parentId} 不存在` });
      continue;
    }
    if (childLevelOf(parent.level) !== unit.level) {
      problems.push({ unitId: unit._id, problem: `层级 ${unit.level} 不能位于 ${parent.level} 之下` });
    }
    if (isOrgPath(parent.path) && unit.path !== buildPath(parent.path, unit._id)) {
      problems.push({ unitId: unit._id, problem: '路径与上级路径不一致' });
    }
  }
  return problems;
}

/** The units at or below `scopePath`, in the given order. */
export function unitsWithin<T extends Pick<OrgUnit, 'path'>>(units: readonly T[], scopePath: string): T[] {
  return units.filter((u) => isWithin(u.path, scopePath));
}

/** The names along a path joined (玉林市玉州区玉城街道...), from a lookup of units by id. */
export function fullNameOf(path: string, unitsById: ReadonlyMap<string, Pick<OrgUnit, 'name'>>): string {
  return path
    .slice(1, -1)
    .split('/')
    .map((id) => unitsById.get(id)?.name ?? '')
    .join('');
}
