/**
 * The five levels of 好差评 and the 差评率 (core/reputation/rating-levels.ts), and the aggregate moves of a
 * second rating and an upheld appeal (core/reputation/feedback-aggregates.ts) against a full recount.
 */
import {
  RATING_LEVELS,
  isLowRating,
  lowRatingRate,
  lowRatingShare,
  ratingLevelLabel,
} from '../../../core/reputation/rating-levels';
import { removeRating, replaceRating } from '../../../core/reputation/feedback-aggregates';
import { recomputeRatingAggregate, type StarCounts } from '../../../core/reputation/ratings.aggregate';

describe('rating levels', () => {
  test.each([
    [5, '非常满意'],
    [4, '满意'],
    [3, '基本满意'],
    [2, '不满意'],
    [1, '非常不满意'],
    [0, ''],
    [6, ''],
  ])('%d stars: %s', (stars, label) => {
    expect(ratingLevelLabel(stars)).toBe(label);
  });

  test('the table lists 5 down to 1 with the same labels', () => {
    expect(RATING_LEVELS.map((l) => [l.stars, l.label])).toEqual([
      [5, '非常满意'],
      [4, '满意'],
      [3, '基本满意'],
      [2, '不满意'],
      [1, '非常不满意'],
    ]);
  });

  test.each([
    [1, 2, true],
    [2, 2, true],
    [3, 2, false],
    [1, 1, true],
    [2, 1, false],
    [0, 2, false],
  ])('%d stars with lowRatingAtMost %d is a 差评: %s', (stars, atMost, low) => {
    expect(isLowRating(stars, atMost)).toBe(low);
  });
});

describe('差评率', () => {
  const rows: [StarCounts | undefined, number, number, number, string][] = [
    [[0, 0, 0, 0, 0], 2, 0, 0, '暂无评价'],
    [undefined, 2, 0, 0, '暂无评价'],
    [[1, 1, 0, 3, 3], 2, 2, 0.25, '25%'],
    [[1, 1, 0, 3, 3], 1, 1, 0.125, '12.5%'],
    [[0, 0, 2, 0, 1], 2, 0, 0, '0%'],
    [[3, 0, 0, 0, 0], 2, 3, 1, '100%'],
    [[1, 2, 0, 0, 0], 5, 3, 1, '100%'],
  ];
  test.each(rows)('%j with lowRatingAtMost %d: %d low, rate %d (%s)', (counts, atMost, low, rate, text) => {
    const share = lowRatingShare(counts, atMost);
    expect(share.low).toBe(low);
    expect(share.rate).toBeCloseTo(rate, 10);
    expect(share.text).toBe(text);
    expect(lowRatingRate(counts, atMost)).toBe(share.rate);
  });

  test('equals a direct count over the ratings', () => {
    const stars = [1, 2, 2, 3, 4, 5, 5, 5, 1, 4, 3];
    const aggregate = recomputeRatingAggregate(stars.map((s) => ({ stars: s })));
    const direct = stars.filter((s) => s <= 2).length / stars.length;
    expect(lowRatingRate(aggregate.starCounts, 2)).toBe(direct);
  });
});

describe('second ratings and upheld appeals on the aggregates', () => {
  const stars = [1, 2, 5, 4, 3];
  const before = recomputeRatingAggregate(stars.map((s) => ({ stars: s })));

  test('a second rating replaces the first: equal to a recount with the new stars', () => {
    expect(replaceRating(before, 1, 4)).toEqual(
      recomputeRatingAggregate([4, 2, 5, 4, 3].map((s) => ({ stars: s }))),
    );
    expect(replaceRating(before, 2, 2)).toEqual(before);
  });

  test('an upheld appeal takes the rating out: equal to a recount without it', () => {
    expect(removeRating(before, 2)).toEqual(
      recomputeRatingAggregate([1, 5, 4, 3].map((s) => ({ stars: s }))),
    );
  });

  test('never below zero', () => {
    const empty = recomputeRatingAggregate([]);
    expect(removeRating(empty, 3)).toEqual(empty);
  });
});
