/**
 * One step of an order's life cycle inside a transaction: read the order, let the life cycle check the step
 * and the actor (table + authorization matrix), write the new status with the step's own fields, append the
 * event. The transaction's conflict check is the compare-and-set: two racing steps cannot both commit.
 * `runOrderStep` is the whole of a one-order command around it (accept, cancel, decline, done, follow-up,
 * rate): idempotent transaction, the order loaded, the step applied, messages after the commit.
 */
import type { AccessTarget } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { ORDER_LIFECYCLE, type OrderStatus } from '../lifecycle/order.lifecycle';
import type { TransitionResult } from '../lifecycle/state-machine';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { CommandName } from '../schemas/commands.registry';
import type { Patch, TransactionPort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { IdGenerator } from '../kernel/ports';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import { orderLoopError } from './order-loop.errors';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import {
  recordEvent,
  runCommand,
  type CommandTransaction,
  type WritingCommand,
} from '../kernel/command.runner';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';

export async function loadOrder(tx: TransactionPort, orderId: string): Promise<Order> {
  const order = await tx.get<Order>(COLLECTIONS.orders, orderId);
  if (order === null) throw orderLoopError('ORDER_NOT_FOUND', { orderId });
  return order;
}

/** What the authorization matrix checks an order against. */
export function orderTarget(order: Pick<Order, 'residentOpenid' | 'providerId' | 'orgPath'>): AccessTarget {
  return { ownerOpenid: order.residentOpenid, providerId: order.providerId, orgPath: order.orgPath };
}

export interface OrderStep {
  readonly tx: TransactionPort;
  readonly ids: IdGenerator;
  readonly actor: Actor;
  readonly order: Order;
  readonly to: OrderStatus;
  readonly now: number;
  readonly reason?: string | null;
  /** The step's own fields (acceptedAt, doneAt...). */
  readonly patch?: Patch;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Authorize, transition, write, record. Returns the life cycle's result (the event and the rule applied). */
export async function applyOrderStep(step: OrderStep): Promise<TransitionResult<Order, OrderStatus>> {
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

/** What a one-order command works with inside its transaction. */
export interface OrderStepContext<C> extends CommandTransaction {
  readonly ports: PlatformPorts;
  readonly actor: Actor;
  readonly config: PlatformConfig;
  readonly command: C;
  /** The order named by `command.orderId`, as the transaction read it. */
  readonly order: Order;
  /** `applyOrderStep` for this order, actor and moment. */
  apply(
    step: Pick<OrderStep, 'to' | 'reason' | 'patch' | 'details'>,
  ): Promise<TransitionResult<Order, OrderStatus>>;
  /**
   * Write these subscribe messages to the outbox in the transaction and send them once it has committed
   * (never on a replay; the timer sends what this run could not: core/messaging/message-outbox.ts).
   */
  notify(messages: readonly SubscribeMessage[]): Promise<void>;
}

/**
 * A writing command on one order: in one idempotent transaction (runCommand), load the order (or
 * ORDER_NOT_FOUND) and run `work`, which applies the step. `command` is already validated, so input errors
 * come before anything else.
 */
export async function runOrderStep<C extends WritingCommand & { readonly orderId: string }, R>(
  input: UseCaseInput,
  name: CommandName,
  command: C,
  work: (ctx: OrderStepContext<C>) => Promise<R>,
): Promise<R> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  return runCommand(ports, actor, name, command, async (ctx) => {
    const order = await loadOrder(ctx.tx, command.orderId);
    return work({
      ...ctx,
      ports,
      actor,
      config,
      command,
      order,
      apply: (step) => applyOrderStep({ tx: ctx.tx, ids: ports.ids, actor, order, now: ctx.now, ...step }),
      notify: async (messages) => {
        const stored = await enqueueMessages(ctx.tx, ports.ids, order._id, messages, ctx.now);
        ctx.afterCommit(async () => {
          await deliverMessages(ports.db, ports.notifier, stored, ctx.now);
        });
      },
    });
  });
}
