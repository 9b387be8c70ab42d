/**
 * The reputation formula on hand-computed cases (docs/reputation.md shows the same numbers).
 */
import {
  bayesianAverage,
  computeReputation,
  DEFAULT_REPUTATION_POLICY,
  newcomerReputation,
  PLATFORM_FALLBACK_PRIOR,
  ratingPriorFrom,
  starLevel,
  type ReputationInput,
} from '../../../core/reputation/reputation.formula';

/** A provider with only ratings: no follow-ups due, never evaluated, no complaints. */
function ratedOnly(ratingCount: number, ratingSum: number): ReputationInput {
  return {
    ratings: { ratingCount, ratingSum },
    followUps: { due: 0, onTime: 0 },
    latestEvaluationGrade: null,
    upheldComplaints: 0,
  };
}

const pointsOf = (rep: ReturnType<typeof computeReputation>) =>
  Object.fromEntries(rep.components.map((c) => [c.key, c.points]));

describe('hand-computed cases', () => {
  test('a brand-new provider lands exactly at the prior: 45 + 18 + 16 = 79.0, four stars, not on the red-star board', () => {
    const rep = newcomerReputation();
    expect(rep.bayesianAverage).toBe(4);
    expect(pointsOf(rep)).toEqual({ rating: 45, punctuality: 18, evaluation: 16, complaints: 0 });
    expect(rep.score).toBe(79);
    expect(rep.starLevel).toBe(4);
    expect(rep.redStar).toBe(false);
    expect(rep.ratingAverage).toBeNull();
  });

  test('one 5-star rating: B = (10x4 + 5) / 11 = 4.0909, 46.4 rating points, score 80.4', () => {
    const rep = computeReputation(ratedOnly(1, 5));
    expect(rep.bayesianAverage).toBeCloseTo(45 / 11, 12);
    expect(pointsOf(rep).rating).toBe(46.4);
    expect(rep.score).toBe(80.4);
    expect(rep.starLevel).toBe(4);
    expect(rep.ratingAverage).toBe(5);
  });

  test('200 ratings averaging 4.6: B = (40 + 920) / 210 = 4.5714, 53.6 rating points, score 87.6, five stars', () => {
    const rep = computeReputation(ratedOnly(200, 920));
    expect(rep.bayesianAverage).toBeCloseTo(960 / 210, 12);
    expect(pointsOf(rep).rating).toBe(53.6);
    expect(rep.score).toBe(87.6);
    expect(rep.starLevel).toBe(5);
    expect(rep.redStar).toBe(true);
    // The plain average residents read beside the stars ("近 200 条评价平均 4.6 星"), not the Bayesian one.
    expect(rep.ratingAverage).toBeCloseTo(4.6, 12);
  });

  test('the provider with 200 ratings averaging 4.6 ranks above the one with a single 5-star rating', () => {
    expect(computeReputation(ratedOnly(200, 920)).score).toBeGreaterThan(
      computeReputation(ratedOnly(1, 5)).score,
    );
  });

  test('a handful of ratings neither buries nor boosts a newcomer', () => {
    const newcomer = newcomerReputation().score;
    expect(Math.abs(computeReputation(ratedOnly(1, 1)).score - newcomer)).toBeLessThan(5); // one angry 1-star
    expect(Math.abs(computeReputation(ratedOnly(1, 5)).score - newcomer)).toBeLessThan(2); // one glowing 5-star
    expect(computeReputation(ratedOnly(1, 1)).score).toBe(74.9); // B = 41/11 = 3.727 -> 40.9 + 18 + 16
  });

  test('the worked example of docs/reputation.md: 51.7 + 18.0 + 20.0 - 5.0 = 84.7', () => {
    const rep = computeReputation(
      {
        ratings: { ratingCount: 48, ratingSum: 216 },
        followUps: { due: 40, onTime: 36 },
        latestEvaluationGrade: 'excellent',
        upheldComplaints: 1,
      },
      { mean: 4.2, source: 'item' },
    );
    // B = (10 x 4.2 + 216) / (10 + 48) = 258 / 58 = 4.4483; P = (5 x 0.9 + 36) / (5 + 40) = 0.9
    expect(rep.bayesianAverage).toBeCloseTo(258 / 58, 12);
    expect(pointsOf(rep)).toEqual({ rating: 51.7, punctuality: 18, evaluation: 20, complaints: -5 });
    expect(rep.score).toBe(84.7);
    expect(rep.starLevel).toBe(4);
    expect(rep.redStar).toBe(true);
    const explanations = rep.components.map((c) => c.explanation);
    expect(explanations[0]).toContain('居民评价 48 条，平均 4.50 星');
    expect(explanations[0]).toContain('该服务项目平均 4.20 星');
    expect(explanations[1]).toBe('应回访 40 次，按时回访 36 次（90%），加权后按 90% 计');
    expect(explanations[2]).toBe('最近一次考核评价：优秀');
    expect(explanations[3]).toContain('共扣 5 分');
  });

  test('upheld complaints cost 5 points each, at most 20', () => {
    const base = ratedOnly(50, 225);
    const scores = [0, 1, 2, 4, 5, 9].map(
      (n) => pointsOf(computeReputation({ ...base, upheldComplaints: n })).complaints,
    );
    expect(scores).toEqual([0, -5, -10, -20, -20, -20]);
  });

  test('evaluation grades: 优秀 20, 合格 16, 基本合格 10, 不合格 0, none yet 16', () => {
    const base = ratedOnly(0, 0);
    const grades = ['excellent', 'qualified', 'basically_qualified', 'unqualified', null] as const;
    expect(
      grades.map((g) => pointsOf(computeReputation({ ...base, latestEvaluationGrade: g })).evaluation),
    ).toEqual([20, 16, 10, 0, 16]);
  });

  test('punctuality is smoothed too: one late follow-up is not the end of the world, many are', () => {
    const base = ratedOnly(0, 0);
    const p = (due: number, onTime: number) =>
      pointsOf(computeReputation({ ...base, followUps: { due, onTime } })).punctuality;
    expect(p(0, 0)).toBe(18); // prior 90%
    expect(p(1, 0)).toBe(15); // (4.5 + 0) / 6 = 75%
    expect(p(100, 50)).toBe(10.4); // (4.5 + 50) / 105 = 51.9%
    expect(p(100, 100)).toBe(19.9); // (4.5 + 100) / 105 = 99.5%
  });

  test('the score never leaves 0..100', () => {
    const worst = computeReputation({
      ratings: { ratingCount: 1000, ratingSum: 1000 },
      followUps: { due: 100, onTime: 0 },
      latestEvaluationGrade: 'unqualified',
      upheldComplaints: 10,
    });
    expect(worst.score).toBe(0);
    const best = computeReputation({
      ratings: { ratingCount: 100000, ratingSum: 500000 },
      followUps: { due: 100000, onTime: 100000 },
      latestEvaluationGrade: 'excellent',
      upheldComplaints: 0,
    });
    expect(best.score).toBeLessThanOrEqual(100);
    expect(best.score).toBeGreaterThan(99.9);
  });

  test('the parts add up to the score, each with a Chinese label and explanation', () => {
    for (const input of [ratedOnly(0, 0), ratedOnly(7, 30), ratedOnly(300, 1234)]) {
      const rep = computeReputation({ ...input, upheldComplaints: 1, followUps: { due: 9, onTime: 7 } });
      const sumTenths = rep.components.reduce((s, c) => s + Math.round(c.points * 10), 0);
      expect(Math.round(rep.score * 10)).toBe(sumTenths);
      for (const c of rep.components) {
        expect(c.label).toMatch(/[\u4e00-\u9fa5]/);
        expect(c.explanation).toMatch(/[\u4e00-\u9fa5]/);
      }
      expect(rep.components.map((c) => c.weight)).toEqual([60, 20, 20, -20]);
    }
  });
});

