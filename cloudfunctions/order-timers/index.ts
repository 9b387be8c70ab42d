/**
 * `order-timers` (timer, every 5 minutes): expire unanswered orders and offer the next provider, remind staff
 * of follow-ups due and mark overdue ones, close orders left waiting, and send the subscribe messages still
 * pending in the outbox. Each job is idempotent (decision 0003).
 */
import { closeStaleOrders } from '../../core/orders/close-stale-orders.usecase';
import { expireOrders } from '../../core/orders/expire-orders.usecase';
import { followUpTimer } from '../../core/orders/follow-up-timer.usecase';
import { resendMessages } from '../../core/orders/resend-messages.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction(
  {},
  {
    timer: async (ctx) => ({
      expired: await expireOrders(ctx),
      followUps: await followUpTimer(ctx),
      closed: await closeStaleOrders(ctx),
      messages: await resendMessages(ctx),
    }),
  },
);
