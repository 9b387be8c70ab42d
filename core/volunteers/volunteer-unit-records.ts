/**
 * The records a unit keeps of its volunteers besides the service hours (民政部令第67号: 培训信息, 表彰奖励信息,
 * 评价信息), and the unit's reads of them:
 * - volunteer.record.add: a worker or leader of the volunteer's unit, or the leader of one of the volunteer's
 *   teams, records a training, an award or an evaluation. Records are never edited: a correction is a new
 *   record naming the one it corrects (`correctsRecordId`, same volunteer, same kind), as the service
 *   records' corrections are. The texts go through content security (the volunteer and the unit read them).
 * - the console's list of a unit's volunteers (number, name, hours, star level), and one volunteer's record of
 *   the five kinds, for the unit's workers and leaders (`volunteer.record.view`, unit scope).
 *
 * A volunteer is named by their number (YL…): one outside the caller's unit or team answers
 * VOLUNTEER_NUMBER_NOT_FOUND, the same as a number that does not exist.
 */
import { checkAccess, type AccessTarget } from '../auth/authorize';
import type { Action } from '../auth/actions';
import { listScope, narrowScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow, refusalError } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import { shanghaiDayStart } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import {
  VOLUNTEER_RECORD_KIND_LABELS,
  type VolunteerProfile,
  type VolunteerRecord,
} from '../model/volunteer.model';
import { parseCommand } from '../schemas/command.parser';
import {
  volunteerListSchema,
  volunteerRecordAddSchema,
  volunteerRecordDetailSchema,
} from '../schemas/volunteer-unit.schema';
import { screenTexts } from './activity-access';
import { starLevelFor } from './activity.rules';
import { volunteerError } from './volunteer.errors';
import { volunteerRecordOf } from './volunteer-records';
import type {
  UnitVolunteerList,
  VolunteerRecordAddResult,
  VolunteerRecordDetail,
} from './volunteer-unit.replies';

/** What the matrix checks a volunteer against: their community, with each team they belong to. */
export function volunteerTargets(profile: Pick<VolunteerProfile, 'orgPath' | 'teamIds'>): AccessTarget[] {
  const base = { orgPath: profile.orgPath };
  return [base, ...profile.teamIds.map((teamId) => ({ ...base, teamId }))];
}

/**
 * The volunteer with this number, if the caller may `action` them: PERMISSION_DENIED for a caller whom the
 * matrix gives the action nowhere, VOLUNTEER_NUMBER_NOT_FOUND for an unknown number and for a volunteer
 * outside the caller's unit or team alike.
 */
export async function loadManagedVolunteer(
  db: Pick<DatabasePort, 'findOne'>,
  actor: Actor,
  volunteerNo: string,
  action: Action,
): Promise<VolunteerProfile> {
  const profile = await db.findOne<VolunteerProfile>(COLLECTIONS.volunteers, { volunteerNo });
  const accesses = (profile === null ? [{}] : volunteerTargets(profile)).map((t) =>
    checkAccess(actor, action, t),
  );
  if (profile !== null && accesses.some((a) => a.ok)) return profile;
  // Refused for who they are everywhere (not merely out of scope somewhere): the matrix's own answer.
  const refusals = accesses.flatMap((a) => (a.ok ? [] : [a.refusal]));
  if (refusals.length > 0 && refusals.every((r) => r.code !== 'OUT_OF_SCOPE'))
    throw refusalError(refusals[0]!);
  throw volunteerError('VOLUNTEER_NUMBER_NOT_FOUND', { volunteerNo });
}

