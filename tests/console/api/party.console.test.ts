/**
 * 双报到 through the real admin-api on the local cloud (docs/party.md, docs/console.md): the community worker's
 * menu opens 双报到; the pending requests of the demo data are listed; one is declined (a reason required) and
 * one confirmed, the member then on the community's roster with their org and service; a member is removed;
 * another street's worker and a bad decision are refused writing nothing at all.
 */
import type { ConsoleSessionReply } from '../../../core/console/console.replies';
import type {
  PartyConfirmResult,
  PartyLeaveResult,
  PartyMemberRosterResult,
  PartyOrgRosterResult,
  RegistrationListResult,
} from '../../../core/party/party.replies';
import type { User } from '../../../core/model/user.model';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'party');
/** In the demo data: a party organisation's and a member's requests to 东门社区, both pending. */
const PENDING_ORG = 'reg-pending-1';
const PENDING_MEMBER = 'reg-pending-2';
let worker: ConsoleBrowser;

beforeAll(async () => {
  worker = await cloud.signIn('community.worker');
});
beforeEach(() => cloud.nextMinute());

const decide = (b: ConsoleBrowser, id: string, approve: boolean, reason = '') =>
  b.post<PartyConfirmResult>(`/console/api/party/registrations/${id}/decision`, {
    approve,
    reason,
    clientRequestId: rid('decide'),
  });

test('the worker’s menu opens 双报到 and the pending requests are listed', async () => {
  const session = await worker.get<ConsoleSessionReply>('/console/api/session');
  expect(session.data.menu.party).toBe(true);
  const list = await worker.get<RegistrationListResult>(
    '/console/api/party/registrations?status=pending&pageSize=50',
  );
  expect(list.code).toBe('OK');
  const ids = list.data.items.map((i) => i.registrationId);
  expect(ids).toEqual(expect.arrayContaining([PENDING_ORG, PENDING_MEMBER]));
  expect(list.data.items.find((i) => i.registrationId === PENDING_ORG)).toMatchObject({
    kind: 'party_org',
    kindLabel: '党组织',
    name: '玉林市住房公积金管理中心机关党支部',
    statusLabel: '待确认',
  });
});

test('refused, writing nothing: another street’s worker, declining without a reason, a page size over 50', async () => {
  const far = await cloud.signIn('lingcheng.worker');
  await expectRefused(
    far,
    `/console/api/party/registrations/${PENDING_MEMBER}/decision`,
    { approve: true },
    403,
    'PARTY_REGISTRATION_NOT_FOUND',
  );
  await expectRefused(
    worker,
    `/console/api/party/registrations/${PENDING_MEMBER}/decision`,
    { approve: false, reason: '' },
    400,
    'INVALID_INPUT',
  );
  const bad = await worker.get('/console/api/party/registrations?pageSize=500');
  expect(bad.code).toBe('INVALID_INPUT');
  const farList = await far.get<RegistrationListResult>('/console/api/party/registrations');
  expect(farList.data.items.map((i) => i.registrationId)).not.toContain(PENDING_MEMBER);
});

test('declined with a reason; confirmed: the member is on the roster, the organisation too', async () => {
  const declined = await decide(worker, PENDING_ORG, false, '请补充上级党组织出具的报到函');
  expect(declined.data).toMatchObject({ status: 'rejected', registrantId: null });

  const confirmed = await decide(worker, PENDING_MEMBER, true);
  expect(confirmed.code).toBe('OK');
  const memberId = confirmed.data.registrantId!;
  const applicant = (await cloud.get<User>('users', 'sim-member-pending-2'))!;
  expect(applicant.grants).toEqual([
    { role: 'party_member', orgPath: DEMO_PATHS.community, partyOrgId: expect.any(String) },
  ]);

  const roster = await worker.get<PartyMemberRosterResult>(
    '/console/api/party/roster?view=members&pageSize=50',
  );
  expect(roster.code).toBe('OK');
  expect(roster.data.communityName).toBe('东门社区');
  const row = roster.data.items.find((i) => i.memberId === memberId)!;
  expect(row).toMatchObject({ workUnit: '玉林市图书馆', phoneMasked: false, serviceCount: 0 });
  expect(row.phone).toMatch(/^1\d{10}$/);

  const orgs = await worker.get<PartyOrgRosterResult>('/console/api/party/roster?view=orgs&pageSize=50');
  expect(orgs.data.items.map((o) => o.name)).not.toContain('玉林市住房公积金管理中心机关党支部');
  expect(orgs.data.items.every((o) => !o.phoneMasked)).toBe(true);

  const left = await worker.post<PartyLeaveResult>(`/console/api/party/members/${memberId}/leave`, {
    reason: '已调离本社区',
    clientRequestId: rid('leave'),
  });
  expect(left.code).toBe('OK');
  expect((await cloud.get<User>('users', 'sim-member-pending-2'))!.grants).toEqual([]);
  await expectRefused(worker, `/console/api/party/members/${memberId}/leave`, {}, 400, 'PARTY_MEMBER_LEFT');
});
