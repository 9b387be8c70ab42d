/**
 * Every route of admin-api refuses, writing nothing at all (the whole database's write mark, bookkeeping
 * included): without a session (401, for every path under /console/api/, known or not, before any
 * routing), a write without the session's CSRF token or with another one (403), and a record or unit
 * outside the worker's scope (403, the same answer as for one that does not exist). The routes are read
 * from admin-api's own table (its index.ts and routes/*.ts, as tests/functions/support/function-routes.ts reads
 * it), so a new route fails here until it has its out-of-scope case.
 * Every answer carries the security headers.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleBrowser } from '../support/console-cloud';
import { CONSOLE_OUT } from '../../../scripts/build-console';
import { DEMO_CONSOLE_ACCOUNTS } from '../../../scripts/console-demo-accounts';
import { consoleCloud, DEMO_CONSOLE_PASSWORD } from '../support/console-cloud';
import { routesOf } from '../../functions/support/function-routes';
import {
  governanceScopeCases,
  governanceWrites,
  seedGovernanceScope,
  type GovernanceScopeIds,
} from './governance.fixtures';

const cloud = consoleCloud();
const ROOT = join(__dirname, '..', '..', '..');

/** 'METHOD /path' of every route of a file (the route tables' keys). */
function routesIn(file: string, prefix: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  return [...source.matchAll(new RegExp(`'((?:GET|POST) ${prefix}[^']*)'`, 'g'))].map((m) => m[1]!);
}

const API_ROUTES = routesOf('admin-api').routes;
const AUTH_ROUTES = routesIn('function-kit/console-session.ts', '/console/auth/');

/** Ids that exist, inside and outside the 玉城街道 workers' units. */
const ids = {
  ownOrder: '',
  otherStreetOrder: '',
  ownProvider: 'prv-000001',
  otherProvider: '',
  /** A ledger export of another street's worker (lingcheng.worker). */
  foreignLedgerJob: '',
};
const OTHER_STREET = '450981001';

/** A route with its parameters filled (`:orderId` and the like). */
function filled(route: string, params: Record<string, string> = {}): [string, string] {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? `x-${name}`);
  return [method, path];
}

beforeAll(async () => {
  const _ = cloud.db;
  const regexp = (p: string) => _.RegExp({ regexp: `^${p}`, options: '' });
  const [own] = await cloud.find<{ _id: string }>(
    'orders',
    { orgPath: regexp('/450900/450902/450902001/') },
    1,
  );
  const [other] = await cloud.find<{ _id: string }>(
    'orders',
    { orgPath: regexp('/450900/450981/450981001/') },
    1,
  );
  const outside = await cloud.find<{ _id: string; orgPath: string }>('providers', {}, 100);
  ids.ownOrder = own!._id;
  ids.otherStreetOrder = other!._id;
  ids.otherProvider = outside.find((p) => !p.orgPath.startsWith('/450900/450902/450902001/'))!._id;
  const lingcheng = await cloud.signIn('lingcheng.worker');
  const job = await lingcheng.post<{ jobId: string }>('/console/api/ledgers/exports', {
    kind: 'providers',
    from: '2024-12-01',
    to: '2024-12-31',
  });
  ids.foreignLedgerJob = job.data.jobId;
});

beforeEach(() => cloud.nextMinute());

function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

describe('without a session, every path under /console/api/ answers 401 before any routing', () => {
  const unknown = [
    'GET /console/api/nope',
    'GET /console/api',
    'GET /console/api/',
    'POST /console/api/orders',
    'DELETE /console/api/orders/x',
    'PUT /console/api/providers/prv-000001/status',
    'GET /console/api/../api/orders',
  ];
  test.each([...API_ROUTES, ...unknown])('%s', async (route) => {
    const [method, path] = filled(route, {
      orderId: 'ord-0000001',
      providerId: 'prv-000001',
      loginName: 'x.y.z',
    });
    const anonymous = cloud.browser();
    const forged = cloud.browser();
    forged.cookie = `wm_console_session=${'A'.repeat(43)}`;
    for (const b of [anonymous, forged]) {
      const before = cloud.wholeMark();
      const reply = await b.request(method, path, method === 'GET' ? {} : { body: 'x=1', csrf: false });
      if (path === '/console/api') {
        // Not under /console/api/: the local cloud's own 404 (no function reached).
        expect(reply.status).toBe(404);
      } else {
        expect({ status: reply.status, code: reply.code }).toEqual({ status: 401, code: 'SESSION_REQUIRED' });
        expect(reply.message).toBe('请先登录管理后台');
        expectSecurityHeaders(reply.headers);
      }
      expect(cloud.wholeMark()).toEqual(before);
    }
  });

  test('a path whose %-escapes do not decode is refused by the local cloud itself (400), reaching nothing', async () => {
    const before = cloud.wholeMark();
    const reply = await cloud.browser().get('/console/api/%E0%A4%A');
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 400, code: 'INVALID_PARAM' });
    expect(cloud.wholeMark()).toEqual(before);
  });

  test.each(AUTH_ROUTES.filter((r) => !r.endsWith('/login')))('%s', async (route) => {
    const [method, path] = filled(route);
    const before = cloud.wholeMark();
    const reply = await cloud.browser().request(method, path, { json: {} });
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 401, code: 'SESSION_REQUIRED' });
    expect(cloud.wholeMark()).toEqual(before);
  });
});

