/**
 * What the moderation commands answer (docs/functions.md): written once here, type-only and free of zod.
 */
import type { ModerationStatus } from '../lifecycle/moderation.lifecycle';
import type { ModerationHoldReason, ModerationKind } from '../model/moderation.model';

/** One held text or held rating, as a worker reviews it. */
export interface ModerationEntry {
  readonly itemId: string;
  readonly kind: ModerationKind;
  /** The field, in Chinese (订单备注, 评价内容, 评价星级...). */
  readonly kindLabel: string;
  readonly holdReason: ModerationHoldReason;
  readonly holdReasonLabel: string;
  /** The text held (for held stars: the stars and the rating's text). */
  readonly text: string;
  /** The order it belongs to (order.detail shows it in full to the unit's workers). */
  readonly orderId: string;
  readonly orgPath: string;
  readonly createdAt: number;
}

/** moderation.list: one page of the unit's pending items, oldest first. */
export interface ModerationListReply {
  readonly items: readonly ModerationEntry[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

/** moderation.decide: the item's new status. */
export interface ModerationDecideReply {
  readonly itemId: string;
  readonly status: ModerationStatus;
  readonly decidedAt: number;
}
