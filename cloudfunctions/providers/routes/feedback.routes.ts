/**
 * The provider's offerings, 差评 follow-up tickets, second ratings, appeals and complaints (docs/governance.md),
 * one line per command; the rules are in core/providers.
 */
import { appealRating, decideAppeal, listAppeals } from '../../../core/providers/appeal-rating.usecase';
import {
  decideComplaint,
  listComplaints,
  submitComplaint,
} from '../../../core/providers/complaint-handling.usecase';
import { rerateOrder } from '../../../core/providers/feedback-rerate.usecase';
import {
  contactFeedbackTicket,
  listFeedbackTickets,
  resolveFeedbackTicket,
} from '../../../core/providers/feedback-ticket.usecase';
import { listOfferings } from '../../../core/providers/offering-list.query';
import { reviewOffering, saveOffering } from '../../../core/providers/offering-save.usecase';
import type { CommandRoute } from '../../../function-kit/command-function';

export const feedbackRoutes: Readonly<Record<string, CommandRoute>> = {
  'provider.offering.list': (ctx, command) => listOfferings({ ...ctx, command }),
  'provider.offering.save': (ctx, command) => saveOffering({ ...ctx, command }),
  'provider.offering.review': (ctx, command) => reviewOffering({ ...ctx, command }),
  'feedback.ticket.list': (ctx, command) => listFeedbackTickets({ ...ctx, command }),
  'feedback.ticket.contact': (ctx, command) => contactFeedbackTicket({ ...ctx, command }),
  'feedback.ticket.resolve': (ctx, command) => resolveFeedbackTicket({ ...ctx, command }),
  'rating.rerate': (ctx, command) => rerateOrder({ ...ctx, command }),
  'rating.appeal': (ctx, command) => appealRating({ ...ctx, command }),
  'rating.appeal.decide': (ctx, command) => decideAppeal({ ...ctx, command }),
  'rating.appeal.list': (ctx, command) => listAppeals({ ...ctx, command }),
  'complaint.submit': (ctx, command) => submitComplaint({ ...ctx, command }),
  'complaint.decide': (ctx, command) => decideComplaint({ ...ctx, command }),
  'complaint.list': (ctx, command) => listComplaints({ ...ctx, command }),
};
