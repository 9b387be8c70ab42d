/**
 * Timer (part of `order-timers`): send the subscribe messages still pending in the outbox, those whose send
 * after the commit never happened (the function stopped) or failed for a moment (WeChat busy), and take back
 * claims left unfinished. Acts as the platform only; idempotent like every timer job (decision 0003).
 */
import { redeliverMessages, type DeliveryReport } from '../messaging/message-outbox';
import { startTimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';

export type ResendMessagesResult = DeliveryReport & { readonly reclaimed: number; readonly hasMore: boolean };

export async function resendMessages(input: TimerInput): Promise<ResendMessagesResult> {
  const { ports, db, now } = startTimerRun(input);
  return redeliverMessages(db, ports.notifier, now);
}
