/**
 * The reputation score (0-100, orders the providers a resident is offered) and the star level (1-5, the
 * public satisfaction level behind the red-star board). docs/reputation.md states the formula with a worked
 * example; the returned components let the mini-program show a resident why a provider ranks where it does.
 *
 * score = rating points (60 x (B - 1) / 4, B = Bayesian average of the stars)
 *       + punctuality points (20 x P, P = smoothed share of follow-ups recorded on time)
 *       + evaluation points (20 x grade value of the latest yearly evaluation)
 *       - complaint points (5 per upheld complaint, at most 20)
 * Both B and P are pulled towards a prior by a fixed number of "virtual" observations, so a handful of
 * ratings neither buries nor boosts a new provider.
 */
import type { FollowUpAggregate, RatingAggregate } from './ratings.aggregate';

export const EVALUATION_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

export const EVALUATION_GRADE_LABELS: Readonly<Record<EvaluationGrade, string>> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

export interface ReputationPolicy {
  /** m: how many ratings at the prior mean every provider starts with. */
  readonly ratingPriorWeight: number;
  /** k: how many follow-ups at the prior rate every provider starts with. */
  readonly punctualityPriorWeight: number;
  /** The prior on-time rate for follow-ups. */
  readonly punctualityPriorRate: number;
  /** Maximum points of each component; they add up to 100. */
  readonly weights: { readonly rating: number; readonly punctuality: number; readonly evaluation: number };
  /** Value (0-1) of each evaluation grade, and of having no evaluation yet. */
  readonly gradeValues: Readonly<Record<EvaluationGrade, number>>;
  readonly ungradedValue: number;
  readonly complaintPenalty: number;
  readonly complaintPenaltyCap: number;
  /** Bayesian average needed for 5, 4, 3 and 2 stars (below the last: 1 star). */
  readonly starThresholds: readonly [number, number, number, number];
  /** Red-star board: at least this star level... */
  readonly redStarMinLevel: number;
  /** ...and at least this many ratings, so the board praises what residents said, not the prior. */
  readonly redStarMinRatings: number;
}

export const DEFAULT_REPUTATION_POLICY: ReputationPolicy = {
  ratingPriorWeight: 10,
  punctualityPriorWeight: 5,
  punctualityPriorRate: 0.9,
  weights: { rating: 60, punctuality: 20, evaluation: 20 },
  gradeValues: { excellent: 1, qualified: 0.8, basically_qualified: 0.5, unqualified: 0 },
  ungradedValue: 0.8,
  complaintPenalty: 5,
  complaintPenaltyCap: 20,
  starThresholds: [4.5, 4.0, 3.5, 3.0],
  redStarMinLevel: 3,
  redStarMinRatings: 5,
};

/** The mean every provider's ratings are pulled towards: the item's mean when ranking for an item, else the platform's. */
export interface RatingPrior {
  readonly mean: number;
  readonly source: 'item' | 'platform';
}

/** When nothing is known yet (an empty platform), assume four stars. */
export const FALLBACK_PRIOR_MEAN = 4;

/**
 * The prior from a population's aggregate (all ratings of an item, or of the platform), itself smoothed
 * towards FALLBACK_PRIOR_MEAN with `weight` virtual ratings so a young platform's first ratings do not
 * swing every provider's score.
 */
export function ratingPriorFrom(
  population: Pick<RatingAggregate, 'ratingCount' | 'ratingSum'>,
  source: RatingPrior['source'],
  weight = DEFAULT_REPUTATION_POLICY.ratingPriorWeight,
): RatingPrior {
  return {
    mean: (FALLBACK_PRIOR_MEAN * weight + population.ratingSum) / (weight + population.ratingCount),
    source,
  };
}

export const PLATFORM_FALLBACK_PRIOR: RatingPrior = { mean: FALLBACK_PRIOR_MEAN, source: 'platform' };

export interface ReputationInput {
  readonly ratings: Pick<RatingAggregate, 'ratingCount' | 'ratingSum'>;
  readonly followUps: FollowUpAggregate;
  /** The latest yearly evaluation, or null before the first one. */
  readonly latestEvaluationGrade: EvaluationGrade | null;
  /** Complaints found true (upheld) within the counting window (the caller counts, e.g. the last 12 months). */
  readonly upheldComplaints: number;
}

