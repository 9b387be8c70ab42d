/**
 * Acting for residents through the real admin-api on the local cloud (docs/acting-for-residents.md): a
 * community worker registers a resident without WeChat with their consent, matches for them, places an order
 * that shows who placed it, and follows it as the resident would (cancel); a 紧急求助 tells the grid's worker
 * and the on-duty worker at once, waits for its limit with the clock running, goes to the community workers'
 * queue, and is reassigned or resolved there. Refusals write nothing at all (the whole database's mark).
 */
import type { WorkbenchReply } from '../../../core/console/console.replies';
import type {
  DutyRosterReply,
  DutySetResult,
  PlacedOrdersReply,
  ResidentRegisterResult,
  ResidentsFormReply,
  UrgentHandleResult,
  UrgentQueueReply,
} from '../../../core/orders/acting-for-residents.replies';
import type { MatchProvidersResult } from '../../../core/matching/match.reply';
import type { CreateOrderResult, OrderDetailResult } from '../../../core/orders/order.replies';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { DEMO_GRID_ID, DEMO_SECOND_GRID_ID } from '../../../demo/demo.constants';
import { MINUTE_MS } from '../../functions/support/function-cloud';
import { APPLIANCE_REPAIR } from '../../functions/support/order-loop';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const GRID_WORKER = 'demo-grid-worker-1';
const COMMUNITY_WORKER = 'demo-community-worker-1';
const CONSENT = { method: 'phone', statement: '居民本人电话同意由社区工作人员代为下单，并保存姓名和电话' };

/** The demo's community worker (东门社区), as her record names her. */
const workerName = '庞丽娟';
let worker: ConsoleBrowser;

beforeAll(async () => {
  worker = await cloud.signIn('community.worker');
});

beforeEach(() => cloud.nextMinute());

async function register(b: ConsoleBrowser, name: string, phone: string, gridId = DEMO_GRID_ID) {
  return b.post<ResidentRegisterResult>('/console/api/residents', {
    gridId,
    name,
    phone,
    consent: CONSENT,
    clientRequestId: cloud.requestId('register'),
  });
}

async function matchAndPlace(residentId: string, options: { urgent?: boolean; rank?: number } = {}) {
  const match = await worker.post<MatchProvidersResult>(`/console/api/residents/${residentId}/match`, {
    itemIds: [APPLIANCE_REPAIR],
  });
  expect(match.code).toBe('OK');
  const providers = match.data.items[0]!.providers;
  const provider = providers[(options.rank ?? 1) - 1]!;
  const placed = await worker.post<CreateOrderResult>('/console/api/residents/orders', {
    matchId: match.data.matchId,
    itemId: APPLIANCE_REPAIR,
    providerId: provider.providerId,
    consent: CONSENT,
    urgent: options.urgent ?? false,
    clientRequestId: cloud.requestId('place'),
  });
  if (placed.code !== 'OK') throw new Error(`place: ${placed.code} ${placed.message}`);
  return { match: match.data, providerId: provider.providerId, orderId: placed.data.orderId };
}

