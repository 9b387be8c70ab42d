/**
 * The order loop's configuration: every duration, bound and template id the use cases use, typed, with
 * defaults. Cloud functions build it once (from their environment or a config document) and pass it in;
 * no use case hard-codes a number.
 */
import { DEFAULT_ORDER_DEADLINES, type OrderDeadlinePolicy } from '../lifecycle/order.deadlines';
import {
  DEFAULT_REPUTATION_POLICY,
  PLATFORM_FALLBACK_PRIOR,
  type RatingPrior,
  type ReputationPolicy,
} from '../reputation/reputation.formula';
import type { OrgLevel } from '../org/org-levels';
import { DEFAULT_CONCERN_DEADLINES, type ConcernDeadlinePolicy } from '../lifecycle/concern.deadlines';
import { CONSOLE_UPLOAD_MAX_BYTES } from '../files/console-files.rules';

export interface MatchingConfig {
  /** Fewer than this after widening to the city: the gap is recorded for the workers' dashboard. */
  readonly minProviders: number;
  /** At most this many providers per item. */
  readonly maxProviders: number;
  /**
   * How many offerings one page of an item's candidates holds (the best by reputation among those covering
   * the resident). Smaller pages read fewer documents; where the selection needs more than the first page,
   * matching reads the rest it depends on (at most three queries per item, docs/orders.md "Matching").
   */
  readonly candidatePoolSize: number;
  /** The base search: providers serving the resident's unit down from this level (the grid or community). */
  readonly baseLevel: OrgLevel;
  /** A match result can be ordered from for this many hours. */
  readonly matchValidHours: number;
  /**
   * An identical request (same resident, unit and items, as a set) within this many minutes of a match not
   * yet ordered from is answered with that match instead of a new one; 0 turns reuse off.
   */
  readonly reuseWithinMinutes: number;
}

/**
 * When a rating's stars count toward the provider's reputation at once, and when they wait for a worker
 * (decision 0013). A rater's own provider is refused outright (order.rate); these hold, never refuse.
 */
export interface RatingsConfig {
  /** An account (the `users` record) younger than this many days is new. */
  readonly newAccountDays: number;
  /**
   * Ratings from new accounts one provider may receive within 24 hours that count at once; the ones after
   * (a burst) are held for a worker.
   */
  readonly newAccountRatingsPerDay: number;
  /** Ratings by staff of another provider are held for a worker (a competitor's, or a favour returned). */
  readonly holdOtherProvidersStaff: boolean;
}

/**
 * Calls per user per minute, by command (the function kit refuses the rest: RATE_LIMITED). Every command
 * that writes is limited: by its own entry, else by `writesPerMinute`; `match.request` (a read that writes a
 * match) has its own. Other reads and the timers are not limited.
 */
export interface RateLimitsConfig {
  readonly perMinute: Readonly<Record<string, number>>;
  /** The limit of a writing command without an entry of its own. */
  readonly writesPerMinute: number;
  /** The nightly housekeeping deletes counters older than this (they only matter within their minute). */
  readonly keepCountersHours: number;
}

/** Subscribe-message template ids (database/message-templates.json). */
export interface OrderTemplates {
  /** To provider staff: a new order. */
  readonly orderNew: string;
  /** To the resident: accepted, declined, expired, cancelled by the provider. */
  readonly orderStatus: string;
  /** To provider staff: a follow-up is due soon. */
  readonly followUpDue: string;
  /** To the resident: the job is done, please rate it. */
  readonly reviewReminder: string;
  /** To the grid's workers and the community's on-duty workers: a 紧急求助 (urgent request). */
  readonly urgentRequest: string;
  /** To the resident: their concern's progress (reviewed, published, pushed up, in progress, resolved). */
  readonly concernProgress: string;
  /** To the resident: somebody claimed their concern. */
  readonly wishClaimed: string;
  /** To workers, leaders, party organisations, teams, claimers and joint-meeting offices: something to do. */
  readonly concernTodo: string;
  /** To the applicant of a provider application: its progress (in review, returned, noticed, please sign...). */
  readonly applicationProgress: string;
  /** To the unit's workers and leaders: an application to review, objections to answer. */
  readonly applicationTodo: string;
  /** To a provider's manager and the unit's workers: a 差评 follow-up ticket opened, or its deadline missed. */
  readonly feedbackTodo: string;
  /** To a provider's manager and the unit's leaders: an evaluation published, a re-check due, a removal. */
  readonly governanceNotice: string;
  /** To the signed-up: an activity starts soon or is cancelled; to its organiser: hours still to confirm. */
  readonly activityReminder: string;
  /** To a 双报到 applicant: the community confirmed or declined the registration (core/party). */
  readonly partyRegistration: string;
}

