/**
 * 信息发布 in the console, through the real admin-api on the local cloud (docs/announcements.md): a community
 * worker writes a draft with an image uploaded in the console, sees it in their list with its image's URL,
 * publishes it (audited) and withdraws it with a reason; only drafts are edited and only published notices
 * withdrawn; a community worker cannot publish to the street, nor touch the street's notices, which the
 * street's worker lists with their community's; an image of another street is refused; bad input is 400
 * INVALID_INPUT and a role without 信息发布 403, nothing written.
 */
import type {
  AnnouncementDetail,
  AnnouncementListResult,
  AnnouncementWriteResult,
} from '../../../core/announcements/announcement.replies';
import type { ConsoleFileReply } from '../../../core/console/console-files.usecase';
import { DEMO_COMMUNITY_ID, DEMO_STREET_ID } from '../../../demo/demo.constants';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'ann');
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const NOTICE = {
  kind: 'notice',
  title: '关于开展夏季防汛演练的通知',
  body: '各位居民：本周六上午九点在社区广场开展防汛演练，请大家准时参加。',
};

let community: ConsoleBrowser;
let street: ConsoleBrowser;

beforeEach(() => cloud.nextMinute());

beforeAll(async () => {
  community = await cloud.signIn('community.worker');
  street = await cloud.signIn('street.worker');
});

async function image(b: ConsoleBrowser, orgUnitId?: string): Promise<string> {
  const reply = await b.post<ConsoleFileReply>('/console/api/files', {
    purpose: 'announcement_image',
    fileName: '现场.png',
    content: PNG,
    ...(orgUnitId === undefined ? {} : { orgUnitId }),
  });
  expect(reply.code).toBe('OK');
  return reply.data.fileId;
}

async function save(b: ConsoleBrowser, body: Record<string, unknown>, path = '/console/api/announcements') {
  const reply = await b.post<AnnouncementWriteResult>(path, {
    ...NOTICE,
    clientRequestId: rid('save'),
    ...body,
  });
  expect({ code: reply.code, message: reply.message }).toEqual({ code: 'OK', message: '成功' });
  return reply.data;
}

const step = (
  b: ConsoleBrowser,
  id: string,
  what: 'publish' | 'withdraw',
  body: Record<string, unknown> = {},
) =>
  b.post<AnnouncementWriteResult>(`/console/api/announcements/${id}/${what}`, {
    clientRequestId: rid(what),
    ...body,
  });

const listIds = async (b: ConsoleBrowser, query = '') =>
  (await b.get<AnnouncementListResult>(`/console/api/announcements?pageSize=50${query}`)).data.items.map(
    (i) => i.announcementId,
  );

