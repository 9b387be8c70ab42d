/**
 * One step of an order's life cycle inside a transaction: read the order, let the life cycle check the step
 * and the actor (table + authorization matrix), write the new status with the step's own fields, append the
 * event. The transaction's conflict check is the compare-and-set: two racing steps cannot both commit.
 * `runOrderStep` is the whole of a one-order command around it (accept, cancel, decline, done, follow-up,
 * rate): idempotent transaction, the order loaded, the step applied, messages after the commit.
 *
 * An order the caller may not see (`order.view`) is ORDER_NOT_FOUND, exactly like an order that does not
 * exist: no answer tells a stranger that an order id is real. Free text the command carries goes through
 * content security only once the step is known to be allowed (`screen`).
 */
import { AUTH_ERROR_CODES, authorize, can, type AccessTarget } from '../auth/authorize';
import { DomainError } from '../kernel/errors';
import type { Actor } from '../auth/roles';
import { ORDER_LIFECYCLE, type OrderStatus } from '../lifecycle/order.lifecycle';
import type { TransitionResult } from '../lifecycle/state-machine';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { CommandName } from '../schemas/commands.registry';
import type { DatabasePort, Patch, TransactionPort } from '../kernel/database.port';
import type { HeldTextKind } from '../model/moderation.model';
import { moderationItem, screenTexts, type HeldSubject, type TextToScreen } from '../kernel/text-screening';
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
import { requireIdentity } from '../kernel/identity';

/**
 * A worker steps in for the resident (cancel, rate) only on an order a worker placed for one (代下单): the
 * life cycle lets the unit's workers make those steps, this keeps them to such orders. On any other order the
 * worker gets the matrix's refusal of the resident's own action (`action`), as before 代下单 existed. Called
 * in the step's transaction, so a refusal writes nothing.
 */
export function requirePlacedForResident(
  actor: Actor,
  role: string,
  order: Pick<Order, 'residentOpenid' | 'providerId' | 'orgPath' | 'placedBy'>,
  action: 'order.cancel' | 'order.rate',
): void {
  if (role === 'worker' && order.placedBy === undefined) {
    authorize(actor, action, orderTarget(order));
    // The matrix gives workers neither action; should it ever, the step is still not theirs here.
    throw new DomainError(AUTH_ERROR_CODES.outOfScope, '该订单不是工作人员代居民下的订单，不能代为操作');
  }
}

/** What the authorization matrix checks an order against. */
export function orderTarget(order: Pick<Order, 'residentOpenid' | 'providerId' | 'orgPath'>): AccessTarget {
  return { ownerOpenid: order.residentOpenid, providerId: order.providerId, orgPath: order.orgPath };
}

/** The order if it exists and the actor may see it; null for both "no such order" and "not yours". */
export function visibleOrNull(order: Order | null, actor: Actor): Order | null {
  return order !== null && can(actor, 'order.view', orderTarget(order)) ? order : null;
}

/** The order as the transaction reads it, or ORDER_NOT_FOUND (missing, or one the actor may not see). */
export async function loadOrder(
  tx: Pick<TransactionPort, 'get'>,
  actor: Actor,
  orderId: string,
): Promise<Order> {
  const order = visibleOrNull(await tx.get<Order>(COLLECTIONS.orders, orderId), actor);
  if (order === null) throw orderLoopError('ORDER_NOT_FOUND', { orderId });
  return order;
}

/**
 * What a command's free text needs before the transaction: the texts, and the status the step would move
 * the order to (from the order as read). `allowed` adds the command's own checks (e.g. not one's own
 * provider), as a yes or no.
 */
export interface StepScreening {
  readonly texts: readonly TextToScreen[];
  readonly to: (order: Order) => OrderStatus;
  readonly allowed?: (order: Order) => boolean;
}

function hasText(screening: StepScreening | undefined): screening is StepScreening {
  return screening !== undefined && screening.texts.some((t) => t.text.trim().length > 0);
}

/**
 * Screen the command's texts when, as the order stands, the step would be allowed: answers the kinds held
 * for review ([] when there is no text). A step that would be refused screens nothing (no quota spent on a
 * stranger; null) and leaves the refusal to the transaction, which decides again on what it reads (and
 * replays a repeated request).
 */
