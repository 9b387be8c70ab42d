/**
 * The provider offered next: after a provider declined an order or let it expire, order.detail answers
 * `nextOffer` (to the order's resident only), the best-ranked provider of the same match not tried yet for
 * the item. The resident's 订单详情 shows it with its price and stars; one tap orders from it, an
 * order.create from the same match, so nobody is booked without having chosen.
 */
import type { MatchCandidate, OrderDetail, OrderDetailResult } from 'weimin-core';
import type { CreateOrderInput } from '../services/orders/orders.service';
import { foundAtLabel } from '../utils/distance.format';
import type { ProviderCardView } from './provider-choice.view-model';
import { formatPricing } from '../utils/price.format';
import { starsLabel, starsText } from '../utils/stars.format';

/** The offer as a card: the name, price and stars as the providers page shows them. */
export type NextOfferView = Pick<
  ProviderCardView,
  'free' | 'price' | 'unit' | 'marketPrice' | 'stars' | 'starsLabel' | 'reputation' | 'reach'
> & {
  providerName: string;
  /** One tap orders from it (the order came from a match). */
  canOrder: boolean;
};

/** The offer, for the resident the order belongs to; null for anyone else or when nobody is left. */
function offerOf(reply: OrderDetailResult): MatchCandidate | null {
  return reply.viewerRole === 'resident' ? reply.nextOffer : null;
}

/** The match and item the ended order was made from, which order.create needs besides the provider. */
function originOf(order: OrderDetail): Pick<CreateOrderInput, 'matchId' | 'itemId'> | null {
  // An order made without a match (none today, but the model allows it) has nothing to order again from.
  return order.matchId === null ? null : { matchId: order.matchId, itemId: order.itemId };
}

export function toNextOffer(reply: OrderDetailResult): NextOfferView | null {
  const offer = offerOf(reply);
  if (offer === null) return null;
  return {
    providerName: offer.providerName,
    ...formatPricing(offer.pricing),
    stars: starsText(offer.starLevel),
    starsLabel: starsLabel(offer.starLevel),
    reputation: (Math.round(offer.reputation * 10) / 10).toFixed(1),
    reach: foundAtLabel(offer.foundAt),
    canOrder: originOf(reply.order) !== null,
  };
}

/** The order.create that orders from the offer: same match and item, same address and note. */
export function nextOfferOrder(reply: OrderDetailResult): CreateOrderInput | null {
  const offer = offerOf(reply);
  const origin = originOf(reply.order);
  if (offer === null || origin === null) return null;
  return {
    ...origin,
    providerId: offer.providerId,
    serviceAddress: reply.order.serviceAddress ?? '',
    note: reply.order.note,
  };
}
