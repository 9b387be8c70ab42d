/**
 * Ratings through `orders.order.rate` and the `reputation-nightly` timer (02:30 Asia/Shanghai) on the local
 * cloud: one rating per order, text through content security, the provider's aggregates moved by exactly
 * each rating (incrementally), equal to what the nightly recount finds (no correction recorded), and a
 * tampered aggregate corrected by the recount with the correction recorded.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, functionCloud } from './support/function-cloud';
import { platformMark } from './support/platform-writes';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  detailAs,
  matchFor,
  ok,
  orderThrough,
  rate,
  writeResidents,
  type PlacedOrder,
  type StepReply,
} from './support/order-loop';

const cloud = functionCloud();

interface Aggregates {
  _id: string;
  ratingCount: number;
  ratingSum: number;
  starCounts: number[];
  followUpsDue: number;
  followUpsOnTime: number;
  reputation: number;
}

const AGGREGATE_FIELDS = [
  'ratingCount',
  'ratingSum',
  'starCounts',
  'followUpsDue',
  'followUpsOnTime',
] as const;

async function aggregatesOf(providerId: string): Promise<Aggregates> {
  return (await cloud.get<Aggregates>('providers', providerId))!;
}

/** The rating aggregates of every provider, by id. */
async function allRatingAggregates(): Promise<
  Record<string, Pick<Aggregates, 'ratingCount' | 'ratingSum' | 'starCounts'>>
> {
  const providers = await cloud.find<Aggregates>('providers', {});
  return Object.fromEntries(
    providers.map((p) => [
      p._id,
      { ratingCount: p.ratingCount, ratingSum: p.ratingSum, starCounts: p.starCounts },
    ]),
  );
}

/** Run the nightly recount as its trigger does: at the next 02:30, after the 02:25 run of the other timers. */
async function runNightly(): Promise<void> {
  const at = cloud.nextShanghai(2, 30);
  await cloud.advanceTo(at - 5 * MINUTE_MS);
  const runs = await cloud.advanceTo(at);
  expect(runs.filter((r) => r.functionName === 'reputation-nightly').map((r) => r.ok)).toEqual([true]);
}

const RESIDENTS = ['t-rate-1', 't-rate-2', 't-rate-3'];

beforeAll(async () => {
  await writeResidents(cloud, RESIDENTS);
  // Established accounts: their stars count at once (a burst from new accounts waits for a worker, decision
  // 0013, which abuse.functions.test.ts shows).
  for (const openid of RESIDENTS)
    await cloud.update('users', openid, { createdAt: cloud.now() - 400 * DAY_MS });
});

describe('one rating per order', () => {
  it('rates a done order once; a second rating is refused and a replay writes nothing', async () => {
    const order = await orderThrough(cloud, RESIDENTS[0]!, 'item-fitness', 'done');
    const input = {
      orderId: order.orderId,
      stars: 4,
      text: '教练很耐心',
      clientRequestId: cloud.requestId('rate-once'),
    };
    const first = ok(await cloud.as(order.resident).orders<StepReply>('order.rate', input));
    expect(first).toMatchObject({ status: 'rated', textVisible: true });

    const mark = platformMark(cloud);
    expect(ok(await cloud.as(order.resident).orders<StepReply>('order.rate', input))).toEqual(first);
    const second = await rate(cloud, order, 1, '改个差评');
    expect(second.code).toBe('ORDER_ALREADY_RATED');
    expect(platformMark(cloud)).toEqual(mark);
    expect(await cloud.count('ratings', { orderId: order.orderId })).toBe(1);

    const seen = ok(await detailAs(cloud, order.staff[0]!, order.orderId, 'jobs'));
    expect(seen.rating).toMatchObject({ stars: 4, text: '教练很耐心' });
  });

  it('refuses risky text before writing anything; doubtful text is held back from others but the stars count', async () => {
    const order = await orderThrough(cloud, RESIDENTS[1]!, 'item-fitness', 'done');
    const mark = platformMark(cloud);
    expect((await rate(cloud, order, 5, '来玩网络博彩吧')).code).toBe('CONTENT_RISKY');
    expect(platformMark(cloud)).toEqual(mark);

    const before = await aggregatesOf(order.providerId);
    const held = ok(await rate(cloud, order, 2, '加微信领红包，服务一般'));
    expect(held).toMatchObject({ status: 'rated', textVisible: false });
    expect((await aggregatesOf(order.providerId)).ratingCount).toBe(before.ratingCount + 1);
    expect(ok(await detailAs(cloud, order.resident, order.orderId)).rating).toMatchObject({
      stars: 2,
      text: '加微信领红包，服务一般',
    });
    expect(ok(await detailAs(cloud, order.staff[0]!, order.orderId, 'jobs')).rating).toEqual(
      expect.objectContaining({ stars: 2, text: null }),
    );
  });
});

