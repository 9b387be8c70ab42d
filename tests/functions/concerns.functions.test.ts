/**
 * The concerns loop through the real `concerns` and `concern-timers` functions on the local cloud (docs/concerns.md):
 * intake, review, publish, claim (one winner of 50), progress, resolve, the resident's honest confirmation,
 * escalation across the four levels on the controllable clock with its notices, the joint meeting, and the
 * refusals (wrong role, out of scope, illegal state, bad input) writing nothing.
 */
import type {
  ConcernDetail,
  ConcernListResult,
  ConcernSimilarResult,
  ConcernStepResult,
  ConcernSupportResult,
  ConcernTimerResult,
} from '../../core/concerns/concern.replies';
import type { Concern } from '../../core/model/concern.model';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { DEMO_GRID_ID } from '../../demo/demo.constants';
import { functionCloud, HOUR_MS, type Reply } from './support/function-cloud';
import { ok } from './support/order-loop';
import { expectRefusedWritingNothing, platformMark } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const RESIDENT = 'demo-resident-1';
/** A resident of the same grid (written in beforeAll). */
const NEIGHBOUR = 'concern-neighbour-1';
const LEADER = 'demo-community-leader-1';
const WORKER = 'demo-community-worker-1';
const GRID_WORKER = 'demo-grid-worker-1';
const STREET_WORKER = 'demo-street-worker-1';
const COUNTY_WORKER = 'demo-county-worker-1';
const CITY_WORKER = 'demo-city-worker-1';
const PARTY_MEMBER = 'demo-party-member-1';
const TEAM_LEADER = 'demo-volunteer-leader-1';
const STREET_OFFICE = 'demo-joint-office-1';

const TEMPLATES = ['TPL_CONCERN_PROGRESS', 'TPL_WISH_CLAIMED', 'TPL_CONCERN_TODO'];

function call<T>(openid: string | null, command: string, input: unknown = {}): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('concerns', command, input);
}

function write<T>(openid: string, command: string, input: Record<string, unknown>): Promise<Reply<T>> {
  return call<T>(openid, command, { ...input, clientRequestId: cloud.requestId(command.replace(/\W/g, '')) });
}

const WORRY = {
  kind: 'worry',
  title: '3栋楼道灯坏了',
  content: '3栋2单元楼道灯坏了一个多星期，晚上老人上下楼很不方便。',
};

async function submit(extra: Record<string, unknown> = {}, by = RESIDENT): Promise<string> {
  return ok(await write<ConcernStepResult>(by, 'concern.submit', { ...WORRY, ...extra })).concernId;
}

/** Submitted, approved by the leader and published by the worker. */
async function published(extra: Record<string, unknown> = {}): Promise<string> {
  const id = await submit(extra);
  ok(
    await write(LEADER, 'concern.review', {
      concernId: id,
      decision: 'approve',
      publicSummary: extra.sensitive ? '一位居民的生活困难求助' : '',
    }),
  );
  ok(await write(WORKER, 'concern.publish', { concernId: id }));
  return id;
}

const concernOf = async (id: string) => (await cloud.get<Concern>('concerns', id))!;
const detail = async (openid: string, id: string) =>
  call<ConcernDetail>(openid, 'concern.detail', { concernId: id });

beforeAll(async () => {
  await writeUser(cloud, NEIGHBOUR, []);
  for (const openid of [
    RESIDENT,
    NEIGHBOUR,
    LEADER,
    WORKER,
    STREET_WORKER,
    COUNTY_WORKER,
    CITY_WORKER,
    PARTY_MEMBER,
    TEAM_LEADER,
    STREET_OFFICE,
  ]) {
    for (const t of TEMPLATES) cloud.grant(openid, t, 500);
  }
});

