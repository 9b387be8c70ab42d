/**
 * The message centre in the console, through the real admin-api on the local cloud: a worker told of an
 * urgent request (紧急求助, placed through the console for a resident) finds the notice in their own centre,
 * unread, although WeChat refused the subscribe message (they allowed none); they mark it read, and the write
 * is in the audit log; a colleague sees none of it and cannot mark it (403, as for a notice that does not
 * exist, nothing written); bad input is 400 INVALID_INPUT with a Chinese message and writes nothing.
 */
import type { MessageListReply, MessageReadReply } from '../../../core/messaging/inbox.replies';
import type { MatchProvidersResult } from '../../../core/matching/match.reply';
import type { CreateOrderResult } from '../../../core/orders/order.replies';
import { DEMO_GRID_ID } from '../../../demo/demo.constants';
import { APPLIANCE_REPAIR } from '../../functions/support/order-loop';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'inbox');
const GRID_WORKER = 'demo-grid-worker-1';
const CONSENT = { method: 'in_person', statement: '居民当面同意由网格员代为发起紧急求助' };

let community: ConsoleBrowser;
let grid: ConsoleBrowser;
let orderId = '';

beforeEach(() => cloud.nextMinute());

beforeAll(async () => {
  community = await cloud.signIn('community.worker');
  const registered = await community.post<{ residentId: string }>('/console/api/residents', {
    gridId: DEMO_GRID_ID,
    name: '韦阿婆',
    phone: '13977000411',
    consent: CONSENT,
    clientRequestId: rid('register'),
  });
  expect(registered.code).toBe('OK');
  const residentId = registered.data.residentId;
  const match = await community.post<MatchProvidersResult>(`/console/api/residents/${residentId}/match`, {
    itemIds: [APPLIANCE_REPAIR],
  });
  const placed = await community.post<CreateOrderResult>('/console/api/residents/orders', {
    matchId: match.data.matchId,
    itemId: APPLIANCE_REPAIR,
    providerId: match.data.items[0]!.providers[0]!.providerId,
    consent: CONSENT,
    urgent: true,
    clientRequestId: rid('urgent'),
  });
  expect(placed.code).toBe('OK');
  orderId = placed.data.orderId;
  grid = await cloud.signIn('grid.worker');
});

const noticeOf = (page: MessageListReply) => page.items.find((i) => i.subjectId === orderId);

describe('a worker’s message centre', () => {
  test('holds the urgent request’s notice, unread, though WeChat refused the subscribe message', async () => {
    // The grid worker allowed no subscribe message: WeChat refused it.
    expect(cloud.outbox({ touser: GRID_WORKER, templateId: 'TPL_URGENT_REQUEST' })).toHaveLength(0);
    const refused = await cloud.find<{ status: string; message: { touser: string } }>('message_outbox', {
      subjectId: orderId,
    });
    expect(refused.filter((d) => d.message.touser === GRID_WORKER).map((d) => d.status)).toEqual(['refused']);

    const reply = await grid.get<MessageListReply>('/console/api/messages?unreadOnly=true&pageSize=10');
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 200, code: 'OK' });
    expect(reply.data.unread).toBe(
      await cloud.count('inbox_messages', { touser: GRID_WORKER, readAt: null }),
    );
    expect(reply.data.unread).toBeGreaterThanOrEqual(1);
    expect(noticeOf(reply.data)).toMatchObject({
      templateId: 'TPL_URGENT_REQUEST',
      title: '紧急求助通知',
      read: false,
    });
    expect(noticeOf(reply.data)!.lines.map((l) => l.label)).toEqual([
      '求助事项',
      '居民小区',
      '求助时间',
      '处理提示',
    ]);
  });

  test('a colleague neither sees it nor can mark it: 403 as for a missing notice, nothing written', async () => {
    const street = await cloud.signIn('street.worker');
    const theirs = await street.get<MessageListReply>('/console/api/messages?pageSize=50');
    expect(theirs.code).toBe('OK');
    expect(noticeOf(theirs.data)).toBeUndefined();
    const notice = noticeOf((await grid.get<MessageListReply>('/console/api/messages?pageSize=50')).data)!;
    await expectRefused(
      street,
      '/console/api/messages/read',
      { messageId: notice.messageId },
      403,
      'MESSAGE_NOT_FOUND',
    );
    await expectRefused(
      street,
      '/console/api/messages/read',
      { messageId: 'no-such-notice' },
      403,
      'MESSAGE_NOT_FOUND',
    );
    expect(noticeOf((await grid.get<MessageListReply>('/console/api/messages?pageSize=50')).data)!.read).toBe(
      false,
    );
  });

  test('its recipient marks it read; the unread count drops and the audit log has the write', async () => {
    const before = await grid.get<MessageListReply>('/console/api/messages?pageSize=50');
    const notice = noticeOf(before.data)!;
    const marked = await grid.post<MessageReadReply>('/console/api/messages/read', {
      messageId: notice.messageId,
      clientRequestId: rid('read'),
    });
    expect({ code: marked.code, data: marked.data }).toEqual({
      code: 'OK',
      data: { marked: 1, unread: before.data.unread - 1 },
    });
    const after = await grid.get<MessageListReply>('/console/api/messages?pageSize=50');
    expect(after.data.unread).toBe(before.data.unread - 1);
    expect(noticeOf(after.data)).toMatchObject({ read: true, readAt: expect.any(Number) });
    const entries = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'message.read',
      entityId: notice.messageId,
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorOpenid: GRID_WORKER, channel: 'console' });

    const all = await grid.post<MessageReadReply>('/console/api/messages/read', {
      all: true,
      clientRequestId: rid('read-all'),
    });
    expect(all.data).toEqual({ marked: after.data.unread, unread: 0 });
    expect((await grid.get<MessageListReply>('/console/api/messages')).data.unread).toBe(0);
  });

  test('bad input: 400 INVALID_INPUT in Chinese, nothing written', async () => {
    await expectRefused(grid, '/console/api/messages/read', {}, 400, 'INVALID_INPUT');
    await expectRefused(
      grid,
      '/console/api/messages/read',
      { messageId: 'a', all: true },
      400,
      'INVALID_INPUT',
    );
    for (const query of ['pageSize=500', 'unreadOnly=maybe', 'page=0']) {
      const before = cloud.wholeMark();
      const reply = await grid.get(`/console/api/messages?${query}`);
      expect({ status: reply.status, code: reply.code }).toEqual({ status: 400, code: 'INVALID_INPUT' });
      expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(cloud.wholeMark()).toEqual(before);
    }
  });

  test('without a session: 401', async () => {
    const reply = await cloud.browser().get('/console/api/messages');
    expect(reply.status).toBe(401);
  });
});
