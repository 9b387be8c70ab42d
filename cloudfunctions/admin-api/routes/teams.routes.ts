/**
 * admin-api's routes for the console's 微团队 screens (docs/console.md, docs/volunteers.md#teams): one line each
 * over the same core use cases the `volunteers` function runs, the actor from the console session; the unit's
 * list of teams is the console's own read (core/volunteers/team-unit.query.ts). The fixed paths come before the
 * parameters: the first route that fits answers.
 */
import { decideApplication, inviteToTeam, removeMember } from '../../../core/volunteers/team-join.usecase';
import { teamDetail } from '../../../core/volunteers/team-queries';
import { deactivateTeam, saveTeam, setTeamLeader } from '../../../core/volunteers/team-save.usecase';
import { listUnitTeams } from '../../../core/volunteers/team-unit.query';
import type { HttpRoute, RoutedRequest } from '../../../function-kit/http-function';

/** A write on one record: its body with the record named by the path. */
const on = (r: RoutedRequest) => ({ ...r.body, ...r.params });

/** A query's page and pageSize as the numbers their decimal text spells (a URL carries text). */
function numbers(query: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  for (const key of ['page', 'pageSize']) {
    const value = query[key];
    if (value !== undefined && /^\d{1,9}$/.test(value)) out[key] = Number(value);
  }
  return out;
}

export const teamsRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/teams': (ctx, r) => listUnitTeams({ ...ctx, command: numbers(r.query) }),
  'POST /console/api/teams': (ctx, r) => saveTeam({ ...ctx, command: r.body }),
  'POST /console/api/teams/applications/:applicationId/decision': (ctx, r) =>
    decideApplication({ ...ctx, command: on(r) }),
  'GET /console/api/teams/:teamId': (ctx, r) =>
    teamDetail({ ...ctx, command: { ...numbers(r.query), ...r.params } }),
  'POST /console/api/teams/:teamId': (ctx, r) => saveTeam({ ...ctx, command: on(r) }),
  'POST /console/api/teams/:teamId/leader': (ctx, r) => setTeamLeader({ ...ctx, command: on(r) }),
  'POST /console/api/teams/:teamId/deactivate': (ctx, r) => deactivateTeam({ ...ctx, command: on(r) }),
  'POST /console/api/teams/:teamId/invite': (ctx, r) => inviteToTeam({ ...ctx, command: on(r) }),
  'POST /console/api/teams/:teamId/members/:openid/remove': (ctx, r) =>
    removeMember({ ...ctx, command: on(r) }),
};
