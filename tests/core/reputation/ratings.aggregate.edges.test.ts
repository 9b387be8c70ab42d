/**
 * The rating aggregate at its edges: which stars are a rating at all (and what the refusal says), where each
 * star lands in the counts, drift named field by field, and follow-ups that are late.
 */
import {
  addFollowUpOutcome,
  addRating,
  assertStars,
  EMPTY_FOLLOW_UP_AGGREGATE,
  EMPTY_RATING_AGGREGATE,
  ratingAggregateDrift,
  ratingIncrement,
  recomputeFollowUpAggregate,
  recomputeRatingAggregate,
  type RatingAggregate,
} from '../../../core/reputation/ratings.aggregate';
import { DomainError } from '../../../core/kernel/errors';

describe('stars', () => {
  test.each([
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 4],
  ])('%i stars are a rating, counted at index %i', (stars, index) => {
    expect(() => assertStars(stars)).not.toThrow();
    expect(ratingIncrement(stars)).toEqual({ ratingCount: 1, ratingSum: stars, starIndex: index });
    const counts = [0, 0, 0, 0, 0];
    counts[index] = 1;
    expect(addRating(EMPTY_RATING_AGGREGATE, stars)).toEqual({
      ratingCount: 1,
      ratingSum: stars,
      starCounts: counts,
    });
  });

  test.each([0, 6, 0.5, 5.5, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    '%p stars are refused, saying what a rating is',
    (stars) => {
      let caught: unknown;
      try {
        assertStars(stars);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({
        code: 'RATING_STARS_INVALID',
        message: '评分必须是 1 到 5 之间的整数',
        details: { stars },
      });
    },
  );

  test('the empty aggregates are all zeros', () => {
    expect(EMPTY_RATING_AGGREGATE).toEqual({ ratingCount: 0, ratingSum: 0, starCounts: [0, 0, 0, 0, 0] });
    expect(EMPTY_FOLLOW_UP_AGGREGATE).toEqual({ due: 0, onTime: 0 });
    expect(recomputeRatingAggregate([])).toEqual(EMPTY_RATING_AGGREGATE);
    expect(recomputeFollowUpAggregate([])).toEqual(EMPTY_FOLLOW_UP_AGGREGATE);
  });
});

describe('drift, field by field', () => {
  const truth = recomputeRatingAggregate([
    { stars: 1 },
    { stars: 2 },
    { stars: 3 },
    { stars: 4 },
    { stars: 5 },
  ]);
  const cases: [string, RatingAggregate, string[]][] = [
    ['none', truth, []],
    ['the count only', { ...truth, ratingCount: 6 }, ['ratingCount']],
    ['the sum only', { ...truth, ratingSum: 14 }, ['ratingSum']],
    ['one star count', { ...truth, starCounts: [1, 1, 1, 1, 2] }, ['starCounts.4']],
    ['the first star count', { ...truth, starCounts: [0, 1, 1, 1, 1] }, ['starCounts.0']],
    [
      'everything',
      { ratingCount: 0, ratingSum: 0, starCounts: [0, 0, 0, 0, 0] },
      [
        'ratingCount',
        'ratingSum',
        'starCounts.0',
        'starCounts.1',
        'starCounts.2',
        'starCounts.3',
        'starCounts.4',
      ],
    ],
  ];
  test.each(cases)('%s', (_name, stored, drift) => {
    expect(ratingAggregateDrift(stored, truth)).toEqual(drift);
  });
});

describe('follow-ups', () => {
  test('a late follow-up is due but not on time; an on-time one is both', () => {
    const late = addFollowUpOutcome(EMPTY_FOLLOW_UP_AGGREGATE, false);
    expect(late).toEqual({ due: 1, onTime: 0 });
    expect(addFollowUpOutcome(late, true)).toEqual({ due: 2, onTime: 1 });
    expect(
      recomputeFollowUpAggregate([{ onTime: false }, { onTime: true }, { onTime: false }, { onTime: true }]),
    ).toEqual({ due: 4, onTime: 2 });
  });
});
