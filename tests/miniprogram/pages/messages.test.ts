/**
 * 消息中心 on its real WXML: the notices a page at a time with the unread count, the unread filter (said in
 * words, not by colour), a tap that marks a notice read and opens its page, 全部标为已读, the loading, empty
 * and error states (no toast: what went wrong stays on the page), 长辈模式, and the way in from 我的 with
 * the unread count.
 */
import type { InboxItemView, MessageListReply } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
import {
  ariaOf,
  find,
  loadPage,
  noticeKind,
  noticeText,
  openPage,
  rootClasses,
  settle,
  showAgain,
  tap,
  tapButton,
  tapCell,
  textOf,
} from './support/page-harness';
import { installPrivacyCheck } from './support/privacy-check';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

/** 2025-03-10 10:00 Asia/Shanghai. */
const AT = Date.UTC(2025, 2, 10, 2, 0, 0);

function notice(n: number, read = false): InboxItemView {
  return {
    messageId: `msg-${n}`,
    templateId: 'TPL_ORDER_STATUS',
    title: '订单状态通知',
    lines: [
      { label: '订单状态', value: '已接单' },
      { label: '服务商', value: `玉林家电快修${n}号店` },
      { label: '更新时间', value: '2025年03月10日 10:00' },
    ],
    page: `pages/order-detail/order-detail?orderId=order-${n}`,
    subjectId: `order-${n}`,
    createdAt: AT - n * 60_000,
    readAt: read ? AT : null,
    read,
  };
}

type ListInput = { page: number; pageSize: number; unreadOnly: boolean };

/** 25 notices, the first 3 unread, 20 a page; `unreadOnly` gives the 3. */
function inbox(input: ListInput, unread = 3): MessageListReply {
  const all = Array.from({ length: 25 }, (_, i) => notice(i + 1, i >= unread));
  const chosen = input.unreadOnly ? all.filter((m) => !m.read) : all;
  const start = (input.page - 1) * input.pageSize;
  const items = chosen.slice(start, start + input.pageSize);
  return {
    items,
    total: chosen.length,
    unread,
    page: input.page,
    pageSize: input.pageSize,
    hasMore: start + items.length < chosen.length,
  };
}

