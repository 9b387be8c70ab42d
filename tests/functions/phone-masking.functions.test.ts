/**
 * Who sees the resident's phone number on an order, through `orders.order.detail` and `jobs.order.detail`
 * (docs/orders.md "Views and phone masking"): the resident always, the provider's staff masked until they
 * accept and masked again once the order has ended, a worker of the unit in full, other residents and other
 * providers' staff not at all.
 */
import { HOUR_MS, functionCloud } from './support/function-cloud';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  DEMO_RESIDENT_PHONE,
  FAR_RESIDENT,
  FOLLOW_UP_INPUT,
  detailAs,
  ok,
  orderThrough,
  placeOrder,
  rate,
  staffStep,
  type PlacedOrder,
} from './support/order-loop';
import type {
  OrderDetailResult as OrderDetail,
  OrderListResult as OrderList,
} from '../../core/orders/order.replies';

const cloud = functionCloud();

const MASKED = '139****0001';
const GRID_WORKER = 'demo-grid-worker-1';
/** Staff of a provider that has nothing to do with the orders here. */
const OTHER_STAFF = 'sim-staff-prv-000002';

const phoneSeenBy = async (openid: string, orderId: string, fn: 'orders' | 'jobs' = 'orders') => {
  const { order } = ok(await detailAs(cloud, openid, orderId, fn));
  return [order.residentPhone, order.residentPhoneMasked];
};

/** Staff, resident and worker views at the order's current status. */
async function views(order: PlacedOrder) {
  return {
    staff: await phoneSeenBy(order.staff[0]!, order.orderId, 'jobs'),
    resident: await phoneSeenBy(order.resident, order.orderId),
    worker: await phoneSeenBy(GRID_WORKER, order.orderId),
  };
}

const FULL = [DEMO_RESIDENT_PHONE, false];
const HIDDEN = [MASKED, true];

async function expectNoAccess(openid: string, orderId: string): Promise<void> {
  for (const fn of ['orders', 'jobs'] as const) {
    const reply = await detailAs(cloud, openid, orderId, fn);
    // Not even that the order exists: the answer of an unknown id.
    expect([fn, reply.code]).toEqual([fn, 'ORDER_NOT_FOUND']);
    expect(JSON.stringify(reply)).not.toContain('0001');
  }
}

