/**
 * admin-api's 微团队 routes (cloudfunctions/admin-api/routes/teams.routes.ts), typed with the core's replies: the
 * unit's teams, one team with its members and applications, forming and editing, invitation codes, decisions
 * on applications, the leader, removal and deactivation.
 */
import type {
  TeamDecideResult,
  TeamDeactivateResult,
  TeamDetail,
  TeamInviteResult,
  TeamLeaderSetResult,
  TeamMemberChangeResult,
  TeamSaveResult,
  UnitTeamList,
} from '../../../../core/volunteers/team.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

const BASE = '/console/api/teams';
const one = (id: string) => encodeURIComponent(id);

export interface TeamForm {
  communityId: string;
  name: string;
  bond: string;
  description: string;
  services: string[];
  otherCommunityIds: string[];
  clientRequestId: string;
}

export const unitTeams = (filters: Filters) => get<UnitTeamList>(`${BASE}${queryOf(filters)}`);
export const teamDetail = (teamId: string, page = 1) =>
  get<TeamDetail>(`${BASE}/${one(teamId)}${queryOf({ page, pageSize: 50 })}`);
export const formTeam = (form: TeamForm) => post<TeamSaveResult>(BASE, form);
export const editTeam = (teamId: string, form: TeamForm) =>
  post<TeamSaveResult>(`${BASE}/${one(teamId)}`, form);
export const inviteCode = (teamId: string, clientRequestId: string) =>
  post<TeamInviteResult>(`${BASE}/${one(teamId)}/invite`, { clientRequestId });
export const decideApplication = (applicationId: string, approve: boolean, clientRequestId: string) =>
  post<TeamDecideResult>(`${BASE}/applications/${one(applicationId)}/decision`, { approve, clientRequestId });
export const setLeader = (teamId: string, openid: string, clientRequestId: string) =>
  post<TeamLeaderSetResult>(`${BASE}/${one(teamId)}/leader`, { openid, clientRequestId });
export const removeMember = (teamId: string, openid: string, clientRequestId: string) =>
  post<TeamMemberChangeResult>(`${BASE}/${one(teamId)}/members/${one(openid)}/remove`, { clientRequestId });
export const deactivateTeam = (teamId: string, clientRequestId: string) =>
  post<TeamDeactivateResult>(`${BASE}/${one(teamId)}/deactivate`, { clientRequestId });