describe('代下单', () => {
  let residentId = '';

  test('the form offers the grids of the worker’s community and the catalog’s items', async () => {
    const form = await worker.get<ResidentsFormReply>('/console/api/residents/form');
    expect(form.code).toBe('OK');
    expect(form.data.grids.map((g) => g.gridId)).toContain(DEMO_GRID_ID);
    for (const g of form.data.grids) expect(g.orgPath.startsWith(DEMO_PATHS.community)).toBe(true);
    expect(form.data.items.map((i) => i.itemId)).toContain(APPLIANCE_REPAIR);
    expect(form.data.consentMethods.map((c) => c.label)).toEqual(['当面', '电话']);
    expect(form.data.urgentAcceptWithinMinutes).toBe(15);
  });

  test('a worker registers a resident without WeChat with their consent; the same phone in the grid is found again', async () => {
    const usersBefore = await cloud.count('users');
    const first = await register(worker, '李阿婆', '13977000001');
    expect(first.code).toBe('OK');
    expect(first.data).toMatchObject({
      name: '李阿婆',
      phone: '13977000001',
      gridId: DEMO_GRID_ID,
      orgPath: DEMO_PATHS.grid,
      offline: true,
      registered: true,
    });
    expect(first.data.residentId.startsWith('offline-')).toBe(true);
    residentId = first.data.residentId;
    const stored = await cloud.get<{ homeOrgPath: string; grants: unknown[]; phone: unknown }>(
      'users',
      residentId,
    );
    expect(stored).toMatchObject({ homeOrgPath: DEMO_PATHS.grid, grants: [] });
    // Sealed at rest (decision 0012): the phone is not stored as typed.
    expect(stored!.phone).not.toBe('13977000001');
    expect(await cloud.count('users')).toBe(usersBefore + 1);

    const again = await register(worker, '李阿婆', '13977000001');
    expect(again.data).toMatchObject({ residentId, registered: false });
    expect(await cloud.count('users')).toBe(usersBefore + 1);
    // The registration is in the audit log, in the grid's unit.
    const entries = await cloud.find<{ summary: string; orgPath: string }>('audit_entries', {
      entityId: residentId,
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toContain('电话同意');
  });

  test('matches for the resident, places an order that says who placed it, and follows it as the resident would', async () => {
    const { match, orderId, providerId } = await matchAndPlace(residentId);
    expect(match.items[0]!.providers.length).toBeGreaterThanOrEqual(3);
    expect(match.items[0]!.providers.length).toBeLessThanOrEqual(5);

    const detail = await worker.get<OrderDetailResult>(`/console/api/orders/${orderId}`);
    expect(detail.code).toBe('OK');
    expect(detail.data.order).toMatchObject({ status: 'created', providerId, residentName: '李阿婆' });
    expect(detail.data.placedBy).toMatchObject({
      name: workerName,
      consent: { method: 'phone', methodLabel: '电话', statement: CONSENT.statement },
    });
    expect(detail.data.timeline[0]).toMatchObject({ actorRole: 'worker' });
    expect(detail.data.timeline[0]!.stepLabel).toBe(`由 ${workerName} 代居民下单`);
    expect(detail.data.urgent).toBeUndefined();
    // The audit log has the order in the worker's name.
    const audit = await cloud.find<{ summary: string; actorOpenid?: string }>('audit_entries', {
      entityId: orderId,
    });
    expect(audit.map((a) => a.summary)).toEqual([expect.stringContaining('代居民下单')]);

    const mine = await worker.get<PlacedOrdersReply>('/console/api/residents/orders');
    expect(mine.data.placedByName).toBe(workerName);
    expect(mine.data.items.find((r) => r.orderId === orderId)).toMatchObject({
      residentName: '李阿婆',
      status: 'created',
      statusLabel: '待接单',
      urgent: false,
    });
    // Paged as the console's lists are (the page number arrives as text).
    const paged = await worker.get<PlacedOrdersReply>('/console/api/residents/orders?page=1&pageSize=5');
    expect(paged.data).toMatchObject({ page: 1, pageSize: 5 });
    expect(paged.data.items.map((r) => r.orderId)).toContain(orderId);
    // Another worker's list does not hold it.
    const grid = await cloud.signIn('grid.worker');
    const theirs = await grid.get<PlacedOrdersReply>('/console/api/residents/orders');
    expect(theirs.data.items.some((r) => r.orderId === orderId)).toBe(false);

    const cancelled = await worker.post<{ status: string }>(
      `/console/api/residents/orders/${orderId}/cancel`,
      {
        clientRequestId: cloud.requestId('cancel'),
      },
    );
    expect(cancelled.data.status).toBe('cancelled');
    const after = await worker.get<OrderDetailResult>(`/console/api/orders/${orderId}`);
    expect(after.data.timeline.at(-1)).toMatchObject({ to: 'cancelled', actorRole: 'worker' });
  });

  test('records the resident’s rating once the job is done: it counts as theirs and says a worker recorded it', async () => {
    const { orderId, providerId } = await matchAndPlace(residentId, { rank: 2 });
    const [staff] = await cloud.staffOf(providerId);
    for (const step of ['order.accept', 'order.done'] as const) {
      const reply = await cloud.as(staff!).jobs(step, { orderId, clientRequestId: cloud.requestId('step') });
      expect(reply.code).toBe('OK');
    }
    const rated = await worker.post<{ status: string }>(`/console/api/residents/orders/${orderId}/rating`, {
      stars: 5,
      text: '李阿婆说师傅很耐心',
      clientRequestId: cloud.requestId('rate'),
    });
    expect(rated.code).toBe('OK');
    const stored = await cloud.find<{ stars: number; recordedBy?: { openid: string } }>('ratings', {
      orderId,
    });
    expect(stored).toEqual([
      expect.objectContaining({
        stars: 5,
        recordedBy: { openid: 'demo-community-worker-1', role: 'worker' },
      }),
    ]);
    const detail = await worker.get<OrderDetailResult>(`/console/api/orders/${orderId}`);
    expect(detail.data.order.status).toBe('rated');
    expect(detail.data.rating).toMatchObject({ stars: 5, recordedForResident: true });
  });

  test('refused, writing nothing: no consent, a grid outside the worker’s units, a leader registering, cancelling an order the resident placed', async () => {
    const leader = await cloud.signIn('community.leader');
    // A first request this minute refreshes the worker's session (a write of its own) before the mark.
    await worker.get('/console/api/residents/form');
    const before = cloud.wholeMark();
    const noConsent = await worker.post('/console/api/residents', {
      gridId: DEMO_GRID_ID,
      name: '张伯',
      phone: '13977000002',
      clientRequestId: cloud.requestId('noconsent'),
    });
    expect({ status: noConsent.status, code: noConsent.code }).toEqual({
      status: 400,
      code: 'INVALID_INPUT',
    });
    expect(noConsent.message).toMatch(/同意/);

    const outside = await register(worker, '张伯', '13977000002', DEMO_SECOND_GRID_ID);
    expect({ status: outside.status, code: outside.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });

    const byLeader = await register(leader, '张伯', '13977000002');
    expect(byLeader.status).toBe(403);

    const [ordinary] = await cloud.find<{ _id: string }>(
      'orders',
      { residentOpenid: 'demo-resident-1', status: 'created' },
      1,
    );
    if (ordinary !== undefined) {
      const cancel = await worker.post(`/console/api/residents/orders/${ordinary._id}/cancel`, {
        clientRequestId: cloud.requestId('cancel-other'),
      });
      // Not placed for a resident: the resident's own step, not the worker's (the matrix's refusal).
      expect({ status: cancel.status, code: cancel.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    }
    // A match for a resident outside the worker's units.
    const far = await worker.post('/console/api/residents/demo-resident-2/match', {
      itemIds: [APPLIANCE_REPAIR],
    });
    expect({ status: far.status, code: far.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    expect(cloud.wholeMark()).toEqual(before);
  });
});

describe('紧急求助', () => {
  let residentId = '';

  beforeAll(async () => {
    residentId = (await register(worker, '陈奶奶', '13977000011')).data.residentId;
    cloud.grant(GRID_WORKER, 'TPL_URGENT_REQUEST', 10);
    cloud.grant(COMMUNITY_WORKER, 'TPL_URGENT_REQUEST', 10);
  });

  test('the duty roster: a worker marks a worker of the community on duty, in the audit log', async () => {
    const roster = await worker.get<DutyRosterReply>('/console/api/residents/duty');
    expect(roster.data.items.map((r) => r.openid)).toEqual(
      expect.arrayContaining([GRID_WORKER, COMMUNITY_WORKER]),
    );
    expect(roster.data.items.find((r) => r.openid === COMMUNITY_WORKER)).toMatchObject({ onDuty: false });
    const set = await worker.post<DutySetResult>('/console/api/residents/duty', {
      openid: COMMUNITY_WORKER,
      onDuty: true,
      clientRequestId: cloud.requestId('duty'),
    });
    expect(set.data).toMatchObject({ openid: COMMUNITY_WORKER, onDuty: true, orgPath: DEMO_PATHS.community });
    const markedAt = set.data.since;
    const after = await worker.get<DutyRosterReply>('/console/api/residents/duty');
    expect(after.data.items.find((r) => r.openid === COMMUNITY_WORKER)).toMatchObject({
      onDuty: true,
      since: markedAt,
    });
    expect(markedAt).toBeGreaterThan(0);
    // A worker of another street may not mark them (the same answer as for nobody).
    const other = await cloud.signIn('lingcheng.worker');
    const before = cloud.wholeMark();
    const refused = await other.post('/console/api/residents/duty', {
      openid: COMMUNITY_WORKER,
      onDuty: false,
      clientRequestId: cloud.requestId('duty-other'),
    });
    expect({ status: refused.status, code: refused.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    expect(cloud.wholeMark()).toEqual(before);
  });

  test('tells the grid worker and the on-duty worker at once, runs its clock, goes to the queue, and is reassigned then resolved', async () => {
    const { orderId, providerId } = await matchAndPlace(residentId, { urgent: true });
    const requestedAt = (await cloud.get<{ createdAt: number }>('orders', orderId))!.createdAt;
    const told = cloud
      .outbox({ templateId: 'TPL_URGENT_REQUEST' })
      .filter((m) => m.page.endsWith(`orderId=${encodeURIComponent(orderId)}`))
      .map((m) => m.touser)
      .sort();
    expect(told).toEqual([COMMUNITY_WORKER, GRID_WORKER].sort());

    const row = async () => {
      const queue = await worker.get<UrgentQueueReply>('/console/api/residents/urgent');
      expect(queue.code).toBe('OK');
      return { now: queue.data.now, row: queue.data.items.find((r) => r.orderId === orderId) };
    };
    expect((await row()).row).toMatchObject({
      state: 'waiting',
      stateLabel: '等待接单',
      minutesSince: 0,
      requestedAt,
      acceptBy: requestedAt + 15 * MINUTE_MS,
      limitMinutes: 15,
      feedbackWithinMinutes: 120,
      residentName: '陈奶奶',
    });

    await cloud.advance(10 * MINUTE_MS);
    expect((await row()).row).toMatchObject({ state: 'waiting', minutesSince: 10 });
    await cloud.advance(10 * MINUTE_MS);
    const queued = (await row()).row!;
    expect(queued).toMatchObject({ state: 'queued', stateLabel: '待社区处理', minutesSince: 20 });
    expect(queued.queuedAt).not.toBeNull();
    // The workbench shows it first, nobody having accepted it in time, with its clock.
    const bench = (await worker.get<WorkbenchReply>('/console/api/workbench')).data;
    expect(bench.queues.urgent).toBe(true);
    expect(bench.urgentRequests.items[0]).toMatchObject({
      orderId,
      state: 'queued',
      waitedMs: bench.now - requestedAt,
      pastFeedbackLimit: false,
    });
    expect(bench.urgentRequests.total).toBe(
      await cloud.count('orders', {
        orgPath: cloud.db.RegExp({ regexp: `^${bench.unit!.orgPath}`, options: '' }),
        status: 'created',
        'urgent.state': cloud.db.command.in(['queued', 'waiting']),
      }),
    );
    expect(queued.alternatives.map((a) => a.providerId)).not.toContain(providerId);
    // Only queued requests, when asked.
    const onlyQueued = await worker.get<UrgentQueueReply>('/console/api/residents/urgent?state=queued');
    expect(onlyQueued.data.items.every((r) => r.state === 'queued')).toBe(true);

    const to = queued.alternatives[0]!.providerId;
    const reassigned = await worker.post<UrgentHandleResult>(
      `/console/api/residents/urgent/${orderId}/handle`,
      {
        resolution: 'reassign',
        providerId: to,
        note: '已电话联系该机构，可马上上门',
        clientRequestId: cloud.requestId('reassign'),
      },
    );
    expect(reassigned.data).toEqual({ orderId, status: 'created', urgentState: 'waiting', providerId: to });
    const again = (await row()).row!;
    const reassignedAt = (await cloud.get<{ updatedAt: number }>('orders', orderId))!.updatedAt;
    expect(again).toMatchObject({ state: 'waiting', acceptBy: reassignedAt + 15 * MINUTE_MS });
    expect(reassignedAt).toBeGreaterThan(queued.queuedAt!);

    const resolved = await worker.post<UrgentHandleResult>(
      `/console/api/residents/urgent/${orderId}/handle`,
      {
        resolution: 'resolve',
        note: '社区工作人员已上门处理',
        clientRequestId: cloud.requestId('resolve'),
      },
    );
    expect(resolved.data).toMatchObject({ status: 'cancelled', urgentState: 'handled' });
    expect((await row()).row).toBeUndefined();
    const after = (await worker.get<WorkbenchReply>('/console/api/workbench')).data;
    expect(after.urgentRequests.items.map((r) => r.orderId)).not.toContain(orderId);
    const detail = await worker.get<OrderDetailResult>(`/console/api/orders/${orderId}`);
    expect(detail.data.urgent).toMatchObject({ state: 'handled', resolution: 'resolved' });
    expect(detail.data.timeline.map((t) => t.stepLabel)).toEqual(
      expect.arrayContaining(['紧急求助超时无人接单，转社区处理', '紧急求助改派服务机构']),
    );

    // Handled: a second handling is refused, writing nothing.
    const before = cloud.wholeMark();
    const twice = await worker.post(`/console/api/residents/urgent/${orderId}/handle`, {
      resolution: 'resolve',
      note: '再次处理',
      clientRequestId: cloud.requestId('resolve-twice'),
    });
    expect(twice.code).toBe('URGENT_REQUEST_NOT_QUEUED');
    expect(cloud.wholeMark()).toEqual(before);
  });

  test('a reassignment needs a provider of the match; a worker of another street sees none of the queue', async () => {
    const { orderId } = await matchAndPlace(residentId, { urgent: true });
    const other = await cloud.signIn('lingcheng.worker');
    const before = cloud.wholeMark();
    const noProvider = await worker.post(`/console/api/residents/urgent/${orderId}/handle`, {
      resolution: 'reassign',
      note: '改派',
      clientRequestId: cloud.requestId('reassign-none'),
    });
    expect({ status: noProvider.status, code: noProvider.code }).toEqual({
      status: 400,
      code: 'INVALID_INPUT',
    });
    const stranger = await worker.post(`/console/api/residents/urgent/${orderId}/handle`, {
      resolution: 'reassign',
      providerId: 'prv-999999',
      note: '改派',
      clientRequestId: cloud.requestId('reassign-stranger'),
    });
    expect(stranger.code).toBe('MATCH_CANDIDATE_NOT_FOUND');
    const theirs = await other.get<UrgentQueueReply>('/console/api/residents/urgent');
    expect(theirs.data.items.some((r) => r.orderId === orderId)).toBe(false);
    expect(cloud.wholeMark()).toEqual(before);
  });
});
