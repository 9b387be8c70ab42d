/**
 * Notices (信息发布, docs/announcements.md) as residents read them through the real `announcements` function on
 * the local cloud, written, published and withdrawn by the demo workers through the real admin-api (the
 * console's backend): a city notice reaches a resident of any community, a street notice only that street's,
 * a community notice only its own; nothing before its publishAt or from its expireAt on; a withdrawn one is gone
 * and a draft never seen; a risky title refused and a text WeChat asks a person to look at held in the
 * moderation queue until a worker approves it; every role may read its branch's notices and only workers and
 * leaders list their units'; bad input refused with its code, nothing written.
 */
import type {
  AnnouncementDetail,
  AnnouncementListResult,
  AnnouncementWriteResult,
} from '../../core/announcements/announcement.replies';
import { PERMISSION_MATRIX } from '../../core/auth/permissions.matrix';
import { GRANTABLE_ROLES } from '../../core/auth/roles';
import type { Announcement } from '../../core/model/announcement.model';
import type { ModerationItem } from '../../core/model/moderation.model';
import {
  CITY_ID,
  DEMO_COMMUNITY_ID,
  DEMO_RESIDENT_OPENID,
  DEMO_SECOND_RESIDENT_OPENID,
  DEMO_STREET_ID,
} from '../../demo/demo.constants';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { consoleCloud, type ConsoleBrowser } from '../console/support/console-cloud';
import { HOUR_MS, type Reply } from './support/function-cloud';
import { ok } from './support/order-loop';
import { expectRefusedWritingNothing, platformMark } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = consoleCloud();

/** 东门社区 (玉城街道, 玉州区): the demo resident. */
const EAST_GATE = DEMO_RESIDENT_OPENID;
/** 西门社区, the same street. */
const WEST_GATE = 'ann-west-gate-1';
/** 名山街道's first community, the same county, another street. */
const MINGSHAN = 'ann-mingshan-1';
/** 北流市陵城社区: another county. */
const BEILIU = DEMO_SECOND_RESIDENT_OPENID;
const READERS = [EAST_GATE, WEST_GATE, MINGSHAN, BEILIU] as const;

let city: ConsoleBrowser;
let street: ConsoleBrowser;
let community: ConsoleBrowser;
let seq = 0;
const rid = (label: string) => `${label}-${String((seq += 1)).padStart(4, '0')}-ann`;

const call = <T>(openid: string, command: string, input: unknown = {}): Promise<Reply<T>> =>
  cloud.as(openid).call<T>('announcements', command, input);
const listOf = async (openid: string): Promise<string[]> =>
  ok(await call<AnnouncementListResult>(openid, 'announcement.list', { pageSize: 50 })).items.map(
    (i) => i.announcementId,
  );
const stored = async (id: string) => (await cloud.get<Announcement>('announcements', id))!;

/** A draft written in the console by `b` for the unit, answering its id. */
async function draft(
  b: ConsoleBrowser,
  orgUnitId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const reply = await b.post<AnnouncementWriteResult>('/console/api/announcements', {
    orgUnitId,
    kind: 'notice',
    title: '关于开展夏季防汛演练的通知',
    body: '各位居民：本周六上午九点在社区广场开展防汛演练，请大家准时参加。',
    clientRequestId: rid('save'),
    ...extra,
  });
  expect({ code: reply.code, message: reply.message }).toEqual({ code: 'OK', message: '成功' });
  return reply.data.announcementId;
}

async function publish(b: ConsoleBrowser, id: string): Promise<AnnouncementWriteResult> {
  const reply = await b.post<AnnouncementWriteResult>(`/console/api/announcements/${id}/publish`, {
    clientRequestId: rid('publish'),
  });
  expect(reply.code).toBe('OK');
  return reply.data;
}

const published = async (b: ConsoleBrowser, orgUnitId: string, extra: Record<string, unknown> = {}) => {
  const id = await draft(b, orgUnitId, extra);
  expect((await publish(b, id)).status).toBe('published');
  return id;
};

