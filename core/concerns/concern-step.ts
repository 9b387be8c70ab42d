/**
 * One step of a concern's life cycle inside a command's transaction, like an order's (core/orders/
 * order-transition.ts): read the concern (CONCERN_NOT_FOUND when missing or not the caller's to see), let the
 * life cycle check the step and the actor against the target the step is judged at (`homeTarget` or
 * `levelTarget`, concern-access.ts), write the new status with the step's own fields and the clocks that
 * follow from it (claim deadline, the timer's `escalateAt`), append the event; messages after the commit.
 * The transaction's conflict check is the compare-and-set: of two racing claims only one commits, the
 * other is retried, reads the claimed concern and is refused.
 */
import type { AccessTarget } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { claimDeadline } from '../lifecycle/concern.deadlines';
import { CONCERN_LIFECYCLE, type ConcernLevel, type ConcernStatus } from '../lifecycle/concern.lifecycle';
import type { TransitionResult } from '../lifecycle/state-machine';
import { COLLECTIONS } from '../model/collections.model';
import type { Concern } from '../model/concern.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { CommandName } from '../schemas/commands.registry';
import type { DatabasePort, Patch, TransactionPort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { IdGenerator } from '../kernel/ports';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import {
  recordEvent,
  runCommand,
  type CommandTransaction,
  type WritingCommand,
} from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { rollUpKey, unitIdOfPath } from '../org/org-path';
import { isVisibleTo } from '../auth/concern-access';
import { concernError, type ConcernErrorCode } from './concern.errors';

/** The clocks a concern carries in a status at a level (both null when it waits for nobody). */
export function concernClocks(
  config: PlatformConfig,
  state: { readonly status: ConcernStatus; readonly level: ConcernLevel; readonly statusChangedAt: number },
): Pick<Concern, 'claimDeadline' | 'escalateAt'> {
  const deadline = claimDeadline(state, config.concerns.deadlines);
  return { claimDeadline: deadline, escalateAt: state.level === 'city' ? null : deadline };
}

export interface ConcernStep {
  readonly tx: TransactionPort;
  readonly ids: IdGenerator;
  readonly config: PlatformConfig;
  readonly actor: Actor;
  readonly concern: Concern;
  readonly to: ConcernStatus;
  readonly target: AccessTarget;
  readonly now: number;
  readonly reason?: string | null;
  /** The step's own fields; `level` here moves the concern to that level (its clocks follow). */
  readonly patch?: Patch;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Authorize, transition, write, record. The system's own steps (timers) pass the system actor. */
export async function applyConcernStep(step: ConcernStep): Promise<TransitionResult<Concern, ConcernStatus>> {
  const result = CONCERN_LIFECYCLE.authorizeAndTransition(
    step.actor,
    step.concern,
    step.to,
    step.target,
    step.now,
    step.reason,
    step.details,
  );
  return writeConcernStep(step, result);
}

/** Write a transition the caller already made (the escalation's own function, `escalateConcern`). */
export async function writeConcernStep(
  step: Pick<ConcernStep, 'tx' | 'ids' | 'config' | 'concern' | 'now' | 'patch'>,
  result: TransitionResult<Concern, ConcernStatus>,
): Promise<TransitionResult<Concern, ConcernStatus>> {
  const level = (step.patch?.level as ConcernLevel | undefined) ?? step.concern.level;
  const status = result.entity.status;
  await step.tx.update(COLLECTIONS.concerns, step.concern._id, {
    ...step.patch,
    status,
    statusChangedAt: step.now,
    updatedAt: step.now,
    ...concernClocks(step.config, { status, level, statusChangedAt: step.now }),
  });
  await recordEvent(step.tx, step.ids, step.concern.orgPath, result.event);
  return result;
}

/**
 * What moving a concern to `level` writes: the level and its unit's path; a referral's joint meeting is that
 * level's (`jm-<unit id>`). The clocks follow in `writeConcernStep`.
 */
export function levelMovePatch(
  concern: Pick<Concern, 'orgPath'>,
  level: ConcernLevel,
  to: ConcernStatus,
): Patch {
  const levelPath = rollUpKey(concern.orgPath, level)!;
  return {
    level,
    levelPath,
    ...(to === 'referred' ? { jointMeetingId: `jm-${unitIdOfPath(levelPath)}` } : {}),
  };
}

/** Nobody holds the concern any more (handed back, or sent on to another joint meeting). */
export function releasedAssignee() {
  return {
    claim: null,
    assigneeOpenid: null,
    assigneeTeamId: null,
    assigneePartyOrgId: null,
    assigneeUnitId: null,
  };
}

/** The concern as the transaction reads it, or CONCERN_NOT_FOUND (missing, or not the actor's to see). */
export async function loadConcern(
  tx: Pick<TransactionPort, 'get'>,
  actor: Actor,
  concernId: string,
): Promise<Concern> {
  const concern = await tx.get<Concern>(COLLECTIONS.concerns, concernId);
  if (concern === null || !isVisibleTo(actor, concern))
    throw concernError('CONCERN_NOT_FOUND', { concernId });
  return concern;
}

/** The name of the unit at `path` ('' when it is gone). */
export async function unitNameAt(db: Pick<DatabasePort, 'get'> | Pick<TransactionPort, 'get'>, path: string) {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(path));
  return unit?.name ?? '';
}

/** One text of a command, checked by content security as its author wrote it, with the code it is refused by. */
export interface ConcernText {
  readonly text: string;
  readonly riskyCode: ConcernErrorCode;
}

/**
 * Check each non-empty text (msgSecCheck, scene 'forum': it is published). `risky` refuses the command with
 * the text's code; answers whether any text was sent to a person's review (`review`): the concern is flagged
 * for its reviewing leader. Called after the step is known to be allowed, outside the transaction.
 */
export async function screenConcernTexts(
  ports: Pick<PlatformPorts, 'contentSecurity'>,
  openid: string,
  texts: readonly ConcernText[],
): Promise<boolean> {
  let flagged = false;
  for (const { text, riskyCode } of texts) {
    if (text.trim().length === 0) continue;
    const verdict = await ports.contentSecurity.check(text, openid, 'forum');
    if (verdict === 'risky') throw concernError(riskyCode);
    if (verdict === 'review') flagged = true;
  }
  return flagged;
}

export interface ConcernStepContext<C> extends CommandTransaction {
  readonly ports: PlatformPorts;
  readonly actor: Actor;
  readonly config: PlatformConfig;
  readonly command: C;
  readonly concern: Concern;
  /** Content security sent one of the command's texts to a person's review. */
  readonly flagged: boolean;
  apply(
    step: Pick<ConcernStep, 'to' | 'target' | 'reason' | 'patch' | 'details'>,
  ): Promise<TransitionResult<Concern, ConcernStatus>>;
  /** Write these messages to the outbox in the transaction; sent once it has committed (never on a replay). */
  notify(messages: readonly SubscribeMessage[]): Promise<void>;
}

/** What a step's texts need: the texts, and whether the step would be allowed on the concern as it stands. */
export interface ConcernScreening {
  readonly texts: readonly ConcernText[];
  readonly allowed: (concern: Concern) => boolean;
}

/** Whether `actor` may move `concern` to `to`, judged at `target` (for the screening's pre-check). */
export function stepAllowed(
  actor: Actor,
  concern: Concern,
  to: ConcernStatus,
  target: AccessTarget,
): boolean {
  return CONCERN_LIFECYCLE.checkStep(actor, concern, to, target).ok;
}

/**
 * A writing command on one concern: its texts screened when the step is allowed, then in one idempotent
 * transaction load the concern and run `work`. `command` is already validated.
 */
export async function runConcernStep<C extends WritingCommand & { readonly concernId: string }, R>(
  input: UseCaseInput,
  name: CommandName,
  command: C,
  work: (ctx: ConcernStepContext<C>) => Promise<R>,
  screening?: ConcernScreening,
): Promise<R> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  let flagged = false;
  if (screening !== undefined && screening.texts.some((t) => t.text.trim().length > 0)) {
    const current = await ports.db.get<Concern>(COLLECTIONS.concerns, command.concernId);
    if (current !== null && isVisibleTo(actor, current) && screening.allowed(current)) {
      flagged = await screenConcernTexts(ports, actor.openid, screening.texts);
    }
  }
  return runCommand(ports, actor, name, command, async (ctx) => {
    const concern = await loadConcern(ctx.tx, actor, command.concernId);
    return work({
      ...ctx,
      ports,
      actor,
      config,
      command,
      concern,
      flagged,
      apply: async (step) => {
        const result = await applyConcernStep({
          tx: ctx.tx,
          ids: ports.ids,
          config,
          actor,
          concern,
          now: ctx.now,
          ...step,
        });
        const why = result.event.reason === null ? '' : `（${result.event.reason.slice(0, 60)}）`;
        ctx.audit({
          entityType: 'concern',
          entityId: concern._id,
          orgPath: concern.orgPath,
          summary: `${result.rule.label}${why}`,
          role: result.event.actor.role,
        });
        return result;
      },
      notify: async (messages) => {
        if (messages.length === 0) return;
        const stored = await enqueueMessages(ctx.tx, ports.ids, concern._id, messages, ctx.now);
        ctx.afterCommit(async () => {
          await deliverMessages(ports.db, ports.notifier, stored, ctx.now);
        });
      },
    });
  });
}
