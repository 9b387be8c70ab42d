/**
 * The message centre's routes (admin-api, cloudfunctions/admin-api/routes/messages.routes.ts) and the unread
 * count the console header shows as a badge: one shared value, refreshed when the frame opens, when the
 * messages screen loads, and after marking read.
 */
import { reactive } from 'vue';
import type { MessageListReply, MessageReadReply } from '../../../../core/messaging/inbox.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

export const messages = (filters: Filters) =>
  get<MessageListReply>(`/console/api/messages${queryOf(filters)}`);

export const markRead = (target: { messageId: string } | { all: true }, clientRequestId: string) =>
  post<MessageReadReply>('/console/api/messages/read', { ...target, clientRequestId });

export const unreadState = reactive({ count: 0 });

/** Ask for the unread count (one row's worth of the list); a failure leaves the badge as it was. */
export async function refreshUnread(): Promise<void> {
  try {
    unreadState.count = (await messages({ unreadOnly: 'true', pageSize: 1 })).unread;
  } catch {
    // The badge is a hint: a failed refresh keeps the last count.
  }
}