describe('a write without the session’s CSRF token, or with another, is refused (403), writing nothing', () => {
  const writes = [...API_ROUTES, ...AUTH_ROUTES].filter((r) => r.startsWith('POST') && !r.endsWith('/login'));

  test('the routes that write are the ones expected', () => {
    expect(writes.sort()).toEqual(
      [
        'POST /console/api/accounts',
        'POST /console/api/accounts/:loginName/reset',
        'POST /console/api/announcements',
        'POST /console/api/announcements/:announcementId',
        'POST /console/api/announcements/:announcementId/publish',
        'POST /console/api/announcements/:announcementId/withdraw',
        'POST /console/api/catalog/categories',
        'POST /console/api/catalog/items',
        'POST /console/api/catalog/visibility',
        'POST /console/api/concerns',
        'POST /console/api/concerns/:concernId/claim',
        'POST /console/api/concerns/:concernId/escalate',
        'POST /console/api/concerns/:concernId/joint/minutes',
        'POST /console/api/concerns/:concernId/joint/take',
        'POST /console/api/concerns/:concernId/joint/tasks',
        'POST /console/api/concerns/:concernId/joint/tasks/:taskId/done',
        'POST /console/api/concerns/:concernId/publish',
        'POST /console/api/concerns/:concernId/refer',
        'POST /console/api/concerns/:concernId/resolve',
        'POST /console/api/concerns/:concernId/review',
        'POST /console/api/concerns/:concernId/update',
        'POST /console/api/funds/entries',
        'POST /console/api/funds/entries/:entryId/correct',
        'POST /console/api/ledgers/exports',
        'POST /console/api/messages/read',
        'POST /console/api/party/members/:memberId/leave',
        'POST /console/api/party/registrations/:registrationId/decision',
        'POST /console/api/people/roles',
        'POST /console/api/places',
        'POST /console/api/places/:unitId/move',
        'POST /console/api/files',
        'POST /console/api/stations',
        'POST /console/api/stations/:stationId',
        'POST /console/api/stations/:stationId/checklist',
        'POST /console/api/stations/:stationId/inspections',
        'POST /console/api/stations/:stationId/demonstration',
        'POST /console/api/providers/:providerId/status',
        'POST /console/api/residents',
        'POST /console/api/residents/:residentId/match',
        'POST /console/api/residents/orders',
        'POST /console/api/residents/orders/:orderId/cancel',
        'POST /console/api/residents/orders/:orderId/rating',
        'POST /console/api/residents/urgent/:orderId/handle',
        'POST /console/api/residents/duty',
        'POST /console/api/teams',
        'POST /console/api/teams/:teamId',
        'POST /console/api/teams/:teamId/deactivate',
        'POST /console/api/teams/:teamId/invite',
        'POST /console/api/teams/:teamId/leader',
        'POST /console/api/teams/:teamId/members/:openid/remove',
        'POST /console/api/teams/applications/:applicationId/decision',
        'POST /console/api/volunteers/:volunteerNo/records',
        'POST /console/api/volunteers/activities',
        'POST /console/api/volunteers/activities/:activityId',
        'POST /console/api/volunteers/activities/:activityId/cancel',
        'POST /console/api/volunteers/activities/:activityId/checkin-code',
        'POST /console/api/volunteers/activities/:activityId/hours',
        'POST /console/auth/logout',
        'POST /console/auth/password',
        ...governanceWrites(governanceScopeCases(governanceIds)),
      ].sort(),
    );
  });

  test.each(writes)('%s', async (route) => {
    const leader = await cloud.signIn('community.leader');
    const other = await cloud.signIn('community.leader');
    const [method, path] = filled(route, { providerId: ids.ownProvider, loginName: 'grid.worker' });
    const body = {
      to: 'suspended',
      reason: '核查投诉',
      clientRequestId: 'csrf-check-0001',
      openid: 'demo-grid-worker-1',
      loginName: 'grid.worker.two',
      currentPassword: 'hongsheng2025',
      newPassword: 'Hongsheng2026ok',
    };
    for (const csrf of [false, 'not-the-token', other.csrfToken] as const) {
      const before = cloud.wholeMark();
      const reply = await leader.request(method, path, { json: body, csrf });
      expect({ status: reply.status, code: reply.code }).toEqual({ status: 403, code: 'CSRF_TOKEN_INVALID' });
      expect(reply.message).toBe('页面已过期，请刷新页面后重试');
      expect(cloud.wholeMark()).toEqual(before);
    }
    // Sent from another site's page: refused before anything runs (the local cloud; admin-api checks too).
    const before = cloud.wholeMark();
    const foreign = await leader.request(method, path, {
      json: body,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(cloud.wholeMark()).toEqual(before);
  });
});

interface ScopeCase {
  /** Who asks. */
  readonly as: string;
  /** The path (and body) of a record or unit outside their units... */
  readonly outside: () => [string, unknown?];
  /** ...and of one that does not exist: the same answer. */
  readonly missing: () => [string, unknown?];
  readonly code: string;
}

/** 代下单 and 紧急求助 records of 东门社区 (placed by its community worker), for the residents routes' cases. */
const acting = { matchId: '', orderId: '' };
const ACTING_CONSENT = { method: 'in_person', statement: '居民当面同意代为下单' };

beforeAll(async () => {
  const worker = await cloud.signIn('community.worker');
  const resident = await worker.post<{ residentId: string }>('/console/api/residents', {
    gridId: '450902001001001',
    name: '刘阿公',
    phone: '13977000901',
    consent: ACTING_CONSENT,
    clientRequestId: 'scope-acting-0001',
  });
  const match = await worker.post<{ matchId: string; items: { providers: { providerId: string }[] }[] }>(
    `/console/api/residents/${resident.data.residentId}/match`,
    { itemIds: ['item-appliance-repair'] },
  );
  const placed = await worker.post<{ orderId: string }>('/console/api/residents/orders', {
    matchId: match.data.matchId,
    itemId: 'item-appliance-repair',
    providerId: match.data.items[0]!.providers[0]!.providerId,
    consent: ACTING_CONSENT,
    urgent: true,
    clientRequestId: 'scope-acting-0002',
  });
  acting.matchId = match.data.matchId;
  acting.orderId = placed.data.orderId;
});

/** A concern of 东门社区 waiting for review (filed for a resident by its community worker): not on the wall. */
const concern = { id: '' };

beforeAll(async () => {
  const worker = await cloud.signIn('community.worker');
  const filed = await worker.post<{ concernId: string }>('/console/api/concerns', {
    kind: 'worry',
    title: '单元门门禁坏了',
    content: '门禁坏了一个月。',
    orgUnitId: '450902001001001',
    onBehalfOf: { name: '韦阿婆', consent: ACTING_CONSENT },
    clientRequestId: 'scope-concern-0001',
  });
  concern.id = filed.data.concernId;
});

/** A notice in another person's message centre. */
const OTHERS_NOTICE = 'scope-notice-0001';

beforeAll(async () => {
  await cloud.insert('inbox_messages', [
    {
      _id: OTHERS_NOTICE,
      touser: 'demo-resident-1',
      templateId: 'TPL_ORDER_STATUS',
      title: '订单状态通知',
      lines: [{ label: '订单状态', value: '已接单' }],
      page: 'pages/order-detail/order-detail?orderId=x',
      subjectId: 'x',
      createdAt: cloud.started.cloud.clock.now(),
      readAt: null,
    },
  ]);
});

/** A concern route's case: another street's worker on 东门社区's concern, and on one that does not exist. */
function onConcern(step: string, body: Record<string, unknown>): ScopeCase {
  return {
    as: 'lingcheng.worker',
    outside: () => [
      `/console/api/concerns/${concern.id}/${step}`,
      { ...body, clientRequestId: `scope-${step.replace(/\W/g, '-')}-c1` },
    ],
    missing: () => [
      `/console/api/concerns/no-such-concern/${step}`,
      { ...body, clientRequestId: `scope-${step.replace(/\W/g, '-')}-c2` },
    ],
    code: 'CONCERN_NOT_FOUND',
  };
}

/** Provider governance's records of 东门社区 (tests/console/api/governance.fixtures.ts). */
const governanceIds = {} as GovernanceScopeIds;

beforeAll(async () => {
  Object.assign(governanceIds, await seedGovernanceScope(cloud));
});

/** A station's details, as 站点管理 saves them. */
const STATION_DETAILS = {
  name: '孵化管理站',
  address: '党群服务中心',
  phone: '0775-2823456',
  openingHours: '工作日',
  managerName: '李红',
};

/** A station route's case: another street's worker on 东门社区's station, and on one that does not exist. */
function onStation(method: 'GET' | 'POST', step: string, body?: Record<string, unknown>): ScopeCase {
  const at = (stationId: string, n: number): [string, unknown?] => {
    const path = `/console/api/stations/${stationId}${step}`;
    if (method === 'GET') return [path];
    return [path, { ...body, clientRequestId: `scope-station${step.replace(/\W/g, '-')}-${n}` }];
  };
  return {
    as: 'lingcheng.worker',
    outside: () => at('st-450902001001', 1),
    missing: () => at('st-no-such-unit', 2),
    code: 'STATION_NOT_FOUND',
  };
}

/** A 1x1 PNG to upload as a station's evidence photo. */
const SCOPE_PHOTO = {
  purpose: 'station_evidence',
  fileName: 'photo.png',
  content: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
};

/** A notice's draft, for the 信息发布 routes' cases. */
const SCOPE_NOTICE = {
  kind: 'notice',
  title: '停电通知',
  body: '明天上午停电检修。',
  clientRequestId: 'scope-notice-0001',
};

/** An income any worker of a street could record, but not for another street. */
const SCOPE_FUND = { direction: 'income', source: 'finance', amountFen: 10_000, date: '2024-12-01' };

/** 东门社区, the demo community of 玉城街道 (another street to lingcheng.worker), and no unit at all. */
const DEMO_COMMUNITY = '450902001001';
const NO_COMMUNITY = '999999999999';

/**
 * 双报到, 微团队 and volunteering records of 玉城街道 in the demo data (demo/demo-party.ts, demo-teams.ts,
 * demo-activities.ts), for the party, teams and volunteers routes' cases: another street's worker on them.
 */
const volunteering = {
  registrationId: '',
  memberId: '',
  teamId: '',
  applicationId: '',
  activityId: '',
  volunteerNo: '',
};

beforeAll(async () => {
  const _ = cloud.db;
  const within = { orgPath: _.RegExp({ regexp: '^/450900/450902/450902001/', options: '' }) };
  const first = async <T>(collection: string, where: Record<string, unknown>): Promise<T> => {
    const [found] = await cloud.find<T>(collection, { ...within, ...where }, 1);
    expect(found).toBeDefined();
    return found!;
  };
  type Doc = { _id: string };
  volunteering.registrationId = (await first<Doc>('dual_registrations', { status: 'pending' }))._id;
  volunteering.memberId = (await first<Doc>('party_members', { leftAt: null }))._id;
  volunteering.teamId = (await first<Doc>('volunteer_teams', { active: true }))._id;
  volunteering.applicationId = (await first<Doc>('team_applications', { status: 'pending' }))._id;
  volunteering.activityId = (await first<Doc>('volunteer_activities', {}))._id;
  volunteering.volunteerNo = (await first<{ volunteerNo: string }>('volunteers', {})).volunteerNo;
});

/**
 * A write on one record, as another street's worker: `outside` names the demo record (`id()`), `missing` one
 * that does not exist; the same body (with its own request id) to both.
 */
function onRecord(
  path: (id: string) => string,
  id: () => string,
  missingId: string,
  body: Record<string, unknown>,
  code: string,
): ScopeCase {
  const label = path('x').replace(/\W+/g, '-').slice(-30);
  return {
    as: 'lingcheng.worker',
    outside: () => [path(id()), { ...body, clientRequestId: `scope${label}-1` }],
    missing: () => [path(missingId), { ...body, clientRequestId: `scope${label}-2` }],
    code,
  };
}

/** A read of one record, as another street's worker: the demo record, and one that does not exist. */
function readRecord(
  path: (id: string) => string,
  id: () => string,
  missingId: string,
  code: string,
): ScopeCase {
  return {
    as: 'lingcheng.worker',
    outside: () => [path(id())],
    missing: () => [path(missingId)],
    code,
  };
}

/** A read naming a unit (`?<param>=`): 东门社区 to another street's worker, and no unit at all. */
function readUnit(path: string, param: string, code = 'OUT_OF_SCOPE'): ScopeCase {
  const sep = path.includes('?') ? '&' : '?';
  return {
    as: 'lingcheng.worker',
    outside: () => [`${path}${sep}${param}=${DEMO_COMMUNITY}`],
    missing: () => [`${path}${sep}${param}=${NO_COMMUNITY}`],
    code,
  };
}

/** A team as 微团队 saves it (its community is 东门社区, the team's own). */
const SCOPE_TEAM = {
  communityId: DEMO_COMMUNITY,
  name: '邻里互助队',
  bond: 'geographic',
  description: '帮独居老人买菜。',
  services: ['代买代购'],
};

/** An activity as 活动管理 saves it, starting in two hours. */
function scopeActivity(orgUnitId: string): Record<string, unknown> {
  const startAt = cloud.now() + 2 * 3_600_000;
  return {
    orgUnitId,
    title: '社区义诊',
    content: '健康咨询',
    place: '党群服务中心',
    startAt,
    endAt: startAt + 3_600_000,
    capacity: 10,
    volunteerPlaces: 2,
  };
}

/**
 * Every route's out-of-scope case (null: the route reads only the caller's own session, or what is public to
 * everyone signed in).
 */
const OUT_OF_SCOPE: Record<string, ScopeCase | null> = {
  // 信息发布 (tests/console/api/announcements.console.test.ts says more): the demo notices of 东门社区
  // (demo/demo-announcements.ts) to 陵城街道's worker. The list reads the caller's own units only.
  'GET /console/api/announcements': null,
  'POST /console/api/announcements': {
    as: 'lingcheng.worker',
    outside: () => ['/console/api/announcements', { ...SCOPE_NOTICE, orgUnitId: '450902001001' }],
    missing: () => ['/console/api/announcements', { ...SCOPE_NOTICE, orgUnitId: '999999999' }],
    code: 'ANNOUNCEMENT_UNIT_NOT_FOUND',
  },
  'GET /console/api/announcements/:announcementId': {
    as: 'lingcheng.worker',
    outside: () => ['/console/api/announcements/ann-demo-community-01'],
    missing: () => ['/console/api/announcements/no-such-announcement'],
    code: 'ANNOUNCEMENT_NOT_FOUND',
  },
  'POST /console/api/announcements/:announcementId': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/announcements/ann-demo-community-draft',
      { ...SCOPE_NOTICE, orgUnitId: '450981001001', clientRequestId: 'scope-notice-edit-1' },
    ],
    missing: () => [
      '/console/api/announcements/no-such-announcement',
      { ...SCOPE_NOTICE, orgUnitId: '450981001001', clientRequestId: 'scope-notice-edit-2' },
    ],
    code: 'ANNOUNCEMENT_NOT_FOUND',
  },
  'POST /console/api/announcements/:announcementId/publish': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/announcements/ann-demo-community-draft/publish',
      { clientRequestId: 'scope-notice-publish-1' },
    ],
    missing: () => [
      '/console/api/announcements/no-such-announcement/publish',
      { clientRequestId: 'scope-notice-publish-2' },
    ],
    code: 'ANNOUNCEMENT_NOT_FOUND',
  },
  'POST /console/api/announcements/:announcementId/withdraw': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/announcements/ann-demo-community-01/withdraw',
      { reason: '发布有误', clientRequestId: 'scope-notice-withdraw-1' },
    ],
    missing: () => [
      '/console/api/announcements/no-such-announcement/withdraw',
      { reason: '发布有误', clientRequestId: 'scope-notice-withdraw-2' },
    ],
    code: 'ANNOUNCEMENT_NOT_FOUND',
  },
  // Provider governance (tests/console/api/governance.console.test.ts says more).
  ...governanceScopeCases(governanceIds),
  // Concerns (tests/console/api/concerns.console.test.ts says more). The list reads the caller's own units only.
  'GET /console/api/concerns': null,
  'GET /console/api/concerns/similar': {
    as: 'lingcheng.worker',
    outside: () => ['/console/api/concerns/similar?orgUnitId=450902001001001&title=%E9%97%A8%E7%A6%81'],
    missing: () => ['/console/api/concerns/similar?orgUnitId=999999999999999&title=%E9%97%A8%E7%A6%81'],
    code: 'CONCERN_UNIT_NOT_FOUND',
  },
  'GET /console/api/concerns/queues': {
    as: 'street.worker',
    outside: () => [`/console/api/concerns/queues?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/concerns/queues?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/concerns/:concernId': {
    as: 'lingcheng.worker',
    outside: () => [`/console/api/concerns/${concern.id}`],
    missing: () => ['/console/api/concerns/no-such-concern'],
    code: 'CONCERN_NOT_FOUND',
  },
  'POST /console/api/concerns': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/concerns',
      {
        kind: 'worry',
        title: '路灯不亮',
        content: '路灯坏了。',
        orgUnitId: '450902001001001',
        onBehalfOf: { name: '陈伯', consent: ACTING_CONSENT },
        clientRequestId: 'scope-concern-c001',
      },
    ],
    missing: () => [
      '/console/api/concerns',
      {
        kind: 'worry',
        title: '路灯不亮',
        content: '路灯坏了。',
        orgUnitId: '999999999999999',
        onBehalfOf: { name: '陈伯', consent: ACTING_CONSENT },
        clientRequestId: 'scope-concern-c002',
      },
    ],
    code: 'CONCERN_UNIT_NOT_FOUND',
  },
  'POST /console/api/concerns/:concernId/review': onConcern('review', { decision: 'approve' }),
  'POST /console/api/concerns/:concernId/publish': onConcern('publish', {}),
  'POST /console/api/concerns/:concernId/escalate': onConcern('escalate', { reason: '推送上一级' }),
  'POST /console/api/concerns/:concernId/refer': onConcern('refer', {
    reason: '多部门',
    departments: ['环卫站'],
  }),
  'POST /console/api/concerns/:concernId/claim': onConcern('claim', { claimAs: 'unit' }),
  'POST /console/api/concerns/:concernId/update': onConcern('update', { text: '进展', images: [] }),
  'POST /console/api/concerns/:concernId/resolve': onConcern('resolve', { summary: '办结', images: [] }),
  'POST /console/api/concerns/:concernId/joint/take': onConcern('joint/take', { leadDepartment: '环卫站' }),
  'POST /console/api/concerns/:concernId/joint/tasks': onConcern('joint/tasks', {
    tasks: [{ department: '环卫站', task: '清运', dueAt: Date.UTC(2030, 0, 1) }],
  }),
  'POST /console/api/concerns/:concernId/joint/tasks/:taskId/done': onConcern('joint/tasks/t1/done', {
    note: '已完成',
  }),
  'POST /console/api/concerns/:concernId/joint/minutes': onConcern('joint/minutes', {
    heldOn: '2025-03-11',
    attendees: ['环卫站'],
    minutes: '纪要',
  }),
  // The message centre: the caller's own notices only. Another person's notice answers like a missing one.
  'GET /console/api/messages': null,
  'POST /console/api/messages/read': {
    as: 'street.worker',
    outside: () => [
      '/console/api/messages/read',
      { messageId: OTHERS_NOTICE, clientRequestId: 'scope-read-c1' },
    ],
    missing: () => [
      '/console/api/messages/read',
      { messageId: 'no-such-notice', clientRequestId: 'scope-read-c2' },
    ],
    code: 'MESSAGE_NOT_FOUND',
  },
  'GET /console/api/dashboard/concerns': {
    as: 'street.worker',
    outside: () => [`/console/api/dashboard/concerns?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/dashboard/concerns?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  // Acting for residents (tests/console/api/residents.console.test.ts says more). The four reads name no unit
  // or record: each answers the caller's own placements, or within the caller's own units only.
  'GET /console/api/residents/form': null,
  'GET /console/api/residents/orders': null,
  'GET /console/api/residents/urgent': null,
  'GET /console/api/residents/duty': null,
  'POST /console/api/residents': {
    as: 'grid.worker',
    outside: () => [
      '/console/api/residents',
      {
        gridId: '450981001001001',
        name: '刘阿公',
        phone: '13977000902',
        consent: ACTING_CONSENT,
        clientRequestId: 'scope-res-0001',
      },
    ],
    missing: () => [
      '/console/api/residents',
      {
        gridId: '999999999999999',
        name: '刘阿公',
        phone: '13977000902',
        consent: ACTING_CONSENT,
        clientRequestId: 'scope-res-0002',
      },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/residents/:residentId/match': {
    as: 'grid.worker',
    outside: () => ['/console/api/residents/demo-resident-2/match', { itemIds: ['item-appliance-repair'] }],
    missing: () => ['/console/api/residents/t-nobody-at-all/match', { itemIds: ['item-appliance-repair'] }],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/residents/orders': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/residents/orders',
      {
        matchId: acting.matchId,
        itemId: 'item-appliance-repair',
        providerId: 'prv-000001',
        consent: ACTING_CONSENT,
        clientRequestId: 'scope-place-r001',
      },
    ],
    missing: () => [
      '/console/api/residents/orders',
      {
        matchId: 'no-such-match',
        itemId: 'item-appliance-repair',
        providerId: 'prv-000001',
        consent: ACTING_CONSENT,
        clientRequestId: 'scope-place-r002',
      },
    ],
    code: 'MATCH_NOT_FOUND',
  },
  'POST /console/api/residents/orders/:orderId/cancel': {
    as: 'lingcheng.worker',
    outside: () => [
      `/console/api/residents/orders/${acting.orderId}/cancel`,
      { clientRequestId: 'scope-cancel-r001' },
    ],
    missing: () => [
      '/console/api/residents/orders/ord-9999999/cancel',
      { clientRequestId: 'scope-cancel-r002' },
    ],
    code: 'ORDER_NOT_FOUND',
  },
  'POST /console/api/residents/orders/:orderId/rating': {
    as: 'lingcheng.worker',
    outside: () => [
      `/console/api/residents/orders/${acting.orderId}/rating`,
      { stars: 5, clientRequestId: 'scope-rate-r001' },
    ],
    missing: () => [
      '/console/api/residents/orders/ord-9999999/rating',
      { stars: 5, clientRequestId: 'scope-rate-r002' },
    ],
    code: 'ORDER_NOT_FOUND',
  },
  'POST /console/api/residents/urgent/:orderId/handle': {
    as: 'lingcheng.worker',
    outside: () => [
      `/console/api/residents/urgent/${acting.orderId}/handle`,
      { resolution: 'resolve', note: '已处理', clientRequestId: 'scope-urgent-r001' },
    ],
    missing: () => [
      '/console/api/residents/urgent/ord-9999999/handle',
      { resolution: 'resolve', note: '已处理', clientRequestId: 'scope-urgent-r002' },
    ],
    code: 'ORDER_NOT_FOUND',
  },
  'POST /console/api/residents/duty': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/residents/duty',
      { openid: 'demo-community-worker-1', onDuty: true, clientRequestId: 'scope-duty-r001' },
    ],
    missing: () => [
      '/console/api/residents/duty',
      { openid: 't-nobody-at-all', onDuty: true, clientRequestId: 'scope-duty-r002' },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/session': null,
  'GET /console/api/workbench': {
    as: 'street.worker',
    outside: () => [`/console/api/workbench?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/workbench?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/dashboard': {
    as: 'street.worker',
    outside: () => [`/console/api/dashboard?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/dashboard?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/orders': {
    as: 'street.worker',
    outside: () => [`/console/api/orders?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/orders?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/orders/:orderId': {
    as: 'street.worker',
    outside: () => [`/console/api/orders/${ids.otherStreetOrder}`],
    missing: () => ['/console/api/orders/ord-9999999'],
    code: 'ORDER_NOT_FOUND',
  },
  'GET /console/api/providers': {
    as: 'street.worker',
    outside: () => [`/console/api/providers?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/providers?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/providers/:providerId': {
    as: 'street.worker',
    outside: () => [`/console/api/providers/${ids.otherProvider}`],
    missing: () => ['/console/api/providers/prv-999999'],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/providers/:providerId/status': {
    as: 'street.leader',
    outside: () => [
      `/console/api/providers/${ids.otherProvider}/status`,
      { to: 'suspended', reason: '核查', clientRequestId: 'scope-check-0001' },
    ],
    missing: () => [
      '/console/api/providers/prv-999999/status',
      { to: 'suspended', reason: '核查', clientRequestId: 'scope-check-0002' },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/audit': {
    as: 'street.leader',
    outside: () => [`/console/api/audit?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/audit?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/accounts': {
    as: 'street.leader',
    outside: () => ['/console/api/accounts', { openid: 'demo-street-worker-2', loginName: 'taken.over' }],
    missing: () => ['/console/api/accounts', { openid: 't-nobody-at-all', loginName: 'nobody.at.all' }],
    code: 'ACCOUNT_PERSON_NOT_FOUND',
  },
  'POST /console/api/accounts/:loginName/reset': {
    as: 'street.leader',
    outside: () => ['/console/api/accounts/lingcheng.worker/reset'],
    missing: () => ['/console/api/accounts/nobody.at.all/reset'],
    code: 'ACCOUNT_NOT_FOUND',
  },
  // The funding ledger (tests/console/api/funds.console.test.ts says more).
  'GET /console/api/funds/summary': {
    as: 'street.worker',
    outside: () => [`/console/api/funds/summary?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/funds/summary?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/funds/entries': {
    as: 'street.worker',
    outside: () => [`/console/api/funds/entries?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/funds/entries?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/funds/entries': {
    as: 'street.worker',
    outside: () => [
      '/console/api/funds/entries',
      { ...SCOPE_FUND, orgUnitId: OTHER_STREET, clientRequestId: 'scope-fund-0001' },
    ],
    missing: () => [
      '/console/api/funds/entries',
      { ...SCOPE_FUND, orgUnitId: '999999999', clientRequestId: 'scope-fund-0002' },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/funds/entries/:entryId/correct': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/funds/entries/fund-0001/correct',
      { reason: '金额有误', clientRequestId: 'scope-fund-0003' },
    ],
    missing: () => [
      '/console/api/funds/entries/no-such-entry/correct',
      { reason: '金额有误', clientRequestId: 'scope-fund-0004' },
    ],
    code: 'FUND_ENTRY_NOT_FOUND',
  },
  // Ledgers (tests/console/api/ledgers.console.test.ts says more); the list holds only the caller's own jobs.
  'POST /console/api/ledgers/exports': {
    as: 'street.worker',
    outside: () => [
      '/console/api/ledgers/exports',
      { kind: 'orders', orgUnitId: OTHER_STREET, from: '2024-12-01', to: '2024-12-31' },
    ],
    missing: () => [
      '/console/api/ledgers/exports',
      { kind: 'orders', orgUnitId: '999999999', from: '2024-12-01', to: '2024-12-31' },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/ledgers/exports': null,
  'GET /console/api/ledgers/exports/:jobId': {
    as: 'street.worker',
    outside: () => [`/console/api/ledgers/exports/${ids.foreignLedgerJob}`],
    missing: () => ['/console/api/ledgers/exports/no-such-job'],
    code: 'LEDGER_EXPORT_NOT_FOUND',
  },
  // Catalog, people and places (tests/console/api/people.console.test.ts and its neighbours say more).
  'GET /console/api/catalog': {
    as: 'street.worker',
    outside: () => [`/console/api/catalog?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/catalog?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/catalog/categories': {
    as: 'street.worker',
    outside: () => [
      '/console/api/catalog/categories',
      { categoryId: 'cat-housekeeping', name: '家政', clientRequestId: 'scope-cat-0001' },
    ],
    missing: () => [
      '/console/api/catalog/categories',
      { categoryId: 'cat-nope', name: '家政', clientRequestId: 'scope-cat-0002' },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/catalog/items': {
    as: 'street.worker',
    outside: () => [
      '/console/api/catalog/items',
      {
        categoryId: 'cat-housekeeping',
        name: '上门理发',
        orgUnitId: OTHER_STREET,
        clientRequestId: 'scope-item-0001',
      },
    ],
    missing: () => [
      '/console/api/catalog/items',
      {
        categoryId: 'cat-housekeeping',
        name: '上门理发',
        orgUnitId: '999999999',
        clientRequestId: 'scope-item-0002',
      },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/catalog/visibility': {
    as: 'community.worker',
    outside: () => [
      '/console/api/catalog/visibility',
      { kind: 'item', targetId: 'item-home-cleaning', active: false, clientRequestId: 'scope-vis-0001' },
    ],
    missing: () => [
      '/console/api/catalog/visibility',
      { kind: 'item', targetId: 'item-nope', active: false, clientRequestId: 'scope-vis-0002' },
    ],
    code: 'CATALOG_ITEM_NOT_FOUND',
  },
  'GET /console/api/people': {
    as: 'street.worker',
    outside: () => [`/console/api/people?orgUnitId=${OTHER_STREET}`],
    missing: () => ['/console/api/people?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/people/roles': {
    as: 'street.leader',
    outside: () => [
      '/console/api/people/roles',
      {
        op: 'grant',
        targetOpenid: 'demo-resident-2',
        role: 'worker',
        orgUnitId: '450981001001',
        clientRequestId: 'scope-role-0001',
      },
    ],
    missing: () => [
      '/console/api/people/roles',
      {
        op: 'grant',
        targetOpenid: 'demo-resident-2',
        role: 'worker',
        orgUnitId: '999999999',
        clientRequestId: 'scope-role-0002',
      },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/places': {
    as: 'street.worker',
    outside: () => [`/console/api/places?parentId=${OTHER_STREET}`],
    missing: () => ['/console/api/places?parentId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/places': {
    as: 'street.worker',
    outside: () => [
      '/console/api/places',
      { parentId: OTHER_STREET, name: '新社区', clientRequestId: 'scope-place-0001' },
    ],
    missing: () => [
      '/console/api/places',
      { parentId: '999999999', name: '新社区', clientRequestId: 'scope-place-0002' },
    ],
    code: 'OUT_OF_SCOPE',
  },
  'POST /console/api/places/:unitId/move': {
    as: 'street.worker',
    outside: () => [
      '/console/api/places/450981001001001/move',
      { toParentId: '450902001001', clientRequestId: 'scope-move-0001' },
    ],
    missing: () => [
      '/console/api/places/999999999/move',
      { toParentId: '450902001001', clientRequestId: 'scope-move-0002' },
    ],
    code: 'OUT_OF_SCOPE',
  },
  // Console files (tests/console/api/files.console.test.ts says more): an upload for another street's unit,
  // and a file id of another street's unit (its path names the unit) or no console file at all.
  'POST /console/api/files': {
    as: 'street.worker',
    outside: () => ['/console/api/files', { ...SCOPE_PHOTO, orgUnitId: '450981001001' }],
    missing: () => ['/console/api/files', { ...SCOPE_PHOTO, orgUnitId: '999999999' }],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/files/url': {
    as: 'street.worker',
    outside: () => [
      `/console/api/files/url?fileId=${encodeURIComponent('cloud://local.local-bucket/console/station_evidence/450900/450981/450981001/20261208-abc.png')}`,
    ],
    missing: () => [
      `/console/api/files/url?fileId=${encodeURIComponent('cloud://local.local-bucket/concerns/x/abc.png')}`,
    ],
    code: 'FILE_NOT_FOUND',
  },
  // Stations (tests/console/api/stations.console.test.ts says more): 东门社区's station to another street's
  // worker. The list reads the caller's own units unless it names one.
  'GET /console/api/stations': {
    as: 'lingcheng.worker',
    outside: () => ['/console/api/stations?orgUnitId=450902001'],
    missing: () => ['/console/api/stations?orgUnitId=999999999'],
    code: 'OUT_OF_SCOPE',
  },
  'GET /console/api/stations/:stationId': onStation('GET', ''),
  'POST /console/api/stations': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/stations',
      { ...STATION_DETAILS, orgUnitId: '450902001001001', clientRequestId: 'scope-station-new-1' },
    ],
    missing: () => [
      '/console/api/stations',
      { ...STATION_DETAILS, orgUnitId: '999999999999999', clientRequestId: 'scope-station-new-2' },
    ],
    code: 'STATION_UNIT_NOT_FOUND',
  },
  'POST /console/api/stations/:stationId': onStation('POST', '', STATION_DETAILS),
  'POST /console/api/stations/:stationId/checklist': onStation('POST', '/checklist', {
    items: [{ key: 'phone', met: false, photos: [], note: '' }],
  }),
  'POST /console/api/stations/:stationId/inspections': onStation('POST', '/inspections', {
    date: '2024-12-01',
    result: 'pass',
  }),
  'POST /console/api/stations/:stationId/demonstration': onStation('POST', '/demonstration', {
    demonstration: false,
  }),
  // 双报到 (tests/console/api/party.console.test.ts says more): 东门社区's requests and members to another
  // street's worker.
  'GET /console/api/party/registrations': readUnit('/console/api/party/registrations', 'communityId'),
  'POST /console/api/party/registrations/:registrationId/decision': onRecord(
    (id) => `/console/api/party/registrations/${id}/decision`,
    () => volunteering.registrationId,
    'no-such-registration',
    { approve: true, reason: '' },
    'PARTY_REGISTRATION_NOT_FOUND',
  ),
  'GET /console/api/party/roster': readUnit('/console/api/party/roster?view=members', 'communityId'),
  'POST /console/api/party/members/:memberId/leave': onRecord(
    (id) => `/console/api/party/members/${id}/leave`,
    () => volunteering.memberId,
    'no-such-member',
    { reason: '已调离本社区' },
    'PARTY_MEMBER_NOT_FOUND',
  ),
  // 微团队 (tests/console/api/teams.console.test.ts says more): 东门社区's teams to another street's worker.
  'GET /console/api/teams': readUnit('/console/api/teams', 'orgUnitId'),
  'POST /console/api/teams': {
    as: 'lingcheng.worker',
    outside: () => ['/console/api/teams', { ...SCOPE_TEAM, clientRequestId: 'scope-team-new-1' }],
    missing: () => [
      '/console/api/teams',
      { ...SCOPE_TEAM, communityId: NO_COMMUNITY, clientRequestId: 'scope-team-new-2' },
    ],
    code: 'TEAM_COMMUNITY_NOT_FOUND',
  },
  'POST /console/api/teams/applications/:applicationId/decision': onRecord(
    (id) => `/console/api/teams/applications/${id}/decision`,
    () => volunteering.applicationId,
    'no-such-application',
    { approve: true },
    'TEAM_APPLICATION_NOT_FOUND',
  ),
  // Public: a team's page (name, services, counts, the leader's masked name) is what every signed-in resident
  // reads in the mini-program (team.view); its members' phones follow the team's own rules.
  'GET /console/api/teams/:teamId': null,
  'POST /console/api/teams/:teamId': onRecord(
    (id) => `/console/api/teams/${id}`,
    () => volunteering.teamId,
    'no-such-team',
    SCOPE_TEAM,
    'TEAM_NOT_FOUND',
  ),
  'POST /console/api/teams/:teamId/leader': onRecord(
    (id) => `/console/api/teams/${id}/leader`,
    () => volunteering.teamId,
    'no-such-team',
    { openid: 'demo-resident-1' },
    'TEAM_NOT_FOUND',
  ),
  'POST /console/api/teams/:teamId/deactivate': onRecord(
    (id) => `/console/api/teams/${id}/deactivate`,
    () => volunteering.teamId,
    'no-such-team',
    {},
    'TEAM_NOT_FOUND',
  ),
  'POST /console/api/teams/:teamId/invite': onRecord(
    (id) => `/console/api/teams/${id}/invite`,
    () => volunteering.teamId,
    'no-such-team',
    {},
    'TEAM_NOT_FOUND',
  ),
  'POST /console/api/teams/:teamId/members/:openid/remove': onRecord(
    (id) => `/console/api/teams/${id}/members/demo-volunteer-member-1/remove`,
    () => volunteering.teamId,
    'no-such-team',
    {},
    'TEAM_NOT_FOUND',
  ),
  // 志愿服务 (tests/console/api/volunteers.console.test.ts says more): 东门社区's activities and volunteers to
  // another street's worker.
  'GET /console/api/volunteers/activities': readUnit('/console/api/volunteers/activities', 'orgUnitId'),
  'POST /console/api/volunteers/activities': {
    as: 'lingcheng.worker',
    outside: () => [
      '/console/api/volunteers/activities',
      { ...scopeActivity(DEMO_COMMUNITY), clientRequestId: 'scope-activity-new-1' },
    ],
    missing: () => [
      '/console/api/volunteers/activities',
      { ...scopeActivity(NO_COMMUNITY), clientRequestId: 'scope-activity-new-2' },
    ],
    code: 'ACTIVITY_UNIT_NOT_FOUND',
  },
  'GET /console/api/volunteers/activities/:activityId': readRecord(
    (id) => `/console/api/volunteers/activities/${id}`,
    () => volunteering.activityId,
    'no-such-activity',
    'ACTIVITY_NOT_FOUND',
  ),
  'POST /console/api/volunteers/activities/:activityId': {
    as: 'lingcheng.worker',
    outside: () => [
      `/console/api/volunteers/activities/${volunteering.activityId}`,
      { ...scopeActivity(DEMO_COMMUNITY), clientRequestId: 'scope-activity-edit-1' },
    ],
    missing: () => [
      '/console/api/volunteers/activities/no-such-activity',
      { ...scopeActivity(DEMO_COMMUNITY), clientRequestId: 'scope-activity-edit-2' },
    ],
    code: 'ACTIVITY_NOT_FOUND',
  },
  'POST /console/api/volunteers/activities/:activityId/cancel': onRecord(
    (id) => `/console/api/volunteers/activities/${id}/cancel`,
    () => volunteering.activityId,
    'no-such-activity',
    { reason: '天气原因' },
    'ACTIVITY_NOT_FOUND',
  ),
  'GET /console/api/volunteers/activities/:activityId/attendance': readRecord(
    (id) => `/console/api/volunteers/activities/${id}/attendance`,
    () => volunteering.activityId,
    'no-such-activity',
    'ACTIVITY_NOT_FOUND',
  ),
  'POST /console/api/volunteers/activities/:activityId/checkin-code': onRecord(
    (id) => `/console/api/volunteers/activities/${id}/checkin-code`,
    () => volunteering.activityId,
    'no-such-activity',
    { phase: 'in' },
    'ACTIVITY_NOT_FOUND',
  ),
  'POST /console/api/volunteers/activities/:activityId/hours': onRecord(
    (id) => `/console/api/volunteers/activities/${id}/hours`,
    () => volunteering.activityId,
    'no-such-activity',
    { entries: [{ signupId: 'no-such-signup', minutes: 60 }] },
    'ACTIVITY_NOT_FOUND',
  ),
  // Public: a community's yearly ranking (volunteer numbers, masked names, hours) is what every signed-in
  // resident reads in the mini-program (volunteer.ranking, activity.view).
  'GET /console/api/volunteers/ranking': null,
  'GET /console/api/volunteers': readUnit('/console/api/volunteers', 'orgUnitId'),
  'GET /console/api/volunteers/:volunteerNo': readRecord(
    (id) => `/console/api/volunteers/${id}`,
    () => volunteering.volunteerNo,
    'YL9999999999',
    'VOLUNTEER_NUMBER_NOT_FOUND',
  ),
  'POST /console/api/volunteers/:volunteerNo/records': onRecord(
    (id) => `/console/api/volunteers/${id}/records`,
    () => volunteering.volunteerNo,
    'YL9999999999',
    { kind: 'award', title: '优秀志愿者', date: '2024-12-01' },
    'VOLUNTEER_NUMBER_NOT_FOUND',
  ),
};

describe('outside the worker’s units: 403, the same answer as for a record that does not exist', () => {
  test('every route has its case', () => {
    expect(Object.keys(OUT_OF_SCOPE).sort()).toEqual([...API_ROUTES].sort());
  });

  const cases = Object.entries(OUT_OF_SCOPE).filter((e): e is [string, ScopeCase] => e[1] !== null);
  test.each(cases)('%s', async (route, c) => {
    const b: ConsoleBrowser = await cloud.signIn(c.as);
    const method = route.split(' ')[0]!;
    const answers: Array<{ status: number; code: string; message: string }> = [];
    for (const [path, body] of [c.outside(), c.missing()]) {
      const before = cloud.wholeMark();
      const reply = await b.request(method, path, method === 'POST' ? { json: body ?? {} } : {});
      expect(reply.status).toBe(403);
      expect(cloud.wholeMark()).toEqual(before);
      expectSecurityHeaders(reply.headers);
      answers.push({ status: reply.status, code: reply.code, message: reply.message });
    }
    expect(answers[0]!.code).toBe(c.code);
    expect(answers[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    // No hint whether the record exists: the two answers are one (details aside, where they name the id).
    expect(answers[1]).toEqual(answers[0]);
  });

  test('the same requests within the worker’s units are answered', async () => {
    const street = await cloud.signIn('street.worker');
    expect((await street.get(`/console/api/orders/${ids.ownOrder}`)).code).toBe('OK');
    expect((await street.get(`/console/api/providers/${ids.ownProvider}`)).code).toBe('OK');
    expect((await street.get('/console/api/orders?orgUnitId=450902001001')).code).toBe('OK');
  });
});

describe('with a session', () => {
  test('an unknown path is 404 and a known one with another method 405, both writing nothing', async () => {
    const b = await cloud.signIn('street.worker');
    const before = cloud.wholeMark();
    const missing = await b.get('/console/api/nope');
    expect({ status: missing.status, code: missing.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const wrong = await b.request('DELETE', '/console/api/orders');
    expect({ status: wrong.status, code: wrong.code }).toEqual({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    expect(cloud.wholeMark()).toEqual(before);
  });

  test('a write whose body is not JSON is refused (415), writing nothing', async () => {
    const leader = await cloud.signIn('community.leader');
    const before = cloud.wholeMark();
    const reply = await leader.request('POST', `/console/api/providers/${ids.ownProvider}/status`, {
      body: 'to=suspended',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect({ status: reply.status, code: reply.code }).toEqual({
      status: 415,
      code: 'CONTENT_TYPE_NOT_ALLOWED',
    });
    expect(cloud.wholeMark()).toEqual(before);
  });

  test('a role the matrix does not give the action is refused (403 PERMISSION_DENIED)', async () => {
    const office = await cloud.signIn('joint.office');
    for (const path of ['/console/api/orders', '/console/api/providers', '/console/api/audit']) {
      const reply = await office.get(path);
      expect({ path, status: reply.status, code: reply.code }).toEqual({
        path,
        status: 403,
        code: 'PERMISSION_DENIED',
      });
    }
  });
});

test('a non-HTTP call of admin-api (callFunction) is refused without touching anything', async () => {
  const before = cloud.wholeMark();
  const reply = await cloud.as('demo-street-worker-1').raw('admin-api', { command: 'order.list', input: {} });
  expect(reply).toEqual({
    code: 'HTTP_REQUEST_REQUIRED',
    message: expect.stringContaining('只接受 HTTP 访问服务的请求'),
  });
  expect(cloud.wholeMark()).toEqual(before);
});

test('no demo account or password is in the deployed function or in the built console', () => {
  const fn = cloud.started.cloud.runner.list().find((f) => f.name === 'admin-api')!;
  const texts = [readFileSync(join(fn.dir, 'index.js'), 'utf8')];
  const assets = join(CONSOLE_OUT, 'assets');
  if (existsSync(assets)) {
    for (const file of readdirSync(assets)) texts.push(readFileSync(join(assets, file), 'utf8'));
  }
  const secrets = [DEMO_CONSOLE_PASSWORD, ...DEMO_CONSOLE_ACCOUNTS.map((a) => `'${a.loginName}'`)];
  for (const text of texts) {
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    expect(text).not.toContain('"street.worker"');
  }
});
