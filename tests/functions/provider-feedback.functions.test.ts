/**
 * 差评 follow-up, second ratings, appeals and complaints through the real `orders` and `providers` functions
 * (and `provider-timers`) on the local cloud (docs/governance.md): a 1-star rating on a Friday afternoon opens a
 * ticket whose contact is due by the end of Monday; contact and resolve; the resident rates once more and the
 * aggregates equal a recount; an upheld appeal takes a rating out, a dismissed one keeps it; an upheld
 * complaint lowers the reputation by the formula's complaint part; the ticket timer run twice tells once; and
 * every refusal (role, scope, state, bad input) answers a code and a Chinese message and writes nothing.
 */
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import type { FeedbackTicket, RatingAppeal } from '../../core/model/feedback.model';
import type { Complaint, Order, Rating } from '../../core/model/order.model';
import type { Provider } from '../../core/model/provider.model';
import type {
  AppealListResult,
  AppealResult,
  ComplaintListResult,
  ComplaintStepResult,
  FeedbackTicketListResult,
  FeedbackTicketStepResult,
  RerateResult,
} from '../../core/providers/feedback.replies';
import { providerReputation } from '../../core/reputation/provider-reputation';
import { recomputeRatingAggregate } from '../../core/reputation/ratings.aggregate';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { functionCloud, DAY_MS, type Reply } from './support/function-cloud';
import {
  APPLIANCE_REPAIR,
  ok,
  orderThrough,
  rate,
  writeResidents,
  type PlacedOrder,
} from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';
import { writeUser } from './support/role-actors';

/** Friday 2025-03-14 14:00 Asia/Shanghai: a 差评 now is due for contact by the end of Monday. */
const FRIDAY_AFTERNOON = Date.UTC(2025, 2, 14, 6, 0, 0);
const cloud = functionCloud({ startAt: FRIDAY_AFTERNOON });

/** The last millisecond of a day in Asia/Shanghai. */
const endOfShanghaiDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d + 1, -8, 0, 0) - 1;

const PROVIDER = DEMO_REFS.providerId;
const MANAGER = 'demo-provider-manager-1';
const WORKER = 'demo-community-worker-1';
const LEADER = 'demo-community-leader-1';
/** A manager of another provider, a worker of another community, residents of the demo grid. */
const OTHER_MANAGER = 'fb-other-manager';
const FAR_WORKER = 'fb-far-worker';
const RESIDENTS = ['fb-resident-1', 'fb-resident-2', 'fb-resident-3', 'fb-resident-4', 'fb-resident-5'];
const NEIGHBOUR = 'fb-neighbour';

let residentSeq = 0;
/** A fresh resident of the demo grid for each order (their own rate limits). */
function nextResident(): string {
  const r = RESIDENTS[residentSeq % RESIDENTS.length]!;
  residentSeq += 1;
  return r;
}

function call<T>(openid: string, command: string, input: unknown = {}): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('providers', command, input);
}

function write<T>(openid: string, command: string, input: Record<string, unknown>): Promise<Reply<T>> {
  return call<T>(openid, command, { ...input, clientRequestId: cloud.requestId(command.replace(/\W/g, '')) });
}

/** An item the demo provider offers to the demo grid (found in beforeAll through match.request). */
let ITEM = APPLIANCE_REPAIR;

async function rankOf(resident: string, itemId: string): Promise<number> {
  const match = ok(
    await cloud.as(resident).orders<{ items: { providers: { providerId: string }[] }[] }>('match.request', {
      itemIds: [itemId],
    }),
  );
  return (match.items[0]?.providers ?? []).findIndex((p) => p.providerId === PROVIDER) + 1;
}

/** A done order of the demo provider (the one the manager manages) for a fresh resident. */
async function doneOrder(resident = nextResident()): Promise<PlacedOrder> {
  const rank = await rankOf(resident, ITEM);
  if (rank === 0) throw new Error(`${PROVIDER} is not offered for ${ITEM}`);
  return orderThrough(cloud, resident, ITEM, 'done', { rank });
}

const ticketOf = async (order: PlacedOrder) =>
  cloud.get<FeedbackTicket>('feedback_tickets', `ft-rat-${order.orderId}`);