/**
 * 紧急求助 (docs/acting-for-residents.md): how long providers have to accept an urgent request before it goes
 * to the community workers' queue. 12345 gives emergencies 2 hours for feedback; this aims far under it.
 */
export interface UrgentConfig {
  readonly acceptWithinMinutes: number;
  /** The feedback limit the clock is measured against (12345: 2 hours for emergencies). */
  readonly feedbackWithinMinutes: number;
}

/** Mini-program pages the messages open (the order id is appended as `?orderId=`). */
export interface OrderPages {
  readonly residentOrder: string;
  readonly staffJob: string;
  /** A concern's page (the id is appended as `?concernId=`). */
  readonly concernDetail: string;
  /** An applicant's application page (the id is appended as `?applicationId=`). */
  readonly applicationDetail: string;
  /** A provider's standing and evaluations, for its staff (`?providerId=` appended). */
  readonly providerStanding: string;
  /** The public notices (公示) of provider applications: where an objector reads how theirs was answered. */
  readonly noticeBoard: string;
}

/** The concerns loop (docs/concerns.md). */
export interface ConcernConfig {
  /** Claim deadlines per level and the days a resident has to confirm (core/lifecycle/concern.deadlines.ts). */
  readonly deadlines: ConcernDeadlinePolicy;
  /** Hours past a joint-meeting task's deadline before the concern goes to the next level's joint meeting. */
  readonly taskGraceHours: number;
  /** Similar open concerns suggested before submitting: at least this similarity (0-1)... */
  readonly similarAtLeast: number;
  /** ...among this many of the community's newest open concerns, at most `similarShown` shown. */
  readonly similarCandidates: number;
  readonly similarShown: number;
  /** People one notice about one concern goes to at most (a level's workers, leaders, organisations). */
  readonly maxRecipients: number;
}

/**
 * Provider governance (core/providers, docs/governance.md): the application's public notice and agreement,
 * the 差评 follow-up clocks (in working days, Asia/Shanghai, Monday to Friday), evaluations and the red-star
 * board.
 */
export interface GovernanceConfig {
  /** 公示期: days an application is publicly noticed, open to objections, before the agreement. */
  readonly noticeDays: number;
  /** The version of the service agreement (服务协定) text applicants sign; recorded with each signature. */
  readonly agreementVersion: string;
  /** A rating of this many stars or fewer opens a 差评 follow-up ticket. */
  readonly lowRatingAtMost: number;
  /** The provider's manager contacts the resident within this many working days of the rating... */
  readonly ticketContactWorkingDays: number;
  /** ...and fixes or explains within this many (local rules give 10-15; we ask for faster). */
  readonly ticketFixWorkingDays: number;
  /** Working days a provider has to appeal a rating it thinks malicious. */
  readonly appealWithinWorkingDays: number;
  /** Days given to rectify after an evaluation, when the evaluator names no deadline. */
  readonly rectifyDefaultDays: number;
  /** The red-star board lists providers of at least this star level. */
  readonly boardMinStars: number;
}

