/** What the `volunteers` function answers for activities, hours and records (docs/volunteers.md). Types only. */
import type {
  ActivityStatus,
  CheckinPhase,
  EvaluationGrade,
  SignupKind,
  VolunteerRecordKind,
} from '../model/volunteer.model';

export type ActivityAction = 'signup' | 'cancel_signup' | 'checkin' | 'rate' | 'manage';

export interface ActivitySummary {
  readonly activityId: string;
  readonly title: string;
  readonly place: string;
  readonly startAt: number;
  readonly endAt: number;
  /** 'YYYY-MM-DD HH:mm' (Asia/Shanghai). */
  readonly startText: string;
  readonly status: ActivityStatus;
  readonly statusLabel: string;
  readonly teamId: string | null;
  readonly placesLeft: number;
  readonly volunteerPlacesLeft: number;
}

export interface MySignupView {
  readonly kind: SignupKind;
  readonly status: 'signed' | 'cancelled';
  readonly checkInAt: number | null;
  readonly checkOutAt: number | null;
  readonly minutes: number | null;
  readonly confirmedMinutes: number | null;
  readonly ratedAt: number | null;
}

export interface ActivityListItem extends ActivitySummary {
  /** In the `mine` view: the caller's sign-up; else null. */
  readonly mySignup: MySignupView | null;
}

export interface ActivityListResult {
  readonly items: readonly ActivityListItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

export interface ActivityDetail extends ActivitySummary {
  readonly content: string;
  readonly orgUnitId: string;
  readonly signupDeadline: number;
  readonly capacity: number;
  readonly volunteerPlaces: number;
  readonly residentCount: number;
  readonly volunteerCount: number;
  readonly cancelReason: string | null;
  readonly hoursConfirmed: boolean;
  readonly ratingCount: number;
  /** Average stars, one decimal; null before the first rating. */
  readonly ratingAverage: number | null;
  readonly mySignup: MySignupView | null;
  /** What the caller may do now (buttons to show). */
  readonly actions: readonly ActivityAction[];
  /**
   * With `signup`: the kinds of place the caller may take now (a volunteer's needs a volunteer or
   * party-member grant); else empty.
   */
  readonly signupAs: readonly SignupKind[];
}

export interface ActivitySaveResult {
  readonly activityId: string;
  readonly status: ActivityStatus;
}

export interface ActivitySignupResult {
  readonly activityId: string;
  readonly kind: SignupKind;
  readonly status: 'signed' | 'cancelled';
  readonly placesLeft: number;
  readonly volunteerPlacesLeft: number;
  /** The volunteer number (volunteers only). */
  readonly volunteerNo: string | null;
}

export interface CheckinCodeResult {
  readonly code: string;
  readonly phase: CheckinPhase;
  readonly expiresAt: number;
}

/** activity.checkin.code as the function answers it: the core's result and the code's QR image (decision 0045). */
export interface CheckinCodeReply extends CheckinCodeResult {
  /** `data:image/png;base64,…`: the QR code of `code`, drawn by the function layer (function-kit/qr-image.ts). */
  readonly qrImage: string;
}

export interface CheckinResult {
  readonly activityId: string;
  readonly title: string;
  readonly phase: CheckinPhase;
  readonly at: number;
  /** After check-out: the minutes served (clamped to the window), before the organiser confirms them. */
  readonly minutes: number | null;
}

export interface AttendanceRow {
  readonly signupId: string;
  readonly kind: SignupKind;
  readonly kindLabel: string;
  readonly name: string;
  /** Full to the organiser, the team's leader and the unit's workers; masked otherwise; '' when unknown. */
  readonly phone: string;
  readonly phoneMasked: boolean;
  readonly volunteerNo: string | null;
  readonly checkInAt: number | null;
  readonly checkOutAt: number | null;
  readonly minutes: number | null;
  readonly confirmedMinutes: number | null;
}

export interface AttendanceResult {
  readonly activityId: string;
  readonly title: string;
  readonly rows: readonly AttendanceRow[];
  readonly hoursConfirmed: boolean;
  /** The most minutes an entry may be confirmed with (the activity's window). */
  readonly maxMinutes: number;
}

export interface HoursConfirmResult {
  readonly activityId: string;
  /** Records written: first confirmations and corrections (an unchanged entry writes none). */
  readonly credited: number;
  readonly corrections: number;
  readonly unchanged: number;
  readonly totalMinutes: number;
}

export interface ActivityRateResult {
  readonly activityId: string;
  readonly stars: number;
  readonly ratingCount: number;
}

export interface VolunteerRecordView {
  readonly recordId: string;
  readonly kind: Exclude<VolunteerRecordKind, 'basic'>;
  readonly title: string;
  readonly minutes: number;
  readonly correctsRecordId: string | null;
  readonly year: number;
  readonly serviceAt: number;
  readonly note: string;
  readonly createdAt: number;
  /** Training, award, evaluation: who trained, awarded or evaluated ('' when not given). */
  readonly issuer: string;
  /** Evaluation: the grade (null for the other kinds). */
  readonly grade: EvaluationGrade | null;
}

export interface VolunteerMeResult {
  /** 基本信息: the volunteer's profile. */
  readonly basic: {
    readonly volunteerNo: string;
    readonly name: string;
    readonly communityId: string;
    readonly teamIds: readonly string[];
    readonly since: number;
  };
  readonly totalMinutes: number;
  readonly totalHours: number;
  readonly serviceCount: number;
  readonly starLevel: number;
  /** Hours still to serve for the next star (null at the top). */
  readonly nextStarHours: number | null;
  /** The other four kinds of record, newest first. */
  readonly records: Readonly<Record<Exclude<VolunteerRecordKind, 'basic'>, readonly VolunteerRecordView[]>>;
}

export interface RankingRow {
  readonly rank: number;
  readonly volunteerNo: string;
  /** Masked as the public sees names (张**). */
  readonly name: string;
  readonly minutes: number;
  readonly hours: number;
  readonly starLevel: number;
}

export interface VolunteerRankingResult {
  readonly communityId: string;
  readonly year: number;
  readonly rows: readonly RankingRow[];
}

export interface VolunteerCertificateResult {
  readonly certificateNo: string;
  readonly fileName: string;
  /** The .docx file, base64. */
  readonly base64: string;
  readonly totalMinutes: number;
  readonly issuedAt: number;
}

export interface VolunteerTimerResult {
  readonly reminded: number;
  readonly finished: number;
  readonly hoursReminded: number;
  /** Check-in codes removed (expired more than a day ago). */
  readonly codesRemoved: number;
  /** Open activities whose shown places left were recounted from their sign-ups (a counter had drifted). */
  readonly countsRepaired: number;
}
