import type { OrderStatus } from '../lifecycle/order.lifecycle';
import type { ComplaintStatus } from '../schemas/feedback.fields';
import type { FollowUpChannel } from '../schemas/order.fields';
import type { HeldTextKind, ModerationHoldReason } from './moderation.model';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';
import type { OfferingPricing } from './offering.model';
import type { MatchCandidate } from './platform.model';

/**
 * `orders`: 服务订单, one resident, one provider, one item. `orgPath` is the resident's grid (or community)
 * when ordering, so a community worker's ledger is a prefix query. Names and the price are copied at order
 * time: the order shows what was agreed even if the offering changes later.
 */
export interface Order extends BaseDocument, Timestamps, Located {
  readonly residentOpenid: string;
  /**
   * The resident's nickname when ordering. Stored sealed, like `serviceAddress` (decision 0012); replaced by
   * 已注销用户 when the resident deletes their account, and `residentOpenid` then by a pseudonym.
   */
  readonly residentName: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly offeringId: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly categoryId: string;
  readonly pricing: OfferingPricing;
  /** The match the resident chose from (an expired or declined order is re-offered from it); null if none. */
  readonly matchId: string | null;
  /** The provider's position (1-based) in that match. */
  readonly matchRank: number | null;
  /**
   * Where the service happens (门牌号); '' when the service needs no visit. Personal data: provider staff see
   * it only while serving the job (core/privacy/phone-masking.policy.ts). Absent on orders made before it.
   * Stored sealed; emptied when the resident deletes their account.
   */
  readonly serviceAddress?: string;
  readonly note: string;

  /** Owned by the order life cycle (core/lifecycle/order.lifecycle.ts). */
  readonly status: OrderStatus;
  readonly statusChangedAt: Millis;
  /** The staff member who accepted it; null before. */
  readonly handlerOpenid: string | null;
  readonly acceptedAt: Millis | null;
  readonly doneAt: Millis | null;
  /** When the follow-up (回访) is due: set with `doneAt`. */
  readonly followUpDueAt: Millis | null;
  readonly followedUpAt: Millis | null;
  readonly ratedAt: Millis | null;
  readonly closedAt: Millis | null;
  /** The rating's stars, copied for lists; null before the rating. */
  readonly stars: number | null;

  // Written by the order loop (core/orders); optional so orders written by others (demo data, imports)
  // read the same way.
  /** When an unanswered order expires (createdAt + acceptWithinHours when it was created). */
  readonly acceptBy?: Millis;
  /**
   * The providers the resident was shown for this item, in rank order: the order keeps its own copy so an
   * expired or declined order can offer the next one without the match document.
   */
  readonly matchCandidates?: readonly MatchCandidate[];
  /** Set when the order is declined or expires: the best-ranked provider of the match not tried yet. */
  readonly nextOffer?: MatchCandidate | null;
  /**
   * Texts of the order WeChat's content check held for review (`order_note`, `service_address`,
   * `cancel_reason`, `decline_reason`): shown to their author only until a worker approves them
   * (`moderation_items`). Absent: none.
   */
  readonly heldTexts?: readonly HeldTextKind[];
  /**
   * 代下单: a worker placed the order for a resident who cannot (docs/acting-for-residents.md). Absent: the
   * resident ordered themselves.
   */
  readonly placedBy?: PlacedBy;
  /** 紧急求助: an urgent request with its acceptance limit in minutes and the workers' queue. Absent: ordinary. */
  readonly urgent?: UrgentRequest;
}

