/**
 * The order life cycle through `orders` and `jobs` on the local cloud, with the controllable clock for the
 * timers (`order-timers`, every 5 minutes): create once per request id, one open order per match item,
 * cancel, accept, decline and expiry with the next provider offered (docs/orders.md "Re-offering"), the
 * resident told by subscribe message when they granted it, and orders left waiting closed after 7 days.
 */
import { HOUR_MS, MINUTE_MS, functionCloud } from './support/function-cloud';
import { platformMark } from './support/platform-writes';
import {
  APPLIANCE_REPAIR,
  detailAs,
  matchFor,
  messagesAbout,
  ok,
  orderThrough,
  placeOrder,
  staffStep,
  writeResidents,
  type PlacedOrder,
  type StepReply,
} from './support/order-loop';
import type {
  OrderDetailResult as OrderDetail,
  OrderListResult as OrderList,
} from '../../core/orders/order.replies';

const cloud = functionCloud();

/** Residents of 金港花园 of the test's own: one who allowed order-status messages, one who did not. */
const GRANTED = 't-life-granted';
const SILENT = 't-life-silent';

beforeAll(async () => {
  await writeResidents(cloud, [GRANTED, SILENT]);
  cloud.grant(GRANTED, 'TPL_ORDER_STATUS', 20);
});

/** A `thing` value of a subscribe message: at most 20 characters. */
const thing = (text: string): string =>
  [...text].length <= 20 ? text : `${[...text].slice(0, 19).join('')}…`;

const detail = async (openid: string, orderId: string, fn: 'orders' | 'jobs' = 'orders') =>
  ok(await detailAs(cloud, openid, orderId, fn));

/** Grants every staff member of the provider the new-order message. */
async function grantStaff(providerId: string): Promise<string[]> {
  const staff = await cloud.staffOf(providerId);
  for (const openid of staff) cloud.grant(openid, 'TPL_ORDER_NEW', 10);
  return staff;
}

async function orderFromMatch(order: PlacedOrder, providerId: string, resident = order.resident) {
  return cloud.as(resident).orders<StepReply>('order.create', {
    matchId: order.matchId,
    itemId: order.itemId,
    providerId,
    clientRequestId: cloud.requestId('reorder'),
  });
}

