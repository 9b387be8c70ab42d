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

import type { FollowUp, Order, Rating } from '../model/order.model';
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
  OrderDetailResult,
  RatingView,
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

function stepLabel(event: EventRecord): string {
  if (event.from === null) return ORDER_LIFECYCLE.definition.creation.label;
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

  const [events, resident, followUp, rating] = await Promise.all([
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
  ]);

  const viewer = { actor, role, target };
  const isOwner = role === 'resident' && order.residentOpenid === actor.openid;
  return {
    order: orderView(order, resident, viewer),
    timeline: chronological(events).map((e) => timelineEntry(e, order, actor)),
    followUp: followUp === null ? null : followUpView(followUp, actor),
    rating: rating === null ? null : ratingView(rating, isOwner),
    nextOffer: isOwner ? (order.nextOffer ?? null) : null,
    viewerRole: role,
    actions: nextActions(order, viewer),
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

function timelineEntry(e: EventRecord, order: Order, viewer: Actor): TimelineEntry {
  const kind = HELD_REASONS[e.to as OrderStatus];
  const held =
    kind !== undefined && order.heldTexts?.includes(kind) === true && e.actor.openid !== viewer.openid;
  return {
    at: e.at,
    from: e.from as OrderStatus | null,
    to: e.to as OrderStatus,
    statusLabel: ORDER_STATUS_LABELS[e.to as OrderStatus],
    stepLabel: stepLabel(e),
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
  };
}

/** The steps the viewer may take now, each action once. */
function nextActions(order: Order, viewer: Viewer): Action[] {
  const { actor, role, target } = viewer;
  return [
    ...new Set(
      ORDER_LIFECYCLE.next(order.status, role)
        .filter((rule) => can(actor, rule.action, target, { roles: [role] }))
        .map((rule) => rule.action),
    ),
  ];
}