/** Volunteer activities, hours and records (core/volunteers, docs/volunteers.md). */
export interface VolunteersConfig {
  /** Star levels 1-5 from these confirmed hours (ascending). */
  readonly starHours: readonly number[];
  /** The signed-up are reminded this many minutes before the start. */
  readonly remindBeforeMinutes: number;
  /** The organiser is reminded once when hours are still unconfirmed this many hours after the end. */
  readonly confirmRemindAfterHours: number;
  /** A check-in code works for this many seconds after it is issued. */
  readonly codeValidSeconds: number;
  /** Check-in opens this many minutes before the start (and closes this many after the end). */
  readonly checkinOpensMinutesBefore: number;
  readonly checkinClosesMinutesAfter: number;
  /** The minutes credited are clamped to [start - windowBeforeMinutes, end + windowAfterMinutes]. */
  readonly windowBeforeMinutes: number;
  readonly windowAfterMinutes: number;
  /** The mini-program page of an activity (`?activityId=` appended). */
  readonly activityPage: string;
  /** A team leader's invitation code can be used for this many days after it is issued. */
  readonly teamInviteValidDays: number;
}

/** Provider staff binding (core/providers). */
export interface StaffConfig {
  /** An invite code can be used for this many days after it is issued. */
  readonly inviteValidDays: number;
}

/**
 * The workers' console: sign-in, sessions and the work queues (docs/console.md). Durations in minutes or
 * hours as named.
 */
export interface ConsoleConfig {
  /**
   * Sign-in attempts per minute from one client address, and for one account name (counted in
   * `rate_limit_counters` like the commands' limits): the account's lock comes after five wrong passwords;
   * these stop a script guessing across accounts, or one account from many places.
   */
  readonly signInPerMinutePerIp: number;
  readonly signInPerMinutePerAccount: number;
  /** Wrong passwords in a row that lock an account... */
  readonly lockAfterFailures: number;
  /** ...for this many minutes. */
  readonly lockMinutes: number;
  /** A session ends after this many minutes without a successful request... */
  readonly sessionIdleMinutes: number;
  /** ...and this many hours after sign-in, whatever happens. */
  readonly sessionAbsoluteHours: number;
  /** A session's last-seen time is written at most once per this many seconds (reads do not write more). */
  readonly sessionTouchSeconds: number;
  /** A one-time password (a new account's, or a reset one) works for this many hours. */
  readonly oneTimePasswordHours: number;
  /** 工作台: orders still unanswered this many hours before they expire are shown as about to expire. */
  readonly expiringWithinHours: number;
  /** A complaint not answered (verified as true or not) this long after it was filed is overdue (工作台). */
  readonly complaintAnswerHours: number;
  /** The nightly housekeeping deletes sessions that ended more than this many days ago (they hold IPs). */
  readonly keepEndedSessionsDays: number;
  /** 工作台: an item with fewer providers than this covering a community is a supply gap. */
  readonly supplyGapBelow: number;
  /**
   * The largest file the console uploads (POST /console/api/files), in bytes: the file travels as Base64 in
   * the JSON body of one HTTP-triggered call, whose event CloudBase caps at 6 MB (decision 0049).
   */
  readonly maxUploadBytes: number;
  /** How long a temporary URL of a stored file the console shows stays valid, in seconds. */
  readonly fileUrlSeconds: number;
}

export interface PlatformConfig {
  readonly deadlines: OrderDeadlinePolicy;
  readonly matching: MatchingConfig;
  readonly reputation: { readonly policy: ReputationPolicy; readonly prior: RatingPrior };
  readonly templates: OrderTemplates;
  readonly pages: OrderPages;
  readonly staff: StaffConfig;
  readonly ratings: RatingsConfig;
  readonly rateLimits: RateLimitsConfig;
  readonly console: ConsoleConfig;
  readonly urgent: UrgentConfig;
  readonly concerns: ConcernConfig;
  readonly governance: GovernanceConfig;
  readonly volunteers: VolunteersConfig;
  /** How many records one timer run handles at most (the next run takes the rest). */
  readonly timerBatchSize: number;
}

