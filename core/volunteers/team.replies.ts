/** What the `volunteers` function answers for volunteer teams (微团队, docs/volunteers.md#teams). Types only. */
import type { TeamBond } from '../model/party.model';
import type { TeamMemberStatus, TeamPosition } from '../model/volunteer-team.model';

/**
 * What the caller may do with a team, decided in the core: apply (without a code), join with a code, leave;
 * the leader's (and the workers') invite, decide applications, remove members; edit; the workers' set leader
 * and deactivate.
 */
export type TeamAction =
  | 'apply'
  | 'join_with_code'
  | 'leave'
  | 'invite'
  | 'decide'
  | 'remove_member'
  | 'edit'
  | 'set_leader'
  | 'deactivate';

/** The caller's place in the team. */
export type TeamMyState = 'leader' | 'member' | 'pending' | 'none';

/** A team as anyone may see it (the public view of team.list). */
export interface TeamSummary {
  readonly teamId: string;
  readonly name: string;
  readonly bond: TeamBond;
  readonly bondLabel: string;
  readonly services: readonly string[];
  readonly communityId: string;
  /** The leader's name masked (张**); '待定' while no leader is set. */
  readonly leaderName: string;
  readonly memberCount: number;
  readonly serviceCount: number;
  /** Confirmed service hours, one decimal. */
  readonly serviceHours: number;
  readonly active: boolean;
}

export interface TeamListResult {
  readonly communityId: string;
  readonly items: readonly TeamSummary[];
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

export interface TeamMineItem extends TeamSummary {
  readonly position: TeamPosition;
  readonly positionLabel: string;
}

export interface TeamMineResult {
  readonly items: readonly TeamMineItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

/** One member as the caller may see them: the phone in full only to the leader and the community's workers. */
export interface TeamMemberView {
  readonly openid: string;
  /** In full to the team's members, its leader and the workers; masked (张**) to anyone else. */
  readonly name: string;
  readonly position: TeamPosition;
  readonly positionLabel: string;
  /** '' without a phone; masked (138****1234) unless `phoneMasked` is false. */
  readonly phone: string;
  readonly phoneMasked: boolean;
  readonly volunteerNo: string | null;
  readonly joinedAt: number;
}

/** A pending application, for those who decide it. */
export interface TeamApplicationView {
  readonly applicationId: string;
  readonly openid: string;
  readonly name: string;
  readonly phone: string;
  readonly phoneMasked: boolean;
  readonly appliedAt: number;
}

export interface TeamDetail extends TeamSummary {
  readonly description: string;
  /** The team's own community first, then the others it serves, with their names. */
  readonly servedCommunities: readonly { readonly communityId: string; readonly name: string }[];
  readonly partyOrgId: string | null;
  readonly myState: TeamMyState;
  readonly actions: readonly TeamAction[];
  /** A page of the active members, the leader first. */
  readonly members: readonly TeamMemberView[];
  readonly page: number;
  readonly pageSize: number;
  readonly hasMoreMembers: boolean;
  /** The pending applications (the first 50), for those with `decide`; else empty. */
  readonly applications: readonly TeamApplicationView[];
  readonly pendingCount: number;
}

export interface TeamSaveResult {
  readonly teamId: string;
  readonly created: boolean;
}

export interface TeamInviteResult {
  readonly teamId: string;
  readonly teamName: string;
  readonly inviteCode: string;
  readonly expiresAt: number;
}

export interface TeamJoinResult {
  readonly teamId: string;
  readonly teamName: string;
  /** member: joined with a code; pending: an application waits for the leader. */
  readonly state: 'member' | 'pending';
  /** The volunteer number (YL…) of a new member; null for an application. */
  readonly volunteerNo: string | null;
}

export interface TeamDecideResult {
  readonly applicationId: string;
  readonly teamId: string;
  readonly status: 'approved' | 'rejected';
  readonly volunteerNo: string | null;
  readonly memberCount: number;
}

/** team.leave and team.member.remove. */
export interface TeamMemberChangeResult {
  readonly teamId: string;
  readonly openid: string;
  readonly status: TeamMemberStatus;
  readonly memberCount: number;
}

export interface TeamLeaderSetResult {
  readonly teamId: string;
  readonly leaderOpenid: string;
  readonly leaderName: string;
  readonly memberCount: number;
}

export interface TeamDeactivateResult {
  readonly teamId: string;
  readonly active: false;
  /** Members whose grant of the team was removed. */
  readonly released: number;
}

/** A row of the console's 微团队 list: the public view plus the leader's full name (workers may see it). */
export interface UnitTeamRow extends TeamSummary {
  readonly leaderFullName: string;
  readonly createdAt: number;
}

export interface UnitTeamList {
  readonly items: readonly UnitTeamRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}
