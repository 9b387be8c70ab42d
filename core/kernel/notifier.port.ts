/**
 * The Notifier port: sends one subscribe message (订阅消息) to one user. The cloud-function adapter calls
 * `cloud.openapi.subscribeMessage.send`; templates and their keys are in database/message-templates.json.
 */

/** One subscribe message: WeChat's `subscribeMessage.send` parameters. */
export interface SubscribeMessage {
  /** The recipient's openid. */
  readonly touser: string;
  /** The template id (the logical ids of database/message-templates.json, replaced on deployment). */
  readonly templateId: string;
  /** The mini-program page the message opens, with its query string. */
  readonly page: string;
  /** Template key -> value, e.g. `{ thing1: { value: '家电维修' } }`. */
  readonly data: Readonly<Record<string, { readonly value: string }>>;
}

/**
 * A refused send is an expected outcome, not an error: the user has not allowed (or has used up) this
 * template (WeChat errcode 43101), or the value check failed. The order loop carries on either way.
 * `retryable`: the failure was transient (WeChat busy, the network) and the same message may be sent later;
 * absent or false, WeChat's answer is final (core/messaging/message-outbox.ts).
 */
export type NotifyOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly retryable?: boolean };

export interface Notifier {
  send(message: SubscribeMessage): Promise<NotifyOutcome>;
}
