/**
 * `provider-timers` (timer, every 10 minutes): the clocks of provider governance: the end of an application's
 * public notice, the 差评 follow-up tickets' deadlines, rectification deadlines and the red-star board's
 * refresh (core/providers/provider-timer.usecase.ts). Idempotent: a timer delivered twice does nothing twice
 * (decision 0003).
 */
import { providerTimer } from '../../core/providers/provider-timer.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({}, { timer: async (ctx) => providerTimer(ctx) });
