import type { RoleGrant } from '../auth/roles';
import type { BaseDocument, Millis, Timestamps } from './common.model';

/**
 * `users`: one WeChat identity (`_id` is the openid) with the roles it holds and where (the grants of
 * core/auth/roles.ts). Every identified user is also a resident of `homeOrgPath` once they bind a grid or
 * community; the resident grant is added when the actor is built, not stored.
 */
export interface User extends BaseDocument, Timestamps {
  readonly openid: string;
  /** What the user is called in the mini-program (称呼). */
  readonly nickname: string;
  /** The real name where a role needs it (workers, party members, provider staff); null for residents. */
  readonly realName: string | null;
  /** Full number; shown masked to others until their role needs it (resident.phone.view). */
  readonly phone: string | null;
  readonly phoneConsentAt: Millis | null;
  /** The grid or community the user bound (居民所在小区/社区). */
  readonly homeUnitId: string | null;
  readonly homeOrgPath: string | null;
  readonly grants: readonly RoleGrant[];
  /** A demo identity seeded by demo/ (never in production data). */
  readonly demo: boolean;
}

/** The `users` record of someone who has never written their profile: a resident with no unit yet. */
export function newUser(openid: string, now: number): User {
  return {
    _id: openid,
    openid,
    nickname: '',
    realName: null,
    phone: null,
    phoneConsentAt: null,
    homeUnitId: null,
    homeOrgPath: null,
    grants: [],
    demo: false,
    createdAt: now,
    updatedAt: now,
  };
}
