/**
 * Who the console serves, read from the matrix (`console.sign_in`): the grants of a person that let them use
 * the console, in their grant order. The first is where they work, shown as "their unit" in the console's
 * frame; what they may do in each screen is still decided action by action by `authorize`.
 */
import { checkAccess } from '../auth/authorize';
import type { Actor, Role, RoleGrant } from '../auth/roles';
import { isWithin } from '../org/org-path';

/** The actor's grants that open the console. */
export function consoleGrants(actor: Actor): RoleGrant[] {
  return actor.grants.filter((grant) => {
    const probe: Actor = { openid: actor.openid, grants: [grant] };
    return checkAccess(
      probe,
      'console.sign_in',
      grant.orgPath === undefined ? {} : { orgPath: grant.orgPath },
    ).ok;
  });
}

/** How high a console role stands within one unit: a leader above its workers, an administrator above all. */
const RANK: Partial<Record<Role, number>> = {
  worker: 1,
  industry_regulator: 1,
  joint_meeting_office: 1,
  leader: 2,
  system_admin: 3,
};

/**
 * Whether `above` is strictly above `below`: a unit within its own (and not the same unit), or the same
 * unit held in a lower role (a community leader above the community's workers). An administrator (scope
 * `any`) is above everyone but administrators. Nobody makes an account for a peer or for someone higher.
 */
export function isStrictlyAbove(above: RoleGrant, below: RoleGrant): boolean {
  const rankAbove = RANK[above.role] ?? 0;
  const rankBelow = RANK[below.role] ?? 0;
  if (above.role === 'system_admin') return rankBelow < rankAbove;
  if (!isWithin(below.orgPath, above.orgPath)) return false;
  return below.orgPath !== above.orgPath || rankBelow < rankAbove;
}
