/**
 * order.detail: one order with its event timeline, its follow-up and rating, what the caller may do next,
 * and the resident's phone as the caller may see it (phone-masking.policy.ts). The timeline shows roles,
 * never the openids of the people involved. An order the caller may not see is ORDER_NOT_FOUND, like one
 * that does not exist. Texts held for review (the order's `heldTexts`, the follow-up's, a rating's hidden
 * text) are shown to their author only: to anyone else a held note is empty, a held address hidden, a held
 * reason null, held follow-up texts empty.
 */
import type { Action } from '../auth/actions';
import { authorize, can, type AccessTarget } from '../auth/authorize';

import { ROLE_LABELS, type Actor, type Role } from '../auth/roles';
import { ORDER_LIFECYCLE, ORDER_STATUS_LABELS, type OrderStatus } from '../lifecycle/order.lifecycle';

import { COLLECTIONS } from '../model/collections.model';

import type { EventRecord } from '../model/event.model';
import {
  FEEDBACK_TICKET_STATUS_LABELS,
  TICKET_OUTCOME_LABELS,
  type FeedbackTicket,
} from '../model/feedback.model';
import { feedbackTicketIdOf } from '../reputation/feedback-ticket';
import { canRerate } from '../reputation/rerate.rule';

import {
  CONSENT_METHOD_LABELS,
  URGENT_STATE_LABELS,
  type FollowUp,
  type Order,
  type Rating,
  type UrgentRequest,
} from '../model/order.model';
import type { HeldTextKind } from '../model/moderation.model';
import type { User } from '../model/user.model';

import { parseCommand } from '../schemas/command.parser';

import { orderDetailSchema } from '../schemas/order.schema';
import { orderLoopError } from './order-loop.errors';

import type { UseCaseInput } from '../kernel/use-case';

import { requireIdentity } from '../kernel/identity';

import { followUpIdOf, ratingIdOf } from './order-ids';

import { residentPhoneView, serviceAddressView } from '../privacy/phone-masking.policy';

import { priceView } from '../offerings/price.view';
import { orderTarget, visibleOrNull } from './order-transition';

import type {
  FollowUpView,
  OrderDetail,
  OrderFeedbackView,
  OrderDetailResult,
  PlacedByView,
  RatingView,
  UrgentView,
  TimelineEntry,
} from './order.replies';

/**
 * The events in the order they happened. Steps of one command share its time (a rating that completes the
 * order records 已评价 and then 已关闭 at the same instant) and event ids are random, so events of the same
 * time follow the chain of statuses: one whose `from` is another's `to` comes after it.
 */
export function chronological(events: readonly EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (let i = 0; i < events.length;) {
    let j = i + 1;
    while (j < events.length && events[j]!.at === events[i]!.at) j += 1;
    const group = events.slice(i, j);
    while (group.length > 0) {
      const first = group.findIndex((e) => !group.some((other) => other !== e && other.to === e.from));
      out.push(...group.splice(Math.max(0, first), 1));
    }
    i = j;
  }
  return out;
}

function stepLabel(event: EventRecord, placedByName: string | null): string {
  if (event.from === null) {
    return event.actor.role === 'worker'
      ? `由 ${placedByName ?? '工作人员'} 代居民下单`
      : ORDER_LIFECYCLE.definition.creation.label;
  }
  const urgent = event.details?.['urgent'];
  if (event.from === event.to && urgent === 'queued') return '紧急求助超时无人接单，转社区处理';
  if (event.from === event.to && urgent === 'reassigned') return '紧急求助改派服务机构';
  if (urgent === 'resolved') return '紧急求助已另行处理';
  const rules = ORDER_LIFECYCLE.rulesFor(event.from as OrderStatus, event.to as OrderStatus);
  const rule = rules.find((r) => r.action === event.action && r.roles.includes(event.actor.role)) ?? rules[0];
  return rule?.label ?? ORDER_STATUS_LABELS[event.to as OrderStatus];
}

