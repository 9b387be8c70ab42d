/**
 * The volunteer records a unit keeps besides the service hours (民政部令第67号: training, awards,
 * evaluations), and the console's reads of a unit's volunteers and of one volunteer's record
 * (docs/volunteers.md "Records kept by the unit").
 */
import { z } from 'zod';
import {
  ACTIVITY_LIST_STATUSES,
  EVALUATION_GRADES,
  VOLUNTEER_RECORD_ADD_KINDS,
} from './volunteer-unit.fields';
import { calendarDate, command, id, int, oneOf, optionalText, paging, query, text } from './fields.schema';

/** The longest training one record holds, in minutes (ten days of eight hours). */
export const MAX_TRAINING_MINUTES = 80 * 60;

const volunteerNo = z
  .string({ error: '请选择志愿者' })
  .trim()
  .regex(/^YL\d{10}$/, { error: '志愿者编号格式不正确（如 YL2025000001）' });

export const volunteerRecordAddSchema = command({
  volunteerNo,
  kind: oneOf('记录类型', VOLUNTEER_RECORD_ADD_KINDS),
  /** 培训名称 / 表彰名称 / 评价事项. */
  title: text('名称', { max: 60 }),
  /** The day it took place or was given (Asia/Shanghai). */
  date: calendarDate('日期'),
  /** Who trained, awarded or evaluated (组织单位). */
  issuer: optionalText('组织或颁发单位', 60),
  /** Training only: how long it lasted. */
  minutes: int('培训时长（分钟）', 0, MAX_TRAINING_MINUTES).optional(),
  /** Evaluation only. */
  grade: oneOf('评价等级', EVALUATION_GRADES).optional(),
  note: optionalText('说明', 300, { multiline: true }),
  /** A correction: the record (of the same volunteer and kind) this one replaces; that one stays. */
  correctsRecordId: id('被更正的记录').optional(),
}).superRefine((cmd, ctx) => {
  if (cmd.kind === 'evaluation' && cmd.grade === undefined) {
    ctx.addIssue({ code: 'custom', path: ['grade'], message: '请选择评价等级' });
  }
  if (cmd.kind !== 'evaluation' && cmd.grade !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['grade'], message: '只有评价记录有评价等级' });
  }
  if (cmd.kind !== 'training' && cmd.minutes !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['minutes'], message: '只有培训记录有培训时长' });
  }
});
export type VolunteerRecordAddCommand = z.output<typeof volunteerRecordAddSchema>;

/** The console's list of a unit's volunteers (the worker's own unit by default). */
export const volunteerListSchema = query({
  orgUnitId: id('单位').optional(),
  /** A volunteer number, or the start of one. */
  volunteerNo: z
    .string({ error: '志愿者编号格式不正确' })
    .trim()
    .max(12, { error: '志愿者编号格式不正确' })
    .regex(/^[A-Za-z0-9]*$/, { error: '志愿者编号格式不正确' })
    .default(''),
  ...paging,
});
export type VolunteerListQuery = z.output<typeof volunteerListSchema>;

/** One volunteer's record of the five kinds, for the unit's workers and the team's leader. */
export const volunteerRecordDetailSchema = query({ volunteerNo });
export type VolunteerRecordDetailQuery = z.output<typeof volunteerRecordDetailSchema>;

/** The console's list of a unit's activities (the worker's own unit by default), by status. */
export const unitActivityListSchema = query({
  orgUnitId: id('单位').optional(),
  status: oneOf('活动状态', ACTIVITY_LIST_STATUSES).optional(),
  ...paging,
});
export type UnitActivityListQuery = z.output<typeof unitActivityListSchema>;