export const DEFAULT_PLATFORM_CONFIG: PlatformConfig = {
  deadlines: DEFAULT_ORDER_DEADLINES,
  matching: {
    minProviders: 3,
    maxProviders: 5,
    candidatePoolSize: 50,
    baseLevel: 'community',
    matchValidHours: 24,
    reuseWithinMinutes: 5,
  },
  reputation: { policy: DEFAULT_REPUTATION_POLICY, prior: PLATFORM_FALLBACK_PRIOR },
  templates: {
    orderNew: 'TPL_ORDER_NEW',
    orderStatus: 'TPL_ORDER_STATUS',
    followUpDue: 'TPL_FOLLOWUP_DUE',
    reviewReminder: 'TPL_REVIEW_REMINDER',
    urgentRequest: 'TPL_URGENT_REQUEST',
    concernProgress: 'TPL_CONCERN_PROGRESS',
    wishClaimed: 'TPL_WISH_CLAIMED',
    concernTodo: 'TPL_CONCERN_TODO',
    applicationProgress: 'TPL_APPLICATION_PROGRESS',
    applicationTodo: 'TPL_APPLICATION_TODO',
    feedbackTodo: 'TPL_FEEDBACK_TODO',
    governanceNotice: 'TPL_GOVERNANCE_NOTICE',
    activityReminder: 'TPL_ACTIVITY_REMINDER',
    partyRegistration: 'TPL_PARTY_REGISTRATION',
  },
  pages: {
    residentOrder: 'pages/order-detail/order-detail',
    staffJob: 'packages/staff/pages/job-detail/job-detail',
    concernDetail: 'packages/concerns/pages/detail/detail',
    applicationDetail: 'packages/staff/pages/application/application',
    providerStanding: 'packages/staff/pages/standing/standing',
    noticeBoard: 'packages/providers/pages/notices/notices',
  },
  staff: { inviteValidDays: 7 },
  ratings: { newAccountDays: 7, newAccountRatingsPerDay: 2, holdOtherProvidersStaff: true },
  rateLimits: {
    // Far above what a person tapping a phone does; low enough that a script is stopped within a minute.
    // A retried request counts too: a phone on a bad network may send one request a dozen times.
    perMinute: {
      'match.request': 30,
      'order.accept': 60,
      'order.decline': 60,
      'order.done': 60,
      'order.follow_up': 60,
      'moderation.decide': 120,
      // The organiser's page asks for a fresh check-in code every 15 s and after every scan.
      'activity.checkin.code': 240,
    },
    writesPerMinute: 30,
    keepCountersHours: 24,
  },
  console: {
    signInPerMinutePerIp: 20,
    signInPerMinutePerAccount: 10,
    lockAfterFailures: 5,
    lockMinutes: 15,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    sessionTouchSeconds: 60,
    oneTimePasswordHours: 72,
    expiringWithinHours: 4,
    complaintAnswerHours: 24,
    keepEndedSessionsDays: 30,
    supplyGapBelow: 3,
    maxUploadBytes: CONSOLE_UPLOAD_MAX_BYTES,
    fileUrlSeconds: 600,
  },
  urgent: { acceptWithinMinutes: 15, feedbackWithinMinutes: 120 },
  concerns: {
    deadlines: DEFAULT_CONCERN_DEADLINES,
    taskGraceHours: 72,
    similarAtLeast: 0.3,
    similarCandidates: 300,
    similarShown: 5,
    maxRecipients: 100,
  },
  governance: {
    noticeDays: 7,
    agreementVersion: 'YL-HS-2026-01',
    lowRatingAtMost: 2,
    ticketContactWorkingDays: 1,
    ticketFixWorkingDays: 5,
    appealWithinWorkingDays: 5,
    rectifyDefaultDays: 30,
    boardMinStars: 3,
  },
  volunteers: {
    starHours: [100, 300, 600, 1000, 1500],
    remindBeforeMinutes: 120,
    confirmRemindAfterHours: 24,
    codeValidSeconds: 60,
    checkinOpensMinutesBefore: 60,
    checkinClosesMinutesAfter: 60,
    windowBeforeMinutes: 30,
    windowAfterMinutes: 60,
    activityPage: 'packages/community/pages/activity/activity',
    teamInviteValidDays: 7,
  },
  timerBatchSize: 100,
};

