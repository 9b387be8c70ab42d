/**
 * People (人员与账号) through the real admin-api on the local cloud: a worker grants and withdraws roles within
 * their scope only (core/console/role-grant.policy.ts), the person can act at their next request and stops
 * when the role is withdrawn (their console sessions end); the list of a unit's people with masked phones and
 * a name search; accounts made and passwords reset from the page. Every refusal writes nothing at all.
 */
import type { AccountIssuedReply, ConsoleOrderListReply } from '../../../core/console/console.replies';
import type { PeopleListReply, RoleGrantResult } from '../../../core/console/people.replies';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const COMMUNITY_ID = '450902001001';
const GRID_ID = '450902001001001';
const GRID = '/450900/450902/450902001/450902001001/450902001001001/';
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const RESIDENT = 'demo-resident-1'; // 黄阿姨 (a resident's users record keeps no real name), living in the demo grid
const OTHER_RESIDENT = 'demo-resident-2'; // living in 北流市陵城街道

beforeEach(() => cloud.nextMinute());

let seq = 0;
const rid = (label: string) => `${label}-${(seq += 1).toString().padStart(4, '0')}-people`;

type Grants = { role: string; orgPath?: string }[];
const grantsOf = async (openid: string) => (await cloud.get<{ grants: Grants }>('users', openid))!.grants;

async function expectRefused(
  b: ConsoleBrowser,
  body: Record<string, unknown>,
  status: number,
  code: string,
): Promise<void> {
  const before = cloud.wholeMark();
  const reply = await b.post('/console/api/people/roles', { clientRequestId: rid('refused'), ...body });
  expect({ status: reply.status, code: reply.code }).toEqual({ status, code });
  expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(cloud.wholeMark()).toEqual(before);
}

