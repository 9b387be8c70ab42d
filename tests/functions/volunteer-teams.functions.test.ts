/**
 * Volunteer teams (微团队) through the real `volunteers` function on the local cloud (docs/volunteers.md#teams):
 * a worker forms a team with a leader; the leader's invitation codes join once (reuse and expiry refused); an
 * application is approved by the leader, giving the `volunteer` grant, the volunteer profile with its number and
 * the member count in one transaction; leaving removes the grant; phones in full only to the leader and the
 * community's workers; a team claims a published concern through the real `concerns` function; scope, roles
 * and bad input refused writing nothing.
 */
import type { Action } from '../../core/auth/actions';
import { PERMISSION_MATRIX } from '../../core/auth/permissions.matrix';
import { GRANTABLE_ROLES, type Role, type RoleGrant } from '../../core/auth/roles';
import type { ConcernStepResult } from '../../core/concerns/concern.replies';
import type { Concern } from '../../core/model/concern.model';
import type { OrgUnit } from '../../core/model/org-unit.model';
import type { VolunteerTeam } from '../../core/model/party.model';
import type { User } from '../../core/model/user.model';
import type { VolunteerProfile } from '../../core/model/volunteer.model';
import type { TeamMember } from '../../core/model/volunteer-team.model';
import type {
  TeamDecideResult,
  TeamDetail,
  TeamInviteResult,
  TeamJoinResult,
  TeamListResult,
  TeamMineResult,
  TeamSaveResult,
} from '../../core/volunteers/team.replies';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { DEMO_COMMUNITY_ID, DEMO_SECOND_RESIDENT_OPENID, DEMO_STREET_ID } from '../../demo/demo.constants';
import { volunteersCall, volunteersWrite } from './support/activity-records';
import { DAY_MS, functionCloud, type Reply } from './support/function-cloud';
import { DEMO_RESIDENT_PHONE, ok } from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const WORKER = 'demo-community-worker-1';
const COMMUNITY_LEADER = 'demo-community-leader-1';
/** Lives in the demo grid and has a phone (13907750001). */
const RESIDENT = 'demo-resident-1';
/** Lives in another county. */
const STRANGER = DEMO_SECOND_RESIDENT_OPENID;
/** Leads the demo team team-0001, not ours. */
const OTHER_TEAM_LEADER = 'demo-volunteer-leader-1';
const LEADER = 'team-leader-x';
const MEMBER = 'team-member-x';
const JOINER = 'team-joiner-x';
const APPLICANT = 'team-applicant-x';
/** Joins the third team and is made its leader (leading no other team: a team claim acts for the first team led). */
const CLAIMER = 'team-claimer-x';
const SECRETARY = 'team-secretary-x';
const OTHER_WORKER = 'team-other-worker-x';

const call = <T>(openid: string | null, command: string, input: unknown = {}) =>
  volunteersCall<T>(cloud, openid, command, input);
const write = <T>(openid: string, command: string, input: Record<string, unknown>) =>
  volunteersWrite<T>(cloud, openid, command, input);
const teamOf = async (id: string) => (await cloud.get<VolunteerTeam>('volunteer_teams', id))!;
const userOf = async (openid: string) => (await cloud.get<User>('users', openid))!;
const teamGrant = async (openid: string, teamId: string): Promise<RoleGrant | undefined> =>
  (await userOf(openid)).grants.find((g) => g.role === 'volunteer' && g.teamId === teamId);
const detail = (openid: string, teamId: string) => call<TeamDetail>(openid, 'team.detail', { teamId });

/** A community of the demo street other than the demo community. */
let neighbourCommunity: OrgUnit;

const TEAM = {
  communityId: DEMO_COMMUNITY_ID,
  name: '东门银发理发队',
  bond: 'interest',
  description: '退休理发师和热心居民，每月为行动不便的老人上门理发。',
  services: ['理发', '修脚'],
};

async function formTeam(extra: Record<string, unknown> = {}, by = WORKER): Promise<string> {
  return ok(await write<TeamSaveResult>(by, 'team.save', { ...TEAM, ...extra })).teamId;
}

async function invite(teamId: string, by = LEADER): Promise<TeamInviteResult> {
  return ok(await write<TeamInviteResult>(by, 'team.invite', { teamId }));
}

