/**
 * order.cancel: the resident cancels before acceptance (no reason needed); after acceptance the resident or
 * the provider's staff may still call it off, with a reason (the life cycle decides which). A cancellation
 * by the provider is sent to the resident.
 */
import { parseCommand } from '../schemas/command.parser';
import { orderCancelSchema } from '../schemas/order.schema';
import { DEFAULT_ORDER_LOOP_CONFIG } from './order-loop.config';
import type { UseCaseInput } from './order-loop.ports';
import { runOrderCommand } from './order-command.runner';
import { ORDER_STATUS_PHRASES, orderStatusMessage, sendAll } from './order-messages.builder';
import type { OrderStepResult } from './order-step.result';
import { applyOrderStep, loadOrder } from './order-transition';

export async function cancelOrder(input: UseCaseInput): Promise<OrderStepResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_ORDER_LOOP_CONFIG;
  const command = parseCommand(orderCancelSchema, input.command);
  return runOrderCommand(ports, actor, 'order.cancel', command, async ({ tx, now, afterCommit }) => {
    const order = await loadOrder(tx, command.orderId);
    const { event } = await applyOrderStep({
      tx,
      ids: ports.ids,
      actor,
      order,
      to: 'cancelled',
      now,
      reason: command.reason,
    });
    if (event.actor.role === 'provider_staff') {
      afterCommit(async () => {
        await sendAll(ports.notifier, [
          orderStatusMessage(config, order, ORDER_STATUS_PHRASES.cancelled, now),
        ]);
      });
    }
    return { orderId: order._id, status: event.to, statusChangedAt: now };
  });
}
