/**
 * When a resident may rate an order once more (rating.rerate, docs/governance.md "差评 follow-up"): the 差评
 * ticket their rating opened is resolved by the provider, and they have not rated again yet (the ticket's
 * `reratedAt`, or the rating's `superseded` first rating). One rule for the use case that rates again
 * (core/providers/feedback-rerate.usecase.ts) and for the order detail that offers the button
 * (core/orders/order-detail.usecase.ts).
 */
import type { FeedbackTicket } from '../model/feedback.model';
import type { Rating } from '../model/order.model';

/** `open`: the second rating may be given; otherwise why not. */
export type RerateState = 'open' | 'already_done' | 'not_available';

export function rerateState(
  ticket: Pick<FeedbackTicket, 'status' | 'reratedAt'> | null,
  rating: Pick<Rating, 'superseded'>,
): RerateState {
  if (rating.superseded !== undefined || (ticket !== null && ticket.reratedAt !== null))
    return 'already_done';
  if (ticket === null || ticket.status !== 'resolved') return 'not_available';
  return 'open';
}

export function canRerate(
  ticket: Pick<FeedbackTicket, 'status' | 'reratedAt'> | null,
  rating: Pick<Rating, 'superseded'>,
): boolean {
  return rerateState(ticket, rating) === 'open';
}