beforeAll(async () => {
  const units = await cloud.find<OrgUnit>('org_units', { parentId: DEMO_STREET_ID, level: 'community' }, 50);
  neighbourCommunity = units.find((u) => u._id !== DEMO_COMMUNITY_ID)!;
  for (const openid of [LEADER, MEMBER, JOINER, APPLICANT, CLAIMER]) await writeUser(cloud, openid, []);
  await writeUser(cloud, SECRETARY, [
    {
      role: 'party_member',
      orgPath: DEMO_PATHS.community,
      partyOrgId: DEMO_REFS.partyOrgId,
      position: 'secretary',
    },
  ]);
  await writeUser(
    cloud,
    OTHER_WORKER,
    [{ role: 'worker', orgPath: neighbourCommunity.path }],
    neighbourCommunity.path,
  );
});

describe('forming a team', () => {
  test('a worker forms a team with a leader: the grant, the profile with its number, the lists', async () => {
    const teamId = await formTeam({ otherCommunityIds: [neighbourCommunity._id], leaderOpenid: LEADER });
    expect(await teamOf(teamId)).toMatchObject({
      communityId: DEMO_COMMUNITY_ID,
      servedCommunityIds: [DEMO_COMMUNITY_ID, neighbourCommunity._id],
      orgPath: DEMO_PATHS.community,
      leaderOpenid: LEADER,
      memberCount: 1,
      active: true,
      bond: 'interest',
    });
    expect(await teamGrant(LEADER, teamId)).toEqual({
      role: 'volunteer',
      orgPath: DEMO_PATHS.community,
      teamId,
      position: 'leader',
    });
    const profile = (await cloud.get<VolunteerProfile>('volunteers', LEADER))!;
    expect(profile.volunteerNo).toMatch(/^YL\d{10}$/);
    expect(profile.teamIds).toEqual([teamId]);

    // The public list of the resident's own community, and of the other community it serves.
    const mine = ok(await call<TeamListResult>(RESIDENT, 'team.list', { pageSize: 50 }));
    expect(mine.communityId).toBe(DEMO_COMMUNITY_ID);
    const listed = mine.items.find((t) => t.teamId === teamId)!;
    expect(listed).toMatchObject({ name: TEAM.name, bondLabel: '趣缘', memberCount: 1, serviceHours: 0 });
    expect(listed.leaderName).toMatch(/^.\*\*$/);
    const theirs = ok(
      await call<TeamListResult>(STRANGER, 'team.list', {
        communityId: neighbourCommunity._id,
        pageSize: 50,
      }),
    );
    expect(theirs.items.map((t) => t.teamId)).toContain(teamId);
    // The leader's own teams.
    const led = ok(await call<TeamMineResult>(LEADER, 'team.mine', {}));
    expect(led.items.map((t) => [t.teamId, t.positionLabel])).toEqual([[teamId, '队长']]);
  });

  test('a party secretary forms one for their organisation; its leader edits it but not its leader', async () => {
    const teamId = await formTeam({ name: '党员先锋巡逻队', bond: 'geographic' }, SECRETARY);
    expect(await teamOf(teamId)).toMatchObject({ partyOrgId: DEMO_REFS.partyOrgId, leaderOpenid: null });
    ok(await write(WORKER, 'team.leader.set', { teamId, openid: JOINER }));
    ok(
      await write(JOINER, 'team.save', { ...TEAM, teamId, name: '党员先锋巡逻队', description: '每晚巡逻' }),
    );
    expect((await teamOf(teamId)).description).toBe('每晚巡逻');
    await expectRefusedWritingNothing(
      cloud,
      () => write(JOINER, 'team.save', { ...TEAM, teamId, leaderOpenid: MEMBER }),
      'TEAM_LEADER_FIXED',
    );
  });
});

