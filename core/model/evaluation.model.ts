import type { EvaluationGrade } from '../reputation/reputation.formula';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';
import type { EvaluationKind, EvaluationOutcome, EvaluationStatus } from '../schemas/evaluation.fields';

export {
  EVALUATION_KINDS,
  EVALUATION_OUTCOMES,
  EVALUATION_STATUSES,
  type EvaluationKind,
  type EvaluationOutcome,
  type EvaluationStatus,
} from '../schemas/evaluation.fields';

export const EVALUATION_KIND_LABELS: Readonly<Record<EvaluationKind, string>> = {
  yearly: '年度考核',
  ad_hoc: '专项考核',
};

/** draft: indicators computed, reviewers give input; published: provider.evaluate decided and published it. */
export const EVALUATION_STATUS_LABELS: Readonly<Record<EvaluationStatus, string>> = {
  draft: '评审中',
  published: '已公布',
};

/** What an evaluation leads to (奖惩): commendation, a notice (通报), a grade change, or rectification. */
export const EVALUATION_OUTCOME_LABELS: Readonly<Record<EvaluationOutcome, string>> = {
  commend: '通报表扬',
  notice: '通报批评',
  grade_change: '调整等级',
  rectify: '限期整改',
};

/** One reviewer's input (one per reviewer: a new one replaces the older). */
export interface EvaluationReview {
  readonly openid: string;
  /** The role it was given in (worker, leader, industry_regulator). */
  readonly role: string;
  /** The regulator's industry, when given as an industry regulator. */
  readonly industry: string | null;
  /** 0-100. */
  readonly score: number;
  readonly comment: string;
  readonly at: Millis;
}

/**
 * The indicators of one provider over the evaluated period, computed from the data when the campaign starts
 * (core/providers/evaluation-indicators.ts, docs/governance.md). A rate is null when its denominator is 0
 * (nothing to judge).
 */
export interface StoredEvaluationIndicators {
  /** The period: [from, to) in milliseconds. */
  readonly periodFrom: Millis;
  readonly periodTo: Millis;
  /** Ratings that count (not held, not withdrawn by an upheld appeal) given in the period. */
  readonly ratingCount: number;
  /** Their average stars (two decimals), null without ratings. */
  readonly averageStars: number | null;
  /** Ratings of `lowRatingAtMost` stars or fewer. */
  readonly lowRatingCount: number;
  /** 差评率: lowRatingCount / ratingCount (0-1, four decimals), null without ratings. */
  readonly lowRatingRate: number | null;
  /** Follow-ups that fell due in the period, and those recorded by their due time. */
  readonly followUpsDue: number;
  readonly followUpsOnTime: number;
  /** followUpsOnTime / followUpsDue, null when none fell due. */
  readonly followUpPunctuality: number | null;
  /** Complaints about the provider upheld in the period. */
  readonly upheldComplaints: number;
  /** Orders offered to the provider in the period, and how many of them expired unanswered or it declined. */
  readonly ordersOffered: number;
  readonly ordersExpired: number;
  readonly ordersDeclined: number;
  readonly expiryRate: number | null;
  readonly declineRate: number | null;
}

/**
 * `evaluations`: 考核评价, at least yearly, by the unit in `orgPath`. The latest grade is copied onto the
 * provider (`latestEvaluationGrade`); an `unqualified` grade usually comes with a rectification deadline.
 *
 * Evaluations made in a campaign (`evaluation_campaigns`) start as drafts with their indicators; records
 * from before campaigns existed (imported, demo history) carry only the published result, so the campaign
 * fields are optional and a reader takes an absent `status` as `published`.
 */
export interface Evaluation extends BaseDocument, Timestamps, Located {
  readonly providerId: string;
  readonly providerName: string;
  readonly year: number;
  /** Null while a draft. */
  readonly grade: EvaluationGrade | null;
  /** 问题清单. */
  readonly problems: readonly string[];
  readonly summary: string;
  /** Who decided it (provider.evaluate); empty while a draft. */
  readonly evaluatorOpenid: string;
  readonly rectifyDeadline: Millis | null;
  /** Published in the mini-program and in the evaluated community (公示). */
  readonly published: boolean;
  readonly campaignId?: string | null;
  readonly campaignTitle?: string | null;
  readonly kind?: EvaluationKind;
  readonly status?: EvaluationStatus;
  readonly outcome?: EvaluationOutcome | null;
  readonly indicators?: StoredEvaluationIndicators | null;
  readonly reviews?: readonly EvaluationReview[];
  /** The provider's industries when the campaign started (a regulator reviews only its own industry's). */
  readonly industries?: readonly string[];
  readonly publishedAt?: Millis | null;
  /** The rectification re-check was due and the evaluating unit told (the timer's mark, set once). */
  readonly recheckDueNotifiedAt?: Millis | null;
}

/** `evaluation_campaigns`: one yearly (or ad hoc) evaluation round of a unit's providers. */
export interface EvaluationCampaign extends BaseDocument, Timestamps, Located {
  readonly orgUnitId: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly title: string;
  readonly periodFrom: Millis;
  readonly periodTo: Millis;
  readonly evaluationIds: readonly string[];
  readonly createdBy: string;
  /**
   * The industries the round covers: those of the industry regulator who started it (its providers of those
   * industries only); null or absent: every industry (a worker's, a leader's, a regulator's without one).
   */
  readonly industries?: readonly string[] | null;
}

/**
 * `regulator_reports`: a removal reported to the city and county regulators (报市、县两级监管部门备案),
 * written in the removal's transaction; the Word document is generated from it on request.
 */
export interface RegulatorReport extends BaseDocument, Located {
  readonly providerId: string;
  readonly providerName: string;
  readonly creditCode: string;
  readonly legalRepresentative: string;
  readonly address: string;
  readonly contactPhone: string;
  readonly unitName: string;
  readonly itemNames: readonly string[];
  /** Why it was removed: the removal reason, then the re-check's. */
  readonly reasons: readonly string[];
  /** The problem list of the evaluation it failed to fix (empty for a removal for a serious violation). */
  readonly problems: readonly string[];
  readonly evaluationHistory: readonly {
    readonly year: number;
    readonly gradeLabel: string;
    readonly outcomeLabel: string;
    readonly summary: string;
    readonly at: Millis;
  }[];
  /** The city and county units above the provider's, paths and names (same order). */
  readonly reportedToPaths: readonly string[];
  readonly reportedToNames: readonly string[];
  readonly createdBy: string;
  readonly createdByRole: string;
  readonly createdAt: Millis;
}

/**
 * `red_star_board`: the red-star board (红星榜) snapshot, one row per provider x item x unit path of its
 * service area, for providers at `governance.boardMinStars` or more. Rewritten by the timer step 'board'
 * (and right after an evaluation or a removal); `_id` is `${providerId}~${itemId}~${orgUnitId}`.
 */
export interface RedStarBoardEntry extends BaseDocument, Located {
  readonly providerId: string;
  readonly providerName: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly starLevel: number;
  readonly reputation: number;
  readonly ratingCount: number;
  readonly lowRatingRate: number | null;
  readonly items: readonly string[];
  readonly latestEvaluationGrade: EvaluationGrade | null;
  /** The refresh that wrote it: rows with an older mark are stale and removed by the same refresh. */
  readonly refreshedAt: Millis;
}
