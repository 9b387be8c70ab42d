/**
 * What became of a seeded rating under the 差评 rules (docs/governance.md): its follow-up ticket, opened by the
 * core's builder (core/reputation/feedback-ticket.ts `newFeedbackTicket`, deadlines in working days), then
 * contacted and resolved (or not) as far as the clock at `now` allows, with the timer's overdue marks where a
 * deadline passed first; a few resolved tickets rerated by the resident (the first rating kept in
 * `superseded`, as rating.rerate keeps it); and the appeals of the demo provider (one upheld: the rating no
 * longer counts, as rating.appeal.decide sets it).
 *
 * Every choice is drawn from a hash of the rating's id, not from the order stream, so adding this changed no
 * other generated value.
 */
import type { PlatformConfig } from '../core/kernel/platform.config';
import { addWorkingDays } from '../core/kernel/working-days';
import type { ContactChannel, FeedbackTicket, RatingAppeal } from '../core/model/feedback.model';
import type { Order, Rating } from '../core/model/order.model';
import { appealIdOf } from '../core/providers/appeal-rating.usecase';
import { newFeedbackTicket } from '../core/reputation/feedback-ticket';
import { DAY_MS, HOUR_MS } from './demo.constants';
import { unitActor } from './demo-governance';
import { hash32 } from './prng';

export type AppealPlan = 'upheld' | 'dismissed';

export interface RatingFeedback {
  /** The rating as stored now (rerated, or taken out by an upheld appeal). */
  readonly rating: Rating;
  /** The stars that count in the provider's aggregates; null: not counted. */
  readonly countedStars: number | null;
  readonly ticket: FeedbackTicket | null;
  readonly appeal: RatingAppeal | null;
}

const CHANNELS: readonly ContactChannel[] = ['phone', 'phone', 'visit', 'wechat'];
const CONTACT_NOTES = [
  '已电话联系居民，了解不满意的原因并致歉',
  '上门走访居民，当面核实服务问题',
  '微信联系居民，约定重新上门处理',
] as const;
const FIX_NOTES = {
  fixed: '已安排师傅重新上门处理，居民确认问题已解决',
  explained: '已向居民说明收费依据和服务范围，居民表示理解',
} as const;
const RERATE_TEXTS = ['整改后重新上门，问题解决了', '回访态度很好，处理及时'] as const;
const APPEAL_REASONS = {
  upheld: '该居民评价内容与服务事实不符，订单当天已按约定完成并有现场照片',
  dismissed: '认为居民给出的差评过于严厉，希望重新核实',
} as const;

