/**
 * order.accept: a staff member of the order's provider takes the job; the resident is told. An urgent request
 * (紧急求助) is then handled: it leaves the workers' queue, or never enters it.
 */
import { MATCHABLE_PROVIDER_STATUSES } from '../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Provider } from '../model/provider.model';
import { parseCommand } from '../schemas/command.parser';
import { orderLoopError } from './order-loop.errors';
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
    async ({ tx, actor, config, order, now, apply, notify }) => {
      // A suspended provider serves nobody: its waiting jobs are re-offered by order-timers.
      const provider = await tx.get<Provider>(COLLECTIONS.providers, order.providerId);
      if (provider === null || !MATCHABLE_PROVIDER_STATUSES.includes(provider.status)) {
        throw orderLoopError('PROVIDER_NOT_ACCEPTING', { providerId: order.providerId });
      }
      const { event } = await apply({
        to: 'accepted',
        patch: {
          handlerOpenid: actor.openid,
          acceptedAt: now,
          ...(order.urgent !== undefined && order.urgent.state !== 'handled'
            ? {
                'urgent.state': 'handled',
                'urgent.resolution': 'accepted',
                'urgent.handledAt': now,
                'urgent.handledBy': actor.openid,
              }
            : {}),
        },
      });
      await notify([orderStatusMessage(config, order, ORDER_STATUS_PHRASES.accepted, now)]);
      return { orderId: order._id, status: event.to, statusChangedAt: now };
    },
  );
}
