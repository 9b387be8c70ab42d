/**
 * Membership of a team (微团队): the leader's one-time invitation codes (team.invite), joining with a code (a
 * member at once) or without one (an application to the leader, for people of the communities the team
 * serves), the leader's decision (team.application.decide), leaving (team.leave) and removal
 * (team.member.remove, by the leader or the community's workers). Every change of membership writes the
 * member's record, their `volunteer` grant, their volunteer profile (with its number) and the team's
 * `memberCount` in one transaction (team-membership.ts).
 */
import { authorize, checkAccess } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { refusalError } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { VolunteerTeam } from '../model/party.model';
import type { TeamApplication, TeamInvite, TeamMember } from '../model/volunteer-team.model';
import { parseCommand } from '../schemas/command.parser';
import {
  teamApplicationDecideSchema,
  teamInviteSchema,
  teamJoinSchema,
  teamLeaveSchema,
  teamMemberRemoveSchema,
} from '../schemas/volunteer-team.schema';
import { activeTeamIn, loadTeamFor, teamAudit } from './team-access';
import { admitMember, releaseMember } from './team-membership';
import {
  livesWhereTeamServes,
  teamApplicationId,
  teamInviteCodeFrom,
  teamMemberId,
  teamTarget,
} from './team.rules';
import { volunteerError } from './volunteer.errors';
import type {
  TeamDecideResult,
  TeamInviteResult,
  TeamJoinResult,
  TeamMemberChangeResult,
} from './team.replies';

const DAY_MS = 24 * 3_600_000;
/** Codes drawn before giving up; with 2^40 codes a single collision is already rare. */
const INVITE_CODE_ATTEMPTS = 5;

export async function inviteToTeam(input: UseCaseInput): Promise<TeamInviteResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(teamInviteSchema, input.command);
  await loadTeamFor(ports.db, actor, command.teamId, 'team.lead');
  return runCommand(ports, actor, 'team.invite', command, async ({ tx, now }) => {
    const team = await activeTeamIn(tx, command.teamId);
    let inviteCode: string | undefined;
    for (let attempt = 0; attempt < INVITE_CODE_ATTEMPTS && inviteCode === undefined; attempt += 1) {
      const candidate = teamInviteCodeFrom(ports.ids.next());
      if ((await tx.get<TeamInvite>(COLLECTIONS.teamInvites, candidate)) === null) inviteCode = candidate;
    }
    // A deployment whose ids repeat: a bug, not the user's error (INTERNAL, nothing written).
    if (inviteCode === undefined)
      throw new Error(`no free team invite code after ${INVITE_CODE_ATTEMPTS} attempts`);
    const expiresAt = now + config.volunteers.teamInviteValidDays * DAY_MS;
    const invite: TeamInvite = {
      _id: inviteCode,
      teamId: team._id,
      inviteCode,
      createdBy: actor.openid,
      createdAt: now,
      expiresAt,
      usedBy: null,
      usedAt: null,
      orgPath: team.orgPath,
    };
    await tx.insert(COLLECTIONS.teamInvites, invite);
    return { teamId: team._id, teamName: team.name, inviteCode, expiresAt };
  });
}

/** The invitation, checked: this team's, unused, unexpired. */
function checkInvite(invite: TeamInvite | null, team: VolunteerTeam, now: number): TeamInvite {
  if (invite === null || invite.teamId !== team._id) throw volunteerError('TEAM_INVITE_NOT_FOUND');
  if (invite.usedBy !== null) throw volunteerError('TEAM_INVITE_USED');
  if (now >= invite.expiresAt) throw volunteerError('TEAM_INVITE_EXPIRED', { expiresAt: invite.expiresAt });
  return invite;
}

export async function joinTeam(input: UseCaseInput): Promise<TeamJoinResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(teamJoinSchema, input.command);
  authorize(actor, 'team.join', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  return runCommand(ports, actor, 'team.join', command, async ({ tx, now }) => {
    const team = await activeTeamIn(tx, command.teamId);
    const member = await tx.get<TeamMember>(COLLECTIONS.teamMembers, teamMemberId(team._id, actor.openid));
    if (member !== null && member.status === 'active') throw volunteerError('TEAM_ALREADY_MEMBER');
    const applicationId = teamApplicationId(team._id, actor.openid);
    const application = await tx.get<TeamApplication>(COLLECTIONS.teamApplications, applicationId);

    if (command.inviteCode !== undefined) {
      const invite = checkInvite(
        await tx.get<TeamInvite>(COLLECTIONS.teamInvites, command.inviteCode),
        team,
        now,
      );
      await tx.update(COLLECTIONS.teamInvites, invite._id, { usedBy: actor.openid, usedAt: now });
      const admitted = await admitMember(tx, {
        team,
        openid: actor.openid,
        position: 'member',
        via: 'invitation',
        now,
      });
      await tx.update(COLLECTIONS.volunteerTeams, team._id, {
        memberCount: team.memberCount + admitted.added,
        updatedAt: now,
      });
      // An application still waiting is answered by the invitation.
      if (application !== null && application.status === 'pending') {
        await tx.update(COLLECTIONS.teamApplications, applicationId, {
          status: 'approved',
          decidedBy: invite.createdBy,
          decidedAt: now,
          updatedAt: now,
        });
      }
      return {
        teamId: team._id,
        teamName: team.name,
        state: 'member' as const,
        volunteerNo: admitted.volunteerNo,
      };
    }

    if (!livesWhereTeamServes(actor, team)) throw volunteerError('TEAM_JOIN_NOT_IN_COMMUNITY');
    if (application !== null && application.status === 'pending') {
      throw volunteerError('TEAM_APPLICATION_PENDING');
    }
    const pending = {
      status: 'pending' as const,
      appliedAt: now,
      decidedBy: null,
      decidedAt: null,
      updatedAt: now,
    };
    if (application === null) {
      const fresh: TeamApplication = {
        _id: applicationId,
        teamId: team._id,
        openid: actor.openid,
        orgPath: team.orgPath,
        ...pending,
        createdAt: now,
      };
      await tx.insert(COLLECTIONS.teamApplications, fresh);
    } else {
      await tx.update(COLLECTIONS.teamApplications, applicationId, pending);
    }
    return { teamId: team._id, teamName: team.name, state: 'pending' as const, volunteerNo: null };
  });
}