async function screenIfAllowed(
  db: DatabasePort,
  ports: Pick<PlatformPorts, 'contentSecurity'>,
  actor: Actor,
  orderId: string,
  screening: StepScreening | undefined,
): Promise<HeldTextKind[] | null> {
  if (!hasText(screening)) return [];
  const order = visibleOrNull(await db.get<Order>(COLLECTIONS.orders, orderId), actor);
  if (order === null || !stepAllowed(actor, order, screening)) return null;
  return screenTexts(ports, actor.openid, screening.texts);
}

function stepAllowed(actor: Actor, order: Order, screening: StepScreening): boolean {
  const step = ORDER_LIFECYCLE.checkStep(actor, order, screening.to(order), orderTarget(order));
  return step.ok && (screening.allowed === undefined || screening.allowed(order));
}

/**
 * In the transaction, the texts as screened before it; when they were not (the order has moved on since:
 * the step was refused then and is allowed now), screened here, once the step is known to be allowed on
 * the order the transaction read. A step refused here screens nothing: the work refuses it.
 */
async function screenedInTransaction(
  ports: Pick<PlatformPorts, 'contentSecurity'>,
  actor: Actor,
  order: Order,
  screening: StepScreening | undefined,
  before: HeldTextKind[] | null,
): Promise<HeldTextKind[]> {
  if (before !== null || !hasText(screening) || !stepAllowed(actor, order, screening)) return before ?? [];
  return screenTexts(ports, actor.openid, screening.texts);
}

/**
 * A step's reason (cancel, decline) as the order keeps it: the patch that marks it held when content
 * security asked for a review, with its moderation item written in the transaction.
 */
export async function holdReasonIfFlagged(
  ctx: {
    readonly tx: TransactionPort;
    readonly order: Order;
    readonly actor: Actor;
    readonly held: readonly HeldTextKind[];
    readonly now: number;
  },
  kind: 'cancel_reason' | 'decline_reason',
  reason: string,
): Promise<Patch> {
  const { tx, order, actor, held, now } = ctx;
  if (!held.includes(kind)) return {};
  const subject = { subject: 'orders', subjectId: order._id, orderId: order._id } as const;
  const texts = [{ kind, text: reason }];
  await insertHeldTexts(
    tx,
    { ...subject, orgPath: order.orgPath, authorOpenid: actor.openid },
    texts,
    held,
    now,
  );
  return { heldTexts: [...(order.heldTexts ?? []), kind] };
}

/** Insert the pending moderation item of each held text (`held`, of `texts`) in the transaction. */
export async function insertHeldTexts(
  tx: TransactionPort,
  subject: HeldSubject,
  texts: readonly TextToScreen[],
  held: readonly HeldTextKind[],
  now: number,
): Promise<void> {
  for (const { kind, text } of texts) {
    if (held.includes(kind)) {
      await tx.insert(
        COLLECTIONS.moderationItems,
        moderationItem(subject, kind, text, 'content_review', now),
      );
    }
  }
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
  /** The command's texts content security held for review (see `StepScreening`); empty: none. */
  readonly held: readonly HeldTextKind[];
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
 * A writing command on one order: its texts screened when the step is allowed (`screening`), then in one
 * idempotent transaction (runCommand) load the order (or ORDER_NOT_FOUND) and run `work`, which applies the
 * step. `command` is already validated, so input errors come before anything else.
 */
export async function runOrderStep<C extends WritingCommand & { readonly orderId: string }, R>(
  input: UseCaseInput,
  name: CommandName,
  command: C,
  work: (ctx: OrderStepContext<C>) => Promise<R>,
  screening?: StepScreening,
): Promise<R> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const before = await screenIfAllowed(ports.db, ports, actor, command.orderId, screening);
  return runCommand(ports, actor, name, command, async (ctx) => {
    const order = await loadOrder(ctx.tx, actor, command.orderId);
    const held = await screenedInTransaction(ports, actor, order, screening, before);
    return work({
      ...ctx,
      ports,
      actor,
      config,
      command,
      order,
      held,
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