const ratingOf = async (order: PlacedOrder) => (await cloud.get<Rating>('ratings', `rat-${order.orderId}`))!;
const providerDoc = async () => (await cloud.get<Provider>('providers', PROVIDER))!;

/** The provider's stored rating aggregates against a recount of its counted ratings. */
async function expectAggregatesEqualRecount(): Promise<void> {
  const ratings = await cloud.find<Rating>('ratings', { providerId: PROVIDER }, 1000);
  const recount = recomputeRatingAggregate(ratings.filter((r) => r.counted !== false));
  const stored = await providerDoc();
  expect({
    ratingCount: stored.ratingCount,
    ratingSum: stored.ratingSum,
    starCounts: stored.starCounts,
  }).toEqual(recount);
  // The cached reputation is the formula's output over the stored aggregates, and the offerings carry it.
  expect(stored.reputation).toBe(providerReputation(stored, DEFAULT_PLATFORM_CONFIG).score);
  const offerings = await cloud.find<{ reputation: number }>('offerings', { providerId: PROVIDER }, 200);
  for (const o of offerings) expect(o.reputation).toBe(stored.reputation);
}

const todoTo = (openid: string, orderId: string) =>
  cloud
    .outbox({ touser: openid, templateId: 'TPL_FEEDBACK_TODO' })
    .filter((m) => m.page.endsWith(`orderId=${encodeURIComponent(orderId)}`));

beforeAll(async () => {
  await writeResidents(cloud, [...RESIDENTS, NEIGHBOUR]);
  // Long-standing accounts: their stars count at once (a burst from new accounts would be held, decision 0013).
  for (const r of [...RESIDENTS, NEIGHBOUR])
    await cloud.update('users', r, { createdAt: cloud.now() - 90 * DAY_MS });
  await writeUser(cloud, OTHER_MANAGER, [
    { role: 'provider_staff', providerId: 'prv-000002', position: 'manager', orgPath: DEMO_PATHS.community },
  ]);
  await writeUser(cloud, FAR_WORKER, [{ role: 'worker', orgPath: DEMO_PATHS.secondCommunity }]);
  const offered = await cloud.find<{ itemId: string }>(
    'offerings',
    { providerId: PROVIDER, active: true },
    50,
  );
  let found = false;
  for (const { itemId } of offered) {
    if ((await rankOf(NEIGHBOUR, itemId)) > 0) {
      ITEM = itemId;
      found = true;
      break;
    }
  }
  if (!found) throw new Error(`${PROVIDER} serves nothing to the demo grid`);
  for (const openid of [MANAGER, WORKER, LEADER, OTHER_MANAGER, ...RESIDENTS, NEIGHBOUR]) {
    for (const t of ['TPL_FEEDBACK_TODO', 'TPL_ORDER_STATUS', 'TPL_ORDER_NEW', 'TPL_REVIEW_REMINDER']) {
      cloud.grant(openid, t, 200);
    }
  }
});

