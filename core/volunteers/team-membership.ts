/**
 * Joining and leaving a team inside the caller's transaction: a member's record (`team_members`), their
 * `volunteer` grant in `users` (team, position, the team's community), their volunteer profile with its number
 * (`ensureVolunteerProfile`, which also adds the team to the profile's `teamIds`), and the team's
 * `memberCount`, all in the one transaction, so the count, the grants and the records never disagree.
 */
import type { TransactionPort } from '../kernel/database.port';
import { COLLECTIONS } from '../model/collections.model';
import type { VolunteerTeam } from '../model/party.model';
import { newUser, residentNameOf, type User } from '../model/user.model';
import type { VolunteerProfile } from '../model/volunteer.model';
import type { TeamJoinWay, TeamMember, TeamMemberStatus, TeamPosition } from '../model/volunteer-team.model';
import { ensureVolunteerProfile } from './activity-signup.usecase';
import { teamMemberId, withoutTeamGrant, withTeamGrant } from './team.rules';

export interface Admission {
  readonly team: VolunteerTeam;
  readonly openid: string;
  readonly position: TeamPosition;
  readonly via: TeamJoinWay;
  readonly now: number;
}

export interface Admitted {
  readonly volunteerNo: string;
  /** The person's name as the team shows it. */
  readonly name: string;
  /** 1 when they were not an active member before, else 0 (a position change). */
  readonly added: 0 | 1;
}

/**
 * Make the person an active member in `position` (or change the position of one who is): the member record,
 * the grant, the profile. The caller writes the team's `memberCount` (+`added`) in the same transaction.
 */
export async function admitMember(tx: TransactionPort, a: Admission): Promise<Admitted> {
  const { team, openid, position, now } = a;
  const memberId = teamMemberId(team._id, openid);
  const member = await tx.get<TeamMember>(COLLECTIONS.teamMembers, memberId);
  const user = await tx.get<User>(COLLECTIONS.users, openid);
  const wasActive = member !== null && member.status === 'active';
  if (member === null) {
    const fresh: TeamMember = {
      _id: memberId,
      teamId: team._id,
      openid,
      orgPath: team.orgPath,
      position,
      status: 'active',
      via: a.via,
      joinedAt: now,
      leftAt: null,
      removedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.teamMembers, fresh);
  } else if (wasActive) {
    await tx.update(COLLECTIONS.teamMembers, memberId, { position, updatedAt: now });
  } else {
    await tx.update(COLLECTIONS.teamMembers, memberId, {
      position,
      status: 'active',
      via: a.via,
      joinedAt: now,
      leftAt: null,
      removedBy: null,
      updatedAt: now,
    });
  }
  const grants = withTeamGrant(user?.grants ?? [], team, position);
  if (user === null) {
    const created: User = { ...newUser(openid, now), grants };
    await tx.insert(COLLECTIONS.users, created);
  } else {
    await tx.update(COLLECTIONS.users, openid, { grants, updatedAt: now });
  }
  const name = residentNameOf(user);
  const profile = await ensureVolunteerProfile(
    tx,
    { openid, name, communityPath: team.orgPath, teamIds: [team._id] },
    now,
  );
  return { volunteerNo: profile.volunteerNo, name, added: wasActive ? 0 : 1 };
}

/**
 * End an active membership (`left`, `removed` or `disbanded`): the record, the grant of the team, the team in
 * the profile's `teamIds`. The caller writes the team's `memberCount` (-1) in the same transaction.
 */
export async function releaseMember(
  tx: TransactionPort,
  member: TeamMember,
  status: Exclude<TeamMemberStatus, 'active'>,
  by: string | null,
  now: number,
): Promise<void> {
  await tx.update(COLLECTIONS.teamMembers, member._id, {
    status,
    leftAt: now,
    removedBy: status === 'removed' ? by : null,
    updatedAt: now,
  });
  const user = await tx.get<User>(COLLECTIONS.users, member.openid);
  const profile = await tx.get<VolunteerProfile>(COLLECTIONS.volunteers, member.openid);
  if (user !== null) {
    await tx.update(COLLECTIONS.users, member.openid, {
      grants: withoutTeamGrant(user.grants, member.teamId),
      updatedAt: now,
    });
  }
  if (profile !== null && profile.teamIds.includes(member.teamId)) {
    await tx.update(COLLECTIONS.volunteers, profile._id, {
      teamIds: profile.teamIds.filter((id) => id !== member.teamId),
      updatedAt: now,
    });
  }
}

/** The team, read in the transaction: TEAM_NOT_FOUND-worthy null is the caller's to answer. */
export function readTeam(tx: TransactionPort, teamId: string): Promise<VolunteerTeam | null> {
  return tx.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, teamId);
}
