/**
 * Bad input and wrong roles, through the deployed functions as the callers themselves: each is refused with
 * its stable code (docs/functions.md) and NOTHING is written — no collection gains or changes a document
 * (the whole database's write mark is the same before and after), no message is sent.
 */
import { functionCloud, type Reply } from './support/function-cloud';
import { expectRefusedWritingNothing } from './support/platform-writes';
import {
  APPLIANCE_REPAIR,
  FAR_RESIDENT,
  FOLLOW_UP_INPUT,
  orderThrough,
  writeResidents,
  type PlacedOrder,
} from './support/order-loop';

const cloud = functionCloud();

const RESIDENT = 't-reject-resident';
const NEIGHBOUR = 't-reject-neighbour';
const GRID_WORKER = 'demo-grid-worker-1';
const OTHER_STAFF = 'sim-staff-prv-000002';

let created: PlacedOrder;
let accepted: PlacedOrder;
let done: PlacedOrder;

beforeAll(async () => {
  await writeResidents(cloud, [RESIDENT, NEIGHBOUR]);
  created = await orderThrough(cloud, RESIDENT, APPLIANCE_REPAIR, 'created');
  accepted = await orderThrough(cloud, RESIDENT, 'item-beauty-hairdressing', 'accepted');
  done = await orderThrough(cloud, RESIDENT, 'item-fitness', 'done');
  expect(new Set([created, accepted, done].map((o) => o.providerId)).size).toBe(3);
  // Everyone may be sent messages, so a refusal that slipped through would show in the outbox too.
  for (const o of [created, accepted, done]) for (const s of o.staff) cloud.grant(s, 'TPL_ORDER_NEW');
  cloud.grant(RESIDENT, 'TPL_ORDER_STATUS');
});

interface Case {
  readonly name: string;
  readonly as: () => string | null;
  readonly fn: string;
  /** The whole event (command and input), built when the case runs. */
  readonly event: () => unknown;
  readonly code: string;
}

const rid = (label: string) => cloud.requestId(label);
const cmd = (command: string, input: () => Record<string, unknown>) => () => ({ command, input: input() });

