/**
 * Replies of the `volunteers` function as it sends them, typed with the core's reply types (weimin-core), built
 * per test: what the community pages' scripted function answers with, and what the view-model tests map.
 * T0 is 2026-11-29 14:30 in Shanghai; the activity starts a day later, 09:00-11:00.
 */
import type {
  ActivityDetail,
  ActivityListItem,
  ActivityListResult,
  AttendanceResult,
  AttendanceRow,
  CheckinCodeReply,
  CheckinResult,
  MySignupView,
  VolunteerMeResult,
  VolunteerRankingResult,
  VolunteerRecordView,
} from 'weimin-core';
import { T0 } from './support/replies';

export const HOUR = 3_600_000;
/** 2026-11-30 09:00 Shanghai. */
export const START = Date.UTC(2026, 10, 30, 1, 0);
export const END = START + 2 * HOUR;

export function activityItem(overrides: Partial<ActivityListItem> = {}): ActivityListItem {
  return {
    activityId: 'act-1',
    title: '义务理发进小区',
    place: '金港花园活动室',
    startAt: START,
    endAt: END,
    startText: '2026-11-30 09:00',
    status: 'scheduled',
    statusLabel: '报名中',
    teamId: 'team-0001',
    placesLeft: 12,
    volunteerPlacesLeft: 3,
    mySignup: null,
    ...overrides,
  };
}

export function activityPage(items: ActivityListItem[], hasMore = false): ActivityListResult {
  return { items, page: 1, pageSize: 20, hasMore };
}

export function mySignup(overrides: Partial<MySignupView> = {}): MySignupView {
  return {
    kind: 'resident',
    status: 'signed',
    checkInAt: null,
    checkOutAt: null,
    minutes: null,
    confirmedMinutes: null,
    ratedAt: null,
    ...overrides,
  };
}

export function activityDetail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...activityItem(),
    content: '为小区老人免费理发，请自带毛巾。',
    orgUnitId: 'grid-jingang',
    signupDeadline: START,
    capacity: 30,
    volunteerPlaces: 5,
    residentCount: 18,
    volunteerCount: 2,
    cancelReason: null,
    hoursConfirmed: false,
    ratingCount: 0,
    ratingAverage: null,
    mySignup: null,
    actions: ['signup'],
    signupAs: ['resident'],
    ...overrides,
  };
}

export function checkinCodeReply(overrides: Partial<CheckinCodeReply> = {}): CheckinCodeReply {
  return {
    code: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    phase: 'in',
    expiresAt: T0 + 60_000,
    qrImage: 'data:image/png;base64,iVBORw0KGgo=',
    ...overrides,
  };
}

export function checkinResult(overrides: Partial<CheckinResult> = {}): CheckinResult {
  return {
    activityId: 'act-1',
    title: '义务理发进小区',
    phase: 'in',
    at: START - 10 * 60_000,
    minutes: null,
    ...overrides,
  };
}

export function attendanceRow(overrides: Partial<AttendanceRow> = {}): AttendanceRow {
  return {
    signupId: 'act-1_v1',
    kind: 'volunteer',
    kindLabel: '志愿者',
    name: '李志明',
    phone: '13907750011',
    phoneMasked: false,
    volunteerNo: 'YL2026000012',
    checkInAt: START - 20 * 60_000,
    checkOutAt: END + 10 * 60_000,
    minutes: 150,
    confirmedMinutes: null,
    ...overrides,
  };
}

export function attendance(
  rows: AttendanceRow[],
  overrides: Partial<AttendanceResult> = {},
): AttendanceResult {
  return {
    activityId: 'act-1',
    title: '义务理发进小区',
    rows,
    hoursConfirmed: false,
    maxMinutes: 210,
    ...overrides,
  };
}

export function record(overrides: Partial<VolunteerRecordView> = {}): VolunteerRecordView {
  return {
    recordId: 'rec-1',
    kind: 'service',
    title: '义务理发进小区',
    minutes: 150,
    correctsRecordId: null,
    year: 2026,
    serviceAt: START,
    note: '',
    createdAt: END,
    issuer: '',
    grade: null,
    ...overrides,
  };
}

export function volunteerMeReply(overrides: Partial<VolunteerMeResult> = {}): VolunteerMeResult {
  return {
    basic: {
      volunteerNo: 'YL2026000012',
      name: '李志明',
      communityId: 'dongmen',
      teamIds: ['team-0001'],
      since: Date.UTC(2026, 2, 1, 2, 0),
    },
    totalMinutes: 7230,
    totalHours: 120.5,
    serviceCount: 31,
    starLevel: 1,
    nextStarHours: 180,
    records: {
      service: [
        record(),
        record({ recordId: 'rec-2', title: '楼道清洁', minutes: 90, serviceAt: START - 7 * 24 * HOUR }),
      ],
      training: [],
      award: [
        record({
          recordId: 'rec-3',
          kind: 'award',
          title: '优秀志愿者',
          minutes: 0,
          issuer: '东门社区居委会',
        }),
      ],
      evaluation: [],
    },
    ...overrides,
  };
}

export function rankingReply(overrides: Partial<VolunteerRankingResult> = {}): VolunteerRankingResult {
  return {
    communityId: 'dongmen',
    year: 2026,
    rows: [
      { rank: 1, volunteerNo: 'YL2026000003', name: '张**', minutes: 9000, hours: 150, starLevel: 2 },
      { rank: 2, volunteerNo: 'YL2026000012', name: '李**', minutes: 7230, hours: 120.5, starLevel: 1 },
    ],
    ...overrides,
  };
}
