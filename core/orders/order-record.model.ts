/**
 * What the order loop stores beyond the shared model (core/model): the order's own copy of its match, its
 * acceptance deadline and the provider offered next; the nightly recount's correction records. The extra
 * order fields are optional so orders written by others (demo data, imports) read the same way.
 */
import type { Millis } from '../model/common.model';
import type { Order } from '../model/order.model';
import type { MatchCandidate } from '../model/platform.model';
import type { FollowUpAggregate, RatingAggregate } from '../reputation/ratings.aggregate';

export interface OrderRecord extends Order {
  /** When an unanswered order expires (createdAt + acceptWithinHours when it was created). */
  readonly acceptBy?: Millis;
  /**
   * The providers the resident was shown for this item, in rank order: the order keeps its own copy so an
   * expired or declined order can offer the next one without the match document.
   */
  readonly matchCandidates?: readonly MatchCandidate[];
  /** Set when the order is declined or expires: the best-ranked provider of the match not tried yet. */
  readonly nextOffer?: MatchCandidate | null;
}

/** One follow-up per order: its id is derived from the order's. */
export function followUpIdOf(orderId: string): string {
  return `fu-${orderId}`;
}

/** One rating per order: its id is derived from the order's. */
export function ratingIdOf(orderId: string): string {
  return `rat-${orderId}`;
}

/** Collection of the nightly recount's corrections (one document per provider whose aggregates drifted). */
export const AGGREGATE_CORRECTIONS = 'aggregate_corrections';

export interface ProviderAggregates {
  readonly ratings: RatingAggregate;
  readonly followUps: FollowUpAggregate;
}

/** `aggregate_corrections`: what the recount found and wrote. */
export interface AggregateCorrection {
  readonly _id: string;
  readonly providerId: string;
  readonly orgPath: string;
  /** Names of the fields that differed, e.g. `ratingSum`, `starCounts.4`, `followUpsDue`. */
  readonly drift: readonly string[];
  readonly stored: ProviderAggregates;
  readonly recomputed: ProviderAggregates;
  readonly at: Millis;
}
