/**
 * The joint meeting (联席会议) of a level handles a concern that needs several departments: its office takes it
 * (the lead department, the co-operating ones, per-department tasks with deadlines), records the minutes and
 * decisions of its sessions, marks tasks done, and resolves it like any handler (concern.resolve). The timer
 * reminds the office of a task past its deadline and, `taskGraceHours` later, refers the concern to the next
 * level's joint meeting (core/concerns/concern-timer.usecase.ts). Only the office of the concern's current
 * level acts: a street's office does not take a community's referral.
 */
import { authorize } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import type { Concern, ConcernJointCase, JointMeetingTask } from '../model/concern.model';
import { parseCommand } from '../schemas/command.parser';
import {
  jointMeetingMinutesSchema,
  jointMeetingTakeSchema,
  jointMeetingTaskAddSchema,
  jointMeetingTaskDoneSchema,
} from '../schemas/concern.schema';
import type { IdGenerator } from '../kernel/ports';
import type { PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { levelTarget } from '../auth/concern-access';
import { CONCERN_PROGRESS_PHRASES, progressMessage } from './concern-messages';
import { runConcernStep, stepAllowed, unitNameAt } from './concern-step';
import { concernError } from './concern.errors';
import { stepResult } from './concern-intake.usecase';
import type { ConcernStepResult } from './concern.replies';

const HOUR_MS = 3_600_000;

/** The office's grant must be of the concern's current level exactly. */
function requireOfficeOfLevel(actor: Actor, concern: Concern): void {
  const office = actor.grants.some(
    (g) => g.role === 'joint_meeting_office' && g.orgPath === concern.levelPath,
  );
  if (!office) {
    authorize(actor, 'joint_meeting.manage', { orgPath: '/' }, { roles: ['joint_meeting_office'] });
    throw concernError('JOINT_MEETING_NOT_HANDLING');
  }
}

function newTasks(
  ids: IdGenerator,
  tasks: readonly { department: string; task: string; dueAt: number }[],
  now: number,
): JointMeetingTask[] {
  return tasks.map((t) => {
    if (t.dueAt <= now) throw concernError('JOINT_MEETING_TASK_DUE_PAST');
    return { taskId: ids.next(), ...t, remindedAt: null, doneAt: null, doneNote: '' };
  });
}

/**
 * When the timer must next look at the case: the earliest open task's deadline (reminder) or, once
 * reminded, its deadline plus the grace hours (referral up); null when no task is open.
 */
export function nextTaskCheck(tasks: readonly JointMeetingTask[], config: PlatformConfig): number | null {
  const grace = config.concerns.taskGraceHours * HOUR_MS;
  const times = tasks
    .filter((t) => t.doneAt === null)
    .map((t) => (t.remindedAt === null ? t.dueAt : t.dueAt + grace));
  return times.length === 0 ? null : Math.min(...times);
}

/** joint_meeting.take: the office of the concern's level takes the referral, with the lead and the tasks. */
export async function takeByJointMeeting(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(jointMeetingTakeSchema, input.command);
  return runConcernStep(
    input,
    'joint_meeting.take',
    command,
    async ({ tx, actor, config, concern, now, apply, notify }) => {
      if (concern.status === 'referred') requireOfficeOfLevel(actor, concern);
      const tasks = newTasks(input.ports.ids, command.tasks, now);
      const jointCase: ConcernJointCase = {
        level: concern.level,
        unitPath: concern.levelPath,
        takenAt: now,
        takenBy: actor.openid,
        tasks,
        minutes: [],
      };
      const departments = [...new Set([...concern.departments, ...command.departments])].filter(
        (d) => d !== command.leadDepartment,
      );
      const office = await unitNameAt(tx, concern.levelPath);
      const { event } = await apply({
        to: 'claimed',
        target: levelTarget(concern),
        reason: command.note.length > 0 ? command.note : null,
        patch: {
          jointCase,
          leadDepartment: command.leadDepartment,
          departments,
          taskCheckAt: nextTaskCheck(tasks, config),
          claim: { as: 'unit', name: `${office}联席会议`, by: actor.openid, at: now },
          assigneeOpenid: actor.openid,
          assigneeUnitId: null,
        },
        details: {
          leadDepartment: command.leadDepartment,
          departments,
          levelLabel: ORG_LEVEL_LABELS[concern.level],
        },
      });
      await notify(progressMessage(config, concern, CONCERN_PROGRESS_PHRASES.in_progress, office, now));
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.note, riskyCode: 'CONCERN_REASON_RISKY' }],
      allowed: (c) => stepAllowed(input.actor, c, 'claimed', levelTarget(c)),
    },
  );
}

