/**
 * The console's 微团队 list: the teams within the worker's unit (or a community they pick within it), active
 * or ended, newest first, a page at a time with the total (`team.supervise`, unit scope: the teams whose
 * leader they may set and which they may end). The leader's name in full: workers see their unit's people.
 */
import { listScope, narrowScope } from '../auth/list-scope';
import { orThrow } from '../kernel/outcome';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { VolunteerTeam } from '../model/party.model';
import { parseCommand } from '../schemas/command.parser';
import { unitTeamListSchema } from '../schemas/volunteer-team.schema';
import { teamSummary } from './team.rules';
import type { UnitTeamList } from './team.replies';

export async function listUnitTeams(input: UseCaseInput): Promise<UnitTeamList> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(unitTeamListSchema, input.command);
  const { db } = ports;
  let scope = orThrow(listScope(actor, 'team.supervise'));
  if (q.orgUnitId !== undefined) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, q.orgUnitId);
    scope = orThrow(narrowScope(scope, unit?.path ?? null, 'team.supervise'));
  }
  const where = {
    ...(scope.all ? {} : { orgPath: db.command.prefix(scope.paths[0]!) }),
    ...(q.status === undefined ? {} : { active: q.status === 'active' }),
  };
  const [rows, total] = await Promise.all([
    db.find<VolunteerTeam>(COLLECTIONS.volunteerTeams, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    }),
    db.count(COLLECTIONS.volunteerTeams, where),
  ]);
  return {
    items: rows.map((t) => ({
      ...teamSummary(t),
      leaderFullName: t.leaderOpenid === null ? '' : t.leaderName,
      createdAt: t.createdAt,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
