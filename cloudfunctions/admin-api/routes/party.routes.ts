/**
 * admin-api's routes for the console's 双报到 screens (双报到审核, 党组织与党员; docs/party.md): one line each
 * over the same core use cases the `party` function runs, the actor from the console session.
 */
import { listRegistrations, partyRoster } from '../../../core/party/party-queries';
import { confirmRegistration, leaveParty } from '../../../core/party/party-registration.usecase';
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

export const partyRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/party/registrations': (ctx, r) =>
    listRegistrations({ ...ctx, command: numbers(r.query) }),
  'POST /console/api/party/registrations/:registrationId/decision': (ctx, r) =>
    confirmRegistration({ ...ctx, command: on(r) }),
  'GET /console/api/party/roster': (ctx, r) => partyRoster({ ...ctx, command: numbers(r.query) }),
  'POST /console/api/party/members/:memberId/leave': (ctx, r) => leaveParty({ ...ctx, command: on(r) }),
};