describe('差评 follow-up tickets', () => {
  let order: PlacedOrder;

  test('a 1-star rating on a Friday afternoon opens a ticket: contact due Monday, fix due next Friday; the manager and the unit told', async () => {
    order = await doneOrder();
    ok(await rate(cloud, order, 1, '师傅迟到两个小时，修完还是不制冷'));
    const ticket = (await ticketOf(order))!;
    expect(ticket).toMatchObject({
      status: 'open',
      stars: 1,
      providerId: PROVIDER,
      residentOpenid: order.resident,
      orgPath: DEMO_PATHS.grid,
      contactDueAt: endOfShanghaiDay(2025, 3, 17),
      fixDueAt: endOfShanghaiDay(2025, 3, 21),
      contactOverdueAt: null,
    });
    expect(todoTo(MANAGER, order.orderId)).toHaveLength(1);
    expect(todoTo(WORKER, order.orderId)).toHaveLength(1);

    // Both views list it with its clocks; a 3-star rating opens none.
    const unit = ok(await call<FeedbackTicketListResult>(WORKER, 'feedback.ticket.list', { view: 'unit' }));
    const seen = unit.items.find((t) => t.orderId === order.orderId)!;
    expect(seen).toMatchObject({ levelLabel: '非常不满意', contactOverdue: false, fixOverdue: false });
    expect(seen.actions).toEqual({ canContact: false, canResolve: false });
    const mine = ok(
      await call<FeedbackTicketListResult>(MANAGER, 'feedback.ticket.list', { view: 'provider' }),
    );
    expect(mine.items.find((t) => t.orderId === order.orderId)!.actions.canContact).toBe(true);
    const fine = await doneOrder();
    ok(await rate(cloud, fine, 3));
    expect(await ticketOf(fine)).toBeNull();
  });

  test('ticket refusals write nothing', async () => {
    const ticketId = `ft-rat-${order.orderId}`;
    const contact = { ticketId, channel: 'phone', note: '已电话联系居民，约定周一上门复修' };
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'feedback.ticket.resolve', { ticketId, outcome: 'fixed', note: '已修好' }),
      'FEEDBACK_TICKET_NOT_CONTACTED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'feedback.ticket.contact', contact),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(OTHER_MANAGER, 'feedback.ticket.contact', contact),
      'OUT_OF_SCOPE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'feedback.ticket.contact', { ...contact, channel: 'fax' }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'feedback.ticket.contact', { ...contact, ticketId: 'ft-none' }),
      'OUT_OF_SCOPE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => call(order.resident, 'feedback.ticket.list', { view: 'unit' }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(order.resident, 'rating.rerate', { orderId: order.orderId, stars: 4 }),
      'RERATE_NOT_AVAILABLE',
    );
  });

  test('contact, then resolve: the resident is told and may rate once more; the second rating replaces the first', async () => {
    const ticketId = `ft-rat-${order.orderId}`;
    const contacted = ok(
      await write<FeedbackTicketStepResult>(MANAGER, 'feedback.ticket.contact', {
        ticketId,
        channel: 'phone',
        note: '已电话联系居民，约定周一上门复修',
      }),
    );
    expect(contacted).toMatchObject({ status: 'contacted', late: false });
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'feedback.ticket.contact', { ticketId, channel: 'visit', note: '再次联系' }),
      'FEEDBACK_TICKET_STATE',
    );
    const told = cloud
      .outbox({ touser: order.resident, templateId: 'TPL_ORDER_STATUS' })
      .filter((m) => m.page.endsWith(`orderId=${order.orderId}`)).length;
    const resolved = ok(
      await write<FeedbackTicketStepResult>(MANAGER, 'feedback.ticket.resolve', {
        ticketId,
        outcome: 'fixed',
        note: '已上门更换压缩机电容，居民确认制冷正常',
      }),
    );
    expect(resolved).toMatchObject({ status: 'resolved', late: false });
    const notices = cloud
      .outbox({ touser: order.resident, templateId: 'TPL_ORDER_STATUS' })
      .filter((m) => m.page.endsWith(`orderId=${order.orderId}`));
    expect(notices).toHaveLength(told + 1);
    expect(notices[0]!.data.phrase1!.value).toBe('可再评价');

    const ratingsBefore = await cloud.count('ratings', { orderId: order.orderId });
    const before = await providerDoc();
    // Nobody else may rate for the resident: a worker (a resident elsewhere too), a neighbour; someone else's
    // order answers like one that does not exist (the same answer as a made-up id).
    for (const [caller, orderId] of [
      [WORKER, order.orderId],
      [NEIGHBOUR, order.orderId],
      [order.resident, 'ord-does-not-exist'],
    ] as const) {
      const refused = await expectRefusedWritingNothing(
        cloud,
        () => write(caller, 'rating.rerate', { orderId, stars: 5 }),
        'ORDER_NOT_FOUND',
      );
      expect(JSON.stringify(refused)).not.toContain(order.resident);
    }
    const rerated = ok(
      await write<RerateResult>(order.resident, 'rating.rerate', {
        orderId: order.orderId,
        stars: 4,
        text: '复修后正常',
      }),
    );
    expect(rerated).toMatchObject({ stars: 4, previousStars: 1 });
    await expectRefusedWritingNothing(
      cloud,
      () => write(order.resident, 'rating.rerate', { orderId: order.orderId, stars: 5 }),
      'RERATE_ALREADY_DONE',
    );
    // Still one rating for the order; the first is kept as `superseded`.
    expect(await cloud.count('ratings', { orderId: order.orderId })).toBe(ratingsBefore);
    const rating = await ratingOf(order);
    expect(rating).toMatchObject({ stars: 4, text: '复修后正常', residentOpenid: order.resident });
    expect(rating.superseded).toMatchObject({ stars: 1, text: '师傅迟到两个小时，修完还是不制冷' });
    const after = await providerDoc();
    expect(after.ratingCount).toBe(before.ratingCount);
    expect(after.ratingSum).toBe(before.ratingSum + 3);
    expect(after.starCounts[0]).toBe(before.starCounts[0] - 1);
    expect(after.starCounts[3]).toBe(before.starCounts[3] + 1);
    expect((await cloud.get<Order>('orders', order.orderId))!.stars).toBe(4);
    await expectAggregatesEqualRecount();
    // The ticket is about the 差评 as given: its stars and its text, not the second rating's.
    const tickets = ok(
      await call<FeedbackTicketListResult>(MANAGER, 'feedback.ticket.list', {
        view: 'provider',
        status: 'resolved',
        pageSize: 50,
      }),
    );
    expect(tickets.items.find((t) => t.orderId === order.orderId)).toMatchObject({
      stars: 1,
      ratingText: '师傅迟到两个小时，修完还是不制冷',
      rerated: true,
    });
  });
  test('a second text is content-checked: risky refused with nothing written, doubtful held for the unit', async () => {
    const order = await doneOrder();
    ok(await rate(cloud, order, 2, '没修好'));
    const ticketId = `ft-rat-${order.orderId}`;
    ok(await write(MANAGER, 'feedback.ticket.contact', { ticketId, channel: 'visit', note: '上门查看' }));
    ok(
      await write(MANAGER, 'feedback.ticket.resolve', { ticketId, outcome: 'explained', note: '已说明原因' }),
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(order.resident, 'rating.rerate', { orderId: order.orderId, stars: 3, text: '来玩网络博彩吧' }),
      'RERATE_TEXT_RISKY',
    );
    const held = ok(
      await write<RerateResult>(order.resident, 'rating.rerate', {
        orderId: order.orderId,
        stars: 3,
        text: '加微信领红包，服务一般',
      }),
    );
    expect(held).toMatchObject({ stars: 3, previousStars: 2, textVisible: false });
    // In the unit's moderation queue (its text is stored sealed, like every held text).
    const items = await cloud.find<{ kind: string; status: string }>(
      'moderation_items',
      { subjectId: `rat-${order.orderId}` },
      10,
    );
    expect(items).toEqual([
      expect.objectContaining({ kind: 'rating_text', status: 'pending', authorOpenid: order.resident }),
    ]);
    await expectAggregatesEqualRecount();
  });
});

