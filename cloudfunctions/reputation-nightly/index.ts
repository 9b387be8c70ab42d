/**
 * `reputation-nightly` (timer, 02:30 Asia/Shanghai): recount every provider's rating and follow-up aggregates
 * from all ratings and correct any drift of the incremental updates, recording each correction.
 */
import { recountEveryProvider } from '../../core/orders/nightly-recount.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({}, { timer: (ctx) => recountEveryProvider(ctx) });