describe('star level', () => {
  // prior 4, m = 10, n = 10 ratings: B = (40 + S) / 20.
  test.each([
    [50, 4.5, 5],
    [49, 4.45, 4],
    [40, 4.0, 4],
    [39, 3.95, 3],
    [30, 3.5, 3],
    [29, 3.45, 2],
    [20, 3.0, 2],
    [19, 2.95, 1],
    [10, 2.5, 1],
  ])('10 ratings summing %i: B = %f, %i stars', (sum, b, stars) => {
    const ratings = { ratingCount: 10, ratingSum: sum };
    expect(bayesianAverage(ratings, PLATFORM_FALLBACK_PRIOR)).toBeCloseTo(b, 12);
    expect(starLevel(ratings, PLATFORM_FALLBACK_PRIOR)).toBe(stars);
  });

  test('the red-star board wants three stars and at least five ratings', () => {
    expect(computeReputation(ratedOnly(4, 20)).redStar).toBe(false); // 4.29 -> 4 stars, but only 4 ratings
    expect(computeReputation(ratedOnly(5, 25)).redStar).toBe(true);
    expect(computeReputation(ratedOnly(30, 60)).starLevel).toBe(1); // (40 + 60) / 40 = 2.5
    expect(computeReputation(ratedOnly(30, 60)).redStar).toBe(false);
    expect(DEFAULT_REPUTATION_POLICY.redStarMinLevel).toBe(3);
  });
});

describe('the prior', () => {
  test('an empty population gives the fallback of four stars', () => {
    expect(ratingPriorFrom({ ratingCount: 0, ratingSum: 0 }, 'platform')).toEqual({
      mean: 4,
      source: 'platform',
    });
  });

  test('a population mean is itself smoothed towards four stars with ten ratings', () => {
    expect(ratingPriorFrom({ ratingCount: 90, ratingSum: 405 }, 'item')).toEqual({
      mean: 4.45,
      source: 'item',
    });
  });

  test('the prior is what a newcomer scores: an item whose providers average 4.6 starts newcomers higher', () => {
    const prior = { mean: 4.6, source: 'item' as const };
    const rep = newcomerReputation(prior);
    expect(rep.bayesianAverage).toBeCloseTo(4.6, 12);
    expect(rep.components[0]!.explanation).toBe('暂无居民评价，按该服务项目平均 4.60 星计');
  });
});
