/**
 * The `volunteers` function, as the community subpackage calls it (docs/volunteers.md): the activity lists and
 * detail, sign-up and its cancellation, the organiser's check-in codes (with their QR image), the scan, the
 * attendance and the hours, ratings, cancellation, and the volunteer's own record, ranking and certificate.
 * Each call answers the core's own reply type (weimin-core, types only). Writes carry a request id per intent
 * (services/call.ts). It lives in the subpackage: only its pages call it (the quality scan's
 * CONTAINS_OTHER_PKG_JS).
 */
import type {
  ActivityDetail,
  ActivityListResult,
  ActivityRateResult,
  ActivitySaveResult,
  ActivitySignupResult,
  AttendanceResult,
  CheckinCodeReply,
  CheckinPhase,
  CheckinResult,
  HoursConfirmResult,
  SignupKind,
  VolunteerCertificateResult,
  VolunteerMeResult,
  VolunteerRankingResult,
} from 'weimin-core';
import { query, write } from '../../../services/call';

export const ACTIVITY_PAGE_SIZE = 20;

/** The lists of 志愿活动 (activity.list `view`). */
export type ActivityListView = 'upcoming' | 'mine' | 'organised';

/** One page (1-based) of a list. */
export function listActivities(view: ActivityListView, page: number): Promise<ActivityListResult> {
  return query<ActivityListResult>('volunteers', 'activity.list', {
    view,
    page,
    pageSize: ACTIVITY_PAGE_SIZE,
  });
}

export function activityDetail(activityId: string): Promise<ActivityDetail> {
  return query<ActivityDetail>('volunteers', 'activity.detail', { activityId });
}

export function signupActivity(activityId: string, as: SignupKind): Promise<ActivitySignupResult> {
  return write<ActivitySignupResult>('volunteers', 'activity.signup', `activity.signup:${activityId}`, {
    activityId,
    as,
  });
}

export function cancelSignup(activityId: string): Promise<ActivitySignupResult> {
  return write<ActivitySignupResult>(
    'volunteers',
    'activity.signup.cancel',
    `activity.signup.cancel:${activityId}`,
    { activityId },
  );
}

/**
 * The organiser's current code for `phase`. Each code is a new intent (`nonce`): a fresh code is asked for,
 * never the replay of the last one.
 */
export function checkinCode(
  activityId: string,
  phase: CheckinPhase,
  nonce: string,
): Promise<CheckinCodeReply> {
  return write<CheckinCodeReply>('volunteers', 'activity.checkin.code', `activity.checkin.code:${nonce}`, {
    activityId,
    phase,
  });
}

/** The scan: `code` is what wx.scanCode read off the organiser's QR code. */
export function checkIn(code: string): Promise<CheckinResult> {
  return write<CheckinResult>('volunteers', 'activity.checkin', `activity.checkin:${code}`, { code });
}

export function activityAttendance(activityId: string): Promise<AttendanceResult> {
  return query<AttendanceResult>('volunteers', 'activity.attendance', { activityId });
}

export interface HoursEntry {
  signupId: string;
  minutes: number;
}

export function confirmHours(
  activityId: string,
  entries: readonly HoursEntry[],
): Promise<HoursConfirmResult> {
  return write<HoursConfirmResult>(
    'volunteers',
    'activity.hours.confirm',
    `activity.hours.confirm:${activityId}`,
    {
      activityId,
      entries,
    },
  );
}

export function rateActivity(activityId: string, stars: number, text: string): Promise<ActivityRateResult> {
  return write<ActivityRateResult>('volunteers', 'activity.rate', `activity.rate:${activityId}`, {
    activityId,
    stars,
    ...(text === '' ? {} : { text }),
  });
}

export function cancelActivity(activityId: string, reason: string): Promise<ActivitySaveResult> {
  return write<ActivitySaveResult>('volunteers', 'activity.cancel', `activity.cancel:${activityId}`, {
    activityId,
    reason,
  });
}

export function volunteerMe(): Promise<VolunteerMeResult> {
  return query<VolunteerMeResult>('volunteers', 'volunteer.me');
}

/** The caller's community's ranking for `year` (Asia/Shanghai). */
export function volunteerRanking(year: number): Promise<VolunteerRankingResult> {
  return query<VolunteerRankingResult>('volunteers', 'volunteer.ranking', { year });
}

export function volunteerCertificate(): Promise<VolunteerCertificateResult> {
  return write<VolunteerCertificateResult>(
    'volunteers',
    'volunteer.certificate',
    'volunteer.certificate',
    {},
  );
}
