/** Concerns (忧心事 / 微心愿): submit, review, publish, claim, update, resolve, confirm, escalate, refer. */
import { z } from 'zod';
import { CLAIM_AS, CONCERN_STATUSES } from '../lifecycle/concern.lifecycle';
import { residentConsent } from './order.schema';
import {
  bool,
  calendarDate,
  command,
  id,
  images,
  list,
  mobilePhone,
  oneOf,
  optionalText,
  instant,
  paging,
  query,
  text,
} from './fields.schema';

export { CLAIM_AS };

export const CONCERN_KINDS = ['worry', 'wish'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];
export const CONCERN_KIND_LABELS: Readonly<Record<ConcernKind, string>> = { worry: '忧心事', wish: '微心愿' };

const concernRef = { concernId: id('事项') };

export const concernSubmitSchema = command({
  kind: oneOf('事项类型', CONCERN_KINDS),
  title: text('标题', { max: 40 }),
  content: text('具体内容', { max: 1000, multiline: true }),
  images: images(6),
  /** Where it belongs; absent: the resident's bound unit. Required in practice when a worker files it. */
  orgUnitId: id('所在社区或网格').optional(),
  /** A worker filing it for a resident who cannot (代办): who the resident is, and how they agreed. */
  onBehalfOf: z
    .object(
      { name: text('居民姓名', { max: 20 }), phone: mobilePhone.optional(), consent: residentConsent },
      { error: '代办居民信息格式不正确' },
    )
    .optional(),
  /** Needs several departments: goes to the joint meeting once published. */
  crossDepartment: bool('是否需要多部门协调').default(false),
  /** Publish without the resident's name. */
  anonymous: bool('是否匿名发布').default(false),
  /** It reveals health, disability or hardship (sensitive personal information): needs its own consent. */
  sensitive: bool('是否涉及健康、残疾或生活困难等敏感信息').default(false),
  sensitiveConsent: bool('是否同意处理敏感个人信息').default(false),
}).superRefine((cmd, ctx) => {
  if (cmd.sensitive && !cmd.sensitiveConsent) {
    ctx.addIssue({
      code: 'custom',
      path: ['sensitiveConsent'],
      message: '涉及敏感个人信息的诉求，请先单独同意《敏感个人信息处理说明》',
    });
  }
});
export type ConcernSubmitCommand = z.output<typeof concernSubmitSchema>;

export const concernReviewSchema = command({
  ...concernRef,
  decision: oneOf('审核结果', ['approve', 'reject'] as const),
  reason: optionalText('审核意见', 300, { multiline: true }),
  /** For a sensitive worry: the neutral summary the wall shows instead of its details. */
  publicSummary: optionalText('公开摘要', 40),
}).superRefine((cmd, ctx) => {
  if (cmd.decision === 'reject' && cmd.reason.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: '审核不通过时请填写原因' });
  }
});
export type ConcernReviewCommand = z.output<typeof concernReviewSchema>;

export const concernPublishSchema = command({ ...concernRef });
export type ConcernPublishCommand = z.output<typeof concernPublishSchema>;

export const concernClaimSchema = command({
  ...concernRef,
  /** Claimed by the person, their volunteer team, their party organisation, or their unit. */
  claimAs: oneOf('认领身份', CLAIM_AS),
  note: optionalText('认领说明', 200, { multiline: true }),
});
export type ConcernClaimCommand = z.output<typeof concernClaimSchema>;

export const concernReleaseSchema = command({
  ...concernRef,
  reason: text('退回原因', { max: 300, multiline: true }),
});
export type ConcernReleaseCommand = z.output<typeof concernReleaseSchema>;

export const concernUpdateSchema = command({
  ...concernRef,
  text: text('进展说明', { max: 500, multiline: true }),
  images: images(6),
});
export type ConcernUpdateCommand = z.output<typeof concernUpdateSchema>;

export const concernResolveSchema = command({
  ...concernRef,
  summary: text('办结说明', { max: 500, multiline: true }),
  images: images(6),
});
export type ConcernResolveCommand = z.output<typeof concernResolveSchema>;

