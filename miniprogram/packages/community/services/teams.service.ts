/**
 * The `volunteers` function's team commands, as the community subpackage calls them (docs/volunteers.md#teams):
 * my community's teams, one team, joining by application or with a code, leaving, and the leader's invitation
 * codes and decisions. Each call answers the core's own reply type (weimin-core, types only); writes carry a
 * request id per intent (services/call.ts).
 */
import type {
  TeamDecideResult,
  TeamDetail,
  TeamInviteResult,
  TeamJoinResult,
  TeamListResult,
  TeamMemberChangeResult,
} from 'weimin-core';
import { query, write } from '../../../services/call';

export const TEAM_PAGE_SIZE = 20;
/** Members shown on a team's page at once. */
export const TEAM_MEMBERS_SHOWN = 50;

/** One page (1-based) of the teams serving my community. */
export function listTeams(page: number): Promise<TeamListResult> {
  return query<TeamListResult>('volunteers', 'team.list', { page, pageSize: TEAM_PAGE_SIZE });
}

export function teamDetail(teamId: string): Promise<TeamDetail> {
  return query<TeamDetail>('volunteers', 'team.detail', { teamId, pageSize: TEAM_MEMBERS_SHOWN });
}

/** Without a code: an application to the leader; with one: a member at once. */
export function joinTeam(teamId: string, inviteCode?: string): Promise<TeamJoinResult> {
  const input = inviteCode === undefined ? { teamId } : { teamId, inviteCode };
  return write<TeamJoinResult>('volunteers', 'team.join', `team.join:${teamId}:${inviteCode ?? ''}`, input);
}

export function leaveTeam(teamId: string): Promise<TeamMemberChangeResult> {
  return write<TeamMemberChangeResult>('volunteers', 'team.leave', `team.leave:${teamId}`, { teamId });
}

/** A fresh code each time (its own intent per tap). */
export function inviteToTeam(teamId: string, tap: number): Promise<TeamInviteResult> {
  return write<TeamInviteResult>('volunteers', 'team.invite', `team.invite:${teamId}:${tap}`, { teamId });
}

export function decideApplication(applicationId: string, approve: boolean): Promise<TeamDecideResult> {
  return write<TeamDecideResult>(
    'volunteers',
    'team.application.decide',
    `team.application.decide:${applicationId}`,
    { applicationId, approve },
  );
}
