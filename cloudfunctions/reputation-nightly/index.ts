/**
 * `reputation-nightly` (timer, 02:30 Asia/Shanghai): recount every provider's rating and follow-up aggregates
 * from all ratings and correct any drift of the incremental updates, recording each correction.
 *
 * The use case checks one batch of providers per call and answers where to continue; the trigger fires once
 * a night, so one run goes through every batch (otherwise only the first `timerBatchSize` providers, by `_id`,
 * would ever be recounted).
 */
import { nightlyRecount } from '../../core/orders/nightly-recount.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction(
  {},
  {
    timer: async (ctx) => {
      let checked = 0;
      let batches = 0;
      const corrected: { providerId: string; drift: readonly string[] }[] = [];
      const skipped: string[] = [];
      let cursor: string | null = null;
      do {
        const batch = await nightlyRecount({ ...ctx, cursor });
        batches += 1;
        checked += batch.checked;
        corrected.push(...batch.corrected);
        skipped.push(...batch.skipped);
        cursor = batch.nextCursor;
      } while (cursor !== null);
      return { checked, batches, corrected, skipped, nextCursor: null };
    },
  },
);
