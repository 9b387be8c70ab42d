import type { ProviderStatus } from '../lifecycle/provider.lifecycle';
import type { EvaluationGrade } from '../reputation/reputation.formula';
import type { FollowUpAggregate, RatingAggregate, StarCounts } from '../reputation/ratings.aggregate';
import type { BaseDocument, CalendarDate, Located, Millis, Timestamps } from './common.model';

/** One industry qualification (行业服务资质) of a provider. */
export interface Qualification {
  readonly name: string;
  readonly number: string;
  readonly validUntil?: CalendarDate;
  /** Cloud storage file ids of the scanned certificates. */
  readonly fileIds: readonly string[];
}

/** What a provider states about itself: filed with its application, kept on the provider once signed. */
export interface ProviderParticulars {
  readonly name: string;
  /** 统一社会信用代码, 18 characters, unique on the platform (the blacklist is keyed by it). */
  readonly creditCode: string;
  readonly legalRepresentative: string;
  readonly contactName: string;
  /** The public contact phone residents are shown (a business number, not a person's private one). */
  readonly contactPhone: string;
  readonly address: string;
  readonly introduction: string;
  /** 执业规则以及其他相应的管理制度. */
  readonly managementRules: string;
  readonly qualifications: readonly Qualification[];
  /** The org units it serves (any level: a grid, community, street or county). */
  readonly serviceAreaUnitIds: readonly string[];
  /** The paths of `serviceAreaUnitIds`, same order: a resident at path P is covered when one is a prefix of P. */
  readonly serviceAreaPaths: readonly string[];
}

/**
 * `providers`: 服务机构, created when its application's agreement is signed. `orgPath` is the community (or
 * grid) it applied to and is managed by; `serviceAreaPaths` are where it serves residents.
 *
 * The reputation aggregates are integer counts kept by the writers with atomic increments (see
 * core/reputation/ratings.aggregate.ts) and checked by a nightly recompute; `reputation`, `starLevel` and
 * `redStar` are the formula's cached output, refreshed whenever an aggregate changes.
 */
export interface Provider extends BaseDocument, Timestamps, Located, ProviderParticulars {
  /** The ids of the service items it has offerings for (denormalised from `offerings`, for filters). */
  readonly itemIds: readonly string[];

  /** Owned by the provider life cycle (core/lifecycle/provider.lifecycle.ts). */
  readonly status: ProviderStatus;
  readonly statusChangedAt: Millis;
  /** Set while rectifying (限期整改). */
  readonly rectifyDeadline: Millis | null;
  /**
   * The last rectification ordered by hand (provider.status.change, not by an evaluation): its problem list,
   * deadline, and when the timer told the unit's leaders the re-check was due. Absent: never ordered by hand.
   */
  readonly rectification?: ProviderRectification | null;
  /**
   * Its red-star board rows may be out of date (its reputation, status or offerings changed since the timer
   * step 'board' last rewrote them): set with every such change, cleared by the step. Absent: not known to be.
   */
  readonly boardStale?: boolean;
  /** True once removed and put on the blacklist (also recorded in `blacklist_entries`). */
  readonly blacklisted: boolean;
  /** The application it came from; null for providers imported without one. */
  readonly applicationId: string | null;
  readonly agreementSignedAt: Millis | null;

  // Reputation aggregates (integers).
  readonly ratingCount: number;
  /** Sum of all stars. */
  readonly ratingSum: number;
  /** Ratings per star, index 0 = one star. */
  readonly starCounts: StarCounts;
  /** Follow-ups that fell due (recorded, or missing past their due time). */
  readonly followUpsDue: number;
  /** Follow-ups recorded by their due time. */
  readonly followUpsOnTime: number;
  readonly latestEvaluationGrade: EvaluationGrade | null;
  readonly latestEvaluationYear: number | null;
  /** Complaints found true in the counting window. */
  readonly upheldComplaints: number;

  // The formula's cached output.
  /** 0-100, one decimal. */
  readonly reputation: number;
  /** 1-5. */
  readonly starLevel: number;
  /** On the red-star board (红星榜): three stars or more with enough ratings. */
  readonly redStar: boolean;
  readonly reputationUpdatedAt: Millis;
}

/** `blacklist_entries`: a removed provider's legal person, kept apart so a new application can be checked. */
export interface BlacklistEntry extends BaseDocument, Located {
  readonly creditCode: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly reason: string;
  /** The regulators it was reported to (报市、县两级监管部门备案): their org unit paths. */
  readonly reportedToPaths: readonly string[];
  readonly createdBy: string;
  readonly createdAt: Millis;
}

/** `staff_invites`: a provider manager's invite code for a colleague to bind to the provider. */
export interface StaffInvite extends BaseDocument, Located {
  readonly providerId: string;
  readonly position: 'manager' | 'member';
  /** 6-12 upper-case letters or digits, unique. */
  readonly inviteCode: string;
  readonly createdBy: string;
  readonly createdAt: Millis;
  readonly expiresAt: Millis;
  readonly usedBy: string | null;
  readonly usedAt: Millis | null;
}

/** A provider's rating and follow-up aggregates, as stored or as recounted. */
export interface ProviderAggregates {
  readonly ratings: RatingAggregate;
  readonly followUps: FollowUpAggregate;
}

/**
 * `aggregate_corrections`: what the nightly recount (core/orders/nightly-recount.usecase.ts) found and wrote,
 * one document per provider whose stored aggregates had drifted from its ratings and follow-ups.
 */
export interface AggregateCorrection extends BaseDocument, Located {
  readonly providerId: string;
  /** Names of the fields that differed, e.g. `ratingSum`, `starCounts.4`, `followUpsDue`. */
  readonly drift: readonly string[];
  readonly stored: ProviderAggregates;
  readonly recomputed: ProviderAggregates;
  readonly at: Millis;
}

/** A rectification ordered by hand (责令限期整改, provider.status.change): what its re-check looks at. */
export interface ProviderRectification {
  readonly orderedAt: Millis;
  readonly orderedBy: string;
  readonly reason: string;
  readonly problems: readonly string[];
  readonly deadline: Millis;
  /** The unit that ordered it (the orderer's grant covering the provider): its leaders are told when it is due. */
  readonly unitPath: string;
  /** The timer step 'rectification' told the provider's unit's leaders the re-check was due (once). */
  readonly dueToldAt: Millis | null;
}