describe('membership', () => {
  let teamId = '';
  beforeAll(async () => {
    teamId = await formTeam({ name: '东门环境卫生队', bond: 'geographic', leaderOpenid: LEADER });
  });

  test('an invitation code joins once: reuse, expiry and unknown codes refused, nothing written', async () => {
    const { inviteCode, expiresAt } = await invite(teamId);
    expect(inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(expiresAt).toBeGreaterThan(cloud.now() + 7 * DAY_MS - 60_000);
    expect(expiresAt).toBeLessThanOrEqual(cloud.now() + 7 * DAY_MS);
    // Typed in lower case: the same code.
    const joined = ok(
      await write<TeamJoinResult>(MEMBER, 'team.join', { teamId, inviteCode: inviteCode.toLowerCase() }),
    );
    expect(joined).toMatchObject({ state: 'member', volunteerNo: expect.stringMatching(/^YL\d{10}$/) });
    expect(await teamGrant(MEMBER, teamId)).toMatchObject({
      position: 'member',
      orgPath: DEMO_PATHS.community,
    });
    expect((await teamOf(teamId)).memberCount).toBe(2);
    expect((await cloud.get<VolunteerProfile>('volunteers', MEMBER))!.teamIds).toContain(teamId);

    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'team.join', { teamId, inviteCode }),
      'TEAM_INVITE_USED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'team.join', { teamId, inviteCode: 'ZZZZ2222' }),
      'TEAM_INVITE_NOT_FOUND',
    );
    const again = await invite(teamId);
    await expectRefusedWritingNothing(
      cloud,
      () => write(MEMBER, 'team.join', { teamId, inviteCode: again.inviteCode }),
      'TEAM_ALREADY_MEMBER',
    );
    cloud.shiftClock(7 * DAY_MS + 1);
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'team.join', { teamId, inviteCode: again.inviteCode }),
      'TEAM_INVITE_EXPIRED',
    );
    expect(await teamGrant(APPLICANT, teamId)).toBeUndefined();
  });

  test('an application: the leader approves it, giving the grant, the profile with its number and the count', async () => {
    const applied = ok(await write<TeamJoinResult>(RESIDENT, 'team.join', { teamId }));
    expect(applied).toMatchObject({ state: 'pending', volunteerNo: null });
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'team.join', { teamId }),
      'TEAM_APPLICATION_PENDING',
    );
    expect(ok(await detail(RESIDENT, teamId))).toMatchObject({ myState: 'pending', applications: [] });
    const seen = ok(await detail(LEADER, teamId));
    expect(seen.actions).toEqual(expect.arrayContaining(['invite', 'decide', 'remove_member']));
    expect(seen.pendingCount).toBe(1);
    const application = seen.applications[0]!;
    expect(application).toMatchObject({ openid: RESIDENT, phone: DEMO_RESIDENT_PHONE, phoneMasked: false });
    expect(await teamGrant(RESIDENT, teamId)).toBeUndefined();

    const before = (await teamOf(teamId)).memberCount;
    const decided = ok(
      await write<TeamDecideResult>(LEADER, 'team.application.decide', {
        applicationId: application.applicationId,
        approve: true,
      }),
    );
    expect(decided).toMatchObject({ status: 'approved', memberCount: before + 1 });
    expect(decided.volunteerNo).toMatch(/^YL\d{10}$/);
    expect((await teamOf(teamId)).memberCount).toBe(before + 1);
    expect(await teamGrant(RESIDENT, teamId)).toEqual({
      role: 'volunteer',
      orgPath: DEMO_PATHS.community,
      teamId,
      position: 'member',
    });
    const profile = (await cloud.get<VolunteerProfile>('volunteers', RESIDENT))!;
    expect(profile).toMatchObject({ volunteerNo: decided.volunteerNo, teamIds: [teamId] });
    const mine = ok(await detail(RESIDENT, teamId));
    expect(mine.myState).toBe('member');
    expect(mine.actions).toEqual(['leave']);
    // Decided once.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(LEADER, 'team.application.decide', {
          applicationId: application.applicationId,
          approve: false,
        }),
      'TEAM_APPLICATION_NOT_FOUND',
    );
  });

  test('a rejected application gives nothing; someone of another community cannot apply (a code is needed)', async () => {
    ok(await write(APPLICANT, 'team.join', { teamId }));
    const before = (await teamOf(teamId)).memberCount;
    ok(
      await write<TeamDecideResult>(LEADER, 'team.application.decide', {
        applicationId: `${teamId}_${APPLICANT}`,
        approve: false,
      }),
    );
    expect(await teamGrant(APPLICANT, teamId)).toBeUndefined();
    expect((await teamOf(teamId)).memberCount).toBe(before);
    expect(await cloud.get('team_members', `${teamId}_${APPLICANT}`)).toBeNull();
    await expectRefusedWritingNothing(
      cloud,
      () => write(STRANGER, 'team.join', { teamId }),
      'TEAM_JOIN_NOT_IN_COMMUNITY',
    );
  });

  test('phones in full to the leader and the workers, masked to another member; names masked to outsiders', async () => {
    for (const viewer of [LEADER, WORKER, COMMUNITY_LEADER]) {
      const row = ok(await detail(viewer, teamId)).members.find((m) => m.openid === RESIDENT)!;
      expect(row).toMatchObject({ phone: DEMO_RESIDENT_PHONE, phoneMasked: false });
    }
    const byMember = ok(await detail(MEMBER, teamId));
    expect(byMember.myState).toBe('member');
    const row = byMember.members.find((m) => m.openid === RESIDENT)!;
    expect(row).toMatchObject({ phone: '139****0001', phoneMasked: true });
    expect(row.name).not.toMatch(/\*\*$/);
    expect(byMember.applications).toEqual([]);
    const byOutsider = ok(await detail(STRANGER, teamId));
    const outside = byOutsider.members.find((m) => m.openid === RESIDENT)!;
    expect(outside).toMatchObject({ phone: '139****0001', phoneMasked: true });
    expect(outside.name).toMatch(/^.\*\*$/);
    expect(byOutsider.members[0]).toMatchObject({ openid: LEADER, positionLabel: '队长' });
    expect(byOutsider.actions).toEqual(['join_with_code']);
  });

  test('leaving removes the grant and the count; the leader cannot leave', async () => {
    const before = (await teamOf(teamId)).memberCount;
    ok(await write(RESIDENT, 'team.leave', { teamId }));
    expect(await teamGrant(RESIDENT, teamId)).toBeUndefined();
    expect((await teamOf(teamId)).memberCount).toBe(before - 1);
    expect((await cloud.get<VolunteerProfile>('volunteers', RESIDENT))!.teamIds).not.toContain(teamId);
    expect((await cloud.get<TeamMember>('team_members', `${teamId}_${RESIDENT}`))!.status).toBe('left');
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'team.leave', { teamId }),
      'TEAM_NOT_MEMBER',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'team.leave', { teamId }),
      'TEAM_LEADER_CANNOT_LEAVE',
    );
  });
});