export async function addVolunteerRecord(input: UseCaseInput): Promise<VolunteerRecordAddResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(volunteerRecordAddSchema, input.command);
  const seen = await loadManagedVolunteer(ports.db, actor, command.volunteerNo, 'volunteer.record.add');
  // Refused texts are refused; a text content security only wants a person to look at is kept: it is
  // written by a worker or a team's leader and read by the volunteer and the unit, never published.
  await screenTexts(
    ports.contentSecurity,
    actor.openid,
    [command.title, command.issuer, command.note].map((text) => ({
      text,
      riskyCode: 'VOLUNTEER_RECORD_TEXT_RISKY' as const,
    })),
  );
  return runCommand(ports, actor, 'volunteer.record.add', command, async ({ tx, now, audit }) => {
    if (command.correctsRecordId !== undefined) {
      const corrected = await tx.get<VolunteerRecord>(COLLECTIONS.volunteerRecords, command.correctsRecordId);
      if (corrected === null || corrected.openid !== seen.openid || corrected.kind !== command.kind) {
        throw volunteerError('VOLUNTEER_RECORD_NOT_FOUND', { recordId: command.correctsRecordId });
      }
    }
    const serviceAt = shanghaiDayStart(command.date);
    const record: VolunteerRecord = {
      _id: `rec-${ports.ids.next()}`,
      openid: seen.openid,
      orgPath: seen.orgPath,
      kind: command.kind,
      title: command.title,
      activityId: null,
      signupId: null,
      minutes: command.kind === 'training' ? (command.minutes ?? 0) : 0,
      correctsRecordId: command.correctsRecordId ?? null,
      year: Number(command.date.slice(0, 4)),
      serviceAt,
      note: command.note,
      confirmedBy: actor.openid,
      createdAt: now,
      issuer: command.issuer,
      ...(command.grade === undefined ? {} : { grade: command.grade }),
    };
    await tx.insert(COLLECTIONS.volunteerRecords, record);
    const label = VOLUNTEER_RECORD_KIND_LABELS[command.kind];
    audit({
      entityType: 'volunteer',
      entityId: seen.volunteerNo,
      orgPath: seen.orgPath,
      summary: `${command.correctsRecordId === undefined ? '记录' : '更正'}${label}：${command.title}（${seen.volunteerNo}）`,
    });
    return {
      recordId: record._id,
      kind: command.kind,
      volunteerNo: seen.volunteerNo,
      correctsRecordId: record.correctsRecordId,
    };
  });
}

/** The unit the caller lists in: their first unit of the action, or the one they pick within it. */
async function unitRoot(
  db: DatabasePort,
  actor: Actor,
  action: Action,
  orgUnitId: string | undefined,
): Promise<string | null> {
  const scope = orThrow(listScope(actor, action));
  if (orgUnitId === undefined) return scope.all ? null : scope.paths[0]!;
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, orgUnitId);
  const narrowed = orThrow(narrowScope(scope, unit?.path ?? null, action));
  return narrowed.all ? null : narrowed.paths[0]!;
}

/** The unit's volunteers, most hours first, with their number, hours and star level. */
export async function listUnitVolunteers(input: UseCaseInput): Promise<UnitVolunteerList> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const q = parseCommand(volunteerListSchema, input.command);
  const { db } = ports;
  const root = await unitRoot(db, actor, 'volunteer.record.view', q.orgUnitId);
  const where = {
    ...(root === null ? {} : { orgPath: db.command.prefix(root) }),
    ...(q.volunteerNo === '' ? {} : { volunteerNo: db.command.prefix(q.volunteerNo.toUpperCase()) }),
  };
  const [rows, total] = await Promise.all([
    db.find<VolunteerProfile>(COLLECTIONS.volunteers, where, {
      orderBy: [
        ['totalMinutes', 'desc'],
        ['_id', 'asc'],
      ],
      skip: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    }),
    db.count(COLLECTIONS.volunteers, where),
  ]);
  return {
    items: rows.map((p) => ({
      volunteerNo: p.volunteerNo,
      name: p.name,
      communityId: p.communityId,
      teamIds: p.teamIds,
      totalMinutes: p.totalMinutes,
      totalHours: Math.round((p.totalMinutes / 60) * 10) / 10,
      serviceCount: p.serviceCount,
      starLevel: starLevelFor(p.totalMinutes, config.volunteers.starHours),
      since: p.createdAt,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One volunteer's record of the five kinds, as the volunteer sees it, for the unit's workers and leaders. */
export async function volunteerRecordDetail(input: UseCaseInput): Promise<VolunteerRecordDetail> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(volunteerRecordDetailSchema, input.command);
  const profile = await loadManagedVolunteer(ports.db, actor, q.volunteerNo, 'volunteer.record.view');
  const records = await ports.db.find<VolunteerRecord>(
    COLLECTIONS.volunteerRecords,
    { openid: profile.openid },
    {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: 1000,
    },
  );
  const correctedIds = new Set(
    records.flatMap((r) => (r.correctsRecordId === null ? [] : [r.correctsRecordId])),
  );
  return {
    ...volunteerRecordOf(profile, records, input.config ?? DEFAULT_PLATFORM_CONFIG),
    correctedRecordIds: [...correctedIds],
  };
}
