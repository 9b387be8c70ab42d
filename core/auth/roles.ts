/**
 * Who acts on the platform: roles, the grants that give a person a role somewhere, and the actor a
 * cloud function builds from the WeChat identity plus the user's stored grants.
 */

/** Roles a person can be given; `system` is the platform's own and never granted. */
export const GRANTABLE_ROLES = [
  'resident',
  'provider_staff',
  'party_member',
  'volunteer',
  'worker',
  'leader',
  'industry_regulator',
  'joint_meeting_office',
  'system_admin',
] as const;

/** Every role of the platform, in the column order of the permission matrix. */
export const ROLES = [...GRANTABLE_ROLES, 'system'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  resident: '居民',
  provider_staff: '服务机构人员',
  party_member: '党员',
  volunteer: '志愿者',
  worker: '平台管理人员',
  leader: '负责人',
  industry_regulator: '行业主管部门',
  joint_meeting_office: '联席会议办公室',
  system_admin: '系统管理员',
  system: '系统',
};

/**
 * A position inside the organisation a grant points at: provider staff are a `manager` or a `member`
 * of one provider; volunteers are a `leader` or a `member` of one team; a party member may be the
 * `secretary` of their party organisation.
 */
export const POSITIONS = ['manager', 'member', 'leader', 'secretary'] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABELS: Readonly<Record<Position, string>> = {
  manager: '负责人',
  member: '成员',
  leader: '队长',
  secretary: '书记',
};

/**
 * One role held by one person, with where it applies. Kept flat (not a union per role) because grants are
 * stored as plain documents in the user's record.
 *
 * - `orgPath`: the org unit the grant is scoped to, a path root-to-node ending in '/'
 *   (e.g. `/yulin/yuzhou/yucheng/xx-community/`). For a resident it is their bound grid or community
 *   (absent until they bind one); for a worker, leader, regulator or joint-meeting office the unit they
 *   serve; for party members and volunteers the community they registered with (双报到).
 * - `providerId`: for provider_staff, the one provider they belong to.
 * - `teamId`: for volunteers, their team (微团队).
 * - `partyOrgId`: for party members, their party organisation.
 * - `industry`: for an industry regulator, the industry it oversees (core/model/industry.model.ts); absent: a
 *   regulator of the unit for every industry.
 */
export interface RoleGrant {
  readonly role: Role;
  readonly orgPath?: string;
  readonly providerId?: string;
  readonly teamId?: string;
  readonly partyOrgId?: string;
  readonly position?: Position;
  readonly industry?: string;
}

/** The person (or the platform itself) making a request: identity from the WeChat context, grants from the database. */
export interface Actor {
  readonly openid: string;
  readonly grants: readonly RoleGrant[];
}

/**
 * The providers the actor works for (their provider_staff grants). Staff never see their own provider
 * offered, nor order from it or rate it: every WeChat user is also a resident.
 */
export function staffProviderIds(actor: Actor): ReadonlySet<string> {
  return new Set(
    actor.grants.flatMap((g) =>
      g.role === 'provider_staff' && g.providerId !== undefined ? [g.providerId] : [],
    ),
  );
}

/** What an event records about who made a change. */
export interface ActingAs {
  readonly openid: string;
  readonly role: Role;
}

/** The openid timers and other platform jobs act under; no WeChat user can have it (real openids have no colon). */
export const SYSTEM_OPENID = 'system:platform';

/** The platform itself, as used by timer functions (expiry, escalation, auto-close). */
export const SYSTEM_ACTOR: Actor = { openid: SYSTEM_OPENID, grants: [{ role: 'system' }] };

/**
 * Every identified WeChat user holds the resident grant (their own orders, concerns and profile), in
 * addition to any role granted to them; this builds the actor a cloud function should authorize with.
 */
export function actorWithResidentGrant(
  openid: string,
  homeOrgPath: string | undefined,
  grants: readonly RoleGrant[],
): Actor {
  const hasResident = grants.some((g) => g.role === 'resident');
  const resident: RoleGrant =
    homeOrgPath === undefined ? { role: 'resident' } : { role: 'resident', orgPath: homeOrgPath };
  return { openid, grants: hasResident ? grants : [resident, ...grants] };
}