describe('claims, the leader, removal and deactivation', () => {
  let teamId = '';
  beforeAll(async () => {
    teamId = await formTeam({ name: '东门微心愿服务队', bond: 'occupational', leaderOpenid: LEADER });
    const { inviteCode } = await invite(teamId);
    ok(await write(CLAIMER, 'team.join', { teamId, inviteCode }));
  });

  const concerns = <T>(openid: string, command: string, input: Record<string, unknown>) =>
    cloud.as(openid).call<T>('concerns', command, {
      ...input,
      clientRequestId: cloud.requestId(command.replace(/\W/g, '')),
    });

  async function publishedConcern(): Promise<string> {
    const id = ok(
      await concerns<ConcernStepResult>(RESIDENT, 'concern.submit', {
        kind: 'worry',
        title: '小区健身器材坏了',
        content: '5栋旁边的健身器材坏了，老人锻炼不方便，希望有人来修一修。',
      }),
    ).concernId;
    ok(await concerns(COMMUNITY_LEADER, 'concern.review', { concernId: id, decision: 'approve' }));
    ok(await concerns(WORKER, 'concern.publish', { concernId: id }));
    return id;
  }

  test('the member a worker makes leader claims a published concern as the team; a member who leads none cannot claim as a team', async () => {
    ok(await write(WORKER, 'team.leader.set', { teamId, openid: CLAIMER }));
    expect(await teamOf(teamId)).toMatchObject({ leaderOpenid: CLAIMER, memberCount: 2 });
    expect(await teamGrant(CLAIMER, teamId)).toMatchObject({ position: 'leader' });
    expect(await teamGrant(LEADER, teamId)).toMatchObject({ position: 'member' });

    const id = await publishedConcern();
    ok(await concerns(CLAIMER, 'concern.claim', { concernId: id, claimAs: 'team' }));
    const claimed = (await cloud.get<Concern>('concerns', id))!;
    expect(claimed).toMatchObject({ status: 'claimed', assigneeTeamId: teamId });
    expect(claimed.claim?.name).toBe('东门微心愿服务队');
    // A member who leads no team: team claims go through the team's leader (docs/permissions.md).
    const other = await publishedConcern();
    const refused = await concerns(MEMBER, 'concern.claim', { concernId: other, claimAs: 'team' });
    expect(refused.code).toBe('PERMISSION_DENIED');
    expect((await cloud.get<Concern>('concerns', other))!.status).toBe('published');
  });

  test('the leader removes a member; the workers deactivate the team: every grant gone, off the lists', async () => {
    ok(await write(CLAIMER, 'team.member.remove', { teamId, openid: LEADER }));
    expect(await teamGrant(LEADER, teamId)).toBeUndefined();
    expect((await cloud.get<TeamMember>('team_members', `${teamId}_${LEADER}`))!).toMatchObject({
      status: 'removed',
      removedBy: CLAIMER,
    });
    const { inviteCode } = await invite(teamId, CLAIMER);
    ok(await write(MEMBER, 'team.join', { teamId, inviteCode }));
    ok(await write(WORKER, 'team.deactivate', { teamId }));
    expect(await teamOf(teamId)).toMatchObject({ active: false, memberCount: 0 });
    expect(await teamGrant(CLAIMER, teamId)).toBeUndefined();
    expect(await teamGrant(MEMBER, teamId)).toBeUndefined();
    const listed = ok(await call<TeamListResult>(RESIDENT, 'team.list', { pageSize: 50 }));
    expect(listed.items.map((t) => t.teamId)).not.toContain(teamId);
    await expectRefusedWritingNothing(cloud, () => write(RESIDENT, 'team.join', { teamId }), 'TEAM_INACTIVE');
  });
});

