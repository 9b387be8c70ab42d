/**
 * `concern-timers`: the concern clocks (docs/concerns.md), idempotent because CloudBase timers are
 * at-least-once (decision 0003): every change is made in its own transaction only if the concern, as read
 * there, still calls for it (`dueConcernTransition`), so a second delivery of the same run finds nothing due.
 * - Push up: concerns whose `escalateAt` has passed (nobody claimed, or the joint meeting did not take it)
 *   move one level up, and that level's workers, leaders, party members and team leaders (or its joint
 *   meeting office) are told. The query reads the index `escalateAt_1`, which holds only concerns waiting
 *   below the city: its cost follows the overdue concerns, not all of them. Recipients are looked up once
 *   per level unit per run.
 * - Joint-meeting tasks: at a task's deadline the office is reminded (once); `taskGraceHours` later the
 *   concern goes to the next level's joint meeting (index `taskCheckAt_1`).
 * - Closure: a confirmed concern is closed; a resolved one the resident never answered within
 *   `confirmWithinHours` is closed as "not confirmed", never as satisfied.
 */
import { dueConcernTransition } from '../lifecycle/concern.deadlines';
import { CONCERN_LIFECYCLE, escalateConcern, nextConcernLevel } from '../lifecycle/concern.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Concern } from '../model/concern.model';
import type { DatabasePort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import { startTimerRun, type TimerRun } from '../kernel/timer-run';
import type { TimerInput } from '../kernel/use-case';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import { rollUpKey } from '../org/org-path';
import type { ActingAs } from '../auth/roles';
import { CONCERN_TODO_PHRASES, recipientsAt, todoMessages } from './concern-messages';
import { nextTaskCheck } from './joint-meeting.usecase';
import { arrivalMessages, type RecipientsLookup } from './concern-steps.usecase';
import { levelMovePatch, releasedAssignee, unitNameAt, writeConcernStep } from './concern-step';
import type { ConcernTimerResult } from './concern.replies';

const HOUR_MS = 3_600_000;

type Change = (
  tx: Parameters<Parameters<DatabasePort['runTransaction']>[0]>[0],
  concern: Concern,
) => Promise<SubscribeMessage[] | null>;

/** Run `change` on the concern in its own transaction; its messages are stored there and sent after. */
async function changeOne(run: TimerRun, concernId: string, change: Change): Promise<boolean> {
  const { db, ports, now } = run;
  const stored = await db.runTransaction(async (tx) => {
    const concern = await tx.get<Concern>(COLLECTIONS.concerns, concernId);
    if (concern === null) return null;
    const messages = await change(tx, concern);
    if (messages === null) return null;
    return enqueueMessages(tx, ports.ids, concernId, messages, now);
  });
  if (stored === null) return false;
  await deliverMessages(db, ports.notifier, stored, now);
  return true;
}

function systemActing(run: TimerRun): ActingAs {
  return { openid: run.actor.openid, role: 'system' };
}

/** Push every overdue concern (at most one batch) one level up. */
export async function escalateOverdueConcerns(
  run: TimerRun,
): Promise<{ escalated: number; hasMore: boolean }> {
  const { db, config, now } = run;
  const due = await db.find<Pick<Concern, '_id'>>(
    COLLECTIONS.concerns,
    { escalateAt: db.command.lte(now) },
    {
      orderBy: [
        ['escalateAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id'],
    },
  );
  // The people told at each level unit, and its name, read once per run.
  const arrivals = new Map<string, Promise<{ name: string }>>();
  const told = new Map<string, Promise<string[]>>();
  const recipients: RecipientsLookup = (path, roles) => {
    const key = `${path}|${roles.join(',')}`;
    if (!told.has(key)) told.set(key, recipientsAt(db, config, path, roles));
    return told.get(key)!;
  };
  let escalated = 0;
  for (const { _id } of due) {
    const changed = await changeOne(run, _id, async (tx, concern) => {
      const decision = dueConcernTransition(concern, now, config.concerns.deadlines);
      if (decision === null || decision.kind !== 'escalate') return null;
      const result = escalateConcern(concern, systemActing(run), now, decision.reason);
      const patch = levelMovePatch(concern, result.entity.level, result.entity.status);
      const levelPath = patch['levelPath'] as string;
      await writeConcernStep({ tx, ids: run.ports.ids, config, concern, now, patch }, result as never);
      if (!arrivals.has(levelPath))
        arrivals.set(
          levelPath,
          unitNameAt(db, levelPath).then((name) => ({ name })),
        );
      const { name } = await arrivals.get(levelPath)!;
      return arrivalMessages(db, config, concern, result.entity.status, levelPath, name, now, recipients);
    });
    if (changed) escalated += 1;
  }
  return { escalated, hasMore: due.length === config.timerBatchSize };
}

/** Remind the office of tasks past their deadline; refer the concern up once the grace hours are over too. */
export async function checkJointTasks(
  run: TimerRun,
): Promise<{ reminded: number; referredUp: number; hasMore: boolean }> {
  const { db, config, now } = run;
  const grace = config.concerns.taskGraceHours * HOUR_MS;
  const due = await db.find<Pick<Concern, '_id'>>(
    COLLECTIONS.concerns,
    { taskCheckAt: db.command.lte(now) },
    {
      orderBy: [
        ['taskCheckAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: config.timerBatchSize,
      fields: ['_id'],
    },
  );
  let reminded = 0;
  let referredUp = 0;
  for (const { _id } of due) {
    let kind: 'remind' | 'refer' | null = null;
    await changeOne(run, _id, async (tx, concern) => {
      const jc = concern.jointCase;
      if (jc === null || (concern.status !== 'claimed' && concern.status !== 'in_progress')) {
        if (concern.taskCheckAt !== null)
          await tx.update(COLLECTIONS.concerns, concern._id, { taskCheckAt: null });
        return null;
      }
      const open = jc.tasks.filter((t) => t.doneAt === null);
      const lapsed = open.filter((t) => t.remindedAt !== null && t.dueAt + grace <= now);
      const next = nextConcernLevel(concern.level);
      if (lapsed.length > 0 && next !== null) {
        kind = 'refer';
        return referToNextJointMeeting(
          run,
          tx,
          concern,
          next,
          lapsed.map((t) => t.department),
        );
      }
      const toRemind = open.filter((t) => t.remindedAt === null && t.dueAt <= now);
      const tasks = jc.tasks.map((t) => (toRemind.includes(t) ? { ...t, remindedAt: now } : t));
      const taskCheckAt = nextTaskCheck(tasks, config);
      if (toRemind.length === 0 && taskCheckAt === concern.taskCheckAt) return null;
      await tx.update(COLLECTIONS.concerns, concern._id, {
        jointCase: { ...jc, tasks },
        taskCheckAt,
        updatedAt: now,
      });
      if (toRemind.length === 0) return [];
      kind = 'remind';
      const name = await unitNameAt(tx, jc.unitPath);
      const offices = await recipientsAt(db, config, jc.unitPath, ['joint_meeting_office']);
      return todoMessages(config, offices, concern, CONCERN_TODO_PHRASES.taskOverdue, name, now);
    });
    if (kind === 'remind') reminded += 1;
    if (kind === 'refer') referredUp += 1;
  }
  return { reminded, referredUp, hasMore: due.length === config.timerBatchSize };
}

/** A joint-meeting case whose task ran past its second deadline goes to the next level's joint meeting. */
async function referToNextJointMeeting(
  run: TimerRun,
  tx: Parameters<Change>[0],
  concern: Concern,
  next: NonNullable<ReturnType<typeof nextConcernLevel>>,
  departments: readonly string[],
): Promise<SubscribeMessage[]> {
  const { db, config, now } = run;
  const levelPath = rollUpKey(concern.orgPath, next)!;
  const reason = `${ORG_LEVEL_LABELS[concern.level]}级联席会议部门任务逾期未完成（${departments.join('、')}），提交${ORG_LEVEL_LABELS[next]}级联席会议`;
  const result = CONCERN_LIFECYCLE.transition(concern, 'referred', systemActing(run), now, reason, {
    fromLevel: concern.level,
    level: next,
    levelLabel: ORG_LEVEL_LABELS[next],
  });
  const patch = {
    ...levelMovePatch(concern, next, 'referred'),
    jointCase: null,
    taskCheckAt: null,
    ...releasedAssignee(),
  };
  await writeConcernStep({ tx, ids: run.ports.ids, config, concern, now, patch }, result);
  const name = await unitNameAt(tx, levelPath);
  return arrivalMessages(db, config, concern, 'referred', levelPath, name, now);
}

/** Close confirmed concerns, and resolved ones left unanswered past the confirmation days ("not confirmed"). */
export async function closeFinishedConcerns(run: TimerRun): Promise<{ closed: number; hasMore: boolean }> {
  const { db, config, now } = run;
  const cutoff = now - config.concerns.deadlines.confirmWithinHours * HOUR_MS;
  const order = {
    orderBy: [
      ['statusChangedAt', 'asc'],
      ['_id', 'asc'],
    ] as const,
    limit: config.timerBatchSize,
    fields: ['_id'],
  };
  const [confirmed, unanswered] = await Promise.all([
    db.find<Pick<Concern, '_id'>>(COLLECTIONS.concerns, { status: 'confirmed' }, order),
    db.find<Pick<Concern, '_id'>>(
      COLLECTIONS.concerns,
      { status: 'resolved', statusChangedAt: db.command.lte(cutoff) },
      order,
    ),
  ]);
  let closed = 0;
  for (const { _id } of [...confirmed, ...unanswered]) {
    const changed = await changeOne(run, _id, async (tx, concern) => {
      const decision = dueConcernTransition(concern, now, config.concerns.deadlines);
      if (decision === null || decision.kind !== 'close') return null;
      const result = CONCERN_LIFECYCLE.transition(concern, 'closed', systemActing(run), now, decision.reason);
      const notConfirmed = concern.status === 'resolved';
      await writeConcernStep(
        {
          tx,
          ids: run.ports.ids,
          config,
          concern,
          now,
          patch: {
            closedAt: now,
            ...(notConfirmed
              ? {
                  confirmation: {
                    outcome: 'not_confirmed',
                    reason: decision.reason ?? '',
                    by: run.actor.openid,
                    at: now,
                  },
                }
              : {}),
          },
        },
        result,
      );
      return [];
    });
    if (changed) closed += 1;
  }
  return {
    closed,
    hasMore: confirmed.length === config.timerBatchSize || unanswered.length === config.timerBatchSize,
  };
}

/** One run of `concern-timers`. */
export async function concernTimer(input: TimerInput): Promise<ConcernTimerResult> {
  const run = startTimerRun(input);
  const pushed = await escalateOverdueConcerns(run);
  const tasks = await checkJointTasks(run);
  const closing = await closeFinishedConcerns(run);
  return {
    escalated: pushed.escalated,
    referredUp: tasks.referredUp,
    reminded: tasks.reminded,
    closed: closing.closed,
    hasMore: pushed.hasMore || tasks.hasMore || closing.hasMore,
  };
}
