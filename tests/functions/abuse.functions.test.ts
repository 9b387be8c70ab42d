/**
 * The abuses reported on a fresh `npm start`, through the deployed functions on the demo data:
 * a provider's staff ordering from and rating their own provider; 200 identical match requests writing 800
 * documents; an unknown order and someone else's answering differently; free text shown to others unchecked;
 * a lone surrogate stored in a nickname. Each is refused or contained as docs/functions.md says.
 */
import { DEMO_GRID_ID } from '../../demo/demo.constants';
import type { MatchProvidersResult } from '../../core/matching/match.reply';
import { MINUTE_MS, functionCloud, type Reply } from './support/function-cloud';
import { expectRefusedWritingNothing } from './support/platform-writes';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  detailAs,
  matchFor,
  ok,
  orderThrough,
  placeOrder,
  rate,
  staffStep,
  writeResidents,
  type PlacedOrder,
} from './support/order-loop';

const cloud = functionCloud();

const COMMUNITY_WORKER = 'demo-community-worker-1';
const LATER_STAFF = 't-abuse-later-staff';
const SPAMMER = 't-abuse-spammer';
const NEIGHBOUR = 't-abuse-neighbour';
const NOWHERE_ITEM = 'item-t-nowhere';
const rid = (label: string) => cloud.requestId(label);

/** Start a minute of the clock's own, so the calls of a test share one rate-limit minute. */
function freshMinute(): void {
  cloud.shiftClock(MINUTE_MS - (cloud.now() % MINUTE_MS) + 1_000);
}

beforeAll(async () => {
  await writeResidents(cloud, [LATER_STAFF, SPAMMER, NEIGHBOUR]);
  // An item of the catalog nobody offers anywhere: every request for it is a gap.
  const item = (await cloud.get<Record<string, unknown>>('service_items', APPLIANCE_REPAIR))!;
  await cloud.insert('service_items', [{ ...item, _id: NOWHERE_ITEM, name: '测试项目（无人提供）' }]);
});

describe('a provider’s staff and their own provider', () => {
  test('match.request leaves it out of the list of its staff living nearby; naming it anyway is refused', async () => {
    const best = (await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR])).items[0]!.providers[0]!
      .providerId;
    const staff = (await cloud.staffOf(best))[0]!;
    ok(
      await cloud
        .as(staff)
        .call('profile', 'profile.bind', { orgUnitId: DEMO_GRID_ID, clientRequestId: rid('home') }),
    );
    const staffList = await matchFor(cloud, staff, [APPLIANCE_REPAIR]);
    expect(staffList.items[0]!.providers.map((p) => p.providerId)).not.toContain(best);
    await expectRefusedWritingNothing(
      cloud,
      () =>
        cloud.as(staff).orders('order.create', {
          matchId: staffList.matchId,
          itemId: APPLIANCE_REPAIR,
          providerId: best,
          clientRequestId: rid('self-order'),
        }),
      'MATCH_CANDIDATE_NOT_FOUND',
    );
  });

  test('order.rate refuses a resident who became staff of the provider after ordering', async () => {
    const order = await orderThrough(cloud, LATER_STAFF, APPLIANCE_REPAIR, 'done');
    const grants = [{ role: 'provider_staff', providerId: order.providerId, position: 'member' }];
    await cloud.update('users', LATER_STAFF, { grants: cloud.db.command.set(grants) });
    const before = (await cloud.get<{ reputation: number }>('providers', order.providerId))!.reputation;
    await expectRefusedWritingNothing(cloud, () => rate(cloud, order, 5, '师傅很好'), 'RATING_OWN_PROVIDER');
    expect((await cloud.get<{ reputation: number }>('providers', order.providerId))!.reputation).toBe(before);
  });
});

describe('a burst of 5-star ratings from new accounts', () => {
  test('the first two count at once; the rest wait in the community worker’s queue', async () => {
    const raters = ['t-abuse-new-1', 't-abuse-new-2', 't-abuse-new-3'];
    await writeResidents(cloud, raters); // copies of the demo resident: accounts made today
    const target = (await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR])).items[0]!.providers[0]!
      .providerId;
    const before = (await cloud.get<{ ratingCount: number }>('providers', target))!.ratingCount;
    for (const rater of raters) {
      const list = (await matchFor(cloud, rater, [APPLIANCE_REPAIR])).items[0]!.providers;
      const rank = list.findIndex((p) => p.providerId === target) + 1;
      const order = await orderThrough(cloud, rater, APPLIANCE_REPAIR, 'done', { rank });
      expect(ok(await rate(cloud, order, 5))).toMatchObject({ status: 'rated', stars: 5 });
    }
    expect((await cloud.get<{ ratingCount: number }>('providers', target))!.ratingCount).toBe(before + 2);
    const queue = ok(
      await cloud
        .as(COMMUNITY_WORKER)
        .call<{ items: { kind: string; holdReason: string; text: string }[] }>(
          'moderation',
          'moderation.list',
          {
            pageSize: 50,
          },
        ),
    );
    expect(queue.items.filter((i) => i.kind === 'rating_stars')).toEqual([
      expect.objectContaining({ holdReason: 'new_account_burst', text: '5星' }),
    ]);
  });
});

