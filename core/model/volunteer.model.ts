/**
 * Volunteer activities (志愿服务活动) and the volunteers' records (docs/volunteers.md): an activity a team or a
 * community schedules, its numbered places, the sign-ups with their check-in and check-out, the single-use check-in codes, the
 * volunteer's profile with its number, the records kept as 民政部令第67号 asks (five kinds), the numbered
 * certificates and the counters the numbers come from.
 */
import type { CHECKIN_PHASES, SIGNUP_KINDS } from '../schemas/volunteer.fields';
import type { EVALUATION_GRADES, VOLUNTEER_RECORD_ADD_KINDS } from '../schemas/volunteer-unit.fields';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

export const ACTIVITY_STATUSES = ['scheduled', 'cancelled', 'finished'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_LABELS: Readonly<Record<ActivityStatus, string>> = {
  scheduled: '报名中',
  cancelled: '已取消',
  finished: '已结束',
};

/** Who takes a place: a resident served by the activity, or a volunteer serving in it. */
export type SignupKind = (typeof SIGNUP_KINDS)[number];

export const SIGNUP_KIND_LABELS: Readonly<Record<SignupKind, string>> = {
  resident: '居民',
  volunteer: '志愿者',
};

/**
 * `volunteer_activities`: one activity. `orgPath` is the grid or community where it takes place;
 * `communityPath` its community (the residents and volunteers who see it in "upcoming"). The counters show
 * the places taken; they follow each sign-up and cancellation right after its commit (the places themselves,
 * `activity_places`, are what the capacity holds on).
 */
export interface VolunteerActivity extends BaseDocument, Timestamps, Located {
  readonly orgUnitId: string;
  readonly communityPath: string;
  /** The organising team (its leader manages it), or null for the community's own activity. */
  readonly teamId: string | null;
  readonly organiserOpenid: string;
  readonly title: string;
  readonly content: string;
  readonly place: string;
  readonly startAt: Millis;
  readonly endAt: Millis;
  /** Sign-ups close at this moment (at the latest the start). */
  readonly signupDeadline: Millis;
  /** Places for residents. */
  readonly capacity: number;
  /** Places for volunteers. */
  readonly volunteerPlaces: number;
  readonly residentCount: number;
  readonly volunteerCount: number;
  readonly status: ActivityStatus;
  /** Content security asked a person to look at its texts. */
  readonly contentFlagged: boolean;
  readonly cancelReason: string | null;
  readonly cancelledAt: Millis | null;
  readonly finishedAt: Millis | null;
  /** When the timer reminds the signed-up (null once it has, or when the activity is over). */
  readonly remindAt: Millis | null;
  readonly remindedAt: Millis | null;
  /** When the timer reminds the organiser of hours still unconfirmed (null once it has, or when confirmed). */
  readonly hoursRemindAt: Millis | null;
  readonly hoursConfirmedAt: Millis | null;
  readonly ratingCount: number;
  readonly ratingStarsTotal: number;
}

/**
 * `activity_signups`: one person's place, `_id` `${activityId}_${openid}` (so a second sign-up is found, not
 * made). A cancelled one keeps its record and may be signed again while places are left.
 */
export interface ActivitySignup extends BaseDocument, Timestamps, Located {
  readonly activityId: string;
  readonly openid: string;
  readonly kind: SignupKind;
  readonly status: 'signed' | 'cancelled';
  readonly signedAt: Millis;
  readonly cancelledAt: Millis | null;
  /** The place it holds (`activity_places`), while signed. */
  readonly placeId: string | null;
  /** The volunteer's party-member record, whose service is counted too (null: none). */
  readonly partyMemberId: string | null;
  readonly checkInAt: Millis | null;
  readonly checkOutAt: Millis | null;
  /** Check-out minus check-in, clamped to the activity's window (core/volunteers/activity.rules.ts). */
  readonly minutes: number | null;
  /** The minutes credited so far (the organiser's confirmations, corrections included); null: none yet. */
  readonly confirmedMinutes: number | null;
  /** The first service record of this sign-up, and how many corrections followed it. */
  readonly recordId: string | null;
  readonly corrections: number;
  readonly ratedAt: Millis | null;
  readonly stars: number | null;
  readonly ratingText: string;
  /** Content security held the rating's text for a person to look at: shown to nobody else meanwhile. */
  readonly ratingTextHeld: boolean;
}

export type CheckinPhase = (typeof CHECKIN_PHASES)[number];

/**
 * `activity_places`: one numbered place of an activity, `_id` `${activityId}-${kind}-${n}` (n from 1 to the
 * activity's places of that kind), written by the sign-up that takes it and freed (holder null) by its
 * cancellation. The places, not a counter, are what capacity holds on: a sign-up takes a free place in its
 * transaction, so two sign-ups contend only when they reach for the same place (docs/volunteers.md).
 */
export interface ActivityPlace extends BaseDocument, Located {
  readonly activityId: string;
  readonly kind: SignupKind;
  readonly n: number;
  readonly holder: string | null;
  readonly updatedAt: Millis;
}

/**
 * `checkin_codes`: one code the organiser's phone shows, `_id` the code itself (a server random token):
 * valid until `expiresAt`, used by one scan at most (`usedBy`).
 */
export interface CheckinCode extends BaseDocument, Located {
  readonly activityId: string;
  readonly phase: CheckinPhase;
  readonly issuedBy: string;
  readonly createdAt: Millis;
  readonly expiresAt: Millis;
  readonly usedBy: string | null;
  readonly usedAt: Millis | null;
}

/**
 * `volunteers`: a volunteer's basic record (基本信息, the first kind of record), `_id` the openid. The number
 * (`YL` + year + six digits) is what lists and certificates show: identity numbers are never stored.
 */
export interface VolunteerProfile extends BaseDocument, Timestamps, Located {
  readonly openid: string;
  readonly name: string;
  readonly volunteerNo: string;
  readonly communityId: string;
  readonly teamIds: readonly string[];
  readonly totalMinutes: number;
  readonly serviceCount: number;
  /** Confirmed minutes per service year (Asia/Shanghai), for the yearly ranking: `{ "2025": 360 }`. */
  readonly minutesByYear: Readonly<Record<string, number>>;
  readonly starLevel: number;
}

/** The five kinds of volunteer record of 民政部令第67号 (志愿服务记录与证明出具办法). */
export const VOLUNTEER_RECORD_KINDS = ['basic', 'service', 'training', 'award', 'evaluation'] as const;
export type VolunteerRecordKind = (typeof VOLUNTEER_RECORD_KINDS)[number];

export const VOLUNTEER_RECORD_KIND_LABELS: Readonly<Record<VolunteerRecordKind, string>> = {
  basic: '个人基本信息',
  service: '志愿服务信息',
  training: '培训信息',
  award: '表彰奖励信息',
  evaluation: '评价信息',
};

/** The kinds of record a unit adds by hand (service records come from confirmed hours). */
export type VolunteerRecordAddKind = (typeof VOLUNTEER_RECORD_ADD_KINDS)[number];

/** An evaluation's grade (评价等级). */
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
export const EVALUATION_GRADE_LABELS: Readonly<Record<EvaluationGrade, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/**
 * `volunteer_records`: one record of a volunteer (the basic kind is the profile itself). A service record is
 * written when the organiser confirms the hours, never edited: a later correction is a new record naming the
 * one it corrects (`correctsRecordId`) with the difference (`minutes` may then be negative).
 */
export interface VolunteerRecord extends BaseDocument, Located {
  readonly openid: string;
  readonly kind: Exclude<VolunteerRecordKind, 'basic'>;
  readonly title: string;
  readonly activityId: string | null;
  readonly signupId: string | null;
  /** The minutes credited by this record (a correction: the difference). */
  readonly minutes: number;
  readonly correctsRecordId: string | null;
  /** The service year (Asia/Shanghai) the minutes count for. */
  readonly year: number;
  readonly serviceAt: Millis;
  readonly note: string;
  readonly confirmedBy: string;
  readonly createdAt: Millis;
  /** Training, award, evaluation: who trained, awarded or evaluated (组织或颁发单位). */
  readonly issuer?: string;
  /** Evaluation: the grade given. */
  readonly grade?: EvaluationGrade;
}

/** One line of a certificate: an activity and the minutes credited for it. */
export interface CertificateLine {
  readonly title: string;
  readonly serviceAt: Millis;
  readonly minutes: number;
}

/** `volunteer_certificates`: a numbered service certificate (志愿服务证明), issued free. */
export interface VolunteerCertificate extends BaseDocument, Located {
  readonly certificateNo: string;
  readonly openid: string;
  readonly volunteerNo: string;
  readonly name: string;
  /** The service year it covers, or null for every year. */
  readonly year: number | null;
  readonly totalMinutes: number;
  readonly lines: readonly CertificateLine[];
  readonly issuedAt: Millis;
}

/** `volunteer_counters`: the sequence behind the numbers, one document per kind and year (`volunteerNo-2025`). */
export interface VolunteerCounter extends BaseDocument {
  readonly seq: number;
}
