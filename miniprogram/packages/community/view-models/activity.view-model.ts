/**
 * 志愿活动 as the pages show them: list rows (近期活动, 我报名的, 我组织的), one activity's detail with only the
 * buttons its `actions` (and `signupAs`) allow, what a scan did, the organiser's code countdown, and the forms
 * (评价, 取消活动, 确认时长) checked with the schema's limits before sending. Read straight from the core's
 * replies (activity.list, activity.detail, activity.checkin, activity.attendance), once, into what the page
 * renders. Times in Asia/Shanghai.
 */
import type {
  ActivityDetail,
  ActivityListItem,
  ActivityStatus,
  AttendanceResult,
  CheckinResult,
  FieldCheck,
  MySignupView,
  SignupKind,
} from 'weimin-core';
import { SIGNUP_KIND_LABELS } from 'weimin-core';
import type { TagTheme } from '../../../utils/status.format';
import { formatShanghaiMinute, formatShanghaiShort } from '../../../utils/time.format';

const STATUS_THEMES: Readonly<Record<ActivityStatus, TagTheme>> = {
  scheduled: 'primary',
  cancelled: 'default',
  finished: 'success',
};

/** 'HH:mm' of a time (Asia/Shanghai). */
const clock = (millis: number): string => formatShanghaiMinute(millis).slice(11);

/** When it takes place: '12-20 09:00–11:00' (the year when not this year's; both days when it ends on another). */
export function activityTimeText(startAt: number, endAt: number, now: number): string {
  const start = formatShanghaiShort(startAt, now);
  const sameDay = formatShanghaiMinute(startAt).slice(0, 10) === formatShanghaiMinute(endAt).slice(0, 10);
  return `${start}–${sameDay ? clock(endAt) : formatShanghaiShort(endAt, now)}`;
}

/** Places left as a resident reads them. */
export function placesText(placesLeft: number, volunteerPlacesLeft: number): string {
  const resident = placesLeft > 0 ? `剩余 ${placesLeft} 个名额` : '居民名额已满';
  return volunteerPlacesLeft > 0 ? `${resident}，志愿者名额 ${volunteerPlacesLeft} 个` : resident;
}

/** Where the caller's own sign-up stands, in words ('' when none). */
export function signupStateText(signup: MySignupView | null): string {
  if (signup === null) return '';
  if (signup.status === 'cancelled') return '已取消报名';
  const as = `已报名（${SIGNUP_KIND_LABELS[signup.kind]}）`;
  if (signup.checkOutAt !== null) {
    const served = signup.confirmedMinutes ?? signup.minutes;
    const confirmed = signup.confirmedMinutes !== null ? '，时长已确认' : '';
    return `${as} · 已签退${served === null ? '' : `，服务 ${minutesText(served)}`}${confirmed}`;
  }
  if (signup.checkInAt !== null) return `${as} · 已签到（${clock(signup.checkInAt)}）`;
  return as;
}

/** 90 → '1 小时 30 分钟'; 45 → '45 分钟'; 120 → '2 小时'. */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}

export interface ActivityRowView {
  id: string;
  title: string;
  time: string;
  place: string;
  places: string;
  statusLabel: string;
  statusTheme: TagTheme;
  /** In 我报名的: where the caller's sign-up stands. */
  mine: string;
  /** What a screen reader says for the row. */
  label: string;
}

export function toActivityRow(item: ActivityListItem, now: number): ActivityRowView {
  const time = activityTimeText(item.startAt, item.endAt, now);
  const places = item.status === 'scheduled' ? placesText(item.placesLeft, item.volunteerPlacesLeft) : '';
  const mine = signupStateText(item.mySignup);
  return {
    id: item.activityId,
    title: item.title,
    time,
    place: item.place,
    places,
    statusLabel: item.statusLabel,
    statusTheme: STATUS_THEMES[item.status],
    mine,
    label: [item.title, item.statusLabel, time, item.place, places, mine].filter(Boolean).join('，'),
  };
}

