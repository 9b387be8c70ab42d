import type { ModerationStatus } from '../lifecycle/moderation.lifecycle';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

/**
 * What a worker may be asked to look at: a free text another person would read, which WeChat's content
 * check marked "review" (kept from everyone but its author until decided), or a rating whose stars were held
 * back from the provider's reputation (decision 0013).
 */
export const MODERATION_KINDS = [
  'order_note',
  'service_address',
  'cancel_reason',
  'decline_reason',
  'follow_up_summary',
  'follow_up_problems',
  'follow_up_suggestions',
  'rating_text',
  'rating_stars',
  'announcement_title',
  'announcement_body',
] as const;
export type ModerationKind = (typeof MODERATION_KINDS)[number];

/** The kinds that are texts (every kind but the held stars). */
export type HeldTextKind = Exclude<ModerationKind, 'rating_stars'>;

/** What the worker reads the item as (the field's name, as the forms call it). */
export const MODERATION_KIND_LABELS: Readonly<Record<ModerationKind, string>> = {
  order_note: '订单备注',
  service_address: '服务地址',
  cancel_reason: '取消原因',
  decline_reason: '拒单原因',
  follow_up_summary: '回访情况',
  follow_up_problems: '回访中反映的问题',
  follow_up_suggestions: '回访中提出的建议',
  rating_text: '评价内容',
  rating_stars: '评价星级',
  announcement_title: '信息发布的标题',
  announcement_body: '信息发布的正文',
};

/** Why an item waits: WeChat asked for a person's look, or the rating's stars were held (decision 0013). */
export const MODERATION_HOLD_REASONS = [
  'content_review',
  'new_account_burst',
  'rater_is_provider_staff',
] as const;
export type ModerationHoldReason = (typeof MODERATION_HOLD_REASONS)[number];

export const MODERATION_HOLD_REASON_LABELS: Readonly<Record<ModerationHoldReason, string>> = {
  content_review: '内容安全检测建议人工审核',
  new_account_burst: '新注册账号集中评价同一服务机构',
  rater_is_provider_staff: '评价人是其他服务机构的工作人员',
};

/** The record a held item belongs to. */
export type ModerationSubject = 'orders' | 'follow_ups' | 'ratings' | 'announcements';

/**
 * `moderation_items`: one held text or held rating, for the workers of its unit (`orgPath`: the order's).
 * `_id` is `mod-<kind>-<subjectId>`: each field of a record is held at most once, so a retried command
 * writes it once. The record itself says what is hidden (`heldTexts` on orders and follow-ups,
 * `textVisible` and `counted` on ratings); a decision updates both in one transaction.
 */
export interface ModerationItem extends BaseDocument, Located, Timestamps {
  readonly kind: ModerationKind;
  readonly holdReason: ModerationHoldReason;
  readonly subject: ModerationSubject;
  readonly subjectId: string;
  readonly orderId: string;
  /** The text held (for held stars: the stars, e.g. 5星, and the rating's text). */
  readonly text: string;
  /** Whose text it is: shown to them meanwhile, and told of a rejection where a template exists. */
  readonly authorOpenid: string;
  readonly status: ModerationStatus;
  readonly decidedAt: Millis | null;
  readonly decidedBy: string | null;
  /** The worker's reason (required to reject). */
  readonly decisionReason: string | null;
}

export function moderationItemId(kind: ModerationKind, subjectId: string): string {
  return `mod-${kind}-${subjectId}`;
}