beforeAll(async () => {
  await writeUser(cloud, WEST_GATE, [], `${DEMO_PATHS.street}450902001002/`);
  await writeUser(cloud, MINGSHAN, [], `/${CITY_ID}/450902/450902002/450902002001/`);
  city = await cloud.signIn('city.worker');
  street = await cloud.signIn('street.worker');
  community = await cloud.signIn('community.worker');
});

describe('who reads a published notice', () => {
  test('a city notice reaches every community, a street notice its street’s, a community notice its own', async () => {
    const ofCity = await published(city, CITY_ID, { title: '玉林市关于开展文明城市创建的通知' });
    const ofStreet = await published(street, DEMO_STREET_ID, { title: '玉城街道便民服务时间调整' });
    const ofCommunity = await published(community, DEMO_COMMUNITY_ID, {
      kind: 'publicity',
      title: '东门社区低保评议结果公示',
    });
    const seen = Object.fromEntries(
      await Promise.all(READERS.map(async (r) => [r, await listOf(r)] as const)),
    );
    const mine = (r: string) => [ofCity, ofStreet, ofCommunity].filter((id) => seen[r]!.includes(id));
    expect(mine(EAST_GATE)).toEqual([ofCity, ofStreet, ofCommunity]);
    expect(mine(WEST_GATE)).toEqual([ofCity, ofStreet]);
    expect(mine(MINGSHAN)).toEqual([ofCity]);
    expect(mine(BEILIU)).toEqual([ofCity]);

    // The detail: in full to a reader of the branch, not found for anyone else.
    const detail = ok(
      await call<AnnouncementDetail>(EAST_GATE, 'announcement.detail', { announcementId: ofCommunity }),
    );
    expect(detail).toMatchObject({
      announcementId: ofCommunity,
      kind: 'publicity',
      kindLabel: '公示',
      title: '东门社区低保评议结果公示',
      unitName: '东门社区',
      status: 'published',
      actions: [],
      withdrawReason: null,
    });
    for (const [reader, id] of [
      [WEST_GATE, ofCommunity],
      [MINGSHAN, ofStreet],
      [BEILIU, ofStreet],
    ] as const) {
      await expectRefusedWritingNothing(
        cloud,
        () => call(reader, 'announcement.detail', { announcementId: id }),
        'ANNOUNCEMENT_NOT_FOUND',
      );
    }
  });

  test('pinned first, then the newest; paged', async () => {
    const older = await published(community, DEMO_COMMUNITY_ID, {
      title: '置顶：社区服务电话',
      pinned: true,
    });
    cloud.shiftClock(60_000);
    const newer = await published(community, DEMO_COMMUNITY_ID, { title: '本周垃圾分类宣传活动' });
    const first = ok(await call<AnnouncementListResult>(EAST_GATE, 'announcement.list', { pageSize: 50 }));
    const ids = first.items.map((i) => i.announcementId);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    const pinned = first.items.filter((i) => i.pinned);
    expect(first.items.slice(0, pinned.length).every((i) => i.pinned)).toBe(true);
    const page1 = ok(await call<AnnouncementListResult>(EAST_GATE, 'announcement.list', { pageSize: 1 }));
    const page2 = ok(
      await call<AnnouncementListResult>(EAST_GATE, 'announcement.list', { page: 2, pageSize: 1 }),
    );
    expect(page1.hasMore).toBe(true);
    expect(page2.items[0]!.announcementId).toBe(ids[1]);
  });
});

