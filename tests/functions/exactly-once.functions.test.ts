/**
 * Exactly once per request id, through the deployed functions on the local cloud (docs/functions.md: "a retry
 * with the same clientRequestId returns the first reply and writes nothing again"). For every writing command
 * of the order loop, the profile and provider staff, twenty copies of one request (one clientRequestId) are
 * sent at once, as a client retrying over a bad network would: every copy answers the first reply (same code,
 * same data, and so does a later retry), and the database changes by exactly what one copy of the command
 * changes it by, measured on a twin (the same command sent once, on a twin order or user). Then two staff
 * members mark one order done at once, each with a request id of their own: one wins, the other is refused
 * with ORDER_ILLEGAL_TRANSITION, never INTERNAL (decision 0014: snapshot isolation, conflicts retried).
 */
import { DEMO_GRID_ID, DEMO_PROVIDER_MANAGER_OPENID } from '../../demo/demo.constants';
import type { StaffInviteReply } from '../../core/providers/staff.replies';
import { MINUTE_MS, functionCloud, type Reply } from './support/function-cloud';
import {
  APPLIANCE_REPAIR,
  FOLLOW_UP_INPUT,
  matchFor,
  ok,
  orderThrough,
  placeOrder,
  staffStep,
  writeResidents,
  type PlacedOrder,
} from './support/order-loop';

const cloud = functionCloud();

/** Copies of one request sent at once (the function runtime runs up to 16 instances per function). */
const COPIES = 20;
/** Residents of the test's own, one per order (a resident's recent match is reused for the same items). */
const RESIDENTS = Array.from({ length: 24 }, (_, i) => `t-once-resident-${i + 1}`);
let residentsUsed = 0;
function nextResident(): string {
  const openid = RESIDENTS[residentsUsed];
  residentsUsed += 1;
  if (openid === undefined) throw new Error('more residents needed');
  return openid;
}
const MANAGER = DEMO_PROVIDER_MANAGER_OPENID;
const PROVIDER = 'prv-000001';

/**
 * Start every instance the copies will run on (16 per function) before the copies are timed: booting them
 * all at once on a busy 2-core machine can take longer than the SDK waits for a reply (15 s). Reads only;
 * a read that times out here has still started its instance.
 */
async function warmUp(fn: string, openid: string, command: string, input: unknown = {}): Promise<void> {
  cloud.shiftClock(MINUTE_MS);
  await Promise.allSettled(Array.from({ length: COPIES }, () => cloud.as(openid).call(fn, command, input)));
}

beforeAll(async () => {
  await writeResidents(cloud, RESIDENTS);
  await warmUp('orders', RESIDENTS[0]!, 'order.list');
  await warmUp('jobs', MANAGER, 'order.list');
  await warmUp('profile', RESIDENTS[0]!, 'profile.get');
  // Refused for its input before anything is read or written.
  await warmUp('provider-admin', MANAGER, 'provider.staff.invite');
}, 180_000);

// Calls are limited per user, command and minute (core/kernel/rate-limit.ts): each test starts a minute of its
// own, and so do the copies and the retry below, so that only the copies' own number meets a limit.
beforeEach(() => {
  cloud.shiftClock(MINUTE_MS);
});

type Counts = Record<string, number>;

/**
 * Collections a call writes whatever it does: the rate limiter's counters (every call is counted before the
 * command runs, a retry of a request too) and the local cloud's own `sys_*` collections.
 */
const bookkeeping = (name: string): boolean => name.startsWith('sys_') || name === 'rate_limit_counters';

/** Documents per collection of the platform. */
function counts(): Counts {
  const out: Counts = {};
  for (const [name, { count }] of Object.entries(cloud.writeMark())) {
    if (!bookkeeping(name)) out[name] = count;
  }
  return out;
}

/** The write mark of the platform's collections: equal marks, nothing written. */
function platformMark(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(cloud.writeMark()).filter(([name]) => !bookkeeping(name)));
}

/** The collections that gained documents between two counts, and by how many. */
function added(before: Counts, after: Counts): Counts {
  const out: Counts = {};
  for (const [name, n] of Object.entries(after)) {
    const more = n - (before[name] ?? 0);
    if (more !== 0) out[name] = more;
  }
  return out;
}

function tally(codes: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of codes) out[code] = (out[code] ?? 0) + 1;
  return out;
}

/**
 * `send(twin, id)` once with a request id of its own, then COPIES copies of `send(subject, id)` at once with
 * one request id, then that request once more. Every copy and the retry answer the first reply; the copies
 * add the documents the single send added, and the retry writes nothing at all.
 */