describe('the resident phone on an order', () => {
  it('is masked to staff before they accept, full while they serve, and masked again once the order is closed', async () => {
    const order = await placeOrder(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR);
    expect(await views(order)).toEqual({ staff: HIDDEN, resident: FULL, worker: FULL });
    await expectNoAccess(FAR_RESIDENT, order.orderId);
    await expectNoAccess(OTHER_STAFF, order.orderId);

    await staffStep(cloud, order, 'order.accept');
    expect(await views(order)).toEqual({ staff: FULL, resident: FULL, worker: FULL });
    await expectNoAccess(FAR_RESIDENT, order.orderId);
    await expectNoAccess(OTHER_STAFF, order.orderId);

    await staffStep(cloud, order, 'order.done');
    expect((await views(order)).staff).toEqual(FULL);
    await staffStep(cloud, order, 'order.follow_up', FOLLOW_UP_INPUT);
    expect((await views(order)).staff).toEqual(FULL);

    // Rated with the follow-up on record: the order is closed.
    expect(ok(await rate(cloud, order, 5, '师傅很专业')).status).toBe('closed');
    expect(await views(order)).toEqual({ staff: HIDDEN, resident: FULL, worker: FULL });
    await expectNoAccess(FAR_RESIDENT, order.orderId);
  });

  it('is shown to staff while the rated order waits for its follow-up, and masked when it closes by the timer', async () => {
    const order = await orderThrough(cloud, DEMO_RESIDENT, 'item-beauty-hairdressing', 'done');
    expect(ok(await rate(cloud, order, 4)).status).toBe('rated');
    expect((await views(order)).staff).toEqual(FULL);

    // Nobody records the follow-up: 7 days after the job the timer closes the order.
    const doneAt = ok(await detailAs(cloud, DEMO_RESIDENT, order.orderId)).order.doneAt!;
    await cloud.advanceTo(doneAt + 169 * HOUR_MS);
    const closed: OrderDetail = ok(await detailAs(cloud, order.staff[0]!, order.orderId, 'jobs'));
    expect(closed.order.status).toBe('closed');
    expect([closed.order.residentPhone, closed.order.residentPhoneMasked]).toEqual(HIDDEN);
  });

  it('is masked again when the job is declined, cancelled or expires', async () => {
    const declined = await placeOrder(cloud, DEMO_RESIDENT, 'item-elderly-meals');
    await staffStep(cloud, declined, 'order.decline', { reason: '不在服务时间' });

    const cancelled = await orderThrough(cloud, DEMO_RESIDENT, 'item-home-nursing', 'accepted');
    expect((await views(cancelled)).staff).toEqual(FULL);
    await staffStep(cloud, cancelled, 'order.cancel', { reason: '设备故障，无法上门' });

    const expiring = await placeOrder(cloud, DEMO_RESIDENT, 'item-info-posting');
    const createdAt = ok(await detailAs(cloud, DEMO_RESIDENT, expiring.orderId)).order.createdAt;
    await cloud.advanceTo(createdAt + 24 * HOUR_MS + 10 * 60_000);

    for (const [order, status] of [
      [declined, 'declined'],
      [cancelled, 'cancelled'],
      [expiring, 'expired'],
    ] as const) {
      const seen = ok(await detailAs(cloud, order.staff[0]!, order.orderId, 'jobs'));
      expect([seen.order.status, seen.order.residentPhone, seen.order.residentPhoneMasked]).toEqual([
        status,
        ...HIDDEN,
      ]);
      expect((await views(order)).resident).toEqual(FULL);
    }
  });

  it('the service address follows the same rule, withheld whole rather than masked', async () => {
    const address = '金港花园 3 栋 2 单元 501';
    const order = await placeOrder(cloud, DEMO_RESIDENT, 'item-home-cleaning', {
      serviceAddress: address,
    });
    const addressSeenBy = async (openid: string, fn: 'orders' | 'jobs' = 'orders') => {
      const { order: seen } = ok(await detailAs(cloud, openid, order.orderId, fn));
      return [seen.serviceAddress, seen.serviceAddressHidden];
    };
    const staffView = () => addressSeenBy(order.staff[0]!, 'jobs');
    expect(await staffView()).toEqual([null, true]);
    expect(await addressSeenBy(DEMO_RESIDENT)).toEqual([address, false]);
    expect(await addressSeenBy(GRID_WORKER)).toEqual([address, false]);
    const list = ok(await cloud.as(order.staff[0]!).jobs<OrderList>('order.list', { as: 'provider_staff' }));
    expect(JSON.stringify(list)).not.toContain('单元');

    await staffStep(cloud, order, 'order.accept');
    expect(await staffView()).toEqual([address, false]);
    await staffStep(cloud, order, 'order.cancel', { reason: '师傅临时有事' });
    expect(await staffView()).toEqual([null, true]);
    expect(await addressSeenBy(DEMO_RESIDENT)).toEqual([address, false]);
  });

  it('never appears in lists, and one resident never sees another resident’s orders', async () => {
    const order = await placeOrder(cloud, DEMO_RESIDENT, 'item-temporary-childcare');
    const jobs = ok(await cloud.as(order.staff[0]!).jobs<OrderList>('order.list', { as: 'provider_staff' }));
    expect(jobs.items.map((i) => i.orderId)).toContain(order.orderId);
    const mine = ok(await cloud.as(DEMO_RESIDENT).orders<OrderList>('order.list', { as: 'resident' }));
    for (const list of [jobs, mine]) {
      const text = JSON.stringify(list);
      expect(text).not.toContain(DEMO_RESIDENT_PHONE);
      expect(text).not.toContain(MASKED);
      expect(text).not.toContain('residentPhone');
    }

    const theirs = ok(
      await cloud.as(FAR_RESIDENT).orders<OrderList>('order.list', { as: 'resident', pageSize: 50 }),
    );
    const mineIds = new Set(mine.items.map((i) => i.orderId));
    expect(theirs.items.filter((i) => mineIds.has(i.orderId))).toEqual([]);
    await expectNoAccess(FAR_RESIDENT, order.orderId);
  });
});
