/**
 * 差评 follow-up tickets, rating appeals and the offerings' change history (docs/governance.md, "Offerings kept
 * by the provider" and "差评 follow-up, appeals and complaints"). Complaints keep their `complaints` collection
 * (core/model/order.model.ts).
 */
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';
import type { OfferingPricing } from './offering.model';
import type {
  AppealStatus,
  ContactChannel,
  FeedbackTicketStatus,
  TicketOutcome,
} from '../schemas/feedback.fields';

export {
  APPEAL_STATUSES,
  CONTACT_CHANNELS,
  FEEDBACK_TICKET_STATUSES,
  TICKET_OUTCOMES,
  type AppealStatus,
  type ContactChannel,
  type FeedbackTicketStatus,
  type TicketOutcome,
} from '../schemas/feedback.fields';

/**
 * A new item of an active provider waits for the unit's worker before residents see it (`pending`), then
 * `approved` or `rejected`. Offerings created with the provider (the agreement) and older ones carry no
 * `review` (absent: approved). Matching leaves out `pending` and `rejected` ones
 * (core/offerings/matchable-offerings.ts).
 */
export const OFFERING_REVIEW_STATES = ['pending', 'approved', 'rejected'] as const;
export type OfferingReviewState = (typeof OFFERING_REVIEW_STATES)[number];

export const OFFERING_REVIEW_LABELS: Readonly<Record<OfferingReviewState, string>> = {
  pending: '待审核',
  approved: '已审核',
  rejected: '未通过审核',
};

/** The review fields an offering may carry (written by provider.offering.save / provider.offering.review). */
export interface OfferingReviewFields {
  readonly review?: OfferingReviewState;
  readonly reviewReason?: string | null;
  readonly reviewedBy?: string | null;
  readonly reviewedAt?: Millis | null;
}

/** What one offering write changed (before and after), for the offering's history. */
export interface OfferingSnapshot {
  readonly pricing: OfferingPricing;
  readonly description: string;
  readonly active: boolean;
  readonly review: OfferingReviewState;
}

export const OFFERING_CHANGE_KINDS = ['created', 'changed', 'reviewed'] as const;
export type OfferingChangeKind = (typeof OFFERING_CHANGE_KINDS)[number];

/**
 * `offering_changes`: one document per write to an offering (price, description, listing, review), with what
 * it was before and what it is after. Matching reads the offering itself, so a change applies from the next
 * match; orders keep the price they were made with.
 */
export interface OfferingChange extends BaseDocument, Located {
  readonly offeringId: string;
  readonly providerId: string;
  readonly itemId: string;
  readonly kind: OfferingChangeKind;
  /** Null when the offering was created by this write. */
  readonly before: OfferingSnapshot | null;
  readonly after: OfferingSnapshot;
  /** Names of the fields that differ (`pricing`, `description`, `active`, `review`). */
  readonly fields: readonly string[];
  readonly byOpenid: string;
  readonly byRole: string;
  readonly reason: string | null;
  readonly at: Millis;
}

/**
 * A ticket's own small state: `open` (waiting for the manager's contact), `contacted`, `resolved` (fixed or
 * explained: the resident may rate once more).
 */

export const FEEDBACK_TICKET_STATUS_LABELS: Readonly<Record<FeedbackTicketStatus, string>> = {
  open: '待联系',
  contacted: '已联系，整改中',
  resolved: '已办结',
};

export const CONTACT_CHANNEL_LABELS: Readonly<Record<ContactChannel, string>> = {
  phone: '电话联系',
  visit: '上门走访',
  wechat: '微信联系',
};

export const TICKET_OUTCOME_LABELS: Readonly<Record<TicketOutcome, string>> = {
  fixed: '已整改',
  explained: '已解释说明',
};

/**
 * `feedback_tickets`: 差评回访工单, opened by order.rate in its own transaction when the stars are at most
 * `governance.lowRatingAtMost` (one per rating: `_id` = `ft-<ratingId>`). The provider's manager contacts the
 * resident by `contactDueAt` and fixes or explains by `fixDueAt` (working days, core/kernel/working-days.ts);
 * the unit's workers watch the clocks; the timer marks each deadline missed once (`contactOverdueAt`,
 * `fixOverdueAt`) and tells them.
 */
export interface FeedbackTicket extends BaseDocument, Timestamps, Located {
  readonly ratingId: string;
  readonly orderId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly residentOpenid: string;
  readonly stars: number;
  /** The rating's stars were held for a worker when the ticket opened (the ticket opens all the same). */
  readonly starsHeld: boolean;
  readonly status: FeedbackTicketStatus;
  readonly contactDueAt: Millis;
  readonly fixDueAt: Millis;
  readonly contactedAt: Millis | null;
  readonly contactChannel: ContactChannel | null;
  readonly contactNote: string;
  readonly resolvedAt: Millis | null;
  readonly outcome: TicketOutcome | null;
  readonly resolutionNote: string;
  readonly handledBy: string | null;
  /** When the timer found each deadline missed (set once; what makes its notice once-only). */
  readonly contactOverdueAt: Millis | null;
  readonly fixOverdueAt: Millis | null;
  /** The resident rated once more after the resolution (rating.rerate). */
  readonly reratedAt: Millis | null;
}

export const APPEAL_STATUS_LABELS: Readonly<Record<AppealStatus, string>> = {
  pending: '待裁定',
  upheld: '申诉成立，该评价不计入',
  dismissed: '申诉不成立',
};

/**
 * `rating_appeals`: a provider's appeal against a rating it thinks malicious (恶意评价), decided by a worker or
 * leader of the rating's unit, never by the provider. One per rating (`_id` = `ra-<ratingId>`).
 */
export interface RatingAppeal extends BaseDocument, Timestamps, Located {
  readonly ratingId: string;
  readonly orderId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly stars: number;
  readonly reason: string;
  readonly appealedBy: string;
  readonly status: AppealStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: Millis | null;
  readonly decisionReason: string | null;
}