async function expectExactlyOnce<S, T>(
  command: string,
  twin: S,
  subject: S,
  send: (on: S, clientRequestId: string) => Promise<Reply<T>>,
): Promise<Reply<T>> {
  const beforeOne = counts();
  const single = await send(twin, cloud.requestId(`${command}-twin`));
  expect({ command, code: single.code }).toEqual({ command, code: 'OK' });
  const byOne = added(beforeOne, counts());

  const clientRequestId = cloud.requestId(`${command}-copies`);
  cloud.shiftClock(MINUTE_MS);
  const beforeCopies = counts();
  const replies = await Promise.all(Array.from({ length: COPIES }, () => send(subject, clientRequestId)));
  expect({ command, codes: tally(replies.map((r) => r.code)) }).toEqual({ command, codes: { OK: COPIES } });
  const first = replies[0]!;
  for (const reply of replies) expect(reply).toEqual(first);
  expect({ command, added: added(beforeCopies, counts()) }).toEqual({ command, added: byOne });

  cloud.shiftClock(MINUTE_MS);
  const mark = platformMark();
  expect(await send(subject, clientRequestId)).toEqual(first);
  expect(platformMark()).toEqual(mark);
  return first;
}

/** Twin orders taken as far as `until`, prepared side by side. */
async function twinOrders(
  until: 'created' | 'accepted' | 'done' | 'followed_up',
): Promise<[PlacedOrder, PlacedOrder]> {
  const [a, b] = await Promise.all(
    [nextResident(), nextResident()].map((resident) =>
      orderThrough(cloud, resident, APPLIANCE_REPAIR, until),
    ),
  );
  return [a!, b!];
}

type Step = 'order.accept' | 'order.decline' | 'order.done' | 'order.follow_up' | 'order.cancel';

/** A staff step (`jobs`) by the order's first staff member, with the request id given. */
const byStaff =
  (command: Step, input: Record<string, unknown> = {}) =>
  (order: PlacedOrder, clientRequestId: string) =>
    cloud.as(order.staff[0]!).jobs(command, { orderId: order.orderId, clientRequestId, ...input });

/** A resident step (`orders`), with the request id given. */
const byResident =
  (command: 'order.cancel' | 'order.rate', input: Record<string, unknown> = {}) =>
  (order: PlacedOrder, clientRequestId: string) =>
    cloud.as(order.resident).orders(command, { orderId: order.orderId, clientRequestId, ...input });

describe(`${COPIES} copies of one request answer the first reply and write once`, () => {
  it('order.create', async () => {
    const [m1, m2] = await Promise.all(
      [nextResident(), nextResident()].map(async (openid) => ({
        openid,
        match: await matchFor(cloud, openid, [APPLIANCE_REPAIR]),
      })),
    );
    const reply = await expectExactlyOnce('order.create', m1!, m2!, ({ openid, match }, clientRequestId) =>
      cloud.as(openid).orders('order.create', {
        matchId: match.matchId,
        itemId: APPLIANCE_REPAIR,
        providerId: match.items[0]!.providers[0]!.providerId,
        note: '空调不制冷',
        clientRequestId,
      }),
    );
    expect(await cloud.count('orders', { matchId: m2!.match.matchId })).toBe(1);
    expect(reply.data).toMatchObject({ status: 'created' });
  });

  it('order.accept', async () => {
    const [twin, subject] = await twinOrders('created');
    await expectExactlyOnce('order.accept', twin, subject, byStaff('order.accept'));
    expect(await cloud.count('events', { entityId: subject.orderId, to: 'accepted' })).toBe(1);
  });

  it('order.decline', async () => {
    const [twin, subject] = await twinOrders('created');
    await expectExactlyOnce(
      'order.decline',
      twin,
      subject,
      byStaff('order.decline', { reason: '师傅都已排满' }),
    );
    expect(await cloud.count('events', { entityId: subject.orderId, to: 'declined' })).toBe(1);
  });

  it('order.cancel by the resident', async () => {
    const [twin, subject] = await twinOrders('created');
    await expectExactlyOnce('order.cancel', twin, subject, byResident('order.cancel'));
    expect(await cloud.count('events', { entityId: subject.orderId, to: 'cancelled' })).toBe(1);
  });

  it('order.cancel by the staff', async () => {
    const [twin, subject] = await twinOrders('accepted');
    await expectExactlyOnce(
      'order.cancel',
      twin,
      subject,
      byStaff('order.cancel', { reason: '师傅临时生病，无法上门' }),
    );
    expect(await cloud.count('events', { entityId: subject.orderId, to: 'cancelled' })).toBe(1);
  });

  it('order.done', async () => {
    const [twin, subject] = await twinOrders('accepted');
    await expectExactlyOnce('order.done', twin, subject, byStaff('order.done'));
    expect(await cloud.count('follow_ups', { orderId: subject.orderId })).toBe(1);
  });

  it('order.follow_up', async () => {
    const [twin, subject] = await twinOrders('done');
    await expectExactlyOnce('order.follow_up', twin, subject, byStaff('order.follow_up', FOLLOW_UP_INPUT));
    expect(await cloud.count('events', { entityId: subject.orderId, to: 'followed_up' })).toBe(1);
  });

  it('order.rate', async () => {
    const [twin, subject] = await twinOrders('followed_up');
    await expectExactlyOnce('order.rate', twin, subject, byResident('order.rate', { stars: 5, text: '' }));
    expect(await cloud.count('ratings', { orderId: subject.orderId })).toBe(1);
  });

  it('profile.bind', async () => {
    await expectExactlyOnce('profile.bind', 't-once-bind-1', 't-once-bind-2', (openid, clientRequestId) =>
      cloud.as(openid).call('profile', 'profile.bind', {
        orgUnitId: DEMO_GRID_ID,
        nickname: '新来的邻居',
        clientRequestId,
      }),
    );
  });

  it('profile.phone.set', async () => {
    const reply = await expectExactlyOnce(
      'profile.phone.set',
      { openid: 't-once-phone-1', phone: '13807759801' },
      { openid: 't-once-phone-2', phone: '13807759802' },
      ({ openid, phone }, clientRequestId) =>
        cloud.as(openid).call('profile', 'profile.phone.set', {
          method: 'typed',
          phone,
          consent: true,
          clientRequestId,
        }),
    );
    expect(reply.data).toMatchObject({ phone: '138****9802' });
  });

  it('provider.staff.invite', async () => {
    const reply = await expectExactlyOnce<string, StaffInviteReply>(
      'provider.staff.invite',
      PROVIDER,
      PROVIDER,
      (providerId, clientRequestId) =>
        cloud.as(MANAGER).call<StaffInviteReply>('provider-admin', 'provider.staff.invite', {
          providerId,
          position: 'member',
          clientRequestId,
        }),
    );
    expect(await cloud.get('staff_invites', reply.data.inviteCode)).not.toBeNull();
  });

  it('provider.staff.bind', async () => {
    const codes = await Promise.all(
      [0, 1].map(async () => {
        const invited = await cloud
          .as(MANAGER)
          .call<StaffInviteReply>('provider-admin', 'provider.staff.invite', {
            providerId: PROVIDER,
            position: 'member',
            clientRequestId: cloud.requestId('invite'),
          });
        return ok(invited).inviteCode;
      }),
    );
    await expectExactlyOnce(
      'provider.staff.bind',
      { openid: 't-once-staff-1', code: codes[0]! },
      { openid: 't-once-staff-2', code: codes[1]! },
      ({ openid, code }, clientRequestId) =>
        cloud.as(openid).jobs('provider.staff.bind', { inviteCode: code, clientRequestId }),
    );
    const user = await cloud.get<{ grants: Array<{ providerId?: string }> }>('users', 't-once-staff-2');
    expect(user?.grants.filter((g) => g.providerId === PROVIDER)).toHaveLength(1);
  });
});