/** The concern's joint case, if the caller's office of its level handles it now. */
function handledCase(actor: Actor, concern: Concern): ConcernJointCase {
  authorize(actor, 'joint_meeting.manage', levelTarget(concern), { roles: ['joint_meeting_office'] });
  const handling =
    concern.jointCase !== null &&
    (concern.status === 'claimed' || concern.status === 'in_progress') &&
    concern.jointCase.unitPath === concern.levelPath;
  if (!handling) throw concernError('JOINT_MEETING_NOT_HANDLING');
  requireOfficeOfLevel(actor, concern);
  return concern.jointCase!;
}

/** joint_meeting.task.add: more per-department tasks, each with its deadline. */
export async function addJointTasks(input: UseCaseInput): Promise<{ readonly taskIds: readonly string[] }> {
  const command = parseCommand(jointMeetingTaskAddSchema, input.command);
  return runConcernStep(
    input,
    'joint_meeting.task.add',
    command,
    async ({ tx, actor, config, concern, now, audit }) => {
      const jointCase = handledCase(actor, concern);
      const tasks = newTasks(input.ports.ids, command.tasks, now);
      const all = [...jointCase.tasks, ...tasks];
      await tx.update('concerns', concern._id, {
        jointCase: { ...jointCase, tasks: all },
        taskCheckAt: nextTaskCheck(all, config),
        updatedAt: now,
      });
      audit({
        entityType: 'concern',
        entityId: concern._id,
        orgPath: concern.orgPath,
        summary: `分派部门任务 ${tasks.length} 项`,
      });
      return { taskIds: tasks.map((t) => t.taskId) };
    },
  );
}

/** joint_meeting.task.done: a department's task is done, with what was done. */
export async function completeJointTask(input: UseCaseInput): Promise<{ readonly taskId: string }> {
  const command = parseCommand(jointMeetingTaskDoneSchema, input.command);
  return runConcernStep(
    input,
    'joint_meeting.task.done',
    command,
    async ({ tx, actor, config, concern, now, audit }) => {
      const jointCase = handledCase(actor, concern);
      const task = jointCase.tasks.find((t) => t.taskId === command.taskId);
      if (task === undefined) throw concernError('JOINT_MEETING_TASK_NOT_FOUND');
      if (task.doneAt !== null) throw concernError('JOINT_MEETING_TASK_DONE');
      const tasks = jointCase.tasks.map((t) =>
        t.taskId === task.taskId ? { ...t, doneAt: now, doneNote: command.note } : t,
      );
      await tx.update('concerns', concern._id, {
        jointCase: { ...jointCase, tasks },
        taskCheckAt: nextTaskCheck(tasks, config),
        updatedAt: now,
      });
      audit({
        entityType: 'concern',
        entityId: concern._id,
        orgPath: concern.orgPath,
        summary: `部门任务完成：${task.department}`,
      });
      return { taskId: task.taskId };
    },
  );
}

/** joint_meeting.minutes: the minutes and decisions of a session about the concern. */
export async function recordJointMinutes(input: UseCaseInput): Promise<{ readonly minutesId: string }> {
  const command = parseCommand(jointMeetingMinutesSchema, input.command);
  return runConcernStep(
    input,
    'joint_meeting.minutes',
    command,
    async ({ tx, actor, concern, now, audit }) => {
      const jointCase = handledCase(actor, concern);
      const minutesId = input.ports.ids.next();
      const entry = {
        minutesId,
        heldOn: command.heldOn,
        attendees: command.attendees,
        minutes: command.minutes,
        decisions: command.decisions,
        by: actor.openid,
        at: now,
      };
      await tx.update('concerns', concern._id, {
        jointCase: { ...jointCase, minutes: [...jointCase.minutes, entry] },
        updatedAt: now,
      });
      audit({
        entityType: 'concern',
        entityId: concern._id,
        orgPath: concern.orgPath,
        summary: `记录联席会议纪要（${command.heldOn}）`,
      });
      return { minutesId };
    },
  );
}
