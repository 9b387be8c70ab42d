/**
 * What workers do through the console, through the real admin-api on the local cloud: their lists hold
 * exactly the records of their units (equal to a direct count on the same data), an order's detail shows
 * the resident's phone as the permission matrix says, the workbench's queues, and suspending and
 * reinstating a provider, which matching (match.request through the real orders function) follows at once,
 * each write in the audit log that the unit's leaders and above read.
 */
import type {
  AuditListReply,
  ConsoleOrderListReply,
  ConsoleProviderListReply,
  ProviderRecordsReply,
  WorkbenchReply,
} from '../../../core/console/console.replies';
import type { OrderDetailResult } from '../../../core/orders/order.replies';
import type { ProviderStatusChangeResult } from '../../../core/providers/provider-status.reply';
import { COMMON_ITEM_IDS } from '../../../demo/service-coverage.data';
import { HOUR_MS } from '../../functions/support/function-cloud';
import { DEMO_RESIDENT, matchFor, ok, placeOrder } from '../../functions/support/order-loop';
import { isBookkeeping, platformMark } from '../../functions/support/platform-writes';
import { writeUser } from '../../functions/support/role-actors';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const STREET = '/450900/450902/450902001/';
const OTHER_STREET = '/450900/450981/450981001/';
const DONGMEN = '/450900/450902/450902001/450902001001/';
const PROVIDER = 'prv-000001';

const regexp = (prefix: string) => cloud.db.RegExp({ regexp: `^${prefix}`, options: '' });

beforeEach(() => cloud.nextMinute());

