/**
 * `volunteer-timers` (timer, every 10 minutes): remind the signed-up before an activity starts (once), finish
 * the activities past their end, and remind an organiser once of hours still unconfirmed a day after the end.
 * Idempotent: a timer delivered twice does nothing twice (decision 0003).
 */
import { volunteerTimer } from '../../core/volunteers/activity-timer.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({}, { timer: async (ctx) => volunteerTimer(ctx) });