describe('two staff members marking one order done at once, each with a request of their own', () => {
  it('one wins; the other is refused with ORDER_ILLEGAL_TRANSITION, never INTERNAL', async () => {
    // The resident's first-ranked provider, with a second staff member if it has only one.
    const residents = Array.from({ length: 5 }, () => nextResident());
    const match = await matchFor(cloud, residents[0]!, [APPLIANCE_REPAIR]);
    const providerId = match.items[0]!.providers[0]!.providerId;
    await secondStaffFor(providerId);
    const orders = await Promise.all(
      residents.map(async (resident) => {
        const order = await placeOrder(cloud, resident, APPLIANCE_REPAIR);
        await staffStep(cloud, order, 'order.accept');
        return order;
      }),
    );
    expect(orders.map((o) => [o.providerId, o.staff.length >= 2])).toEqual(
      orders.map(() => [providerId, true]),
    );
    const races = await Promise.all(
      orders.map((order) =>
        Promise.all(
          order.staff.slice(0, 2).map((openid) =>
            cloud.as(openid).jobs('order.done', {
              orderId: order.orderId,
              clientRequestId: cloud.requestId('done-race'),
            }),
          ),
        ),
      ),
    );
    for (const [i, replies] of races.entries()) {
      expect(replies.map((r) => r.code).sort()).toEqual(['OK', 'ORDER_ILLEGAL_TRANSITION']);
      const orderId = orders[i]!.orderId;
      expect(await cloud.count('follow_ups', { orderId })).toBe(1);
      expect(await cloud.count('events', { entityId: orderId, to: 'done' })).toBe(1);
    }
  });
});

/** Bind one more staff member to the provider when it has fewer than two (invited by one of its managers). */
async function secondStaffFor(providerId: string): Promise<void> {
  if ((await cloud.staffOf(providerId)).length >= 2) return;
  const users = await cloud.find<{
    openid: string;
    grants: Array<{ providerId?: string; position?: string }>;
  }>('users', { 'grants.providerId': providerId });
  const manager = users.find((u) =>
    u.grants.some((g) => g.providerId === providerId && g.position === 'manager'),
  );
  if (manager === undefined) throw new Error(`no manager of ${providerId}`);
  const invited = await cloud
    .as(manager.openid)
    .call<StaffInviteReply>('provider-admin', 'provider.staff.invite', {
      providerId,
      position: 'member',
      clientRequestId: cloud.requestId('invite-second'),
    });
  ok(
    await cloud.as('t-once-second-staff').jobs('provider.staff.bind', {
      inviteCode: ok(invited).inviteCode,
      clientRequestId: cloud.requestId('bind-second'),
    }),
  );
}
