/**
 * The one permission check of the platform, driven by PERMISSION_MATRIX: `checkAccess` answers it as a value,
 * `authorize` (for use cases) throws its refusal, `can` answers yes or no.
 */
import { accepted, orThrow, refused, type Outcome } from '../kernel/outcome';
import { isOnSameBranch, isWithin } from '../org/org-path';
import { ACTION_LABELS, type Action } from './actions';
import { PERMISSION_MATRIX, type PermissionRule, type Scope } from './permissions.matrix';
import { ROLES, SYSTEM_OPENID, type Actor, type Role, type RoleGrant } from './roles';

/** Stable error codes of this module. */
export const AUTH_ERROR_CODES = {
  /** No identity (no OPENID in the WeChat context). */
  unauthenticated: 'UNAUTHENTICATED',
  /** None of the actor's roles (and positions) may perform the action at all. */
  permissionDenied: 'PERMISSION_DENIED',
  /** A role may perform the action, but not on this record (other unit, provider, owner...). */
  outOfScope: 'OUT_OF_SCOPE',
} as const;

/**
 * What authorization needs to know about the record acted on. Callers fill what the record has; a scope
 * rule whose field is missing fails (deny by default).
 */
export interface AccessTarget {
  /** The org-unit path the record belongs to, ending in '/'. */
  readonly orgPath?: string;
  /** The provider the record belongs to (orders, offerings, the provider itself). */
  readonly providerId?: string;
  /** The resident (or applicant) the record belongs to. */
  readonly ownerOpenid?: string;
  /** The volunteer team the record belongs to (team records, service logs). */
  readonly teamId?: string;
  /** Who claimed the record (concerns): the person, their team, or their party organisation. */
  readonly assigneeOpenid?: string;
  readonly assigneeTeamId?: string;
  readonly assigneePartyOrgId?: string;
  /** The industries the record concerns (an application's or a provider's items): the `industry` scope. */
  readonly industries?: readonly string[];
}

export interface Authorization {
  /** The grant that allowed the action; its role is what events record. */
  readonly grant: RoleGrant;
  readonly role: Role;
  readonly rule: PermissionRule;
}

export interface AuthorizeOptions {
  /** Only consider grants of these roles (e.g. the roles a life-cycle transition allows). */
  readonly roles?: readonly Role[];
}

export function scopeAllows(scope: Scope, actor: Actor, grant: RoleGrant, target: AccessTarget): boolean {
  switch (scope) {
    case 'any':
      return true;
    case 'own':
      return target.ownerOpenid !== undefined && target.ownerOpenid === actor.openid;
    case 'provider':
      return grant.providerId !== undefined && target.providerId === grant.providerId;
    case 'team':
      return grant.teamId !== undefined && target.teamId === grant.teamId;
    case 'unit':
      return isWithin(target.orgPath, grant.orgPath);
    case 'branch':
      return isOnSameBranch(target.orgPath, grant.orgPath);
    case 'industry':
      return (
        isWithin(target.orgPath, grant.orgPath) &&
        (grant.industry === undefined || (target.industries ?? []).includes(grant.industry))
      );
    case 'assigned':
      return (
        (target.assigneeOpenid !== undefined && target.assigneeOpenid === actor.openid) ||
        (grant.teamId !== undefined && target.assigneeTeamId === grant.teamId) ||
        (grant.partyOrgId !== undefined && target.assigneePartyOrgId === grant.partyOrgId)
      );
  }
}

function positionAllows(rule: PermissionRule, grant: RoleGrant): boolean {
  return (
    rule.positions === undefined || (grant.position !== undefined && rule.positions.includes(grant.position))
  );
}

/** The 'system' role is honoured only for the platform's own actor, never from a stored grant of a person. */
function grantIsGenuine(actor: Actor, grant: RoleGrant): boolean {
  return grant.role !== 'system' || actor.openid === SYSTEM_OPENID;
}

/**
 * Whether `actor` may perform `action` on `target`, as a value: the grant that allows it (the first one in
 * the actor's grant order), or the refusal UNAUTHENTICATED, PERMISSION_DENIED or OUT_OF_SCOPE. Rules that
 * try several possibilities (the life cycles, `can`) branch on it; use cases call `authorize`.
 */
export function checkAccess(
  actor: Actor,
  action: Action,
  target: AccessTarget,
  options: AuthorizeOptions = {},
): Outcome<Authorization> {
  const label = ACTION_LABELS[action];
  if (typeof actor.openid !== 'string' || actor.openid.length === 0) {
    return refused(AUTH_ERROR_CODES.unauthenticated, '请先登录', { action });
  }
  const capable = capableGrants(actor, action, options);
  if (capable.length === 0) {
    return refused(AUTH_ERROR_CODES.permissionDenied, `您没有“${label}”的权限`, {
      action,
      roles: actor.grants.map((g) => g.role),
    });
  }
  for (const { grant, rule } of capable) {
    if (scopeAllows(rule.scope, actor, grant, target)) return accepted({ grant, role: grant.role, rule });
  }
  return refused(AUTH_ERROR_CODES.outOfScope, `该记录不在您的权限范围内，不能“${label}”`, {
    action,
    roles: capable.map((c) => c.grant.role),
  });
}

/** The actor's grants whose role (and position) the matrix allows the action at all, in grant order. */
function capableGrants(
  actor: Actor,
  action: Action,
  options: AuthorizeOptions,
): { grant: RoleGrant; rule: PermissionRule }[] {
  const cells = PERMISSION_MATRIX[action];
  const capable: { grant: RoleGrant; rule: PermissionRule }[] = [];
  for (const grant of actor.grants) {
    const rule = cells[grant.role];
    if (rule === undefined || !grantIsGenuine(actor, grant) || !positionAllows(rule, grant)) continue;
    if (options.roles !== undefined && !options.roles.includes(grant.role)) continue;
    capable.push({ grant, rule });
  }
  return capable;
}

/**
 * `checkAccess` at a use case's boundary: the authorization, or the refusal thrown as a DomainError
 * (UNAUTHENTICATED, PERMISSION_DENIED or OUT_OF_SCOPE), which ends the command.
 */
export function authorize(
  actor: Actor,
  action: Action,
  target: AccessTarget,
  options: AuthorizeOptions = {},
): Authorization {
  return orThrow(checkAccess(actor, action, target, options));
}

/** Boolean form of `checkAccess`, for showing or hiding buttons and masking. */
export function can(
  actor: Actor,
  action: Action,
  target: AccessTarget,
  options: AuthorizeOptions = {},
): boolean {
  return checkAccess(actor, action, target, options).ok;
}

/** The roles that may perform an action at all (any scope), in matrix column order. */
export function rolesFor(action: Action): Role[] {
  const cells = PERMISSION_MATRIX[action];
  return ROLES.filter((role) => cells[role] !== undefined);
}
