import type { RoleGrant } from '../auth/roles';
import type { BaseDocument, Millis, Timestamps } from './common.model';

/**
 * `users`: one WeChat identity (`_id` is the openid) with the roles it holds and where (the grants of
 * core/auth/roles.ts). Every identified user is also a resident of `homeOrgPath` once they bind a grid or
 * community; the resident grant is added when the actor is built, not stored.
 *
 * Personal data at rest: `nickname`, `realName` and `phone` are stored sealed (core/privacy/
 * personal-data.fields.ts, decision 0012); use cases read and write them plain through the sealed database.
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
  /**
   * The keyed hash (blind index) of `phone`, written beside it by the sealed database: finds the accounts
   * holding one number without storing it in clear. Null without a phone; absent on old records.
   */
  readonly phoneHash?: string | null;
  /**
   * The number is also on another account. Flagged for the workers, never refused and never told to the
   * caller (decision 0012): a refusal would tell anyone which numbers are registered, and let whoever typed
   * someone's number first lock its owner out.
   */
  readonly phoneShared?: boolean;
  /** When the user withdrew their phone consent (profile.phone.withdraw); `phone` is null since. */
  readonly phoneConsentWithdrawnAt?: Millis | null;
  /** The grid or community the user bound (居民所在小区/社区). */
  readonly homeUnitId: string | null;
  readonly homeOrgPath: string | null;
  readonly grants: readonly RoleGrant[];
  /** A demo identity seeded by demo/ (never in production data). */
  readonly demo: boolean;
  /**
   * When the user deleted their account (profile.delete): the record is emptied, not removed (the `_id` is the
   * openid and the database port removes nothing); a later profile write starts it afresh. Null or absent
   * otherwise.
   */
  readonly deletedAt?: Millis | null;
  /**
   * While a deletion is running: the pseudonym the user's kept records are given, so a retry after a crash
   * gives the rest the same one. Cleared when the deletion completes.
   */
  readonly erasure?: { readonly pseudonym: string; readonly startedAt: Millis } | null;
  /**
   * A resident without a WeChat account, registered by a worker who places orders for them (代下单; decision
   * 0020): `_id` is `offline-<id>`; no one signs in as them (openids come from WeChat's context). Absent: a
   * WeChat user.
   */
  readonly offline?: { readonly registeredBy: string; readonly registeredAt: Millis } | null;
  /**
   * A worker on duty (值班) for a community's urgent requests (紧急求助): the community's org path, since when
   * and who marked it. Null or absent: not on duty.
   */
  readonly duty?: { readonly orgPath: string; readonly since: Millis; readonly markedBy: string } | null;
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

/** The name a resident is shown by to workers: the real name a worker typed, else their nickname. */
export function residentNameOf(user: Pick<User, 'realName' | 'nickname'> | null): string {
  return user?.realName || user?.nickname || '居民';
}