describe('creating and cancelling', () => {
  it('creates an order once per request id, tells the staff, and lists it for both sides', async () => {
    const match = await matchFor(cloud, GRANTED, [APPLIANCE_REPAIR]);
    const provider = match.items[0]!.providers[0]!;
    const staff = await grantStaff(provider.providerId);
    const input = {
      matchId: match.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId: provider.providerId,
      note: '空调不制冷，下午在家',
      clientRequestId: cloud.requestId('create-once'),
    };
    const first = ok(await cloud.as(GRANTED).orders<StepReply>('order.create', input));
    expect(first.status).toBe('created');

    const before = platformMark(cloud);
    const replay = ok(await cloud.as(GRANTED).orders<StepReply>('order.create', input));
    expect(replay).toEqual(first);
    expect(platformMark(cloud)).toEqual(before);

    for (const openid of staff) {
      const sent = messagesAbout(cloud, first.orderId, { touser: openid, templateId: 'TPL_ORDER_NEW' });
      expect(sent).toHaveLength(1);
      expect(sent[0]!.data).toMatchObject({
        thing1: { value: '家电维修' },
        thing2: { value: '金港花园小区' },
        thing4: { value: '空调不制冷，下午在家' },
      });
    }

    const mine = ok(await cloud.as(GRANTED).orders<OrderList>('order.list', { as: 'resident' }));
    expect(mine.items[0]).toMatchObject({ orderId: first.orderId, status: 'created', itemName: '家电维修' });
    const jobs = ok(
      await cloud.as(staff[0]!).jobs<OrderList>('order.list', { as: 'provider_staff', status: 'created' }),
    );
    expect(jobs.items.map((i) => i.orderId)).toContain(first.orderId);

    expect((await detail(GRANTED, first.orderId)).actions).toEqual(['order.cancel']);
    expect((await detail(staff[0]!, first.orderId, 'jobs')).actions.sort()).toEqual([
      'order.accept',
      'order.decline',
    ]);
  });

  it('refuses a second open order for the same item of a match, and allows it once the first is cancelled', async () => {
    const order = await placeOrder(cloud, SILENT, APPLIANCE_REPAIR);
    const second = order.match.items[0]!.providers[1]!.providerId;

    const before = platformMark(cloud);
    expect((await orderFromMatch(order, second)).code).toBe('ORDER_ALREADY_OPEN');
    expect(platformMark(cloud)).toEqual(before);

    // Before acceptance the resident cancels without a reason.
    const cancelled = ok(
      await cloud.as(SILENT).orders<StepReply>('order.cancel', {
        orderId: order.orderId,
        clientRequestId: cloud.requestId('cancel'),
      }),
    );
    expect(cancelled.status).toBe('cancelled');
    const seen = await detail(SILENT, order.orderId);
    expect(seen.actions).toEqual([]);
    expect(seen.timeline.map((t) => [t.to, t.actorRole])).toEqual([
      ['created', 'resident'],
      ['cancelled', 'resident'],
    ]);
    expect(ok(await orderFromMatch(order, second)).status).toBe('created');
  });

  it('two creates for one item sent at once with different request ids make one order', async () => {
    // Four warm instances of `orders`, so the four creates below really run at the same time.
    for (let round = 0; round < 2; round += 1) {
      await Promise.all([0, 1, 2, 3].map(() => cloud.as(SILENT).orders('order.list', { as: 'resident' })));
    }
    const match = await matchFor(cloud, SILENT, [APPLIANCE_REPAIR]);
    const [a, b, c] = match.items[0]!.providers;
    const replies = await Promise.all(
      [a!, b!, c!, a!].map((p, i) =>
        cloud.as(SILENT).orders<StepReply>('order.create', {
          matchId: match.matchId,
          itemId: APPLIANCE_REPAIR,
          providerId: p.providerId,
          clientRequestId: cloud.requestId(`race-${i}`),
        }),
      ),
    );
    expect(replies.map((r) => r.code).sort()).toEqual([
      'OK',
      'ORDER_ALREADY_OPEN',
      'ORDER_ALREADY_OPEN',
      'ORDER_ALREADY_OPEN',
    ]);
    const stored = await cloud.db
      .collection('orders')
      .where({ matchId: match.matchId, itemId: APPLIANCE_REPAIR })
      .get();
    expect(stored.data).toHaveLength(1);
    const made = replies.find((r) => r.code === 'OK')!.data.orderId;
    for (const r of replies.filter((x) => x.code !== 'OK')) {
      expect(r.data).toMatchObject({ details: { orderId: made } });
    }
    // Leave nothing open for the tests that follow.
    ok(
      await cloud.as(SILENT).orders('order.cancel', {
        orderId: made,
        clientRequestId: cloud.requestId('race-cancel'),
      }),
    );
  });

  it('after acceptance the resident needs a reason to cancel; staff may call the job off and the resident is told', async () => {
    const order = await orderThrough(cloud, GRANTED, 'item-beauty-hairdressing', 'accepted');

    const before = platformMark(cloud);
    const noReason = await cloud.as(GRANTED).orders('order.cancel', {
      orderId: order.orderId,
      clientRequestId: cloud.requestId('cancel-noreason'),
    });
    expect(noReason.code).toBe('ORDER_REASON_REQUIRED');
    // Accepting twice is not a step.
    const twice = await cloud.as(order.staff[0]!).jobs('order.accept', {
      orderId: order.orderId,
      clientRequestId: cloud.requestId('accept-twice'),
    });
    expect(twice.code).toBe('ORDER_ILLEGAL_TRANSITION');
    expect(platformMark(cloud)).toEqual(before);

    expect((await detail(order.staff[0]!, order.orderId, 'jobs')).actions.sort()).toEqual([
      'order.cancel',
      'order.done',
    ]);
    const cancelled = await staffStep(cloud, order, 'order.cancel', { reason: '师傅临时生病，无法上门' });
    expect(cancelled.status).toBe('cancelled');

    // The resident was told of the acceptance, then of the cancellation (the outbox lists newest first).
    const told = messagesAbout(cloud, order.orderId, { touser: GRANTED, templateId: 'TPL_ORDER_STATUS' });
    expect(told.map((m) => m.data['phrase1']!.value).reverse()).toEqual(['已接单', '已取消']);
    const seen = await detail(GRANTED, order.orderId);
    expect(seen.timeline.map((t) => [t.to, t.actorRole, t.reason])).toEqual([
      ['created', 'resident', null],
      ['accepted', 'provider_staff', null],
      ['cancelled', 'provider_staff', '师傅临时生病，无法上门'],
    ]);
  });
});

