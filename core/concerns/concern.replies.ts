/** What the concerns commands answer (docs/functions.md, `concerns`). */
import type { ConcernLevel, ConcernStatus } from '../lifecycle/concern.lifecycle';
import type { ClaimAs, ConfirmationOutcome } from '../model/concern.model';

/** Every writing step: where the concern stands now. */
export interface ConcernStepResult {
  readonly concernId: string;
  readonly status: ConcernStatus;
  readonly statusLabel: string;
  readonly level: ConcernLevel;
  readonly statusChangedAt: number;
}

export interface ConcernSupportResult {
  readonly concernId: string;
  readonly supportCount: number;
}

export type { ConcernListItem } from '../auth/concern-access';
import type { ConcernListItem } from '../auth/concern-access';

export interface ConcernListResult {
  readonly items: readonly ConcernListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Another page follows. */
  readonly hasMore: boolean;
}

export interface ConcernTimelineEntry {
  readonly at: number;
  readonly from: ConcernStatus | null;
  readonly to: ConcernStatus;
  readonly label: string;
  /** The role that made the step (居民, 社区工作人员, 系统...), never a person's name. */
  readonly byRole: string;
  readonly reason: string | null;
  readonly levelLabel: string | null;
  readonly images: readonly string[];
}

/** The steps the caller can take now (the page shows their buttons). */
export interface ConcernActions {
  readonly canWithdraw: boolean;
  readonly canReview: boolean;
  readonly canPublish: boolean;
  readonly canClaim: boolean;
  readonly claimAs: readonly ClaimAs[];
  readonly canRelease: boolean;
  readonly canUpdate: boolean;
  readonly canResolve: boolean;
  readonly canConfirm: boolean;
  readonly canEscalate: boolean;
  readonly canRefer: boolean;
  readonly canTake: boolean;
  readonly canSupport: boolean;
}

export interface ConcernDetail extends ConcernListItem {
  /** Null when the caller may not read a sensitive worry's details. */
  readonly content: string | null;
  readonly images: readonly string[];
  readonly anonymous: boolean;
  readonly publicSummary: string | null;
  /** 代办: the resident's name and how they agreed; the phone only for the unit's workers. */
  readonly onBehalfOf: {
    readonly name: string;
    readonly phone: string | null;
    readonly consent: string;
  } | null;
  readonly reviewReason: string | null;
  readonly contentFlagged: boolean;
  readonly resolutionSummary: string | null;
  readonly confirmation: {
    readonly outcome: ConfirmationOutcome;
    readonly outcomeLabel: string;
    readonly reason: string;
    readonly at: number;
  } | null;
  readonly unresolvedCount: number;
  readonly jointCase: {
    readonly levelLabel: string;
    readonly leadDepartment: string | null;
    readonly departments: readonly string[];
    readonly tasks: readonly {
      readonly taskId: string;
      readonly department: string;
      readonly task: string;
      readonly dueAt: number;
      readonly doneAt: number | null;
      readonly doneNote: string;
      readonly overdue: boolean;
    }[];
    readonly minutes: readonly {
      readonly minutesId: string;
      readonly heldOn: string;
      readonly attendees: readonly string[];
      readonly minutes: string;
      readonly decisions: readonly string[];
    }[];
  } | null;
  readonly supportedByMe: boolean;
  readonly timeline: readonly ConcernTimelineEntry[];
  readonly actions: ConcernActions;
}

export interface SimilarConcern {
  readonly concernId: string;
  readonly title: string;
  readonly statusLabel: string;
  readonly supportCount: number;
  /** 0-1, rounded to two places. */
  readonly similarity: number;
}

export interface ConcernSimilarResult {
  readonly items: readonly SimilarConcern[];
}

/** One run of the concern timer. */
export interface ConcernTimerResult {
  readonly escalated: number;
  readonly referredUp: number;
  readonly reminded: number;
  readonly closed: number;
  readonly hasMore: boolean;
}
