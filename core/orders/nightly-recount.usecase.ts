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
import { startTimerRun, type TimerRun } from '../kernel/timer-run';
import type { Reputation } from '../reputation/reputation.formula';
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
  const run = startTimerRun(input);
  const { db, config } = run;
  const cursor = input.cursor ?? null;
  const providers = await db.find<AggregateRow>(
    COLLECTIONS.providers,
    cursor === null ? {} : { _id: db.command.gt(cursor) },
    { orderBy: [['_id', 'asc']], limit: config.timerBatchSize, fields: AGGREGATE_FIELDS },
  );
  const corrected: { providerId: string; drift: readonly string[] }[] = [];
  const skipped: string[] = [];
  for (const before of providers) {
    const outcome = await recountProvider(run, before);
    if (outcome === 'skipped') skipped.push(before._id);
    else if (outcome !== 'right') corrected.push({ providerId: before._id, drift: outcome.drift });
  }
  const full = providers.length === config.timerBatchSize;
  return {
    checked: providers.length,
    corrected,
    skipped,
    nextCursor: full ? providers[providers.length - 1]!._id : null,
  };
}

export interface RecountEveryProviderResult extends NightlyRecountResult {
  /** How many batches of `timerBatchSize` providers the run went through. */
  readonly batches: number;
}

/**
 * The `reputation-nightly` timer: every provider, batch after batch, in one run (the trigger fires once a
 * night, so stopping after the first batch would only ever recount the first providers by `_id`).
 */
export async function recountEveryProvider(input: TimerInput): Promise<RecountEveryProviderResult> {
  let checked = 0;
  let batches = 0;
  const corrected: NightlyRecountResult['corrected'][number][] = [];
  const skipped: string[] = [];
  let cursor: string | null = null;
  do {
    const batch: NightlyRecountResult = await nightlyRecount({ ...input, cursor });
    batches += 1;
    checked += batch.checked;
    corrected.push(...batch.corrected);
    skipped.push(...batch.skipped);
    cursor = batch.nextCursor;
  } while (cursor !== null);
  return { checked, batches, corrected, skipped, nextCursor: null };
}

/** What the recount found for one provider: right as stored, corrected (with what drifted), or skipped. */
type RecountOutcome = 'right' | 'skipped' | { readonly drift: readonly string[] };

/** Recount one provider from its ratings and follow-ups, and correct its record if it drifted. */
async function recountProvider(run: TimerRun, before: AggregateRow): Promise<RecountOutcome> {
  const { db, config } = run;
  const _ = db.command;
  // Stars held for a worker (`counted: false`) are not in the aggregates until approved.
  const ratings = (
    await readAll<Pick<Rating, '_id' | 'stars' | 'counted'>>(
      db,
      COLLECTIONS.ratings,
      { providerId: before._id },
      ['stars', 'counted'],
    )
  ).filter((r) => r.counted !== false);
  // Counted follow-ups: recorded (on time or late) or marked overdue; pending ones have onTime null.
  const followUps = await readAll<Pick<FollowUp, '_id' | 'onTime'>>(
    db,
    COLLECTIONS.followUps,
    { providerId: before._id, onTime: _.in([true, false]) },
    ['onTime'],
  );
  const recomputed: Recomputed = {
    ratings: recomputeRatingAggregate(ratings),
    followUps: recomputeFollowUpAggregate(followUps.map((f) => ({ onTime: f.onTime === true }))),
  };
  const after = await db.get<AggregateRow>(COLLECTIONS.providers, before._id);
  if (after === null) return 'right';
  if (!sameAggregates(before, after)) return 'skipped';
  const drift = [
    ...ratingAggregateDrift(ratingAggregateOf(after), recomputed.ratings),
    ...followUpDrift(followUpAggregateOf(after), recomputed.followUps),
  ];
  const reputation = providerReputation(after, config, recomputed);
  const stale = reputation.score !== after.reputation || reputation.starLevel !== after.starLevel;
  if (drift.length === 0 && !stale) {
    // The provider is right; make sure no offering kept an old copy (e.g. written by an import).
    await db.updateWhere(
      COLLECTIONS.offerings,
      { providerId: before._id, reputation: _.neq(reputation.score) },
      offeringReputationPatch(reputation, run.now),
    );
    return 'right';
  }
  const written = await writeCorrection(run, after, recomputed, reputation, drift);
  if (!written) return 'skipped';
  return drift.length > 0 ? { drift } : 'right';
}

interface Recomputed {
  readonly ratings: RatingAggregate;
  readonly followUps: FollowUpAggregate;
}

/**
 * Write the recounted aggregates, the fresh reputation and its copies, and the correction record, in one
 * transaction that checks the aggregates are still those recounted (false: a rating came in meanwhile).
 */
async function writeCorrection(
  run: TimerRun,
  after: AggregateRow,
  recomputed: Recomputed,
  reputation: Reputation,
  drift: readonly string[],
): Promise<boolean> {
  const { db, now, ports } = run;
  return db.runTransaction(async (tx) => {
    const current = await tx.get<AggregateRow>(COLLECTIONS.providers, after._id);
    if (current === null || !sameAggregates(current, after)) return false;
    await tx.update(COLLECTIONS.providers, after._id, {
      ratingCount: recomputed.ratings.ratingCount,
      ratingSum: recomputed.ratings.ratingSum,
      starCounts: recomputed.ratings.starCounts,
      followUpsDue: recomputed.followUps.due,
      followUpsOnTime: recomputed.followUps.onTime,
      ...providerReputationPatch(reputation, now),
    });
    await copyReputationToOfferings(tx, db, after._id, reputation, now);
    if (drift.length > 0) {
      const correction: AggregateCorrection = {
        _id: ports.ids.next(),
        providerId: after._id,
        orgPath: after.orgPath,
        drift: [...drift],
        stored: { ratings: ratingAggregateOf(after), followUps: followUpAggregateOf(after) },
        recomputed: { ratings: recomputed.ratings, followUps: recomputed.followUps },
        at: now,
      };
      await tx.insert(COLLECTIONS.aggregateCorrections, correction);
    }
    return true;
  });
}
