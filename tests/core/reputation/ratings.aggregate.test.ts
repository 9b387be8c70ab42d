/**
 * Incremental aggregates (constant work per rating) and the nightly full recompute agree exactly.
 */
import {
  addFollowUpOutcome,
  addRating,
  EMPTY_FOLLOW_UP_AGGREGATE,
  EMPTY_RATING_AGGREGATE,
  plainAverage,
  ratingAggregateDrift,
  ratingIncrement,
  recomputeFollowUpAggregate,
  recomputeRatingAggregate,
  type RatingAggregate,
} from '../../../core/reputation/ratings.aggregate';
import { DomainError } from '../../../core/kernel/errors';

/** A small deterministic generator (LCG), so the "random" ratings are the same on every run. */
function* lcgStars(seed: number, count: number): Generator<{ stars: number }> {
  let state = seed >>> 0;
  for (let i = 0; i < count; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    yield { stars: (state % 5) + 1 };
  }
}

describe('rating aggregate', () => {
  test('adding ratings one at a time equals recomputing from all of them, exactly', () => {
    const ratings = [...lcgStars(42, 5000)];
    let incremental: RatingAggregate = EMPTY_RATING_AGGREGATE;
    for (const r of ratings) incremental = addRating(incremental, r.stars);
    const recomputed = recomputeRatingAggregate(ratings);
    expect(incremental).toEqual(recomputed);
    expect(ratingAggregateDrift(incremental, recomputed)).toEqual([]);
    expect(incremental.ratingCount).toBe(5000);
    expect(incremental.starCounts.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(incremental.starCounts.reduce((a, c, i) => a + c * (i + 1), 0)).toBe(incremental.ratingSum);
  });

  test('adding does not change the aggregate it is given', () => {
    const before = recomputeRatingAggregate([{ stars: 4 }]);
    const after = addRating(before, 5);
    expect(before).toEqual({ ratingCount: 1, ratingSum: 4, starCounts: [0, 0, 0, 1, 0] });
    expect(after).toEqual({ ratingCount: 2, ratingSum: 9, starCounts: [0, 0, 0, 1, 1] });
  });

  test('the increment for an atomic database update', () => {
    expect(ratingIncrement(3)).toEqual({ ratingCount: 1, ratingSum: 3, starIndex: 2 });
  });

  test.each([0, 6, 4.5, -1, Number.NaN])('stars %p are refused with RATING_STARS_INVALID', (stars) => {
    expect(() => addRating(EMPTY_RATING_AGGREGATE, stars)).toThrow(DomainError);
    try {
      ratingIncrement(stars);
    } catch (e) {
      expect((e as DomainError).code).toBe('RATING_STARS_INVALID');
    }
  });

  test('drift names every field that differs', () => {
    const truth = recomputeRatingAggregate([{ stars: 5 }, { stars: 3 }]);
    const drifted: RatingAggregate = { ratingCount: 3, ratingSum: 8, starCounts: [0, 0, 1, 0, 2] };
    expect(ratingAggregateDrift(drifted, truth)).toEqual(['ratingCount', 'starCounts.4']);
  });

  test('plain average, or null without ratings', () => {
    expect(plainAverage(EMPTY_RATING_AGGREGATE)).toBeNull();
    expect(plainAverage({ ratingCount: 4, ratingSum: 18 })).toBe(4.5);
  });
});

describe('follow-up aggregate', () => {
  test('incremental equals recompute', () => {
    const outcomes = [...lcgStars(7, 1000)].map((s) => ({ onTime: s.stars !== 1 }));
    let agg = EMPTY_FOLLOW_UP_AGGREGATE;
    for (const o of outcomes) agg = addFollowUpOutcome(agg, o.onTime);
    expect(agg).toEqual(recomputeFollowUpAggregate(outcomes));
    expect(agg.due).toBe(1000);
    expect(agg.onTime).toBe(outcomes.filter((o) => o.onTime).length);
  });
});
