/** order.accept: a staff member of the order's provider takes the job; the resident is told. */
import { parseCommand } from '../schemas/command.parser';
import { orderAcceptSchema } from '../schemas/order.schema';
import type { UseCaseInput } from '../kernel/use-case';
import { ORDER_STATUS_PHRASES, orderStatusMessage } from './order-messages.builder';

import { runOrderStep } from './order-transition';
import type { OrderStepResult } from './order.replies';

export async function acceptOrder(input: UseCaseInput): Promise<OrderStepResult> {
  const command = parseCommand(orderAcceptSchema, input.command);
  return runOrderStep(
    input,
    'order.accept',
    command,
    async ({ actor, config, order, now, apply, notify }) => {
      const { event } = await apply({
        to: 'accepted',
        patch: { handlerOpenid: actor.openid, acceptedAt: now },
      });
      await notify([orderStatusMessage(config, order, ORDER_STATUS_PHRASES.accepted, now)]);
      return { orderId: order._id, status: event.to, statusChangedAt: now };
    },
  );
}
