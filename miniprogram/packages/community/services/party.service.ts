/**
 * The `party` function, as the community subpackage calls it (docs/party.md): 双报到 — register as a serving
 * party member or a party organisation's secretary, the organisations a member may name, and the caller's own
 * registrations. Each call answers the core's own reply type (weimin-core, types only); the write carries a
 * request id per intent (services/call.ts).
 */
import type { PartyMineResult, PartyOrgsResult, PartyRegisterResult } from 'weimin-core';
import { query, write } from '../../../services/call';

/** What the form sends (party.register); the community is the caller's home unit (its community). */
export interface RegistrationForm {
  readonly kind: 'party_member' | 'party_org';
  readonly communityId: string;
  readonly name: string;
  readonly workUnit: string;
  readonly contactPhone: string;
  readonly services: readonly string[];
  readonly partyOrgId?: string;
  readonly orgType?: string;
  readonly rank?: string;
  readonly secretaryName?: string;
  readonly memberCount?: number;
}

export function registerParty(form: RegistrationForm): Promise<PartyRegisterResult> {
  return write<PartyRegisterResult>('party', 'party.register', `party.register:${form.kind}`, { ...form });
}

export function myRegistrations(): Promise<PartyMineResult> {
  return query<PartyMineResult>('party', 'party.mine', { page: 1, pageSize: 20 });
}

export function registeredOrgs(communityId: string): Promise<PartyOrgsResult> {
  return query<PartyOrgsResult>('party', 'party.orgs', { communityId, page: 1, pageSize: 50 });
}
