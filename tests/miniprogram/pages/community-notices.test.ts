/**
 * 通知公告 on its real WXML: the community's notices (pinned marked, kind, unit and time), a page at a time;
 * loading, empty and error states with their way onward; a tap opens the notice; 长辈模式.
 */
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  openPage,
  rootClasses,
  tap,
  tapButton,
  textOf,
} from './support/page-harness';
import { noticeItem, noticePage } from './notices-support';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

beforeEach(() => fakeCloud.reset());
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

const inputs = (command: string) => fakeCloud.sent(command).map((c) => c.input);

describe('通知公告', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/notices/notices');
  });

  it('lists the notices, pinned marked, with kind, unit and time; a tap opens one', async () => {
    fakeCloud.ok(
      'announcements',
      'announcement.list',
      noticePage([
        noticeItem({ announcementId: 'ann-pin', pinned: true, title: '社区服务电话', kindLabel: '通知' }),
        noticeItem({ announcementId: 'ann-2', kind: 'publicity', kindLabel: '公示', unitName: '玉城街道' }),
      ]),
    );
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(inputs('announcement.list')).toEqual([{ page: 1, pageSize: 20 }]);
    const pinned = textOf(find(page, '#notice-ann-pin'));
    expect(pinned).toContain('置顶');
    expect(pinned).toContain('社区服务电话');
    const second = textOf(find(page, '#notice-ann-2'));
    expect(second).toContain('公示');
    expect(second).toContain('玉城街道 · 2025-03-10 10:00');
    expect(second).not.toContain('置顶');
    expect(textOf(find(page, '#no-more'))).toContain('已显示全部 2 条');
    await tap(page, '#notice-ann-2');
    expect(navigate).toHaveBeenCalledWith({
      url: '/packages/community/pages/notice/notice?announcementId=ann-2',
    });
  });

  it('loads the next page with 加载更多', async () => {
    fakeCloud.ok('announcements', 'announcement.list', (input) =>
      input['page'] === 1
        ? noticePage([noticeItem()], { hasMore: true, total: 2 })
        : noticePage([noticeItem({ announcementId: 'ann-p2', title: '第二页的通知' })], {
            page: 2,
            total: 2,
          }),
    );
    const page = await openPage(pageId);
    await tapButton(page, '#more');
    expect(textOf(find(page, '#notice-ann-p2'))).toContain('第二页的通知');
    expect(inputs('announcement.list').map((i) => i['page'])).toEqual([1, 2]);
  });

  it('says when there are none, and when they cannot be read (no community bound), with 重新加载', async () => {
    fakeCloud.ok('announcements', 'announcement.list', noticePage([]));
    const empty = await openPage(pageId);
    expect(textOf(find(empty, '#state'))).toContain('社区暂时没有通知公告');
    fakeCloud.fail(
      'announcements',
      'announcement.list',
      'ANNOUNCEMENT_COMMUNITY_REQUIRED',
      '请先在“我的”中绑定所在小区（网格），再查看本社区的通知公告',
    );
    const failed = await openPage(pageId);
    expect(textOf(find(failed, '#state'))).toContain('请先在“我的”中绑定所在小区');
  });

  // Last: 长辈模式 stays on for what follows in this file.
  it('follows 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    fakeCloud.ok('announcements', 'announcement.list', noticePage([noticeItem()]));
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