describe('scope, roles and bad input: refused, nothing written', () => {
  let teamId = '';
  beforeAll(async () => {
    teamId = await formTeam({ name: '东门助老陪伴队', leaderOpenid: LEADER });
  });

  const refusals: [string, () => Promise<Reply>, string][] = [
    [
      'another community’s worker forms a team here',
      () => write(OTHER_WORKER, 'team.save', TEAM),
      'TEAM_COMMUNITY_NOT_FOUND',
    ],
    [
      'another community’s worker sets the leader',
      () => write(OTHER_WORKER, 'team.leader.set', { teamId, openid: MEMBER }),
      'TEAM_NOT_FOUND',
    ],
    [
      'another community’s worker deactivates',
      () => write(OTHER_WORKER, 'team.deactivate', { teamId }),
      'TEAM_NOT_FOUND',
    ],
    [
      'another team’s leader invites',
      () => write(OTHER_TEAM_LEADER, 'team.invite', { teamId }),
      'TEAM_NOT_FOUND',
    ],
    ['a resident forms a team', () => write(RESIDENT, 'team.save', TEAM), 'PERMISSION_DENIED'],
    ['a resident invites', () => write(RESIDENT, 'team.invite', { teamId }), 'PERMISSION_DENIED'],
    ['a team’s leader deactivates', () => write(LEADER, 'team.deactivate', { teamId }), 'PERMISSION_DENIED'],
    [
      'a community of another street served',
      () => write(WORKER, 'team.save', { ...TEAM, otherCommunityIds: ['450981001001'] }),
      'TEAM_SERVED_COMMUNITY_INVALID',
    ],
    [
      'a leader who lives elsewhere',
      () => write(WORKER, 'team.save', { ...TEAM, leaderOpenid: STRANGER }),
      'TEAM_LEADER_NOT_IN_COMMUNITY',
    ],
    [
      'a grid for a community',
      () => write(WORKER, 'team.save', { ...TEAM, communityId: '450902001001001' }),
      'TEAM_COMMUNITY_NOT_FOUND',
    ],
    ['no name', () => write(WORKER, 'team.save', { ...TEAM, name: '' }), 'INVALID_INPUT'],
    ['an unknown bond', () => write(WORKER, 'team.save', { ...TEAM, bond: 'family' }), 'INVALID_INPUT'],
    ['no services', () => write(WORKER, 'team.save', { ...TEAM, services: [] }), 'INVALID_INPUT'],
    ['a malformed code', () => write(RESIDENT, 'team.join', { teamId, inviteCode: '!!' }), 'INVALID_INPUT'],
    ['no request id', () => call(WORKER, 'team.save', TEAM), 'INVALID_INPUT'],
    [
      'no identity',
      () => call(null, 'team.join', { teamId, clientRequestId: 'req-anon-0001' }),
      'UNAUTHENTICATED',
    ],
    ['an unknown team', () => write(RESIDENT, 'team.join', { teamId: 'team-nope' }), 'TEAM_NOT_FOUND'],
  ];

  test.each(refusals)('%s', async (_label, run, code) => {
    const reply = await expectRefusedWritingNothing(cloud, run, code);
    expect(reply.code).toBe(code);
  });

  test('a name content security refuses is TEAM_TEXT_RISKY, nothing written', async () => {
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'team.save', { ...TEAM, name: '网络博彩代理队' }),
      'TEAM_TEXT_RISKY',
    );
  });
});

