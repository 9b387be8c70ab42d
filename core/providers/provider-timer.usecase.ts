/**
 * `provider-timers`: the clocks of provider governance (docs/governance.md), one run every 10 minutes. Each
 * step is idempotent (decision 0003): a timer delivered twice does nothing twice. The steps, in order:
 * - the public notice (公示) of applications ending: the applicant is told to sign the agreement;
 * - 差评 follow-up tickets: contact and fix deadlines passing are marked overdue and the unit's workers told;
 * - rectification deadlines reached: the re-check falls due and the evaluating unit is told;
 * - the red-star board refreshed from the providers' current standing.
 */
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import { applicationNoticeStep } from './application-notice.timer';
import { feedbackTicketStep } from './feedback-timer';
import { rectificationStep } from './evaluation-rectification-step';
import { boardStep } from './red-star-board';
import type { ProviderTimerStep } from './provider-timer.step';

/** The steps, in the order they run (each capability adds its own). */
const STEPS: readonly (readonly [string, ProviderTimerStep])[] = [
  ['notice', applicationNoticeStep],
  ['tickets', feedbackTicketStep],
  ['rectification', rectificationStep],
  ['board', boardStep],
];

export interface ProviderTimerResult {
  /** Per step, what it did. */
  readonly steps: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly hasMore: boolean;
}

/** One run of `provider-timers`. */
export async function providerTimer(input: TimerInput): Promise<ProviderTimerResult> {
  const run = startTimerRun(input);
  const steps: Record<string, Readonly<Record<string, number>>> = {};
  let hasMore = false;
  for (const [name, step] of STEPS) {
    const result = await step(run);
    steps[name] = result.counts;
    hasMore ||= result.hasMore;
  }
  return { steps, hasMore };
}