describe('消息中心', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/messages/messages');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('profile', 'message.list', (input: ListInput) => inbox(input));
    fakeCloud.ok('profile', 'message.read', { marked: 1, unread: 2 });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should list the notices newest first with their lines, the unread ones said in words, and the unread count', async () => {
    const page = await openPage(pageId);
    expect(fakeCloud.sent('message.list').map((c) => c.input)).toEqual([
      { page: 1, pageSize: 20, unreadOnly: false },
    ]);
    expect(textOf(find(page, '#summary'))).toContain('未读 3 条');
    const first = find(page, '#message-msg-1');
    expect(textOf(first)).toContain('订单状态通知');
    expect(textOf(first)).toContain('订单状态：已接单');
    expect(textOf(first)).toContain('服务商：玉林家电快修1号店');
    expect(textOf(first)).toContain('03-10 09:59');
    expect(textOf(first)).toContain('未读');
    expect(textOf(find(page, '#message-msg-4'))).toContain('已读');
    expect(ariaOf(first, 'ariaRole')).toBe('button');
    expect(String(ariaOf(first, 'ariaLabel'))).toMatch(/^未读消息：订单状态通知/);
    expect(textOf(find(page, '#more'))).toBe('加载更多消息');

    await tapButton(page, '#more');
    expect(fakeCloud.sent('message.list').map((c) => (c.input as ListInput).page)).toEqual([1, 2]);
    expect((page.data['rows'] as unknown[]).length).toBe(25);
    expect(textOf(find(page, '#no-more'))).toBe('已显示全部 25 条消息');
  });

  it('should mark a tapped notice read and open the order it is about', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    await tap(page, '#message-msg-2');
    expect(fakeCloud.sent('message.read')).toEqual([
      {
        name: 'profile',
        command: 'message.read',
        input: { messageId: 'msg-2', clientRequestId: expect.any(String) },
      },
    ]);
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/order-detail/order-detail?orderId=order-2' }),
    );
    expect(textOf(find(page, '#message-msg-2'))).toContain('已读');
    expect(textOf(find(page, '#summary'))).toContain('未读 2 条');

    // A notice already read opens without marking it again.
    await tap(page, '#message-msg-5');
    expect(fakeCloud.sent('message.read')).toHaveLength(1);
    expect(navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/pages/order-detail/order-detail?orderId=order-5' }),
    );
  });

  it('should still open the notice when marking it fails, and say so on the page', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    fakeCloud.fail('profile', 'message.read', 'MESSAGE_NOT_FOUND', '消息不存在或已被删除');
    const page = await openPage(pageId);
    await tap(page, '#message-msg-1');
    expect(navigateTo).toHaveBeenCalledTimes(1);
    expect(noticeText(page)).toBe('消息不存在或已被删除');
    expect(noticeKind(page)).toBe('error');
    expect(textOf(find(page, '#message-msg-1'))).toContain('未读');
  });

  it('should show the unread ones only, the chosen filter said in words', async () => {
    const page = await openPage(pageId);
    await tap(page, '#filter-unread');
    expect(fakeCloud.sent('message.list').map((c) => c.input)).toEqual([
      { page: 1, pageSize: 20, unreadOnly: false },
      { page: 1, pageSize: 20, unreadOnly: true },
    ]);
    expect((page.data['rows'] as unknown[]).length).toBe(3);
    expect(textOf(find(page, '#filter-unread'))).toBe('✓ 未读');
    expect(ariaOf(find(page, '#filter-unread'), 'ariaLabel')).toBe('未读，已选中');
    expect(textOf(find(page, '#no-more'))).toBe('已显示全部 3 条消息');
  });

  it('should mark them all read with 全部标为已读, say so on the page, and read the list again', async () => {
    const page = await openPage(pageId);
    fakeCloud.ok('profile', 'message.read', { marked: 3, unread: 0 });
    fakeCloud.ok('profile', 'message.list', (input: ListInput) => inbox(input, 0));
    await tapButton(page, '#read-all');
    expect(fakeCloud.sent('message.read').map((c) => c.input)).toEqual([
      { all: true, clientRequestId: expect.any(String) },
    ]);
    expect(noticeText(page)).toBe('已将 3 条消息标为已读');
    expect(textOf(find(page, '#summary'))).toContain('未读 0 条');
    expect(page.querySelector('#read-all')).toBeUndefined();
  });

  it('should say when there is nothing, and what went wrong with a retry', async () => {
    fakeCloud.ok('profile', 'message.list', (input: ListInput) => ({
      ...inbox(input, 0),
      items: [],
      total: 0,
      hasMore: false,
    }));
    const empty = await openPage(pageId);
    expect(textOf(find(empty, '#state'))).toContain('还没有消息');

    fakeCloud.fail('profile', 'message.list', 'INTERNAL', '系统繁忙，请稍后重试');
    const failed = await openPage(pageId);
    expect(textOf(find(failed, '#state'))).toContain('系统繁忙，请稍后重试');
    fakeCloud.ok('profile', 'message.list', (input: ListInput) => inbox(input));
    await tapButton(find(failed, '#state'), '#state-action');
    expect(failed.querySelector('#message-msg-1')).toBeDefined();
    expect(textOf(find(failed, '#summary'))).toContain('未读 3 条');
  });

  it('should read the list again when shown again (back from the opened page)', async () => {
    const page = await openPage(pageId);
    fakeCloud.ok('profile', 'message.list', (input: ListInput) => inbox(input, 1));
    await showAgain(page);
    expect(fakeCloud.sent('message.list')).toHaveLength(2);
    expect(textOf(find(page, '#summary'))).toContain('未读 1 条');
  });

  it('should follow 长辈模式', async () => {
    jest.spyOn(wx, 'getStorageSync').mockImplementation((k: string) => (k === 'elderMode' ? 'on' : ''));
    const page = await openPage(pageId);
    await settle();
    expect(rootClasses(page)).toContain('elder');
  });
});

describe('我的: the way into 消息中心', () => {
  let pageId: string;
  installPrivacyCheck();

  beforeAll(() => {
    pageId = loadPage('pages/profile/profile');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('profile', 'profile.get', {
      nickname: '李阿姨',
      phone: null,
      homeUnitId: null,
      homeUnitName: null,
    });
    fakeCloud.ok('profile', 'message.list', (input: ListInput) => inbox(input, 4));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should show the unread count beside 消息中心 and open it', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(fakeCloud.sent('message.list').map((c) => c.input)).toEqual([{ pageSize: 1, unreadOnly: true }]);
    expect(textOf(find(page, '#messages'))).toContain('4 条未读');
    await tapCell(page, '#messages');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/messages' });
  });
});
