/**
 * activity.save and activity.cancel: a volunteer team's leader schedules an activity for the team, a worker
 * or leader for their grid or community; it is edited while scheduled and not started (places never below
 * those taken), and cancelled with a reason, which everyone signed up hears of (the message centre and
 * TPL_ACTIVITY_REMINDER). Texts go through content security as the concerns' do.
 */
import { checkAccess } from '../auth/authorize';
import { communityPathOf } from '../auth/concern-access';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { refusalError } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { VolunteerTeam } from '../model/party.model';
import type { VolunteerActivity } from '../model/volunteer.model';
import { parseCommand } from '../schemas/command.parser';
import {
  activityCancelSchema,
  activitySaveSchema,
  type ActivitySaveCommand,
} from '../schemas/volunteer-activity.schema';
import {
  ACTIVITY_REMINDER_PHRASES,
  activityMessages,
  loadManagedActivity,
  screenTexts,
  signedUpOpenids,
} from './activity-access';
import { volunteerError } from './volunteer.errors';
import type { ActivitySaveResult } from './volunteer.replies';

const MINUTE_MS = 60_000;

async function grassrootsUnit(db: UseCaseInput['ports']['db'], unitId: string): Promise<OrgUnit | null> {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  return unit !== null && (unit.level === 'grid' || unit.level === 'community') ? unit : null;
}

/**
 * The unit (and team) a new activity is organised for, checked against the matrix: a unit or team the caller
 * does not organise for answers like one that does not exist.
 */
async function organisingPlace(
  input: UseCaseInput,
  command: ActivitySaveCommand,
): Promise<{ unit: OrgUnit; team: VolunteerTeam | null }> {
  const { db } = input.ports;
  const unit = await grassrootsUnit(db, command.orgUnitId);
  let team: VolunteerTeam | null = null;
  if (command.teamId !== undefined) {
    team = await db.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, command.teamId);
    if (team === null || !team.active) throw volunteerError('ACTIVITY_TEAM_NOT_FOUND');
  }
  const target = {
    orgPath: unit?.path ?? '',
    ...(command.teamId === undefined ? {} : { teamId: command.teamId }),
  };
  const access = checkAccess(input.actor, 'activity.manage', target);
  if (!access.ok) {
    if (access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
    throw volunteerError('ACTIVITY_UNIT_NOT_FOUND', { orgUnitId: command.orgUnitId });
  }
  if (unit === null) throw volunteerError('ACTIVITY_UNIT_NOT_FOUND', { orgUnitId: command.orgUnitId });
  if (team !== null && communityPathOf(team.orgPath) !== communityPathOf(unit.path)) {
    throw volunteerError('ACTIVITY_TEAM_NOT_FOUND');
  }
  return { unit, team };
}

function remindAtOf(config: PlatformConfig, startAt: number): number {
  return startAt - config.volunteers.remindBeforeMinutes * MINUTE_MS;
}

interface NewActivityFacts {
  readonly id: string;
  readonly unit: OrgUnit;
  readonly team: VolunteerTeam | null;
  readonly command: ActivitySaveCommand;
  readonly organiser: string;
  readonly flagged: boolean;
  readonly config: PlatformConfig;
  readonly now: number;
}

/** A new activity as scheduled: no places taken, reminded `remindBeforeMinutes` before the start. */
function newActivity(f: NewActivityFacts): VolunteerActivity {
  const { command, now } = f;
  return {
    _id: f.id,
    orgUnitId: f.unit._id,
    orgPath: f.unit.path,
    communityPath: communityPathOf(f.unit.path),
    teamId: f.team?._id ?? null,
    organiserOpenid: f.organiser,
    title: command.title,
    content: command.content,
    place: command.place,
    startAt: command.startAt,
    endAt: command.endAt,
    signupDeadline: command.signupDeadline ?? command.startAt,
    capacity: command.capacity,
    volunteerPlaces: command.volunteerPlaces,
    residentCount: 0,
    volunteerCount: 0,
    status: 'scheduled',
    contentFlagged: f.flagged,
    cancelReason: null,
    cancelledAt: null,
    finishedAt: null,
    remindAt: remindAtOf(f.config, command.startAt),
    remindedAt: null,
    hoursRemindAt: null,
    hoursConfirmedAt: null,
    ratingCount: 0,
    ratingStarsTotal: 0,
    createdAt: now,
    updatedAt: now,
  };
}

