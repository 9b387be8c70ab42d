/**
 * The message outbox (core/messaging/message-outbox.ts): a message exists exactly when its change committed,
 * is sent once by whoever claims it, is retried after transient failures and never after a final refusal, and
 * a claim left unfinished is taken back by the timer.
 */
import { SYSTEM_ACTOR } from '../../../core/auth/roles';
import {
  OUTBOX_POLICY,
  deliverMessages,
  enqueueMessages,
  redeliverMessages,
} from '../../../core/messaging/message-outbox';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { OutboxMessage } from '../../../core/model/platform.model';
import { acceptOrder } from '../../../core/orders/accept-order.usecase';
import { resendMessages } from '../../../core/orders/resend-messages.usecase';
import type { Notifier, NotifyOutcome, SubscribeMessage } from '../../../core/kernel/notifier.port';
import { MemoryDatabase } from '../support/memory-database';
import { RESIDENT, createWorld, rid, seedProvider, staffActor } from '../support/order-loop.fixture';
import { orderWalkedTo } from '../support/order-loop.steps';

const MINUTE = 60_000;
const T = Date.UTC(2025, 2, 10, 2, 0, 0);

const message = (touser: string): SubscribeMessage => ({
  touser,
  templateId: 'TPL_ORDER_STATUS',
  page: 'pages/orders/orders',
  data: { thing1: { value: '家电维修' } },
});

/** Answers each send from a script per recipient (then ok), and records what went out. */
class ScriptedNotifier implements Notifier {
  readonly sent: SubscribeMessage[] = [];
  readonly script = new Map<string, (NotifyOutcome | 'throw')[]>();
  async send(m: SubscribeMessage): Promise<NotifyOutcome> {
    const next = this.script.get(m.touser)?.shift();
    if (next === 'throw') throw new Error('socket hang up');
    if (next !== undefined && !next.ok) return next;
    this.sent.push(m);
    return { ok: true };
  }
}

const BUSY: NotifyOutcome = { ok: false, code: 'WX_-1', message: '系统繁忙', retryable: true };
const NOT_ALLOWED: NotifyOutcome = { ok: false, code: 'WX_43101', message: '用户未订阅该消息' };

let n = 0;
const ids = { next: () => `m${String((n += 1)).padStart(4, '0')}` };

async function enqueue(db: MemoryDatabase, touser: string[], now = T): Promise<OutboxMessage[]> {
  return db.runTransaction((tx) => enqueueMessages(tx, ids, 'order-1', touser.map(message), now));
}

const stored = (db: MemoryDatabase) => db.all<OutboxMessage>(COLLECTIONS.messageOutbox);