const BAD_INPUT: readonly Case[] = [
  {
    name: 'no command',
    as: () => RESIDENT,
    fn: 'orders',
    event: () => ({ input: {} }),
    code: 'INVALID_INPUT',
  },
  {
    name: 'an unknown command',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.explode', () => ({})),
    code: 'UNKNOWN_COMMAND',
  },
  {
    name: 'a command named after an Object.prototype member',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('constructor', () => ({})),
    code: 'UNKNOWN_COMMAND',
  },
  {
    name: 'another function’s command',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.accept', () => ({ orderId: created.orderId, clientRequestId: rid('wrong-fn') })),
    code: 'UNKNOWN_COMMAND',
  },
  {
    name: 'a match without items',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('match.request', () => ({ itemIds: [] })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'a match of an unknown item',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('match.request', () => ({ itemIds: ['item-unknown'] })),
    code: 'CATALOG_ITEM_NOT_FOUND',
  },
  {
    name: 'an order without a request id',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: created.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId: created.providerId,
    })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'an order with a malformed request id',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: created.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId: created.providerId,
      clientRequestId: 'short',
    })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'an order with a non-string item',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: created.matchId,
      itemId: 42,
      providerId: created.providerId,
    })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'an order with a service address over 100 characters',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: created.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId: created.providerId,
      serviceAddress: '金港花园'.repeat(26),
      clientRequestId: rid('long-address'),
    })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'an order from an unknown match',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: 'no-such-match',
      itemId: APPLIANCE_REPAIR,
      providerId: created.providerId,
      clientRequestId: rid('no-match'),
    })),
    code: 'MATCH_NOT_FOUND',
  },
  {
    name: 'an order from a provider the match did not offer',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: created.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId: 'prv-000060',
      clientRequestId: rid('not-offered'),
    })),
    code: 'MATCH_CANDIDATE_NOT_FOUND',
  },
  {
    name: 'an order of an item the match was not for',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: created.matchId,
      itemId: 'item-fitness',
      providerId: created.providerId,
      clientRequestId: rid('other-item'),
    })),
    code: 'MATCH_CANDIDATE_NOT_FOUND',
  },
  {
    name: 'a request id reused for another command',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.cancel', () => ({
      orderId: created.orderId,
      clientRequestId: created.createRequestId,
    })),
    code: 'IDEMPOTENCY_KEY_REUSED',
  },
  {
    name: 'a rating of six stars',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.rate', () => ({ orderId: done.orderId, stars: 6, clientRequestId: rid('six') })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'a rating of 3.5 stars',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.rate', () => ({ orderId: done.orderId, stars: 3.5, clientRequestId: rid('half') })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'a rating before the job is done',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.rate', () => ({ orderId: accepted.orderId, stars: 5, clientRequestId: rid('early') })),
    code: 'ORDER_ILLEGAL_TRANSITION',
  },
  {
    name: 'a cancellation after acceptance without a reason',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.cancel', () => ({ orderId: accepted.orderId, clientRequestId: rid('no-reason') })),
    code: 'ORDER_REASON_REQUIRED',
  },
  {
    name: 'the detail of an unknown order',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.detail', () => ({ orderId: 'no-such-order' })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'a list page of 51',
    as: () => RESIDENT,
    fn: 'orders',
    event: cmd('order.list', () => ({ as: 'resident', pageSize: 51 })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'a decline without a reason',
    as: () => created.staff[0]!,
    fn: 'jobs',
    event: cmd('order.decline', () => ({ orderId: created.orderId, clientRequestId: rid('decline') })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'done before acceptance',
    as: () => created.staff[0]!,
    fn: 'jobs',
    event: cmd('order.done', () => ({ orderId: created.orderId, clientRequestId: rid('done-early') })),
    code: 'ORDER_ILLEGAL_TRANSITION',
  },
  {
    name: 'a follow-up by an unknown channel',
    as: () => done.staff[0]!,
    fn: 'jobs',
    event: cmd('order.follow_up', () => ({
      orderId: done.orderId,
      ...FOLLOW_UP_INPUT,
      channel: 'email',
      clientRequestId: rid('channel'),
    })),
    code: 'INVALID_INPUT',
  },
  {
    name: 'a follow-up before the job is done',
    as: () => accepted.staff[0]!,
    fn: 'jobs',
    event: cmd('order.follow_up', () => ({
      orderId: accepted.orderId,
      ...FOLLOW_UP_INPUT,
      clientRequestId: rid('fu-early'),
    })),
    code: 'ORDER_ILLEGAL_TRANSITION',
  },
  {
    name: 'accepting an unknown order',
    as: () => created.staff[0]!,
    fn: 'jobs',
    event: cmd('order.accept', () => ({ orderId: 'no-such-order', clientRequestId: rid('unknown') })),
    code: 'ORDER_NOT_FOUND',
  },
];

// An order (or match) someone may not see answers as an unknown id does: ORDER_NOT_FOUND, MATCH_NOT_FOUND. Whoever
// may see it but not take the step gets the matrix's refusal.
const WRONG_ROLES: readonly Case[] = [
  {
    name: 'no WeChat identity (an admin SDK call)',
    as: () => null,
    fn: 'orders',
    event: cmd('order.list', () => ({ as: 'resident' })),
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'someone who has not bound a unit, matching',
    as: () => 't-reject-unbound',
    fn: 'orders',
    event: cmd('match.request', () => ({ itemIds: [APPLIANCE_REPAIR] })),
    code: 'PROFILE_UNIT_REQUIRED',
  },
  {
    name: 'a neighbour ordering from the resident’s match',
    as: () => NEIGHBOUR,
    fn: 'orders',
    event: cmd('order.create', () => ({
      matchId: created.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId: created.match.items[0]!.providers[1]!.providerId,
      clientRequestId: rid('neighbour'),
    })),
    code: 'MATCH_NOT_FOUND',
  },
  {
    name: 'a neighbour cancelling the resident’s order',
    as: () => NEIGHBOUR,
    fn: 'orders',
    event: cmd('order.cancel', () => ({ orderId: created.orderId, clientRequestId: rid('n-cancel') })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'a resident far away viewing the order',
    as: () => FAR_RESIDENT,
    fn: 'orders',
    event: cmd('order.detail', () => ({ orderId: created.orderId })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'a neighbour rating the resident’s order',
    as: () => NEIGHBOUR,
    fn: 'orders',
    event: cmd('order.rate', () => ({ orderId: done.orderId, stars: 1, clientRequestId: rid('n-rate') })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'the provider’s staff rating the job',
    as: () => done.staff[0]!,
    fn: 'orders',
    event: cmd('order.rate', () => ({ orderId: done.orderId, stars: 5, clientRequestId: rid('s-rate') })),
    code: 'OUT_OF_SCOPE',
  },
  {
    name: 'the resident accepting their own order',
    as: () => RESIDENT,
    fn: 'jobs',
    event: cmd('order.accept', () => ({ orderId: created.orderId, clientRequestId: rid('self-accept') })),
    code: 'PERMISSION_DENIED',
  },
  {
    name: 'a grid worker accepting',
    as: () => GRID_WORKER,
    fn: 'jobs',
    event: cmd('order.accept', () => ({ orderId: created.orderId, clientRequestId: rid('w-accept') })),
    code: 'PERMISSION_DENIED',
  },
  {
    name: 'another provider’s staff accepting',
    as: () => OTHER_STAFF,
    fn: 'jobs',
    event: cmd('order.accept', () => ({ orderId: created.orderId, clientRequestId: rid('o-accept') })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'another provider’s staff declining',
    as: () => OTHER_STAFF,
    fn: 'jobs',
    event: cmd('order.decline', () => ({
      orderId: created.orderId,
      reason: '抢单',
      clientRequestId: rid('o-decline'),
    })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'another provider’s staff finishing',
    as: () => OTHER_STAFF,
    fn: 'jobs',
    event: cmd('order.done', () => ({ orderId: accepted.orderId, clientRequestId: rid('o-done') })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'another provider’s staff cancelling',
    as: () => OTHER_STAFF,
    fn: 'jobs',
    event: cmd('order.cancel', () => ({
      orderId: accepted.orderId,
      reason: '代为取消',
      clientRequestId: rid('o-cancel'),
    })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'another provider’s staff recording the follow-up',
    as: () => OTHER_STAFF,
    fn: 'jobs',
    event: cmd('order.follow_up', () => ({
      orderId: done.orderId,
      ...FOLLOW_UP_INPUT,
      clientRequestId: rid('o-fu'),
    })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'the resident recording the follow-up',
    as: () => RESIDENT,
    fn: 'jobs',
    event: cmd('order.follow_up', () => ({
      orderId: done.orderId,
      ...FOLLOW_UP_INPUT,
      clientRequestId: rid('r-fu'),
    })),
    code: 'PERMISSION_DENIED',
  },
  {
    name: 'another provider’s staff viewing the job',
    as: () => OTHER_STAFF,
    fn: 'jobs',
    event: cmd('order.detail', () => ({ orderId: created.orderId })),
    code: 'ORDER_NOT_FOUND',
  },
  {
    name: 'a resident listing a provider’s jobs',
    as: () => RESIDENT,
    fn: 'jobs',
    event: cmd('order.list', () => ({ as: 'provider_staff' })),
    code: 'PERMISSION_DENIED',
  },
  {
    name: 'a client calling the expiry timer with a command',
    as: () => RESIDENT,
    fn: 'order-timers',
    event: cmd('expire', () => ({})),
    code: 'UNKNOWN_COMMAND',
  },
  {
    name: 'a client pretending to be the timer trigger',
    as: () => RESIDENT,
    fn: 'order-timers',
    event: () => ({ Type: 'Timer', TriggerName: 'every5Minutes', Time: new Date().toISOString() }),
    code: 'INVALID_INPUT',
  },
  {
    name: 'a client calling the nightly recount',
    as: () => GRID_WORKER,
    fn: 'reputation-nightly',
    event: cmd('recount', () => ({})),
    code: 'UNKNOWN_COMMAND',
  },
  {
    name: 'a client calling the nightly housekeeping',
    as: () => GRID_WORKER,
    fn: 'housekeeping',
    event: cmd('purge', () => ({})),
    code: 'UNKNOWN_COMMAND',
  },
];

const refused = (c: Case): Promise<Reply> =>
  expectRefusedWritingNothing(cloud, () => cloud.as(c.as()).raw(c.fn, c.event()), c.code);

describe('bad input is refused with its code, and nothing is written', () => {
  it.each(BAD_INPUT.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const reply = await refused(c);
    if (reply.code === 'INVALID_INPUT' && reply.data !== undefined) {
      // Which field is wrong, for the form to show.
      expect((reply.data as { details: { issues: unknown[] } }).details.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('wrong roles are refused with their code, and nothing is written', () => {
  it.each(WRONG_ROLES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await refused(c);
  });

  it('left every order as it was', async () => {
    const statuses = await Promise.all(
      [created, accepted, done].map(
        async (o) => (await cloud.get<{ status: string }>('orders', o.orderId))!.status,
      ),
    );
    expect(statuses).toEqual(['created', 'accepted', 'done']);
  });
});
