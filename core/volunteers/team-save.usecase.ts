/**
 * team.save, team.leader.set and team.deactivate.
 * - team.save: a worker or leader of the community, or the secretary of a party organisation registered with
 *   it, forms a team (name, bond, description, services, the communities served: its own and others of the
 *   same street; a leader bound to the community, or none yet); its leader (or they) edit it later, keeping
 *   its community and its leader. Texts through content security.
 * - team.leader.set: the community's workers make a person bound to the community (or a member) the leader;
 *   the former leader stays a member.
 * - team.deactivate: the community's workers end the team: every member's grant of it is removed in the same
 *   transaction; it leaves the lists.
 */
import { checkAccess } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import type { TransactionPort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { refusalError } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { VolunteerTeam } from '../model/party.model';
import { residentNameOf, type User } from '../model/user.model';
import type { TeamMember } from '../model/volunteer-team.model';
import { isWithin, parentPathOf } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import {
  teamDeactivateSchema,
  teamLeaderSetSchema,
  teamSaveSchema,
  type TeamSaveCommand,
} from '../schemas/volunteer-team.schema';
import { activeTeamIn, loadTeamFor, screenTeamTexts, teamAudit } from './team-access';
import { admitMember, releaseMember } from './team-membership';
import { teamMemberId, withTeamGrant } from './team.rules';
import { volunteerError } from './volunteer.errors';
import type { TeamDeactivateResult, TeamLeaderSetResult, TeamSaveResult } from './team.replies';

type Db = UseCaseInput['ports']['db'];

async function communityUnit(db: Db, unitId: string): Promise<OrgUnit | null> {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  return unit !== null && unit.level === 'community' ? unit : null;
}

/**
 * The community a new team is formed in, checked against the matrix (team.manage): a community the caller
 * does not serve answers like one that does not exist (TEAM_COMMUNITY_NOT_FOUND).
 */
async function formingCommunity(db: Db, actor: Actor, communityId: string): Promise<OrgUnit> {
  const unit = await communityUnit(db, communityId);
  const access = checkAccess(actor, 'team.manage', { orgPath: unit?.path ?? '' });
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (unit === null || !access.ok) throw volunteerError('TEAM_COMMUNITY_NOT_FOUND', { communityId });
  return unit;
}

/** The other communities served: communities of the community's street (TEAM_SERVED_COMMUNITY_INVALID). */
async function otherCommunities(db: Db, community: OrgUnit, ids: readonly string[]): Promise<string[]> {
  const others = ids.filter((id) => id !== community._id);
  if (others.length === 0) return [];
  const units = await db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { _id: db.command.in(others) },
    { limit: others.length },
  );
  const street = parentPathOf(community.path);
  const ok = (id: string) =>
    units.some((u) => u._id === id && u.level === 'community' && parentPathOf(u.path) === street);
  if (!others.every(ok)) throw volunteerError('TEAM_SERVED_COMMUNITY_INVALID');
  return others;
}

/** A person bound to the community (their home, or a grant there) may lead one of its teams. */
function boundTo(user: User | null, communityPath: string): boolean {
  if (user === null || (user.deletedAt ?? null) !== null) return false;
  return (
    isWithin(user.homeOrgPath, communityPath) ||
    user.grants.some((g) => g.role !== 'system' && isWithin(g.orgPath, communityPath))
  );
}

/** The secretary's party organisation, when a secretary forms the team. */
function partyOrgOf(actor: Actor, communityPath: string): string | null {
  const grant = actor.grants.find(
    (g) =>
      g.role === 'party_member' &&
      g.position === 'secretary' &&
      g.partyOrgId !== undefined &&
      isWithin(communityPath, g.orgPath),
  );
  return grant?.partyOrgId ?? null;
}

async function createTeam(input: UseCaseInput, command: TeamSaveCommand): Promise<TeamSaveResult> {
  const { ports, actor } = input;
  const community = await formingCommunity(ports.db, actor, command.communityId);
  const others = await otherCommunities(ports.db, community, command.otherCommunityIds);
  const leaderOpenid = command.leaderOpenid ?? null;
  await screenTeamTexts(ports.contentSecurity, actor.openid, [command.name, command.description]);
  return runCommand(ports, actor, 'team.save', command, async ({ tx, now, audit }) => {
    const id = `team-${ports.ids.next()}`;
    let team: VolunteerTeam = {
      _id: id,
      name: command.name,
      description: command.description,
      bond: command.bond,
      services: command.services,
      communityId: community._id,
      servedCommunityIds: [community._id, ...others],
      partyOrgId: partyOrgOf(actor, community.path),
      leaderOpenid: null,
      leaderName: '',
      memberCount: 0,
      active: true,
      serviceCount: 0,
      serviceMinutes: 0,
      orgPath: community.path,
      createdAt: now,
      updatedAt: now,
    };
    if (leaderOpenid !== null) {
      const user = await tx.get<User>(COLLECTIONS.users, leaderOpenid);
      if (!boundTo(user, community.path)) throw volunteerError('TEAM_LEADER_NOT_IN_COMMUNITY');
      const admitted = await admitMember(tx, {
        team,
        openid: leaderOpenid,
        position: 'leader',
        via: 'appointed',
        now,
      });
      team = { ...team, leaderOpenid, leaderName: admitted.name, memberCount: 1 };
    }
    await tx.insert(COLLECTIONS.volunteerTeams, team);
    audit(teamAudit(team, `组建志愿服务队：${team.name}`));
    return { teamId: id, created: true };
  });
}

