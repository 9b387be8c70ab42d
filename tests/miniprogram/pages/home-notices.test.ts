/**
 * 通知公告 on 首页 (its real WXML): the latest three notices of the resident's community, pinned marked, with
 * 更多 to the whole list and a tap to one; no section while there are none or they cannot be read.
 */
import type { CatalogListReply } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, openPage, tap, tapButton, textOf } from './support/page-harness';
import { noticeItem, noticePage } from './notices-support';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const CATALOG: CatalogListReply = { categories: [], page: 1, pageSize: 50, hasMore: false };

let pageId: string;
beforeAll(() => {
  pageId = loadPage('pages/home/home');
});
beforeEach(() => {
  fakeCloud.reset();
  fakeCloud.ok('catalog', 'catalog.list', CATALOG);
});
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

test('首页 shows the latest three notices; a tap opens one, 更多 the list', async () => {
  fakeCloud.ok(
    'announcements',
    'announcement.list',
    noticePage([
      noticeItem({ announcementId: 'ann-a', pinned: true, title: '社区服务电话' }),
      noticeItem({ announcementId: 'ann-b', kindLabel: '公示', title: '低保评议结果公示' }),
      noticeItem({ announcementId: 'ann-c', unitName: '玉林市', title: '便民服务月活动' }),
    ]),
  );
  const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
  const page = await openPage(pageId);
  expect(fakeCloud.sent('announcement.list').map((c) => c.input)).toEqual([{ page: 1, pageSize: 3 }]);
  const section = textOf(find(page, '#home-notices'));
  expect(section).toContain('通知公告');
  expect(section).toContain('[置顶][通知]社区服务电话');
  expect(section).toContain('[公示]低保评议结果公示');
  expect(section).toContain('玉林市 · 2025-03-10 10:00');
  await tap(page, '#home-notice-ann-b');
  expect(navigate).toHaveBeenLastCalledWith({
    url: '/packages/community/pages/notice/notice?announcementId=ann-b',
  });
  await tapButton(page, '#notices-more');
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/community/pages/notices/notices' });
});

test('no section when there are none, nor when they cannot be read', async () => {
  const none = await openPage(pageId);
  expect(() => find(none, '#home-notices')).toThrow();
  fakeCloud.fail(
    'announcements',
    'announcement.list',
    'ANNOUNCEMENT_COMMUNITY_REQUIRED',
    '请先在“我的”中绑定所在小区（网格），再查看本社区的通知公告',
  );
  const unbound = await openPage(pageId);
  expect(() => find(unbound, '#home-notices')).toThrow();
  expect(textOf(unbound)).not.toContain('请先在“我的”中绑定');
});