/** The feedback that followed a rating (the ticket's steps happen only up to `now`). */
export function feedbackOf(
  rating: Rating,
  names: Pick<Order, 'providerName' | 'itemName'>,
  handlerOpenid: string,
  appeal: AppealPlan | null,
  config: PlatformConfig,
  now: number,
): RatingFeedback {
  const opened = newFeedbackTicket(rating, names, config, rating.createdAt);
  if (opened === null) return { rating, countedStars: rating.stars, ticket: null, appeal: null };
  const h = hash32(`feedback|${rating._id}`);
  const t0 = rating.createdAt;
  // The manager's pace: most on time, some late to call, some late to fix, a few never.
  const pace = h % 10;
  let contactedAt: number | null =
    pace <= 5
      ? t0 + (2 + (h % 17)) * HOUR_MS
      : pace <= 7
        ? opened.contactDueAt + (2 + ((h >>> 4) % 28)) * HOUR_MS
        : pace === 8
          ? t0 + 5 * HOUR_MS
          : null;
  let resolvedAt: number | null =
    contactedAt === null
      ? null
      : pace === 8
        ? opened.fixDueAt + (1 + ((h >>> 6) % 3)) * DAY_MS
        : Math.min(contactedAt + (1 + ((h >>> 6) % 3)) * DAY_MS, opened.fixDueAt - HOUR_MS);
  if (contactedAt !== null && contactedAt > now) contactedAt = null;
  if (contactedAt === null || (resolvedAt !== null && resolvedAt > now)) resolvedAt = null;
  const outcome = (h >>> 10) % 3 === 0 ? 'explained' : 'fixed';
  // The timer marks a deadline once it has passed with the step not done.
  const late = (done: number | null, due: number) => (done === null ? now > due : done > due);
  let ticket: FeedbackTicket = {
    ...opened,
    status: resolvedAt !== null ? 'resolved' : contactedAt !== null ? 'contacted' : 'open',
    contactedAt,
    contactChannel: contactedAt === null ? null : CHANNELS[(h >>> 12) % CHANNELS.length]!,
    contactNote: contactedAt === null ? '' : CONTACT_NOTES[(h >>> 14) % CONTACT_NOTES.length]!,
    resolvedAt,
    outcome: resolvedAt === null ? null : outcome,
    resolutionNote: resolvedAt === null ? '' : FIX_NOTES[outcome],
    handledBy: contactedAt === null ? null : handlerOpenid,
    contactOverdueAt: late(contactedAt, opened.contactDueAt) ? opened.contactDueAt : null,
    fixOverdueAt: late(resolvedAt, opened.fixDueAt) ? opened.fixDueAt : null,
    updatedAt: Math.max(t0, contactedAt ?? 0, resolvedAt ?? 0),
  };

  if (appeal !== null) return appealed(rating, names, handlerOpenid, appeal, ticket);

  // A quarter of the resolved tickets: the resident rated once more a day or two later.
  const rerateAt = resolvedAt === null ? null : resolvedAt + (1 + ((h >>> 16) % 2)) * DAY_MS;
  if (rerateAt === null || rerateAt > now || (h >>> 18) % 4 !== 0) {
    return { rating, countedStars: rating.stars, ticket, appeal: null };
  }
  const stars = 3 + ((h >>> 20) % 2);
  ticket = { ...ticket, reratedAt: rerateAt, updatedAt: rerateAt };
  const rerated: Rating = {
    ...rating,
    stars,
    text: RERATE_TEXTS[(h >>> 22) % RERATE_TEXTS.length]!,
    textVisible: true,
    superseded: {
      stars: rating.stars,
      text: rating.text,
      textVisible: rating.textVisible,
      createdAt: rating.createdAt,
      supersededAt: rerateAt,
    },
  };
  return { rating: rerated, countedStars: stars, ticket, appeal: null };
}

/** The provider appealed the rating and a worker of its unit decided (upheld: the rating no longer counts). */
function appealed(
  rating: Rating,
  names: Pick<Order, 'providerName' | 'itemName'>,
  handlerOpenid: string,
  appeal: AppealPlan,
  ticket: FeedbackTicket,
): RatingFeedback {
  const t0 = rating.createdAt;
  const appealedAt = t0 + 6 * HOUR_MS;
  const decidedAt = appealedAt + 2 * DAY_MS;
  const decider = unitActor('worker', rating.orgPath).openid;
  const record: RatingAppeal = {
    _id: appealIdOf(rating._id),
    ratingId: rating._id,
    orderId: rating.orderId,
    providerId: rating.providerId,
    providerName: names.providerName,
    stars: rating.stars,
    reason: APPEAL_REASONS[appeal],
    appealedBy: handlerOpenid,
    status: appeal,
    decidedBy: decider,
    decidedAt,
    decisionReason:
      appeal === 'upheld' ? '经核实评价内容与事实不符，该评价不计入' : '经核实居民反映的问题属实，维持评价',
    orgPath: rating.orgPath,
    createdAt: appealedAt,
    updatedAt: decidedAt,
  };
  const upheld = appeal === 'upheld';
  const stored: Rating = upheld ? { ...rating, counted: false, appealUpheldId: record._id } : rating;
  return { rating: stored, countedStars: upheld ? null : rating.stars, ticket, appeal: record };
}

/** Whether an appeal of this rating would be in time (appealWithinWorkingDays) and decided by `now`. */
export function appealFits(rating: Pick<Rating, 'createdAt'>, config: PlatformConfig, now: number): boolean {
  const appealedAt = rating.createdAt + 6 * HOUR_MS;
  return (
    appealedAt <= addWorkingDays(rating.createdAt, config.governance.appealWithinWorkingDays) &&
    appealedAt + 2 * DAY_MS <= now
  );
}
