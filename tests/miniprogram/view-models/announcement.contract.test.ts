/**
 * Contract: the mini-program's real announcements service, through the real client API module in local mode,
 * against a real local cloud running the real `announcements` function on the seeded Yulin demo data (its
 * notices: demo/demo-announcements.ts); the replies go into the real view model. It keeps the page tests'
 * scripted replies honest: every field a canned reply of tests/miniprogram/pages/notices-support.ts has, the
 * real reply has too, with the same type.
 */
import { appConfig } from '../../../miniprogram/config';
import { callFunction } from '../../../miniprogram/services/cloud-api';
import { announcementDetail, listAnnouncements } from '../../../miniprogram/services/announcements';
import { switchLocalIdentity } from '../../../miniprogram/services/local-identity/local-identity.service';
import { toNoticeRow, toNoticeView } from '../../../miniprogram/view-models/announcement.view-model';
import { functionCloud } from '../../functions/support/function-cloud';
import { noticeDetail, noticeItem, noticePage } from '../pages/notices-support';
import { installWx, removeWx } from '../support/local-wx';

const cloud = functionCloud();

beforeAll(() => {
  appConfig.gatewayUrl = cloud.started.cloud.url;
  installWx({ allow: true });
});
afterAll(() => removeWx());

async function wire(command: string, input: object): Promise<unknown> {
  return (await callFunction('announcements', { command, input })).data;
}

/** Where the real reply lacks a field of the canned one or sends another type there (as community.contract). */
function shapeGaps(canned: unknown, real: unknown, at = 'data'): string[] {
  if (canned === null || real === null) return [];
  if (Array.isArray(canned)) {
    if (!Array.isArray(real)) return [`${at}: not an array`];
    if (real.length === 0 || canned.length === 0) return [];
    return shapeGaps(canned[0], real[0], `${at}[0]`);
  }
  if (typeof canned !== 'object') return typeof canned === typeof real ? [] : [`${at}: ${typeof real}`];
  if (typeof real !== 'object' || Array.isArray(real)) return [`${at}: not an object`];
  const c = canned as Record<string, unknown>;
  const r = real as Record<string, unknown>;
  return Object.keys(c).flatMap((k) =>
    k in r ? shapeGaps(c[k], r[k], `${at}.${k}`) : [`${at}.${k}: missing`],
  );
}

test('the demo resident reads their branch’s notices, pinned first, and one in full', async () => {
  switchLocalIdentity('demo-resident-1');
  const page = await listAnnouncements(1);
  const rows = page.items.map(toNoticeRow);
  expect(rows[0]).toMatchObject({ id: 'ann-demo-community-01', pinned: true });
  const ids = rows.map((r) => r.id);
  expect(ids).toEqual(
    expect.arrayContaining([
      'ann-demo-city-01',
      'ann-demo-county-01',
      'ann-demo-street-01',
      'ann-demo-community-02',
    ]),
  );
  for (const never of [
    'ann-demo-community-expired',
    'ann-demo-community-tomorrow',
    'ann-demo-community-draft',
  ]) {
    expect(ids).not.toContain(never);
  }
  expect(
    shapeGaps(noticePage([noticeItem()]), await wire('announcement.list', { page: 1, pageSize: 20 })),
  ).toEqual([]);

  const view = toNoticeView(await announcementDetail('ann-demo-community-02'));
  expect(view).toMatchObject({ kindLabel: '公示', title: '东门社区2024年度低保对象评议结果公示' });
  expect(view.until).toMatch(/^有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(
    shapeGaps(
      noticeDetail({ images: [{ fileId: 'f', url: 'u' }] }),
      await wire('announcement.detail', { announcementId: 'ann-demo-community-02' }),
    ),
  ).toEqual([]);
});

test('a resident of another county does not read 东门社区’s notices', async () => {
  switchLocalIdentity('demo-resident-2');
  const ids = (await listAnnouncements(1)).items.map((i) => i.announcementId);
  expect(ids).toContain('ann-demo-city-01');
  expect(ids).not.toContain('ann-demo-community-01');
  await expect(announcementDetail('ann-demo-community-01')).rejects.toMatchObject({
    code: 'ANNOUNCEMENT_NOT_FOUND',
  });
});
