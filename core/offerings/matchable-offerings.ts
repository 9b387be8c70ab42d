/**
 * Which offerings matching may offer a resident: listed, of a provider that may take orders (its status
 * copied onto the offering) and not blacklisted, serving the resident's unit or one of its ancestors. One
 * filter for match.request and for catalog.list's `available`, so the catalog never promises what matching
 * would not find. A new item waiting for (or refused by) the unit's review is left out. The index
 * `itemId_1_servedPaths_1_providerStatus_1_active_1_reputation_-1` serves it.
 */
import { MATCHABLE_PROVIDER_STATUSES } from '../lifecycle/provider.lifecycle';
import type { DatabasePort, Where } from '../kernel/database.port';

/** Offering review states that keep an offering out of matching (core/model/feedback.model.ts). */
export const UNREVIEWED_STATES = ['pending', 'rejected'] as const;

export function matchableOfferingsWhere(
  db: DatabasePort,
  itemId: string,
  coverage: readonly string[],
): Where {
  const _ = db.command;
  return {
    itemId,
    servedPaths: _.in(coverage),
    active: true,
    providerStatus:
      MATCHABLE_PROVIDER_STATUSES.length === 1
        ? MATCHABLE_PROVIDER_STATUSES[0]!
        : _.in(MATCHABLE_PROVIDER_STATUSES),
    providerBlacklisted: false,
    // A new item of an active provider waits for the unit's worker (provider.offering.review): `pending` and
    // `rejected` offerings are nobody's to order. Offerings without `review` (created with the provider) match.
    review: _.nin(UNREVIEWED_STATES),
  };
}
