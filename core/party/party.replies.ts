/** What the `party` function answers (docs/party.md); type-only, re-exported to the mini-program by core/client. */
import type {
  PartyMemberType,
  PartyOrgRank,
  PartyOrgType,
  RegistrantKind,
  RegistrationStatus,
} from '../model/party.model';

export interface PartyRegisterResult {
  readonly registrationId: string;
  readonly status: RegistrationStatus;
}

export interface PartyConfirmResult {
  readonly registrationId: string;
  readonly status: RegistrationStatus;
  /** The party organisation or party member record made on confirmation; null when not confirmed. */
  readonly registrantId: string | null;
}

export interface PartyLeaveResult {
  readonly memberId: string;
  readonly leftAt: number;
}

/** One 双报到 request as the community's workers and the applicant see it. */
export interface RegistrationItem {
  readonly registrationId: string;
  readonly kind: RegistrantKind;
  readonly kindLabel: string;
  readonly communityId: string;
  readonly communityName: string;
  readonly name: string;
  readonly workUnit: string;
  readonly contactPhone: string;
  readonly services: readonly string[];
  readonly status: RegistrationStatus;
  readonly statusLabel: string;
  /** party_org: 机关党组织..., 党委..., the declared member count and the secretary. */
  readonly orgTypeLabel: string | null;
  readonly rankLabel: string | null;
  readonly memberCount: number | null;
  readonly secretaryName: string | null;
  /** party_member: the registered party organisation named, if any. */
  readonly partyOrgId: string | null;
  readonly partyOrgName: string | null;
  readonly registrantId: string | null;
  readonly reason: string | null;
  readonly createdAt: number;
  /** 'YYYY-MM-DD HH:mm', Asia/Shanghai. */
  readonly createdAtText: string;
  readonly decidedAt: number | null;
  readonly decidedAtText: string | null;
}

export interface Paged<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

export type RegistrationListResult = Paged<RegistrationItem>;

/** The caller's registrations, newest first, each with whether its record is still active. */
export interface MyRegistrationItem extends RegistrationItem {
  /** The member record left the register (party.member.leave). */
  readonly left: boolean;
}

export type PartyMineResult = Paged<MyRegistrationItem>;

/** A registered party organisation a member may name (party.orgs): public facts only. */
export interface PartyOrgOption {
  readonly partyOrgId: string;
  readonly name: string;
  readonly typeLabel: string;
  readonly workUnit: string;
}

export type PartyOrgsResult = Paged<PartyOrgOption>;

export interface RosterOrgItem {
  readonly partyOrgId: string;
  readonly name: string;
  readonly type: PartyOrgType;
  readonly typeLabel: string;
  readonly rank: PartyOrgRank;
  readonly rankLabel: string;
  readonly workUnit: string;
  readonly secretaryName: string;
  readonly contactPhone: string;
  readonly phoneMasked: boolean;
  /** Registered members (the confirmed 双报到 naming it), or the seeded count of a community's own. */
  readonly memberCount: number;
  readonly declaredMemberCount: number | null;
  readonly registeredAt: number | null;
  /** Its members' confirmed service here (count and minutes). */
  readonly serviceCount: number;
  readonly serviceMinutes: number;
  /** Concerns it claimed as an organisation. */
  readonly claimedConcerns: number;
}

export interface RosterMemberItem {
  readonly memberId: string;
  readonly name: string;
  readonly workUnit: string;
  readonly partyOrgId: string;
  readonly partyOrgName: string;
  readonly memberType: PartyMemberType;
  readonly memberTypeLabel: string;
  readonly services: readonly string[];
  readonly phone: string;
  readonly phoneMasked: boolean;
  readonly registeredAt: number;
  readonly serviceCount: number;
  readonly serviceMinutes: number;
  /** Concerns they claimed themselves. */
  readonly claimedConcerns: number;
}

export interface RosterResult<T> extends Paged<T> {
  readonly communityId: string;
  readonly communityName: string;
}

export type PartyOrgRosterResult = RosterResult<RosterOrgItem>;
export type PartyMemberRosterResult = RosterResult<RosterMemberItem>;