describe('appeals', () => {
  test('an upheld appeal takes the rating out of the aggregates; a dismissed one keeps it; never decided by the provider', async () => {
    const upheld = await doneOrder();
    ok(await rate(cloud, upheld, 2, '差'));
    const dismissed = await doneOrder();
    ok(await rate(cloud, dismissed, 1, '很差'));
    const up = ok(
      await write<AppealResult>(MANAGER, 'rating.appeal', {
        ratingId: `rat-${upheld.orderId}`,
        reason: '该订单当天居民不在家，师傅未能入户，评价与事实不符',
      }),
    );
    expect(up.status).toBe('pending');
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'rating.appeal', { ratingId: `rat-${upheld.orderId}`, reason: '再申诉一次' }),
      'APPEAL_DUPLICATE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(OTHER_MANAGER, 'rating.appeal', { ratingId: `rat-${dismissed.orderId}`, reason: '恶意评价' }),
      'OUT_OF_SCOPE',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'rating.appeal', { ratingId: `rat-${dismissed.orderId}`, reason: '恶意评价' }),
      'PERMISSION_DENIED',
    );
    const down = ok(
      await write<AppealResult>(MANAGER, 'rating.appeal', {
        ratingId: `rat-${dismissed.orderId}`,
        reason: '恶意评价',
      }),
    );
    const decision = { appealId: up.appealId, upheld: true, reason: '经核实居民当天不在家' };
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'rating.appeal.decide', decision),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(FAR_WORKER, 'rating.appeal.decide', decision),
      'APPEAL_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'rating.appeal.decide', { ...decision, upheld: 'yes' }),
      'INVALID_INPUT',
    );

    const pending = ok(
      await call<AppealListResult>(WORKER, 'rating.appeal.list', { view: 'unit', status: 'pending' }),
    );
    expect(pending.items.map((a) => a.appealId)).toEqual(
      expect.arrayContaining([up.appealId, down.appealId]),
    );
    expect(pending.items.find((a) => a.appealId === up.appealId)!.actions.canDecide).toBe(true);

    const before = await providerDoc();
    ok(await write<AppealResult>(WORKER, 'rating.appeal.decide', decision));
    const after = await providerDoc();
    expect(after.ratingCount).toBe(before.ratingCount - 1);
    expect(after.ratingSum).toBe(before.ratingSum - 2);
    expect(after.starCounts[1]).toBe(before.starCounts[1] - 1);
    expect((await ratingOf(upheld)).counted).toBe(false);
    await expectAggregatesEqualRecount();
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'rating.appeal.decide', decision),
      'APPEAL_ALREADY_DECIDED',
    );

    ok(
      await write(LEADER, 'rating.appeal.decide', {
        appealId: down.appealId,
        upheld: false,
        reason: '服务确有不足',
      }),
    );
    expect(await providerDoc()).toMatchObject({ ratingCount: after.ratingCount, ratingSum: after.ratingSum });
    expect((await ratingOf(dismissed)).counted).not.toBe(false);
    expect((await cloud.get<RatingAppeal>('rating_appeals', down.appealId))!.status).toBe('dismissed');
  });
});

