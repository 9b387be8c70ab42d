/**
 * order.cancel: the resident cancels before acceptance (no reason needed); after acceptance the resident or
 * the provider's staff may still call it off, with a reason (the life cycle decides which). A cancellation
 * by the provider is sent to the resident. The reason, which the other side reads, goes through content
 * security once the step is known to be allowed (CANCEL_REASON_RISKY; held for review otherwise). A worker
 * cancels for the resident only an order a worker placed for them (代下单; otherwise the matrix's refusal).
 */
import { parseCommand } from '../schemas/command.parser';
import { orderCancelSchema } from '../schemas/order.schema';
import type { UseCaseInput } from '../kernel/use-case';
import { ORDER_STATUS_PHRASES, orderStatusMessage } from './order-messages.builder';

import {
  holdReasonIfFlagged,
  requirePlacedForResident,
  runOrderStep,
  type StepScreening,
} from './order-transition';
import type { OrderStepResult } from './order.replies';

export async function cancelOrder(input: UseCaseInput): Promise<OrderStepResult> {
  const command = parseCommand(orderCancelSchema, input.command);
  const screening: StepScreening = {
    texts: [{ kind: 'cancel_reason', text: command.reason }],
    to: () => 'cancelled',
  };
  return runOrderStep(
    input,
    'order.cancel',
    command,
    async (ctx) => {
      const { config, order, now, apply, notify } = ctx;
      const patch = await holdReasonIfFlagged(ctx, 'cancel_reason', command.reason);
      const urgentEnds =
        order.urgent !== undefined && order.urgent.state !== 'handled'
          ? { 'urgent.state': 'handled', 'urgent.resolution': 'resolved', 'urgent.handledAt': now }
          : {};
      const { event } = await apply({
        to: 'cancelled',
        reason: command.reason,
        patch: { ...patch, ...urgentEnds },
      });
      requirePlacedForResident(ctx.actor, event.actor.role, order, 'order.cancel');
      if (event.actor.role === 'provider_staff') {
        await notify([orderStatusMessage(config, order, ORDER_STATUS_PHRASES.cancelled, now)]);
      }
      return { orderId: order._id, status: event.to, statusChangedAt: now };
    },
    screening,
  );
}
