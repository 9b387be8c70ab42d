/**
 * The shapes of the order replies as the view models read them: `match.request` as the function sends it
 * (docs/functions.md), the order list and detail as `orders.wire.ts` reads them from the core's replies.
 */
import type { PriceReply } from '../../utils/price.format';

export interface ScorePartReply {
  key: string;
  label: string;
  value: number;
  weight: number;
  /** Points this part adds to the reputation (negative for complaints), when the function sends them. */
  points?: number;
  explanation: string;
}

export interface MatchedProviderReply {
  providerId: string;
  name: string;
  contactPhone: string;
  price: PriceReply;
  starLevel: number;
  reputation: number;
  distance: number;
  widened: boolean;
  /** Too few ratings for a star level yet (新入驻), when the function sends it. */
  newcomer?: boolean;
  scoreParts: ScorePartReply[];
}

export interface MatchedItemReply {
  itemId: string;
  itemName: string;
  providers: MatchedProviderReply[];
  gap: boolean;
}

export interface MatchReply {
  matchId: string;
  items: MatchedItemReply[];
}

export interface OrderSummaryReply {
  _id: string;
  status: string;
  itemName: string;
  providerName: string;
  createdAt: number;
}

export interface OrderListReply {
  items: OrderSummaryReply[];
  total: number;
  /** The provider's lists only (jobs): the caller's provider and position, e.g. to offer managers 邀请同事. */
  staff?: { providerId: string; position: 'manager' | 'member' };
}

export interface TimelineEntryReply {
  at: number;
  from: string | null;
  to: string;
  actorRole: string;
  reason?: string;
}

export interface OrderReply {
  _id: string;
  status: string;
  itemName: string;
  providerName: string;
  price: PriceReply;
  residentName: string;
  /** Masked unless the caller may see it. */
  residentPhone: string | null;
  /** Null when hidden from the caller or none was given. */
  serviceAddress: string | null;
  serviceAddressHidden: boolean;
  note: string;
  createdAt: number;
  acceptDeadline?: number;
  followUpDueAt?: number;
  rating?: { stars: number; text: string };
}

export interface OrderDetailReply {
  order: OrderReply;
  timeline: TimelineEntryReply[];
  /** What the caller may do now, e.g. ['order.cancel']. */
  actions: string[];
}

export interface OrderCreatedReply {
  orderId: string;
}
