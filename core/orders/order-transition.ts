/**
 * One step of an order's life cycle inside a transaction: read the order, let the life cycle check the step
 * and the actor (table + authorization matrix), write the new status with the step's own fields, append the
 * event. The transaction's conflict check is the compare-and-set: two racing steps cannot both commit.
 */
import type { AccessTarget } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { ORDER_LIFECYCLE, type OrderStatus } from '../lifecycle/order.lifecycle';
import type { TransitionResult } from '../lifecycle/state-machine';
import { COLLECTIONS } from '../model/collections.model';
import type { Patch, TransactionPort } from '../shared/database.port';
import type { IdGenerator } from '../shared/ports';
import { orderLoopError } from './order-loop.errors';
import { recordEvent } from './order-command.runner';
import type { OrderRecord } from './order-record.model';

export async function loadOrder(tx: TransactionPort, orderId: string): Promise<OrderRecord> {
  const order = await tx.get<OrderRecord>(COLLECTIONS.orders, orderId);
  if (order === null) throw orderLoopError('ORDER_NOT_FOUND', { orderId });
  return order;
}

/** What the authorization matrix checks an order against. */
export function orderTarget(
  order: Pick<OrderRecord, 'residentOpenid' | 'providerId' | 'orgPath'>,
): AccessTarget {
  return { ownerOpenid: order.residentOpenid, providerId: order.providerId, orgPath: order.orgPath };
}

export interface OrderStep {
  readonly tx: TransactionPort;
  readonly ids: IdGenerator;
  readonly actor: Actor;
  readonly order: OrderRecord;
  readonly to: OrderStatus;
  readonly now: number;
  readonly reason?: string | null;
  /** The step's own fields (acceptedAt, doneAt...). */
  readonly patch?: Patch;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Authorize, transition, write, record. Returns the life cycle's result (the event and the rule applied). */
export async function applyOrderStep(step: OrderStep): Promise<TransitionResult<OrderRecord, OrderStatus>> {
  const result = ORDER_LIFECYCLE.authorizeAndTransition(
    step.actor,
    step.order,
    step.to,
    orderTarget(step.order),
    step.now,
    step.reason,
    step.details,
  );
  await step.tx.update(COLLECTIONS.orders, step.order._id, {
    ...step.patch,
    status: result.entity.status,
    statusChangedAt: step.now,
    updatedAt: step.now,
  });
  await recordEvent(step.tx, step.ids, step.order.orgPath, result.event);
  return result;
}
