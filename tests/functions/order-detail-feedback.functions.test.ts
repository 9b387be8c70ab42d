/**
 * order.detail's `feedback` (the 差评 follow-up of the order's rating) through the real `orders` and `providers`
 * functions on the local cloud: what the resident's order page reads to offer the second rating. A 1-star
 * rating opens the ticket (open, not re-rated: no second rating yet); the provider's manager contacts and
 * resolves it (resolved: the second rating is open, `canRerate` for the resident only); after rating.rerate it
 * says re-rated, and a second rating.rerate is refused. A rating of 3 stars opens no ticket: no `feedback`.
 */
import type { OrderDetailResult } from '../../core/orders/order.replies';
import type { FeedbackTicketStepResult, RerateResult } from '../../core/providers/feedback.replies';
import { DEMO_REFS } from '../../demo/demo-identities';
import { functionCloud, DAY_MS, type Reply } from './support/function-cloud';
import { ok, orderThrough, rate, writeResidents, type PlacedOrder } from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';

const cloud = functionCloud();

const PROVIDER = DEMO_REFS.providerId;
const MANAGER = 'demo-provider-manager-1';
const RESIDENTS = ['odf-resident-1', 'odf-resident-2'];

function providers<T>(openid: string, command: string, input: Record<string, unknown>): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('providers', command, {
    ...input,
    clientRequestId: cloud.requestId(command.replace(/\W/g, '')),
  });
}

async function feedbackOf(order: PlacedOrder): Promise<OrderDetailResult['feedback']> {
  const detail = ok(
    await cloud
      .as(order.resident)
      .call<OrderDetailResult>('orders', 'order.detail', { orderId: order.orderId }),
  );
  return detail.feedback;
}

/** A done order of the demo provider (the one MANAGER manages) for `resident`. */
async function doneOrder(resident: string): Promise<PlacedOrder> {
  const offered = await cloud.find<{ itemId: string }>(
    'offerings',
    { providerId: PROVIDER, active: true },
    50,
  );
  for (const { itemId } of offered) {
    const match = ok(
      await cloud
        .as(resident)
        .orders<{ items: { providers: { providerId: string }[] }[] }>('match.request', { itemIds: [itemId] }),
    );
    const rank = (match.items[0]?.providers ?? []).findIndex((p) => p.providerId === PROVIDER) + 1;
    if (rank > 0) return orderThrough(cloud, resident, itemId, 'done', { rank });
  }
  throw new Error(`${PROVIDER} serves nothing to the demo grid`);
}

beforeAll(async () => {
  await writeResidents(cloud, RESIDENTS);
  // Long-standing accounts: their stars count at once (decision 0013).
  for (const r of RESIDENTS) await cloud.update('users', r, { createdAt: cloud.now() - 90 * DAY_MS });
});

test('a 差评: open -> resolved by the manager (second rating open) -> re-rated once', async () => {
  const order = await doneOrder(RESIDENTS[0]!);
  expect(await feedbackOf(order)).toBeNull();
  ok(await rate(cloud, order, 1, '师傅迟到两个小时，修完还是不制冷'));
  expect(await feedbackOf(order)).toEqual({
    ticketStatus: 'open',
    ticketStatusLabel: '待联系',
    outcome: null,
    outcomeLabel: null,
    resolvedAt: null,
    rerated: false,
    canRerate: false,
  });

  const ticketId = `ft-rat-${order.orderId}`;
  ok(
    await providers(MANAGER, 'feedback.ticket.contact', {
      ticketId,
      channel: 'phone',
      note: '已电话联系居民，约定上门复修',
    }),
  );
  expect(await feedbackOf(order)).toMatchObject({
    ticketStatus: 'contacted',
    rerated: false,
    canRerate: false,
  });
  const resolved = ok(
    await providers<FeedbackTicketStepResult>(MANAGER, 'feedback.ticket.resolve', {
      ticketId,
      outcome: 'fixed',
      note: '已上门更换压缩机电容，居民确认制冷正常',
    }),
  );
  expect(await feedbackOf(order)).toEqual({
    ticketStatus: 'resolved',
    ticketStatusLabel: '已办结',
    outcome: 'fixed',
    outcomeLabel: '已整改',
    resolvedAt: resolved.at,
    rerated: false,
    canRerate: true,
  });
  // Only the order's resident is offered the second rating: the provider's manager sees the ticket, not the
  // button; another resident is told the order does not exist (nothing of its feedback).
  const managerView = ok(
    await cloud.as(MANAGER).call<OrderDetailResult>('orders', 'order.detail', { orderId: order.orderId }),
  );
  expect(managerView.feedback).toMatchObject({ ticketStatus: 'resolved', canRerate: false });
  const stranger = await cloud
    .as(RESIDENTS[1]!)
    .call<OrderDetailResult>('orders', 'order.detail', { orderId: order.orderId });
  expect(stranger.code).toBe('ORDER_NOT_FOUND');
  expect(JSON.stringify(stranger)).not.toContain('已办结');

  const rerated = ok(
    await providers<RerateResult>(order.resident, 'rating.rerate', {
      orderId: order.orderId,
      stars: 4,
      text: '复修后制冷正常了',
    }),
  );
  expect(rerated).toMatchObject({ stars: 4, previousStars: 1 });
  const after = ok(
    await cloud
      .as(order.resident)
      .call<OrderDetailResult>('orders', 'order.detail', { orderId: order.orderId }),
  );
  expect(after.feedback).toMatchObject({ ticketStatus: 'resolved', rerated: true, canRerate: false });
  expect(after.rating).toMatchObject({ stars: 4, text: '复修后制冷正常了' });
  await expectRefusedWritingNothing(
    cloud,
    () => providers(order.resident, 'rating.rerate', { orderId: order.orderId, stars: 5 }),
    'RERATE_ALREADY_DONE',
  );
});

test('a rating above a 差评 opens no ticket: no feedback', async () => {
  const order = await doneOrder(RESIDENTS[1]!);
  ok(await rate(cloud, order, 3));
  expect(await feedbackOf(order)).toBeNull();
});
