/**
 * The five levels of the national 政务服务"好差评" practice, mapped onto the 1-5 stars of a rating: one label
 * table for the rating pages, tickets and lists. A rating of `governance.lowRatingAtMost` stars or fewer (2:
 * 不满意 and 非常不满意) is a 差评: it opens a follow-up ticket (core/reputation/feedback-ticket.ts) and counts
 * in the provider's 差评率.
 */
import type { StarCounts } from './ratings.aggregate';

export const RATING_LEVELS = [
  { stars: 5, key: 'very_satisfied', label: '非常满意' },
  { stars: 4, key: 'satisfied', label: '满意' },
  { stars: 3, key: 'basically_satisfied', label: '基本满意' },
  { stars: 2, key: 'dissatisfied', label: '不满意' },
  { stars: 1, key: 'very_dissatisfied', label: '非常不满意' },
] as const;

export type RatingLevel = (typeof RATING_LEVELS)[number];
export type RatingLevelKey = RatingLevel['key'];

/** Stars -> label: 5 非常满意 ... 1 非常不满意. */
export const RATING_LEVEL_LABELS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** The label of a star count ('' for a value outside 1-5). */
export function ratingLevelLabel(stars: number): string {
  return RATING_LEVEL_LABELS[stars as 1 | 2 | 3 | 4 | 5] ?? '';
}

/** Whether a rating of `stars` is a 差评 (at most `lowRatingAtMost` stars). */
export function isLowRating(stars: number, lowRatingAtMost: number): boolean {
  return Number.isInteger(stars) && stars >= 1 && stars <= lowRatingAtMost;
}

/** The 差评率 of a provider as counts (for display and exact comparisons). */
export interface LowRatingShare {
  /** Counted ratings of at most `lowRatingAtMost` stars. */
  readonly low: number;
  /** Every counted rating. */
  readonly counted: number;
  /** low / counted, 0 without ratings. */
  readonly rate: number;
  /** '12.5%', or '暂无评价'. */
  readonly text: string;
}

/**
 * 差评率 = counted ratings of at most `lowRatingAtMost` stars / counted ratings, from the provider's stored
 * `starCounts` (index 0 = one star). Held ratings, ratings taken out by an upheld appeal and first ratings
 * replaced by a second one are not in `starCounts`, so they are not in the rate either.
 */
export function lowRatingShare(starCounts: StarCounts | undefined, lowRatingAtMost: number): LowRatingShare {
  const counts = starCounts ?? [0, 0, 0, 0, 0];
  const counted = counts.reduce((sum, c) => sum + c, 0);
  const upTo = Math.max(0, Math.min(5, Math.floor(lowRatingAtMost)));
  const low = counts.slice(0, upTo).reduce((sum, c) => sum + c, 0);
  const rate = counted === 0 ? 0 : low / counted;
  const text = counted === 0 ? '暂无评价' : `${Math.round(rate * 1000) / 10}%`;
  return { low, counted, rate, text };
}

/** Just the rate (0-1). */
export function lowRatingRate(starCounts: StarCounts | undefined, lowRatingAtMost: number): number {
  return lowRatingShare(starCounts, lowRatingAtMost).rate;
}