describe('the people of a unit', () => {
  test('a community worker sees the staff of the community and its grids, phones masked, by name too', async () => {
    const worker = await cloud.signIn('community.worker');
    const reply = await worker.get<PeopleListReply>('/console/api/people?kind=staff&pageSize=50');
    expect(reply.code).toBe('OK');
    const people = reply.data.items;
    const gridWorker = people.find((p) => p.openid === 'demo-grid-worker-1')!;
    expect(gridWorker).toMatchObject({ name: '钟晓燕', loginName: 'grid.worker' });
    expect(gridWorker.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(gridWorker.grants).toEqual([
      expect.objectContaining({ role: 'worker', orgPath: GRID, withdrawable: true }),
    ]);
    // Every one holds a role within the community; none of another street.
    for (const p of people) expect(p.grants.some((g) => (g.orgPath ?? '').startsWith(COMMUNITY))).toBe(true);
    expect(people.some((p) => p.openid === 'demo-street-worker-1')).toBe(false);
    // The community's own leader is listed but not the worker's to withdraw (same unit, higher role).
    const leader = people.find((p) => p.openid === 'demo-community-leader-1')!;
    expect(leader.grants[0]!.withdrawable).toBe(false);

    const byName = await worker.get<PeopleListReply>(
      `/console/api/people?kind=staff&q=${encodeURIComponent('钟晓')}`,
    );
    expect(byName.data.items.map((p) => p.openid)).toEqual(['demo-grid-worker-1']);
    const residents = await worker.get<PeopleListReply>('/console/api/people?kind=residents&q=13907750001');
    expect(residents.data.items.map((p) => [p.openid, p.phoneMasked])).toEqual([[RESIDENT, '139****0001']]);
  });
});

describe('a community worker makes a grid worker, who can then act; withdrawing the role ends it', () => {
  let worker: ConsoleBrowser;
  beforeAll(async () => {
    worker = await cloud.signIn('community.worker');
  });

  test('grant, account, first sign-in, the grid’s orders; then withdrawal ends the session', async () => {
    const granted = await worker.post<RoleGrantResult>('/console/api/people/roles', {
      op: 'grant',
      targetOpenid: RESIDENT,
      role: 'worker',
      orgUnitId: GRID_ID,
      note: '新任网格员',
      clientRequestId: rid('grant'),
    });
    expect(granted.code).toBe('OK');
    expect(granted.data).toMatchObject({ op: 'grant', name: '黄阿姨', role: 'worker', sessionsEnded: 0 });
    expect(await grantsOf(RESIDENT)).toContainEqual({ role: 'worker', orgPath: GRID });
    const [entry] = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'user.role.manage',
      entityId: RESIDENT,
    });
    expect(entry).toMatchObject({
      actorOpenid: 'demo-community-worker-1',
      actorRole: 'worker',
      accountId: 'community.worker',
      entityType: 'user',
      orgPath: GRID,
      summary: expect.stringContaining('授予 黄阿姨 “平台管理人员”角色'),
    });
    // Granted twice: refused, nothing written.
    await expectRefused(
      worker,
      { op: 'grant', targetOpenid: RESIDENT, role: 'worker', orgUnitId: GRID_ID },
      409,
      'ROLE_GRANT_EXISTS',
    );

    const issued = await worker.post<AccountIssuedReply>('/console/api/accounts', {
      openid: RESIDENT,
      loginName: 'huang.xiuying',
    });
    expect(issued.code).toBe('OK');
    const person = await cloud.signIn('huang.xiuying', issued.data.oneTimePassword);
    expect((await person.get('/console/api/orders')).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (
        await person.post('/console/auth/password', {
          currentPassword: issued.data.oneTimePassword,
          newPassword: 'Gridworker2025a',
        })
      ).code,
    ).toBe('OK');
    const orders = await person.get<ConsoleOrderListReply>('/console/api/orders?pageSize=50');
    expect(orders.code).toBe('OK');
    const regexp = cloud.db.RegExp({ regexp: `^${GRID}`, options: '' });
    expect(orders.data.total).toBe(await cloud.count('orders', { orgPath: regexp }));
    for (const row of orders.data.items) expect(row.orgPath).toBe(GRID);

    // A reset from the page: a new one-time password, shown once.
    const reset = await worker.post<AccountIssuedReply>('/console/api/accounts/huang.xiuying/reset', {});
    expect(reset.code).toBe('OK');
    expect(reset.data.oneTimePassword).not.toBe(issued.data.oneTimePassword);
    const again = await cloud.signIn('huang.xiuying', reset.data.oneTimePassword);
    await again.post('/console/auth/password', {
      currentPassword: reset.data.oneTimePassword,
      newPassword: 'Gridworker2025b',
    });
    expect((await again.get('/console/api/session')).code).toBe('OK');

    const withdrawn = await worker.post<RoleGrantResult>('/console/api/people/roles', {
      op: 'revoke',
      targetOpenid: RESIDENT,
      role: 'worker',
      orgUnitId: GRID_ID,
      clientRequestId: rid('revoke'),
    });
    expect(withdrawn.data).toMatchObject({ op: 'revoke', sessionsEnded: 1 });
    expect(await grantsOf(RESIDENT)).not.toContainEqual({ role: 'worker', orgPath: GRID });
    const after = await again.get('/console/api/orders');
    expect({ status: after.status, code: after.code }).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
    // And signing in again is refused: no console role left.
    const retry = await cloud.browser().signIn('huang.xiuying', 'Gridworker2025b');
    expect(retry.code).toBe('CONSOLE_ROLE_REQUIRED');
  });
});

