/** The service order loop: create from a match, cancel, accept, decline, done, follow-up, rating, lists. */
import { z } from 'zod';
import { ORDER_STATUSES } from '../lifecycle/order.lifecycle';
import {
  bool,
  command,
  id,
  images,
  int,
  list,
  mobilePhone,
  oneOf,
  optionalText,
  paging,
  query,
  text,
} from './fields.schema';
import {
  DECLINE_REASON,
  FEEDBACK_ENTRY,
  FEEDBACK_LISTS,
  FOLLOW_UP_CHANNEL,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_SUMMARY,
  RATING_STARS,
  RATING_TEXT,
} from './order.fields';

// Labels and limits of the forms live in order.fields.ts (no zod) so the mini-program checks with them too.
export { FOLLOW_UP_CHANNELS, FOLLOW_UP_CHANNEL_LABELS, type FollowUpChannel } from './order.fields';

export const orderCreateSchema = command({
  /** The match the resident chose from (so an expired or declined order can be re-offered from it). */
  matchId: id('匹配结果'),
  itemId: id('服务项目'),
  providerId: id('服务机构'),
  /**
   * Where the service happens (门牌号 within the resident's grid or community), for services at home; empty
   * for those that need no visit (预约挂号...). Shown to the provider's staff only while they serve the job.
   */
  serviceAddress: optionalText('服务地址', 100),
  note: optionalText('备注', 200, { multiline: true }),
});
export type OrderCreateCommand = z.output<typeof orderCreateSchema>;

const orderRef = { orderId: id('订单') };

/** Before acceptance no reason is needed; after it the life cycle asks for one. */
export const orderCancelSchema = command({
  ...orderRef,
  reason: optionalText('取消原因', 200, { multiline: true }),
});
export type OrderCancelCommand = z.output<typeof orderCancelSchema>;

export const orderAcceptSchema = command({ ...orderRef });
export type OrderAcceptCommand = z.output<typeof orderAcceptSchema>;

export const orderDeclineSchema = command({
  ...orderRef,
  reason: text(DECLINE_REASON.label, DECLINE_REASON),
});
export type OrderDeclineCommand = z.output<typeof orderDeclineSchema>;

export const orderDoneSchema = command({
  ...orderRef,
  note: optionalText('服务说明', 500, { multiline: true }),
});
export type OrderDoneCommand = z.output<typeof orderDoneSchema>;

/** What the resident raised, and how it was handled (如实记录，并做好问题处理). */
const feedbackEntry = (label: string) =>
  z.object(
    {
      content: text(label, FEEDBACK_ENTRY),
      handling: text(FEEDBACK_ENTRY.handlingLabel, FEEDBACK_ENTRY),
    },
    { error: `${label}格式不正确` },
  );

const feedbackList = (label: string) =>
  list(label, feedbackEntry(label), { min: 0, max: FEEDBACK_ENTRY.maxEntries }).default([]);

export const followUpRecordSchema = command({
  ...orderRef,
  channel: oneOf(FOLLOW_UP_CHANNEL.label, FOLLOW_UP_CHANNELS),
  /** What the resident said overall (e.g. "满意，无其他问题"). */
  summary: text(FOLLOW_UP_SUMMARY.label, FOLLOW_UP_SUMMARY),
  problems: feedbackList(FEEDBACK_LISTS.problems),
  suggestions: feedbackList(FEEDBACK_LISTS.suggestions),
});
export type FollowUpRecordCommand = z.output<typeof followUpRecordSchema>;

export const ratingSubmitSchema = command({
  ...orderRef,
  stars: int(RATING_STARS.label, RATING_STARS.min, RATING_STARS.max),
  text: optionalText(RATING_TEXT.label, RATING_TEXT.max, RATING_TEXT),
});
export type RatingSubmitCommand = z.output<typeof ratingSubmitSchema>;

export const orderListSchema = query({
  /** Whose list: the resident's own orders, or the jobs of the caller's provider. */
  as: oneOf('身份', ['resident', 'provider_staff'] as const),
  status: oneOf('订单状态', ORDER_STATUSES).optional(),
  ...paging,
});
export type OrderListQuery = z.output<typeof orderListSchema>;

export const orderDetailSchema = query({ ...orderRef });
export type OrderDetailQuery = z.output<typeof orderDetailSchema>;

export const complaintSubmitSchema = command({
  ...orderRef,
  content: text('投诉内容', { max: 500, multiline: true }),
  images: images(6),
});
export type ComplaintSubmitCommand = z.output<typeof complaintSubmitSchema>;

export const complaintDecisionSchema = command({
  complaintId: id('投诉'),
  upheld: bool('核实结果'),
  reply: text('处理意见', { max: 500, multiline: true }),
});
export type ComplaintDecisionCommand = z.output<typeof complaintDecisionSchema>;

/**
 * 代下单 (docs/acting-for-residents.md): how the resident agreed that a worker acts for them, in the worker's
 * words. Stored sealed with the order (decision 0012).
 */
export const residentConsent = z.object(
  {
    method: oneOf('同意方式', ['in_person', 'phone'] as const),
    statement: text('居民同意内容', { max: 200, multiline: true }),
  },
  { error: '请记录居民的同意（方式和内容）' },
);

/** A worker finds (by phone, in the grid) or registers the resident they will order for. */
export const residentRegisterSchema = command({
  gridId: id('居民所在网格'),
  name: text('居民姓名', { max: 20 }),
  phone: mobilePhone,
  consent: residentConsent,
});
export type ResidentRegisterCommand = z.output<typeof residentRegisterSchema>;

/** order.create as a worker places it for a resident: the consent, and whether it is a 紧急求助. */
export const orderPlaceForResidentSchema = orderCreateSchema.extend({
  consent: residentConsent,
  urgent: bool('是否紧急求助').default(false),
});
export type OrderPlaceForResidentCommand = z.output<typeof orderPlaceForResidentSchema>;

/** A worker handles an urgent request: reassign it to another provider of its match, or resolve it. */
export const orderUrgentHandleSchema = command({
  ...orderRef,
  resolution: oneOf('处理方式', ['reassign', 'resolve'] as const),
  providerId: id('服务机构').optional(),
  note: text('处理说明', { max: 200, multiline: true }),
}).superRefine((cmd, ctx) => {
  if (cmd.resolution === 'reassign' && cmd.providerId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['providerId'], message: '改派时请选择服务机构' });
  }
});
export type OrderUrgentHandleCommand = z.output<typeof orderUrgentHandleSchema>;

/** A worker marks a worker of a community on or off duty (值班) for urgent requests. */
export const dutySetSchema = command({
  openid: id('工作人员'),
  onDuty: bool('是否值班'),
});
export type DutySetCommand = z.output<typeof dutySetSchema>;
