/**
 * `housekeeping` (timer, 03:40 Asia/Shanghai): remove rate-limit counters and ended console sessions past
 * their keeping time (core/housekeeping/housekeeping.usecase.ts).
 */
import { housekeeping } from '../../core/housekeeping/housekeeping.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({}, { timer: (ctx) => housekeeping(ctx) });
