/**
 * The message centre (消息中心) through the deployed `profile` function on the local cloud
 * (core/messaging/inbox.usecase.ts): every notice the platform writes lands in its recipient's centre with the
 * change it reports, whether WeChat delivers the subscribe message or refuses it; its recipient reads it and
 * marks it read; nobody else can read or mark it (the same answer as a notice that does not exist); bad input
 * answers INVALID_INPUT in Chinese and writes nothing.
 */
import type { MessageListReply, MessageReadReply } from '../../core/messaging/inbox.replies';
import { functionCloud, type Reply } from './support/function-cloud';
import { APPLIANCE_REPAIR, ok, placeOrder, staffStep, writeResidents } from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';

const cloud = functionCloud();

/** A resident who allowed no subscribe message: WeChat refuses every one sent to them. */
const SILENT = 't-inbox-silent';
/** A resident who allowed the order-status template. */
const GRANTED = 't-inbox-granted';
const STRANGER = 't-inbox-stranger';

beforeAll(async () => {
  await writeResidents(cloud, [SILENT, GRANTED, STRANGER]);
  cloud.grant(GRANTED, 'TPL_ORDER_STATUS', 5);
});

const list = (openid: string, input: Record<string, unknown> = {}): Promise<Reply<MessageListReply>> =>
  cloud.as(openid).call<MessageListReply>('profile', 'message.list', input);
const read = (openid: string, input: Record<string, unknown>): Promise<Reply<MessageReadReply>> =>
  cloud.as(openid).call<MessageReadReply>('profile', 'message.read', {
    clientRequestId: cloud.requestId('read'),
    ...input,
  });

interface StoredOutbox {
  _id: string;
  status: string;
  lastError: string | null;
  message: { touser: string; templateId: string; page: string };
}