describe('complaints', () => {
  test('an upheld complaint lowers the reputation by the complaint part; the resident is told', async () => {
    const order = await doneOrder();
    const accepted = await orderThrough(cloud, nextResident(), ITEM, 'accepted', {
      rank: await rankOf(NEIGHBOUR, ITEM),
    });
    const complaint = { orderId: order.orderId, content: '收费比报价多了二十元', images: [] };
    await expectRefusedWritingNothing(
      cloud,
      () => write(accepted.resident, 'complaint.submit', { ...complaint, orderId: accepted.orderId }),
      'COMPLAINT_ORDER_NOT_FINISHED',
    );
    // Someone else's order, like a made-up id: not found, nothing written.
    for (const [caller, orderId] of [
      [NEIGHBOUR, order.orderId],
      [order.resident, 'ord-does-not-exist'],
    ] as const) {
      await expectRefusedWritingNothing(
        cloud,
        () => write(caller, 'complaint.submit', { ...complaint, orderId }),
        'ORDER_NOT_FOUND',
      );
    }
    await expectRefusedWritingNothing(
      cloud,
      () => write(order.resident, 'complaint.submit', { ...complaint, content: '' }),
      'INVALID_INPUT',
    );
    const submitted = ok(await write<ComplaintStepResult>(order.resident, 'complaint.submit', complaint));
    expect(submitted.status).toBe('submitted');
    await expectRefusedWritingNothing(
      cloud,
      () => write(order.resident, 'complaint.submit', complaint),
      'COMPLAINT_DUPLICATE',
    );
    const mine = ok(await call<ComplaintListResult>(order.resident, 'complaint.list', { view: 'mine' }));
    expect(mine.items.map((c) => c.complaintId)).toContain(submitted.complaintId);
    const unit = ok(
      await call<ComplaintListResult>(WORKER, 'complaint.list', { view: 'unit', status: 'submitted' }),
    );
    expect(unit.items.find((c) => c.complaintId === submitted.complaintId)!.actions.canDecide).toBe(true);

    const decision = {
      complaintId: submitted.complaintId,
      upheld: true,
      reply: '经核实属实，已责令退还差价',
    };
    // The industry regulator of the order's industry sees it; one of another industry neither sees nor decides it.
    const { industry } = (await cloud.get<Complaint>('complaints', submitted.complaintId))!;
    const otherIndustry = industry === 'health' ? 'education' : 'health';
    await writeUser(cloud, 'fb-regulator', [
      { role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry },
    ]);
    await writeUser(cloud, 'fb-other-regulator', [
      { role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry: otherIndustry },
    ]);
    const regulatorSees = async (openid: string) =>
      ok(
        await call<ComplaintListResult>(openid, 'complaint.list', { view: 'unit', status: 'submitted' }),
      ).items.some((c) => c.complaintId === submitted.complaintId);
    expect(await regulatorSees('fb-regulator')).toBe(true);
    expect(await regulatorSees('fb-other-regulator')).toBe(false);
    await expectRefusedWritingNothing(
      cloud,
      () => write('fb-other-regulator', 'complaint.decide', decision),
      'COMPLAINT_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(order.resident, 'complaint.decide', decision),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(FAR_WORKER, 'complaint.decide', decision),
      'COMPLAINT_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'complaint.decide', decision),
      'PERMISSION_DENIED',
    );

    const before = await providerDoc();
    const complaintPart = (p: Provider) =>
      providerReputation(p, DEFAULT_PLATFORM_CONFIG).components.find((c) => c.key === 'complaints')!.points;
    const decided = ok(await write<ComplaintStepResult>(WORKER, 'complaint.decide', decision));
    const after = await providerDoc();
    expect(after.upheldComplaints).toBe(before.upheldComplaints + 1);
    const expectedDrop = before.upheldComplaints * 5 >= 20 ? 0 : 5;
    expect(complaintPart(after)).toBe(complaintPart(before) - expectedDrop);
    expect(after.reputation).toBeCloseTo(before.reputation - expectedDrop, 5);
    expect(decided.reputation).toBe(after.reputation);
    await expectAggregatesEqualRecount();
    expect((await cloud.get<Complaint>('complaints', submitted.complaintId))!).toMatchObject({
      status: 'upheld',
      reply: decision.reply,
      handledBy: WORKER,
    });
    const told = cloud
      .outbox({ touser: order.resident, templateId: 'TPL_ORDER_STATUS' })
      .filter((m) => m.page.endsWith(`orderId=${order.orderId}`));
    expect(told[0]!.data.phrase1!.value).toBe('投诉属实');
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'complaint.decide', decision),
      'COMPLAINT_ALREADY_DECIDED',
    );
  });
});