describe('a community worker’s notice', () => {
  test('drafted with an image, published (audited), edited only as a draft, withdrawn with a reason', async () => {
    const fileId = await image(community);
    const { announcementId: id, status } = await save(community, {
      orgUnitId: DEMO_COMMUNITY_ID,
      images: [fileId],
      pinned: true,
    });
    expect(status).toBe('draft');
    const detail = await community.get<AnnouncementDetail>(`/console/api/announcements/${id}`);
    expect(detail.data).toMatchObject({
      status: 'draft',
      unitName: '东门社区',
      orgPath: COMMUNITY,
      pinned: true,
      actions: ['edit', 'publish'],
      images: [{ fileId, url: expect.stringMatching(/^https?:\/\//) }],
    });
    expect(await listIds(community, '&status=draft')).toContain(id);
    expect(await listIds(community, '&status=published')).not.toContain(id);

    // Edited while a draft.
    await save(
      community,
      { orgUnitId: DEMO_COMMUNITY_ID, title: '关于开展防汛演练的通知（更正）' },
      `/console/api/announcements/${id}`,
    );
    expect(await cloud.get(`announcements`, id)).toMatchObject({
      title: '关于开展防汛演练的通知（更正）',
      images: [],
    });

    const published = await step(community, id, 'publish');
    expect(published.data).toEqual({ announcementId: id, status: 'published', notice: null });
    const [entry] = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'announcement.publish',
      entityId: id,
    });
    expect(entry).toMatchObject({
      accountId: 'community.worker',
      orgPath: COMMUNITY,
      summary: '发布信息：关于开展防汛演练的通知（更正）',
    });

    await expectRefused(
      community,
      `/console/api/announcements/${id}`,
      { ...NOTICE, orgUnitId: DEMO_COMMUNITY_ID },
      400,
      'ANNOUNCEMENT_NOT_EDITABLE',
    );
    await expectRefused(
      community,
      `/console/api/announcements/${id}/publish`,
      {},
      400,
      'ANNOUNCEMENT_NOT_DRAFT',
    );
    const withdrawn = await step(community, id, 'withdraw', { reason: '演练改期' });
    expect(withdrawn.data.status).toBe('withdrawn');
    const after = await community.get<AnnouncementDetail>(`/console/api/announcements/${id}`);
    expect(after.data).toMatchObject({ status: 'withdrawn', withdrawReason: '演练改期', actions: [] });
    await expectRefused(
      community,
      `/console/api/announcements/${id}/withdraw`,
      { reason: '再次撤回' },
      400,
      'ANNOUNCEMENT_NOT_PUBLISHED',
    );
  });
});

describe('scope: a unit and the units below it', () => {
  test('a community worker cannot publish to the street, nor touch the street’s notices', async () => {
    await expectRefused(
      community,
      '/console/api/announcements',
      { ...NOTICE, orgUnitId: DEMO_STREET_ID },
      403,
      'ANNOUNCEMENT_UNIT_NOT_FOUND',
    );
    const { announcementId: ofStreet } = await save(street, {
      orgUnitId: DEMO_STREET_ID,
      title: '玉城街道通知',
    });
    await expectRefused(
      community,
      `/console/api/announcements/${ofStreet}/publish`,
      {},
      403,
      'ANNOUNCEMENT_NOT_FOUND',
    );
    expect((await step(street, ofStreet, 'publish')).data.status).toBe('published');
    await expectRefused(
      community,
      `/console/api/announcements/${ofStreet}/withdraw`,
      { reason: '不是本社区的' },
      403,
      'ANNOUNCEMENT_NOT_FOUND',
    );
    // The street's worker lists their community's notices too; the community's worker not the street's.
    const { announcementId: ofCommunity } = await save(community, { orgUnitId: DEMO_COMMUNITY_ID });
    expect(await listIds(street)).toEqual(expect.arrayContaining([ofStreet, ofCommunity]));
    const theirs = await listIds(community);
    expect(theirs).toContain(ofCommunity);
    expect(theirs).not.toContain(ofStreet);
  });

  test('an image uploaded for another street is refused, nothing written', async () => {
    const elsewhere = await image(await cloud.signIn('lingcheng.worker'));
    await expectRefused(
      community,
      '/console/api/announcements',
      { ...NOTICE, orgUnitId: DEMO_COMMUNITY_ID, images: [elsewhere] },
      400,
      'FILE_NOT_OF_RECORD',
    );
  });
});

describe('refusals, nothing written', () => {
  test.each([
    ['no title', { ...NOTICE, title: '', orgUnitId: DEMO_COMMUNITY_ID }],
    ['an unknown kind', { ...NOTICE, kind: 'advert', orgUnitId: DEMO_COMMUNITY_ID }],
    [
      'ten images',
      { ...NOTICE, orgUnitId: DEMO_COMMUNITY_ID, images: Array.from({ length: 10 }, (_, i) => `f${i}`) },
    ],
    [
      'an end before the start',
      { ...NOTICE, orgUnitId: DEMO_COMMUNITY_ID, publishAt: 1_800_000_000_000, expireAt: 1_799_000_000_000 },
    ],
  ])('%s: 400 INVALID_INPUT', async (_label, body) => {
    await expectRefused(community, '/console/api/announcements', body, 400, 'INVALID_INPUT');
  });

  test('an industry regulator (no 信息发布) is refused: 403 PERMISSION_DENIED', async () => {
    const regulator = await cloud.signIn('regulator');
    await expectRefused(
      regulator,
      '/console/api/announcements',
      { ...NOTICE, orgUnitId: DEMO_COMMUNITY_ID },
      403,
      'PERMISSION_DENIED',
    );
    const list = await regulator.get('/console/api/announcements');
    expect({ status: list.status, code: list.code }).toEqual({ status: 403, code: 'PERMISSION_DENIED' });
  });
});
