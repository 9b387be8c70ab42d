/**
 * The one step two timers share: an order that will not be answered (its time ran out, or its provider stopped
 * being offered) expires by the system with the reason on its timeline, keeps its match open for the next offer,
 * and the resident is told (TPL_ORDER_STATUS) and offered the next provider of the same match (`nextOffer`). An
 * accepted order of a provider that stopped serving ends the same way, cancelled instead of expired.
 * Inside the caller's transaction; the messages are delivered by the caller after the commit.
 */
import type { Actor } from '../auth/roles';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import type { PlatformPorts } from '../kernel/use-case';
import { enqueueMessages } from '../messaging/message-outbox';
import type { Order } from '../model/order.model';
import type { MatchCandidate, OutboxMessage } from '../model/platform.model';
import { keepMatchOpenForReoffer, nextOfferFor } from './next-offer.policy';
import { ORDER_STATUS_PHRASES, orderStatusMessage } from './order-messages.builder';
import { applyOrderStep } from './order-transition';

export interface ExpiredAndReoffered {
  readonly order: Order;
  readonly nextOffer: MatchCandidate | null;
  /** Stored in the outbox; deliver them once the transaction has committed. */
  readonly messages: OutboxMessage[];
}

export interface ReofferStep {
  readonly ports: PlatformPorts;
  readonly db: DatabasePort;
  readonly tx: TransactionPort;
  readonly actor: Actor;
  readonly config: PlatformConfig;
  readonly now: number;
}

export function expireAndReoffer(
  step: ReofferStep,
  order: Order,
  reason: string | null,
): Promise<ExpiredAndReoffered> {
  return endAndReoffer(step, order, 'expired', reason);
}

/** The order ends (`expired` while waiting, `cancelled` once accepted) and the next provider is offered. */
export async function endAndReoffer(
  step: ReofferStep,
  order: Order,
  to: 'expired' | 'cancelled',
  reason: string | null,
): Promise<ExpiredAndReoffered> {
  const { ports, db, tx, actor, config, now } = step;
  const nextOffer = await nextOfferFor(db, order);
  if (nextOffer !== null) await keepMatchOpenForReoffer(tx, order, now, config);
  await applyOrderStep({
    tx,
    ids: ports.ids,
    actor,
    order,
    to,
    now,
    reason,
    patch: { nextOffer },
    details: { nextProviderId: nextOffer?.providerId ?? null },
  });
  const messages = await enqueueMessages(
    tx,
    ports.ids,
    order._id,
    [orderStatusMessage(config, order, ORDER_STATUS_PHRASES[to], now)],
    now,
  );
  return { order, nextOffer, messages };
}
