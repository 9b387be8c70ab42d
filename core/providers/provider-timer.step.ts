/**
 * One step of `provider-timers` (core/providers/provider-timer.usecase.ts runs them): what it did, by name
 * (counts), and whether a batch was full. Its own file so the steps and the runner import each other in one
 * direction only.
 */
import type { TimerRun } from '../kernel/timer-run';

export interface ProviderTimerStepResult {
  readonly counts: Readonly<Record<string, number>>;
  readonly hasMore: boolean;
}

export type ProviderTimerStep = (run: TimerRun) => Promise<ProviderTimerStepResult>;
