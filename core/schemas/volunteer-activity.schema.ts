/**
 * Volunteer activities (志愿服务活动): schedule, sign-up, check-in codes, attendance, hours, ratings; the
 * volunteer's own record, the yearly ranking and the service certificate (docs/volunteers.md).
 */
import { z } from 'zod';
import { command, id, instant, int, list, oneOf, optionalText, paging, query, text } from './fields.schema';
import { CHECKIN_PHASES, SIGNUP_KINDS } from './volunteer.fields';

const activityRef = { activityId: id('活动') };

// The kinds of place and the check-in phases, without zod (volunteer.fields.ts), as the schemas use them.
export { CHECKIN_PHASES, SIGNUP_KINDS };

/** Whole minutes a confirmed entry may hold at most (a day and a half: any activity's window fits). */
export const MAX_ENTRY_MINUTES = 36 * 60;

export const activitySaveSchema = command({
  /** Absent: a new activity. */
  activityId: id('活动').optional(),
  /** The grid or community where it takes place. */
  orgUnitId: id('活动所在社区或网格'),
  /** The organising team (its leader organises); absent: the community's own activity. */
  teamId: id('志愿服务队').optional(),
  title: text('活动名称', { max: 30 }),
  content: text('活动内容', { max: 1000, multiline: true }),
  place: text('活动地点', { max: 60 }),
  startAt: instant('开始时间'),
  endAt: instant('结束时间'),
  /** Places for residents. */
  capacity: int('居民名额', 1, 500),
  /** Places for volunteers. */
  volunteerPlaces: int('志愿者名额', 0, 200),
  /** Absent: sign-ups close at the start. */
  signupDeadline: instant('报名截止时间').optional(),
}).superRefine((cmd, ctx) => {
  if (cmd.endAt <= cmd.startAt) {
    ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' });
  } else if (cmd.endAt - cmd.startAt > 24 * 3_600_000) {
    ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一次活动不能超过24小时' });
  }
  if (cmd.signupDeadline !== undefined && cmd.signupDeadline > cmd.startAt) {
    ctx.addIssue({ code: 'custom', path: ['signupDeadline'], message: '报名截止时间不能晚于开始时间' });
  }
});
export type ActivitySaveCommand = z.output<typeof activitySaveSchema>;

export const activityCancelSchema = command({
  ...activityRef,
  reason: text('取消原因', { max: 200, multiline: true }),
});
export type ActivityCancelCommand = z.output<typeof activityCancelSchema>;

export const ACTIVITY_LIST_VIEWS = ['upcoming', 'mine', 'organised'] as const;

export const activityListSchema = query({
  /** upcoming: my community's scheduled activities; mine: my sign-ups; organised: those I manage. */
  view: oneOf('列表类型', ACTIVITY_LIST_VIEWS),
  ...paging,
});
export type ActivityListQuery = z.output<typeof activityListSchema>;

export const activityDetailSchema = query({ ...activityRef });
export type ActivityDetailQuery = z.output<typeof activityDetailSchema>;

export const activitySignupSchema = command({
  ...activityRef,
  as: oneOf('报名身份', SIGNUP_KINDS),
});
export type ActivitySignupCommand = z.output<typeof activitySignupSchema>;

export const activitySignupCancelSchema = command({ ...activityRef });
export type ActivitySignupCancelCommand = z.output<typeof activitySignupCancelSchema>;

export const activityCheckinCodeSchema = command({
  ...activityRef,
  phase: oneOf('签到类型', CHECKIN_PHASES),
});
export type ActivityCheckinCodeCommand = z.output<typeof activityCheckinCodeSchema>;

export const activityCheckinSchema = command({
  /** What the scanned QR code holds. */
  code: z
    .string({ error: '请扫描活动现场的签到码' })
    .min(16, { error: '签到码不正确' })
    .max(128, { error: '签到码不正确' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: '签到码不正确' }),
});
export type ActivityCheckinCommand = z.output<typeof activityCheckinSchema>;

export const activityAttendanceSchema = query({ ...activityRef });
export type ActivityAttendanceQuery = z.output<typeof activityAttendanceSchema>;

export const activityHoursConfirmSchema = command({
  ...activityRef,
  entries: list(
    '服务时长',
    z.object(
      {
        signupId: id('报名记录'),
        minutes: int('服务时长（分钟）', 0, MAX_ENTRY_MINUTES),
        note: optionalText('说明', 100),
      },
      { error: '服务时长格式不正确' },
    ),
    { min: 1, max: 200 },
  ).refine((entries) => new Set(entries.map((e) => e.signupId)).size === entries.length, {
    error: '同一报名记录只能填写一次',
  }),
});
export type ActivityHoursConfirmCommand = z.output<typeof activityHoursConfirmSchema>;

export const activityRateSchema = command({
  ...activityRef,
  stars: int('评分', 1, 5),
  text: optionalText('评价内容', 300, { multiline: true }),
});
export type ActivityRateCommand = z.output<typeof activityRateSchema>;

export const volunteerMeSchema = query({});
export type VolunteerMeQuery = z.output<typeof volunteerMeSchema>;

export const volunteerRankingSchema = query({
  /** Absent: the caller's community. */
  communityId: id('社区').optional(),
  year: int('年度', 2020, 2100),
});
export type VolunteerRankingQuery = z.output<typeof volunteerRankingSchema>;

export const volunteerCertificateSchema = command({
  /** Absent: every year. */
  year: int('年度', 2020, 2100).optional(),
});
export type VolunteerCertificateCommand = z.output<typeof volunteerCertificateSchema>;
