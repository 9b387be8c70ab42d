/**
 * admin-api's volunteer routes (cloudfunctions/admin-api/routes/volunteers.routes.ts), typed with the core's
 * replies: the unit's activities, one activity's detail, attendance, check-in code (with its QR image) and
 * hours; the unit's volunteers, one volunteer's record and the records a unit adds; the yearly ranking.
 */
import type {
  ActivityDetail,
  ActivitySaveResult,
  AttendanceResult,
  CheckinCodeResult,
  HoursConfirmResult,
  VolunteerRankingResult,
} from '../../../../core/volunteers/volunteer.replies';
import type {
  UnitActivityList,
  UnitVolunteerList,
  VolunteerRecordAddResult,
  VolunteerRecordDetail,
} from '../../../../core/volunteers/volunteer-unit.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

const BASE = '/console/api/volunteers';
const one = (id: string) => encodeURIComponent(id);

export interface ActivityForm {
  orgUnitId: string;
  title: string;
  content: string;
  place: string;
  startAt: number;
  endAt: number;
  capacity: number;
  volunteerPlaces: number;
  signupDeadline?: number;
  clientRequestId: string;
}

export interface HoursEntry {
  signupId: string;
  minutes: number;
  note?: string;
}

export interface RecordForm {
  kind: 'training' | 'award' | 'evaluation';
  title: string;
  date: string;
  issuer: string;
  minutes?: number;
  grade?: string;
  note: string;
  correctsRecordId?: string;
  clientRequestId: string;
}

export const unitActivities = (filters: Filters) =>
  get<UnitActivityList>(`${BASE}/activities${queryOf(filters)}`);
export const activityDetail = (activityId: string) =>
  get<ActivityDetail>(`${BASE}/activities/${one(activityId)}`);
export const scheduleActivity = (form: ActivityForm) => post<ActivitySaveResult>(`${BASE}/activities`, form);
export const editActivity = (activityId: string, form: ActivityForm) =>
  post<ActivitySaveResult>(`${BASE}/activities/${one(activityId)}`, form);
export const cancelActivity = (activityId: string, reason: string, clientRequestId: string) =>
  post<ActivitySaveResult>(`${BASE}/activities/${one(activityId)}/cancel`, { reason, clientRequestId });
export const attendance = (activityId: string) =>
  get<AttendanceResult>(`${BASE}/activities/${one(activityId)}/attendance`);
export const checkinCode = (activityId: string, phase: 'in' | 'out', clientRequestId: string) =>
  post<CheckinCodeResult & { qrImage: string }>(`${BASE}/activities/${one(activityId)}/checkin-code`, {
    phase,
    clientRequestId,
  });
export const confirmHours = (activityId: string, entries: HoursEntry[], clientRequestId: string) =>
  post<HoursConfirmResult>(`${BASE}/activities/${one(activityId)}/hours`, { entries, clientRequestId });

export const unitVolunteers = (filters: Filters) => get<UnitVolunteerList>(`${BASE}${queryOf(filters)}`);
export const volunteerRecord = (volunteerNo: string) =>
  get<VolunteerRecordDetail>(`${BASE}/${one(volunteerNo)}`);
export const addVolunteerRecord = (volunteerNo: string, form: RecordForm) =>
  post<VolunteerRecordAddResult>(`${BASE}/${one(volunteerNo)}/records`, form);
export const ranking = (filters: Filters) =>
  get<VolunteerRankingResult>(`${BASE}/ranking${queryOf(filters)}`);

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD HH:mm' read as Asia/Shanghai time; undefined when the text is not such a moment. */
export function parseShanghaiMinute(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (m === null) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi) - SHANGHAI_OFFSET_MS;
  const back = new Date(at + SHANGHAI_OFFSET_MS);
  return back.getUTCDate() === d && back.getUTCHours() === h ? at : undefined;
}