export async function orderDetail(input: UseCaseInput): Promise<OrderDetailResult> {
  const { ports, actor } = input;
  const { db } = ports;
  requireIdentity(actor);
  const { orderId } = parseCommand(orderDetailSchema, input.command);
  const order = visibleOrNull(await db.get<Order>(COLLECTIONS.orders, orderId), actor);
  if (order === null) throw orderLoopError('ORDER_NOT_FOUND', { orderId });
  const target = orderTarget(order);
  const { role } = authorize(actor, 'order.view', target);

  const [events, resident, followUp, rating, placer, ticket] = await Promise.all([
    db.find<EventRecord>(
      COLLECTIONS.events,
      { entityType: 'order', entityId: order._id },
      {
        orderBy: [
          ['at', 'asc'],
          ['_id', 'asc'],
        ],
        limit: 100,
      },
    ),
    db.get<User>(COLLECTIONS.users, order.residentOpenid),
    order.doneAt === null ? null : db.get<FollowUp>(COLLECTIONS.followUps, followUpIdOf(order._id)),
    order.ratedAt === null ? null : db.get<Rating>(COLLECTIONS.ratings, ratingIdOf(order._id)),
    order.placedBy === undefined ? null : db.get<User>(COLLECTIONS.users, order.placedBy.openid),
    // The 差评 ticket of the order's one rating (`ft-<ratingId>`), when the rating opened one.
    order.ratedAt === null
      ? null
      : db.get<FeedbackTicket>(COLLECTIONS.feedbackTickets, feedbackTicketIdOf(ratingIdOf(order._id))),
  ]);
  const placedByName =
    order.placedBy === undefined ? null : placer?.realName || placer?.nickname || '工作人员';

  const viewer = { actor, role, target };
  const isOwner = role === 'resident' && order.residentOpenid === actor.openid;
  return {
    order: orderView(order, resident, viewer),
    timeline: chronological(events).map((e) => timelineEntry(e, order, actor, placedByName)),
    followUp: followUp === null ? null : followUpView(followUp, actor),
    rating:
      rating === null ? null : ratingView(rating, isOwner || rating.recordedBy?.openid === actor.openid),
    feedback:
      ticket === null
        ? null
        : feedbackView(
            ticket,
            rating,
            isOwner && can(actor, 'rating.rerate', target, { roles: ['resident'] }),
          ),
    nextOffer: isOwner ? (order.nextOffer ?? null) : null,
    viewerRole: role,
    actions: nextActions(order, viewer),
    ...(order.placedBy === undefined ? {} : { placedBy: placedByView(order, placedByName ?? '', role) }),
    ...(order.urgent === undefined ? {} : { urgent: urgentView(order.urgent) }),
  };
}

/** Who placed it; the consent (the resident's words, sealed at rest) only for the unit's workers and leaders. */
function placedByView(order: Order, name: string, role: Role): PlacedByView {
  const placed = order.placedBy!;
  const workers = role === 'worker' || role === 'leader' || role === 'system_admin';
  return {
    name,
    at: placed.at,
    consent: workers
      ? {
          method: placed.consent.method,
          methodLabel: CONSENT_METHOD_LABELS[placed.consent.method],
          statement: placed.consent.statement,
          at: placed.consent.at,
        }
      : null,
  };
}

function urgentView(urgent: UrgentRequest): UrgentView {
  return {
    state: urgent.state,
    stateLabel: URGENT_STATE_LABELS[urgent.state],
    requestedAt: urgent.requestedAt,
    acceptBy: urgent.acceptBy,
    limitMinutes: urgent.limitMinutes,
    queuedAt: urgent.queuedAt,
    handledAt: urgent.handledAt,
    resolution: urgent.resolution,
    note: urgent.note,
  };
}

/** Who is looking: the actor, the role they see the order in, and the order as an access target. */
interface Viewer {
  readonly actor: Actor;
  readonly role: Role;
  readonly target: AccessTarget;
}