describe('a street worker’s orders', () => {
  let street: ConsoleBrowser;
  beforeAll(async () => {
    street = await cloud.signIn('street.worker');
  });

  test('are every order of the street’s communities and none of another street, as a direct count says', async () => {
    const page = await street.get<ConsoleOrderListReply>('/console/api/orders?pageSize=50');
    expect(page.code).toBe('OK');
    expect(page.data.total).toBe(await cloud.count('orders', { orgPath: regexp(STREET) }));
    expect(page.data.total).toBeGreaterThan(100);
    for (const row of page.data.items) expect(row.orgPath.startsWith(STREET)).toBe(true);
    expect(await cloud.count('orders', { orgPath: regexp(OTHER_STREET) })).toBeGreaterThan(0);
    // Newest first, pages without overlap.
    const second = await street.get<ConsoleOrderListReply>('/console/api/orders?pageSize=50&page=2');
    const firstIds = new Set(page.data.items.map((r) => r.orderId));
    expect(second.data.items.some((r) => firstIds.has(r.orderId))).toBe(false);
    const times = [...page.data.items, ...second.data.items].map((r) => r.createdAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('filter by status, item, provider and days, each equal to a direct count', async () => {
    const _ = cloud.db.command;
    const from = Date.UTC(2024, 5, 1) - 8 * HOUR_MS;
    const to = Date.UTC(2024, 8, 1) - 8 * HOUR_MS;
    const cases: Array<[string, Record<string, unknown>]> = [
      ['status=closed', { status: 'closed' }],
      ['itemId=item-home-cleaning', { itemId: 'item-home-cleaning' }],
      [`providerId=${PROVIDER}`, { providerId: PROVIDER }],
      ['from=2024-06-01&to=2024-08-31', { createdAt: _.and([_.gte(from), _.lt(to)]) }],
      [
        'status=closed&itemId=item-home-cleaning&from=2024-06-01&to=2024-08-31',
        { status: 'closed', itemId: 'item-home-cleaning', createdAt: _.and([_.gte(from), _.lt(to)]) },
      ],
    ];
    for (const [query, where] of cases) {
      const reply = await street.get<ConsoleOrderListReply>(`/console/api/orders?${query}`);
      expect({ query, total: reply.data.total }).toEqual({
        query,
        total: await cloud.count('orders', { ...where, orgPath: regexp(STREET) }),
      });
    }
    const bad = await street.get('/console/api/orders?from=2024-09-01&to=2024-06-01');
    expect({ status: bad.status, code: bad.code, message: bad.message }).toEqual({
      status: 400,
      code: 'INVALID_INPUT',
      message: '结束日期不能早于开始日期',
    });
  });

  test('an order’s detail shows the resident’s phone as the matrix says: a worker in full, a leader masked', async () => {
    const [order] = await cloud.find<{ _id: string }>('orders', { residentOpenid: DEMO_RESIDENT }, 1);
    const asWorker = await street.get<OrderDetailResult>(`/console/api/orders/${order!._id}`);
    expect(asWorker.data.order).toMatchObject({ residentPhone: '13907750001', residentPhoneMasked: false });
    const leader = await cloud.signIn('street.leader');
    const asLeader = await leader.get<OrderDetailResult>(`/console/api/orders/${order!._id}`);
    expect(asLeader.data.order).toMatchObject({ residentPhone: '139****0001', residentPhoneMasked: true });
    expect(asLeader.data.timeline.length).toBeGreaterThan(0);
  });
});

describe('providers', () => {
  test('a street worker’s list is the street’s providers, with open orders and punctuality as stored', async () => {
    const street = await cloud.signIn('street.worker');
    const reply = await street.get<ConsoleProviderListReply>('/console/api/providers?pageSize=50');
    expect(reply.data.total).toBe(await cloud.count('providers', { orgPath: regexp(STREET) }));
    const _ = cloud.db.command;
    for (const row of reply.data.items.slice(0, 5)) {
      const stored = await cloud.get<{ orgPath: string; followUpsDue: number; followUpsOnTime: number }>(
        'providers',
        row.providerId,
      );
      expect(stored!.orgPath.startsWith(STREET)).toBe(true);
      expect(row.openOrders).toBe(
        await cloud.count('orders', { providerId: row.providerId, status: _.in(['created', 'accepted']) }),
      );
      expect(row.followUpPunctuality).toBe(
        stored!.followUpsDue === 0 ? null : stored!.followUpsOnTime / stored!.followUpsDue,
      );
    }
    const reputations = reply.data.items.map((r) => r.reputation);
    expect([...reputations].sort((a, b) => b - a)).toEqual(reputations);
  });

  test('a provider’s page: its offerings, its score’s parts adding up to its reputation', async () => {
    const worker = await cloud.signIn('community.worker');
    const reply = await worker.get<ProviderRecordsReply>(`/console/api/providers/${PROVIDER}`);
    expect(reply.data.offerings.length).toBe(await cloud.count('offerings', { providerId: PROVIDER }));
    const sum = reply.data.scoreParts.reduce((s, p) => s + p.points, 0);
    expect(Math.round(sum * 10) / 10).toBeCloseTo(reply.data.provider.reputation, 1);
    // A worker may look, not suspend or order a rectification (the matrix gives them to leaders and regulators).
    expect(reply.data.actions).toEqual({ suspend: false, reinstate: false, rectify: false });
  });
});

/** Items of the provider for which matching offers it to the demo resident now. */
async function itemWhereOffered(): Promise<string> {
  const offerings = await cloud.find<{ itemId: string }>('offerings', { providerId: PROVIDER, active: true });
  for (const { itemId } of offerings) {
    const match = await matchFor(cloud, DEMO_RESIDENT, [itemId]);
    if (match.items[0]!.providers.some((p) => p.providerId === PROVIDER)) return itemId;
  }
  throw new Error(`${PROVIDER} is offered for none of its items`);
}

/** A whole-database mark without the bookkeeping every call may write (as `platformMark`). */
const platformMarkOf = (mark: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(mark).filter(([name]) => !isBookkeeping(name)));

const offered = async (itemId: string) =>
  (await matchFor(cloud, DEMO_RESIDENT, [itemId])).items[0]!.providers.map((p) => p.providerId);

describe('a community leader suspends and reinstates a provider', () => {
  test('matching stops offering it at once and offers it again; both in the audit log', async () => {
    const itemId = await itemWhereOffered();
    const leader = await cloud.signIn('community.leader');
    const suspended = await leader.post<ProviderStatusChangeResult>(
      `/console/api/providers/${PROVIDER}/status`,
      {
        to: 'suspended',
        reason: '居民投诉服务质量，暂停核查',
        clientRequestId: 'suspend-work-0001',
      },
    );
    expect(suspended.data).toMatchObject({
      providerId: PROVIDER,
      status: 'suspended',
      statusLabel: '暂停服务',
    });
    const offerings = await cloud.find<{ providerStatus: string }>('offerings', { providerId: PROVIDER });
    expect(suspended.data.offeringsUpdated).toBe(offerings.length);
    for (const o of offerings) expect(o.providerStatus).toBe('suspended');
    expect(await offered(itemId)).not.toContain(PROVIDER);

    // A replay is answered as the first time, writing nothing (no second audit entry either).
    const before = cloud.wholeMark();
    const replay = await leader.post(`/console/api/providers/${PROVIDER}/status`, {
      to: 'suspended',
      reason: '居民投诉服务质量，暂停核查',
      clientRequestId: 'suspend-work-0001',
    });
    expect(replay.data).toEqual(suspended.data);
    expect(cloud.wholeMark()).toEqual(before);

    const reinstated = await leader.post<ProviderStatusChangeResult>(
      `/console/api/providers/${PROVIDER}/status`,
      {
        to: 'active',
        reason: '',
        clientRequestId: 'reinstate-work-0001',
      },
    );
    expect(reinstated.data.status).toBe('active');
    // A resident who asked in the last 5 minutes is answered with the list they were shown (reuse,
    // docs/functions.md); a fresh request offers the reinstated provider again.
    cloud.shiftClock(6 * 60_000);
    expect(await offered(itemId)).toContain(PROVIDER);

    const entries = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'provider.status.change',
      entityId: PROVIDER,
    });
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e).toMatchObject({
        actorOpenid: 'demo-community-leader-1',
        actorRole: 'leader',
        accountId: 'community.leader',
        channel: 'console',
        ip: '127.0.0.1',
        entityType: 'provider',
        orgPath: DONGMEN,
      });
    }
    expect(entries.map((e) => e['summary']).sort()).toEqual(
      [
        '恢复服务：玉林市玉州区新风家庭服务中心',
        '暂停服务：玉林市玉州区新风家庭服务中心（原因：居民投诉服务质量，暂停核查）',
      ].sort(),
    );
    // The provider's own timeline has both steps.
    expect(
      await cloud.count('events', { entityType: 'provider', entityId: PROVIDER }),
    ).toBeGreaterThanOrEqual(2);
  });

  test('its waiting orders: its staff may not take them, and order-timers re-offers each to the resident', async () => {
    const itemId = await itemWhereOffered();
    const rank = (await offered(itemId)).indexOf(PROVIDER) + 1;
    const placed = await placeOrder(cloud, DEMO_RESIDENT, itemId, { rank });
    expect(placed.providerId).toBe(PROVIDER);
    const leader = await cloud.signIn('community.leader');
    const suspend = { to: 'suspended', reason: '上门服务人员无证上岗，暂停核查' };
    expect(
      (
        await leader.post(`/console/api/providers/${PROVIDER}/status`, {
          ...suspend,
          clientRequestId: 'suspend-waiting-0001',
        })
      ).code,
    ).toBe('OK');

    const [staff] = await cloud.staffOf(PROVIDER);
    const before = cloud.wholeMark();
    const accept = await cloud
      .as(staff!)
      .jobs('order.accept', { orderId: placed.orderId, clientRequestId: cloud.requestId('accept') });
    expect(accept.code).toBe('PROVIDER_NOT_ACCEPTING');
    expect(accept.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(platformMark(cloud)).toEqual(platformMarkOf(before));

    const run = ok(
      await cloud.fireTimer<{
        released: { released: { orderId: string; nextOffer: { providerId: string } | null }[] };
      }>('order-timers'),
    );
    const mine = run.released.released.find((r) => r.orderId === placed.orderId);
    expect(mine).toBeDefined();
    expect(mine!.nextOffer?.providerId).not.toBe(PROVIDER);
    const order = await cloud.get<{ status: string; nextOffer: unknown }>('orders', placed.orderId);
    expect(order).toMatchObject({ status: 'expired', nextOffer: mine!.nextOffer });
    const [step] = await cloud.find<{ reason: string }>('events', {
      entityType: 'order',
      entityId: placed.orderId,
      to: 'expired',
    });
    expect(step!.reason).toContain('暂停服务');
    // Delivered again (timers are at-least-once): nothing more to release.
    const again = ok(await cloud.fireTimer<{ released: { released: unknown[] } }>('order-timers'));
    expect(again.released.released).toEqual([]);

    expect(
      (
        await leader.post(`/console/api/providers/${PROVIDER}/status`, {
          to: 'active',
          reason: '',
          clientRequestId: 'reinstate-waiting-0001',
        })
      ).code,
    ).toBe('OK');
  });

  test('refusals write nothing: no reason, a worker, a step the status does not allow', async () => {
    const leader = await cloud.signIn('community.leader');
    const worker = await cloud.signIn('community.worker');
    const cases: Array<[ConsoleBrowser, Record<string, string>, number, string]> = [
      [leader, { to: 'suspended', reason: '  ' }, 400, 'PROVIDER_REASON_REQUIRED'],
      [worker, { to: 'suspended', reason: '核查' }, 403, 'PERMISSION_DENIED'],
      [leader, { to: 'active', reason: '' }, 409, 'PROVIDER_ILLEGAL_TRANSITION'],
      [leader, { to: 'removed', reason: '严重违规' }, 400, 'PROVIDER_STATUS_CHANGE_NOT_AVAILABLE'],
      [leader, { to: 'sleeping', reason: '' }, 400, 'INVALID_INPUT'],
    ];
    let n = 0;
    for (const [who, body, status, code] of cases) {
      n += 1;
      const before = cloud.wholeMark();
      const reply = await who.post(`/console/api/providers/${PROVIDER}/status`, {
        ...body,
        clientRequestId: `refused-status-${n}`,
      });
      expect({ code: reply.code, status: reply.status }).toEqual({ code, status });
      expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(cloud.wholeMark()).toEqual(before);
    }
  });
});

