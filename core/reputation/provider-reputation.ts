/**
 * A provider's reputation from its stored aggregates, and the copies of it that matching reads on the
 * provider's offerings. Every writer that changes an aggregate (rating, follow-up, overdue follow-up,
 * recount) recomputes the reputation from the aggregates it now holds; nothing is accumulated as a float.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { Provider } from '../model/provider.model';
import {
  addRating,
  ratingIncrement,
  type FollowUpAggregate,
  type RatingAggregate,
} from './ratings.aggregate';
import { computeReputation, type Reputation } from './reputation.formula';
import type { DatabasePort, Patch, StoredDocument, TransactionPort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';

/** The provider fields the reputation is computed from (read them with `fields: PROVIDER_AGGREGATE_FIELDS`). */
export const PROVIDER_AGGREGATE_FIELDS = [
  'ratingCount',
  'ratingSum',
  'starCounts',
  'followUpsDue',
  'followUpsOnTime',
  'latestEvaluationGrade',
  'upheldComplaints',
] as const satisfies readonly (keyof Provider)[];

export type ProviderAggregateFields = Pick<Provider, (typeof PROVIDER_AGGREGATE_FIELDS)[number]>;

export function ratingAggregateOf(p: ProviderAggregateFields): RatingAggregate {
  return {
    ratingCount: p.ratingCount ?? 0,
    ratingSum: p.ratingSum ?? 0,
    starCounts: p.starCounts ?? [0, 0, 0, 0, 0],
  };
}

export function followUpAggregateOf(p: ProviderAggregateFields): FollowUpAggregate {
  return { due: p.followUpsDue ?? 0, onTime: p.followUpsOnTime ?? 0 };
}

export function providerReputation(
  p: ProviderAggregateFields,
  config: PlatformConfig,
  overrides: { readonly ratings?: RatingAggregate; readonly followUps?: FollowUpAggregate } = {},
): Reputation {
  return computeReputation(
    {
      ratings: overrides.ratings ?? ratingAggregateOf(p),
      followUps: overrides.followUps ?? followUpAggregateOf(p),
      latestEvaluationGrade: p.latestEvaluationGrade ?? null,
      upheldComplaints: p.upheldComplaints ?? 0,
    },
    config.reputation.prior,
    config.reputation.policy,
  );
}

/**
 * The formula's cached output on the provider; its red-star board rows are marked for the next refresh
 * (`boardStale`, core/providers/red-star-board.ts).
 */
export function providerReputationPatch(reputation: Reputation, now: number): Patch {
  return {
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    redStar: reputation.redStar,
    reputationUpdatedAt: now,
    boardStale: true,
    updatedAt: now,
  };
}

/** The copy of the reputation matching reads on each offering. */
export function offeringReputationPatch(reputation: Reputation, now: number): Patch {
  return {
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    ratingCount: reputation.ratingCount,
    updatedAt: now,
  };
}

/** A provider offers at most one price per item, so this bounds its offerings. */
const MAX_OFFERINGS_PER_PROVIDER = 200;

/**
 * Copy the reputation onto every offering of the provider (what matching filters and sorts on), in the same
 * transaction as the aggregates it comes from, so matching never reads a score the provider does not have.
 * The offerings are found by a query (queries run outside transactions); each is then written by id inside
 * it. Work is bounded by the provider's number of items, not by its number of ratings.
 */
export async function copyReputationToOfferings(
  tx: TransactionPort,
  db: DatabasePort,
  providerId: string,
  reputation: Reputation,
  now: number,
): Promise<number> {
  const offerings = await db.find<StoredDocument>(
    COLLECTIONS.offerings,
    { providerId },
    { fields: ['_id'], limit: MAX_OFFERINGS_PER_PROVIDER },
  );
  const patch = offeringReputationPatch(reputation, now);
  for (const offering of offerings) await tx.update(COLLECTIONS.offerings, offering._id, patch);
  return offerings.length;
}

/**
 * Count one rating's stars in its provider's aggregates (atomic increments: constant work per rating), with
 * the reputation recomputed from them and copied to the offerings, in the caller's transaction. What
 * order.rate does for a rating that counts at once, and a worker's approval for one that was held.
 */
export async function countRatingStars(
  tx: TransactionPort,
  db: DatabasePort,
  providerId: string,
  stars: number,
  config: PlatformConfig,
  now: number,
): Promise<void> {
  const provider = await tx.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null) return;
  const _ = db.command;
  const inc = ratingIncrement(stars);
  const reputation = providerReputation(provider, config, {
    ratings: addRating(ratingAggregateOf(provider), stars),
  });
  await tx.update(COLLECTIONS.providers, provider._id, {
    ratingCount: _.inc(inc.ratingCount),
    ratingSum: _.inc(inc.ratingSum),
    [`starCounts.${inc.starIndex}`]: _.inc(1),
    ...providerReputationPatch(reputation, now),
  });
  await copyReputationToOfferings(tx, db, provider._id, reputation, now);
}
