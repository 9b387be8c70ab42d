/**
 * How a writing command of the order loop runs: validated input, then one transaction that checks the
 * idempotency key, does the command's reads and writes and stores the first result with them; once the
 * transaction has committed (and only for a first run, never for a replay), the command's follow-up work:
 * subscribe messages and refreshing the copies of a provider's reputation on its offerings.
 *
 * A failure anywhere before the commit writes nothing: no order, no event, no idempotency key, so the client
 * may retry with the same request id.
 */
import { AUTH_ERROR_CODES } from '../auth/authorize';
import { SYSTEM_ACTOR, SYSTEM_OPENID, type Actor } from '../auth/roles';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency/idempotency.port';
import { runIdempotentDetailed } from '../idempotency/run-idempotent';
import type { AnyLifecycleStatus, EventRecord } from '../model/event.model';
import { COLLECTIONS } from '../model/collections.model';
import type { LifecycleEvent } from '../lifecycle/state-machine';
import type { CommandName } from '../schemas/commands.registry';
import type { DatabasePort, TransactionPort } from '../shared/database.port';
import { DomainError } from '../shared/errors';
import type { IdGenerator } from '../shared/ports';
import { DEFAULT_ORDER_LOOP_CONFIG, type OrderLoopConfig } from './order-loop.config';
import type { OrderLoopPorts, TimerInput } from './order-loop.ports';

/** The idempotency store inside a transaction: the first result is stored in the same commit as the writes. */
export function transactionIdempotencyStore(tx: TransactionPort): IdempotencyStore {
  return {
    async get(key) {
      const doc = await tx.get<IdempotencyRecord & { _id: string }>(COLLECTIONS.idempotencyKeys, key);
      if (doc === null) return null;
      const { _id: _ignored, ...record } = doc;
      return record;
    },
    async put(key, record) {
      // A concurrent request that stored the key first makes this transaction conflict; its retry replays.
      await tx.insert(COLLECTIONS.idempotencyKeys, { _id: key, ...record });
      return true;
    },
  };
}

/** Append one life-cycle event to `events` in the transaction. */
export async function recordEvent<S extends AnyLifecycleStatus>(
  tx: TransactionPort,
  ids: IdGenerator,
  orgPath: string,
  event: LifecycleEvent<S>,
): Promise<void> {
  const record: EventRecord = { _id: ids.next(), orgPath, ...event };
  await tx.insert(COLLECTIONS.events, record);
}

export interface CommandContext {
  readonly tx: TransactionPort;
  /** The command's one "now" (clock read once). */
  readonly now: number;
  /** Work for after the commit (messages, copies); dropped when the transaction is retried or fails. */
  afterCommit(task: () => Promise<void>): void;
}

export interface WritingCommand {
  readonly clientRequestId: string;
}

export function requireIdentity(actor: Actor): void {
  if (typeof actor.openid !== 'string' || actor.openid.length === 0) {
    throw new DomainError(AUTH_ERROR_CODES.unauthenticated, '请先登录');
  }
}

/** Timer jobs act as the platform only (a person's stored `system` grant counts for nothing). */
export function requireSystemActor(actor: Actor): void {
  if (actor.openid !== SYSTEM_OPENID || !actor.grants.some((g) => g.role === 'system')) {
    throw new DomainError(AUTH_ERROR_CODES.permissionDenied, '只有平台定时任务可以执行此操作');
  }
}

/** What one run of a timer works with: its ports, the (checked) system actor, its configuration, one "now". */
export interface TimerRun {
  readonly ports: OrderLoopPorts;
  readonly db: DatabasePort;
  readonly actor: Actor;
  readonly config: OrderLoopConfig;
  readonly now: number;
}

/** Start a timer run: SYSTEM_ACTOR unless a test says otherwise, refused for anyone else; the clock read once. */
export function startTimerRun(input: TimerInput): TimerRun {
  const actor = input.actor ?? SYSTEM_ACTOR;
  requireSystemActor(actor);
  const { ports } = input;
  return {
    ports,
    db: ports.db,
    actor,
    config: input.config ?? DEFAULT_ORDER_LOOP_CONFIG,
    now: ports.clock.now(),
  };
}

/**
 * Run `work` once per (actor, clientRequestId): in one transaction with the idempotency record; a replay
 * returns the first result and does nothing else.
 */
export async function runOrderCommand<R>(
  ports: OrderLoopPorts,
  actor: Actor,
  name: CommandName,
  payload: WritingCommand,
  work: (ctx: CommandContext) => Promise<R>,
): Promise<R> {
  requireIdentity(actor);
  const now = ports.clock.now();
  let tasks: (() => Promise<void>)[] = [];
  const outcome = await ports.db.runTransaction(async (tx) => {
    tasks = [];
    const attempt: (() => Promise<void>)[] = tasks;
    return runIdempotentDetailed(
      transactionIdempotencyStore(tx),
      { actorOpenid: actor.openid, command: name, clientRequestId: payload.clientRequestId, payload, now },
      () => work({ tx, now, afterCommit: (task) => void attempt.push(task) }),
    );
  });
  if (!outcome.replayed) {
    for (const task of tasks) await task();
  }
  return outcome.result;
}