describe('match.request, called again and again', () => {
  test('answers from one match, records each gap once, and is limited per minute', async () => {
    freshMinute();
    const matchesBefore = await cloud.count('matches', { residentOpenid: SPAMMER });
    const replies: Reply<MatchProvidersResult>[] = [];
    for (let i = 0; i < 40; i += 1) {
      replies.push(
        await cloud.as(SPAMMER).orders<MatchProvidersResult>('match.request', { itemIds: [NOWHERE_ITEM] }),
      );
    }
    const answered = replies.filter((r) => r.code === 'OK');
    expect(answered).toHaveLength(30);
    expect(new Set(answered.map((r) => r.data.matchId)).size).toBe(1);
    expect(answered[0]!.data.items[0]).toMatchObject({ gap: true, providers: [] });
    expect(replies.slice(30).map((r) => r.code)).toEqual(Array(10).fill('RATE_LIMITED'));
    expect(replies[30]).toMatchObject({
      message: '操作太频繁，请稍后再试',
      data: { details: { command: 'match.request', limitPerMinute: 30, retryAfterMs: expect.any(Number) } },
    });
    expect(await cloud.count('matches', { residentOpenid: SPAMMER })).toBe(matchesBefore + 1);
    expect(await cloud.count('match_gaps', { itemId: NOWHERE_ITEM })).toBe(1);

    // The next minute it answers again, from the same match, and the gap is not counted twice that day.
    freshMinute();
    const again = ok(
      await cloud.as(SPAMMER).orders<MatchProvidersResult>('match.request', { itemIds: [NOWHERE_ITEM] }),
    );
    expect(again.matchId).toBe(answered[0]!.data.matchId);
    expect(await cloud.count('match_gaps', { itemId: NOWHERE_ITEM })).toBe(1);
  });
});

describe('an order someone may not see', () => {
  let order: PlacedOrder;
  let otherStaff: string;
  beforeAll(async () => {
    order = await placeOrder(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR);
    const other = order.match.items[0]!.providers.find((p) => p.providerId !== order.providerId)!;
    otherStaff = (await cloud.staffOf(other.providerId))[0]!;
  });

  const cases: [string, string, string, string, Record<string, unknown>][] = [
    ['order.detail on orders, by another resident', NEIGHBOUR, 'orders', 'order.detail', {}],
    [
      'order.rate on orders, by another resident',
      NEIGHBOUR,
      'orders',
      'order.rate',
      { stars: 5, text: '很好' },
    ],
    ['order.accept on jobs, by another provider’s staff', 'other-staff', 'jobs', 'order.accept', {}],
  ];
  test.each(cases)(
    '%s answers as an unknown id does, writing nothing',
    async (_name, who, fn, command, extra) => {
      const caller = who === 'other-staff' ? otherStaff : who;
      const call = (orderId: string) => (): Promise<Reply> =>
        cloud.as(caller).call(fn, command, { orderId, clientRequestId: rid('stranger'), ...extra });
      const theirs = await expectRefusedWritingNothing(cloud, call(order.orderId), 'ORDER_NOT_FOUND');
      const unknown = await expectRefusedWritingNothing(cloud, call('no-such-order'), 'ORDER_NOT_FOUND');
      expect(theirs.message).toBe(unknown.message);
    },
  );
});

describe('free text others read', () => {
  test('a risky decline reason is refused with its own code, writing nothing', async () => {
    const order = await placeOrder(cloud, NEIGHBOUR, APPLIANCE_REPAIR);
    await expectRefusedWritingNothing(
      cloud,
      () =>
        cloud.as(order.staff[0]!).jobs('order.decline', {
          orderId: order.orderId,
          reason: '来玩网络博彩吧',
          clientRequestId: rid('decline'),
        }),
      'DECLINE_REASON_RISKY',
    );
  });

  test('a note held for review reaches the staff only once the community worker approves it', async () => {
    const note = '加微信领红包，下午在家';
    const order = await placeOrder(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR, { note });
    const staff = order.staff[0]!;
    expect(ok(await detailAs(cloud, DEMO_RESIDENT, order.orderId)).order.note).toBe(note);
    expect(ok(await detailAs(cloud, staff, order.orderId, 'jobs')).order.note).toBe('');
    const newOrder = cloud
      .outbox({ touser: staff, templateId: 'TPL_ORDER_NEW' })
      .find((m) => m.page.endsWith(`orderId=${order.orderId}`));
    expect(JSON.stringify(newOrder?.data ?? {})).not.toContain('红包');

    await expectRefusedWritingNothing(
      cloud,
      () => cloud.as(DEMO_RESIDENT).call('moderation', 'moderation.list', {}),
      'PERMISSION_DENIED',
    );
    const worker = cloud.as(COMMUNITY_WORKER);
    const queue = ok(
      await worker.call<{ items: { itemId: string; kind: string; orderId: string }[] }>(
        'moderation',
        'moderation.list',
        {},
      ),
    );
    const item = queue.items.find((i) => i.orderId === order.orderId)!;
    expect(item).toMatchObject({ kind: 'order_note' });
    ok(
      await worker.call('moderation', 'moderation.decide', {
        itemId: item.itemId,
        decision: 'approve',
        clientRequestId: rid('approve'),
      }),
    );
    expect(ok(await detailAs(cloud, staff, order.orderId, 'jobs')).order.note).toBe(note);
    await staffStep(cloud, order, 'order.accept');
  });
});

describe('malformed text', () => {
  test('a nickname with a lone surrogate is refused, writing nothing', async () => {
    const reply = await expectRefusedWritingNothing(
      cloud,
      () =>
        cloud.as(NEIGHBOUR).call('profile', 'profile.bind', {
          orgUnitId: '450902001001001',
          nickname: '黄\uD83D',
          clientRequestId: rid('bind-surrogate'),
        }),
      'INVALID_INPUT',
    );
    expect(reply.message).toBe('称呼包含无法识别的字符，请删除后重新输入');
  });
});
