/**
 * What the resident's 订单详情 offers after the job (order.detail's `feedback`, core/orders/order.replies.ts):
 * 投诉 once the job is done (complaint.submit takes done, followed-up, rated and closed orders: every order
 * with `doneAt`), and 再次评价 exactly when the reply's `feedback.canRerate` says the caller may rate once more
 * (the core's one rule, core/reputation/rerate.rule.ts, which rating.rerate applies too: the provider resolved
 * the 差评 ticket and the resident has not rated again). The ticket's state is shown as text either way.
 */
import type { OrderDetailResult } from 'weimin-core';

export interface OrderAfterCareView {
  /** The 投诉 entry and 我的投诉: the order's resident, the job done. */
  canComplain: boolean;
  /** The 再次评价 button: the core says the caller may rate once more (`feedback.canRerate`). */
  canRerate: boolean;
  /** '差评回访：已办结（已整改）', '' when the rating opened no ticket (or the viewer is not the resident). */
  ticketText: string;
  /** Under the ticket: what may happen next, in words ('' for none). */
  ticketHint: string;
}

export function toAfterCare(reply: OrderDetailResult): OrderAfterCareView {
  const resident = reply.viewerRole === 'resident';
  const feedback = resident ? reply.feedback : null;
  const canRerate = feedback !== null && feedback.canRerate;
  const outcome = feedback?.outcomeLabel ? `（${feedback.outcomeLabel}）` : '';
  let ticketHint = '';
  if (feedback !== null) {
    if (feedback.rerated) ticketHint = '您已再次评价，新的评价替换了原来的评价';
    else if (canRerate) ticketHint = '服务机构已处理您的差评，您可以再评价一次（只能一次）';
    else if (feedback.ticketStatus === 'resolved') ticketHint = '服务机构已处理您的差评';
    else ticketHint = '服务机构会按规定时限联系您，并整改或说明情况';
  }
  return {
    canComplain: resident && reply.order.doneAt !== null,
    canRerate,
    ticketText: feedback === null ? '' : `差评回访：${feedback.ticketStatusLabel}${outcome}`,
    ticketHint,
  };
}
