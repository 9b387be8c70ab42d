/**
 * `order-timers` (timer, every 5 minutes): put urgent requests (紧急求助) nobody accepted within their limit in
 * the community workers' queue; expire unanswered orders and offer the next provider; end the waiting orders of
 * providers no longer offered (suspended, rectifying...) and offer the next; remind staff of follow-ups due and
 * mark overdue ones; close orders left waiting; send the subscribe messages still pending in the outbox. Each
 * job is idempotent (decision 0003).
 */
import { closeStaleOrders } from '../../core/orders/close-stale-orders.usecase';
import { expireOrders } from '../../core/orders/expire-orders.usecase';
import { followUpTimer } from '../../core/orders/follow-up-timer.usecase';
import { releaseStoppedProviderOrders } from '../../core/orders/release-stopped-provider-orders.usecase';
import { resendMessages } from '../../core/orders/resend-messages.usecase';
import { queueUnansweredUrgentOrders } from '../../core/orders/urgent-timer.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction(
  {},
  {
    timer: async (ctx) => ({
      urgent: await queueUnansweredUrgentOrders(ctx),
      expired: await expireOrders(ctx),
      released: await releaseStoppedProviderOrders(ctx),
      followUps: await followUpTimer(ctx),
      closed: await closeStaleOrders(ctx),
      messages: await resendMessages(ctx),
    }),
  },
);
