/**
 * Open data (docs/open-data.md): the real `open-data` function on the local cloud, over HTTP at /open311/v2/
 * as CloudBase's HTTP access service hands it requests. Concerns are seeded with the administrator's database
 * (a published one, a sensitive one, one filed anonymously for a resident and claimed by a person, a closed
 * one claimed by a team, an old one, a submitted one and a withdrawn one); civic tools see the published
 * ones only, anonymised: no resident or claimer names, no phones, no openids, no images, the place only down
 * to the community.
 */
import { CONCERN_STATUS_LABELS } from '../../core/lifecycle/concern.lifecycle';
import type { OrgUnit } from '../../core/model/org-unit.model';
import { DEMO_GRID_ID } from '../../demo/demo.constants';
import { DAY_MS, HOUR_MS, MINUTE_MS, functionCloud } from './support/function-cloud';

const cloud = functionCloud();

const V2 = '/open311/v2';
const RESIDENT = 't-o311-resident-openid';
const WORKER = 't-o311-worker-openid';
const CLAIMER = 't-o311-claimer-openid';
const RESIDENT_NAME = '覃秀兰';
const BEHALF_NAME = '韦桂英';
const CLAIMER_NAME = '莫建国';
const PHONE = '13977001234';
const BEHALF_PHONE = '18677005678';
const LANDLINE = '0775-2821234';
const IMAGE = 'cloud://weimin-local.7765/concerns/t-o311-photo.jpg';
const SENSITIVE_TITLE = '独居老人患重病需要长期照护';
const SENSITIVE_CONTENT = '我母亲患尿毒症每周透析三次，家里靠低保生活，希望有人帮忙接送。';
const SENSITIVE_SUMMARY = '一户困难家庭需要志愿者协助接送就医';
const TEAM = '东门社区志愿服务队';

const ID = {
  published: 't-o311-published',
  sensitive: 't-o311-sensitive',
  anonymous: 't-o311-anonymous',
  closed: 't-o311-closed',
  old: 't-o311-old',
  submitted: 't-o311-submitted',
  withdrawn: 't-o311-withdrawn',
} as const;

interface ServiceRequest {
  service_request_id: string;
  status: string;
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  extended_attributes?: { support_count: number };
}

interface Answer<T> {
  readonly status: number;
  readonly text: string;
  readonly body: T;
  readonly headers: Headers;
}