describe('the audit log', () => {
  test('is read by the unit’s leaders and above, scoped to their units', async () => {
    // The entries of the test above are on 东门社区's provider; a leader of 西门社区 is made here.
    const communityLeader = await cloud.signIn('community.leader');
    const streetLeader = await cloud.signIn('street.leader');
    await writeUser(cloud, 't-ximen-leader', [
      { role: 'leader', orgPath: '/450900/450902/450902001/450902001002/' },
    ]);
    const issued = await streetLeader.post<{ oneTimePassword: string }>('/console/api/accounts', {
      openid: 't-ximen-leader',
      loginName: 'ximen.leader',
    });
    const neighbour = cloud.browser();
    await neighbour.signIn('ximen.leader', issued.data.oneTimePassword);
    await neighbour.post('/console/auth/password', {
      currentPassword: issued.data.oneTimePassword,
      newPassword: 'Ximen2025leader',
    });

    const read = async (b: ConsoleBrowser) => {
      const reply = await b.get<AuditListReply>('/console/api/audit?pageSize=50');
      expect(reply.code).toBe('OK');
      return reply.data;
    };
    const inDongmen = (await read(communityLeader)).items.filter((e) => e.entityId === PROVIDER);
    expect(inDongmen.length).toBeGreaterThanOrEqual(2);
    expect(inDongmen[0]).toMatchObject({
      actorName: '陆国华',
      commandLabel: '变更服务机构状态',
      ip: '127.0.0.1',
    });
    const street = await read(streetLeader);
    expect(street.items.some((e) => e.entityId === PROVIDER)).toBe(true);
    expect(street.items.some((e) => e.accountId === 'ximen.leader')).toBe(true);
    const own = await read(neighbour);
    expect(own.items.some((e) => e.entityId === PROVIDER)).toBe(false);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((e) => e.unitName === '西门社区')).toBe(true);
    const total = await cloud.count('audit_entries', { orgPath: regexp(STREET) });
    expect(street.total).toBe(total);

    const worker = await cloud.signIn('community.worker');
    const refused = await worker.get('/console/api/audit');
    expect({ status: refused.status, code: refused.code }).toEqual({
      status: 403,
      code: 'PERMISSION_DENIED',
    });
  });
});

