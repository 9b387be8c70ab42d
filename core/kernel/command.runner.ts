/**
 * How every writing command of the platform runs (whatever its capability): validated input, then one transaction that checks the
 * idempotency key, does the command's reads and writes and stores the first result with them; once the
 * transaction has committed (and only for a first run, never for a replay), the command's follow-up work:
 * subscribe messages, refreshing copies of a record elsewhere.
 *
 * A failure anywhere before the commit writes nothing: no order, no event, no idempotency key, so the client
 * may retry with the same request id.
 */
import type { Actor } from '../auth/roles';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency/idempotency.port';
import { runIdempotentDetailed } from '../idempotency/run-idempotent';
import type { AnyLifecycleStatus, EventRecord } from '../model/event.model';
import { COLLECTIONS } from '../model/collections.model';
import type { LifecycleEvent } from '../lifecycle/state-machine';
import type { CommandName } from '../schemas/commands.registry';
import { auditEntry, recordAuditEntry, type AuditSubject } from './audit';
import type { TransactionPort } from './database.port';
import type { IdGenerator } from './ports';
import { requireIdentity } from './identity';
import type { PlatformPorts } from './use-case';

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

export interface CommandTransaction {
  readonly tx: TransactionPort;
  /** The command's one "now" (the clock read once per transaction attempt). */
  readonly now: number;
  /** Work for after the commit (messages, copies); dropped when the transaction is retried or fails. */
  afterCommit(task: () => Promise<void>): void;
  /**
   * Name the record the command changed, for the audit log of console writes (core/kernel/audit.ts): the
   * entry is written with the command's writes when the call came from the console, and not at all otherwise.
   */
  audit(subject: AuditSubject): void;
}

export interface WritingCommand {
  readonly clientRequestId: string;
}

/**
 * Run `work` once per (actor, clientRequestId): in one transaction with the idempotency record; a replay
 * returns the first result and does nothing else.
 */
export async function runCommand<R>(
  ports: PlatformPorts,
  actor: Actor,
  name: CommandName,
  payload: WritingCommand,
  work: (ctx: CommandTransaction) => Promise<R>,
): Promise<R> {
  requireIdentity(actor);
  let tasks: (() => Promise<void>)[] = [];
  const outcome = await ports.db.runTransaction(async (tx) => {
    // Read per attempt: a retried attempt commits after the writer it lost to, so its steps are not dated
    // before that writer's (an order's events stay in time order).
    const now = ports.clock.now();
    tasks = [];
    const attempt: (() => Promise<void>)[] = tasks;
    return runIdempotentDetailed(
      transactionIdempotencyStore(tx),
      { actorOpenid: actor.openid, command: name, clientRequestId: payload.clientRequestId, payload, now },
      async () => {
        let subject: AuditSubject | null = null;
        const result = await work({
          tx,
          now,
          afterCommit: (task) => void attempt.push(task),
          audit: (named) => void (subject = named),
        });
        if (ports.audit !== undefined) {
          // The role it acted in, when the use case did not say: the first beyond the resident's.
          const role = (actor.grants.find((g) => g.role !== 'resident') ?? actor.grants[0])?.role ?? null;
          const who = { openid: actor.openid, role };
          await recordAuditEntry(tx, ports.ids, auditEntry(ports.audit, who, name, subject, now));
        }
        return result;
      },
    );
  });
  if (!outcome.replayed) {
    for (const task of tasks) await task();
  }
  return outcome.result;
}
