/**
 * order.decline: a staff member of the order's provider turns the job down with a reason. The resident is
 * told and offered the next provider of the same match (stored on the order as `nextOffer`). The reason,
 * which the resident reads, goes through content security once the step is known to be allowed
 * (DECLINE_REASON_RISKY; held for review otherwise).
 */
import { parseCommand } from '../schemas/command.parser';
import { orderDeclineSchema } from '../schemas/order.schema';
import type { UseCaseInput } from '../kernel/use-case';
import { ORDER_STATUS_PHRASES, orderStatusMessage } from './order-messages.builder';
import { keepMatchOpenForReoffer, nextOfferFor } from './next-offer.policy';

import { holdReasonIfFlagged, runOrderStep } from './order-transition';
import type { OrderEndedResult } from './order.replies';

export async function declineOrder(input: UseCaseInput): Promise<OrderEndedResult> {
  const command = parseCommand(orderDeclineSchema, input.command);
  return runOrderStep(
    input,
    'order.decline',
    command,
    async (ctx) => {
      const { ports, config, tx, order, now, apply, notify } = ctx;
      const nextOffer = await nextOfferFor(ports.db, order);
      const held = await holdReasonIfFlagged(ctx, 'decline_reason', command.reason);
      const { event } = await apply({
        to: 'declined',
        reason: command.reason,
        patch: { nextOffer, ...held },
        details: { nextProviderId: nextOffer?.providerId ?? null },
      });
      if (nextOffer !== null) await keepMatchOpenForReoffer(tx, order, now, config);
      await notify([orderStatusMessage(config, order, ORDER_STATUS_PHRASES.declined, now)]);
      return { orderId: order._id, status: event.to, statusChangedAt: now, nextOffer };
    },
    { texts: [{ kind: 'decline_reason', text: command.reason }], to: () => 'declined' },
  );
}
