import type { CLAIM_AS, ConcernLevel, ConcernStatus } from '../lifecycle/concern.lifecycle';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

/**
 * The kinds of concern the platform stores: 忧心事 (a worry), 微心愿 (a small wish), and 急难愁盼 (an urgent
 * hardship, which workers may mark a worry as). Named apart from the command schema's CONCERN_KINDS, which
 * lists what a resident may submit.
 */
export const CONCERN_RECORD_KINDS = ['worry', 'wish', 'urgent'] as const;
export type ConcernRecordKind = (typeof CONCERN_RECORD_KINDS)[number];

export const CONCERN_RECORD_KIND_LABELS: Readonly<Record<ConcernRecordKind, string>> = {
  worry: '忧心事',
  wish: '微心愿',
  urgent: '急难愁盼',
};

/** Who claimed a concern: the person, their volunteer team, their party organisation, or their unit. */
export type ClaimAs = (typeof CLAIM_AS)[number];

/** The resident's answer to a resolved concern (honest closure); `not_confirmed`: the timer closed it unanswered. */
export const CONFIRMATION_OUTCOMES = ['resolved', 'partly', 'unresolved', 'not_confirmed'] as const;
export type ConfirmationOutcome = (typeof CONFIRMATION_OUTCOMES)[number];
export const CONFIRMATION_OUTCOME_LABELS: Readonly<Record<ConfirmationOutcome, string>> = {
  resolved: '已解决',
  partly: '部分解决',
  unresolved: '未解决',
  not_confirmed: '居民未确认',
};

export interface ConcernConfirmation {
  readonly outcome: ConfirmationOutcome;
  readonly reason: string;
  readonly by: string;
  readonly at: Millis;
}

/** A leader's review: approved (with the wall's neutral summary for a sensitive worry) or rejected with a reason. */
export interface ConcernReview {
  readonly decision: 'approve' | 'reject';
  readonly reason: string;
  readonly by: string;
  readonly at: Millis;
}

/** One department's task set by the joint meeting office, with its deadline. */
export interface JointMeetingTask {
  readonly taskId: string;
  readonly department: string;
  readonly task: string;
  readonly dueAt: Millis;
  /** When the overdue reminder went out (once); null before. */
  readonly remindedAt: Millis | null;
  readonly doneAt: Millis | null;
  readonly doneNote: string;
}

/** Minutes of one joint meeting session about the concern. */
export interface JointMeetingMinutes {
  readonly minutesId: string;
  readonly heldOn: string;
  readonly attendees: readonly string[];
  readonly minutes: string;
  readonly decisions: readonly string[];
  readonly by: string;
  readonly at: Millis;
}

/** The joint meeting (联席会议) handling a cross-department concern, at the level that took it. */
export interface ConcernJointCase {
  readonly level: ConcernLevel;
  readonly unitPath: string;
  readonly takenAt: Millis;
  readonly takenBy: string;
  readonly tasks: readonly JointMeetingTask[];
  readonly minutes: readonly JointMeetingMinutes[];
}

export interface ConcernClaim {
  readonly as: ClaimAs;
  /** The claimer's display name (person, team, party organisation or unit). */
  readonly name: string;
  readonly by: string;
  readonly at: Millis;
}

/**
 * `concerns`: 忧心事 / 微心愿 / 急难愁盼. `orgPath` is where the resident lives (grid or community) and never
 * changes; `levelPath` is the unit it is currently offered to (its community, then its street, county and
 * city as it is pushed up), so "open concerns of my level" is an equality query on `levelPath`.
 * The assignee fields are flat copies of `claim` so scope checks and "my claimed concerns" are indexed.
 */
export interface Concern extends BaseDocument, Timestamps, Located {
  readonly kind: ConcernRecordKind;
  readonly title: string;
  readonly content: string;
  readonly images: readonly string[];
  /** The unit of `orgPath` (the grid or community). */
  readonly orgUnitId: string;
  /** The resident it belongs to; null when a worker filed it for someone without the mini-program. */
  readonly residentOpenid: string | null;
  /** Shown name of the resident (masked in public lists, hidden when anonymous). */
  readonly residentName: string;
  /** Who submitted it: the resident, or the worker who filed it for them (代办). */
  readonly filedBy: string;
  /** 代办: who the resident is, and how they agreed that a worker files it for them. */
  readonly onBehalfOf: {
    readonly name: string;
    readonly phone?: string;
    readonly consent: { readonly method: 'in_person' | 'phone'; readonly statement: string };
  } | null;
  readonly crossDepartment: boolean;
  readonly anonymous: boolean;
  /**
   * It reveals health, disability or hardship (sensitive personal information, PIPL art. 28-29): given with
   * a separate consent (`sensitiveConsentAt`), never shown in detail on the wall (the wall shows
   * `publicSummary`, written by the reviewing leader), full text only to the unit's leaders and the claimer.
   */
  readonly sensitive: boolean;
  readonly sensitiveConsentAt: Millis | null;
  readonly publicSummary: string | null;
  /** Content security asked a person to look at the text: the reviewing leader sees the flag. */
  readonly contentFlagged: boolean;
  /** 我也关心: how many other residents added their voice (one each, `concern_supports`). */
  readonly supportCount: number;
  readonly review: ConcernReview | null;

  /** Owned by the concern life cycle (core/lifecycle/concern.lifecycle.ts). */
  readonly status: ConcernStatus;
  readonly statusChangedAt: Millis;
  readonly level: ConcernLevel;
  readonly levelPath: string;
  /** When it must be claimed at its current level; null when not waiting for a claimer. */
  readonly claimDeadline: Millis | null;
  /**
   * When the timer pushes it up if nobody claims (or takes) it: `claimDeadline` below city level, null at
   * city level (it stays there, overdue) and when not waiting. The sweep's index (`escalateAt_1`) holds
   * only the concerns waiting below the city, so its cost follows the overdue ones.
   */
  readonly escalateAt: Millis | null;

  readonly claim: ConcernClaim | null;
  readonly assigneeOpenid: string | null;
  readonly assigneeTeamId: string | null;
  readonly assigneePartyOrgId: string | null;
  readonly assigneeUnitId: string | null;

  /** The joint meeting it was referred to, the departments involved and the one leading. */
  readonly jointMeetingId: string | null;
  readonly departments: readonly string[];
  readonly leadDepartment: string | null;
  readonly jointCase: ConcernJointCase | null;
  /**
   * The next moment a joint-meeting task needs the timer (a reminder at its deadline, a referral one level
   * up past the second deadline); null when no task is open. Index `taskCheckAt_1`.
   */
  readonly taskCheckAt: Millis | null;

  /** Times the resident answered "not resolved"; the second sends it to the unit's leader (`leaderAttention`). */
  readonly unresolvedCount: number;
  readonly leaderAttention: boolean;
  readonly confirmation: ConcernConfirmation | null;

  readonly resolutionSummary: string | null;
  readonly resolvedAt: Millis | null;
  readonly confirmedAt: Millis | null;
  readonly closedAt: Millis | null;
}

/** `concern_supports`: one resident's 我也关心 on one concern (`_id` = `<concernId>:<openid>`, so once each). */
export interface ConcernSupport extends BaseDocument, Located {
  readonly concernId: string;
  readonly openid: string;
  readonly createdAt: Millis;
}