export type ReputationComponentKey = 'rating' | 'punctuality' | 'evaluation' | 'complaints';

export interface ReputationComponent {
  readonly key: ReputationComponentKey;
  /** Chinese name of the component. */
  readonly label: string;
  /** The component's measure: 0-1 for rating, punctuality and evaluation; the complaint count for complaints. */
  readonly value: number;
  /** Maximum points (for complaints: the largest deduction, as a negative number). */
  readonly weight: number;
  /** Points contributed to the score, one decimal (negative for complaints). */
  readonly points: number;
  /** Why, in Chinese, for the resident. */
  readonly explanation: string;
}

export interface Reputation {
  /** 0-100 with one decimal: the sum of the components' points, clamped. */
  readonly score: number;
  /** 1-5. */
  readonly starLevel: number;
  readonly redStar: boolean;
  /** The Bayesian average of the stars (1-5), unrounded. */
  readonly bayesianAverage: number;
  /** The plain average, or null without ratings. */
  readonly ratingAverage: number | null;
  readonly ratingCount: number;
  readonly components: readonly ReputationComponent[];
}

const fmt2 = (x: number): string => x.toFixed(2);
const percent = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** Tenths of a point, as an integer: components are rounded once, and the score is their exact sum. */
function tenths(points: number): number {
  // `+ 0` turns a negative zero (no deduction) into a plain 0.
  return Math.round(points * 10) + 0;
}

/** The Bayesian average (m x prior + sum) / (m + n). */
export function bayesianAverage(
  ratings: Pick<RatingAggregate, 'ratingCount' | 'ratingSum'>,
  prior: RatingPrior,
  policy = DEFAULT_REPUTATION_POLICY,
): number {
  const m = policy.ratingPriorWeight;
  return (m * prior.mean + ratings.ratingSum) / (m + ratings.ratingCount);
}

/**
 * Star level from the Bayesian average. Compared as m x prior + sum >= t x (m + n), which is exact for
 * integer sums and a prior with few decimals (no division before comparing).
 */
export function starLevel(
  ratings: Pick<RatingAggregate, 'ratingCount' | 'ratingSum'>,
  prior: RatingPrior,
  policy = DEFAULT_REPUTATION_POLICY,
): number {
  const m = policy.ratingPriorWeight;
  const numerator = m * prior.mean + ratings.ratingSum;
  const denominator = m + ratings.ratingCount;
  const [five, four, three, two] = policy.starThresholds;
  if (numerator >= five * denominator) return 5;
  if (numerator >= four * denominator) return 4;
  if (numerator >= three * denominator) return 3;
  if (numerator >= two * denominator) return 2;
  return 1;
}

/** One part of the score before rounding: `raw` points (negative for a deduction). */
interface ScorePart {
  readonly key: ReputationComponentKey;
  readonly label: string;
  readonly value: number;
  readonly weight: number;
  readonly raw: number;
  readonly explanation: string;
}

/** Rating: the Bayesian average, mapped from 1..5 onto 0..1. */
function ratingPart(input: ReputationInput, prior: RatingPrior, policy: ReputationPolicy): ScorePart {
  const { ratingCount, ratingSum } = input.ratings;
  const priorLabel = prior.source === 'item' ? '该服务项目' : '全平台';
  const bayes = bayesianAverage(input.ratings, prior, policy);
  const value = (bayes - 1) / 4;
  const explanation =
    ratingCount === 0
      ? `暂无居民评价，按${priorLabel}平均 ${fmt2(prior.mean)} 星计`
      : `居民评价 ${ratingCount} 条，平均 ${fmt2(ratingSum / ratingCount)} 星；与${priorLabel}平均 ${fmt2(prior.mean)} 星按 ${policy.ratingPriorWeight} 条评价的分量加权后为 ${fmt2(bayes)} 星（评价越多，越接近本机构的真实平均）`;
  const weight = policy.weights.rating;
  return { key: 'rating', label: '居民评价', value, weight, raw: weight * value, explanation };
}

