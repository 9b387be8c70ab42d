/**
 * What the order functions send, read once into the shapes the view models use. docs/functions.md and the
 * core's use cases still differ on a few names (`_id` / `orderId`, `acceptDeadline` / `acceptBy`, the
 * rating inside or beside the order, `reason` absent or null): both spellings are accepted here and
 * nowhere else, until the contract settles.
 */
import type {
  OrderDetailReply,
  OrderListReply,
  OrderReply,
  OrderSummaryReply,
  TimelineEntryReply,
} from './orders.types';

interface IdWire {
  _id?: string;
  orderId?: string;
}

interface RatingWire {
  stars: number;
  text?: string | null;
}

export type OrderSummaryWire = Omit<OrderSummaryReply, '_id'> & IdWire;

export type OrderWire = Omit<OrderReply, '_id' | 'address' | 'acceptDeadline' | 'followUpDueAt' | 'rating'> &
  IdWire & {
    address?: string;
    acceptDeadline?: number | null;
    acceptBy?: number | null;
    followUpDueAt?: number | null;
    rating?: RatingWire | null;
  };

export interface OrderDetailWire {
  order: OrderWire;
  timeline: Array<Omit<TimelineEntryReply, 'reason'> & { reason?: string | null }>;
  actions: string[];
  rating?: RatingWire | null;
}

export interface OrderListWire {
  items: OrderSummaryWire[];
  total: number;
}

const idOf = (o: IdWire): string => o._id ?? o.orderId ?? '';

const optional = (n: number | null | undefined): number | undefined =>
  typeof n === 'number' ? n : undefined;

export function readOrderList(wire: OrderListWire): OrderListReply {
  return {
    total: wire.total,
    items: wire.items.map((o) => ({
      _id: idOf(o),
      status: o.status,
      itemName: o.itemName,
      providerName: o.providerName,
      createdAt: o.createdAt,
    })),
  };
}

export function readOrderDetail(wire: OrderDetailWire): OrderDetailReply {
  const { order } = wire;
  const rating = order.rating ?? wire.rating ?? null;
  const acceptDeadline = optional(order.acceptDeadline ?? order.acceptBy);
  const followUpDueAt = optional(order.followUpDueAt);
  return {
    order: {
      _id: idOf(order),
      status: order.status,
      itemName: order.itemName,
      providerName: order.providerName,
      price: order.price,
      residentName: order.residentName,
      residentPhone: order.residentPhone,
      address: order.address ?? '',
      note: order.note,
      createdAt: order.createdAt,
      ...(acceptDeadline === undefined ? {} : { acceptDeadline }),
      ...(followUpDueAt === undefined ? {} : { followUpDueAt }),
      ...(rating === null ? {} : { rating: { stars: rating.stars, text: rating.text ?? '' } }),
    },
    timeline: wire.timeline.map((e) => ({
      at: e.at,
      from: e.from,
      to: e.to,
      actorRole: e.actorRole,
      ...(e.reason ? { reason: e.reason } : {}),
    })),
    actions: [...wire.actions],
  };
}
