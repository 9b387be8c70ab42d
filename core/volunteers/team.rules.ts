/**
 * The pure rules of volunteer teams (微团队, docs/volunteers.md#teams): the ids of a person's membership and
 * application, the leader's invitation codes, the `volunteer` grant a member holds, the public view of a team,
 * and what the caller may do with it (`actions`, decided here, shown as buttons by the mini-program and the
 * console).
 */
import { can, type AccessTarget } from '../auth/authorize';
import { maskedName } from '../auth/concern-access';
import type { Actor, RoleGrant } from '../auth/roles';
import { cyrb53 } from '../idempotency/request.fingerprint';
import { TEAM_BOND_LABELS, type VolunteerTeam } from '../model/party.model';
import type { TeamPosition } from '../model/volunteer-team.model';
import { unitIdOfPath } from '../org/org-path';
import { communitiesOf } from './activity.rules';
import type { TeamAction, TeamMyState, TeamSummary } from './team.replies';

/** A person's membership record of a team, and their application to it: one of each per person and team. */
export function teamMemberId(teamId: string, openid: string): string {
  return `${teamId}_${openid}`;
}
export const teamApplicationId = teamMemberId;

/**
 * Invitation codes are read aloud and typed by hand: 8 characters of an alphabet without the look-alikes 0/O
 * and 1/I (32 characters, 40 bits), as the providers' staff invitations.
 */
export const TEAM_INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const TEAM_INVITE_LENGTH = 8;

/** The code made from one fresh id of the IdGenerator port; a collision is detected by the caller and redrawn. */
export function teamInviteCodeFrom(id: string): string {
  let bits = cyrb53(`team-invite|${id}`, 0x7e_a3_11);
  let code = '';
  for (let i = 0; i < TEAM_INVITE_LENGTH; i += 1) {
    code += TEAM_INVITE_ALPHABET[bits % TEAM_INVITE_ALPHABET.length];
    bits = Math.floor(bits / TEAM_INVITE_ALPHABET.length);
  }
  return code;
}

/** What the matrix checks a team against: its community and the team itself (its leader's grant). */
export function teamTarget(team: Pick<VolunteerTeam, '_id' | 'orgPath'>): AccessTarget {
  return { orgPath: team.orgPath, teamId: team._id };
}

/** The `volunteer` grant of a member: the team, the position, the team's community. */
export function teamGrantOf(team: Pick<VolunteerTeam, '_id' | 'orgPath'>, position: TeamPosition): RoleGrant {
  return { role: 'volunteer', orgPath: team.orgPath, teamId: team._id, position };
}

/** The grants with the team's grant set to `position` (added, or replacing the one held). */
export function withTeamGrant(
  grants: readonly RoleGrant[],
  team: Pick<VolunteerTeam, '_id' | 'orgPath'>,
  position: TeamPosition,
): RoleGrant[] {
  return [...withoutTeamGrant(grants, team._id), teamGrantOf(team, position)];
}

/** The grants without the team's `volunteer` grant. */
export function withoutTeamGrant(grants: readonly RoleGrant[], teamId: string): RoleGrant[] {
  return grants.filter((g) => !(g.role === 'volunteer' && g.teamId === teamId));
}

/** Minutes as hours with one decimal. */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** A team as anyone may see it: the leader's name masked. */
export function teamSummary(team: VolunteerTeam): TeamSummary {
  return {
    teamId: team._id,
    name: team.name,
    bond: team.bond,
    bondLabel: TEAM_BOND_LABELS[team.bond],
    services: team.services,
    communityId: team.communityId,
    leaderName: team.leaderOpenid === null ? '待定' : maskedName(team.leaderName),
    memberCount: team.memberCount,
    serviceCount: team.serviceCount,
    serviceHours: hoursOf(team.serviceMinutes),
    active: team.active,
  };
}

/** Whether the actor's communities (bound home, grants) include one the team serves: they may apply. */
export function livesWhereTeamServes(actor: Actor, team: Pick<VolunteerTeam, 'servedCommunityIds'>): boolean {
  return communitiesOf(actor).some((path) => team.servedCommunityIds.includes(unitIdOfPath(path)));
}

/** Those who see members' phones in full: the team's leader and the community's workers and leaders. */
export function seesMemberPhones(actor: Actor, team: Pick<VolunteerTeam, '_id' | 'orgPath'>): boolean {
  return can(actor, 'volunteer.phone.view', teamTarget(team));
}

/**
 * What the caller may do with the team now: apply or join with a code (not a member, no application waiting;
 * applying only where the team serves), leave (a member, not the leader), the leader's and workers' invite,
 * decide and remove, edit (team.manage), the workers' set leader and deactivate. An inactive team offers
 * nothing.
 */
export function teamActions(actor: Actor, team: VolunteerTeam, state: TeamMyState): TeamAction[] {
  if (!team.active) return [];
  const out: TeamAction[] = [];
  if (state === 'none' && livesWhereTeamServes(actor, team)) out.push('apply');
  if (state === 'none' || state === 'pending') out.push('join_with_code');
  if (state === 'member') out.push('leave');
  const target = teamTarget(team);
  if (can(actor, 'team.lead', target)) out.push('invite', 'decide', 'remove_member');
  if (can(actor, 'team.manage', target)) out.push('edit');
  if (can(actor, 'team.supervise', target)) out.push('set_leader', 'deactivate');
  return out;
}
