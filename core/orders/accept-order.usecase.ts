/** order.accept: a staff member of the order's provider takes the job; the resident is told. */
import { parseCommand } from '../schemas/command.parser';
import { orderAcceptSchema } from '../schemas/order.schema';
import { DEFAULT_ORDER_LOOP_CONFIG } from './order-loop.config';
import type { UseCaseInput } from './order-loop.ports';
import { runOrderCommand } from './order-command.runner';
import { ORDER_STATUS_PHRASES, orderStatusMessage, sendAll } from './order-messages.builder';
import type { OrderStepResult } from './order-step.result';
import { applyOrderStep, loadOrder } from './order-transition';

export async function acceptOrder(input: UseCaseInput): Promise<OrderStepResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_ORDER_LOOP_CONFIG;
  const command = parseCommand(orderAcceptSchema, input.command);
  return runOrderCommand(ports, actor, 'order.accept', command, async ({ tx, now, afterCommit }) => {
    const order = await loadOrder(tx, command.orderId);
    const { event } = await applyOrderStep({
      tx,
      ids: ports.ids,
      actor,
      order,
      to: 'accepted',
      now,
      patch: { handlerOpenid: actor.openid, acceptedAt: now },
    });
    afterCommit(async () => {
      await sendAll(ports.notifier, [orderStatusMessage(config, order, ORDER_STATUS_PHRASES.accepted, now)]);
    });
    return { orderId: order._id, status: event.to, statusChangedAt: now };
  });
}