describe('every role through the matrix: refused roles PERMISSION_DENIED, allowed ones out of scope hidden', () => {
  let teamId = '';
  let applicationId = '';
  let seq = 0;
  beforeAll(async () => {
    teamId = await formTeam({ name: '东门矩阵测试队', leaderOpenid: LEADER });
    await writeUser(cloud, 'team-walk-applicant', []);
    ok(await write('team-walk-applicant', 'team.join', { teamId }));
    applicationId = `${teamId}_team-walk-applicant`;
  });

  /** A caller holding `role` in the demo community (in scope: the team's leader, a secretary), or elsewhere. */
  async function caller(role: Role, inScope: boolean): Promise<string> {
    seq += 1;
    const place = inScope ? DEMO_PATHS.community : neighbourCommunity.path;
    const grant: RoleGrant =
      role === 'provider_staff'
        ? { role, providerId: DEMO_REFS.providerId, position: 'manager', orgPath: place }
        : role === 'volunteer'
          ? {
              role,
              orgPath: DEMO_PATHS.community,
              teamId: inScope ? teamId : DEMO_REFS.teamId,
              position: 'leader',
            }
          : role === 'party_member'
            ? { role, orgPath: place, partyOrgId: DEMO_REFS.partyOrgId, position: 'secretary' }
            : { role, orgPath: place };
    const openid = `team-role-${seq}`;
    await writeUser(cloud, openid, role === 'resident' ? [] : [grant], place);
    return openid;
  }

  const commands: [string, Action, () => Record<string, unknown>, string][] = [
    ['team.save', 'team.manage', () => TEAM, 'TEAM_COMMUNITY_NOT_FOUND'],
    ['team.save', 'team.manage', () => ({ ...TEAM, teamId }), 'TEAM_NOT_FOUND'],
    ['team.leader.set', 'team.supervise', () => ({ teamId, openid: MEMBER }), 'TEAM_NOT_FOUND'],
    ['team.deactivate', 'team.supervise', () => ({ teamId }), 'TEAM_NOT_FOUND'],
    ['team.invite', 'team.lead', () => ({ teamId }), 'TEAM_NOT_FOUND'],
    [
      'team.application.decide',
      'team.lead',
      () => ({ applicationId, approve: true }),
      'TEAM_APPLICATION_NOT_FOUND',
    ],
    ['team.member.remove', 'team.lead', () => ({ teamId, openid: LEADER }), 'TEAM_NOT_FOUND'],
  ];

  test.each(commands)('%s (%s)', async (command, action, input, hidden) => {
    for (const role of GRANTABLE_ROLES) {
      const allowed = PERMISSION_MATRIX[action][role] !== undefined;
      const openid = await caller(role, !allowed);
      // The role refused anywhere; an allowed role's grant elsewhere sees no such team (or community).
      await expectRefusedWritingNothing(
        cloud,
        () => write(openid, command, input()),
        allowed ? hidden : 'PERMISSION_DENIED',
      );
    }
  });
});