export interface PlatformConfigOverrides {
  readonly deadlines?: Partial<OrderDeadlinePolicy>;
  readonly matching?: Partial<MatchingConfig>;
  readonly reputation?: Partial<PlatformConfig['reputation']>;
  readonly templates?: Partial<OrderTemplates>;
  readonly pages?: Partial<OrderPages>;
  readonly staff?: Partial<StaffConfig>;
  readonly ratings?: Partial<RatingsConfig>;
  /** Replaces the limits of the commands it names (the others keep theirs). */
  readonly rateLimits?: {
    readonly perMinute?: Readonly<Record<string, number>>;
    readonly writesPerMinute?: number;
    readonly keepCountersHours?: number;
  };
  readonly console?: Partial<ConsoleConfig>;
  readonly urgent?: Partial<UrgentConfig>;
  readonly concerns?: Partial<ConcernConfig>;
  readonly governance?: Partial<GovernanceConfig>;
  readonly volunteers?: Partial<VolunteersConfig>;
  readonly timerBatchSize?: number;
}

/** The defaults with some values replaced, section by section. */
export function platformConfig(overrides: PlatformConfigOverrides = {}): PlatformConfig {
  const d = DEFAULT_PLATFORM_CONFIG;
  const config: PlatformConfig = {
    deadlines: { ...d.deadlines, ...overrides.deadlines },
    matching: { ...d.matching, ...overrides.matching },
    reputation: { ...d.reputation, ...overrides.reputation },
    templates: { ...d.templates, ...overrides.templates },
    pages: { ...d.pages, ...overrides.pages },
    staff: { ...d.staff, ...overrides.staff },
    ratings: { ...d.ratings, ...overrides.ratings },
    rateLimits: {
      perMinute: { ...d.rateLimits.perMinute, ...overrides.rateLimits?.perMinute },
      writesPerMinute: overrides.rateLimits?.writesPerMinute ?? d.rateLimits.writesPerMinute,
      keepCountersHours: overrides.rateLimits?.keepCountersHours ?? d.rateLimits.keepCountersHours,
    },
    console: { ...d.console, ...overrides.console },
    urgent: { ...d.urgent, ...overrides.urgent },
    concerns: { ...d.concerns, ...overrides.concerns },
    governance: { ...d.governance, ...overrides.governance },
    volunteers: { ...d.volunteers, ...overrides.volunteers },
    timerBatchSize: overrides.timerBatchSize ?? d.timerBatchSize,
  };
  assertConfig(config);
  return config;
}

function assertConfig(config: PlatformConfig): void {
  const { minProviders, maxProviders, candidatePoolSize } = config.matching;
  const positive = [
    config.deadlines.acceptWithinHours,
    config.deadlines.followUpWithinHours,
    config.deadlines.closeAfterDoneHours,
    config.matching.matchValidHours,
    config.timerBatchSize,
    config.staff.inviteValidDays,
    minProviders,
    config.ratings.newAccountDays,
    ...Object.values(config.rateLimits.perMinute),
    config.rateLimits.writesPerMinute,
    config.rateLimits.keepCountersHours,
    ...Object.values(config.console),
    ...Object.values(config.urgent),
  ];
  // A configuration mistake is a bug of the deployment, not a user's error: plain Error.
  if (positive.some((n) => !(n > 0))) throw new Error('order loop config: durations and sizes must be > 0');
  if (maxProviders < minProviders || candidatePoolSize < maxProviders) {
    throw new Error('order loop config: need minProviders <= maxProviders <= candidatePoolSize');
  }
  if (!(config.matching.reuseWithinMinutes >= 0) || !(config.ratings.newAccountRatingsPerDay >= 0)) {
    throw new Error('order loop config: reuseWithinMinutes and newAccountRatingsPerDay must be >= 0');
  }
  if (config.deadlines.followUpReminderHoursBefore >= config.deadlines.followUpWithinHours) {
    throw new Error('order loop config: the reminder must come after the job is done');
  }
}
