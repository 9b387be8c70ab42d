/**
 * Subscribe messages, delivered at least once per committed change and at most once per send: the use case
 * writes each message to `message_outbox` in the transaction that makes the change (`enqueueMessages`), so a
 * message exists exactly when the change does; after the commit it is sent at once (`deliverMessages`); what
 * is still pending after a crash or a transient WeChat error is sent by the `order-timers` timer
 * (`redeliverMessages`). Every send first claims its message (pending -> sending, compare-and-set), so the
 * sender after the commit and a timer run, or two timer runs, never both send one message.
 *
 * A refusal is final (`refused`: the user has not allowed the template, a value WeChat rejects); a transient
 * error is tried again later, up to OUTBOX_POLICY.maxAttempts times in all (`failed` after that). A claim
 * older than `staleClaimMs` (the sender stopped between claiming and finishing) is taken back.
 *
 * Each message is also written, in the same transaction and under the same `_id`, to `inbox_messages`: the
 * in-app message centre (core/messaging/inbox.usecase.ts), where the notice stays whatever WeChat makes of the
 * subscribe message.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { InboxMessage } from '../model/inbox.model';
import type { OutboxMessage } from '../model/platform.model';
import type { DatabasePort, Patch, TransactionPort } from '../kernel/database.port';
import type { Notifier, SubscribeMessage } from '../kernel/notifier.port';
import type { IdGenerator } from '../kernel/ports';
import { labelledLines, templateTitle } from './message-templates';

const MINUTE_MS = 60_000;

export const OUTBOX_POLICY = {
  /** Sends tried in all before a message is given up as `failed`. */
  maxAttempts: 5,
  /** Wait before attempt n + 1 after n transient failures (the last value repeats). */
  retryDelaysMs: [1 * MINUTE_MS, 5 * MINUTE_MS, 30 * MINUTE_MS, 120 * MINUTE_MS],
  /** A message claimed longer ago than this and not finished is taken back by the timer. */
  staleClaimMs: 5 * MINUTE_MS,
  /** Messages one timer run looks at, per kind (pending, stale claims). */
  batchSize: 100,
} as const;

/**
 * Write the messages in the change's transaction, each with its notice in the message centre; returns the
 * outbox messages as stored, for `deliverMessages`.
 */
export async function enqueueMessages(
  tx: TransactionPort,
  ids: IdGenerator,
  subjectId: string,
  messages: readonly SubscribeMessage[],
  now: number,
): Promise<OutboxMessage[]> {
  const stored: OutboxMessage[] = [];
  for (const message of messages) {
    const doc: OutboxMessage = {
      _id: ids.next(),
      message,
      subjectId,
      status: 'pending',
      attempts: 0,
      createdAt: now,
      nextAttemptAt: now,
      claimedAt: null,
      finishedAt: null,
      lastError: null,
    };
    await tx.insert(COLLECTIONS.messageOutbox, doc);
    await tx.insert(COLLECTIONS.inboxMessages, inboxMessageOf(doc));
    stored.push(doc);
  }
  return stored;
}

/** The message centre's copy of an outbox message: same id, the template's title and labelled values. */
export function inboxMessageOf(doc: OutboxMessage): InboxMessage {
  const { touser, templateId, page, data } = doc.message;
  return {
    _id: doc._id,
    touser,
    templateId,
    title: templateTitle(templateId),
    lines: labelledLines(templateId, data),
    page,
    subjectId: doc.subjectId,
    createdAt: doc.createdAt,
    readAt: null,
  };
}

export interface DeliveryReport {
  readonly sent: number;
  readonly refused: number;
  /** Transient failures left pending for a later attempt. */
  readonly retrying: number;
  readonly failed: number;
  /** Claimed by another sender first: not ours to send. */
  readonly skipped: number;
}

type Delivery = keyof DeliveryReport;