export async function saveActivity(input: UseCaseInput): Promise<ActivitySaveResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(activitySaveSchema, input.command);
  const placeOfNew = command.activityId === undefined ? await organisingPlace(input, command) : null;
  if (command.activityId !== undefined) {
    // Only the activity's organisers get as far as content security.
    await loadManagedActivity(ports.db, actor, command.activityId);
  }
  const flagged = await screenTexts(ports.contentSecurity, actor.openid, [
    { text: command.title, riskyCode: 'ACTIVITY_TEXT_RISKY' },
    { text: command.content, riskyCode: 'ACTIVITY_TEXT_RISKY' },
    { text: command.place, riskyCode: 'ACTIVITY_TEXT_RISKY' },
  ]);
  const signupDeadline = command.signupDeadline ?? command.startAt;

  return runCommand(ports, actor, 'activity.save', command, async ({ tx, now, audit }) => {
    if (command.startAt <= now) throw volunteerError('ACTIVITY_TIME_PAST');
    if (placeOfNew !== null) {
      const activity = newActivity({
        id: ports.ids.next(),
        ...placeOfNew,
        command,
        organiser: actor.openid,
        flagged,
        config,
        now,
      });
      await tx.insert(COLLECTIONS.volunteerActivities, activity);
      audit(auditOf(activity, `发布志愿活动：${activity.title}`));
      return { activityId: activity._id, status: activity.status };
    }
    const current = await loadManagedActivity(tx, actor, command.activityId!);
    if (current.status !== 'scheduled' || current.startAt <= now)
      throw volunteerError('ACTIVITY_NOT_EDITABLE');
    if (current.orgUnitId !== command.orgUnitId || current.teamId !== (command.teamId ?? null)) {
      throw volunteerError('ACTIVITY_ORGANISER_FIXED');
    }
    // Places are numbered (activity_places): once some are held, fewer would strand the highest ones.
    if (
      (command.capacity < current.capacity && current.residentCount > 0) ||
      (command.volunteerPlaces < current.volunteerPlaces && current.volunteerCount > 0)
    ) {
      throw volunteerError('ACTIVITY_CAPACITY_BELOW_SIGNUPS', {
        residentCount: current.residentCount,
        volunteerCount: current.volunteerCount,
      });
    }
    await tx.update(COLLECTIONS.volunteerActivities, current._id, {
      title: command.title,
      content: command.content,
      place: command.place,
      startAt: command.startAt,
      endAt: command.endAt,
      signupDeadline,
      capacity: command.capacity,
      volunteerPlaces: command.volunteerPlaces,
      contentFlagged: flagged,
      remindAt: current.remindedAt === null ? remindAtOf(config, command.startAt) : null,
      updatedAt: now,
    });
    audit(auditOf(current, `修改志愿活动：${command.title}`));
    return { activityId: current._id, status: current.status };
  });
}

function auditOf(activity: VolunteerActivity, summary: string) {
  return { entityType: 'volunteer_activity', entityId: activity._id, orgPath: activity.orgPath, summary };
}

/** activity.cancel: before it ends; everyone signed up is told. */
export async function cancelActivity(input: UseCaseInput): Promise<ActivitySaveResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(activityCancelSchema, input.command);
  await loadManagedActivity(ports.db, actor, command.activityId);
  await screenTexts(ports.contentSecurity, actor.openid, [
    { text: command.reason, riskyCode: 'ACTIVITY_CANCEL_REASON_RISKY' },
  ]);
  const recipients = await signedUpOpenids(ports.db, command.activityId);
  return runCommand(ports, actor, 'activity.cancel', command, async ({ tx, now, afterCommit, audit }) => {
    const activity = await loadManagedActivity(tx, actor, command.activityId);
    if (activity.status !== 'scheduled' || activity.endAt <= now)
      throw volunteerError('ACTIVITY_NOT_EDITABLE');
    await tx.update(COLLECTIONS.volunteerActivities, activity._id, {
      status: 'cancelled',
      cancelReason: command.reason,
      cancelledAt: now,
      remindAt: null,
      hoursRemindAt: null,
      updatedAt: now,
    });
    const messages = activityMessages(config, recipients, activity, ACTIVITY_REMINDER_PHRASES.cancelled);
    const stored = await enqueueMessages(tx, ports.ids, activity._id, messages, now);
    afterCommit(async () => void (await deliverMessages(ports.db, ports.notifier, stored, now)));
    audit(auditOf(activity, `取消志愿活动：${activity.title}（${command.reason.slice(0, 60)}）`));
    return { activityId: activity._id, status: 'cancelled' as const };
  });
}
