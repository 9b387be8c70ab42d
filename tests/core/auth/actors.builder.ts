/** Builders for actors and targets used by the authorization tests. */
import type { AccessTarget } from '../../../core/auth/authorize';
import type { Scope } from '../../../core/auth/permissions.matrix';
import {
  SYSTEM_OPENID,
  type Actor,
  type Position,
  type Role,
  type RoleGrant,
} from '../../../core/auth/roles';

export const ACTOR_OPENID = 'o-actor';
export const STREET = '/yulin/yuzhou/yucheng/';
export const COMMUNITY = '/yulin/yuzhou/yucheng/jinguan/';

/** One grant of `role`, scoped to the Yucheng street, provider p1, team t1, party org po1, industry 卫生健康. */
export function grantOf(role: Role, position?: Position): RoleGrant {
  if (role === 'system') return { role };
  return {
    role,
    orgPath: STREET,
    providerId: 'p1',
    teamId: 't1',
    partyOrgId: 'po1',
    ...(role === 'industry_regulator' ? { industry: 'health' } : {}),
    ...(position === undefined ? {} : { position }),
  };
}

export function actorWith(role: Role, position?: Position): Actor {
  return { openid: role === 'system' ? SYSTEM_OPENID : ACTOR_OPENID, grants: [grantOf(role, position)] };
}

/** A target that satisfies `scope` for actorWith(). */
export function inScopeTarget(scope: Scope, actor: Actor): AccessTarget {
  switch (scope) {
    case 'any':
      return {};
    case 'own':
      return { ownerOpenid: actor.openid };
    case 'provider':
      return { providerId: 'p1' };
    case 'team':
      return { teamId: 't1' };
    case 'unit':
      return { orgPath: COMMUNITY };
    case 'branch':
      return { orgPath: '/yulin/yuzhou/' };
    case 'assigned':
      return { assigneeOpenid: actor.openid };
    case 'industry':
      return { orgPath: COMMUNITY, industries: ['civil_affairs', 'health'] };
  }
}

/** A target that fails `scope` for actorWith() (none exists for `any`). */
export function outOfScopeTarget(scope: Exclude<Scope, 'any'>): AccessTarget {
  switch (scope) {
    case 'own':
      return { ownerOpenid: 'o-someone-else', orgPath: COMMUNITY, providerId: 'p1', teamId: 't1' };
    case 'provider':
      return { providerId: 'p2', ownerOpenid: ACTOR_OPENID, orgPath: COMMUNITY };
    case 'team':
      return { teamId: 't2', ownerOpenid: ACTOR_OPENID, orgPath: COMMUNITY };
    case 'unit':
      return { orgPath: '/yulin/fumian/', ownerOpenid: ACTOR_OPENID, providerId: 'p1' };
    case 'branch':
      return { orgPath: '/yulin/yuzhou/nanjiang/', ownerOpenid: ACTOR_OPENID };
    case 'assigned':
      return {
        assigneeOpenid: 'o-someone-else',
        assigneeTeamId: 't2',
        assigneePartyOrgId: 'po2',
        ownerOpenid: ACTOR_OPENID,
      };
    case 'industry':
      // In the unit, but of another industry only.
      return { orgPath: COMMUNITY, industries: ['education'], ownerOpenid: ACTOR_OPENID, providerId: 'p1' };
  }
}