async function request<T = ServiceRequest[]>(path: string, init: RequestInit = {}): Promise<Answer<T>> {
  const response = await fetch(`${cloud.started.cloud.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as T, headers: response.headers };
}

type Errors = Array<{ code: string; description: string }>;

async function expectError(path: string, status: number, code: string, init: RequestInit = {}) {
  const answer = await request<Errors>(path, init);
  expect({ status: answer.status, body: answer.body }).toEqual({
    status,
    body: [{ code, description: expect.stringMatching(/[\u4e00-\u9fa5]/) }],
  });
  return answer;
}

/** `2025-03-10T10:00:00+08:00` for the instant. */
function shanghaiIso(millis: number): string {
  return `${new Date(millis + 8 * HOUR_MS).toISOString().slice(0, 19)}+08:00`;
}

let grid: OrgUnit;
let community: OrgUnit;
let street: OrgUnit;
let now = 0;
const createdAt: Record<string, number> = {};

function concern(id: string, over: Record<string, unknown>): Record<string, unknown> & { _id: string } {
  const at = (createdAt[id] ??= now - DAY_MS);
  return {
    _id: id,
    kind: 'worry',
    title: '小区门口路灯不亮',
    content: `2025-03-01 起晚上出门很黑，联系电话 ${PHONE} 或 ${LANDLINE}。`,
    images: [IMAGE],
    orgPath: grid.path,
    orgUnitId: grid._id,
    residentOpenid: RESIDENT,
    residentName: RESIDENT_NAME,
    filedBy: RESIDENT,
    onBehalfOf: null,
    crossDepartment: false,
    anonymous: false,
    sensitive: false,
    sensitiveConsentAt: null,
    publicSummary: null,
    contentFlagged: false,
    supportCount: 4,
    review: { decision: 'approve', reason: '', by: WORKER, at: at + HOUR_MS },
    status: 'published',
    statusChangedAt: at + 2 * HOUR_MS,
    level: 'community',
    levelPath: community.path,
    claimDeadline: at + 3 * DAY_MS,
    escalateAt: at + 3 * DAY_MS,
    claim: null,
    assigneeOpenid: null,
    assigneeTeamId: null,
    assigneePartyOrgId: null,
    assigneeUnitId: null,
    jointMeetingId: null,
    departments: [],
    leadDepartment: null,
    jointCase: null,
    taskCheckAt: null,
    unresolvedCount: 0,
    leaderAttention: false,
    confirmation: null,
    resolutionSummary: null,
    resolvedAt: null,
    confirmedAt: null,
    closedAt: null,
    createdAt: at,
    updatedAt: at + 2 * HOUR_MS,
    ...over,
  };
}

beforeAll(async () => {
  now = cloud.now();
  grid = (await cloud.get<OrgUnit>('org_units', DEMO_GRID_ID))!;
  community = (await cloud.get<OrgUnit>('org_units', grid.parentId!))!;
  street = (await cloud.get<OrgUnit>('org_units', community.parentId!))!;
  expect([grid.level, community.level, street.level]).toEqual(['grid', 'community', 'street']);
  createdAt[ID.sensitive] = now - 2 * DAY_MS;
  createdAt[ID.anonymous] = now - 3 * DAY_MS;
  createdAt[ID.closed] = now - 10 * DAY_MS;
  createdAt[ID.old] = now - 120 * DAY_MS;
  await cloud.insert('concerns', [
    concern(ID.published, {}),
    concern(ID.sensitive, {
      kind: 'wish',
      title: SENSITIVE_TITLE,
      content: SENSITIVE_CONTENT,
      sensitive: true,
      sensitiveConsentAt: now - 2 * DAY_MS,
      publicSummary: SENSITIVE_SUMMARY,
      status: 'escalated',
      level: 'street',
      levelPath: street.path,
    }),
    concern(ID.anonymous, {
      anonymous: true,
      residentOpenid: null,
      residentName: '',
      filedBy: WORKER,
      onBehalfOf: {
        name: BEHALF_NAME,
        phone: BEHALF_PHONE,
        consent: { method: 'phone', statement: '居民电话同意代为提交' },
      },
      status: 'claimed',
      claimDeadline: null,
      escalateAt: null,
      claim: { as: 'self', name: CLAIMER_NAME, by: CLAIMER, at: now - 2 * DAY_MS },
      assigneeOpenid: CLAIMER,
    }),
    concern(ID.closed, {
      kind: 'urgent',
      status: 'resolved',
      claimDeadline: null,
      escalateAt: null,
      claim: { as: 'team', name: TEAM, by: CLAIMER, at: now - 9 * DAY_MS },
      assigneeTeamId: 't-o311-team',
      resolutionSummary: `已联系 ${CLAIMER_NAME} 修好`,
      resolvedAt: now - 5 * DAY_MS,
    }),
    concern(ID.old, {}),
    concern(ID.submitted, { status: 'submitted', review: null, claimDeadline: null }),
    concern(ID.withdrawn, { status: 'withdrawn', claimDeadline: null }),
  ]);
});

// Every test starts in a fresh minute, so the per-address limit (60 a minute) only bites where it is tested.
beforeEach(() => cloud.shiftClock(MINUTE_MS));

/** What no answer may ever contain: names, phones, openids, images of the seeded concerns. */
const NEVER = [
  RESIDENT,
  WORKER,
  CLAIMER,
  RESIDENT_NAME,
  BEHALF_NAME,
  CLAIMER_NAME,
  PHONE,
  BEHALF_PHONE,
  '2821234',
  IMAGE,
  'cloud://',
  SENSITIVE_TITLE,
  SENSITIVE_CONTENT,
];

function expectAnonymous(text: string): void {
  for (const secret of NEVER) expect(text).not.toContain(secret);
}

describe('services.json', () => {
  it('lists the three kinds of concern as GeoReport services, in Chinese', async () => {
    const answer = await request<Array<Record<string, unknown>>>(`${V2}/services.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.body.map((s) => [s['service_code'], s['service_name']])).toEqual([
      ['worry', '忧心事'],
      ['wish', '微心愿'],
      ['urgent', '急难愁盼'],
    ]);
    for (const service of answer.body) {
      expect(service).toMatchObject({ metadata: false, type: 'realtime', group: '为民红绳' });
      expect(service['description']).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('accepts our jurisdiction_id and refuses another', async () => {
    expect((await request(`${V2}/services.json?jurisdiction_id=yulin.gx.cn`)).status).toBe(200);
    await expectError(
      `${V2}/services.json?jurisdiction_id=nanning.gx.cn`,
      400,
      'OPEN311_JURISDICTION_UNKNOWN',
    );
  });
});