export async function decideApplication(input: UseCaseInput): Promise<TeamDecideResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(teamApplicationDecideSchema, input.command);
  const seen = await ports.db.get<TeamApplication>(COLLECTIONS.teamApplications, command.applicationId);
  const team =
    seen === null ? null : await ports.db.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, seen.teamId);
  // Not the caller's team's application: answered like one that does not exist.
  const access = checkAccess(actor, 'team.lead', team === null ? {} : teamTarget(team));
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (seen === null || team === null || !access.ok) throw volunteerError('TEAM_APPLICATION_NOT_FOUND');

  return runCommand(ports, actor, 'team.application.decide', command, async ({ tx, now, audit }) => {
    const application = await tx.get<TeamApplication>(COLLECTIONS.teamApplications, command.applicationId);
    if (application === null || application.status !== 'pending') {
      throw volunteerError('TEAM_APPLICATION_NOT_FOUND');
    }
    const current = await activeTeamIn(tx, application.teamId);
    const status = command.approve ? ('approved' as const) : ('rejected' as const);
    let volunteerNo: string | null = null;
    let memberCount = current.memberCount;
    if (command.approve) {
      const admitted = await admitMember(tx, {
        team: current,
        openid: application.openid,
        position: 'member',
        via: 'application',
        now,
      });
      volunteerNo = admitted.volunteerNo;
      memberCount += admitted.added;
      await tx.update(COLLECTIONS.volunteerTeams, current._id, { memberCount, updatedAt: now });
    }
    await tx.update(COLLECTIONS.teamApplications, application._id, {
      status,
      decidedBy: actor.openid,
      decidedAt: now,
      updatedAt: now,
    });
    audit(teamAudit(current, `${command.approve ? '同意' : '不同意'}入队申请：${current.name}`));
    return { applicationId: application._id, teamId: current._id, status, volunteerNo, memberCount };
  });
}

export async function leaveTeam(input: UseCaseInput): Promise<TeamMemberChangeResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(teamLeaveSchema, input.command);
  authorize(actor, 'team.join', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  return runCommand(ports, actor, 'team.leave', command, async ({ tx, now }) => {
    const team = await tx.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, command.teamId);
    if (team === null) throw volunteerError('TEAM_NOT_FOUND', { teamId: command.teamId });
    const member = await tx.get<TeamMember>(COLLECTIONS.teamMembers, teamMemberId(team._id, actor.openid));
    if (member === null || member.status !== 'active') throw volunteerError('TEAM_NOT_MEMBER');
    if (member.position === 'leader') throw volunteerError('TEAM_LEADER_CANNOT_LEAVE');
    await releaseMember(tx, member, 'left', actor.openid, now);
    const memberCount = Math.max(0, team.memberCount - 1);
    await tx.update(COLLECTIONS.volunteerTeams, team._id, { memberCount, updatedAt: now });
    return { teamId: team._id, openid: actor.openid, status: 'left' as const, memberCount };
  });
}

export async function removeMember(input: UseCaseInput): Promise<TeamMemberChangeResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(teamMemberRemoveSchema, input.command);
  await loadTeamFor(ports.db, actor, command.teamId, 'team.lead');
  return runCommand(ports, actor, 'team.member.remove', command, async ({ tx, now, audit }) => {
    const team = await activeTeamIn(tx, command.teamId);
    const member = await tx.get<TeamMember>(COLLECTIONS.teamMembers, teamMemberId(team._id, command.openid));
    if (member === null || member.status !== 'active') throw volunteerError('TEAM_NOT_MEMBER');
    if (member.position === 'leader') throw volunteerError('TEAM_LEADER_CANNOT_LEAVE');
    await releaseMember(tx, member, 'removed', actor.openid, now);
    const memberCount = Math.max(0, team.memberCount - 1);
    await tx.update(COLLECTIONS.volunteerTeams, team._id, { memberCount, updatedAt: now });
    audit(teamAudit(team, `移出志愿服务队队员：${team.name}`));
    return { teamId: team._id, openid: command.openid, status: 'removed' as const, memberCount };
  });
}
