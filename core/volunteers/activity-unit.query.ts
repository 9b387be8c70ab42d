/**
 * The console's 活动管理 list: the activities within the worker's unit (or one they pick within it), by status,
 * latest start first, a page at a time with the total (`activity.manage`, unit scope: the same places the
 * matrix lets them organise in). The mini-program's `activity.list` view `organised` also lists a team's
 * leader's; the console is for workers and leaders.
 */
import { listScope, narrowScope } from '../auth/list-scope';
import { orThrow } from '../kernel/outcome';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { ActivityStatus, VolunteerActivity } from '../model/volunteer.model';
import { parseCommand } from '../schemas/command.parser';
import { ACTIVITY_LIST_STATUSES } from '../schemas/volunteer-unit.fields';
import { unitActivityListSchema } from '../schemas/volunteer-unit.schema';
import { activitySummary } from './activity-access';
import type { UnitActivityList } from './volunteer-unit.replies';

// The filter's statuses are the model's (a schema imports no model): checked here.
void (ACTIVITY_LIST_STATUSES satisfies readonly ActivityStatus[]);

export async function listUnitActivities(input: UseCaseInput): Promise<UnitActivityList> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(unitActivityListSchema, input.command);
  const { db } = ports;
  let scope = orThrow(listScope(actor, 'activity.manage'));
  if (q.orgUnitId !== undefined) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, q.orgUnitId);
    scope = orThrow(narrowScope(scope, unit?.path ?? null, 'activity.manage'));
  }
  const where = {
    ...(scope.all ? {} : { orgPath: db.command.prefix(scope.paths[0]!) }),
    ...(q.status === undefined ? {} : { status: q.status }),
  };
  const [rows, total] = await Promise.all([
    db.find<VolunteerActivity>(COLLECTIONS.volunteerActivities, where, {
      orderBy: [
        ['startAt', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    }),
    db.count(COLLECTIONS.volunteerActivities, where),
  ]);
  return {
    items: rows.map((a) => ({
      ...activitySummary(a),
      capacity: a.capacity,
      volunteerPlaces: a.volunteerPlaces,
      residentCount: a.residentCount,
      volunteerCount: a.volunteerCount,
      hoursConfirmed: a.hoursConfirmedAt !== null,
      orgUnitId: a.orgUnitId,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