/** The resident's honest answer: resolved, partly resolved, or not resolved (with a reason). */
export const CONFIRM_OUTCOMES = ['resolved', 'partly', 'unresolved'] as const;
export const concernConfirmSchema = command({
  ...concernRef,
  outcome: oneOf('办理结果', CONFIRM_OUTCOMES),
  reason: optionalText('原因', 300, { multiline: true }),
}).superRefine((cmd, ctx) => {
  if (cmd.outcome === 'unresolved' && cmd.reason.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: '未解决时请填写原因' });
  }
});
export type ConcernConfirmCommand = z.output<typeof concernConfirmSchema>;

export const concernEscalateSchema = command({
  ...concernRef,
  reason: text('推送原因', { max: 300, multiline: true }),
});
export type ConcernEscalateCommand = z.output<typeof concernEscalateSchema>;

export const concernReferSchema = command({
  ...concernRef,
  reason: text('提交联席会议的原因', { max: 300, multiline: true }),
  departments: list('涉及部门', text('部门名称', { max: 30 }), { min: 1, max: 10, unique: true }),
});
export type ConcernReferCommand = z.output<typeof concernReferSchema>;

const department = text('部门名称', { max: 30 });
const jointTask = z.object(
  {
    department,
    task: text('任务内容', { max: 200, multiline: true }),
    dueAt: instant('完成时限'),
  },
  { error: '部门任务格式不正确' },
);

export const jointMeetingTakeSchema = command({
  ...concernRef,
  leadDepartment: department,
  /** The co-operating departments (besides the lead). */
  departments: list('协办部门', department, { min: 0, max: 10, unique: true }).default([]),
  tasks: list('部门任务', jointTask, { min: 0, max: 20 }).default([]),
  note: optionalText('承接说明', 300, { multiline: true }),
});
export type JointMeetingTakeCommand = z.output<typeof jointMeetingTakeSchema>;

/** Add per-department tasks to a concern the joint meeting took. */
export const jointMeetingTaskAddSchema = command({
  ...concernRef,
  tasks: list('部门任务', jointTask, { min: 1, max: 20 }),
});
export type JointMeetingTaskAddCommand = z.output<typeof jointMeetingTaskAddSchema>;

export const jointMeetingTaskDoneSchema = command({
  ...concernRef,
  taskId: id('任务'),
  note: text('完成情况', { max: 300, multiline: true }),
});
export type JointMeetingTaskDoneCommand = z.output<typeof jointMeetingTaskDoneSchema>;

export const jointMeetingMinutesSchema = command({
  ...concernRef,
  heldOn: calendarDate('会议日期'),
  attendees: list('参会部门或人员', text('参会部门或人员', { max: 30 }), { min: 1, max: 30, unique: true }),
  minutes: text('会议纪要', { max: 2000, multiline: true }),
  decisions: list('议定事项', text('议定事项', { max: 200, multiline: true }), { min: 0, max: 20 }).default(
    [],
  ),
});
export type JointMeetingMinutesCommand = z.output<typeof jointMeetingMinutesSchema>;

/** 我也关心: a resident adds their voice to an open concern of their community instead of filing a duplicate. */
export const concernSupportSchema = command({ ...concernRef });
export type ConcernSupportCommand = z.output<typeof concernSupportSchema>;

/** Similar open concerns of the community, asked for before submitting. */
export const concernSimilarSchema = query({
  title: optionalText('标题', 40),
  content: optionalText('具体内容', 1000, { multiline: true }),
  orgUnitId: id('所在社区或网格').optional(),
});
export type ConcernSimilarQuery = z.output<typeof concernSimilarSchema>;

export const concernWithdrawSchema = command({
  ...concernRef,
  reason: optionalText('撤回原因', 200, { multiline: true }),
});
export type ConcernWithdrawCommand = z.output<typeof concernWithdrawSchema>;

export const concernListSchema = query({
  /**
   * mine: the caller's own; wall: the 心愿墙 of the caller's community (published and under way); open: those
   * the caller may claim now (their community's and those pushed up to their street, county, city); claimed:
   * theirs to handle; unit: all of their unit (workers); joint: those referred to their joint meeting office.
   */
  view: oneOf('列表类型', ['mine', 'wall', 'open', 'claimed', 'unit', 'joint'] as const),
  status: oneOf('事项状态', CONCERN_STATUSES).optional(),
  ...paging,
});
export type ConcernListQuery = z.output<typeof concernListSchema>;

export const concernDetailSchema = query({ ...concernRef });
export type ConcernDetailQuery = z.output<typeof concernDetailSchema>;