describe('the message centre', () => {
  it('holds an order step’s notice for the resident, unread, even when WeChat refuses the subscribe message', async () => {
    expect(ok(await list(SILENT))).toMatchObject({ items: [], total: 0, unread: 0 });
    const order = await placeOrder(cloud, SILENT, APPLIANCE_REPAIR);
    await staffStep(cloud, order, 'order.accept');

    // WeChat said no: the resident allowed no subscribe message.
    const outbox = (await cloud.find<StoredOutbox>('message_outbox', { subjectId: order.orderId })).filter(
      (d) => d.message.touser === SILENT,
    );
    expect(outbox.map((d) => [d.status, d.lastError])).toEqual([['refused', 'WX_43101']]);
    expect(cloud.outbox({ touser: SILENT })).toHaveLength(0);

    const centre = ok(await list(SILENT));
    expect(centre).toMatchObject({ total: 1, unread: 1, page: 1, hasMore: false });
    expect(centre.items[0]).toMatchObject({
      messageId: outbox[0]!._id,
      templateId: 'TPL_ORDER_STATUS',
      title: '订单状态通知',
      page: outbox[0]!.message.page,
      subjectId: order.orderId,
      read: false,
      readAt: null,
    });
    // The template's labels, in its key order.
    expect(centre.items[0]!.lines.map((l) => l.label)).toEqual(['订单状态', '服务商', '更新时间']);
    expect(centre.items[0]!.lines[0]!.value).toBe('已接单');
    expect(centre.items[0]!.page).toContain(`orderId=${order.orderId}`);

    // The provider's staff have the new order in their centre too.
    const staffCentre = ok(await list(order.staff[0]!, { unreadOnly: true, pageSize: 50 }));
    expect(staffCentre.items.some((i) => i.subjectId === order.orderId && i.title === '新订单通知')).toBe(
      true,
    );
  });

  it('holds a delivered notice too, and marks one read for its recipient only', async () => {
    const order = await placeOrder(cloud, GRANTED, 'item-home-cleaning');
    await staffStep(cloud, order, 'order.accept');
    expect(cloud.outbox({ touser: GRANTED, templateId: 'TPL_ORDER_STATUS' })).toHaveLength(1);
    const [item] = ok(await list(GRANTED)).items;
    expect(item).toMatchObject({ subjectId: order.orderId, read: false });

    // Another person, or a notice that does not exist: the same answer, nothing written.
    const theirs = await expectRefusedWritingNothing(
      cloud,
      () => read(STRANGER, { messageId: item!.messageId }),
      'MESSAGE_NOT_FOUND',
    );
    const missing = await expectRefusedWritingNothing(
      cloud,
      () => read(STRANGER, { messageId: 'no-such-message' }),
      'MESSAGE_NOT_FOUND',
    );
    expect(theirs.message).toBe(missing.message);
    // The provider's staff member who caused it cannot mark it either.
    await expectRefusedWritingNothing(
      cloud,
      () => read(order.staff[0]!, { messageId: item!.messageId }),
      'MESSAGE_NOT_FOUND',
    );
    expect(ok(await list(STRANGER)).items).toEqual([]);
    expect(ok(await list(GRANTED)).unread).toBe(1);

    expect(ok(await read(GRANTED, { messageId: item!.messageId }))).toEqual({ marked: 1, unread: 0 });
    const after = ok(await list(GRANTED));
    expect(after).toMatchObject({ total: 1, unread: 0 });
    expect(after.items[0]).toMatchObject({
      messageId: item!.messageId,
      read: true,
      readAt: expect.any(Number),
    });
    const readAt = after.items[0]!.readAt;
    expect(ok(await list(GRANTED, { unreadOnly: true }))).toMatchObject({ items: [], total: 0, unread: 0 });

    // Reading it again changes nothing (the first reading time stays).
    expect(ok(await read(GRANTED, { messageId: item!.messageId }))).toEqual({ marked: 0, unread: 0 });
    expect(ok(await list(GRANTED)).items[0]!.readAt).toBe(readAt);
  });

  it('marks every unread notice read at once, and a replay of the call does nothing more', async () => {
    const order = await placeOrder(cloud, SILENT, APPLIANCE_REPAIR);
    await staffStep(cloud, order, 'order.accept');
    await staffStep(cloud, order, 'order.done');
    const before = ok(await list(SILENT, { unreadOnly: true }));
    expect(before.unread).toBeGreaterThanOrEqual(2);
    expect(before.items.every((i) => !i.read)).toBe(true);

    const clientRequestId = cloud.requestId('read-all');
    const all = ok(await read(SILENT, { all: true, clientRequestId }));
    expect(all).toEqual({ marked: before.unread, unread: 0 });
    expect(ok(await list(SILENT))).toMatchObject({ unread: 0 });
    expect(ok(await list(SILENT)).items.every((i) => i.read)).toBe(true);
    // The same request again: the first answer, no second write.
    expect(ok(await read(SILENT, { all: true, clientRequestId }))).toEqual(all);
  });

  it.each([
    ['neither a notice nor all', 'message.read', { clientRequestId: 'req-inbox-0001' }],
    [
      'both a notice and all',
      'message.read',
      { clientRequestId: 'req-inbox-0002', messageId: 'x1', all: true },
    ],
    ['all that is not true', 'message.read', { clientRequestId: 'req-inbox-0003', all: false }],
    ['no request id', 'message.read', { all: true }],
    ['a page too large', 'message.list', { pageSize: 500 }],
    ['an unread filter that is not yes or no', 'message.list', { unreadOnly: 'yes' }],
  ])('refuses %s with INVALID_INPUT in Chinese and writes nothing', async (_what, command, input) => {
    await expectRefusedWritingNothing(
      cloud,
      () => cloud.as(SILENT).call('profile', command, input),
      'INVALID_INPUT',
    );
  });

  it('answers a caller without a WeChat identity UNAUTHENTICATED', async () => {
    const reply = await cloud.as(null).call('profile', 'message.list', {});
    expect(reply.code).toBe('UNAUTHENTICATED');
  });
});
