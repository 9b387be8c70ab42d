/**
 * 差评 follow-up tickets (docs/governance.md, "差评 follow-up, appeals and complaints"): opened by order.rate
 * (core/reputation/feedback-ticket.ts), handled by the provider's manager, watched by the unit's workers.
 * - feedback.ticket.list {view: provider|unit}: the manager's tickets, or those of the caller's units, with
 *   their clocks (overdue flags) and the buttons the caller may use;
 * - feedback.ticket.contact: the manager records how the resident was reached (open -> contacted);
 * - feedback.ticket.resolve: fixed or explained (contacted -> resolved); the resident is told and may rate
 *   once more (rating.rerate, core/providers/feedback-rerate.usecase.ts).
 * A ticket the caller may not see answers like one that does not exist.
 */
import { authorize, can } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { runCommand, type CommandTransaction } from '../kernel/command.runner';
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import {
  CONTACT_CHANNEL_LABELS,
  FEEDBACK_TICKET_STATUS_LABELS,
  TICKET_OUTCOME_LABELS,
  type FeedbackTicket,
} from '../model/feedback.model';
import { ratingLevelLabel } from '../reputation/rating-levels';
import { parseCommand } from '../schemas/command.parser';
import {
  feedbackTicketContactSchema,
  feedbackTicketListSchema,
  feedbackTicketResolveSchema,
} from '../schemas/feedback.schema';
import {
  notifyWith,
  pageOfUnion,
  providerOrUnitWheres,
  screenText,
  visibleRatingTexts,
} from './feedback-common';
import { RESIDENT_PHRASES, residentNotice } from './feedback-messages';
import { feedbackError } from './feedback.errors';
import type {
  FeedbackTicketListResult,
  FeedbackTicketStepResult,
  FeedbackTicketView,
} from './feedback.replies';

/** The ticket as the caller sees it, at `now`. */
export function ticketView(
  actor: Actor,
  t: FeedbackTicket,
  ratingText: string,
  now: number,
): FeedbackTicketView {
  const handle = can(actor, 'feedback.ticket.handle', { providerId: t.providerId, orgPath: t.orgPath });
  return {
    ticketId: t._id,
    ratingId: t.ratingId,
    orderId: t.orderId,
    providerId: t.providerId,
    providerName: t.providerName,
    itemName: t.itemName,
    stars: t.stars,
    levelLabel: ratingLevelLabel(t.stars),
    ratingText,
    status: t.status,
    statusLabel: FEEDBACK_TICKET_STATUS_LABELS[t.status],
    createdAt: t.createdAt,
    contactDueAt: t.contactDueAt,
    fixDueAt: t.fixDueAt,
    contactOverdue: (t.contactedAt ?? now) > t.contactDueAt,
    fixOverdue: (t.resolvedAt ?? now) > t.fixDueAt,
    contactedAt: t.contactedAt,
    contactChannel: t.contactChannel,
    contactChannelLabel: t.contactChannel === null ? null : CONTACT_CHANNEL_LABELS[t.contactChannel],
    contactNote: t.contactNote,
    resolvedAt: t.resolvedAt,
    outcome: t.outcome,
    outcomeLabel: t.outcome === null ? null : TICKET_OUTCOME_LABELS[t.outcome],
    resolutionNote: t.resolutionNote,
    rerated: t.reratedAt !== null,
    actions: { canContact: handle && t.status === 'open', canResolve: handle && t.status === 'contacted' },
  };
}

export async function listFeedbackTickets(input: UseCaseInput): Promise<FeedbackTicketListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(feedbackTicketListSchema, input.command);
  const db = ports.db;
  const status: Where = query.status === undefined ? {} : { status: query.status };
  const wheres = providerOrUnitWheres(
    db,
    actor,
    query.view,
    { provider: 'feedback.ticket.view', unit: 'feedback.ticket.view' },
    status,
  );
  const now = ports.clock.now();
  const result = await pageOfUnion<FeedbackTicket, FeedbackTicket>(
    db,
    COLLECTIONS.feedbackTickets,
    wheres,
    query,
    (t) => t,
  );
  // The ticket is about the rating as first given, whatever the resident rated once more.
  const texts = await visibleRatingTexts(
    db,
    result.items.map((t) => t.ratingId),
    { firstGiven: true },
  );
  return {
    ...result,
    items: result.items.map((t) => ticketView(actor, t, texts.get(t.ratingId) ?? '', now)),
  };
}