describe('aggregates', () => {
  let rated: { order: PlacedOrder; stars: number }[] = [];
  let beforeRatings: Awaited<ReturnType<typeof allRatingAggregates>>;

  it('each rating moves its provider’s aggregates by exactly its stars, and the score shown follows', async () => {
    beforeRatings = await allRatingAggregates();
    const plan: [string, string, number, 'done' | 'followed_up'][] = [
      [RESIDENTS[0]!, APPLIANCE_REPAIR, 5, 'followed_up'],
      [RESIDENTS[1]!, APPLIANCE_REPAIR, 2, 'done'],
      [RESIDENTS[2]!, APPLIANCE_REPAIR, 4, 'followed_up'],
      [RESIDENTS[0]!, 'item-beauty-hairdressing', 1, 'done'],
      [RESIDENTS[1]!, 'item-beauty-hairdressing', 3, 'followed_up'],
    ];
    rated = [];
    for (const [resident, itemId, stars, until] of plan) {
      const order = await orderThrough(cloud, resident, itemId, until);
      const reply = ok(await rate(cloud, order, stars));
      // With the follow-up on record the rating completes (closes) the order.
      expect(reply.status).toBe(until === 'followed_up' ? 'closed' : 'rated');
      rated.push({ order, stars });
    }

    const after = await allRatingAggregates();
    const touched = new Set(rated.map((r) => r.order.providerId));
    expect(touched.size).toBe(2);
    for (const [id, agg] of Object.entries(after)) {
      const mine = rated.filter((r) => r.order.providerId === id).map((r) => r.stars);
      const starCounts = [...beforeRatings[id]!.starCounts];
      for (const s of mine) starCounts[s - 1]! += 1;
      expect([id, agg]).toEqual([
        id,
        {
          ratingCount: beforeRatings[id]!.ratingCount + mine.length,
          ratingSum: beforeRatings[id]!.ratingSum + mine.reduce((a, b) => a + b, 0),
          starCounts,
        },
      ]);
    }

    // What residents are shown is the provider's new score.
    const match = await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR, 'item-beauty-hairdressing']);
    for (const providerId of touched) {
      const shown = match.items.flatMap((i) => i.providers).find((p) => p.providerId === providerId)!;
      const stored = await aggregatesOf(providerId);
      expect(shown.reputation).toBe(stored.reputation);
      expect(shown.ratingCount).toBe(stored.ratingCount);
    }
  });

  it('the nightly recount at 02:30 finds them equal to the ratings: nothing corrected', async () => {
    const before = await allRatingAggregates();
    await runNightly();
    expect(await cloud.count('aggregate_corrections')).toBe(0);
    expect(await allRatingAggregates()).toEqual(before);

    // Delivered again: nothing to correct, nothing written.
    const mark = platformMark(cloud);
    const again = ok(
      await cloud.fireTimer<{ checked: number; corrected: unknown[]; skipped: unknown[] }>(
        'reputation-nightly',
      ),
    );
    expect(again.corrected).toEqual([]);
    expect(again.skipped).toEqual([]);
    expect(again.checked).toBe(Object.keys(before).length);
    expect(platformMark(cloud)).toEqual(mark);
  });

  it('a tampered aggregate is corrected by the next recount, and the correction recorded', async () => {
    const providerId = rated[0]!.order.providerId;
    const right = await aggregatesOf(providerId);
    const offeringsRight = await cloud.find<{ reputation: number }>('offerings', { providerId });
    expect(offeringsRight.every((o) => o.reputation === right.reputation)).toBe(true);

    // Drift written behind the use cases' back.
    const _ = cloud.db.command;
    await cloud.update('providers', providerId, {
      ratingSum: _.inc(7),
      'starCounts.4': _.inc(1),
      followUpsDue: _.inc(2),
      reputation: 99.9,
    });

    await runNightly();
    const corrected = await aggregatesOf(providerId);
    for (const field of AGGREGATE_FIELDS) expect([field, corrected[field]]).toEqual([field, right[field]]);
    expect(corrected.reputation).toBe(right.reputation);
    const offerings = await cloud.find<{ reputation: number }>('offerings', { providerId });
    expect(offerings.map((o) => o.reputation)).toEqual(offeringsRight.map(() => right.reputation));

    const corrections = await cloud.find<Record<string, unknown>>('aggregate_corrections', {});
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      providerId,
      drift: expect.arrayContaining(['ratingSum', 'starCounts.4', 'followUpsDue']),
      stored: {
        ratings: { ratingSum: right.ratingSum + 7, ratingCount: right.ratingCount },
        followUps: { due: right.followUpsDue + 2 },
      },
      recomputed: {
        ratings: { ratingSum: right.ratingSum, ratingCount: right.ratingCount, starCounts: right.starCounts },
        followUps: { due: right.followUpsDue, onTime: right.followUpsOnTime },
      },
    });
    expect((corrections[0]!['drift'] as string[]).sort()).toEqual([
      'followUpsDue',
      'ratingSum',
      'starCounts.4',
    ]);

    // The night after: nothing more to correct.
    await cloud.advance(HOUR_MS);
    await runNightly();
    expect(await cloud.count('aggregate_corrections')).toBe(1);
  });

  it('recounts every provider in one night, also beyond the first batch of 100', async () => {
    // 45 more providers (no ratings yet) after the demo's 60, in `_id` order; the last one has drifted.
    const template = (await cloud.get<Record<string, unknown>>('providers', 'prv-000002'))!;
    const extra = Array.from({ length: 45 }, (_, i) => `prv-zz-${String(i).padStart(3, '0')}`);
    for (const [i, id] of extra.entries()) {
      await cloud.insert('providers', [
        {
          ...template,
          _id: id,
          name: `批量服务机构${i + 1}号`,
          creditCode: `91450900MA5Z${String(i).padStart(5, '0')}Y`,
          ratingCount: 0,
          ratingSum: i === extra.length - 1 ? 9 : 0,
          starCounts: [0, 0, 0, 0, 0],
          followUpsDue: 0,
          followUpsOnTime: 0,
        },
      ]);
    }
    expect(await cloud.count('providers')).toBeGreaterThan(100);

    const corrections = await cloud.count('aggregate_corrections');
    await runNightly();
    const last = (await aggregatesOf(extra.at(-1)!))!;
    expect([last.ratingCount, last.ratingSum]).toEqual([0, 0]);
    expect(await cloud.count('aggregate_corrections', { providerId: extra.at(-1)! })).toBe(1);
    expect(await cloud.count('aggregate_corrections')).toBe(corrections + 1);
  });
});
