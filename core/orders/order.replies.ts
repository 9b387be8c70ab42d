/**
 * What the order loop's commands and queries answer (`orders` and `jobs`, docs/functions.md): written once
 * here, returned by the use cases, read by the mini-program through `weimin-core` as types and by the tests.
 * Type-only and free of zod, so the mini-program's bundle gains nothing from it.
 */
import type { Action } from '../auth/actions';
import type { Role } from '../auth/roles';
import type { OrderStatus } from '../lifecycle/order.status';
import type { FeedbackTicketStatus, TicketOutcome } from '../model/feedback.model';
import type { FeedbackEntry, FollowUpStatus } from '../model/order.model';
import type { MatchCandidate } from '../model/platform.model';
import type { PriceView } from '../offerings/price.view';
import type { FollowUpChannel } from '../schemas/order.fields';

/** What a life-cycle command answers: the order's new status (a replay answers the same). */
export interface OrderStepResult {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly statusChangedAt: number;
}

/** Declined or expired: plus the provider offered next (null when the match has no one left). */
export interface OrderEndedResult extends OrderStepResult {
  readonly nextOffer: MatchCandidate | null;
}

export interface CreateOrderResult {
  readonly orderId: string;
  readonly status: OrderStatus;
  /** When the order expires if the provider has not answered. */
  readonly acceptBy: number;
}

export interface MarkDoneResult extends OrderStepResult {
  readonly followUpDueAt: number;
}

export interface RecordFollowUpResult extends OrderStepResult {
  readonly followUpId: string;
  /** Recorded by its due time. */
  readonly onTime: boolean;
  /** The follow-up had already been counted as overdue. */
  readonly wasOverdue: boolean;
}

export interface RateOrderResult extends OrderStepResult {
  readonly ratingId: string;
  readonly stars: number;
  /** False when content security asked for a review: the text waits for a worker; the stars count. */
  readonly textVisible: boolean;
}

export interface OrderListItem {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly statusLabel: string;
  readonly itemName: string;
  readonly providerName: string;
  /** What the resident is called (shown to provider staff; the resident sees their own). */
  readonly residentName: string;
  readonly price: PriceView;
  readonly createdAt: number;
  /** While waiting for the provider: when the order expires. */
  readonly acceptBy: number | null;
  readonly stars: number | null;
}

export interface OrderListResult {
  readonly items: readonly OrderListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
  /**
   * Provider lists only: the caller's provider and position in it, so the workbench can offer managers the
   * invite page (core/providers).
   */
  readonly staff?: { readonly providerId: string; readonly position: 'manager' | 'member' };
}

export interface TimelineEntry {
  readonly at: number;
  readonly from: OrderStatus | null;
  readonly to: OrderStatus;
  readonly statusLabel: string;
  /** The step's name (下单, 接单, 超时未接单...). */
  readonly stepLabel: string;
  readonly actorRole: Role;
  readonly actorLabel: string;
  readonly reason: string | null;
}

export interface OrderDetail {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly statusLabel: string;
  /** The match the order was made from (null for orders made without one), and its item: with `nextOffer`, what ordering the next provider takes. */
  readonly matchId: string | null;
  readonly itemId: string;
  readonly itemName: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly residentName: string;
  /** Full or masked (138****1234) as the caller may see it; null when the resident left none. */
  readonly residentPhone: string | null;
  readonly residentPhoneMasked: boolean;
  /** Where the service happens, when the viewer may see it (the phone number's rule); else null. */
  readonly serviceAddress: string | null;
  /** An address exists that the viewer may not see (provider staff before acceptance and after the end). */
  readonly serviceAddressHidden: boolean;
  readonly price: PriceView;
  readonly note: string;
  readonly orgPath: string;
  readonly createdAt: number;
  readonly acceptBy: number | null;
  readonly acceptedAt: number | null;
  readonly doneAt: number | null;
  readonly followUpDueAt: number | null;
  readonly followedUpAt: number | null;
  readonly ratedAt: number | null;
  readonly closedAt: number | null;
}

export interface FollowUpView {
  readonly status: FollowUpStatus;
  readonly dueAt: number;
  readonly recordedAt: number | null;
  readonly onTime: boolean | null;
  readonly channel: FollowUpChannel | null;
  readonly summary: string;
  readonly problems: readonly FeedbackEntry[];
  readonly suggestions: readonly FeedbackEntry[];
}

export interface RatingView {
  readonly stars: number;
  /** Null while the text waits for a worker's review (only its author sees it meanwhile). */
  readonly text: string | null;
  readonly createdAt: number;
  /** A worker recorded it for the resident (代评价); absent: the resident rated. */
  readonly recordedForResident?: boolean;
}

/**
 * The 差评 follow-up of the order's rating (`feedback_tickets`, core/reputation/feedback-ticket.ts): its ticket's
 * state and whether the resident already rated once more. The second rating (rating.rerate) is open when the
 * ticket is `resolved` and `rerated` is false (core/reputation/rerate.rule.ts, shared with
 * core/providers/feedback-rerate.usecase.ts): `canRerate` says so for the caller.
 */
export interface OrderFeedbackView {
  readonly ticketStatus: FeedbackTicketStatus;
  /** 待联系 / 已联系，整改中 / 已办结. */
  readonly ticketStatusLabel: string;
  /** How the provider settled it (resolved tickets), else null. */
  readonly outcome: TicketOutcome | null;
  readonly outcomeLabel: string | null;
  readonly resolvedAt: number | null;
  /** The resident already rated once more (the first rating kept as superseded). */
  readonly rerated: boolean;
  /**
   * The caller may rate once more now (rating.rerate): they are the order's resident, the ticket is resolved and
   * they have not rated again (core/reputation/rerate.rule.ts). False for everyone else.
   */
  readonly canRerate: boolean;
}

/** 代下单: who placed the order for the resident; the consent is shown to the unit's workers only. */
export interface PlacedByView {
  /** The worker's name (称呼), e.g. 由 王网格 代下单. */
  readonly name: string;
  readonly at: number;
  readonly consent: {
    readonly method: 'in_person' | 'phone';
    readonly methodLabel: string;
    readonly statement: string;
    readonly at: number;
  } | null;
}

/** 紧急求助: its state and clock. */
export interface UrgentView {
  readonly state: 'waiting' | 'queued' | 'handled';
  readonly stateLabel: string;
  readonly requestedAt: number;
  readonly acceptBy: number;
  readonly limitMinutes: number;
  readonly queuedAt: number | null;
  readonly handledAt: number | null;
  readonly resolution: 'accepted' | 'reassigned' | 'resolved' | null;
  readonly note: string;
}

export interface OrderDetailResult {
  readonly order: OrderDetail;
  readonly timeline: readonly TimelineEntry[];
  readonly followUp: FollowUpView | null;
  readonly rating: RatingView | null;
  /** The 差评 follow-up of the rating; null when the order has no rating or its rating opened no ticket. */
  readonly feedback: OrderFeedbackView | null;
  /** For the resident of a declined or expired order: the provider offered next. */
  readonly nextOffer: MatchCandidate | null;
  /** The role the caller sees the order in. */
  readonly viewerRole: Role;
  /** The steps the caller may take now (e.g. ['order.accept', 'order.decline']). */
  readonly actions: readonly Action[];
  /** 代下单: who placed it for the resident; absent for an order the resident placed. */
  readonly placedBy?: PlacedByView;
  /** 紧急求助: absent for an ordinary order. */
  readonly urgent?: UrgentView;
}