describe('message outbox', () => {
  it('writes nothing when the change’s transaction fails', async () => {
    const db = new MemoryDatabase();
    await expect(
      db.runTransaction(async (tx) => {
        await enqueueMessages(tx, ids, 'order-1', [message('o-a')], T);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(stored(db)).toEqual([]);
  });

  it('sends each message once, even when two senders deliver the same messages', async () => {
    const db = new MemoryDatabase();
    const notifier = new ScriptedNotifier();
    const docs = await enqueue(db, ['o-a', 'o-b']);
    const [first, second] = await Promise.all([
      deliverMessages(db, notifier, docs, T),
      deliverMessages(db, notifier, docs, T),
    ]);
    expect(notifier.sent.map((m) => m.touser).sort()).toEqual(['o-a', 'o-b']);
    expect(first.sent + second.sent).toBe(2);
    expect(first.skipped + second.skipped).toBe(2);
    expect(stored(db).map((d) => [d.status, d.attempts, d.finishedAt])).toEqual([
      ['sent', 1, T],
      ['sent', 1, T],
    ]);
  });

  it('keeps a final refusal as refused and never tries it again', async () => {
    const db = new MemoryDatabase();
    const notifier = new ScriptedNotifier();
    notifier.script.set('o-a', [NOT_ALLOWED]);
    const docs = await enqueue(db, ['o-a']);
    expect(await deliverMessages(db, notifier, docs, T)).toMatchObject({ refused: 1 });
    expect(stored(db)[0]).toMatchObject({ status: 'refused', lastError: 'WX_43101', attempts: 1 });
    const later = await redeliverMessages(db, notifier, T + 24 * 60 * MINUTE);
    expect(later).toMatchObject({ sent: 0, refused: 0, retrying: 0 });
    expect(notifier.sent).toEqual([]);
  });

  it('retries a transient failure after 1, then 5 minutes, and sends it when WeChat answers', async () => {
    const db = new MemoryDatabase();
    const notifier = new ScriptedNotifier();
    notifier.script.set('o-a', [BUSY, 'throw']);
    const docs = await enqueue(db, ['o-a']);
    expect(await deliverMessages(db, notifier, docs, T)).toMatchObject({ retrying: 1 });
    expect(stored(db)[0]).toMatchObject({ status: 'pending', nextAttemptAt: T + MINUTE, lastError: 'WX_-1' });

    expect(await redeliverMessages(db, notifier, T + MINUTE - 1)).toMatchObject({ sent: 0, retrying: 0 });
    expect(await redeliverMessages(db, notifier, T + MINUTE)).toMatchObject({ retrying: 1 });
    expect(stored(db)[0]).toMatchObject({ nextAttemptAt: T + 6 * MINUTE, lastError: 'Error' });
    expect(await redeliverMessages(db, notifier, T + 6 * MINUTE)).toMatchObject({ sent: 1 });
    expect(stored(db)[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(notifier.sent).toHaveLength(1);
  });

  it(`gives up as failed after ${OUTBOX_POLICY.maxAttempts} transient failures`, async () => {
    const db = new MemoryDatabase();
    const notifier = new ScriptedNotifier();
    notifier.script.set(
      'o-a',
      Array.from({ length: 10 }, () => BUSY),
    );
    const docs = await enqueue(db, ['o-a']);
    await deliverMessages(db, notifier, docs, T);
    let now = T;
    for (let i = 0; i < 20; i += 1) {
      now += 3 * 60 * MINUTE;
      await redeliverMessages(db, notifier, now);
    }
    expect(stored(db)[0]).toMatchObject({ status: 'failed', attempts: OUTBOX_POLICY.maxAttempts });
  });

  it('takes back a claim its sender never finished, after 5 minutes, and sends it', async () => {
    const db = new MemoryDatabase();
    const notifier = new ScriptedNotifier();
    const [doc] = await enqueue(db, ['o-a']);
    // A sender claimed it and stopped (the function instance was recycled).
    await db.update(COLLECTIONS.messageOutbox, doc!._id, { status: 'sending', claimedAt: T, attempts: 1 });
    expect(await redeliverMessages(db, notifier, T + 4 * MINUTE)).toMatchObject({ reclaimed: 0, sent: 0 });
    expect(await redeliverMessages(db, notifier, T + 5 * MINUTE)).toMatchObject({ reclaimed: 1, sent: 1 });
    expect(notifier.sent).toHaveLength(1);
  });
});

describe('the order loop through the outbox', () => {
  it('a step’s message is stored with its change and sent after the commit; a replay sends nothing', async () => {
    const world = createWorld();
    seedProvider(world, { id: 'p1' });
    seedProvider(world, { id: 'p2' });
    seedProvider(world, { id: 'p3' });
    const placed = await orderWalkedTo(world, 'created', 'p1');
    const before = world.notifier.to(RESIDENT).length;
    const command = { clientRequestId: rid(), orderId: placed.orderId };
    await acceptOrder({ ports: world.ports, actor: staffActor('p1'), command });
    await acceptOrder({ ports: world.ports, actor: staffActor('p1'), command });
    expect(world.notifier.to(RESIDENT, 'TPL_ORDER_STATUS')).toHaveLength(before + 1);
    const outbox = world.db
      .all<OutboxMessage>(COLLECTIONS.messageOutbox)
      .filter((m) => m.subjectId === placed.orderId && m.message.touser === RESIDENT);
    expect(outbox.map((m) => m.status)).toEqual(['sent']);
  });

  it('the timer job acts as the platform only', async () => {
    const world = createWorld();
    await expect(resendMessages({ ports: world.ports, actor: staffActor('p1') })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(resendMessages({ ports: world.ports, actor: SYSTEM_ACTOR })).resolves.toMatchObject({
      sent: 0,
    });
  });
});
