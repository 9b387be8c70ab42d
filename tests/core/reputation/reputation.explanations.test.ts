/**
 * What a resident reads under a provider's score (the components' labels and explanations, word for word),
 * and the edges of the formula: the red-star board at exactly three stars, complaints that are not whole
 * counts, a policy whose weights go past 100, the prior's own weight.
 */
import {
  bayesianAverage,
  computeReputation,
  DEFAULT_REPUTATION_POLICY,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  newcomerReputation,
  ratingPriorFrom,
  starLevel,
  type EvaluationGrade,
  type ReputationInput,
  type ReputationPolicy,
} from '../../../core/reputation/reputation.formula';

function input(overrides: Partial<ReputationInput> = {}): ReputationInput {
  return {
    ratings: { ratingCount: 0, ratingSum: 0 },
    followUps: { due: 0, onTime: 0 },
    latestEvaluationGrade: null,
    upheldComplaints: 0,
    ...overrides,
  };
}

const componentOf = (rep: ReturnType<typeof computeReputation>, key: string) =>
  rep.components.find((c) => c.key === key)!;

describe('the components, as the resident reads them', () => {
  test('four components in a fixed order, each with its Chinese name and maximum points', () => {
    const rep = newcomerReputation();
    expect(rep.components.map((c) => [c.key, c.label, c.weight])).toEqual([
      ['rating', '居民评价', 60],
      ['punctuality', '回访及时', 20],
      ['evaluation', '考核评价', 20],
      ['complaints', '投诉扣分', -20],
    ]);
  });

  test('a newcomer: every explanation says what was assumed', () => {
    expect(newcomerReputation().components.map((c) => c.explanation)).toEqual([
      '暂无居民评价，按全平台平均 4.00 星计',
      '暂无到期的回访，按 90% 计',
      '尚未参加年度考核评价，按“合格”计',
      '没有经核实属实的投诉',
    ]);
  });

  test('with ratings on the platform prior: the count, the plain average and the weighted one', () => {
    // B = (10 x 4 + 13) / (10 + 3) = 53 / 13 = 4.0769...
    const rep = computeReputation(input({ ratings: { ratingCount: 3, ratingSum: 13 } }));
    expect(componentOf(rep, 'rating').explanation).toBe(
      '居民评价 3 条，平均 4.33 星；与全平台平均 4.00 星按 10 条评价的分量加权后为 4.08 星（评价越多，越接近本机构的真实平均）',
    );
  });

  test('with ratings on an item prior, the item is named', () => {
    const rep = computeReputation(input({ ratings: { ratingCount: 1, ratingSum: 2 } }), {
      mean: 4.25,
      source: 'item',
    });
    // B = (42.5 + 2) / 11 = 4.045...
    expect(componentOf(rep, 'rating').explanation).toBe(
      '居民评价 1 条，平均 2.00 星；与该服务项目平均 4.25 星按 10 条评价的分量加权后为 4.05 星（评价越多，越接近本机构的真实平均）',
    );
  });

  test('follow-ups due: the count, the share on time, and the weighted share, in percent with one decimal', () => {
    // on time 2 / 3 = 66.7%; weighted (4.5 + 2) / (5 + 3) = 81.25% -> 81.3%
    const rep = computeReputation(input({ followUps: { due: 3, onTime: 2 } }));
    expect(componentOf(rep, 'punctuality')).toMatchObject({
      value: 0.8125,
      points: 16.3,
      explanation: '应回访 3 次，按时回访 2 次（66.7%），加权后按 81.3% 计',
    });
  });

  test.each(EVALUATION_GRADES.map((g) => [g, EVALUATION_GRADE_LABELS[g]] as const))(
    'the latest evaluation %s is named %s',
    (grade, label) => {
      const rep = computeReputation(input({ latestEvaluationGrade: grade }));
      expect(componentOf(rep, 'evaluation').explanation).toBe(`最近一次考核评价：${label}`);
    },
  );

  test('the grades and their names', () => {
    expect(Object.entries(EVALUATION_GRADE_LABELS)).toEqual([
      ['excellent', '优秀'],
      ['qualified', '合格'],
      ['basically_qualified', '基本合格'],
      ['unqualified', '不合格'],
    ]);
  });

  test.each([
    [1, '经核实属实的投诉 1 次，每次扣 5 分，最多扣 20 分，共扣 5 分', -5],
    [3, '经核实属实的投诉 3 次，每次扣 5 分，最多扣 20 分，共扣 15 分', -15],
    [7, '经核实属实的投诉 7 次，每次扣 5 分，最多扣 20 分，共扣 20 分', -20],
  ])('%i upheld complaints: "%s"', (complaints, explanation, points) => {
    const rep = computeReputation(input({ upheldComplaints: complaints }));
    expect(componentOf(rep, 'complaints')).toMatchObject({ value: complaints, points, explanation });
  });
});

