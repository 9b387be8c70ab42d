/**
 * Re-offering (the `offer_next_provider` effect of a declined or expired order): the resident is offered
 * the best-ranked provider of the same match that they have not ordered from yet for this item. The offer
 * is stored on the ended order and sent as a message; the resident orders from it with one tap (a new order
 * from the same match), so nobody is booked without having chosen.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { Match, MatchCandidate } from '../model/platform.model';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';

/** The first candidate in rank order whose provider is not in `tried`, or null. */
export function nextCandidate(
  candidates: readonly MatchCandidate[],
  tried: ReadonlySet<string>,
): MatchCandidate | null {
  const ranked = [...candidates].sort((a, b) => a.rank - b.rank);
  return ranked.find((c) => !tried.has(c.providerId)) ?? null;
}

/** The orders of the same match and item (the resident's own), for "who has been tried". */
export async function ordersOfSameMatchItem(
  db: DatabasePort,
  order: Pick<Order, 'matchId' | 'itemId' | 'residentOpenid'>,
): Promise<Pick<Order, '_id' | 'providerId' | 'status'>[]> {
  if (order.matchId === null) return [];
  return db.find<Pick<Order, '_id' | 'providerId' | 'status'>>(
    COLLECTIONS.orders,
    { matchId: order.matchId, itemId: order.itemId, residentOpenid: order.residentOpenid },
    { fields: ['providerId', 'status'], limit: 100 },
  );
}

/** The next provider for an order that has just ended unanswered or declined. */
export async function nextOfferFor(db: DatabasePort, order: Order): Promise<MatchCandidate | null> {
  const candidates = order.matchCandidates ?? [];
  if (candidates.length === 0) return null;
  const siblings = await ordersOfSameMatchItem(db, order);
  const tried = new Set([order.providerId, ...siblings.map((o) => o.providerId)]);
  return nextCandidate(candidates, tried);
}

/**
 * A re-offer must stay orderable: the match it comes from may be older than its validity by the time an
 * order has waited out its acceptance window, so re-offering keeps the match open for another
 * `matchValidHours` (in the same transaction as the order's step).
 */
export async function keepMatchOpenForReoffer(
  tx: TransactionPort,
  order: Pick<Order, 'matchId'>,
  now: number,
  config: PlatformConfig,
): Promise<void> {
  if (order.matchId === null) return;
  const match = await tx.get<Match>(COLLECTIONS.matches, order.matchId);
  if (match === null) return;
  const expiresAt = now + config.matching.matchValidHours * 3_600_000;
  if (expiresAt > match.expiresAt) await tx.update(COLLECTIONS.matches, match._id, { expiresAt });
}
