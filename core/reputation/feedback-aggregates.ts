/**
 * The aggregate changes of the 差评 follow-up, appeals and complaints (docs/reputation.md), each in the
 * caller's transaction with atomic increments, the reputation recomputed from the aggregates it now holds and
 * copied to the provider's offerings (what matching reads), like `countRatingStars`:
 * - a second rating (rating.rerate) replaces the first one's stars: `starCounts` moves one rating between two
 *   entries, `ratingSum` changes by the difference, `ratingCount` stays;
 * - an upheld appeal takes a rating out: count, sum and its star entry decremented;
 * - an upheld complaint adds one to `upheldComplaints` (the formula's complaint part).
 * The nightly recount (core/orders/nightly-recount.usecase.ts) agrees: it counts each rating's current stars
 * and leaves out ratings with `counted: false`, which an upheld appeal sets.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { Provider } from '../model/provider.model';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import {
  copyReputationToOfferings,
  providerReputation,
  providerReputationPatch,
  ratingAggregateOf,
} from './provider-reputation';
import { assertStars, ratingIncrement, type RatingAggregate } from './ratings.aggregate';
import type { Reputation } from './reputation.formula';

/** Take one rating of `stars` out of an aggregate (never below zero). */
export function removeRating(aggregate: RatingAggregate, stars: number): RatingAggregate {
  assertStars(stars);
  const starCounts = [...aggregate.starCounts] as [number, number, number, number, number];
  starCounts[stars - 1] = Math.max(0, starCounts[stars - 1]! - 1);
  return {
    ratingCount: Math.max(0, aggregate.ratingCount - 1),
    ratingSum: Math.max(0, aggregate.ratingSum - stars),
    starCounts,
  };
}

/** One rating's stars replaced by others (count unchanged). */
export function replaceRating(
  aggregate: RatingAggregate,
  oldStars: number,
  newStars: number,
): RatingAggregate {
  const inc = ratingIncrement(newStars);
  const removed = removeRating(aggregate, oldStars);
  const starCounts = [...removed.starCounts] as [number, number, number, number, number];
  starCounts[inc.starIndex] += 1;
  return {
    ratingCount: removed.ratingCount + 1,
    ratingSum: removed.ratingSum + inc.ratingSum,
    starCounts,
  };
}

async function refresh(
  tx: TransactionPort,
  db: DatabasePort,
  provider: Provider,
  patch: Record<string, unknown>,
  reputation: Reputation,
  now: number,
): Promise<Reputation> {
  await tx.update(COLLECTIONS.providers, provider._id, {
    ...patch,
    ...providerReputationPatch(reputation, now),
  });
  await copyReputationToOfferings(tx, db, provider._id, reputation, now);
  return reputation;
}

/** rating.rerate: the counted first rating's stars replaced by the second one's. Null: no such provider. */
export async function replaceCountedStars(
  tx: TransactionPort,
  db: DatabasePort,
  providerId: string,
  oldStars: number,
  newStars: number,
  config: PlatformConfig,
  now: number,
): Promise<Reputation | null> {
  const provider = await tx.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null) return null;
  const _ = db.command;
  const reputation = providerReputation(provider, config, {
    ratings: replaceRating(ratingAggregateOf(provider), oldStars, newStars),
  });
  const patch: Record<string, unknown> =
    oldStars === newStars
      ? {}
      : {
          ratingSum: _.inc(newStars - oldStars),
          [`starCounts.${oldStars - 1}`]: _.inc(-1),
          [`starCounts.${newStars - 1}`]: _.inc(1),
        };
  return refresh(tx, db, provider, patch, reputation, now);
}

/** rating.appeal.decide (upheld): a counted rating taken out of the aggregates. */
export async function removeCountedStars(
  tx: TransactionPort,
  db: DatabasePort,
  providerId: string,
  stars: number,
  config: PlatformConfig,
  now: number,
): Promise<Reputation | null> {
  const provider = await tx.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null) return null;
  const _ = db.command;
  const reputation = providerReputation(provider, config, {
    ratings: removeRating(ratingAggregateOf(provider), stars),
  });
  return refresh(
    tx,
    db,
    provider,
    { ratingCount: _.inc(-1), ratingSum: _.inc(-stars), [`starCounts.${stars - 1}`]: _.inc(-1) },
    reputation,
    now,
  );
}

/** complaint.decide (upheld): one more upheld complaint, the reputation's complaint part with it. */
export async function countUpheldComplaint(
  tx: TransactionPort,
  db: DatabasePort,
  providerId: string,
  config: PlatformConfig,
  now: number,
): Promise<Reputation | null> {
  const provider = await tx.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null) return null;
  const reputation = providerReputation(
    { ...provider, upheldComplaints: (provider.upheldComplaints ?? 0) + 1 },
    config,
  );
  return refresh(tx, db, provider, { upheldComplaints: db.command.inc(1) }, reputation, now);
}