/** The buttons of the detail, from `actions` and `signupAs` only. */
export interface ActivityButtons {
  signupResident: boolean;
  signupVolunteer: boolean;
  cancelSignup: boolean;
  /** 扫码签到 / 扫码签退 ('' when neither). */
  scan: '' | '扫码签到' | '扫码签退';
  rate: boolean;
  manage: boolean;
  /** The organiser may still cancel it (scheduled, not ended). */
  cancelActivity: boolean;
}

export interface ActivityDetailView {
  id: string;
  title: string;
  content: string;
  time: string;
  deadline: string;
  place: string;
  statusLabel: string;
  statusTheme: TagTheme;
  places: string;
  capacity: string;
  mine: string;
  rating: string;
  cancelReason: string;
  buttons: ActivityButtons;
}

export function toActivityDetail(d: ActivityDetail, now: number): ActivityDetailView {
  const has = (a: string): boolean => d.actions.includes(a as ActivityDetail['actions'][number]);
  const signupAs = has('signup') ? d.signupAs : [];
  const checkedIn = d.mySignup !== null && d.mySignup.checkInAt !== null;
  return {
    id: d.activityId,
    title: d.title,
    content: d.content,
    time: activityTimeText(d.startAt, d.endAt, now),
    deadline: formatShanghaiMinute(d.signupDeadline),
    place: d.place,
    statusLabel: d.statusLabel,
    statusTheme: STATUS_THEMES[d.status],
    places: d.status === 'scheduled' ? placesText(d.placesLeft, d.volunteerPlacesLeft) : '',
    capacity: `居民 ${d.residentCount}/${d.capacity} 人${d.volunteerPlaces > 0 ? `，志愿者 ${d.volunteerCount}/${d.volunteerPlaces} 人` : ''}`,
    mine: signupStateText(d.mySignup),
    rating: d.ratingAverage === null ? '' : `居民评价 ${d.ratingAverage} 分（${d.ratingCount} 人）`,
    cancelReason: d.cancelReason ?? '',
    buttons: {
      signupResident: signupAs.includes('resident'),
      signupVolunteer: signupAs.includes('volunteer'),
      cancelSignup: has('cancel_signup'),
      scan: has('checkin') ? (checkedIn ? '扫码签退' : '扫码签到') : '',
      rate: has('rate'),
      manage: has('manage'),
      cancelActivity: has('manage') && d.status === 'scheduled' && now < d.endAt,
    },
  };
}

/** What a sign-up did, for the notice. */
export function signupDoneText(kind: SignupKind, volunteerNo: string | null): string {
  if (kind === 'volunteer')
    return `已报名为志愿者${volunteerNo === null ? '' : `，志愿者编号 ${volunteerNo}`}。活动开始前会提醒您`;
  return '报名成功，活动开始前会提醒您。到场后请扫组织者的签到码签到';
}

/** What a scan did, for the notice. */
export function checkinDoneText(r: CheckinResult): string {
  if (r.phase === 'in') return `签到成功（${clock(r.at)}）：${r.title}`;
  const served = r.minutes === null ? '' : `，本次服务 ${minutesText(r.minutes)}`;
  return `签退成功（${clock(r.at)}）${served}。时长由组织者确认后计入志愿服务记录`;
}

/** wx.scanCode's failure: the user closed the scanner (nothing to say), or another failure. */
export function scanCancelled(errMsg: string | undefined): boolean {
  return typeof errMsg === 'string' && /cancel/i.test(errMsg);
}

// ---------- the organiser's code ----------

/** A fresh code is asked for this often (and right after 换一个码), well before one expires (decision 0039). */
export const CODE_REFRESH_MS = 15_000;

/** Seconds until the code expires, never below 0. */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