describe('the ticket timer', () => {
  test('deadlines passing are marked once and told once, however often the timer runs; a late appeal is refused', async () => {
    const order = await doneOrder();
    ok(await rate(cloud, order, 2, '态度不好'));
    const ticket = (await ticketOf(order))!;
    // Past the contact deadline (the end of Monday), without running timers on the way.
    cloud.shiftClock(ticket.contactDueAt - cloud.now() + 60_000);
    const told = todoTo(MANAGER, order.orderId).length;
    const first = await cloud.fireTimer('provider-timers' as never);
    expect(first.code).toBe('OK');
    const second = await cloud.fireTimer('provider-timers' as never);
    expect(second.code).toBe('OK');
    const marked = (await ticketOf(order))!;
    expect(marked.contactOverdueAt).not.toBeNull();
    expect(marked.fixOverdueAt).toBeNull();
    const overdue = todoTo(MANAGER, order.orderId).slice(0, todoTo(MANAGER, order.orderId).length - told);
    expect(overdue.map((m) => m.data.phrase2!.value)).toEqual(['联系已逾期']);
    expect(todoTo(WORKER, order.orderId).filter((m) => m.data.phrase2!.value === '联系已逾期')).toHaveLength(
      1,
    );
    const listed = ok(
      await call<FeedbackTicketListResult>(WORKER, 'feedback.ticket.list', { view: 'unit', status: 'open' }),
    );
    expect(listed.items.find((t) => t.orderId === order.orderId)!.contactOverdue).toBe(true);

    // Five working days after the rating, the appeal window has closed.
    cloud.shiftClock(8 * DAY_MS);
    await expectRefusedWritingNothing(
      cloud,
      () => write(MANAGER, 'rating.appeal', { ratingId: `rat-${order.orderId}`, reason: '恶意评价' }),
      'APPEAL_TOO_LATE',
    );
  });
});
