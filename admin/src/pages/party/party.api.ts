/**
 * admin-api's 双报到 routes (cloudfunctions/admin-api/routes/party.routes.ts), typed with the core's replies:
 * the unit's requests by status and the decision on one; the community's roster of party organisations and
 * members; a member removed from the register.
 */
import type {
  PartyConfirmResult,
  PartyLeaveResult,
  PartyMemberRosterResult,
  PartyOrgRosterResult,
  RegistrationListResult,
} from '../../../../core/party/party.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

const BASE = '/console/api/party';
const one = (id: string) => encodeURIComponent(id);

export interface DecisionForm {
  approve: boolean;
  reason: string;
  clientRequestId: string;
}

export const registrations = (filters: Filters) =>
  get<RegistrationListResult>(`${BASE}/registrations${queryOf(filters)}`);
export const decideRegistration = (registrationId: string, form: DecisionForm) =>
  post<PartyConfirmResult>(`${BASE}/registrations/${one(registrationId)}/decision`, form);
export const orgRoster = (filters: Filters) =>
  get<PartyOrgRosterResult>(`${BASE}/roster${queryOf({ ...filters, view: 'orgs' })}`);
export const memberRoster = (filters: Filters) =>
  get<PartyMemberRosterResult>(`${BASE}/roster${queryOf({ ...filters, view: 'members' })}`);
export const removeMember = (memberId: string, form: { reason: string; clientRequestId: string }) =>
  post<PartyLeaveResult>(`${BASE}/members/${one(memberId)}/leave`, form);