describe('component values', () => {
  test('rating: the Bayesian average mapped from 1..5 onto 0..1; evaluation: the grade value', () => {
    const rep = computeReputation(
      input({ ratings: { ratingCount: 10, ratingSum: 50 }, latestEvaluationGrade: 'basically_qualified' }),
    );
    // B = (40 + 50) / 20 = 4.5 -> 0.875
    expect(componentOf(rep, 'rating').value).toBe(0.875);
    expect(componentOf(rep, 'rating').points).toBe(52.5);
    expect(componentOf(rep, 'evaluation')).toMatchObject({ value: 0.5, points: 10 });
    expect(componentOf(rep, 'punctuality')).toMatchObject({ value: 0.9, points: 18 });
  });

  test.each([
    ['a fraction counts whole complaints only', 2.7, 2, -10],
    ['a negative count counts as none', -3, 0, 0],
  ])('complaints: %s', (_rule, upheld, counted, points) => {
    const component = componentOf(computeReputation(input({ upheldComplaints: upheld })), 'complaints');
    expect(component.value).toBe(counted);
    expect(component.points).toBe(points);
  });

  test('no deduction is a plain 0, never -0 (JSON and equality treat them alike, jest and Object.is do not)', () => {
    const points = componentOf(newcomerReputation(), 'complaints').points;
    expect(Object.is(points, 0)).toBe(true);
    expect(componentOf(newcomerReputation(), 'complaints').explanation).toBe('没有经核实属实的投诉');
  });
});

describe('the red-star board', () => {
  // prior 4, m = 10: B = (40 + S) / (10 + n).
  test.each([
    ['three stars exactly, enough ratings', 10, 30, 3, true], // B = 3.5
    ['just under three stars', 10, 29, 2, false], // B = 3.45
    ['all five-star ratings, exactly five of them', 5, 25, 4, true], // B = 65 / 15 = 4.33
    ['all five-star ratings, only four of them', 4, 20, 4, false],
    ['three stars with exactly five ratings', 5, 13, 3, true], // B = 53 / 15 = 3.53
  ])('%s: %i ratings summing %d -> %i stars, red star %s', (_case, count, sum, stars, redStar) => {
    const rep = computeReputation(input({ ratings: { ratingCount: count, ratingSum: sum } }));
    expect(rep.starLevel).toBe(stars);
    expect(rep.redStar).toBe(redStar);
  });
});

describe('policies other than the default', () => {
  test('weights adding up to more than 100 still give at most 100.0', () => {
    const generous: ReputationPolicy = {
      ...DEFAULT_REPUTATION_POLICY,
      weights: { rating: 80, punctuality: 20, evaluation: 20 },
    };
    const rep = computeReputation(
      input({
        ratings: { ratingCount: 1000, ratingSum: 5000 },
        followUps: { due: 1000, onTime: 1000 },
        latestEvaluationGrade: 'excellent',
      }),
      undefined,
      generous,
    );
    expect(rep.components.reduce((s, c) => s + c.points, 0)).toBeGreaterThan(100);
    expect(rep.score).toBe(100);
  });

  test('the prior weighs as many ratings as the policy says', () => {
    const light: ReputationPolicy = { ...DEFAULT_REPUTATION_POLICY, ratingPriorWeight: 2 };
    const ratings = { ratingCount: 2, ratingSum: 10 };
    const prior = { mean: 4, source: 'platform' as const };
    expect(bayesianAverage(ratings, prior, light)).toBe(4.5); // (8 + 10) / 4
    expect(starLevel(ratings, prior, light)).toBe(5);
    expect(computeReputation(input({ ratings }), prior, light).components[0]!.explanation).toContain(
      '按 2 条评价的分量加权后为 4.50 星',
    );
    expect(ratingPriorFrom({ ratingCount: 2, ratingSum: 10 }, 'item', 2)).toEqual({
      mean: 4.5,
      source: 'item',
    });
  });

  test('stricter star thresholds and a higher red-star level', () => {
    const strict: ReputationPolicy = {
      ...DEFAULT_REPUTATION_POLICY,
      starThresholds: [4.9, 4.6, 4.3, 4.0],
      redStarMinLevel: 4,
      redStarMinRatings: 1,
    };
    const rep = computeReputation(input({ ratings: { ratingCount: 10, ratingSum: 50 } }), undefined, strict);
    expect(rep.starLevel).toBe(3); // B = 4.5
    expect(rep.redStar).toBe(false);
    const newcomer = newcomerReputation(undefined, strict);
    expect(newcomer.starLevel).toBe(2); // B = 4.0
    expect(newcomer.components.map((c) => c.weight)).toEqual([60, 20, 20, -20]);
  });

  test('the prior on follow-ups and the value of being ungraded come from the policy', () => {
    const policy: ReputationPolicy = {
      ...DEFAULT_REPUTATION_POLICY,
      punctualityPriorRate: 0.5,
      punctualityPriorWeight: 10,
      ungradedValue: 1,
      gradeValues: { ...DEFAULT_REPUTATION_POLICY.gradeValues, qualified: 0.6 },
      complaintPenalty: 3,
      complaintPenaltyCap: 6,
    };
    const rep = computeReputation(
      input({ followUps: { due: 10, onTime: 10 }, upheldComplaints: 5 }),
      undefined,
      policy,
    );
    expect(componentOf(rep, 'punctuality')).toMatchObject({ value: 0.75, points: 15 }); // (5 + 10) / 20
    expect(componentOf(rep, 'evaluation').points).toBe(20);
    expect(componentOf(rep, 'complaints')).toMatchObject({
      weight: -6,
      points: -6,
      explanation: '经核实属实的投诉 5 次，每次扣 3 分，最多扣 6 分，共扣 6 分',
    });
    expect(componentOf(newcomerReputation(undefined, policy), 'punctuality').explanation).toBe(
      '暂无到期的回访，按 50% 计',
    );
    const graded = computeReputation(
      input({ latestEvaluationGrade: 'qualified' as EvaluationGrade }),
      undefined,
      policy,
    );
    expect(componentOf(graded, 'evaluation').points).toBe(12);
  });
});