/** Punctuality: on-time follow-ups over due follow-ups, with a prior. */
function punctualityPart(input: ReputationInput, policy: ReputationPolicy): ScorePart {
  const { due, onTime } = input.followUps;
  const k = policy.punctualityPriorWeight;
  const value = (k * policy.punctualityPriorRate + onTime) / (k + due);
  const explanation =
    due === 0
      ? `暂无到期的回访，按 ${percent(policy.punctualityPriorRate)} 计`
      : `应回访 ${due} 次，按时回访 ${onTime} 次（${percent(onTime / due)}），加权后按 ${percent(value)} 计`;
  const weight = policy.weights.punctuality;
  return { key: 'punctuality', label: '回访及时', value, weight, raw: weight * value, explanation };
}

/** Evaluation: the latest yearly grade; none yet counts like a pass. */
function evaluationPart(input: ReputationInput, policy: ReputationPolicy): ScorePart {
  const grade = input.latestEvaluationGrade;
  const value = grade === null ? policy.ungradedValue : policy.gradeValues[grade];
  const explanation =
    grade === null
      ? '尚未参加年度考核评价，按“合格”计'
      : `最近一次考核评价：${EVALUATION_GRADE_LABELS[grade]}`;
  const weight = policy.weights.evaluation;
  return { key: 'evaluation', label: '考核评价', value, weight, raw: weight * value, explanation };
}

/** Complaints: a capped deduction. */
function complaintsPart(input: ReputationInput, policy: ReputationPolicy): ScorePart {
  const complaints = Math.max(0, Math.floor(input.upheldComplaints));
  const deduction = Math.min(policy.complaintPenaltyCap, complaints * policy.complaintPenalty);
  const explanation =
    complaints === 0
      ? '没有经核实属实的投诉'
      : `经核实属实的投诉 ${complaints} 次，每次扣 ${policy.complaintPenalty} 分，最多扣 ${policy.complaintPenaltyCap} 分，共扣 ${deduction} 分`;
  return {
    key: 'complaints',
    label: '投诉扣分',
    value: complaints,
    weight: -policy.complaintPenaltyCap,
    raw: -deduction,
    explanation,
  };
}

export function computeReputation(
  input: ReputationInput,
  prior: RatingPrior = PLATFORM_FALLBACK_PRIOR,
  policy: ReputationPolicy = DEFAULT_REPUTATION_POLICY,
): Reputation {
  const { ratingCount, ratingSum } = input.ratings;
  const parts = [
    ratingPart(input, prior, policy),
    punctualityPart(input, policy),
    evaluationPart(input, policy),
    complaintsPart(input, policy),
  ];
  const components: ReputationComponent[] = parts.map((p) => ({
    key: p.key,
    label: p.label,
    value: p.value,
    weight: p.weight,
    points: tenths(p.raw) / 10,
    explanation: p.explanation,
  }));
  const totalTenths = parts.reduce((sum, p) => sum + tenths(p.raw), 0);
  const score = Math.min(1000, Math.max(0, totalTenths)) / 10;
  const stars = starLevel(input.ratings, prior, policy);

  return {
    score,
    starLevel: stars,
    redStar: stars >= policy.redStarMinLevel && ratingCount >= policy.redStarMinRatings,
    bayesianAverage: bayesianAverage(input.ratings, prior, policy),
    ratingAverage: ratingCount === 0 ? null : ratingSum / ratingCount,
    ratingCount,
    components,
  };
}

/** A reputation of a provider nobody has rated, followed up or evaluated yet: where every newcomer starts. */
export function newcomerReputation(
  prior: RatingPrior = PLATFORM_FALLBACK_PRIOR,
  policy = DEFAULT_REPUTATION_POLICY,
): Reputation {
  return computeReputation(
    {
      ratings: { ratingCount: 0, ratingSum: 0 },
      followUps: { due: 0, onTime: 0 },
      latestEvaluationGrade: null,
      upheldComplaints: 0,
    },
    prior,
    policy,
  );
}
