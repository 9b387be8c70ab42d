/**
 * order.decline: a staff member of the order's provider turns the job down with a reason. The resident is
 * told and offered the next provider of the same match (stored on the order as `nextOffer`).
 */
import { parseCommand } from '../schemas/command.parser';
import { orderDeclineSchema } from '../schemas/order.schema';
import { DEFAULT_ORDER_LOOP_CONFIG } from './order-loop.config';
import type { UseCaseInput } from './order-loop.ports';
import { runOrderCommand } from './order-command.runner';
import { ORDER_STATUS_PHRASES, orderStatusMessage, sendAll } from './order-messages.builder';
import { keepMatchOpenForReoffer, nextOfferFor } from './next-offer.policy';
import type { OrderEndedResult } from './order-step.result';
import { applyOrderStep, loadOrder } from './order-transition';

export async function declineOrder(input: UseCaseInput): Promise<OrderEndedResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_ORDER_LOOP_CONFIG;
  const command = parseCommand(orderDeclineSchema, input.command);
  return runOrderCommand(ports, actor, 'order.decline', command, async ({ tx, now, afterCommit }) => {
    const order = await loadOrder(tx, command.orderId);
    const nextOffer = await nextOfferFor(ports.db, order);
    const { event } = await applyOrderStep({
      tx,
      ids: ports.ids,
      actor,
      order,
      to: 'declined',
      now,
      reason: command.reason,
      patch: { nextOffer },
      details: { nextProviderId: nextOffer?.providerId ?? null },
    });
    if (nextOffer !== null) await keepMatchOpenForReoffer(tx, order, now, config);
    afterCommit(async () => {
      await sendAll(ports.notifier, [orderStatusMessage(config, order, ORDER_STATUS_PHRASES.declined, now)]);
    });
    return { orderId: order._id, status: event.to, statusChangedAt: now, nextOffer };
  });
}
