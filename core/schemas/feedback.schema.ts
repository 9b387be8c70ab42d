/**
 * The provider's offerings (list and review; `provider.offering.save` is offeringSaveSchema in
 * provider.schema.ts), 差评 follow-up tickets, the resident's second rating, rating appeals and the complaint
 * list (complaint.submit / complaint.decide are in order.schema.ts). docs/governance.md.
 */
import type { z } from 'zod';
import {
  APPEAL_STATUSES,
  COMPLAINT_STATUSES,
  CONTACT_CHANNELS,
  FEEDBACK_TICKET_STATUSES,
  TICKET_OUTCOMES,
} from './feedback.fields';
import { RATING_STARS, RATING_TEXT } from './order.fields';
import { bool, command, id, int, oneOf, optionalText, paging, query, text } from './fields.schema';

export const offeringListSchema = query({ providerId: id('服务机构') });
export type OfferingListQuery = z.output<typeof offeringListSchema>;

/** A worker or leader of the provider's unit approves (or not) a new item before residents see it. */
export const offeringReviewSchema = command({
  offeringId: id('服务报价'),
  approve: bool('审核结果'),
  reason: optionalText('审核意见', 300, { multiline: true }),
});
export type OfferingReviewCommand = z.output<typeof offeringReviewSchema>;

export const feedbackTicketListSchema = query({
  /** The tickets of the caller's provider (its manager), or of the caller's units (workers, leaders). */
  view: oneOf('查看范围', ['provider', 'unit'] as const),
  status: oneOf('工单状态', FEEDBACK_TICKET_STATUSES).optional(),
  ...paging,
});
export type FeedbackTicketListQuery = z.output<typeof feedbackTicketListSchema>;

export const feedbackTicketContactSchema = command({
  ticketId: id('回访工单'),
  channel: oneOf('联系方式', CONTACT_CHANNELS),
  note: text('联系情况', { max: 500, multiline: true }),
});
export type FeedbackTicketContactCommand = z.output<typeof feedbackTicketContactSchema>;

export const feedbackTicketResolveSchema = command({
  ticketId: id('回访工单'),
  outcome: oneOf('办理结果', TICKET_OUTCOMES),
  note: text('整改或解释说明', { max: 500, multiline: true }),
});
export type FeedbackTicketResolveCommand = z.output<typeof feedbackTicketResolveSchema>;

/** The resident rates once more after the ticket of their 差评 was resolved. */
export const ratingRerateSchema = command({
  orderId: id('订单'),
  stars: int(RATING_STARS.label, RATING_STARS.min, RATING_STARS.max),
  text: optionalText(RATING_TEXT.label, RATING_TEXT.max, RATING_TEXT),
});
export type RatingRerateCommand = z.output<typeof ratingRerateSchema>;

export const ratingAppealSchema = command({
  ratingId: id('评价'),
  reason: text('申诉理由', { max: 500, multiline: true }),
});
export type RatingAppealCommand = z.output<typeof ratingAppealSchema>;

export const ratingAppealDecideSchema = command({
  appealId: id('评价申诉'),
  upheld: bool('裁定结果'),
  reason: text('裁定理由', { max: 500, multiline: true }),
});
export type RatingAppealDecideCommand = z.output<typeof ratingAppealDecideSchema>;

export const complaintListSchema = query({
  /**
   * The resident's own complaints, those about the caller's provider (its manager), or those of the caller's
   * units (workers, leaders, regulators).
   */
  view: oneOf('查看范围', ['mine', 'provider', 'unit'] as const),
  status: oneOf('投诉状态', COMPLAINT_STATUSES).optional(),
  ...paging,
});
export type ComplaintListQuery = z.output<typeof complaintListSchema>;

/** The appeals of the caller's units (workers, leaders: to decide) or of the caller's provider (its manager). */
export const ratingAppealListSchema = query({
  view: oneOf('查看范围', ['provider', 'unit'] as const),
  status: oneOf('申诉状态', APPEAL_STATUSES).optional(),
  ...paging,
});
export type RatingAppealListQuery = z.output<typeof ratingAppealListSchema>;
