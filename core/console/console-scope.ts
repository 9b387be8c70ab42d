/**
 * The place a console list looks in: the matrix's list scope for the screen's action (core/auth/list-scope.ts),
 * narrowed to the unit the worker picked. A worker holding the action in several units that do not contain
 * each other sees one at a time: the first, unless they pick another.
 */
import { listScope, narrowScope, type ListScope } from '../auth/list-scope';
import type { Action } from '../auth/actions';
import type { Actor } from '../auth/roles';
import type { DatabasePort, FindOptions, StoredDocument, Where } from '../kernel/database.port';
import { orThrow } from '../kernel/outcome';
import { shanghaiDayEnd, shanghaiDayStart } from '../kernel/shanghai-time';
import { unitById } from './console-units';

/** The path a list is limited to, or null for the whole platform (an administrator). */
export type ScopeRoot = string | null;

export function rootOf(scope: ListScope): ScopeRoot {
  return scope.all ? null : scope.paths[0]!;
}

/** The list's place: PERMISSION_DENIED without the action anywhere, OUT_OF_SCOPE for a unit outside it. */
export async function scopeRootFor(
  db: DatabasePort,
  actor: Actor,
  action: Action,
  orgUnitId: string | undefined,
): Promise<ScopeRoot> {
  const scope = orThrow(listScope(actor, action));
  if (orgUnitId === undefined) return rootOf(scope);
  const unit = await unitById(db, orgUnitId);
  return rootOf(orThrow(narrowScope(scope, unit?.orgPath ?? null, action)));
}

/** `orgPath` within the root (nothing for the whole platform). */
export function withinRoot(db: DatabasePort, root: ScopeRoot, field = 'orgPath'): Where {
  return root === null ? {} : { [field]: db.command.prefix(root) };
}

/** A time field within a range of Asia/Shanghai days (both ends included); nothing when open. */
export function withinDays(db: DatabasePort, field: string, from?: string, to?: string): Where {
  const _ = db.command;
  const bounds = [
    ...(from === undefined ? [] : [_.gte(shanghaiDayStart(from))]),
    ...(to === undefined ? [] : [_.lt(shanghaiDayEnd(to))]),
  ];
  if (bounds.length === 0) return {};
  return { [field]: bounds.length === 1 ? bounds[0]! : _.and(bounds) };
}

/** Skip and limit of a page. */
export function pageWindow(q: { readonly page: number; readonly pageSize: number }) {
  return { skip: (q.page - 1) * q.pageSize, limit: q.pageSize };
}

/** A list's rows (one page, or a queue's first rows) and how many match in all, read side by side. */
export async function findWithTotal<T extends StoredDocument>(
  db: DatabasePort,
  collection: string,
  where: Where,
  options: FindOptions,
): Promise<{ docs: T[]; total: number }> {
  const [docs, total] = await Promise.all([
    db.find<T>(collection, where, options),
    db.count(collection, where),
  ]);
  return { docs, total };
}
