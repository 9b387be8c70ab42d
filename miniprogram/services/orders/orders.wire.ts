/**
 * What the order functions send: the core's `order.list` and `order.detail` results (core/orders,
 * docs/functions.md), read once into the shapes the view models use. Names and nullability here are the
 * core's exactly; fields the mini-program does not show yet (labels, follow-up, next offer, viewer role)
 * are left out of these types.
 */
import type { PriceReply } from '../../utils/price.format';
import type { OrderDetailReply, OrderListReply } from './orders.types';

export interface OrderListItemWire {
  orderId: string;
  status: string;
  itemName: string;
  providerName: string;
  residentName: string;
  price: PriceReply;
  createdAt: number;
  /** While created: when the order expires. */
  acceptBy: number | null;
  stars: number | null;
}

/** On the provider's lists only: the caller's provider and position in it. */
export interface StaffSeatWire {
  providerId: string;
  position: 'manager' | 'member';
}

export interface OrderListWire {
  items: OrderListItemWire[];
  total: number;
  page: number;
  pageSize: number;
  hasMore: boolean;
  staff?: StaffSeatWire;
}

export interface OrderWire {
  orderId: string;
  status: string;
  itemName: string;
  providerName: string;
  residentName: string;
  /** Full or masked as the caller may see it; null when the resident left none. */
  residentPhone: string | null;
  /** Where the service happens, when the caller may see it; null when hidden or none was given. */
  serviceAddress: string | null;
  /** There is an address the caller may not see (staff before accepting, after the order ends). */
  serviceAddressHidden: boolean;
  price: PriceReply;
  note: string;
  createdAt: number;
  acceptBy: number | null;
  followUpDueAt: number | null;
}

export interface TimelineEntryWire {
  at: number;
  from: string | null;
  to: string;
  actorRole: string;
  reason: string | null;
}

export interface RatingWire {
  stars: number;
  /** Null while the text waits for a worker's review (only its author sees it meanwhile). */
  text: string | null;
  createdAt: number;
}

export interface OrderDetailWire {
  order: OrderWire;
  timeline: TimelineEntryWire[];
  rating: RatingWire | null;
  actions: string[];
}

export function readOrderList(wire: OrderListWire): OrderListReply {
  return {
    total: wire.total,
    items: wire.items.map((o) => ({
      _id: o.orderId,
      status: o.status,
      itemName: o.itemName,
      providerName: o.providerName,
      createdAt: o.createdAt,
    })),
    ...(wire.staff === undefined ? {} : { staff: { ...wire.staff } }),
  };
}

export function readOrderDetail(wire: OrderDetailWire): OrderDetailReply {
  const { order, rating } = wire;
  return {
    order: {
      _id: order.orderId,
      status: order.status,
      itemName: order.itemName,
      providerName: order.providerName,
      price: order.price,
      residentName: order.residentName,
      residentPhone: order.residentPhone,
      serviceAddress: order.serviceAddress,
      serviceAddressHidden: order.serviceAddressHidden,
      note: order.note,
      createdAt: order.createdAt,
      ...(order.acceptBy === null ? {} : { acceptDeadline: order.acceptBy }),
      ...(order.followUpDueAt === null ? {} : { followUpDueAt: order.followUpDueAt }),
      ...(rating === null ? {} : { rating: { stars: rating.stars, text: rating.text ?? '' } }),
    },
    timeline: wire.timeline.map((e) => ({
      at: e.at,
      from: e.from,
      to: e.to,
      actorRole: e.actorRole,
      ...(e.reason === null || e.reason === '' ? {} : { reason: e.reason }),
    })),
    actions: [...wire.actions],
  };
}
