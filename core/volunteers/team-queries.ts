/**
 * team.list, team.detail and team.mine.
 * - team.list: a community's active teams (those serving it), the public view: name, bond, services, the
 *   leader's masked name, member count, hours; most hours first (servedCommunityIds_1_active_1_serviceMinutes_-1).
 * - team.detail: the team, a page of its members and, for those who decide them, the pending applications;
 *   names in full to the team's members, its leader and the community's workers (masked 张** to others),
 *   phones in full only to the leader and the workers (volunteer.phone.view), masked to everyone else; the
 *   caller's state and actions decided here (team.rules.ts).
 * - team.mine: the teams the caller leads or belongs to, latest joined first.
 */
import { authorize } from '../auth/authorize';
import { maskedName } from '../auth/concern-access';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { VolunteerTeam } from '../model/party.model';
import { residentNameOf, type User } from '../model/user.model';
import type { VolunteerProfile } from '../model/volunteer.model';
import { TEAM_POSITION_LABELS, type TeamApplication, type TeamMember } from '../model/volunteer-team.model';
import { unitIdOfPath } from '../org/org-path';
import { maskPhone } from '../privacy/phone-masking.policy';
import { parseCommand } from '../schemas/command.parser';
import { teamDetailSchema, teamListSchema, teamMineSchema } from '../schemas/volunteer-team.schema';
import { communitiesOf } from './activity.rules';
import { seesMemberPhones, teamActions, teamApplicationId, teamMemberId, teamSummary } from './team.rules';
import { volunteerError } from './volunteer.errors';
import type {
  TeamApplicationView,
  TeamDetail,
  TeamListResult,
  TeamMemberView,
  TeamMineResult,
  TeamMyState,
} from './team.replies';

type Db = UseCaseInput['ports']['db'];

/** Pending applications shown at once to those who decide them. */
const APPLICATIONS_SHOWN = 50;

export async function listTeams(input: UseCaseInput): Promise<TeamListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(teamListSchema, input.command);
  authorize(actor, 'team.view', {});
  const home = communitiesOf(actor)[0];
  const communityId = query.communityId ?? (home === undefined ? undefined : unitIdOfPath(home));
  if (communityId === undefined) throw volunteerError('TEAM_COMMUNITY_REQUIRED');
  const found = await ports.db.find<VolunteerTeam>(
    COLLECTIONS.volunteerTeams,
    { servedCommunityIds: communityId, active: true },
    {
      orderBy: [
        ['serviceMinutes', 'desc'],
        ['_id', 'asc'],
      ],
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize + 1,
    },
  );
  return {
    communityId,
    items: found.slice(0, query.pageSize).map(teamSummary),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: found.length > query.pageSize,
  };
}

/** Users by openid (their `_id`), at most 1000. */
async function usersByOpenid(db: Db, openids: readonly string[]): Promise<Map<string, User>> {
  if (openids.length === 0) return new Map();
  const users = await db.find<User>(COLLECTIONS.users, { _id: db.command.in([...openids]) }, { limit: 1000 });
  return new Map(users.map((u) => [u._id, u]));
}

interface Visibility {
  readonly fullNames: boolean;
  readonly fullPhones: boolean;
}

function personView(user: User | null, see: Visibility) {
  const name = residentNameOf(user);
  const phone = user?.phone ?? '';
  return {
    name: see.fullNames ? name : maskedName(name),
    phone: see.fullPhones || phone === '' ? phone : maskPhone(phone),
    phoneMasked: !see.fullPhones && phone !== '',
  };
}

async function myStateIn(db: Db, openid: string, team: VolunteerTeam): Promise<TeamMyState> {
  const member = await db.get<TeamMember>(COLLECTIONS.teamMembers, teamMemberId(team._id, openid));
  if (member !== null && member.status === 'active') return member.position;
  const application = await db.get<TeamApplication>(
    COLLECTIONS.teamApplications,
    teamApplicationId(team._id, openid),
  );
  return application !== null && application.status === 'pending' ? 'pending' : 'none';
}

