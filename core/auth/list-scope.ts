/**
 * Where a list may look: the same matrix as `authorize`, read for a query rather than for one record. A
 * worker's list of orders is every order whose `orgPath` lies within one of the units their grants allow
 * `order.view` in (`unit` scope), or every order at all (`any`). A query filters by these prefixes (served by
 * an index on `orgPath`), so a list never holds a record `authorize` would refuse.
 *
 * Only the `unit` and `any` scopes describe places; a grant whose rule is another scope (own, provider...)
 * adds nothing here (those lists are the mini-program's, filtered by owner or provider instead).
 */
import { accepted, refused, type Outcome } from '../kernel/outcome';
import { isOrgPath, isWithin } from '../org/org-path';
import { ACTION_LABELS, type Action } from './actions';
import { AUTH_ERROR_CODES, checkAccess } from './authorize';
import { PERMISSION_MATRIX } from './permissions.matrix';
import type { Actor, RoleGrant } from './roles';

/** Every record (`any`), or those within one of `paths` (no path within another). */
export type ListScope = { readonly all: true } | { readonly all: false; readonly paths: readonly string[] };

/** The grants that let the actor do `action` somewhere, with their rule's scope. */
function placeGrants(actor: Actor, action: Action): { grant: RoleGrant; scope: 'any' | 'unit' }[] {
  const cells = PERMISSION_MATRIX[action];
  const out: { grant: RoleGrant; scope: 'any' | 'unit' }[] = [];
  for (const grant of actor.grants) {
    const rule = cells[grant.role];
    if (rule === undefined || (rule.scope !== 'any' && rule.scope !== 'unit' && rule.scope !== 'industry')) {
      continue;
    }
    // The matrix itself decides (positions, a person's stored `system` grant): try the grant's own place.
    const probe: Actor = { openid: actor.openid, grants: [grant] };
    const target =
      rule.scope === 'any'
        ? {}
        : {
            orgPath: grant.orgPath,
            ...(grant.industry === undefined ? {} : { industries: [grant.industry] }),
          };
    if (checkAccess(probe, action, target).ok)
      out.push({ grant, scope: rule.scope === 'any' ? 'any' : 'unit' });
  }
  return out;
}

/** The places the actor may list `action`'s records in; PERMISSION_DENIED when none. */
export function listScope(actor: Actor, action: Action): Outcome<ListScope> {
  const grants = placeGrants(actor, action);
  if (grants.length === 0) {
    return refused(AUTH_ERROR_CODES.permissionDenied, `您没有“${ACTION_LABELS[action]}”的权限`, { action });
  }
  if (grants.some((g) => g.scope === 'any')) return accepted({ all: true });
  const paths = grants.map((g) => g.grant.orgPath).filter(isOrgPath);
  // A unit inside another one the actor also holds adds nothing.
  const outer = [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && isWithin(p, q)));
  return accepted({ all: false, paths: outer.sort() });
}

/**
 * The scope narrowed to one unit the caller asked for: that unit, if it lies within the scope; otherwise
 * OUT_OF_SCOPE (the same answer for a unit that does not exist, so the answer says nothing about the tree
 * beyond the caller's own part).
 */
export function narrowScope(scope: ListScope, unitPath: string | null, action: Action): Outcome<ListScope> {
  if (unitPath === null) {
    return refused(AUTH_ERROR_CODES.outOfScope, `该单位不在您的权限范围内，不能“${ACTION_LABELS[action]}”`, {
      action,
    });
  }
  if (scope.all || scope.paths.some((p) => isWithin(unitPath, p))) {
    return accepted({ all: false, paths: [unitPath] });
  }
  return refused(AUTH_ERROR_CODES.outOfScope, `该单位不在您的权限范围内，不能“${ACTION_LABELS[action]}”`, {
    action,
  });
}

/**
 * The industries a list of `action`'s records is limited to: null when some grant of the actor that lists by
 * place acts for every industry (a worker, a leader, a regulator without an industry), else the industries of
 * its `industry`-scoped grants (grants of other scopes, such as a resident's `own`, list no place and are left
 * out). A list query adds `industries: _.in(...)` for a non-null answer.
 */
export function listIndustries(actor: Actor, action: Action): readonly string[] | null {
  const cells = PERMISSION_MATRIX[action];
  const industries = new Set<string>();
  for (const grant of actor.grants) {
    const rule = cells[grant.role];
    // Only the grants that list by place count (a resident's `own` grant lists nothing of a unit).
    if (rule === undefined || (rule.scope !== 'any' && rule.scope !== 'unit' && rule.scope !== 'industry')) {
      continue;
    }
    if (rule.scope !== 'industry' || grant.industry === undefined) return null;
    industries.add(grant.industry);
  }
  return [...industries].sort();
}

/** Whether a record at `orgPath` lies within the scope. */
export function scopeCovers(scope: ListScope, orgPath: string | null | undefined): boolean {
  return scope.all || scope.paths.some((p) => isWithin(orgPath, p));
}