describe('the workbench', () => {
  test('shows an order about to expire unanswered, overdue follow-ups and supply gaps, each as counted', async () => {
    const placed = await placeOrder(cloud, DEMO_RESIDENT, 'item-appliance-repair');
    const early = await (
      await cloud.signIn('community.worker')
    ).get<WorkbenchReply>('/console/api/workbench');
    expect(early.data.expiringOrders.items.map((r) => r.orderId)).not.toContain(placed.orderId);
    await cloud.advance(21 * HOUR_MS);
    // 21 hours on, the session of before has ended: a new sign-in.
    const later = await (
      await cloud.signIn('community.worker')
    ).get<WorkbenchReply>('/console/api/workbench');
    const row = later.data.expiringOrders.items.find((r) => r.orderId === placed.orderId);
    expect(row).toBeDefined();
    expect(row!.msLeft).toBeGreaterThan(2.9 * HOUR_MS);
    expect(row!.msLeft).toBeLessThanOrEqual(3 * HOUR_MS);

    const _ = cloud.db.command;
    expect(later.data.overdueFollowUps.total).toBe(
      await cloud.count('follow_ups', {
        orgPath: regexp(DONGMEN),
        status: _.in(['pending', 'overdue']),
        dueAt: _.lt(later.data.now),
      }),
    );
  });

  test('complaints nobody has verified: the street’s, oldest first, as counted; overdue past the unit’s hours', async () => {
    const now = cloud.now();
    const complaintOn = async (prefix: string, id: string, filedAt: number) => {
      const [order] = await cloud.find<{
        _id: string;
        providerId: string;
        orgPath: string;
        residentOpenid: string;
      }>('orders', { orgPath: regexp(prefix), status: 'followed_up' });
      const doc = {
        _id: id,
        orderId: order!._id,
        providerId: order!.providerId,
        residentOpenid: order!.residentOpenid,
        content: '约好的时间没有上门',
        images: [],
        status: 'submitted',
        reply: null,
        handledBy: null,
        handledAt: null,
        orgPath: order!.orgPath,
        createdAt: filedAt,
        updatedAt: filedAt,
      };
      await cloud.insert('complaints', [doc]);
      return doc;
    };
    const late = await complaintOn(DONGMEN, 'cmp-test-late', now - 30 * HOUR_MS);
    const fresh = await complaintOn(DONGMEN, 'cmp-test-fresh', now - HOUR_MS);
    const elsewhere = await complaintOn(OTHER_STREET, 'cmp-test-elsewhere', now - 40 * HOUR_MS);

    const reply = await (await cloud.signIn('street.worker')).get<WorkbenchReply>('/console/api/workbench');
    const queue = reply.data.unansweredComplaints;
    expect(reply.data.queues.complaints).toBe(true);
    const stored = await cloud.find<{ _id: string; createdAt: number }>('complaints', {
      orgPath: regexp(STREET),
      status: 'submitted',
    });
    expect(queue.total).toBe(stored.length);
    const oldest = [...stored].sort((a, b) => a.createdAt - b.createdAt || (a._id < b._id ? -1 : 1));
    expect(queue.items.map((c) => c.complaintId)).toEqual(oldest.slice(0, 10).map((c) => c._id));
    for (const row of queue.items) {
      expect(row.waitedMs).toBe(reply.data.now - row.filedAt);
      expect(row.overdue).toBe(row.waitedMs > reply.data.complaintAnswerHours * HOUR_MS);
      expect(row.providerName).not.toBe('');
    }
    const shown = new Map(queue.items.map((c) => [c.complaintId, c]));
    if (stored.length <= 10) {
      expect(shown.get(late._id)?.overdue).toBe(true);
      expect(shown.get(fresh._id)?.overdue).toBe(false);
    }
    expect(shown.has(elsewhere._id)).toBe(false);
  });

  test('a city worker’s supply gaps: never a common item, each count equal to a direct count', async () => {
    const city = await cloud.signIn('city.worker');
    const reply = await city.get<WorkbenchReply>('/console/api/workbench');
    const gaps = reply.data.supplyGaps;
    expect(gaps.communities).toBe(172);
    expect(gaps.total).toBeGreaterThan(0);
    for (const gap of gaps.items) {
      expect(COMMON_ITEM_IDS as readonly string[]).not.toContain(gap.itemId);
      const paths = gap.unit.orgPath
        .split('/')
        .filter((s) => s.length > 0)
        .map((_s, i, all) => `/${all.slice(0, i + 1).join('/')}/`);
      const covering = await cloud.find<{ providerId: string }>('offerings', {
        itemId: gap.itemId,
        servedPaths: cloud.db.command.in(paths),
        active: true,
        providerStatus: 'active',
        providerBlacklisted: false,
      });
      expect(gap.providerCount).toBe(new Set(covering.map((o) => o.providerId)).size);
      expect(gap.providerCount).toBeLessThan(3);
    }
  });
});