async function editTeam(
  input: UseCaseInput,
  command: TeamSaveCommand,
  teamId: string,
): Promise<TeamSaveResult> {
  const { ports, actor } = input;
  const seen = await loadTeamFor(ports.db, actor, teamId, 'team.manage');
  if (command.communityId !== seen.communityId) throw volunteerError('TEAM_COMMUNITY_FIXED');
  if (command.leaderOpenid !== undefined && command.leaderOpenid !== seen.leaderOpenid) {
    throw volunteerError('TEAM_LEADER_FIXED');
  }
  const community = await communityUnit(ports.db, seen.communityId);
  if (community === null) throw volunteerError('TEAM_COMMUNITY_NOT_FOUND', { communityId: seen.communityId });
  const others = await otherCommunities(ports.db, community, command.otherCommunityIds);
  await screenTeamTexts(ports.contentSecurity, actor.openid, [command.name, command.description]);
  return runCommand(ports, actor, 'team.save', command, async ({ tx, now, audit }) => {
    const team = await activeTeamIn(tx, teamId);
    await tx.update(COLLECTIONS.volunteerTeams, teamId, {
      name: command.name,
      description: command.description,
      bond: command.bond,
      services: command.services,
      servedCommunityIds: [team.communityId, ...others],
      updatedAt: now,
    });
    audit(teamAudit(team, `修改志愿服务队：${command.name}`));
    return { teamId, created: false };
  });
}

export async function saveTeam(input: UseCaseInput): Promise<TeamSaveResult> {
  requireIdentity(input.actor);
  const command = parseCommand(teamSaveSchema, input.command);
  return command.teamId === undefined ? createTeam(input, command) : editTeam(input, command, command.teamId);
}

/** The former leader becomes a member: their record and their grant. */
async function demoteLeader(tx: TransactionPort, team: VolunteerTeam, openid: string, now: number) {
  const member = await tx.get<TeamMember>(COLLECTIONS.teamMembers, teamMemberId(team._id, openid));
  if (member !== null && member.status === 'active') {
    await tx.update(COLLECTIONS.teamMembers, member._id, { position: 'member', updatedAt: now });
  }
  const user = await tx.get<User>(COLLECTIONS.users, openid);
  if (user !== null && user.grants.some((g) => g.role === 'volunteer' && g.teamId === team._id)) {
    await tx.update(COLLECTIONS.users, openid, {
      grants: withTeamGrant(user.grants, team, 'member'),
      updatedAt: now,
    });
  }
}

export async function setTeamLeader(input: UseCaseInput): Promise<TeamLeaderSetResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(teamLeaderSetSchema, input.command);
  await loadTeamFor(ports.db, actor, command.teamId, 'team.supervise');
  return runCommand(ports, actor, 'team.leader.set', command, async ({ tx, now, audit }) => {
    const team = await activeTeamIn(tx, command.teamId);
    const member = await tx.get<TeamMember>(COLLECTIONS.teamMembers, teamMemberId(team._id, command.openid));
    const user = await tx.get<User>(COLLECTIONS.users, command.openid);
    const isMember = member !== null && member.status === 'active';
    if (!isMember && !boundTo(user, team.orgPath)) throw volunteerError('TEAM_LEADER_NOT_IN_COMMUNITY');
    if (team.leaderOpenid === command.openid) {
      return {
        teamId: team._id,
        leaderOpenid: command.openid,
        leaderName: team.leaderName,
        memberCount: team.memberCount,
      };
    }
    if (team.leaderOpenid !== null) await demoteLeader(tx, team, team.leaderOpenid, now);
    const admitted = await admitMember(tx, {
      team,
      openid: command.openid,
      position: 'leader',
      via: 'appointed',
      now,
    });
    const memberCount = team.memberCount + admitted.added;
    await tx.update(COLLECTIONS.volunteerTeams, team._id, {
      leaderOpenid: command.openid,
      leaderName: admitted.name || residentNameOf(user),
      memberCount,
      updatedAt: now,
    });
    audit(teamAudit(team, `指定志愿服务队队长：${team.name}`));
    return { teamId: team._id, leaderOpenid: command.openid, leaderName: admitted.name, memberCount };
  });
}

/** Members a team can have at most when it is deactivated in one transaction. */
const MAX_RELEASED = 500;

export async function deactivateTeam(input: UseCaseInput): Promise<TeamDeactivateResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(teamDeactivateSchema, input.command);
  const seen = await loadTeamFor(ports.db, actor, command.teamId, 'team.supervise');
  // Queries never take part in a transaction: the members are found first, each read again inside it.
  const members = await ports.db.find<TeamMember>(
    COLLECTIONS.teamMembers,
    { teamId: seen._id, status: 'active' },
    { orderBy: [['_id', 'asc']], limit: MAX_RELEASED, fields: ['_id'] },
  );
  return runCommand(ports, actor, 'team.deactivate', command, async ({ tx, now, audit }) => {
    const team = await activeTeamIn(tx, command.teamId);
    let released = 0;
    for (const { _id } of members) {
      const member = await tx.get<TeamMember>(COLLECTIONS.teamMembers, _id);
      if (member === null || member.status !== 'active') continue;
      await releaseMember(tx, member, 'disbanded', actor.openid, now);
      released += 1;
    }
    await tx.update(COLLECTIONS.volunteerTeams, team._id, {
      active: false,
      memberCount: 0,
      updatedAt: now,
    });
    audit(teamAudit(team, `解散志愿服务队：${team.name}`));
    return { teamId: team._id, active: false as const, released };
  });
}
