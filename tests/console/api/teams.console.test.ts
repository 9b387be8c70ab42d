/**
 * 微团队 through the real admin-api on the local cloud (docs/volunteers.md#teams, docs/console.md): the community
 * worker's menu opens 微团队; the worker forms a team, invites, sees the members (phones in full) and the
 * applications, approves one, sets the leader, removes a member and deactivates the team; another county's
 * worker and bad input are refused writing nothing at all.
 */
import type { ConsoleSessionReply } from '../../../core/console/console.replies';
import type { VolunteerTeam } from '../../../core/model/party.model';
import type {
  TeamDecideResult,
  TeamDetail,
  TeamInviteResult,
  TeamJoinResult,
  TeamLeaderSetResult,
  TeamSaveResult,
  UnitTeamList,
} from '../../../core/volunteers/team.replies';
import { DEMO_COMMUNITY_ID } from '../../../demo/demo.constants';
import { writeUser } from '../../functions/support/role-actors';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'teams');
/** Lives in the demo grid, phone 13907750001. */
const RESIDENT = 'demo-resident-1';
const APPLICANT = 'console-team-applicant';
let worker: ConsoleBrowser;
let teamId = '';

const TEAM = {
  communityId: DEMO_COMMUNITY_ID,
  name: '东门邻里互助队',
  bond: 'geographic',
  description: '楼栋长和热心邻居，帮独居老人买菜、陪诊。',
  services: ['代买代购', '陪同就医'],
};

const join = (openid: string, input: Record<string, unknown>) =>
  cloud.as(openid).call<TeamJoinResult>('volunteers', 'team.join', {
    ...input,
    clientRequestId: rid('join'),
  });

beforeAll(async () => {
  worker = await cloud.signIn('community.worker');
  await writeUser(cloud, APPLICANT, []);
});
beforeEach(() => cloud.nextMinute());

test('the worker’s menu opens 微团队; a team formed is listed with its members and hours', async () => {
  const session = await worker.get<ConsoleSessionReply>('/console/api/session');
  expect(session.data.menu.teams).toBe(true);
  const saved = await worker.post<TeamSaveResult>('/console/api/teams', {
    ...TEAM,
    clientRequestId: rid('save'),
  });
  expect(saved.code).toBe('OK');
  teamId = saved.data.teamId;
  const list = await worker.get<UnitTeamList>('/console/api/teams?status=active&pageSize=50');
  expect(list.code).toBe('OK');
  expect(list.data.items.find((t) => t.teamId === teamId)).toMatchObject({
    name: TEAM.name,
    bondLabel: '地缘',
    memberCount: 0,
    serviceHours: 0,
    leaderName: '待定',
  });
  const edited = await worker.post<TeamSaveResult>(`/console/api/teams/${teamId}`, {
    ...TEAM,
    services: ['代买代购', '陪同就医', '上门探访'],
    clientRequestId: rid('edit'),
  });
  expect(edited.data).toEqual({ teamId, created: false });
});

test('an invitation and an application: the worker sees phones in full, approves, sets the leader', async () => {
  const invite = await worker.post<TeamInviteResult>(`/console/api/teams/${teamId}/invite`, {
    clientRequestId: rid('invite'),
  });
  expect(invite.code).toBe('OK');
  expect((await join(RESIDENT, { teamId, inviteCode: invite.data.inviteCode })).code).toBe('OK');
  expect((await join(APPLICANT, { teamId })).data.state).toBe('pending');

  const detail = await worker.get<TeamDetail>(`/console/api/teams/${teamId}`);
  expect(detail.code).toBe('OK');
  expect(detail.data.members.find((m) => m.openid === RESIDENT)).toMatchObject({
    phone: '13907750001',
    phoneMasked: false,
  });
  expect(detail.data.actions).toEqual(expect.arrayContaining(['set_leader', 'deactivate', 'decide']));
  const application = detail.data.applications[0]!;
  expect(application.openid).toBe(APPLICANT);
  const decided = await worker.post<TeamDecideResult>(
    `/console/api/teams/applications/${application.applicationId}/decision`,
    { approve: true, clientRequestId: rid('decide') },
  );
  expect(decided.data).toMatchObject({ status: 'approved', memberCount: 2 });

  const leader = await worker.post<TeamLeaderSetResult>(`/console/api/teams/${teamId}/leader`, {
    openid: RESIDENT,
    clientRequestId: rid('leader'),
  });
  expect(leader.data).toMatchObject({ leaderOpenid: RESIDENT, leaderName: '黄阿姨', memberCount: 2 });
  const list = await worker.get<UnitTeamList>('/console/api/teams?pageSize=50');
  expect(list.data.items.find((t) => t.teamId === teamId)).toMatchObject({
    leaderName: '黄**',
    leaderFullName: '黄阿姨',
    memberCount: 2,
  });
});

test('refused, writing nothing: another county’s worker, an unnamed team, a page size over 50', async () => {
  const far = await cloud.signIn('lingcheng.worker');
  await expectRefused(far, '/console/api/teams', TEAM, 403, 'TEAM_COMMUNITY_NOT_FOUND');
  await expectRefused(far, `/console/api/teams/${teamId}/deactivate`, {}, 403, 'TEAM_NOT_FOUND');
  await expectRefused(worker, '/console/api/teams', { ...TEAM, name: '' }, 400, 'INVALID_INPUT');
  await expectRefused(
    worker,
    `/console/api/teams/${teamId}/members/${RESIDENT}/remove`,
    {},
    400,
    'TEAM_LEADER_CANNOT_LEAVE',
  );
  expect((await worker.get('/console/api/teams?pageSize=500')).code).toBe('INVALID_INPUT');
  const farList = await far.get<UnitTeamList>('/console/api/teams?pageSize=50');
  expect(farList.data.items.map((t) => t.teamId)).not.toContain(teamId);
});

test('the worker removes a member and deactivates the team', async () => {
  const removed = await worker.post(`/console/api/teams/${teamId}/members/${APPLICANT}/remove`, {
    clientRequestId: rid('remove'),
  });
  expect(removed.code).toBe('OK');
  const ended = await worker.post(`/console/api/teams/${teamId}/deactivate`, {
    clientRequestId: rid('deactivate'),
  });
  expect(ended.data).toMatchObject({ active: false, released: 1 });
  expect(await cloud.get<VolunteerTeam>('volunteer_teams', teamId)).toMatchObject({
    active: false,
    memberCount: 0,
  });
  const ended2 = await worker.get<UnitTeamList>('/console/api/teams?status=inactive&pageSize=50');
  expect(ended2.data.items.map((t) => t.teamId)).toContain(teamId);
});