/** The order as the viewer may see it: the resident's phone and the address masked or hidden as due. */
function orderView(order: Order, resident: User | null, viewer: Viewer): OrderDetail {
  const { actor, role, target } = viewer;
  const phone = residentPhoneView(resident?.phone, actor, role, order.status, target);
  // Held texts are the resident's own until a worker approves them.
  const heldFromViewer = (kind: HeldTextKind) =>
    order.heldTexts?.includes(kind) === true && actor.openid !== order.residentOpenid;
  const address = heldFromViewer('service_address')
    ? { address: null, hidden: true }
    : serviceAddressView(order.serviceAddress, actor, role, order.status, target);
  return {
    orderId: order._id,
    status: order.status,
    statusLabel: ORDER_STATUS_LABELS[order.status],
    matchId: order.matchId,
    itemId: order.itemId,
    itemName: order.itemName,
    providerId: order.providerId,
    providerName: order.providerName,
    residentName: order.residentName,
    residentPhone: phone.phone,
    residentPhoneMasked: phone.masked,
    serviceAddress: address.address,
    serviceAddressHidden: address.hidden,
    price: priceView(order.pricing),
    note: heldFromViewer('order_note') ? '' : order.note,
    orgPath: order.orgPath,
    createdAt: order.createdAt,
    acceptBy: order.acceptBy ?? null,
    acceptedAt: order.acceptedAt,
    doneAt: order.doneAt,
    followUpDueAt: order.followUpDueAt,
    followedUpAt: order.followedUpAt,
    ratedAt: order.ratedAt,
    closedAt: order.closedAt,
  };
}

/** The reason of each step whose text may be held, by the status it led to. */
const HELD_REASONS: Partial<Record<OrderStatus, HeldTextKind>> = {
  cancelled: 'cancel_reason',
  declined: 'decline_reason',
};

function timelineEntry(
  e: EventRecord,
  order: Order,
  viewer: Actor,
  placedByName: string | null,
): TimelineEntry {
  const kind = HELD_REASONS[e.to as OrderStatus];
  const held =
    kind !== undefined && order.heldTexts?.includes(kind) === true && e.actor.openid !== viewer.openid;
  return {
    at: e.at,
    from: e.from as OrderStatus | null,
    to: e.to as OrderStatus,
    statusLabel: ORDER_STATUS_LABELS[e.to as OrderStatus],
    stepLabel: stepLabel(e, placedByName),
    actorRole: e.actor.role,
    actorLabel: ROLE_LABELS[e.actor.role],
    reason: held ? null : e.reason,
  };
}

/** The follow-up; its texts held for review are shown to the staff member who recorded them only. */
function followUpView(followUp: FollowUp, viewer: Actor): FollowUpView {
  const hidden = (kind: HeldTextKind) =>
    followUp.heldTexts?.includes(kind) === true && followUp.recordedBy !== viewer.openid;
  return {
    status: followUp.status,
    dueAt: followUp.dueAt,
    recordedAt: followUp.recordedAt,
    onTime: followUp.onTime,
    channel: followUp.channel,
    summary: hidden('follow_up_summary') ? '' : followUp.summary,
    problems: hidden('follow_up_problems') ? [] : followUp.problems,
    suggestions: hidden('follow_up_suggestions') ? [] : followUp.suggestions,
  };
}

/** A rating's text waiting for a worker's review is shown to its author only. */
function ratingView(rating: Rating, isOwner: boolean): RatingView {
  return {
    stars: rating.stars,
    text: rating.textVisible || isOwner ? rating.text : null,
    createdAt: rating.createdAt,
    ...(rating.recordedBy === undefined ? {} : { recordedForResident: true }),
  };
}

/**
 * The 差评 ticket's state; re-rated once the ticket or the rating says so (the first rating superseded). The
 * second rating is offered only to the resident who may give it (`mayRerate`), when the rule says it is open.
 */
function feedbackView(ticket: FeedbackTicket, rating: Rating | null, mayRerate: boolean): OrderFeedbackView {
  return {
    ticketStatus: ticket.status,
    ticketStatusLabel: FEEDBACK_TICKET_STATUS_LABELS[ticket.status],
    outcome: ticket.outcome,
    outcomeLabel: ticket.outcome === null ? null : TICKET_OUTCOME_LABELS[ticket.outcome],
    resolvedAt: ticket.resolvedAt,
    rerated: ticket.reratedAt !== null || rating?.superseded !== undefined,
    canRerate: mayRerate && rating !== null && canRerate(ticket, rating),
  };
}

/** The steps the viewer may take now, each action once. */
function nextActions(order: Order, viewer: Viewer): Action[] {
  const { actor, role, target } = viewer;
  return [
    ...new Set(
      ORDER_LIFECYCLE.next(order.status, role)
        .filter((rule) => can(actor, rule.action, target, { roles: [role] }))
        // A worker steps in for the resident only on orders placed for one (代下单).
        .filter((rule) => rule.action !== 'order.place_for_resident' || order.placedBy !== undefined)
        .map((rule) => rule.action),
    ),
  ];
}
