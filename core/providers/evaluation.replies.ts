/**
 * What the evaluation, rectification, removal and red-star board commands answer (function `providers`,
 * docs/functions.md; the console's admin-api answers the same). Type-only.
 */
import type { ProviderStatus } from '../lifecycle/provider.lifecycle';
import type {
  EvaluationKind,
  EvaluationOutcome,
  EvaluationStatus,
  StoredEvaluationIndicators,
} from '../model/evaluation.model';
import type { EvaluationGrade, ReputationComponentKey } from '../reputation/reputation.formula';

/** A page of a list (the house style of core/concerns/concern.replies.ts). */
export interface PagedResult<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Another page follows. */
  readonly hasMore: boolean;
}

/** The indicators of one provider over the evaluated period, as stored on the evaluation. */
export type EvaluationIndicators = StoredEvaluationIndicators;

/** One reviewer's input (评审意见) on an evaluation; never the reviewer's name, only the role. */
export interface EvaluationReviewView {
  /** 社区工作人员 / 社区负责人 / 行业主管部门（养老服务）... */
  readonly byLabel: string;
  readonly score: number;
  readonly comment: string;
  readonly at: number;
}

export interface EvaluationListItem {
  readonly evaluationId: string;
  readonly campaignId: string | null;
  readonly campaignTitle: string | null;
  readonly providerId: string;
  readonly providerName: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly kindLabel: string;
  readonly status: EvaluationStatus;
  readonly statusLabel: string;
  readonly grade: EvaluationGrade | null;
  readonly gradeLabel: string | null;
  readonly outcome: EvaluationOutcome | null;
  readonly outcomeLabel: string | null;
  /** How many reviewers gave input; null for a caller who does not review it (the public view). */
  readonly reviewCount: number | null;
  /** Average reviewers' score (0-100, one decimal), null before any input and in the public view. */
  readonly reviewerScore: number | null;
  readonly rectifyDeadline: number | null;
  readonly publishedAt: number | null;
  readonly createdAt: number;
}

export type EvaluationListResult = PagedResult<EvaluationListItem>;

/** The buttons the caller may use on an evaluation (decided in the core with `can`). */
export interface EvaluationActions {
  readonly canInput: boolean;
  readonly canEvaluate: boolean;
  /** The provider is rectifying under this evaluation: accept (fixed) or remove (not fixed). */
  readonly canRecheck: boolean;
  readonly canRemove: boolean;
}

export interface EvaluationDetail extends EvaluationListItem {
  readonly indicators: EvaluationIndicators | null;
  readonly reviews: readonly EvaluationReviewView[];
  /** 问题清单. */
  readonly problems: readonly string[];
  readonly summary: string;
  readonly providerStatus: ProviderStatus;
  readonly providerStatusLabel: string;
  readonly actions: EvaluationActions;
}

/** evaluation.campaign.start */
export interface EvaluationCampaignStartResult {
  readonly campaignId: string;
  readonly title: string;
  /** One draft per provider of the unit (active or rectifying). */
  readonly evaluationIds: readonly string[];
  readonly evaluationCount: number;
}

/** evaluation.input */
export interface EvaluationInputResult {
  readonly evaluationId: string;
  readonly reviewCount: number;
  readonly reviewerScore: number;
}

/** provider.evaluate: the evaluation published, and where the provider stands after it. */
export interface ProviderEvaluateResult {
  readonly evaluationId: string;
  readonly providerId: string;
  readonly grade: EvaluationGrade;
  readonly gradeLabel: string;
  readonly outcome: EvaluationOutcome;
  readonly outcomeLabel: string;
  readonly status: 'published';
  readonly publishedAt: number;
  readonly providerStatus: ProviderStatus;
  readonly providerStatusLabel: string;
  readonly rectifyDeadline: number | null;
  /** The provider's reputation (0-100) and star level after the grade was copied onto it. */
  readonly reputation: number;
  readonly starLevel: number;
}

/** provider.recheck and provider.remove. */
export interface ProviderGovernanceStepResult {
  readonly providerId: string;
  readonly status: ProviderStatus;
  readonly statusLabel: string;
  readonly statusChangedAt: number;
  readonly blacklisted: boolean;
  /** The regulator report of a removal, null otherwise. */
  readonly reportId: string | null;
  /** Offerings whose copy of the provider's status changed with it (out of matching at once when removed). */
  readonly offeringsUpdated: number;
}

/** One removal report (报市、县两级监管部门备案). */
export interface RegulatorReportListItem {
  readonly reportId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly creditCode: string;
  readonly reasons: readonly string[];
  /** The units reported to (city and county), by name. */
  readonly reportedToNames: readonly string[];
  readonly createdAt: number;
}

export type RegulatorReportListResult = PagedResult<RegulatorReportListItem>;

/** provider.report.document: the Word document (.docx), base64. */
export interface RegulatorReportDocumentResult {
  readonly fileName: string;
  readonly contentBase64: string;
}

/** One row of the red-star board (红星榜): a provider for one item in one unit. */
export interface RedStarBoardRow {
  /** 1-based rank within the row's item and unit. */
  readonly rank: number;
  readonly providerId: string;
  readonly providerName: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly starLevel: number;
  readonly reputation: number;
  readonly ratingCount: number;
  /** 差评率 (0-1, four decimals), null without ratings. */
  readonly lowRatingRate: number | null;
  /** Names of every item the provider offers (for the card). */
  readonly items: readonly string[];
  readonly latestEvaluationGradeLabel: string | null;
}

export interface RedStarBoardResult extends PagedResult<RedStarBoardRow> {
  /** When the snapshot was last refreshed, null before the first refresh. */
  readonly refreshedAt: number | null;
}

/** One part of the reputation, as the provider's staff see it (the formula's explanation). */
export interface StandingPart {
  readonly key: ReputationComponentKey;
  readonly label: string;
  readonly points: number;
  /** Maximum points (for complaints: the largest deduction, negative). */
  readonly weight: number;
  readonly explanation: string;
}

/** Where the provider ranks on the board for one item in one unit. */
export interface StandingRank {
  readonly itemId: string;
  readonly itemName: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly rank: number;
  /** Providers on that board row. */
  readonly of: number;
}

/** A concrete tip: which part to raise, and how much the score would gain. */
export interface StandingTip {
  readonly key: ReputationComponentKey;
  readonly text: string;
  /** Points the score would gain if the tip were followed (one decimal). */
  readonly gain: number;
}

/** provider.standing */
export interface ProviderStanding {
  readonly providerId: string;
  readonly providerName: string;
  readonly status: ProviderStatus;
  readonly statusLabel: string;
  readonly reputation: number;
  readonly starLevel: number;
  readonly redStar: boolean;
  readonly ratingCount: number;
  readonly lowRatingRate: number | null;
  readonly parts: readonly StandingPart[];
  /** On the board: one entry per item and unit; empty when below boardMinStars. */
  readonly ranks: readonly StandingRank[];
  readonly boardMinStars: number;
  readonly tips: readonly StandingTip[];
  readonly latestEvaluation: {
    readonly evaluationId: string;
    readonly year: number;
    readonly gradeLabel: string;
    readonly outcomeLabel: string;
    readonly problems: readonly string[];
    readonly rectifyDeadline: number | null;
  } | null;
}