describe('intake, review and publish', () => {
  test('a resident submits; the leaders are told; the leader approves, a worker publishes; the resident hears of each step', async () => {
    const before = cloud.outbox({ touser: LEADER, templateId: 'TPL_CONCERN_TODO' }).length;
    const id = await submit();
    const stored = await concernOf(id);
    expect(stored).toMatchObject({
      status: 'submitted',
      level: 'community',
      levelPath: DEMO_PATHS.community,
      residentOpenid: RESIDENT,
      orgPath: DEMO_PATHS.grid,
    });
    expect(cloud.outbox({ touser: LEADER, templateId: 'TPL_CONCERN_TODO' }).length).toBe(before + 1);

    const progress = () => cloud.outbox({ touser: RESIDENT, templateId: 'TPL_CONCERN_PROGRESS' }).length;
    const p0 = progress();
    ok(await write(LEADER, 'concern.review', { concernId: id, decision: 'approve' }));
    ok(await write(WORKER, 'concern.publish', { concernId: id }));
    expect(progress()).toBe(p0 + 2);
    const now = await concernOf(id);
    expect(now.status).toBe('published');
    expect(now.claimDeadline).toBe(now.statusChangedAt + 72 * HOUR_MS);
    expect(now.escalateAt).toBe(now.claimDeadline);
    // On the neighbour's wall, without the resident's full name.
    const wall = ok(await call<ConcernListResult>(NEIGHBOUR, 'concern.list', { view: 'wall', pageSize: 50 }));
    const entry = wall.items.find((i) => i.concernId === id)!;
    expect(entry.title).toBe(WORRY.title);
    expect(entry.residentName).toMatch(/\*\*$/);
  });

  test('a rejection needs a reason, which the resident reads; the rejected concern is never on the wall', async () => {
    const id = await submit();
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'concern.review', { concernId: id, decision: 'reject' }),
      'INVALID_INPUT',
    );
    ok(
      await write(LEADER, 'concern.review', {
        concernId: id,
        decision: 'reject',
        reason: '属于物业维修范围，已转物业',
      }),
    );
    expect(ok(await detail(RESIDENT, id)).reviewReason).toBe('属于物业维修范围，已转物业');
    await expectRefusedWritingNothing(cloud, () => detail(NEIGHBOUR, id), 'CONCERN_NOT_FOUND');
  });

  test('refusals write nothing: a worker may not review, a resident may not publish, another unit sees nothing, bad input', async () => {
    const id = await submit();
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'concern.review', { concernId: id, decision: 'approve' }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'concern.review', { concernId: id, decision: 'approve' }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'concern.publish', { concernId: id }),
      'CONCERN_ILLEGAL_TRANSITION',
    );
    const far = await writeUser(cloud, 'far-leader-1', [
      { role: 'leader', orgPath: DEMO_PATHS.secondCommunity },
    ]);
    await expectRefusedWritingNothing(
      cloud,
      () => write(far.openid, 'concern.review', { concernId: id, decision: 'approve' }),
      'CONCERN_NOT_FOUND',
    );
    await expectRefusedWritingNothing(cloud, () => detail(far.openid, id), 'CONCERN_NOT_FOUND');
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'concern.submit', { ...WORRY, title: '' }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'concern.submit', { ...WORRY, images: Array(7).fill('cloud://x/a.jpg') }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'concern.submit', { ...WORRY, sensitive: true }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => call(null, 'concern.submit', { ...WORRY, clientRequestId: cloud.requestId() }),
      'UNAUTHENTICATED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(PARTY_MEMBER, 'concern.review', { concernId: 'no-such-concern', decision: 'approve' }),
      'CONCERN_NOT_FOUND',
    );
  });

  test('代办: a grid worker files a worry for a resident without the mini-program, with their consent; only workers see the phone', async () => {
    const filed = ok(
      await write<ConcernStepResult>(GRID_WORKER, 'concern.submit', {
        ...WORRY,
        title: '独居老人家中水管漏水',
        orgUnitId: DEMO_GRID_ID,
        onBehalfOf: {
          name: '覃婆婆',
          phone: '13977001234',
          consent: { method: 'in_person', statement: '覃婆婆当面同意由网格员代为登记' },
        },
      }),
    );
    const seen = ok(await detail(WORKER, filed.concernId));
    expect(seen.onBehalfOf).toMatchObject({ name: '覃婆婆', phone: '13977001234' });
    expect(seen.residentName).toBe('覃婆婆');
    const stored = await concernOf(filed.concernId);
    expect(stored.residentOpenid).toBeNull();
    // A resident cannot file for someone else, and a worker must name a unit of theirs.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(RESIDENT, 'concern.submit', {
          ...WORRY,
          orgUnitId: DEMO_GRID_ID,
          onBehalfOf: { name: '某人', consent: { method: 'phone', statement: '电话同意' } },
        }),
      'PERMISSION_DENIED',
    );
  });

  test('similar open concerns are suggested before submitting, and 我也关心 is counted once per resident', async () => {
    const id = await published({
      title: '小区东门路灯不亮',
      content: '东门路灯坏了，晚上很黑，出行不安全。',
    });
    const similar = ok(
      await call<ConcernSimilarResult>(NEIGHBOUR, 'concern.similar', {
        title: '东门的路灯坏了',
        content: '晚上出门很黑',
      }),
    );
    expect(similar.items.map((i) => i.concernId)).toContain(id);
    const unrelated = ok(
      await call<ConcernSimilarResult>(NEIGHBOUR, 'concern.similar', {
        title: '希望开设书法班',
        content: '想学写毛笔字',
      }),
    );
    expect(unrelated.items.map((i) => i.concernId)).not.toContain(id);

    expect(
      ok(await write<ConcernSupportResult>(NEIGHBOUR, 'concern.support', { concernId: id })).supportCount,
    ).toBe(1);
    await expectRefusedWritingNothing(
      cloud,
      () => write(NEIGHBOUR, 'concern.support', { concernId: id }),
      'CONCERN_ALREADY_SUPPORTED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'concern.support', { concernId: id }),
      'CONCERN_OWN',
    );
    expect((await concernOf(id)).supportCount).toBe(1);
  });
});

