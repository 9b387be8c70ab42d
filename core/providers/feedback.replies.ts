/**
 * What the offerings, 差评 follow-up, appeal and complaint commands of `providers` answer (docs/functions.md,
 * docs/governance.md). Type-only: the console (admin-api) and the mini-program read these.
 */
import type { ComplaintStatus } from '../model/order.model';
import type {
  AppealStatus,
  ContactChannel,
  FeedbackTicketStatus,
  OfferingReviewState,
  TicketOutcome,
} from '../model/feedback.model';
import type { OfferingPricing } from '../model/offering.model';

/** A page of a list, in the house style. */
export interface FeedbackPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Another page follows. */
  readonly hasMore: boolean;
}

// ---- Offerings (provider.offering.*) ----

/** One offering of a provider, as its manager and the unit's workers see it. */
export interface OfferingView {
  readonly offeringId: string;
  readonly providerId: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly categoryId: string;
  readonly pricing: OfferingPricing;
  /** '免费', or '30元/次（市场价 50元/次）'. */
  readonly priceText: string;
  readonly description: string;
  /** Listed (上架) by the provider. */
  readonly active: boolean;
  /** 'approved' for offerings that never needed a review. */
  readonly review: OfferingReviewState;
  readonly reviewLabel: string;
  /** Why a review failed (rejected), else null. */
  readonly reviewReason: string | null;
  /** Residents can be offered it now (listed, reviewed, provider serving and not blacklisted). */
  readonly matchable: boolean;
  readonly updatedAt: number;
}

/** The buttons the caller may use on the provider's offerings. */
export interface OfferingActions {
  /** provider.offering.save (add, change, list or unlist). */
  readonly canSave: boolean;
  /** provider.offering.review (a worker or leader of the unit). */
  readonly canReview: boolean;
}

/** provider.offering.list {providerId}. */
export interface OfferingListResult {
  readonly providerId: string;
  readonly providerName: string;
  readonly items: readonly OfferingView[];
  readonly total: number;
  readonly actions: OfferingActions;
}

/** provider.offering.save. */
export interface OfferingSaveResult {
  readonly offeringId: string;
  /** A new offering (true) or a change to an existing one. */
  readonly created: boolean;
  /** The fields that changed (`pricing`, `description`, `active`); empty when nothing did. */
  readonly changed: readonly string[];
  readonly review: OfferingReviewState;
  readonly reviewLabel: string;
  readonly matchable: boolean;
}

/** provider.offering.review. */
export interface OfferingReviewResult {
  readonly offeringId: string;
  readonly review: OfferingReviewState;
  readonly reviewLabel: string;
  readonly matchable: boolean;
}

// ---- 差评 follow-up tickets (feedback.ticket.*) ----

/** One ticket with its clocks. */
export interface FeedbackTicketView {
  readonly ticketId: string;
  readonly ratingId: string;
  readonly orderId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly itemName: string;
  readonly stars: number;
  /** 非常不满意 / 不满意 ... (core/reputation/rating-levels.ts). */
  readonly levelLabel: string;
  /** The rating's text when it is visible ('' otherwise). */
  readonly ratingText: string;
  readonly status: FeedbackTicketStatus;
  readonly statusLabel: string;
  readonly createdAt: number;
  readonly contactDueAt: number;
  readonly fixDueAt: number;
  /** The contact deadline passed without a contact (or the contact came late). */
  readonly contactOverdue: boolean;
  /** The fix deadline passed without a resolution (or it came late). */
  readonly fixOverdue: boolean;
  readonly contactedAt: number | null;
  readonly contactChannel: ContactChannel | null;
  readonly contactChannelLabel: string | null;
  readonly contactNote: string;
  readonly resolvedAt: number | null;
  readonly outcome: TicketOutcome | null;
  readonly outcomeLabel: string | null;
  readonly resolutionNote: string;
  /** The resident rated once more after the resolution. */
  readonly rerated: boolean;
  /** Buttons for the caller (the provider's manager contacts and resolves). */
  readonly actions: { readonly canContact: boolean; readonly canResolve: boolean };
}

export type FeedbackTicketListResult = FeedbackPage<FeedbackTicketView>;

/** feedback.ticket.contact / feedback.ticket.resolve. */
export interface FeedbackTicketStepResult {
  readonly ticketId: string;
  readonly status: FeedbackTicketStatus;
  readonly statusLabel: string;
  readonly at: number;
  /** The step came after its deadline. */
  readonly late: boolean;
}

// ---- Second rating and appeals (rating.*) ----

/** rating.rerate. */
export interface RerateResult {
  readonly orderId: string;
  readonly ratingId: string;
  readonly stars: number;
  /** The first rating's stars, kept on the rating as `superseded`. */
  readonly previousStars: number;
  readonly textVisible: boolean;
}

/** rating.appeal / rating.appeal.decide. */
export interface AppealResult {
  readonly appealId: string;
  readonly ratingId: string;
  readonly status: AppealStatus;
  readonly statusLabel: string;
}

/** One appeal (rating.appeal.list): the rating, the provider's reason, the decision. */
export interface AppealView {
  readonly appealId: string;
  readonly ratingId: string;
  readonly orderId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly stars: number;
  readonly levelLabel: string;
  /** The rating's text when visible ('' otherwise). */
  readonly ratingText: string;
  readonly reason: string;
  readonly status: AppealStatus;
  readonly statusLabel: string;
  readonly createdAt: number;
  readonly decidedAt: number | null;
  readonly decisionReason: string | null;
  readonly actions: { readonly canDecide: boolean };
}

export type AppealListResult = FeedbackPage<AppealView>;

// ---- Complaints (complaint.*) ----

export interface ComplaintView {
  readonly complaintId: string;
  readonly orderId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly itemName: string;
  readonly content: string;
  readonly images: readonly string[];
  readonly status: ComplaintStatus;
  readonly statusLabel: string;
  readonly reply: string | null;
  readonly createdAt: number;
  readonly handledAt: number | null;
  readonly actions: { readonly canDecide: boolean };
}

export type ComplaintListResult = FeedbackPage<ComplaintView>;

/** complaint.submit / complaint.decide. */
export interface ComplaintStepResult {
  readonly complaintId: string;
  readonly status: ComplaintStatus;
  readonly statusLabel: string;
  /** After complaint.decide (upheld): the provider's reputation score now. */
  readonly reputation?: number;
}