/** The ticket, authorized for `feedback.ticket.handle` (the provider's manager), or the matrix's refusal. */
async function handledTicket(
  ctx: CommandTransaction,
  actor: Actor,
  ticketId: string,
): Promise<FeedbackTicket> {
  const ticket = await ctx.tx.get<FeedbackTicket>(COLLECTIONS.feedbackTickets, ticketId);
  if (ticket === null) {
    authorize(actor, 'feedback.ticket.handle', {});
    throw feedbackError('FEEDBACK_TICKET_NOT_FOUND', { ticketId });
  }
  authorize(actor, 'feedback.ticket.handle', { providerId: ticket.providerId, orgPath: ticket.orgPath });
  return ticket;
}

export async function contactFeedbackTicket(input: UseCaseInput): Promise<FeedbackTicketStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(feedbackTicketContactSchema, input.command);
  if ((await screenText(ports, actor.openid, command.note)) === 'risky')
    throw feedbackError('FEEDBACK_NOTE_RISKY');
  return runCommand(ports, actor, 'feedback.ticket.contact', command, async (ctx) => {
    const ticket = await handledTicket(ctx, actor, command.ticketId);
    if (ticket.status !== 'open') throw feedbackError('FEEDBACK_TICKET_STATE', { status: ticket.status });
    const { now } = ctx;
    await ctx.tx.update(COLLECTIONS.feedbackTickets, ticket._id, {
      status: 'contacted',
      contactedAt: now,
      contactChannel: command.channel,
      contactNote: command.note,
      handledBy: actor.openid,
      updatedAt: now,
    });
    ctx.audit({
      entityType: 'feedback_ticket',
      entityId: ticket._id,
      orgPath: ticket.orgPath,
      summary: `差评回访：${CONTACT_CHANNEL_LABELS[command.channel]}（${ticket.providerName}·${ticket.itemName}）`,
      role: 'provider_staff',
    });
    return {
      ticketId: ticket._id,
      status: 'contacted',
      statusLabel: FEEDBACK_TICKET_STATUS_LABELS.contacted,
      at: now,
      late: now > ticket.contactDueAt,
    };
  });
}

export async function resolveFeedbackTicket(input: UseCaseInput): Promise<FeedbackTicketStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config;
  const command = parseCommand(feedbackTicketResolveSchema, input.command);
  if ((await screenText(ports, actor.openid, command.note)) === 'risky')
    throw feedbackError('FEEDBACK_NOTE_RISKY');
  return runCommand(ports, actor, 'feedback.ticket.resolve', command, async (ctx) => {
    const ticket = await handledTicket(ctx, actor, command.ticketId);
    if (ticket.status === 'open') throw feedbackError('FEEDBACK_TICKET_NOT_CONTACTED');
    if (ticket.status !== 'contacted')
      throw feedbackError('FEEDBACK_TICKET_STATE', { status: ticket.status });
    const { now } = ctx;
    await ctx.tx.update(COLLECTIONS.feedbackTickets, ticket._id, {
      status: 'resolved',
      resolvedAt: now,
      outcome: command.outcome,
      resolutionNote: command.note,
      handledBy: actor.openid,
      updatedAt: now,
    });
    ctx.audit({
      entityType: 'feedback_ticket',
      entityId: ticket._id,
      orgPath: ticket.orgPath,
      summary: `差评工单办结：${TICKET_OUTCOME_LABELS[command.outcome]}（${ticket.providerName}·${ticket.itemName}）`,
      role: 'provider_staff',
    });
    await notifyWith(ctx, ports, ticket._id, residentNotice(config, ticket, RESIDENT_PHRASES.mayRerate, now));
    return {
      ticketId: ticket._id,
      status: 'resolved',
      statusLabel: FEEDBACK_TICKET_STATUS_LABELS.resolved,
      at: now,
      late: now > ticket.fixDueAt,
    };
  });
}