describe('what is never read', () => {
  test('a draft is seen by its unit’s workers only', async () => {
    const id = await draft(community, DEMO_COMMUNITY_ID, { title: '（草稿）社区议事会通知' });
    expect(await listOf(EAST_GATE)).not.toContain(id);
    await expectRefusedWritingNothing(
      cloud,
      () => call(EAST_GATE, 'announcement.detail', { announcementId: id }),
      'ANNOUNCEMENT_NOT_FOUND',
    );
    const workers = await community.get<AnnouncementDetail>(`/console/api/announcements/${id}`);
    expect(workers.data).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      actions: ['edit', 'publish'],
    });
  });

  test('a withdrawn notice is gone, its reason kept for the workers', async () => {
    const id = await published(community, DEMO_COMMUNITY_ID, { title: '停水通知' });
    expect(await listOf(EAST_GATE)).toContain(id);
    const withdrawn = await community.post<AnnouncementWriteResult>(
      `/console/api/announcements/${id}/withdraw`,
      {
        reason: '停水时间有误，更正后重新发布',
        clientRequestId: rid('withdraw'),
      },
    );
    expect(withdrawn.data.status).toBe('withdrawn');
    expect(await listOf(EAST_GATE)).not.toContain(id);
    await expectRefusedWritingNothing(
      cloud,
      () => call(EAST_GATE, 'announcement.detail', { announcementId: id }),
      'ANNOUNCEMENT_NOT_FOUND',
    );
    expect(await stored(id)).toMatchObject({
      status: 'withdrawn',
      withdrawReason: '停水时间有误，更正后重新发布',
      withdrawnBy: 'demo-community-worker-1',
    });
  });

  test('nothing before publishAt, nothing from expireAt on', async () => {
    const now = cloud.now();
    const later = await published(community, DEMO_COMMUNITY_ID, {
      title: '下周社区义诊预告',
      publishAt: now + 2 * HOUR_MS,
    });
    const brief = await published(community, DEMO_COMMUNITY_ID, {
      title: '今日电梯检修',
      publishAt: now,
      expireAt: now + HOUR_MS,
    });
    let seen = await listOf(EAST_GATE);
    expect(seen).not.toContain(later);
    expect(seen).toContain(brief);
    await expectRefusedWritingNothing(
      cloud,
      () => call(EAST_GATE, 'announcement.detail', { announcementId: later }),
      'ANNOUNCEMENT_NOT_FOUND',
    );
    cloud.shiftClock(2 * HOUR_MS);
    // Two idle hours end a console session: the worker signs in again.
    community = await cloud.signIn('community.worker');
    seen = await listOf(EAST_GATE);
    expect(seen).toContain(later);
    expect(seen).not.toContain(brief);
    await expectRefusedWritingNothing(
      cloud,
      () => call(EAST_GATE, 'announcement.detail', { announcementId: brief }),
      'ANNOUNCEMENT_NOT_FOUND',
    );
    // Its window over, it cannot be published again either: a draft whose end has passed is refused.
    const stale = await draft(community, DEMO_COMMUNITY_ID, { publishAt: now, expireAt: now + HOUR_MS });
    const before = platformMark(cloud);
    const refused = await community.post(`/console/api/announcements/${stale}/publish`, {
      clientRequestId: rid('stale'),
    });
    expect({ status: refused.status, code: refused.code }).toEqual({
      status: 400,
      code: 'ANNOUNCEMENT_ALREADY_EXPIRED',
    });
    expect(platformMark(cloud)).toEqual(before);
  });
});

