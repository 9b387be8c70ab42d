/**
 * 通知公告 (信息发布) in the states a user meets, for the 适老化 audit (docs/elder-mode.md, "Adding a page to the
 * audit"): audit/scenarios.ts spreads them into SCENARIOS. 首页 with the latest notices; the list with a pinned
 * notice, empty, and before a community is bound; one notice with its images, and one no longer up.
 */
import type { CatalogListReply } from 'weimin-core';
import type { Scenario } from './audit/scenario.types';
import { noticeDetail, noticeItem, noticePage } from './notices-support';

const LIST = 'packages/community/pages/notices/notices';
const DETAIL = 'packages/community/pages/notice/notice';
const CATALOG: CatalogListReply = { categories: [], page: 1, pageSize: 50, hasMore: false };
/** A 1x1 PNG: an image the audit's browser can show. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const ROWS = [
  noticeItem({ announcementId: 'ann-pin', pinned: true, title: '东门社区周六开展义诊和义务理发活动' }),
  noticeItem({
    announcementId: 'ann-2',
    kind: 'publicity',
    kindLabel: '公示',
    title: '东门社区2024年度低保对象评议结果公示',
    excerpt: '经社区民主评议，拟将以下3户家庭纳入低保保障范围。公示期7天，如有异议请向社区居委会反映。',
  }),
  noticeItem({
    announcementId: 'ann-3',
    unitName: '玉林市',
    title: '玉林市关于开展“为民红绳”便民服务月活动的通知',
    excerpt: '全市开展为期一个月的“为民红绳”便民服务月活动。',
  }),
];

export const NOTICE_SCENARIOS: readonly Scenario[] = [
  {
    title: '首页·通知公告',
    page: 'pages/home/home',
    replies: (kit) => {
      kit.fakeCloud.ok('catalog', 'catalog.list', CATALOG);
      kit.fakeCloud.ok('announcements', 'announcement.list', noticePage(ROWS));
    },
  },
  {
    title: '通知公告',
    page: LIST,
    replies: (kit) =>
      kit.fakeCloud.ok('announcements', 'announcement.list', noticePage(ROWS, { hasMore: true })),
  },
  {
    title: '通知公告·暂无',
    page: LIST,
    replies: (kit) => kit.fakeCloud.ok('announcements', 'announcement.list', noticePage([])),
  },
  {
    title: '通知公告·未绑定小区',
    page: LIST,
    replies: (kit) =>
      kit.fakeCloud.fail(
        'announcements',
        'announcement.list',
        'ANNOUNCEMENT_COMMUNITY_REQUIRED',
        '请先在“我的”中绑定所在小区（网格），再查看本社区的通知公告',
      ),
  },
  {
    title: '通知详情',
    page: DETAIL,
    query: { announcementId: 'ann-1' },
    replies: (kit) =>
      kit.fakeCloud.ok(
        'announcements',
        'announcement.detail',
        noticeDetail({
          expireText: '2025-03-17 10:00',
          images: [
            { fileId: 'cloud://env.bucket/a.png', url: PIXEL },
            { fileId: 'cloud://env.bucket/b.png', url: PIXEL },
          ],
        }),
      ),
  },
  {
    title: '通知详情·已撤回',
    page: DETAIL,
    query: { announcementId: 'ann-gone' },
    replies: (kit) =>
      kit.fakeCloud.fail(
        'announcements',
        'announcement.detail',
        'ANNOUNCEMENT_NOT_FOUND',
        '该信息不存在、已撤回或已过期',
      ),
  },
];
