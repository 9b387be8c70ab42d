/**
 * The org path convention. A unit's path is its root-to-node `_id`s joined by '/', with a leading and a
 * trailing '/':
 *
 *   玉林市             /450900/
 *   玉州区             /450900/450902/
 *   玉城街道           /450900/450902/450902001/
 *   a community        /450900/450902/450902001/450902001001/
 *   a grid             /450900/450902/450902001/450902001001/450902001001001/
 *
 * The trailing '/' makes "inside my unit" a plain prefix test (`/a/b/` is not a prefix of `/a/bc/`), which
 * the database serves from an ascending index on the path field with an anchored regex `^<escaped path>`.
 * The depth of a path is its level: 1 = city ... 5 = grid (ORG_LEVELS order).
 */
import { DomainError } from '../kernel/errors';
import { ORG_LEVELS, type OrgLevel } from './org-levels';

export const ORG_PATH_SEPARATOR = '/';

/** What an org unit `_id` may contain: the same characters as any record id, and never the separator. */
const UNIT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const ORG_ERROR_CODES = {
  invalidPath: 'ORG_PATH_INVALID',
  invalidUnitId: 'ORG_UNIT_ID_INVALID',
} as const;

export function isOrgUnitId(id: string): boolean {
  return UNIT_ID.test(id);
}

/** A well-formed path: '/', then one or more unit ids each followed by '/', at most five deep. */
export function isOrgPath(path: unknown): path is string {
  if (typeof path !== 'string' || path.length < 3 || !path.startsWith('/') || !path.endsWith('/'))
    return false;
  const ids = path.slice(1, -1).split(ORG_PATH_SEPARATOR);
  return ids.length <= ORG_LEVELS.length && ids.every(isOrgUnitId);
}

function assertPath(path: string): void {
  if (!isOrgPath(path)) {
    throw new DomainError(ORG_ERROR_CODES.invalidPath, '组织路径格式不正确', { path });
  }
}

/** The unit ids of a path, root first. Throws ORG_PATH_INVALID on a malformed path. */
export function parsePath(path: string): string[] {
  assertPath(path);
  return path.slice(1, -1).split(ORG_PATH_SEPARATOR);
}

/** The path of the unit `ids` (root first). */
export function pathFromIds(ids: readonly string[]): string {
  const path = `/${ids.join(ORG_PATH_SEPARATOR)}/`;
  for (const id of ids) {
    if (!isOrgUnitId(id)) throw new DomainError(ORG_ERROR_CODES.invalidUnitId, '组织编号格式不正确', { id });
  }
  assertPath(path);
  return path;
}

/** The path of unit `id` under the unit at `parentPath` (null: `id` is the root). */
export function buildPath(parentPath: string | null, id: string): string {
  return pathFromIds(parentPath === null ? [id] : [...parsePath(parentPath), id]);
}

/** Number of units on the path (1 for the city). */
export function pathDepth(path: string): number {
  return parsePath(path).length;
}

/** The `_id` of the unit the path points at. */
export function unitIdOfPath(path: string): string {
  const ids = parsePath(path);
  return ids[ids.length - 1]!;
}

/** The parent unit's path, or null for the root. */
export function parentPathOf(path: string): string | null {
  const ids = parsePath(path);
  return ids.length === 1 ? null : pathFromIds(ids.slice(0, -1));
}

/**
 * True when the unit at `unitPath` is the unit at `scopePath` or lies below it. Malformed paths are never
 * within anything (deny by default).
 */
export function isWithin(unitPath: string | null | undefined, scopePath: string | null | undefined): boolean {
  return isOrgPath(unitPath) && isOrgPath(scopePath) && unitPath.startsWith(scopePath);
}

/** True when one of the two lies within the other (they are on one branch of the tree). */
export function isOnSameBranch(a: string | null | undefined, b: string | null | undefined): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

/**
 * The paths of the unit's ancestors, root first; with `includeSelf` the path itself comes last. "Which
 * providers cover this resident" is `servedPaths in ancestorPaths(residentPath, { includeSelf: true })`.
 */
export function ancestorPaths(path: string, options: { readonly includeSelf?: boolean } = {}): string[] {
  const ids = parsePath(path);
  const end = options.includeSelf === true ? ids.length : ids.length - 1;
  const out: string[] = [];
  for (let i = 1; i <= end; i += 1) out.push(`/${ids.slice(0, i).join(ORG_PATH_SEPARATOR)}/`);
  return out;
}

/** The level of the unit at `path`, by depth (city = 1 ... grid = 5). */
export function levelOfPath(path: string): OrgLevel {
  return ORG_LEVELS[pathDepth(path) - 1]!;
}

/** The depth of paths at `level` (city 1 ... grid 5). */
export function depthOfLevel(level: OrgLevel): number {
  return ORG_LEVELS.indexOf(level) + 1;
}

/**
 * The roll-up key of `path` at `level`: the path of its ancestor (or itself) at that level, or null when
 * the path lies above the level (a street-level record has no community key). Grouping records by
 * `rollUpKey(orgPath, 'street')` counts them per street.
 */
export function rollUpKey(path: string, level: OrgLevel): string | null {
  const ids = parsePath(path);
  const depth = depthOfLevel(level);
  return ids.length < depth ? null : `/${ids.slice(0, depth).join(ORG_PATH_SEPARATOR)}/`;
}

/** Every roll-up key of `path`, by level (levels below the path's own are absent). */
export function rollUpKeys(path: string): Partial<Record<OrgLevel, string>> {
  const keys: Partial<Record<OrgLevel, string>> = {};
  for (const level of ORG_LEVELS) {
    const key = rollUpKey(path, level);
    if (key !== null) keys[level] = key;
  }
  return keys;
}

/** `s` with every regular-expression metacharacter escaped ('/' and '-' are literal outside a class). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The anchored pattern that selects everything at or below `scopePath`: `^` + the escaped path. Adapters
 * wrap it in the SDK's `db.RegExp({ regexp, options: '' })`; no case-insensitive flag, so the index serves it.
 */
export function prefixPattern(scopePath: string): string {
  assertPath(scopePath);
  return `^${escapeRegExp(scopePath)}`;
}

/** The argument of the SDKs' `db.RegExp(...)` for a scope query on a path field. */
export function prefixRegExpArgs(scopePath: string): { readonly regexp: string; readonly options: '' } {
  return { regexp: prefixPattern(scopePath), options: '' };
}
