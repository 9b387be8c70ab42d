/**
 * Every free text another person reads goes through content security (defect: the order note and service
 * address, decline and cancel reasons and the follow-up's texts were stored and shown unchecked): `risky`
 * refuses the command with the field's own code, `review` stores the text but shows it to its author only,
 * and the unit's workers decide in a moderation queue (defect: a rating held for review stayed hidden
 * forever).
 */
import type { Actor } from '../../../core/auth/roles';
import type { ContentVerdict } from '../../../core/kernel/content-security.port';
import type { UseCaseInput } from '../../../core/kernel/use-case';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { EventRecord } from '../../../core/model/event.model';
import type { ModerationItem } from '../../../core/model/moderation.model';
import { decideModeration } from '../../../core/moderation/decide-moderation.usecase';
import { listModeration } from '../../../core/moderation/list-moderation.usecase';
import { cancelOrder } from '../../../core/orders/cancel-order.usecase';
import { createOrder } from '../../../core/orders/create-order.usecase';
import { declineOrder } from '../../../core/orders/decline-order.usecase';
import { orderDetail } from '../../../core/orders/order-detail.usecase';
import { rateOrder } from '../../../core/orders/rate-order.usecase';
import { recordFollowUp } from '../../../core/orders/record-follow-up.usecase';
import {
  COMMUNITY,
  OTHER_COMMUNITY,
  REPAIR,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  staffActor,
  workerActor,
  type World,
} from '../support/order-loop.fixture';
import { match, orderWalkedTo, type WalkTarget } from '../support/order-loop.steps';

const FLAGGED = '加微信领红包';

function world1(): World {
  const world = createWorld();
  seedProvider(world, { id: 'p1', ratings: { count: 10, sum: 48 } });
  return world;
}

const run = (world: World, fn: (input: UseCaseInput) => Promise<unknown>, actor: Actor, command: object) =>
  fn({ ports: world.ports, config: world.config, actor, command });

interface Case {
  readonly field: string;
  readonly label: string;
  readonly at: WalkTarget | 'matched';
  readonly send: (world: World, id: string, text: string) => Promise<unknown>;
  readonly riskyCode: string;
}

const create = (field: 'note' | 'serviceAddress') => (world: World, matchId: string, text: string) =>
  run(world, createOrder, residentActor(), {
    clientRequestId: rid(),
    matchId,
    itemId: REPAIR,
    providerId: 'p1',
    [field]: text,
  });
const followUp =
  (field: 'summary' | 'problems' | 'suggestions') => (world: World, orderId: string, text: string) =>
    run(world, recordFollowUp, staffActor('p1'), {
      clientRequestId: rid(),
      orderId,
      channel: 'phone',
      summary: field === 'summary' ? text : '居民表示满意',
      problems: field === 'problems' ? [{ content: text, handling: '已处理' }] : [],
      suggestions: field === 'suggestions' ? [{ content: '希望晚上上门', handling: text }] : [],
    });

const CASES: Case[] = [
  { field: 'order note', label: '备注', at: 'matched', send: create('note'), riskyCode: 'ORDER_NOTE_RISKY' },
  {
    field: 'service address',
    label: '服务地址',
    at: 'matched',
    send: create('serviceAddress'),
    riskyCode: 'SERVICE_ADDRESS_RISKY',
  },
  {
    field: 'cancel reason',
    label: '取消原因',
    at: 'accepted',
    send: (w, orderId, reason) =>
      run(w, cancelOrder, staffActor('p1'), { clientRequestId: rid(), orderId, reason }),
    riskyCode: 'CANCEL_REASON_RISKY',
  },
  {
    field: 'decline reason',
    label: '拒单原因',
    at: 'created',
    send: (w, orderId, reason) =>
      run(w, declineOrder, staffActor('p1'), { clientRequestId: rid(), orderId, reason }),
    riskyCode: 'DECLINE_REASON_RISKY',
  },
  {
    field: 'follow-up summary',
    label: '回访情况',
    at: 'done',
    send: followUp('summary'),
    riskyCode: 'FOLLOW_UP_SUMMARY_RISKY',
  },
  {
    field: 'follow-up problems',
    label: '反映的问题',
    at: 'done',
    send: followUp('problems'),
    riskyCode: 'FOLLOW_UP_PROBLEMS_RISKY',
  },
  {
    field: 'follow-up suggestions',
    label: '提出的建议',
    at: 'done',
    send: followUp('suggestions'),
    riskyCode: 'FOLLOW_UP_SUGGESTIONS_RISKY',
  },
  {
    field: 'rating text',
    label: '评价内容',
    at: 'done',
    send: (w, orderId, text) =>
      run(w, rateOrder, residentActor(), { clientRequestId: rid(), orderId, stars: 4, text }),
    riskyCode: 'CONTENT_RISKY',
  },
];