/** When to ask for the next code: every CODE_REFRESH_MS, and at the latest 5 s before this one expires. */
export function refreshDelay(expiresAt: number, now: number): number {
  return Math.max(1_000, Math.min(CODE_REFRESH_MS, expiresAt - now - 5_000));
}

export const PHASES: ReadonlyArray<{ value: 'in' | 'out'; label: string }> = [
  { value: 'in', label: '签到码' },
  { value: 'out', label: '签退码' },
];

// ---------- forms ----------

export const RATE_TEXT_MAX = 300;
export const CANCEL_REASON_MAX = 200;

/** 评价: 1-5 stars, an optional text up to 300 characters (activity.rate's schema). */
export function checkActivityRating(
  stars: number,
  text: string,
): FieldCheck<{ stars: number; text: string }> {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return { ok: false, message: '请先点星星评分' };
  const trimmed = text.trim();
  if ([...trimmed].length > RATE_TEXT_MAX)
    return { ok: false, message: `评价内容不能超过 ${RATE_TEXT_MAX} 个字` };
  return { ok: true, value: { stars, text: trimmed } };
}

/** 取消活动: a reason the people signed up are told, 1-200 characters (activity.cancel's schema). */
export function checkCancelReason(text: string): FieldCheck<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: '请填写取消原因，报名的人会收到通知' };
  if ([...trimmed].length > CANCEL_REASON_MAX)
    return { ok: false, message: `取消原因不能超过 ${CANCEL_REASON_MAX} 个字` };
  return { ok: true, value: trimmed };
}

export interface AttendanceRowView {
  signupId: string;
  name: string;
  kindLabel: string;
  phone: string;
  volunteerNo: string;
  checkIn: string;
  checkOut: string;
  served: string;
  confirmed: string;
  /** A volunteer who checked in: their hours can be confirmed. */
  confirmable: boolean;
  /** The minutes the form starts with: confirmed before, else those served. */
  minutes: number;
}

export function toAttendanceRows(a: AttendanceResult): AttendanceRowView[] {
  return a.rows.map((r) => ({
    signupId: r.signupId,
    name: r.name === '' ? '（未填写称呼）' : r.name,
    kindLabel: r.kindLabel,
    phone: r.phone,
    volunteerNo: r.volunteerNo ?? '',
    checkIn: r.checkInAt === null ? '未签到' : `签到 ${clock(r.checkInAt)}`,
    checkOut: r.checkOutAt === null ? '' : `签退 ${clock(r.checkOutAt)}`,
    served: r.minutes === null ? '' : `服务 ${minutesText(r.minutes)}`,
    confirmed: r.confirmedMinutes === null ? '' : `已确认 ${minutesText(r.confirmedMinutes)}`,
    confirmable: r.kind === 'volunteer' && r.checkInAt !== null,
    minutes: Math.min(a.maxMinutes, r.confirmedMinutes ?? r.minutes ?? 0),
  }));
}

/** 确认时长: each confirmable row's minutes, whole and within the activity's window. */
export function checkHoursEntries(
  rows: readonly AttendanceRowView[],
  typed: Readonly<Record<string, string>>,
  maxMinutes: number,
): FieldCheck<Array<{ signupId: string; minutes: number }>> {
  const entries: Array<{ signupId: string; minutes: number }> = [];
  for (const row of rows.filter((r) => r.confirmable)) {
    const raw = typed[row.signupId];
    const minutes = raw === undefined ? row.minutes : Number(raw.trim());
    if (raw !== undefined && (raw.trim() === '' || !Number.isInteger(minutes)))
      return { ok: false, message: `请为${row.name}填写整数分钟` };
    if (minutes < 0 || minutes > maxMinutes)
      return { ok: false, message: `${row.name}的服务时长应在 0 到 ${maxMinutes} 分钟之间` };
    entries.push({ signupId: row.signupId, minutes });
  }
  if (entries.length === 0) return { ok: false, message: '还没有签到的志愿者，无需确认时长' };
  return { ok: true, value: entries };
}