describe('claim, progress, resolve and the honest closure', () => {
  test('50 concurrent claims by different claimers: exactly one wins, the others are told it was claimed', async () => {
    const id = await published();
    const claimers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writeUser(cloud, `claimer-${i}`, [
          { role: 'party_member', orgPath: DEMO_PATHS.community, partyOrgId: DEMO_REFS.partyOrgId },
        ]),
      ),
    );
    const replies = await Promise.all(
      claimers.map((c) => write(c.openid, 'concern.claim', { concernId: id, claimAs: 'self' })),
    );
    const winners = replies.filter((r) => r.code === 'OK');
    expect(winners).toHaveLength(1);
    expect(new Set(replies.filter((r) => r.code !== 'OK').map((r) => r.code))).toEqual(
      new Set(['CONCERN_ALREADY_CLAIMED']),
    );
    const stored = await concernOf(id);
    expect(stored.status).toBe('claimed');
    const events = await cloud.find('events', { entityId: id, to: 'claimed' });
    expect(events).toHaveLength(1);
  });

  test('not resolved reopens it to the same claimer; the second time the leaders are told; partly resolved is kept as said', async () => {
    const id = await published();
    ok(await write(TEAM_LEADER, 'concern.claim', { concernId: id, claimAs: 'team' }));
    expect((await concernOf(id)).assigneeTeamId).toBe(DEMO_REFS.teamId);
    ok(await write(TEAM_LEADER, 'concern.update', { concernId: id, text: '已联系物业，明天更换灯泡' }));
    ok(await write(TEAM_LEADER, 'concern.resolve', { concernId: id, summary: '已更换楼道灯' }));
    await expectRefusedWritingNothing(
      cloud,
      () => write(NEIGHBOUR, 'concern.confirm', { concernId: id, outcome: 'resolved' }),
      'OUT_OF_SCOPE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'concern.confirm', { concernId: id, outcome: 'unresolved' }),
      'INVALID_INPUT',
    );

    const toClaimer = () => cloud.outbox({ touser: TEAM_LEADER, templateId: 'TPL_CONCERN_TODO' }).length;
    const toLeader = () => cloud.outbox({ touser: LEADER, templateId: 'TPL_CONCERN_TODO' }).length;
    const c0 = toClaimer();
    const l0 = toLeader();
    ok(
      await write(RESIDENT, 'concern.confirm', {
        concernId: id,
        outcome: 'unresolved',
        reason: '灯还是不亮',
      }),
    );
    let stored = await concernOf(id);
    expect(stored).toMatchObject({
      status: 'in_progress',
      assigneeTeamId: DEMO_REFS.teamId,
      unresolvedCount: 1,
      leaderAttention: false,
    });
    expect(toClaimer()).toBe(c0 + 1);
    expect(toLeader()).toBe(l0);
    ok(await write(TEAM_LEADER, 'concern.resolve', { concernId: id, summary: '换了整条线路' }));
    ok(
      await write(RESIDENT, 'concern.confirm', {
        concernId: id,
        outcome: 'unresolved',
        reason: '二楼的灯还是坏的',
      }),
    );
    stored = await concernOf(id);
    expect(stored).toMatchObject({ status: 'in_progress', unresolvedCount: 2, leaderAttention: true });
    expect(toLeader()).toBe(l0 + 1);
    ok(await write(TEAM_LEADER, 'concern.resolve', { concernId: id, summary: '二楼灯也已更换' }));
    ok(await write(RESIDENT, 'concern.confirm', { concernId: id, outcome: 'partly', reason: '基本解决' }));
    stored = await concernOf(id);
    expect(stored.status).toBe('confirmed');
    expect(stored.confirmation).toMatchObject({ outcome: 'partly' });
    // The timer closes a confirmed concern, once.
    ok(await cloud.fireTimer('concern-timers'));
    expect((await concernOf(id)).status).toBe('closed');
    expect((await concernOf(id)).confirmation?.outcome).toBe('partly');
  });

  test('unconfirmed for the configured days it closes as "not confirmed", never as satisfied', async () => {
    const id = await published();
    ok(await write(PARTY_MEMBER, 'concern.claim', { concernId: id, claimAs: 'self' }));
    ok(await write(PARTY_MEMBER, 'concern.resolve', { concernId: id, summary: '已处理' }));
    await cloud.advanceTo(cloud.started.cloud.clock.now() + 169 * HOUR_MS);
    const stored = await concernOf(id);
    expect(stored.status).toBe('closed');
    expect(stored.confirmation?.outcome).toBe('not_confirmed');
  });

  test('a claimer may hand it back with a reason: it waits on the wall again with a fresh deadline', async () => {
    const id = await published();
    ok(await write(PARTY_MEMBER, 'concern.claim', { concernId: id, claimAs: 'self' }));
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_LEADER, 'concern.release', { concernId: id, reason: '不是我的' }),
      'OUT_OF_SCOPE',
    );
    ok(await write(PARTY_MEMBER, 'concern.release', { concernId: id, reason: '需要物业配合，个人无法处理' }));
    const stored = await concernOf(id);
    expect(stored).toMatchObject({ status: 'published', claim: null, assigneeOpenid: null });
    expect(stored.escalateAt).toBe(stored.statusChangedAt + 72 * HOUR_MS);
  });

  test('a sensitive worry: its own consent; the wall and strangers see only the public summary; the claimer reads it all', async () => {
    const id = await published({
      sensitive: true,
      sensitiveConsent: true,
      title: '家中老人患病行动不便',
      content: '母亲中风后卧床，生活困难，希望有人帮忙买菜。',
    });
    const wall = ok(await call<ConcernListResult>(NEIGHBOUR, 'concern.list', { view: 'wall', pageSize: 50 }));
    const entry = wall.items.find((i) => i.concernId === id)!;
    expect(entry.title).toBe('一位居民的生活困难求助');
    const stranger = ok(await detail(NEIGHBOUR, id));
    expect(stranger.content).toBeNull();
    expect(JSON.stringify(stranger)).not.toContain('中风');
    ok(await write(PARTY_MEMBER, 'concern.claim', { concernId: id, claimAs: 'self' }));
    expect(ok(await detail(PARTY_MEMBER, id)).content).toContain('中风');
    expect(ok(await detail(LEADER, id)).content).toContain('中风');
    expect(ok(await detail(WORKER, id)).content).toBeNull();
  });
});

