/**
 * `concern-timers` (timer, every 10 minutes): push concerns nobody claimed in time one level up (community ->
 * street -> county -> city) and tell that level; remind joint-meeting offices of overdue department tasks and
 * refer the concern up past the second deadline; close confirmed concerns and those the resident never
 * confirmed ("not confirmed"). Idempotent: a timer delivered twice does nothing twice (decision 0003).
 */
import { concernTimer } from '../../core/concerns/concern-timer.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({}, { timer: async (ctx) => concernTimer(ctx) });
