/**
 * What `message.list` and `message.read` answer (the profile function and the console's admin-api alike);
 * type-only, re-exported to the mini-program by core/client.
 */

/** One line of a notice: its label (服务项目, 订单状态...) and value. */
export interface InboxLineView {
  readonly label: string;
  readonly value: string;
}

/** One notice of the message centre. */
export interface InboxItemView {
  readonly messageId: string;
  readonly templateId: string;
  /** The template's title, e.g. 订单状态通知. */
  readonly title: string;
  readonly lines: readonly InboxLineView[];
  /** The mini-program page it opens, with its query string. */
  readonly page: string;
  /** The order, follow-up or concern it is about. */
  readonly subjectId: string;
  readonly createdAt: number;
  readonly readAt: number | null;
  readonly read: boolean;
}

/** message.list: a page of the caller's notices, newest first, and how many are unread in all. */
export interface MessageListReply {
  readonly items: readonly InboxItemView[];
  /** Notices matching the filter (all, or unread only). */
  readonly total: number;
  /** Unread notices of the caller, whatever the filter: the badge. */
  readonly unread: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

/** message.read: how many notices this call marked read, and how many are still unread. */
export interface MessageReadReply {
  readonly marked: number;
  readonly unread: number;
}
