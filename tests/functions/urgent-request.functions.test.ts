/**
 * 紧急求助 through the real functions (docs/acting-for-residents.md): a worker places an urgent request for a
 * resident through admin-api; the grid's worker and the community's on-duty worker are told at once (the
 * outbox); the real `order-timers` function, run as the clock moves, leaves it waiting within its limit and
 * puts it in the community workers' queue past it, exactly once however often the trigger is delivered
 * (decision 0003); one a provider accepted in time never enters the queue.
 */
import type { UrgentQueueReply } from '../../core/orders/acting-for-residents.replies';
import type { MatchProvidersResult } from '../../core/matching/match.reply';
import type { CreateOrderResult, OrderDetailResult } from '../../core/orders/order.replies';
import type { Order } from '../../core/model/order.model';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { DEMO_GRID_ID } from '../../demo/demo.constants';
import { consoleCloud, type ConsoleBrowser } from '../console/support/console-cloud';
import { MINUTE_MS } from './support/function-cloud';
import { APPLIANCE_REPAIR, ok } from './support/order-loop';
import { platformMark } from './support/platform-writes';

const cloud = consoleCloud();
const GRID_WORKER = 'demo-grid-worker-1';
const ON_DUTY = 'demo-community-worker-1';
const STREET_WORKER = 'demo-street-worker-1';
const CONSENT = { method: 'in_person', statement: '居民当面同意由网格员代为发起紧急求助' };
const LIMIT_MS = 15 * MINUTE_MS;

let worker: ConsoleBrowser;
let residentId = '';

beforeAll(async () => {
  worker = await cloud.signIn('community.worker');
  const registered = await worker.post<{ residentId: string }>('/console/api/residents', {
    gridId: DEMO_GRID_ID,
    name: '黄婆婆',
    phone: '13977000301',
    consent: CONSENT,
    clientRequestId: cloud.requestId('register'),
  });
  residentId = registered.data.residentId;
  const duty = await worker.post('/console/api/residents/duty', {
    openid: ON_DUTY,
    onDuty: true,
    clientRequestId: cloud.requestId('duty'),
  });
  expect(duty.code).toBe('OK');
  for (const openid of [GRID_WORKER, ON_DUTY, STREET_WORKER]) cloud.grant(openid, 'TPL_URGENT_REQUEST', 10);
});

/** An urgent request for the resident, from the match's provider at rank 1. */
async function urgentOrder(): Promise<{ orderId: string; providerId: string }> {
  const match = await worker.post<MatchProvidersResult>(`/console/api/residents/${residentId}/match`, {
    itemIds: [APPLIANCE_REPAIR],
  });
  const providerId = match.data.items[0]!.providers[0]!.providerId;
  const placed = await worker.post<CreateOrderResult>('/console/api/residents/orders', {
    matchId: match.data.matchId,
    itemId: APPLIANCE_REPAIR,
    providerId,
    consent: CONSENT,
    urgent: true,
    clientRequestId: cloud.requestId('urgent'),
  });
  if (placed.code !== 'OK') throw new Error(`${placed.code} ${placed.message}`);
  return { orderId: placed.data.orderId, providerId };
}

const urgentOf = async (orderId: string) => (await cloud.get<Order>('orders', orderId))!.urgent!;
const toldAbout = (orderId: string) =>
  cloud
    .outbox({ templateId: 'TPL_URGENT_REQUEST' })
    .filter((m) => m.page.endsWith(`orderId=${encodeURIComponent(orderId)}`))
    .map((m) => m.touser)
    .sort();

test('unanswered past its limit, the timer puts it in the community workers’ queue, once however often it fires', async () => {
  const { orderId } = await urgentOrder();
  const placed = (await cloud.get<Order>('orders', orderId))!;
  // Told at once, before any timer: the grid's worker and the on-duty worker, not the street's worker.
  expect(toldAbout(orderId)).toEqual([GRID_WORKER, ON_DUTY].sort());
  const told = cloud.outbox({ templateId: 'TPL_URGENT_REQUEST' }).find((m) => m.touser === GRID_WORKER)!;
  expect(told.data).toMatchObject({
    thing1: { value: '紧急求助：家电维修' },
    thing4: { value: '15分钟内无人接单转社区处理' },
  });
  expect(placed.urgent).toMatchObject({
    state: 'waiting',
    acceptBy: placed.createdAt + LIMIT_MS,
    queuePath: DEMO_PATHS.community,
    notified: expect.arrayContaining([GRID_WORKER, ON_DUTY]),
  });

  // Within the limit the timers run and leave it waiting.
  await cloud.advanceTo(placed.createdAt + LIMIT_MS - 2 * MINUTE_MS);
  expect((await urgentOf(orderId)).state).toBe('waiting');

  // Past it, at the timer's next run (every 5 minutes): queued, on the order's timeline, in the community
  // worker's queue with its clock.
  await cloud.advance(5 * MINUTE_MS);
  const queued = await urgentOf(orderId);
  expect(queued.state).toBe('queued');
  expect(queued.queuedAt).toBeGreaterThan(placed.urgent!.acceptBy);
  expect(queued.queuedAt! - placed.urgent!.acceptBy).toBeLessThanOrEqual(5 * MINUTE_MS);
  const detail = await worker.get<OrderDetailResult>(`/console/api/orders/${orderId}`);
  expect(detail.data.order.status).toBe('created');
  expect(detail.data.timeline.filter((t) => t.stepLabel === '紧急求助超时无人接单，转社区处理')).toHaveLength(
    1,
  );
  const queue = await worker.get<UrgentQueueReply>('/console/api/residents/urgent?state=queued');
  const row = queue.data.items.find((r) => r.orderId === orderId)!;
  expect(row.minutesSince).toBe(Math.floor((queue.data.now - placed.createdAt) / MINUTE_MS));
  expect(row.minutesSince).toBeGreaterThanOrEqual(15);

  // The trigger delivered again (at-least-once): nothing written, nobody told again.
  const before = platformMark(cloud);
  const sent = cloud.outbox().length;
  const again = ok(await cloud.fireTimer<{ urgent: { queued: string[] } }>('order-timers'));
  expect(again.urgent.queued).toEqual([]);
  expect(platformMark(cloud)).toEqual(before);
  expect(cloud.outbox().length).toBe(sent);
  expect(await urgentOf(orderId)).toEqual(queued);
});

test('accepted by the provider within its limit, it is handled and never enters the queue', async () => {
  const { orderId, providerId } = await urgentOrder();
  const [staff] = await cloud.staffOf(providerId);
  const accepted = await cloud.as(staff!).jobs('order.accept', {
    orderId,
    clientRequestId: cloud.requestId('accept'),
  });
  expect(accepted.code).toBe('OK');
  expect(await urgentOf(orderId)).toMatchObject({
    state: 'handled',
    resolution: 'accepted',
    handledBy: staff,
  });

  await cloud.advance(LIMIT_MS + 10 * MINUTE_MS);
  expect((await urgentOf(orderId)).state).toBe('handled');
  const queue = await worker.get<UrgentQueueReply>('/console/api/residents/urgent');
  expect(queue.data.items.some((r) => r.orderId === orderId)).toBe(false);
});