describe('content security', () => {
  test('a risky title is refused at publish, nothing written; the draft stays a draft', async () => {
    const id = await draft(community, DEMO_COMMUNITY_ID, { title: '网络博彩宣传' });
    const before = platformMark(cloud);
    const reply = await community.post(`/console/api/announcements/${id}/publish`, {
      clientRequestId: rid('risky'),
    });
    expect({ status: reply.status, code: reply.code }).toEqual({
      status: 400,
      code: 'ANNOUNCEMENT_TITLE_RISKY',
    });
    expect(reply.message).toBe('标题含有不适宜发布的信息，请修改后再提交');
    expect(platformMark(cloud)).toEqual(before);
    expect((await stored(id)).status).toBe('draft');
  });

  test('a text held for review waits in the moderation queue, unseen, until a worker approves it', async () => {
    const id = await draft(community, DEMO_COMMUNITY_ID, {
      title: '社区团购通知',
      body: '加微信领红包，详情咨询社区。',
    });
    const held = await publish(community, id);
    expect(held).toEqual({
      announcementId: id,
      status: 'held',
      notice: { code: 'ANNOUNCEMENT_HELD_FOR_REVIEW', message: '内容需人工审核，审核通过后自动发布' },
    });
    expect(await listOf(EAST_GATE)).not.toContain(id);
    const items = await cloud.find<ModerationItem>('moderation_items', { subjectId: id });
    expect(items.map((i) => [i.kind, i.status, i.subject, i.orgPath])).toEqual([
      ['announcement_body', 'pending', 'announcements', DEMO_PATHS.community],
    ]);
    const worker = cloud.as('demo-community-worker-1');
    const decided = await worker.call('moderation', 'moderation.decide', {
      itemId: items[0]!._id,
      decision: 'approve',
      clientRequestId: rid('approve'),
    });
    expect(decided.code).toBe('OK');
    expect(await stored(id)).toMatchObject({ status: 'published', heldTexts: [] });
    expect(await listOf(EAST_GATE)).toContain(id);
  });

  test('a rejected text sends the notice back to draft with the reason', async () => {
    const id = await draft(community, DEMO_COMMUNITY_ID, { body: '加微信领红包，本周有效。' });
    expect((await publish(community, id)).status).toBe('held');
    const [item] = await cloud.find<ModerationItem>('moderation_items', { subjectId: id });
    const decided = await cloud.as('demo-community-worker-1').call('moderation', 'moderation.decide', {
      itemId: item!._id,
      decision: 'reject',
      reason: '含有引流信息',
      clientRequestId: rid('reject'),
    });
    expect(decided.code).toBe('OK');
    expect(await stored(id)).toMatchObject({ status: 'draft', reviewNote: '含有引流信息', heldTexts: [] });
    expect(await listOf(EAST_GATE)).not.toContain(id);
  });
});

describe('roles and bad input', () => {
  test('every role reads its branch’s notices; only workers and leaders list their units’', async () => {
    // A fresh session: the window test above moved the clock past the first one's idle limit.
    city = await cloud.signIn('city.worker');
    const ofCity = await published(city, CITY_ID, { title: '玉林市文明养犬倡议' });
    const cells = PERMISSION_MATRIX['announcement.view'];
    const managers = PERMISSION_MATRIX['announcement.manage'];
    for (const role of GRANTABLE_ROLES) {
      const openid = `ann-role-${role}`;
      await writeUser(cloud, openid, [{ role, orgPath: DEMO_PATHS.community }]);
      const reads = await call<AnnouncementListResult>(openid, 'announcement.list', { pageSize: 5 });
      expect([role, reads.code]).toEqual([role, cells[role] === undefined ? 'PERMISSION_DENIED' : 'OK']);
      const detail = await call(openid, 'announcement.detail', { announcementId: ofCity });
      expect([role, detail.code]).toEqual([role, cells[role] === undefined ? 'PERMISSION_DENIED' : 'OK']);
      const units = await call(openid, 'announcement.list', { view: 'unit' });
      expect([role, units.code]).toEqual([role, managers[role] === undefined ? 'PERMISSION_DENIED' : 'OK']);
    }
  });

  test('a caller without a grid or community is told to bind one', async () => {
    // Someone new to the platform (no record yet): a resident with no home.
    await expectRefusedWritingNothing(
      cloud,
      () => call('ann-unbound-1', 'announcement.list', {}),
      'ANNOUNCEMENT_COMMUNITY_REQUIRED',
    );
  });

  test.each([
    ['announcement.list', { view: 'everything' }],
    ['announcement.list', { pageSize: 500 }],
    ['announcement.detail', {}],
    ['announcement.detail', { announcementId: '../x' }],
  ])('%s %j: INVALID_INPUT, nothing written', async (command, input) => {
    await expectRefusedWritingNothing(cloud, () => call(EAST_GATE, command, input), 'INVALID_INPUT');
  });

  test('the workers’ commands are not the mini-program’s', async () => {
    const reply = await call(EAST_GATE, 'announcement.publish', {
      announcementId: 'x',
      clientRequestId: rid('x'),
    });
    expect(reply.code).toBe('UNKNOWN_COMMAND');
  });
});
