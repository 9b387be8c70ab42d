/**
 * People holding roles, for the function tests that need someone of a given role somewhere: a `users`
 * record written as an administrator, with the grants of core/auth/roles.ts (a role, and where: a unit's
 * `orgPath`, a provider, a team, a party organisation, a position). The function builds the caller from it
 * as it builds anyone (core/auth/actor.loader.ts): the stored grants, plus the resident grant of the home
 * unit every WeChat user holds; `actorAsLoaded` is that same actor, for a test to reason about.
 */
import { actorWithResidentGrant, type Actor, type RoleGrant } from '../../../core/auth/roles';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import type { FunctionCloud } from './function-cloud';
import { DEMO_RESIDENT } from './order-loop';

/** A stored user's grants and home, as written. */
export interface WrittenUser {
  readonly openid: string;
  readonly grants: readonly RoleGrant[];
  readonly homeOrgPath: string;
}

let written = 0;

/**
 * Write a user with these grants (and no others), living in `homeOrgPath` (by default the demo grid 金港花园),
 * as a copy of the demo resident's record without their phone. Answers what was written.
 */
export async function writeUser(
  cloud: FunctionCloud,
  openid: string,
  grants: readonly RoleGrant[],
  homeOrgPath: string = DEMO_PATHS.grid,
): Promise<WrittenUser> {
  const template = await cloud.get<Record<string, unknown>>('users', DEMO_RESIDENT);
  if (template === null) throw new Error(`no user ${DEMO_RESIDENT}`);
  written += 1;
  const ids = homeOrgPath.split('/').filter((x) => x.length > 0);
  await cloud.insert('users', [
    {
      ...template,
      _id: openid,
      openid,
      nickname: `测试用户${written}`,
      realName: null,
      phone: null,
      phoneHash: null,
      phoneConsentAt: null,
      homeUnitId: ids[ids.length - 1] ?? null,
      homeOrgPath,
      grants: [...grants],
      demo: false,
    },
  ]);
  return { openid, grants, homeOrgPath };
}

/** The actor a function builds for this user (actor.loader.ts): stored grants and the home's resident grant. */
export function actorAsLoaded(user: WrittenUser): Actor {
  return actorWithResidentGrant(user.openid, user.homeOrgPath, user.grants);
}