describe('re-offering', () => {
  it('a declined order offers the best-ranked provider of the match not tried yet, until none is left', async () => {
    const first = await placeOrder(cloud, GRANTED, APPLIANCE_REPAIR);
    const ranked = first.match.items[0]!.providers.map((p) => p.providerId);
    expect(ranked.length).toBeGreaterThanOrEqual(4);

    const decline = async (order: PlacedOrder) => {
      const staff = await cloud.staffOf(order.providerId);
      return ok(
        await cloud.as(staff[0]!).jobs<StepReply>('order.decline', {
          orderId: order.orderId,
          reason: '本周师傅排满了',
          clientRequestId: cloud.requestId('decline'),
        }),
      );
    };
    const orderNext = async (providerId: string): Promise<PlacedOrder> => ({
      ...first,
      orderId: ok(await orderFromMatch(first, providerId)).orderId,
      providerId,
    });

    const noReason = await cloud.as(first.staff[0]!).jobs('order.decline', {
      orderId: first.orderId,
      clientRequestId: cloud.requestId('decline-noreason'),
    });
    expect(noReason.code).toBe('INVALID_INPUT');

    // Declined by the first: the second is offered (in the reply, the detail and a message).
    const d1 = await decline(first);
    expect(d1).toMatchObject({ status: 'declined', nextOffer: { providerId: ranked[1], rank: 2 } });
    expect((await detail(GRANTED, first.orderId)).nextOffer).toMatchObject({ providerId: ranked[1] });
    expect(
      messagesAbout(cloud, first.orderId, { touser: GRANTED }).map((m) => m.data['phrase1']!.value),
    ).toEqual(['已拒单']);

    // The resident picks the third instead; when it declines, the second (never tried) is offered again.
    const third = await orderNext(ranked[2]!);
    expect((await decline(third)).nextOffer).toMatchObject({ providerId: ranked[1], rank: 2 });
    const second = await orderNext(ranked[1]!);
    expect((await decline(second)).nextOffer).toMatchObject({ providerId: ranked[3], rank: 4 });

    // Everyone tried: nothing more to offer.
    let last = await orderNext(ranked[3]!);
    for (const providerId of ranked.slice(4)) {
      await decline(last);
      last = await orderNext(providerId);
    }
    expect((await decline(last)).nextOffer).toBeNull();
  });

  it('an order not answered in time expires by the timer; the resident is told and offered the next provider', async () => {
    const told = await placeOrder(cloud, GRANTED, APPLIANCE_REPAIR);
    const silent = await placeOrder(cloud, SILENT, APPLIANCE_REPAIR);
    const ranked = told.match.items[0]!.providers.map((p) => p.providerId);
    const createdAt = (await detail(GRANTED, told.orderId)).order.createdAt;

    // Ten minutes before the 24 hours are up: still waiting.
    await cloud.advanceTo(createdAt + 24 * HOUR_MS - 10 * MINUTE_MS);
    expect((await detail(GRANTED, told.orderId)).order.status).toBe('created');

    await cloud.advance(15 * MINUTE_MS);
    const expired = await detail(GRANTED, told.orderId);
    expect(expired.order.status).toBe('expired');
    expect(expired.timeline.at(-1)).toMatchObject({
      from: 'created',
      to: 'expired',
      actorRole: 'system',
      reason: expect.stringContaining('24 小时'),
    });
    expect(expired.nextOffer).toMatchObject({ providerId: ranked[1], rank: 2 });
    expect(expired.actions).toEqual([]);
    const messages = messagesAbout(cloud, told.orderId, { touser: GRANTED, templateId: 'TPL_ORDER_STATUS' });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.data).toMatchObject({
      phrase1: { value: '超时未接' },
      thing2: { value: thing(told.match.items[0]!.providers[0]!.name) },
    });

    // Without a grant the message is refused (43101) and the loop carries on all the same.
    const silentExpired = await detail(SILENT, silent.orderId);
    expect(silentExpired.order.status).toBe('expired');
    expect(silentExpired.nextOffer).toMatchObject({ providerId: ranked[1] });
    expect(cloud.outbox({ touser: SILENT })).toEqual([]);

    // The trigger delivered again (at-least-once): nothing changes, nobody is told twice.
    const before = platformMark(cloud);
    const again = ok(await cloud.fireTimer<{ expired: { expired: unknown[] } }>('order-timers'));
    expect(again.expired.expired).toEqual([]);
    expect(platformMark(cloud)).toEqual(before);

    // The match is older than its 24 hours, but the re-offer keeps it open: one tap orders from the next.
    const staff = await grantStaff(ranked[1]!);
    const next = ok(await orderFromMatch(told, ranked[1]!));
    expect(next.status).toBe('created');
    expect(
      messagesAbout(cloud, next.orderId, { touser: staff[0]!, templateId: 'TPL_ORDER_NEW' }),
    ).toHaveLength(1);
  });

  it('a match that was never re-offered can no longer be ordered from after 24 hours', async () => {
    const match = await matchFor(cloud, SILENT, ['item-fitness']);
    await cloud.advance(24 * HOUR_MS + MINUTE_MS);
    const before = platformMark(cloud);
    const late = await cloud.as(SILENT).orders('order.create', {
      matchId: match.matchId,
      itemId: 'item-fitness',
      providerId: match.items[0]!.providers[0]!.providerId,
      clientRequestId: cloud.requestId('late'),
    });
    expect(late.code).toBe('MATCH_EXPIRED');
    expect(platformMark(cloud)).toEqual(before);
  });
});

describe('closing', () => {
  it('closes an order still waiting for its rating and follow-up 7 days after the job was done', async () => {
    const order = await orderThrough(cloud, SILENT, 'item-elderly-meals', 'done');
    const doneAt = (await detail(SILENT, order.orderId)).order.doneAt!;
    expect((await detail(SILENT, order.orderId)).actions).toEqual(['order.rate']);

    await cloud.advanceTo(doneAt + 168 * HOUR_MS - 10 * MINUTE_MS);
    expect((await detail(SILENT, order.orderId)).order.status).toBe('done');
    await cloud.advance(15 * MINUTE_MS);
    const closed: OrderDetail = await detail(SILENT, order.orderId);
    expect(closed.order.status).toBe('closed');
    expect(closed.order.closedAt).not.toBeNull();
    expect(closed.timeline.at(-1)).toMatchObject({ from: 'done', to: 'closed', actorRole: 'system' });
    expect(closed.actions).toEqual([]);
  });
});
