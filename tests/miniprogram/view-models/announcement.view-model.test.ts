/** 通知公告's view model: a notice as a row (what a screen reader says) and in full (paragraphs, images). */
import { toNoticeRow, toNoticeView } from '../../../miniprogram/view-models/announcement.view-model';
import { noticeDetail, noticeItem } from '../pages/notices-support';

describe('toNoticeRow', () => {
  test('says the kind, the title, the unit and the time, pinned first', () => {
    expect(toNoticeRow(noticeItem({ pinned: true }))).toEqual({
      id: 'ann-1',
      title: '东门社区周六开展义诊活动',
      kindLabel: '通知',
      meta: '东门社区 · 2025-03-10 10:00',
      excerpt: '本周六上午8:30至11:30，社区在广场开展义诊、量血压。',
      pinned: true,
      ariaLabel: '置顶通知：东门社区周六开展义诊活动，东门社区 · 2025-03-10 10:00。点按查看全文',
    });
  });

  test('a notice without a time shows its unit alone', () => {
    expect(toNoticeRow(noticeItem({ publishText: '', publishAt: null })).meta).toBe('东门社区');
  });
});

describe('toNoticeView', () => {
  test('splits the body into paragraphs and shows each image by its URL, or its file id without one', () => {
    const view = toNoticeView(
      noticeDetail({
        body: '第一段\n\n  第二段  \n',
        images: [
          { fileId: 'cloud://e.b/a.png', url: 'https://tmp.example/a.png' },
          { fileId: 'cloud://e.b/b.png', url: '' },
        ],
      }),
    );
    expect(view.paragraphs).toEqual(['第一段', '第二段']);
    expect(view.images).toEqual(['https://tmp.example/a.png', 'cloud://e.b/b.png']);
    expect(view.until).toBe('');
  });

  test('says until when it is up', () => {
    expect(toNoticeView(noticeDetail({ expireText: '2025-03-17 10:00' })).until).toBe(
      '有效期至 2025-03-17 10:00',
    );
  });
});