async function pendingApplications(
  db: Db,
  team: VolunteerTeam,
  see: Visibility,
): Promise<{ applications: TeamApplicationView[]; pendingCount: number }> {
  const where = { teamId: team._id, status: 'pending' };
  const [found, pendingCount] = await Promise.all([
    db.find<TeamApplication>(COLLECTIONS.teamApplications, where, {
      orderBy: [
        ['appliedAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: APPLICATIONS_SHOWN,
    }),
    db.count(COLLECTIONS.teamApplications, where),
  ]);
  const users = await usersByOpenid(
    db,
    found.map((a) => a.openid),
  );
  const applications = found.map((a) => ({
    applicationId: a._id,
    openid: a.openid,
    ...personView(users.get(a.openid) ?? null, see),
    appliedAt: a.appliedAt,
  }));
  return { applications, pendingCount };
}

export async function teamDetail(input: UseCaseInput): Promise<TeamDetail> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(teamDetailSchema, input.command);
  authorize(actor, 'team.view', {});
  const { db } = ports;
  const team = await db.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, query.teamId);
  if (team === null) throw volunteerError('TEAM_NOT_FOUND', { teamId: query.teamId });
  const myState = await myStateIn(db, actor.openid, team);
  const actions = teamActions(actor, team, myState);
  const fullPhones = seesMemberPhones(actor, team);
  const see: Visibility = {
    fullPhones,
    fullNames: fullPhones || myState === 'leader' || myState === 'member',
  };

  const found = await db.find<TeamMember>(
    COLLECTIONS.teamMembers,
    { teamId: team._id, status: 'active' },
    {
      orderBy: [
        ['position', 'asc'],
        ['joinedAt', 'asc'],
        ['_id', 'asc'],
      ],
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize + 1,
    },
  );
  const page = found.slice(0, query.pageSize);
  const openids = page.map((m) => m.openid);
  const [users, profiles, units] = await Promise.all([
    usersByOpenid(db, openids),
    openids.length === 0
      ? Promise.resolve([] as VolunteerProfile[])
      : db.find<VolunteerProfile>(
          COLLECTIONS.volunteers,
          { _id: db.command.in(openids) },
          { limit: openids.length, fields: ['volunteerNo'] },
        ),
    db.find<OrgUnit>(
      COLLECTIONS.orgUnits,
      { _id: db.command.in([...team.servedCommunityIds]) },
      { limit: team.servedCommunityIds.length, fields: ['name'] },
    ),
  ]);
  const numbers = new Map(profiles.map((p) => [p._id, p.volunteerNo]));
  const names = new Map(units.map((u) => [u._id, u.name]));
  const members: TeamMemberView[] = page.map((m) => ({
    openid: m.openid,
    ...personView(users.get(m.openid) ?? null, see),
    position: m.position,
    positionLabel: TEAM_POSITION_LABELS[m.position],
    volunteerNo: numbers.get(m.openid) ?? null,
    joinedAt: m.joinedAt,
  }));
  const pending = actions.includes('decide')
    ? await pendingApplications(db, team, see)
    : { applications: [], pendingCount: 0 };
  return {
    ...teamSummary(team),
    description: team.description,
    servedCommunities: team.servedCommunityIds.map((id) => ({ communityId: id, name: names.get(id) ?? '' })),
    partyOrgId: team.partyOrgId,
    myState,
    actions,
    members,
    page: query.page,
    pageSize: query.pageSize,
    hasMoreMembers: found.length > query.pageSize,
    ...pending,
  };
}

export async function myTeams(input: UseCaseInput): Promise<TeamMineResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(teamMineSchema, input.command);
  authorize(actor, 'team.view', {});
  const { db } = ports;
  const found = await db.find<TeamMember>(
    COLLECTIONS.teamMembers,
    { openid: actor.openid, status: 'active' },
    {
      orderBy: [
        ['joinedAt', 'desc'],
        ['_id', 'asc'],
      ],
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize + 1,
    },
  );
  const page = found.slice(0, query.pageSize);
  const teams =
    page.length === 0
      ? []
      : await db.find<VolunteerTeam>(
          COLLECTIONS.volunteerTeams,
          { _id: db.command.in(page.map((m) => m.teamId)) },
          { limit: page.length },
        );
  const byId = new Map(teams.map((t) => [t._id, t]));
  return {
    items: page.flatMap((m) => {
      const team = byId.get(m.teamId);
      return team === undefined
        ? []
        : [{ ...teamSummary(team), position: m.position, positionLabel: TEAM_POSITION_LABELS[m.position] }];
    }),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: found.length > query.pageSize,
  };
}