/** Claim and send each pending message; one message's failure never stops the others. */
export async function deliverMessages(
  db: DatabasePort,
  notifier: Notifier,
  messages: readonly OutboxMessage[],
  now: number,
): Promise<DeliveryReport> {
  const report: Record<Delivery, number> = { sent: 0, refused: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const doc of messages) report[await deliverOne(db, notifier, doc, now)] += 1;
  return report;
}

async function deliverOne(
  db: DatabasePort,
  notifier: Notifier,
  doc: OutboxMessage,
  now: number,
): Promise<Delivery> {
  const claimed = await db.update(
    COLLECTIONS.messageOutbox,
    doc._id,
    { status: 'sending', claimedAt: now, attempts: db.command.inc(1) },
    { ifMatch: { status: 'pending' } },
  );
  if (!claimed) return 'skipped';
  const [delivery, patch] = await sendClaimed(notifier, doc, now);
  await db.update(COLLECTIONS.messageOutbox, doc._id, patch, {
    ifMatch: { status: 'sending', claimedAt: now },
  });
  return delivery;
}

/** Send a claimed message; what it came to, and how its record changes. */
async function sendClaimed(
  notifier: Notifier,
  doc: OutboxMessage,
  now: number,
): Promise<[Exclude<Delivery, 'skipped'>, Patch]> {
  const attempts = doc.attempts + 1;
  let code: string;
  let retryable: boolean;
  try {
    const result = await notifier.send(doc.message);
    if (result.ok) return ['sent', { status: 'sent', finishedAt: now, lastError: null }];
    code = result.code;
    retryable = result.retryable === true;
  } catch (e) {
    // A notifier that throws has not reached WeChat's verdict: treat it as transient.
    code = e instanceof Error ? e.name : 'SEND_ERROR';
    retryable = true;
  }
  if (!retryable) return ['refused', { status: 'refused', finishedAt: now, lastError: code }];
  if (attempts >= OUTBOX_POLICY.maxAttempts) {
    return ['failed', { status: 'failed', finishedAt: now, lastError: code }];
  }
  const delays = OUTBOX_POLICY.retryDelaysMs;
  const delay = delays[Math.min(attempts, delays.length) - 1]!;
  return ['retrying', { status: 'pending', claimedAt: null, nextAttemptAt: now + delay, lastError: code }];
}

/**
 * Timer: take back stale claims, then send what is pending and due. Safe to run twice or concurrently.
 * Returns what it did and whether a batch was full (run again for the rest).
 */
export async function redeliverMessages(
  db: DatabasePort,
  notifier: Notifier,
  now: number,
): Promise<DeliveryReport & { readonly reclaimed: number; readonly hasMore: boolean }> {
  const _ = db.command;
  const stale = await db.find<Pick<OutboxMessage, '_id' | 'claimedAt'>>(
    COLLECTIONS.messageOutbox,
    { status: 'sending', claimedAt: _.lte(now - OUTBOX_POLICY.staleClaimMs) },
    {
      orderBy: [
        ['claimedAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: OUTBOX_POLICY.batchSize,
      fields: ['claimedAt'],
    },
  );
  let reclaimed = 0;
  for (const doc of stale) {
    const back = await db.update(
      COLLECTIONS.messageOutbox,
      doc._id,
      { status: 'pending', claimedAt: null, nextAttemptAt: now },
      { ifMatch: { status: 'sending', claimedAt: doc.claimedAt } },
    );
    if (back) reclaimed += 1;
  }
  const due = await db.find<OutboxMessage>(
    COLLECTIONS.messageOutbox,
    { status: 'pending', nextAttemptAt: _.lte(now) },
    {
      orderBy: [
        ['nextAttemptAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: OUTBOX_POLICY.batchSize,
    },
  );
  const report = await deliverMessages(db, notifier, due, now);
  return {
    ...report,
    reclaimed,
    hasMore: stale.length === OUTBOX_POLICY.batchSize || due.length === OUTBOX_POLICY.batchSize,
  };
}
