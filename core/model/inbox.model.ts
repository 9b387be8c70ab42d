/**
 * `inbox_messages`: the in-app message centre (消息中心). Every subscribe message the platform writes to
 * `message_outbox` is also written here, in the same transaction (core/messaging/message-outbox.ts), so a
 * notice is in the centre exactly when the change it reports exists, whether WeChat then delivers the
 * subscribe message or refuses it (the user did not subscribe). Read in the mini-program and the console;
 * written only by the platform, except `readAt`, which its recipient sets (message.read).
 */
import type { BaseDocument, Millis } from './common.model';

/** One line of a notice: the template key's label (database/message-templates.json) and its value. */
export interface InboxLine {
  readonly label: string;
  readonly value: string;
}

export interface InboxMessage extends BaseDocument {
  /** The recipient's openid (a mini-program user, or the person behind a console account). */
  readonly touser: string;
  /** The logical template id of database/message-templates.json. */
  readonly templateId: string;
  /** The template's title, e.g. 订单状态通知. */
  readonly title: string;
  /** The message's values in the template's key order, with their labels. */
  readonly lines: readonly InboxLine[];
  /** The mini-program page the notice opens, with its query string. */
  readonly page: string;
  /** What the notice is about (an order, a follow-up, a concern), as on its outbox message. */
  readonly subjectId: string;
  readonly createdAt: Millis;
  /** When its recipient read it; null while unread. */
  readonly readAt: Millis | null;
}
