/**
 * The membership of volunteer teams (微团队, core/model/party.model.ts `VolunteerTeam`): who belongs to a team
 * and how they came in, the applications waiting for the leader, and the leader's one-time invitation codes
 * (docs/volunteers.md#teams). A member also holds a `volunteer` grant with the team's id (core/auth/roles.ts)
 * and a volunteer profile with a number (`volunteers`).
 */
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

/** A member leads the team or is one of its members. */
export const TEAM_POSITIONS = ['leader', 'member'] as const;
export type TeamPosition = (typeof TEAM_POSITIONS)[number];

export const TEAM_POSITION_LABELS: Readonly<Record<TeamPosition, string>> = {
  leader: '队长',
  member: '队员',
};

/** How a person came into the team. */
export const TEAM_JOIN_WAYS = ['invitation', 'application', 'appointed'] as const;
export type TeamJoinWay = (typeof TEAM_JOIN_WAYS)[number];

/** active; left of their own accord; removed by the leader or a worker; the team was deactivated. */
export const TEAM_MEMBER_STATUSES = ['active', 'left', 'removed', 'disbanded'] as const;
export type TeamMemberStatus = (typeof TEAM_MEMBER_STATUSES)[number];

/**
 * `team_members`: one person in one team, `_id` `${teamId}_${openid}` (one record per person and team, reused
 * when they join again). `orgPath` is the team's community. The name shown is the user's, read when listed.
 */
export interface TeamMember extends BaseDocument, Timestamps, Located {
  readonly teamId: string;
  readonly openid: string;
  readonly position: TeamPosition;
  readonly status: TeamMemberStatus;
  readonly via: TeamJoinWay;
  readonly joinedAt: Millis;
  readonly leftAt: Millis | null;
  /** Who removed them (the leader or a worker); null otherwise. */
  readonly removedBy: string | null;
}

export const TEAM_APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TeamApplicationStatus = (typeof TEAM_APPLICATION_STATUSES)[number];

export const TEAM_APPLICATION_STATUS_LABELS: Readonly<Record<TeamApplicationStatus, string>> = {
  pending: '待队长审核',
  approved: '已通过',
  rejected: '未通过',
};

/**
 * `team_applications`: a person's application to join a team, `_id` `${teamId}_${openid}` (one pending at a
 * time; a new application after a rejection reuses the record). The leader (or a worker) decides it.
 */
export interface TeamApplication extends BaseDocument, Timestamps, Located {
  readonly teamId: string;
  readonly openid: string;
  readonly status: TeamApplicationStatus;
  readonly appliedAt: Millis;
  readonly decidedBy: string | null;
  readonly decidedAt: Millis | null;
}

/**
 * `team_invites`: a leader's one-time invitation code (`_id` is the code): valid until `expiresAt`, used by
 * one person once.
 */
export interface TeamInvite extends BaseDocument, Located {
  readonly teamId: string;
  readonly inviteCode: string;
  readonly createdBy: string;
  readonly createdAt: Millis;
  readonly expiresAt: Millis;
  readonly usedBy: string | null;
  readonly usedAt: Millis | null;
}
