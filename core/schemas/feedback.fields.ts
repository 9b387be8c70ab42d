/**
 * The value lists of the 差评 follow-up, appeal and complaint commands, without zod: the schemas
 * (feedback.schema.ts) are built from them and the models (core/model/feedback.model.ts, order.model.ts) type
 * their fields with them, like order.fields.ts.
 */

/** A 差评 ticket: open (waiting for the manager's contact), contacted, resolved. */
export const FEEDBACK_TICKET_STATUSES = ['open', 'contacted', 'resolved'] as const;
export type FeedbackTicketStatus = (typeof FEEDBACK_TICKET_STATUSES)[number];

/** How the manager reached the resident. */
export const CONTACT_CHANNELS = ['phone', 'visit', 'wechat'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** How a ticket ended: fixed, or explained. */
export const TICKET_OUTCOMES = ['fixed', 'explained'] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

/** A provider's appeal against a rating. */
export const APPEAL_STATUSES = ['pending', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** A resident's complaint. */
export const COMPLAINT_STATUSES = ['submitted', 'upheld', 'dismissed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