describe('nobody grants at or above their own level, nor outside their unit', () => {
  test('a community worker: not a community worker or leader, not another street’s grid (403, nothing written)', async () => {
    const worker = await cloud.signIn('community.worker');
    const base = { op: 'grant', targetOpenid: RESIDENT };
    await expectRefused(worker, { ...base, role: 'worker', orgUnitId: COMMUNITY_ID }, 403, 'OUT_OF_SCOPE');
    await expectRefused(worker, { ...base, role: 'leader', orgUnitId: COMMUNITY_ID }, 403, 'OUT_OF_SCOPE');
    await expectRefused(worker, { ...base, role: 'worker', orgUnitId: '450902001' }, 403, 'OUT_OF_SCOPE');
    await expectRefused(
      worker,
      { ...base, role: 'worker', orgUnitId: '450981001001001' },
      403,
      'OUT_OF_SCOPE',
    );
    // Withdrawing the community leader's role: at their level, refused.
    await expectRefused(
      worker,
      { op: 'revoke', targetOpenid: 'demo-community-leader-1', role: 'leader', orgUnitId: COMMUNITY_ID },
      403,
      'OUT_OF_SCOPE',
    );
    // A person living elsewhere is not the worker's to see.
    await expectRefused(
      worker,
      { ...base, targetOpenid: OTHER_RESIDENT, role: 'worker', orgUnitId: GRID_ID },
      403,
      'ROLE_PERSON_NOT_FOUND',
    );
    // Nor themselves.
    await expectRefused(
      worker,
      { ...base, targetOpenid: 'demo-community-worker-1', role: 'worker', orgUnitId: GRID_ID },
      400,
      'ROLE_GRANT_SELF',
    );
  });

  test('a street leader makes a community leader; a street worker cannot make the street’s leader', async () => {
    const leader = await cloud.signIn('street.leader');
    const granted = await leader.post<RoleGrantResult>('/console/api/people/roles', {
      op: 'grant',
      targetOpenid: RESIDENT,
      role: 'leader',
      orgUnitId: COMMUNITY_ID,
      clientRequestId: rid('leader'),
    });
    expect(granted.code).toBe('OK');
    expect(await grantsOf(RESIDENT)).toContainEqual({ role: 'leader', orgPath: COMMUNITY });
    // The community's worker may not withdraw it (a leader of their own unit).
    const worker = await cloud.signIn('community.worker');
    await expectRefused(
      worker,
      { op: 'revoke', targetOpenid: RESIDENT, role: 'leader', orgUnitId: COMMUNITY_ID },
      403,
      'OUT_OF_SCOPE',
    );
    const withdrawn = await leader.post<RoleGrantResult>('/console/api/people/roles', {
      op: 'revoke',
      targetOpenid: RESIDENT,
      role: 'leader',
      orgUnitId: COMMUNITY_ID,
      clientRequestId: rid('leader-off'),
    });
    expect(withdrawn.code).toBe('OK');

    const streetWorker = await cloud.signIn('street.worker');
    await expectRefused(
      streetWorker,
      { op: 'grant', targetOpenid: RESIDENT, role: 'leader', orgUnitId: '450902001' },
      403,
      'OUT_OF_SCOPE',
    );
  });

  test('a provider manager (no console role) may not manage roles at all', async () => {
    const before = cloud.wholeMark();
    const reply = await cloud.as('demo-provider-manager-1').raw('admin-api', { command: 'user.role.manage' });
    expect(reply.code).toBe('HTTP_REQUEST_REQUIRED');
    expect(cloud.wholeMark()).toEqual(before);
  });
});

describe('bad input: 400 with a Chinese message, nothing written', () => {
  test.each([
    [{ op: 'grant', targetOpenid: RESIDENT, role: 'system', orgUnitId: GRID_ID }, 'INVALID_INPUT'],
    [{ op: 'promote', targetOpenid: RESIDENT, role: 'worker', orgUnitId: GRID_ID }, 'INVALID_INPUT'],
    [{ op: 'grant', targetOpenid: 'x', role: 'worker', orgUnitId: GRID_ID }, 'INVALID_INPUT'],
    [{ op: 'grant', targetOpenid: RESIDENT, role: 'worker' }, 'ROLE_UNIT_REQUIRED'],
    [{ op: 'grant', targetOpenid: RESIDENT, role: 'resident', orgUnitId: GRID_ID }, 'ROLE_NOT_GRANTABLE'],
    [{ op: 'grant', targetOpenid: RESIDENT, role: 'leader', orgUnitId: GRID_ID }, 'ROLE_LEVEL_NOT_ALLOWED'],
  ])('%j', async (body, code) => {
    const worker = await cloud.signIn('community.worker');
    await expectRefused(worker, body, 400, code);
  });

  test('without a request id', async () => {
    const worker = await cloud.signIn('community.worker');
    const before = cloud.wholeMark();
    const reply = await worker.post('/console/api/people/roles', {
      op: 'grant',
      targetOpenid: RESIDENT,
      role: 'worker',
      orgUnitId: GRID_ID,
    });
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 400, code: 'INVALID_INPUT' });
    expect(cloud.wholeMark()).toEqual(before);
  });
});
