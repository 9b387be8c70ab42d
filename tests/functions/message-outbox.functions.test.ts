/**
 * Subscribe messages through the outbox on the local cloud (core/messaging/message-outbox.ts): each one is
 * stored with the change it reports and sent right after; WeChat's refusal is kept as final; a message whose
 * function stopped before sending it is sent by the `order-timers` timer, once.
 */
import { functionCloud } from './support/function-cloud';
import { APPLIANCE_REPAIR, ok, placeOrder, staffStep, writeResidents } from './support/order-loop';

const cloud = functionCloud();

const GRANTED = 't-outbox-granted';
const SILENT = 't-outbox-silent';

interface StoredMessage {
  _id: string;
  subjectId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  message: { touser: string; templateId: string };
}

beforeAll(async () => {
  await writeResidents(cloud, [GRANTED, SILENT]);
  cloud.grant(GRANTED, 'TPL_ORDER_STATUS', 5);
});

const outboxOf = (orderId: string, touser: string) =>
  cloud
    .find<StoredMessage>('message_outbox', { subjectId: orderId }, 100)
    .then((docs) => docs.filter((d) => d.message.touser === touser));

describe('the message outbox', () => {
  it('stores the message with the step and sends it; a refusal is kept as final', async () => {
    const told = await placeOrder(cloud, GRANTED, APPLIANCE_REPAIR);
    await staffStep(cloud, told, 'order.accept');
    expect((await outboxOf(told.orderId, GRANTED)).map((d) => [d.status, d.attempts])).toEqual([['sent', 1]]);
    expect(cloud.outbox({ touser: GRANTED, templateId: 'TPL_ORDER_STATUS' })).toHaveLength(1);

    const silent = await placeOrder(cloud, SILENT, 'item-home-cleaning');
    await staffStep(cloud, silent, 'order.accept');
    expect((await outboxOf(silent.orderId, SILENT)).map((d) => [d.status, d.lastError])).toEqual([
      ['refused', 'WX_43101'],
    ]);
    // The timer does not try a refused message again.
    ok(await cloud.fireTimer('order-timers'));
    expect((await outboxOf(silent.orderId, SILENT))[0]!.attempts).toBe(1);
    expect(cloud.outbox({ touser: SILENT })).toHaveLength(0);
  });

  it('sends, once, a message whose function stopped before sending it', async () => {
    const now = cloud.now();
    // What a function leaves when its instance stops between the commit and the send.
    await cloud.insert('message_outbox', [
      {
        _id: 't-outbox-stranded',
        message: {
          touser: GRANTED,
          templateId: 'TPL_ORDER_STATUS',
          page: 'pages/orders/orders',
          data: {
            phrase1: { value: '已接单' },
            thing2: { value: '玉林家电快修' },
            time3: { value: '2025年03月10日 10:00' },
          },
        },
        subjectId: 't-outbox-order',
        status: 'pending',
        attempts: 0,
        createdAt: now,
        nextAttemptAt: now,
        claimedAt: null,
        finishedAt: null,
        lastError: null,
      },
    ]);
    const sentBefore = cloud.outbox({ touser: GRANTED }).length;
    const first = ok(await cloud.fireTimer<{ messages: { sent: number } }>('order-timers'));
    expect(first.messages.sent).toBe(1);
    const second = ok(await cloud.fireTimer<{ messages: { sent: number } }>('order-timers'));
    expect(second.messages.sent).toBe(0);
    expect(cloud.outbox({ touser: GRANTED })).toHaveLength(sentBefore + 1);
    expect(await cloud.get<StoredMessage>('message_outbox', 't-outbox-stranded')).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });
});
