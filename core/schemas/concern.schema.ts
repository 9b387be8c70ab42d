/** Concerns (忧心事 / 微心愿): submit, review, publish, claim, update, resolve, confirm, escalate, refer. */
import { z } from 'zod';
import { CONCERN_STATUSES } from '../lifecycle/concern.lifecycle';
import {
  bool,
  command,
  id,
  images,
  list,
  mobilePhone,
  oneOf,
  optionalText,
  paging,
  query,
  text,
} from './fields.schema';

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
  /** A worker filing it for a resident who cannot (代办): who the resident is. */
  onBehalfOf: z
    .object(
      { name: text('居民姓名', { max: 20 }), phone: mobilePhone.optional() },
      { error: '代办居民信息格式不正确' },
    )
    .optional(),
  /** Needs several departments: goes to the joint meeting once published. */
  crossDepartment: bool('是否需要多部门协调').default(false),
  /** Publish without the resident's name. */
  anonymous: bool('是否匿名发布').default(false),
});
export type ConcernSubmitCommand = z.output<typeof concernSubmitSchema>;

export const concernReviewSchema = command({
  ...concernRef,
  decision: oneOf('审核结果', ['approve', 'reject'] as const),
  reason: optionalText('审核意见', 300, { multiline: true }),
}).superRefine((cmd, ctx) => {
  if (cmd.decision === 'reject' && cmd.reason.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: '审核不通过时请填写原因' });
  }
});
export type ConcernReviewCommand = z.output<typeof concernReviewSchema>;

export const concernPublishSchema = command({ ...concernRef });
export type ConcernPublishCommand = z.output<typeof concernPublishSchema>;

export const CLAIM_AS = ['self', 'team', 'party_org', 'unit'] as const;
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

export const concernConfirmSchema = command({
  ...concernRef,
  satisfied: bool('是否满意'),
  reason: optionalText('不满意的原因', 300, { multiline: true }),
}).superRefine((cmd, ctx) => {
  if (!cmd.satisfied && cmd.reason.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: '不满意时请填写原因' });
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

export const jointMeetingTakeSchema = command({
  ...concernRef,
  leadDepartment: text('牵头部门', { max: 30 }),
  note: optionalText('承接说明', 300, { multiline: true }),
});
export type JointMeetingTakeCommand = z.output<typeof jointMeetingTakeSchema>;

export const concernWithdrawSchema = command({
  ...concernRef,
  reason: optionalText('撤回原因', 200, { multiline: true }),
});
export type ConcernWithdrawCommand = z.output<typeof concernWithdrawSchema>;

export const concernListSchema = query({
  /** mine: the caller's own; open: published ones they may claim; claimed: theirs to handle; unit: all of their unit. */
  view: oneOf('列表类型', ['mine', 'open', 'claimed', 'unit'] as const),
  status: oneOf('事项状态', CONCERN_STATUSES).optional(),
  ...paging,
});
export type ConcernListQuery = z.output<typeof concernListSchema>;

export const concernDetailSchema = query({ ...concernRef });
export type ConcernDetailQuery = z.output<typeof concernDetailSchema>;
