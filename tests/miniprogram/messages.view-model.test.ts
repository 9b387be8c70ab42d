/**
 * 消息中心's view model (miniprogram/view-models/messages.view-model.ts): a notice as the page renders it,
 * the page it opens (from the root; a tab page by switchTab), the badge's text.
 */
import type { InboxItemView } from 'weimin-core';
import {
  asRead,
  openMode,
  pageUrl,
  toMessageRow,
  unreadBadge,
} from '../../miniprogram/view-models/messages.view-model';

const NOW = Date.UTC(2025, 2, 10, 2, 0, 0);

const item: InboxItemView = {
  messageId: 'msg-1',
  templateId: 'TPL_REVIEW_REMINDER',
  title: '评价提醒',
  lines: [
    { label: '服务项目', value: '家电维修' },
    { label: '温馨提示', value: '请为本次服务评价' },
  ],
  page: 'pages/order-detail/order-detail?orderId=o-1',
  subjectId: 'o-1',
  createdAt: NOW - 3_600_000,
  readAt: null,
  read: false,
};

describe('a notice as the page shows it', () => {
  test('labelled lines, the time in Shanghai, unread said in words, the page from the root', () => {
    expect(toMessageRow(item, NOW)).toEqual({
      id: 'msg-1',
      title: '评价提醒',
      lines: ['服务项目：家电维修', '温馨提示：请为本次服务评价'],
      time: '03-10 09:00',
      unread: true,
      url: '/pages/order-detail/order-detail?orderId=o-1',
      ariaLabel:
        '未读消息：评价提醒，服务项目：家电维修，温馨提示：请为本次服务评价，03-10 09:00。点按查看详情',
    });
  });

  test('read once tapped', () => {
    const read = asRead(toMessageRow(item, NOW));
    expect(read.unread).toBe(false);
    expect(read.ariaLabel).toMatch(/^已读消息：评价提醒/);
  });

  test.each([
    ['pages/order-detail/order-detail?orderId=1', 'page', '/pages/order-detail/order-detail?orderId=1'],
    [
      '/packages/staff/pages/job-detail/job-detail?orderId=2',
      'page',
      '/packages/staff/pages/job-detail/job-detail?orderId=2',
    ],
    ['pages/orders/orders?status=created', 'tab', '/pages/orders/orders'],
    ['  ', 'none', ''],
  ])('%s opens by %s', (page, how, url) => {
    expect(openMode(pageUrl(page))).toEqual({ how, url });
  });

  test.each([
    [0, ''],
    [-1, ''],
    [Number.NaN, ''],
    [7, '7'],
    [99, '99'],
    [100, '99+'],
  ])('%s unread: badge %j', (count, text) => {
    expect(unreadBadge(count)).toBe(text);
  });
});
