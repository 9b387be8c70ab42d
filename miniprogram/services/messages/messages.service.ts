/**
 * The message centre (消息中心) in the `profile` function: the caller's notices a page at a time (all or
 * unread only, with the unread count) and marking them read (docs/functions.md "message.list",
 * "message.read"). Replies are the core's types (weimin-core, types only).
 */
import type { MessageListReply, MessageReadReply } from 'weimin-core';
import { query, write } from '../call';

export const MESSAGE_PAGE_SIZE = 20;

export function listMessages(page: number, unreadOnly: boolean): Promise<MessageListReply> {
  return query<MessageListReply>('profile', 'message.list', {
    page,
    pageSize: MESSAGE_PAGE_SIZE,
    unreadOnly,
  });
}

/** The unread count alone (the profile page's badge). */
export async function unreadCount(): Promise<number> {
  return (await query<MessageListReply>('profile', 'message.list', { pageSize: 1, unreadOnly: true })).unread;
}

export function markRead(messageId: string): Promise<MessageReadReply> {
  return write<MessageReadReply>('profile', 'message.read', `message.read:${messageId}`, { messageId });
}

export function markAllRead(): Promise<MessageReadReply> {
  return write<MessageReadReply>('profile', 'message.read', 'message.read:all', { all: true });
}
