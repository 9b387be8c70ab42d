/**
 * A provider's rating and follow-up aggregates, kept as integer counts and sums so that the incremental
 * update (one rating: constant work, e.g. `_.inc` in the database) and the nightly full recompute agree
 * exactly: no float is ever accumulated.
 */
import { DomainError } from '../kernel/errors';

/** Star counts, index 0 = one star ... index 4 = five stars. */
export type StarCounts = readonly [number, number, number, number, number];

export interface RatingAggregate {
  readonly ratingCount: number;
  /** Sum of all stars (an integer). */
  readonly ratingSum: number;
  readonly starCounts: StarCounts;
}

export const EMPTY_RATING_AGGREGATE: RatingAggregate = {
  ratingCount: 0,
  ratingSum: 0,
  starCounts: [0, 0, 0, 0, 0],
};

export function assertStars(stars: number): asserts stars is 1 | 2 | 3 | 4 | 5 {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) {
    throw new DomainError('RATING_STARS_INVALID', '评分必须是 1 到 5 之间的整数', { stars });
  }
}

/** The increments one rating adds, in the shape of the stored aggregate (for an atomic `inc` update). */
export interface RatingIncrement {
  readonly ratingCount: 1;
  readonly ratingSum: number;
  /** Which entry of `starCounts` to increment by one. */
  readonly starIndex: 0 | 1 | 2 | 3 | 4;
}

export function ratingIncrement(stars: number): RatingIncrement {
  assertStars(stars);
  return { ratingCount: 1, ratingSum: stars, starIndex: (stars - 1) as RatingIncrement['starIndex'] };
}

/** Add one rating: constant work, no rescan. */
export function addRating(aggregate: RatingAggregate, stars: number): RatingAggregate {
  const inc = ratingIncrement(stars);
  const starCounts = [...aggregate.starCounts] as [number, number, number, number, number];
  starCounts[inc.starIndex] += 1;
  return {
    ratingCount: aggregate.ratingCount + inc.ratingCount,
    ratingSum: aggregate.ratingSum + inc.ratingSum,
    starCounts,
  };
}

/** Full recompute from every rating of the provider (the nightly check). */
export function recomputeRatingAggregate(ratings: Iterable<{ readonly stars: number }>): RatingAggregate {
  let aggregate = EMPTY_RATING_AGGREGATE;
  for (const rating of ratings) aggregate = addRating(aggregate, rating.stars);
  return aggregate;
}

/** The fields in which a stored aggregate differs from a recomputed one (empty when they agree). */
export function ratingAggregateDrift(stored: RatingAggregate, recomputed: RatingAggregate): string[] {
  const drift: string[] = [];
  if (stored.ratingCount !== recomputed.ratingCount) drift.push('ratingCount');
  if (stored.ratingSum !== recomputed.ratingSum) drift.push('ratingSum');
  for (let i = 0; i < 5; i += 1) {
    if (stored.starCounts[i] !== recomputed.starCounts[i]) drift.push(`starCounts.${i}`);
  }
  return drift;
}

/** The plain average (no prior), or null without ratings. For display next to the Bayesian value. */
export function plainAverage(aggregate: Pick<RatingAggregate, 'ratingCount' | 'ratingSum'>): number | null {
  return aggregate.ratingCount === 0 ? null : aggregate.ratingSum / aggregate.ratingCount;
}

/**
 * Follow-up punctuality: `due` counts follow-ups that fell due (recorded, or missing past their due time);
 * `onTime` those recorded by their due time. Both integers.
 */
export interface FollowUpAggregate {
  readonly due: number;
  readonly onTime: number;
}

export const EMPTY_FOLLOW_UP_AGGREGATE: FollowUpAggregate = { due: 0, onTime: 0 };

/**
 * Count one follow-up outcome, once per order: when it is recorded on time (onTime = true), or when it
 * becomes overdue (onTime = false; a late recording later adds nothing).
 */
export function addFollowUpOutcome(aggregate: FollowUpAggregate, onTime: boolean): FollowUpAggregate {
  return { due: aggregate.due + 1, onTime: aggregate.onTime + (onTime ? 1 : 0) };
}

export function recomputeFollowUpAggregate(
  outcomes: Iterable<{ readonly onTime: boolean }>,
): FollowUpAggregate {
  let aggregate = EMPTY_FOLLOW_UP_AGGREGATE;
  for (const outcome of outcomes) aggregate = addFollowUpOutcome(aggregate, outcome.onTime);
  return aggregate;
}