/** The id the case's command takes: a match for order.create, else an order walked to `at`. */
async function subjectFor(world: World, at: Case['at']): Promise<string> {
  if (at === 'matched') return (await match(world)).matchId;
  return (await orderWalkedTo(world, at, 'p1')).orderId;
}

function scripted(world: World, text: string, verdict: ContentVerdict): void {
  world.contentSecurity.verdicts.set(text, verdict);
  // Lists are checked as one text: entries and their handling together.
  world.contentSecurity.verdicts.set(`${text}\n已处理`, verdict);
  world.contentSecurity.verdicts.set(`希望晚上上门\n${text}`, verdict);
}

describe('risky text is refused with the field’s own code, writing nothing', () => {
  test.each(CASES.map((c) => [c.field, c] as const))('%s', async (_field, c) => {
    const world = world1();
    const id = await subjectFor(world, c.at);
    scripted(world, '来玩网络博彩吧', 'risky');
    const before = world.db.snapshot();
    const sent = world.notifier.sent.length;
    const refusal = c.send(world, id, '来玩网络博彩吧');
    await expect(refusal).rejects.toMatchObject({ code: c.riskyCode });
    await expect(c.send(world, id, '来玩网络博彩吧')).rejects.toThrow(c.label);
    expect(world.db.snapshot()).toBe(before);
    expect(world.notifier.sent).toHaveLength(sent);
  });
});

/** The order id of the case once its flagged text is stored. */
async function heldCase(world: World, c: Case): Promise<string> {
  const id = await subjectFor(world, c.at);
  scripted(world, FLAGGED, 'review');
  const reply = (await c.send(world, id, FLAGGED)) as { orderId: string };
  return reply.orderId;
}

/** Everything of the order's detail a viewer reads as text. */
async function textsSeenBy(world: World, orderId: string, actor: Actor): Promise<string> {
  return JSON.stringify(await run(world, orderDetail, actor, { orderId }));
}

describe('text held for review is stored, shown to its author only, and decided by a worker', () => {
  test.each(CASES.map((c) => [c.field, c] as const))('%s', async (_field, c) => {
    const world = world1();
    const orderId = await heldCase(world, c);
    const items = world.db.all<ModerationItem>(COLLECTIONS.moderationItems);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({
      status: 'pending',
      holdReason: 'content_review',
      orderId,
      text: expect.stringContaining(FLAGGED),
    });
    const byResident = item.authorOpenid === residentActor().openid;
    const author = byResident ? residentActor() : staffActor('p1');
    const other = byResident ? staffActor('p1') : residentActor();
    const worker = workerActor(COMMUNITY);
    expect(await textsSeenBy(world, orderId, author)).toContain(FLAGGED);
    expect(await textsSeenBy(world, orderId, other)).not.toContain(FLAGGED);
    expect(await textsSeenBy(world, orderId, worker)).not.toContain(FLAGGED);

    // The unit's worker finds it in the queue and approves it: everyone who may see the order reads it now.
    const queue = (await run(world, listModeration, worker, {})) as {
      items: { itemId: string; kindLabel: string }[];
    };
    expect(queue.items.map((i) => i.itemId)).toEqual([item._id]);
    await run(world, decideModeration, worker, {
      clientRequestId: rid(),
      itemId: item._id,
      decision: 'approve',
    });
    // (The staff read a service address only while serving the job, approved or not.)
    if (c.field !== 'service address') expect(await textsSeenBy(world, orderId, other)).toContain(FLAGGED);
    expect(await textsSeenBy(world, orderId, worker)).toContain(FLAGGED);
    expect(((await run(world, listModeration, worker, {})) as { items: unknown[] }).items).toEqual([]);
  });

  test('a held note stays out of the new-order message to the staff', async () => {
    const world = world1();
    const m = await match(world);
    scripted(world, FLAGGED, 'review');
    await create('note')(world, m.matchId, FLAGGED);
    const sent = world.notifier.to(staffActor('p1').openid);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.data)).not.toContain(FLAGGED);
  });
});