describe('requests.json', () => {
  it('lists only published concerns of the last 90 days, newest first, and every such concern', async () => {
    const answer = await request(`${V2}/requests.json`);
    expect(answer.status).toBe(200);
    const ids = answer.body.map((r) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([ID.published, ID.sensitive, ID.anonymous, ID.closed]));
    for (const hidden of [ID.submitted, ID.withdrawn, ID.old]) expect(ids).not.toContain(hidden);

    const stored = await cloud.find<{ _id: string; status: string; createdAt: number }>('concerns', {});
    const published = [
      'published',
      'escalated',
      'referred',
      'claimed',
      'in_progress',
      'resolved',
      'confirmed',
      'closed',
    ];
    const statusOf = new Map(stored.map((c) => [c._id, c.status]));
    for (const id of ids) expect(published).toContain(statusOf.get(id));
    const expected = stored
      .filter((c) => published.includes(c.status) && c.createdAt >= now - 90 * DAY_MS && c.createdAt <= now)
      .map((c) => c._id);
    expect([...ids].sort()).toEqual([...expected].sort());
    const times = answer.body.map((r) => r.requested_datetime);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('never carries a name, a phone, an openid or an image, in any answer', async () => {
    const answers = await Promise.all([
      request(`${V2}/requests.json`),
      request(`${V2}/requests.json?extensions=true`),
      request(`${V2}/requests.json?service_request_id=${Object.values(ID).join(',')}`),
      ...[ID.published, ID.sensitive, ID.anonymous, ID.closed].map((id) =>
        request(`${V2}/requests/${id}.json?extensions=true`),
      ),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expectAnonymous(answer.text);
      for (const r of answer.body) {
        for (const field of ['lat', 'long', 'media_url', 'zipcode']) expect(r).not.toHaveProperty(field);
      }
    }
  });

  it('maps a published grid concern: community as address, its level unit as agency, Shanghai times, phones masked', async () => {
    const [r] = (await request(`${V2}/requests/${ID.published}.json`)).body;
    expect(r).toEqual({
      service_request_id: ID.published,
      status: 'open',
      status_notes: CONCERN_STATUS_LABELS.published,
      service_name: '忧心事',
      service_code: 'worry',
      description: '小区门口路灯不亮\n2025-03-01 起晚上出门很黑，联系电话 *** 或 ***。',
      agency_responsible: community.name,
      service_notice: null,
      requested_datetime: shanghaiIso(createdAt[ID.published]!),
      updated_datetime: shanghaiIso(createdAt[ID.published]! + 2 * HOUR_MS),
      expected_datetime: shanghaiIso(createdAt[ID.published]! + 3 * DAY_MS),
      address: community.name,
      address_id: community._id,
    });
    expect(r!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('shows a sensitive concern by its public summary only, at the unit it was pushed up to', async () => {
    const [r] = (await request(`${V2}/requests/${ID.sensitive}.json`)).body;
    expect(r).toMatchObject({
      description: SENSITIVE_SUMMARY,
      service_code: 'wish',
      status: 'open',
      status_notes: '已逐级推送',
      agency_responsible: street.name,
      address: community.name,
    });
  });

  it('names a claiming person only as 党员志愿者 and a claiming team by its name', async () => {
    const [claimed] = (await request(`${V2}/requests/${ID.anonymous}.json`)).body;
    expect(claimed).toMatchObject({
      status: 'open',
      status_notes: '已认领',
      service_notice: '由党员志愿者认领办理',
      expected_datetime: null,
    });
    const [closed] = (await request(`${V2}/requests/${ID.closed}.json`)).body;
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: '已办结',
      service_name: '急难愁盼',
      service_notice: `由${TEAM}认领办理`,
    });
  });

  it('adds the support count only with extensions=true (GeoReport extended_attributes)', async () => {
    const [plain] = (await request(`${V2}/requests/${ID.published}.json`)).body;
    expect(plain).not.toHaveProperty('extended_attributes');
    const [extended] = (await request(`${V2}/requests/${ID.published}.json?extensions=true`)).body;
    expect(extended!.extended_attributes).toEqual({ support_count: 4 });
  });

  it('filters by service_code, status, date range and ids, and pages', async () => {
    const wishes = (await request(`${V2}/requests.json?service_code=wish`)).body;
    expect(wishes.map((r) => r.service_request_id)).toContain(ID.sensitive);
    expect(new Set(wishes.map((r) => r.service_code))).toEqual(new Set(['wish']));

    const closed = (await request(`${V2}/requests.json?status=closed`)).body;
    expect(closed.map((r) => r.service_request_id)).toContain(ID.closed);
    expect(new Set(closed.map((r) => r.status))).toEqual(new Set(['closed']));
    const open = (await request(`${V2}/requests.json?status=open&service_code=worry,urgent`)).body;
    expect(open.map((r) => r.service_request_id)).toEqual(
      expect.arrayContaining([ID.published, ID.anonymous]),
    );
    expect(open.map((r) => r.service_request_id)).not.toContain(ID.closed);

    const start = shanghaiIso(createdAt[ID.old]! - DAY_MS);
    const end = shanghaiIso(createdAt[ID.old]! + DAY_MS);
    const window = (
      await request(
        `${V2}/requests.json?start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`,
      )
    ).body;
    expect(window.map((r) => r.service_request_id)).toContain(ID.old);
    expect(window.map((r) => r.service_request_id)).not.toContain(ID.published);
    const sinceUtc = new Date(createdAt[ID.sensitive]! - MINUTE_MS).toISOString().replace(/\.\d+Z$/, 'Z');
    const since = (await request(`${V2}/requests.json?start_date=${sinceUtc}`)).body;
    expect(since.map((r) => r.service_request_id)).toEqual(
      expect.arrayContaining([ID.published, ID.sensitive]),
    );
    expect(since.map((r) => r.service_request_id)).not.toContain(ID.anonymous);

    // The ids override every other argument; unpublished ones are simply not there.
    const byId = (
      await request(`${V2}/requests.json?service_request_id=${ID.closed},${ID.submitted}&status=open`)
    ).body;
    expect(byId.map((r) => r.service_request_id)).toEqual([ID.closed]);

    const all = (await request(`${V2}/requests.json`)).body.map((r) => r.service_request_id);
    const second = (await request(`${V2}/requests.json?page_size=2&page=2`)).body;
    expect(second.map((r) => r.service_request_id)).toEqual(all.slice(2, 4));
  });

  it('refuses bad parameters with 400 and a stable code', async () => {
    const cases: Array<[string, string]> = [
      ['start_date=2025-13-01T00:00:00Z', 'OPEN311_DATE_INVALID'],
      ['end_date=yesterday', 'OPEN311_DATE_INVALID'],
      ['start_date=2025-03-01T00:00:00', 'OPEN311_DATE_INVALID'],
      ['start_date=2025-03-05T00:00:00Z&end_date=2025-03-01T00:00:00Z', 'OPEN311_DATE_RANGE_INVALID'],
      ['start_date=2024-01-01T00:00:00Z&end_date=2025-01-01T00:00:00Z', 'OPEN311_DATE_RANGE_TOO_LONG'],
      ['status=pending', 'OPEN311_STATUS_UNKNOWN'],
      ['status=open,submitted', 'OPEN311_STATUS_UNKNOWN'],
      ['service_code=pothole', 'OPEN311_SERVICE_CODE_UNKNOWN'],
      ['page_size=0', 'OPEN311_PAGE_INVALID'],
      ['page_size=1001', 'OPEN311_PAGE_INVALID'],
      ['page=-1', 'OPEN311_PAGE_INVALID'],
      ['service_request_id=a%20b', 'OPEN311_REQUEST_ID_INVALID'],
      ['jurisdiction_id=example.org', 'OPEN311_JURISDICTION_UNKNOWN'],
    ];
    for (const [query, code] of cases) await expectError(`${V2}/requests.json?${query}`, 400, code);
    await expectError(
      `${V2}/requests/${encodeURIComponent('t-o311 published')}.json`,
      400,
      'OPEN311_REQUEST_ID_INVALID',
    );
  });

  it('answers an unpublished, withdrawn or missing concern alike: 404', async () => {
    for (const id of [ID.submitted, ID.withdrawn, 't-o311-missing']) {
      const answer = await expectError(`${V2}/requests/${id}.json`, 404, 'OPEN311_REQUEST_NOT_FOUND');
      expectAnonymous(answer.text);
    }
    await expectError(`${V2}/requests/${ID.published}.xml`, 404, 'OPEN311_NOT_FOUND');
    await expectError(`${V2}/services/worry.json`, 404, 'OPEN311_NOT_FOUND');
  });
});

describe('read-only, public, limited', () => {
  it('refuses every method but GET with 405 and changes nothing', async () => {
    const before = cloud.writeMark();
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const answer = await expectError(`${V2}/requests.json`, 405, 'OPEN311_METHOD_NOT_ALLOWED', {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ service_code: 'worry', description: '新诉求' }),
      });
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
    }
    expect(cloud.writeMark()).toEqual(before);
  });

  it('writes nothing but the per-address request counter when read', async () => {
    const before = cloud.writeMark();
    await request(`${V2}/requests.json`);
    const after = cloud.writeMark();
    for (const name of Object.keys(after)) {
      if (name !== 'rate_limit_counters') expect(after[name]).toEqual(before[name]);
    }
  });

  it('answers a callFunction call HTTP_REQUEST_REQUIRED', async () => {
    const reply = await cloud.as(null).raw('open-data', { command: 'requests.list', input: {} });
    expect(reply.code).toBe('HTTP_REQUEST_REQUIRED');
  });

  it('limits each address to 60 requests a minute (429 with Retry-After), then lets it in again', async () => {
    // A fresh minute: the counter of the minute the other tests used is left behind.
    cloud.shiftClock(MINUTE_MS - (cloud.now() % MINUTE_MS) + 1000);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await request(`${V2}/services.json`)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const limited = await expectError(`${V2}/services.json`, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    cloud.shiftClock(MINUTE_MS);
    expect((await request(`${V2}/services.json`)).status).toBe(200);
  });
});
