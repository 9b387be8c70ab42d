/**
 * The message centre (消息中心): every notice the platform writes (core/messaging/message-outbox.ts stores
 * one in `inbox_messages` with each subscribe message), read by its recipient in the mini-program (the
 * `profile` function) and the console (admin-api), whatever WeChat did with the subscribe message.
 *
 * - `message.list`: the caller's notices, newest first, a page at a time; all or unread only; with the
 *   caller's unread count (the badge). `touser_1_createdAt_-1` / `touser_1_readAt_1_createdAt_-1`.
 * - `message.read`: one notice (`messageId`) or every unread one (`all: true`) marked read, in one transaction
 *   with its idempotency record (and, from the console, its audit entry). Reading twice changes nothing.
 *   `all` marks up to INBOX_POLICY.readAllBatch at a time; the reply's `unread` says whether any are left.
 *
 * Only the caller's own notices: identity from the WeChat context or the console session, never from the
 * input; another person's notice answers MESSAGE_NOT_FOUND, as a missing one.
 */
import { authorize } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { InboxMessage } from '../model/inbox.model';
import { parseCommand } from '../schemas/command.parser';
import {
  consoleMessageListSchema,
  messageListSchema,
  messageReadSchema,
  type MessageListQuery,
} from '../schemas/message.schema';
import { inboxError } from './inbox.errors';
import type { InboxItemView, MessageListReply, MessageReadReply } from './inbox.replies';

export const INBOX_POLICY = {
  /** Notices one `message.read { all: true }` marks at most (one transaction). */
  readAllBatch: 100,
} as const;

/** A notice as its recipient sees it. */
export function inboxItemView(doc: InboxMessage): InboxItemView {
  return {
    messageId: doc._id,
    templateId: doc.templateId,
    title: doc.title,
    lines: doc.lines,
    page: doc.page,
    subjectId: doc.subjectId,
    createdAt: doc.createdAt,
    readAt: doc.readAt,
    read: doc.readAt !== null,
  };
}

const unreadOf = (openid: string) => ({ touser: openid, readAt: null });

/** message.list from the mini-program (the `profile` function). */
export function listMessages(input: UseCaseInput): Promise<MessageListReply> {
  requireIdentity(input.actor);
  return listOwn(input, parseCommand(messageListSchema, input.command));
}

/** message.list from the console (admin-api): the query's values arrive as URL query strings. */
export function listConsoleMessages(input: UseCaseInput): Promise<MessageListReply> {
  requireIdentity(input.actor);
  return listOwn(input, parseCommand(consoleMessageListSchema, input.command));
}

async function listOwn(input: UseCaseInput, query: MessageListQuery): Promise<MessageListReply> {
  const { ports, actor } = input;
  const { db } = ports;
  const { page, pageSize, unreadOnly } = query;
  authorize(actor, 'message.view', { ownerOpenid: actor.openid });
  const where = unreadOnly ? unreadOf(actor.openid) : { touser: actor.openid };
  const [rows, total, unread] = await Promise.all([
    db.find<InboxMessage>(COLLECTIONS.inboxMessages, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (page - 1) * pageSize,
      limit: pageSize,
    }),
    db.count(COLLECTIONS.inboxMessages, where),
    unreadOnly ? Promise.resolve(-1) : db.count(COLLECTIONS.inboxMessages, unreadOf(actor.openid)),
  ]);
  return {
    items: rows.map(inboxItemView),
    total,
    unread: unreadOnly ? total : unread,
    page,
    pageSize,
    hasMore: page * pageSize < total,
  };
}

/** The unit a console audit entry of this person's read is filed under: the role they act in. */
function placeOf(actor: Actor): string {
  return (actor.grants.find((g) => g.role !== 'resident') ?? actor.grants[0])?.orgPath ?? '/';
}

export async function readMessages(input: UseCaseInput): Promise<MessageReadReply> {
  const { ports, actor } = input;
  const { db } = ports;
  requireIdentity(actor);
  const command = parseCommand(messageReadSchema, input.command);
  authorize(actor, 'message.read', { ownerOpenid: actor.openid });
  const unreadBefore = await db.count(COLLECTIONS.inboxMessages, unreadOf(actor.openid));
  const messageId = command.messageId;
  if (messageId !== undefined) {
    return runCommand(ports, actor, 'message.read', command, async ({ tx, now, audit }) => {
      const doc = await tx.get<InboxMessage>(COLLECTIONS.inboxMessages, messageId);
      if (doc === null || doc.touser !== actor.openid) throw inboxError('MESSAGE_NOT_FOUND', { messageId });
      const marked = doc.readAt === null ? 1 : 0;
      if (marked === 1) await tx.update(COLLECTIONS.inboxMessages, messageId, { readAt: now });
      audit({
        entityType: 'inbox_message',
        entityId: messageId,
        orgPath: placeOf(actor),
        summary: `消息标为已读:${doc.title}`,
      });
      return { marked, unread: Math.max(0, unreadBefore - marked) };
    });
  }
  const unread = await db.find<Pick<InboxMessage, '_id'>>(COLLECTIONS.inboxMessages, unreadOf(actor.openid), {
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: INBOX_POLICY.readAllBatch,
    fields: ['_id'],
  });
  return runCommand(ports, actor, 'message.read', command, async ({ tx, now, audit }) => {
    for (const doc of unread) await tx.update(COLLECTIONS.inboxMessages, doc._id, { readAt: now });
    audit({
      entityType: 'inbox_message',
      entityId: 'all',
      orgPath: placeOf(actor),
      summary: `全部消息标为已读(${unread.length} 条)`,
    });
    return { marked: unread.length, unread: Math.max(0, unreadBefore - unread.length) };
  });
}
