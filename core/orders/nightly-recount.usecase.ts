/**
 * Nightly timer: recompute every provider's rating and follow-up aggregates from all its ratings and
 * follow-ups, correct any drift from the incremental updates, record each correction (`aggregate_corrections`)
 * and refresh the reputation copies on the provider's offerings.
 *
 * One run handles one batch of providers in `_id` order and answers the cursor to continue from, so a long
 * recount shows progress and survives the function's time limit. A provider whose aggregates change while
 * it is being recounted (a rating arrives) is skipped this night rather than corrected from a stale count:
 * its record is read before and after the recount and written in a transaction that checks it again.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { FollowUp, Rating } from '../model/order.model';
import type { AggregateCorrection, Provider } from '../model/provider.model';
import {
  ratingAggregateDrift,
  recomputeFollowUpAggregate,
  recomputeRatingAggregate,
  type FollowUpAggregate,
  type RatingAggregate,
} from '../reputation/ratings.aggregate';
import { MAX_QUERY_LIMIT, type DatabasePort, type StoredDocument, type Where } from '../kernel/database.port';
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import {
  followUpAggregateOf,
  providerReputation,
  providerReputationPatch,
  ratingAggregateOf,
  copyReputationToOfferings,
  offeringReputationPatch,
  PROVIDER_AGGREGATE_FIELDS,
  type ProviderAggregateFields,
} from '../reputation/provider-reputation';

export interface NightlyRecountInput extends TimerInput {
  /** Continue after this provider `_id` (the previous run's `nextCursor`); absent: from the start. */
  readonly cursor?: string | null;
}

export interface NightlyRecountResult {
  readonly checked: number;
  readonly corrected: readonly { readonly providerId: string; readonly drift: readonly string[] }[];
  /** Providers whose aggregates changed during their recount (left for the next night). */
  readonly skipped: readonly string[];
  /** Where the next run continues; null when every provider has been checked. */
  readonly nextCursor: string | null;
}

type AggregateRow = StoredDocument &
  ProviderAggregateFields &
  Pick<Provider, 'orgPath' | 'reputation' | 'starLevel'>;

const AGGREGATE_FIELDS = ['orgPath', ...PROVIDER_AGGREGATE_FIELDS, 'reputation', 'starLevel'];

/** Every document matching `where`, in `_id` pages (a cursor, not skip, so each page is an index range). */
async function readAll<T extends StoredDocument>(
  db: DatabasePort,
  collection: string,
  where: Where,
  fields: readonly string[],
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: T[] = await db.find<T>(
      collection,
      after === null ? where : { ...where, _id: db.command.gt(after) },
      { orderBy: [['_id', 'asc']], limit: MAX_QUERY_LIMIT, fields },
    );
    out.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return out;
    after = page[page.length - 1]!._id;
  }
}

export function followUpDrift(stored: FollowUpAggregate, recomputed: FollowUpAggregate): string[] {
  const drift: string[] = [];
  if (stored.due !== recomputed.due) drift.push('followUpsDue');
  if (stored.onTime !== recomputed.onTime) drift.push('followUpsOnTime');
  return drift;
}

function sameAggregates(a: ProviderAggregateFields, b: ProviderAggregateFields): boolean {
  return (
    ratingAggregateDrift(ratingAggregateOf(a), ratingAggregateOf(b)).length === 0 &&
    followUpDrift(followUpAggregateOf(a), followUpAggregateOf(b)).length === 0
  );
}

export async function nightlyRecount(input: NightlyRecountInput): Promise<NightlyRecountResult> {
  const { ports, db, config, now } = startTimerRun(input);
  const _ = db.command;
  const batch = config.timerBatchSize;

  const providers = await db.find<AggregateRow>(
    COLLECTIONS.providers,
    input.cursor === undefined || input.cursor === null ? {} : { _id: _.gt(input.cursor) },
    { orderBy: [['_id', 'asc']], limit: batch, fields: AGGREGATE_FIELDS },
  );

  const corrected: { providerId: string; drift: string[] }[] = [];
  const skipped: string[] = [];
  for (const before of providers) {
    const ratings = await readAll<Pick<Rating, '_id' | 'stars'>>(
      db,
      COLLECTIONS.ratings,
      { providerId: before._id },
      ['stars'],
    );
    // Counted follow-ups: recorded (on time or late) or marked overdue; pending ones have onTime null.
    const followUps = await readAll<Pick<FollowUp, '_id' | 'onTime'>>(
      db,
      COLLECTIONS.followUps,
      { providerId: before._id, onTime: _.in([true, false]) },
      ['onTime'],
    );
    const recomputedRatings: RatingAggregate = recomputeRatingAggregate(ratings);
    const recomputedFollowUps = recomputeFollowUpAggregate(
      followUps.map((f) => ({ onTime: f.onTime === true })),
    );
    const after = await db.get<AggregateRow>(COLLECTIONS.providers, before._id);
    if (after === null) continue;
    if (!sameAggregates(before, after)) {
      skipped.push(before._id);
      continue;
    }
    const drift = [
      ...ratingAggregateDrift(ratingAggregateOf(after), recomputedRatings),
      ...followUpDrift(followUpAggregateOf(after), recomputedFollowUps),
    ];
    const reputation = providerReputation(after, config, {
      ratings: recomputedRatings,
      followUps: recomputedFollowUps,
    });
    const stale = reputation.score !== after.reputation || reputation.starLevel !== after.starLevel;

    if (drift.length > 0 || stale) {
      const written = await db.runTransaction(async (tx) => {
        const current = await tx.get<AggregateRow>(COLLECTIONS.providers, before._id);
        if (current === null || !sameAggregates(current, after)) return false;
        await tx.update(COLLECTIONS.providers, before._id, {
          ratingCount: recomputedRatings.ratingCount,
          ratingSum: recomputedRatings.ratingSum,
          starCounts: recomputedRatings.starCounts,
          followUpsDue: recomputedFollowUps.due,
          followUpsOnTime: recomputedFollowUps.onTime,
          ...providerReputationPatch(reputation, now),
        });
        await copyReputationToOfferings(tx, db, before._id, reputation, now);
        if (drift.length > 0) {
          const correction: AggregateCorrection = {
            _id: ports.ids.next(),
            providerId: before._id,
            orgPath: after.orgPath,
            drift,
            stored: { ratings: ratingAggregateOf(after), followUps: followUpAggregateOf(after) },
            recomputed: { ratings: recomputedRatings, followUps: recomputedFollowUps },
            at: now,
          };
          await tx.insert(COLLECTIONS.aggregateCorrections, correction);
        }
        return true;
      });
      if (!written) {
        skipped.push(before._id);
        continue;
      }
      if (drift.length > 0) corrected.push({ providerId: before._id, drift });
    } else {
      // The provider is right; make sure no offering kept an old copy (e.g. written by an import).
      await db.updateWhere(
        COLLECTIONS.offerings,
        { providerId: before._id, reputation: _.neq(reputation.score) },
        offeringReputationPatch(reputation, now),
      );
    }
  }

  return {
    checked: providers.length,
    corrected,
    skipped,
    nextCursor: providers.length === batch ? providers[providers.length - 1]!._id : null,
  };
}