describe('push up the hierarchy', () => {
  test('unclaimed, the timer moves it community -> street -> county -> city, telling each level; it stays at the city; twice does nothing twice', async () => {
    const id = await published({
      title: '菜市场门口积水严重',
      content: '每逢下雨菜市场门口积水，行人难以通过。',
    });
    const levels: string[] = [];
    const start = (await concernOf(id)).statusChangedAt;
    const told = (openid: string) =>
      cloud
        .outbox({ touser: openid, templateId: 'TPL_CONCERN_TODO' })
        .filter((m) => m.page.endsWith(`=${id}`)).length;
    const street0 = 0;
    const county0 = 0;
    const city0 = 0;
    expect([told(STREET_WORKER), told(COUNTY_WORKER), told(CITY_WORKER)]).toEqual([0, 0, 0]);

    await cloud.advanceTo(start + 72 * HOUR_MS + 1);
    levels.push((await concernOf(id)).level);
    expect(told(STREET_WORKER)).toBe(street0 + 1);
    // Delivered again at the same moment: nothing more happens.
    const mark = platformMark(cloud);
    const again = ok(await cloud.fireTimer<ConcernTimerResult>('concern-timers'));
    expect(again.escalated).toBe(0);
    expect(platformMark(cloud)).toEqual(mark);

    const atStreet = await concernOf(id);
    await cloud.advanceTo(atStreet.statusChangedAt + 72 * HOUR_MS + 1);
    levels.push((await concernOf(id)).level);
    expect(told(COUNTY_WORKER)).toBe(county0 + 1);
    const atCounty = await concernOf(id);
    await cloud.advanceTo(atCounty.statusChangedAt + 120 * HOUR_MS + 1);
    const atCity = await concernOf(id);
    levels.push(atCity.level);
    expect(told(CITY_WORKER)).toBe(city0 + 1);
    expect(levels).toEqual(['street', 'county', 'city']);
    expect(atCity).toMatchObject({ status: 'escalated', levelPath: DEMO_PATHS.city, escalateAt: null });
    expect(atCity.claimDeadline).toBe(atCity.statusChangedAt + 168 * HOUR_MS);

    await cloud.advanceTo(atCity.statusChangedAt + 400 * HOUR_MS);
    expect((await concernOf(id)).level).toBe('city');
    const pushes = await cloud.find('events', { entityId: id, action: 'concern.escalate' });
    expect(pushes).toHaveLength(3);
    // The city's worker may claim it for the city; the community's may no longer push it.
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'concern.escalate', { concernId: id, reason: '再推' }),
      'OUT_OF_SCOPE',
    );
    ok(await write(CITY_WORKER, 'concern.claim', { concernId: id, claimAs: 'unit' }));
  });

  test('a worker pushes by hand with a reason; a party member of the community may claim what was pushed to its street', async () => {
    const id = await published();
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'concern.escalate', { concernId: id, reason: '' }),
      'INVALID_INPUT',
    );
    ok(await write(WORKER, 'concern.escalate', { concernId: id, reason: '涉及多个小区，需街道协调' }));
    expect(await concernOf(id)).toMatchObject({
      status: 'escalated',
      level: 'street',
      levelPath: DEMO_PATHS.street,
    });
    const open = ok(
      await call<ConcernListResult>(PARTY_MEMBER, 'concern.list', { view: 'open', pageSize: 50 }),
    );
    expect(open.items.map((i) => i.concernId)).toContain(id);
    ok(
      await write(PARTY_MEMBER, 'concern.claim', { concernId: id, claimAs: 'party_org' }).then((r) =>
        r.code === 'CONCERN_CLAIM_AS_NOT_ALLOWED'
          ? write(PARTY_MEMBER, 'concern.claim', { concernId: id, claimAs: 'self' })
          : r,
      ),
    );
  });
});

