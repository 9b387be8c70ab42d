import type { BaseDocument, CalendarDate, Located, Millis, Timestamps } from './common.model';

/** Where a party organisation sits: a community's own, a grid's, or a 机关企事业单位 that registered (双报到). */
export const PARTY_ORG_TYPES = ['community', 'grid', 'organ', 'enterprise', 'institution', 'social'] as const;
export type PartyOrgType = (typeof PARTY_ORG_TYPES)[number];

export const PARTY_ORG_TYPE_LABELS: Readonly<Record<PartyOrgType, string>> = {
  community: '社区党组织',
  grid: '小区（网格）党支部',
  organ: '机关党组织',
  enterprise: '企业党组织',
  institution: '事业单位党组织',
  social: '社会组织党组织',
};

export const PARTY_ORG_RANKS = ['committee', 'general_branch', 'branch'] as const;
export type PartyOrgRank = (typeof PARTY_ORG_RANKS)[number];

export const PARTY_ORG_RANK_LABELS: Readonly<Record<PartyOrgRank, string>> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
};

/**
 * `party_orgs`: 党组织. `orgPath` is the community it belongs to or registered with (双报到): the concerns
 * of that community (and those pushed up from it) are the ones it may claim.
 */
export interface PartyOrg extends BaseDocument, Timestamps, Located {
  readonly name: string;
  readonly type: PartyOrgType;
  readonly rank: PartyOrgRank;
  readonly orgUnitId: string;
  /** The host unit (机关企事业单位), or the community's name for a community's own organisation. */
  readonly workUnit: string;
  readonly secretaryName: string;
  readonly contactPhone: string;
  /** Its registered members: the confirmed 双报到 of members naming it (core/party; decision 0041). */
  readonly memberCount: number;
  /** When its 双报到 with the community was confirmed; null for the community's own organisation. */
  readonly registeredAt: Millis | null;
  /** The secretary who applied (双报到); absent or null for the community's own and the seeded ones. */
  readonly secretaryOpenid?: string | null;
  /** How many party members it says it has (党员人数, from its 双报到 form). */
  readonly declaredMemberCount?: number | null;
}

export const PARTY_MEMBER_TYPES = ['in_service', 'retired'] as const;
export type PartyMemberType = (typeof PARTY_MEMBER_TYPES)[number];

export const PARTY_MEMBER_TYPE_LABELS: Readonly<Record<PartyMemberType, string>> = {
  in_service: '在职党员',
  retired: '离退休党员',
};

/** `party_members`: 党员 registered with a community (双报到). `openid` is null until they bind the mini-program. */
export interface PartyMember extends BaseDocument, Timestamps, Located {
  readonly openid: string | null;
  readonly name: string;
  readonly phone: string;
  readonly partyOrgId: string;
  readonly memberType: PartyMemberType;
  readonly workUnit: string;
  /** What they offer to do (理发、卫生清洁、治安巡防...). */
  readonly services: readonly string[];
  readonly registeredAt: Millis;
  readonly serviceCount: number;
  readonly serviceMinutes: number;
  /** When they left the community's register (party.member.leave): the record is kept; absent or null: active. */
  readonly leftAt?: Millis | null;
  readonly leftBy?: string | null;
  readonly leftReason?: string | null;
}

/** What brings a 微团队 together: 地缘 (where they live), 趣缘 (shared interest), 业缘 (shared trade). */
export const TEAM_BONDS = ['geographic', 'interest', 'occupational'] as const;
export type TeamBond = (typeof TEAM_BONDS)[number];

export const TEAM_BOND_LABELS: Readonly<Record<TeamBond, string>> = {
  geographic: '地缘',
  interest: '趣缘',
  occupational: '业缘',
};

/** `volunteer_teams`: 志愿服务队 / 微团队 of a community. Members hold a `volunteer` grant with its `teamId`. */
export interface VolunteerTeam extends BaseDocument, Timestamps, Located {
  readonly name: string;
  readonly description: string;
  readonly bond: TeamBond;
  readonly services: readonly string[];
  readonly communityId: string;
  /**
   * The communities it serves: its own first, then others of the same street (team.save); `team.list` of a
   * community lists the active teams serving it.
   */
  readonly servedCommunityIds: readonly string[];
  /** The party organisation that formed it, if any. */
  readonly partyOrgId: string | null;
  readonly leaderOpenid: string | null;
  readonly leaderName: string;
  readonly memberCount: number;
  readonly active: boolean;
  readonly serviceCount: number;
  readonly serviceMinutes: number;
}

/**
 * Who registers with a community (the kinds `party.register` accepts: REGISTRANT_KINDS of
 * core/schemas/party.schema.ts). Spelled out here rather than taken from the schema so the mini-program's types
 * (core/client) never reach zod; records of a kind the schema no longer accepts still read.
 */
export type RegistrantKind = 'party_org' | 'party_member' | 'volunteer_team';

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** `dual_registrations`: a 双报到 request to a community and the community's answer. */
export interface DualRegistration extends BaseDocument, Timestamps, Located {
  readonly kind: RegistrantKind;
  readonly applicantOpenid: string;
  readonly communityId: string;
  readonly name: string;
  readonly workUnit: string;
  readonly contactPhone: string;
  readonly services: readonly string[];
  readonly status: RegistrationStatus;
  /** The party org, party member or team record created or linked on confirmation. */
  readonly registrantId: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Millis | null;
  readonly reason: string | null;
  /** party_org: its type, rank and declared member count (absent on older records). */
  readonly orgType?: PartyOrgType | null;
  readonly rank?: PartyOrgRank | null;
  readonly memberCount?: number | null;
  readonly secretaryName?: string | null;
  /** party_member: the registered party organisation they named, if any. */
  readonly partyOrgId?: string | null;
}

/** `volunteer_service_logs`: one volunteer service (志愿服务) for the ledger; `orgPath` is where it took place. */
export interface VolunteerServiceLog extends BaseDocument, Located {
  readonly teamId: string | null;
  readonly loggedBy: string;
  readonly orgUnitId: string;
  readonly serviceDate: CalendarDate;
  readonly minutes: number;
  readonly participants: number;
  readonly content: string;
  readonly images: readonly string[];
  readonly createdAt: Millis;
}
