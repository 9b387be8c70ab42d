/**
 * 通知详情 on its real WXML: the notice's kind, title, unit and time, until when it is up, its text by paragraph
 * and its images, a tap opening WeChat's viewer on that one; a notice no longer up says so; 长辈模式.
 */
import { fakeCloud } from './support/fake-cloud';
import { fakeStorage, find, loadPage, openPage, rootClasses, tap, textOf } from './support/page-harness';
import { noticeDetail } from './notices-support';

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

describe('通知详情', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/notice/notice');
  });

  it('shows the notice by paragraph with its images; a tap on one opens the viewer on it', async () => {
    fakeCloud.ok('announcements', 'announcement.detail', (input) =>
      noticeDetail({
        announcementId: String(input['announcementId']),
        expireAt: Date.UTC(2025, 2, 17, 2, 0),
        expireText: '2025-03-17 10:00',
        images: [
          { fileId: 'cloud://env.bucket/a.png', url: 'https://tmp.example/a.png' },
          { fileId: 'cloud://env.bucket/b.png', url: '' },
        ],
      }),
    );
    const preview = jest.spyOn(wx, 'previewImage').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, { announcementId: 'ann-7' });
    expect(inputs('announcement.detail')).toEqual([{ announcementId: 'ann-7' }]);
    expect(textOf(find(page, '#notice-title'))).toBe('东门社区周六开展义诊活动');
    expect(textOf(find(page, '#notice-meta'))).toBe('东门社区 · 2025-03-10 10:00');
    expect(textOf(find(page, '#notice-until'))).toBe('有效期至 2025-03-17 10:00');
    const body = textOf(find(page, '#notice-body'));
    expect(body).toContain('各位居民：');
    expect(body).toContain('行动不便的老人可联系网格员。');
    await tap(page, '#image-1');
    expect(preview).toHaveBeenCalledWith({
      current: 'cloud://env.bucket/b.png',
      urls: ['https://tmp.example/a.png', 'cloud://env.bucket/b.png'],
    });
  });

  it('says a notice no longer up is not there, with 重新加载', async () => {
    fakeCloud.fail(
      'announcements',
      'announcement.detail',
      'ANNOUNCEMENT_NOT_FOUND',
      '该信息不存在、已撤回或已过期',
    );
    const page = await openPage(pageId, { announcementId: 'ann-gone' });
    expect(textOf(find(page, '#state'))).toContain('该信息不存在、已撤回或已过期');
  });

  // Last: 长辈模式 stays on for what follows in this file.
  it('follows 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    fakeCloud.ok('announcements', 'announcement.detail', noticeDetail());
    expect(rootClasses(await openPage(pageId, { announcementId: 'ann-1' }))).toContain('elder');
  });
});