describe('the joint meeting', () => {
  test('referred, the street office takes it with tasks; an overdue task is reminded, then referred to the county', async () => {
    const id = await published();
    ok(await write(WORKER, 'concern.escalate', { concernId: id, reason: '需要街道协调' }));
    await expectRefusedWritingNothing(
      cloud,
      () => write(STREET_OFFICE, 'joint_meeting.take', { concernId: id, leadDepartment: '住建局' }),
      'PERMISSION_DENIED',
    );
    ok(
      await write(STREET_WORKER, 'concern.refer', {
        concernId: id,
        reason: '涉及供电、住建多个部门',
        departments: ['供电局', '住建局'],
      }),
    );
    expect(await concernOf(id)).toMatchObject({ status: 'referred', level: 'street' });
    const now = cloud.started.cloud.clock.now();
    ok(
      await write(STREET_OFFICE, 'joint_meeting.take', {
        concernId: id,
        leadDepartment: '住建局',
        departments: ['供电局'],
        tasks: [{ department: '供电局', task: '排查线路', dueAt: now + 24 * HOUR_MS }],
      }),
    );
    let stored = await concernOf(id);
    expect(stored.status).toBe('claimed');
    expect(stored.jointCase?.tasks).toHaveLength(1);
    ok(
      await write(STREET_OFFICE, 'joint_meeting.minutes', {
        concernId: id,
        heldOn: '2025-03-12',
        attendees: ['住建局', '供电局'],
        minutes: '研究线路改造方案',
        decisions: ['供电局三日内排查'],
      }),
    );

    const reminded0 = cloud.outbox({ touser: STREET_OFFICE, templateId: 'TPL_CONCERN_TODO' }).length;
    await cloud.advanceTo(now + 24 * HOUR_MS + 1);
    stored = await concernOf(id);
    expect(stored.jointCase?.tasks[0]?.remindedAt).not.toBeNull();
    expect(cloud.outbox({ touser: STREET_OFFICE, templateId: 'TPL_CONCERN_TODO' }).length).toBe(
      reminded0 + 1,
    );
    await cloud.advanceTo(now + (24 + 72) * HOUR_MS + 1);
    stored = await concernOf(id);
    expect(stored).toMatchObject({ status: 'referred', level: 'county', jointCase: null });
  });
});