/** How the resident agreed that a worker acts for them (当面 or 电话). */
export const CONSENT_METHODS = ['in_person', 'phone'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, string>> = {
  in_person: '当面',
  phone: '电话',
};

/** The resident's consent, as the worker recorded it. `statement` is stored sealed (decision 0012). */
export interface ResidentConsent {
  readonly method: ConsentMethod;
  /** What the resident agreed to, in the worker's words (shown to the unit's workers only). */
  readonly statement: string;
  /** When it was recorded. */
  readonly at: Millis;
  /** The worker who recorded it. */
  readonly byOpenid: string;
}

/** Who placed an order for a resident (the worker's openid; the name is read from their record when shown). */
export interface PlacedBy {
  readonly openid: string;
  readonly role: 'worker';
  readonly at: Millis;
  readonly consent: ResidentConsent;
}

/**
 * An urgent request's own small state: `waiting` for a provider within the limit; `queued` in the community
 * workers' queue because nobody accepted in time; `handled` (accepted by the provider, or handled by a worker).
 */
export const URGENT_STATES = ['waiting', 'queued', 'handled'] as const;
export type UrgentState = (typeof URGENT_STATES)[number];
export const URGENT_STATE_LABELS: Readonly<Record<UrgentState, string>> = {
  waiting: '等待接单',
  queued: '待社区处理',
  handled: '已处理',
};

/** How an urgent request ended: the provider accepted, a worker reassigned it, or a worker resolved it. */
export const URGENT_RESOLUTIONS = ['accepted', 'reassigned', 'resolved'] as const;
export type UrgentResolution = (typeof URGENT_RESOLUTIONS)[number];
export const URGENT_RESOLUTION_LABELS: Readonly<Record<UrgentResolution, string>> = {
  accepted: '服务机构已接单',
  reassigned: '工作人员已改派',
  resolved: '工作人员已处理',
};

export interface UrgentRequest {
  readonly requestedAt: Millis;
  /** The acceptance limit it was given (PlatformConfig.urgent.acceptWithinMinutes at the time). */
  readonly limitMinutes: number;
  /** requestedAt + limitMinutes (renewed when a worker reassigns it). */
  readonly acceptBy: Millis;
  readonly state: UrgentState;
  /** The community whose workers' queue takes it (`orgPath` of the community). */
  readonly queuePath: string;
  /** The workers told at once (the grid's workers and the community's on-duty workers). */
  readonly notified: readonly string[];
  readonly queuedAt: Millis | null;
  readonly handledAt: Millis | null;
  /** The worker who handled it; the provider's staff member for `accepted`. */
  readonly handledBy: string | null;
  readonly resolution: UrgentResolution | null;
  /** The worker's note when handling it. */
  readonly note: string;
}

/** The follow-up record's own small state: waiting, missed its due time (counted once), recorded. */
export const FOLLOW_UP_STATUSES = ['pending', 'overdue', 'recorded'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS: Readonly<Record<FollowUpStatus, string>> = {
  pending: '待回访',
  overdue: '已逾期',
  recorded: '已回访',
};

/** What the resident raised, and how it was handled (如实记录，并做好问题处理). */
export interface FeedbackEntry {
  readonly content: string;
  readonly handling: string;
}

/**
 * `follow_ups`: 回访, created (pending, with `dueAt`) when the job is marked done, completed by the provider.
 * The timers read it by `status` + `dueAt` for reminders and for counting a missed follow-up once.
 */
export interface FollowUp extends BaseDocument, Timestamps, Located {
  /** One follow-up per order. */
  readonly orderId: string;
  readonly providerId: string;
  readonly itemId: string;
  readonly residentOpenid: string;
  readonly status: FollowUpStatus;
  readonly dueAt: Millis;
  readonly reminderSentAt: Millis | null;
  readonly recordedAt: Millis | null;
  /** Recorded by `dueAt`; null until recorded or counted overdue. */
  readonly onTime: boolean | null;
  readonly recordedBy: string | null;
  readonly channel: FollowUpChannel | null;
  /** What the resident said overall. */
  readonly summary: string;
  readonly problems: readonly FeedbackEntry[];
  readonly suggestions: readonly FeedbackEntry[];
  /**
   * Texts held for review (`follow_up_summary`, `follow_up_problems`, `follow_up_suggestions`): shown to the
   * staff member who recorded them only, until a worker approves them. Absent: none.
   */
  readonly heldTexts?: readonly HeldTextKind[];
}

/** `ratings`: 评价, 1-5 stars and text; exactly one per completed order (unique `orderId`). */
export interface Rating extends BaseDocument, Located {
  readonly orderId: string;
  readonly providerId: string;
  readonly itemId: string;
  readonly residentOpenid: string;
  readonly stars: number;
  readonly text: string;
  /** False when content security (or a worker) hid the text; the stars count or not by `counted`. */
  readonly textVisible: boolean;
  readonly createdAt: Millis;
  /**
   * False while the stars are held back from the provider's aggregates for a worker's look (a burst of
   * ratings from new accounts, a rater who is another provider's staff: decision 0013); true once counted.
   * Absent (ratings written before the rule): counted.
   */
  readonly counted?: boolean;
  /** Why the stars were held; null or absent when they counted at once. */
  readonly holdReason?: ModerationHoldReason | null;
  /** The rater's account was younger than `ratings.newAccountDays` (what the burst rule counts). */
  readonly raterNewAccount?: boolean;
  /**
   * A worker recorded the rating for the resident of an order placed for them (代评价: what the resident said,
   * on their behalf). Absent: the resident rated.
   */
  readonly recordedBy?: { readonly openid: string; readonly role: 'worker' };
  /**
   * rating.rerate (after a 差评 ticket was resolved, once): the first rating as it was, kept here while
   * `stars`/`text` hold the second one, which replaced it in the aggregates. Absent: never re-rated.
   */
  readonly superseded?: SupersededRating;
  /** A worker upheld the provider's appeal (rating_appeals): the stars no longer count (`counted: false`). */
  readonly appealUpheldId?: string;
}

/** The first rating of an order, replaced by the resident's second one (rating.rerate). */
export interface SupersededRating {
  readonly stars: number;
  readonly text: string;
  readonly textVisible: boolean;
  readonly createdAt: Millis;
  readonly supersededAt: Millis;
}

export { COMPLAINT_STATUSES, type ComplaintStatus } from '../schemas/feedback.fields';

export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = {
  submitted: '待核实',
  upheld: '投诉属实',
  dismissed: '投诉不属实',
};

/** `complaints`: a resident's complaint about an order; upheld ones lower the provider's reputation. */
export interface Complaint extends BaseDocument, Timestamps, Located {
  readonly orderId: string;
  readonly providerId: string;
  readonly residentOpenid: string;
  readonly content: string;
  readonly images: readonly string[];
  readonly status: ComplaintStatus;
  readonly reply: string | null;
  readonly handledBy: string | null;
  readonly handledAt: Millis | null;
  // Copied when submitted (complaint.submit), for lists and the regulator's industry scope; absent on
  // complaints written before.
  readonly providerName?: string;
  readonly itemId?: string;
  readonly itemName?: string;
  /** The industry of the order's service category (core/model/industry.model.ts). */
  readonly industry?: string;
}
