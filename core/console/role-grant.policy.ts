/**
 * Who may grant or withdraw which role where (`user.role.manage`, docs/people-and-places.md), written once:
 *
 * - the console grants only the console's unit roles: 平台管理人员 (worker), 负责人 (leader), 行业主管部门
 *   (industry_regulator) and 联席会议办公室 (joint_meeting_office), each at the levels it exists at (a grid has
 *   workers only; regulators sit at county and city); residents, provider staff, party members and
 *   volunteers get their roles through their own steps (binding, invites, 双报到);
 * - the caller must hold `user.role.manage` for the grant's unit (the matrix: a worker or leader for their
 *   unit and below, an administrator anywhere);
 * - and stand strictly above the grant (core/console/console-grants.ts `isStrictlyAbove`, the rule accounts
 *   follow too): the grant's unit lies below the caller's, or it is the caller's own unit in a lower role (a
 *   community leader makes the community's workers). So a community worker makes grid workers, a street
 *   leader makes community leaders, and nobody grants (or withdraws) at or above their own level, nor
 *   outside their unit, nor to or from themselves.
 *
 * Withdrawing follows the same rule for the grant withdrawn. Pure: the caller's grants and the grant asked for.
 */
import { checkAccess } from '../auth/authorize';
import type { Actor, Role, RoleGrant } from '../auth/roles';
import { ROLE_LABELS } from '../auth/roles';
import { accepted, refused, type Outcome } from '../kernel/outcome';
import { ORG_LEVEL_LABELS, type OrgLevel } from '../org/org-levels';
import { isOrgPath, levelOfPath } from '../org/org-path';
import { isStrictlyAbove } from './console-grants';

/** The roles the console grants, and the levels each exists at. */
export const CONSOLE_GRANTABLE_ROLES = {
  worker: ['city', 'county', 'street', 'community', 'grid'],
  leader: ['city', 'county', 'street', 'community'],
  industry_regulator: ['city', 'county'],
  joint_meeting_office: ['city', 'county', 'street', 'community'],
} as const satisfies Partial<Record<Role, readonly OrgLevel[]>>;

export type ConsoleGrantableRole = keyof typeof CONSOLE_GRANTABLE_ROLES;

export function isConsoleGrantableRole(role: Role): role is ConsoleGrantableRole {
  return Object.prototype.hasOwnProperty.call(CONSOLE_GRANTABLE_ROLES, role);
}

/** The refusal codes of the policy (HTTP: OUT_OF_SCOPE and PERMISSION_DENIED 403, the others 400). */
export const ROLE_GRANT_REFUSALS = {
  ROLE_NOT_GRANTABLE: '管理后台只能授予平台管理人员、负责人、行业主管部门或联席会议办公室角色',
  ROLE_GRANT_SELF: '不能给自己授予或收回角色',
} as const;

/** A grant the caller asks to give or withdraw: a role at a unit's path. */
export interface RoleGrantRequest {
  readonly role: Role;
  readonly orgPath: string;
}

/**
 * Whether `caller` may grant (or withdraw) `request` for the person `targetOpenid`: the caller's grant that
 * allows it, or the refusal (ROLE_NOT_GRANTABLE, ROLE_LEVEL_NOT_ALLOWED, ROLE_GRANT_SELF, PERMISSION_DENIED,
 * OUT_OF_SCOPE with `details.reason` NOT_BELOW for a grant at or above the caller's own level).
 */
export function checkRoleGrant(
  caller: Actor,
  request: RoleGrantRequest,
  targetOpenid: string,
): Outcome<RoleGrant> {
  const { role, orgPath } = request;
  if (!isConsoleGrantableRole(role)) {
    return refused('ROLE_NOT_GRANTABLE', ROLE_GRANT_REFUSALS.ROLE_NOT_GRANTABLE, { role });
  }
  if (!isOrgPath(orgPath)) {
    return refused('OUT_OF_SCOPE', '该记录不在您的权限范围内，不能“管理用户角色”', {
      action: 'user.role.manage',
    });
  }
  const level = levelOfPath(orgPath);
  if (!(CONSOLE_GRANTABLE_ROLES[role] as readonly OrgLevel[]).includes(level)) {
    return refused('ROLE_LEVEL_NOT_ALLOWED', `${ORG_LEVEL_LABELS[level]}不设“${ROLE_LABELS[role]}”角色`, {
      role,
      level,
    });
  }
  const access = checkAccess(caller, 'user.role.manage', { orgPath });
  if (!access.ok) return access;
  if (targetOpenid === caller.openid) {
    return refused('ROLE_GRANT_SELF', ROLE_GRANT_REFUSALS.ROLE_GRANT_SELF);
  }
  const grant: RoleGrant = { role, orgPath };
  const above = caller.grants.find(
    (g) =>
      checkAccess({ openid: caller.openid, grants: [g] }, 'user.role.manage', { orgPath }).ok &&
      isStrictlyAbove(g, grant),
  );
  if (above === undefined) {
    return refused(
      'OUT_OF_SCOPE',
      '只能授予或收回低于本人层级的角色（下级单位的角色，或本单位中低于本人的角色）',
      {
        action: 'user.role.manage',
        reason: 'NOT_BELOW',
      },
    );
  }
  return accepted(above);
}