describe('the moderation queue', () => {
  async function heldRating(world: World): Promise<ModerationItem> {
    await heldCase(
      world,
      CASES.find((c) => c.field === 'rating text')!,
    );
    return world.db.all<ModerationItem>(COLLECTIONS.moderationItems)[0]!;
  }

  test('lists the worker’s unit only, oldest first, a page at a time; others are refused', async () => {
    const world = world1();
    await heldRating(world);
    world.clock.advance(1_000);
    await heldCase(
      world,
      CASES.find((c) => c.field === 'decline reason')!,
    );
    const list = (actor: Actor, command: object = {}) =>
      run(world, listModeration, actor, command) as Promise<{
        items: { kind: string }[];
        total: number;
        hasMore: boolean;
      }>;
    const page1 = await list(workerActor(COMMUNITY), { page: 1, pageSize: 1 });
    expect(page1).toMatchObject({ total: 2, hasMore: true, items: [{ kind: 'rating_text' }] });
    expect((await list(workerActor(COMMUNITY), { page: 2, pageSize: 1 })).items).toEqual([
      expect.objectContaining({ kind: 'decline_reason' }),
    ]);
    expect((await list(workerActor(OTHER_COMMUNITY))).items).toEqual([]);
    expect(await codeOf(list(residentActor()))).toBe('PERMISSION_DENIED');
    expect(await codeOf(list(staffActor('p1')))).toBe('PERMISSION_DENIED');
  });

  test('a rejection needs a reason, keeps the text hidden, is recorded, and cannot be decided again', async () => {
    const world = world1();
    const item = await heldRating(world);
    const worker = workerActor(COMMUNITY);
    const decide = (actor: Actor, decision: string, reason?: string) =>
      run(world, decideModeration, actor, {
        clientRequestId: rid(),
        itemId: item._id,
        decision,
        ...(reason ? { reason } : {}),
      });
    expect(await codeOf(decide(worker, 'reject'))).toBe('MODERATION_REASON_REQUIRED');
    expect(await codeOf(decide(workerActor(OTHER_COMMUNITY), 'reject', '广告'))).toBe(
      'MODERATION_ITEM_NOT_FOUND',
    );
    expect(await codeOf(decide(residentActor(), 'approve'))).toBe('MODERATION_ITEM_NOT_FOUND');
    const reply = await decide(worker, 'reject', '含有广告信息');
    expect(reply).toEqual({ itemId: item._id, status: 'rejected', decidedAt: world.clock.now() });
    expect(await textsSeenBy(world, item.orderId, staffActor('p1'))).not.toContain(FLAGGED);
    expect(await textsSeenBy(world, item.orderId, residentActor())).toContain(FLAGGED);
    const events = world.db.all<EventRecord>(COLLECTIONS.events).filter((e) => e.entityType === 'moderation');
    expect(events).toEqual([
      expect.objectContaining({
        entityId: item._id,
        from: 'pending',
        to: 'rejected',
        reason: '含有广告信息',
        actor: { openid: worker.openid, role: 'worker' },
        orgPath: item.orgPath,
      }),
    ]);
    expect(await codeOf(decide(worker, 'approve'))).toBe('MODERATION_ILLEGAL_TRANSITION');
    expect(
      await codeOf(
        run(world, decideModeration, worker, {
          clientRequestId: rid(),
          itemId: 'mod-nope',
          decision: 'approve',
        }),
      ),
    ).toBe('MODERATION_ITEM_NOT_FOUND');
  });
});
