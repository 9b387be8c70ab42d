/**
 * The rules of 双报到 without I/O (docs/party.md): a registration's id (one pending per applicant and
 * community, decision 0042), the grant a confirmation gives, adding and removing it on the user's record,
 * which organisations count their registered members (decision 0041), and who sees a roster's phones.
 */
import type { RoleGrant } from '../auth/roles';
import { cyrb53 } from '../idempotency/request.fingerprint';
import type { DualRegistration, PartyOrg } from '../model/party.model';
import { maskPhone } from '../privacy/phone-masking.policy';

/**
 * The id of an applicant's `sequence`-th registration (1, 2, ...) with a community: two requests sent at
 * once both compute the same next sequence, so only one insert commits (the other is refused as pending).
 */
export function registrationIdOf(applicantOpenid: string, communityId: string, sequence: number): string {
  const key = cyrb53(`${applicantOpenid}|${communityId}`, 0x5b).toString(36);
  return `reg-${key}-${sequence}`;
}

/**
 * The `party_member` grant a confirmed registration gives: scoped to the community registered with, naming
 * the party organisation; the secretary of a registering organisation holds `position: 'secretary'`.
 */
export function registrationGrant(
  kind: DualRegistration['kind'],
  communityPath: string,
  partyOrgId: string,
): RoleGrant {
  return kind === 'party_org'
    ? { role: 'party_member', orgPath: communityPath, partyOrgId, position: 'secretary' }
    : { role: 'party_member', orgPath: communityPath, partyOrgId };
}

function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return (
    a.role === b.role &&
    a.orgPath === b.orgPath &&
    a.partyOrgId === b.partyOrgId &&
    a.position === b.position &&
    a.teamId === b.teamId &&
    a.providerId === b.providerId
  );
}

/** The grants with `grant` added once (an equal grant already held is not repeated). */
export function withGrant(grants: readonly RoleGrant[], grant: RoleGrant): RoleGrant[] {
  return grants.some((g) => sameGrant(g, grant)) ? [...grants] : [...grants, grant];
}

/** The grants without `grant` (every equal one). */
export function withoutGrant(grants: readonly RoleGrant[], grant: RoleGrant): RoleGrant[] {
  return grants.filter((g) => !sameGrant(g, grant));
}

/**
 * A registered organisation (机关企事业单位, 双报到) counts its members registered with the community; a
 * community's own organisation keeps the count it was seeded with (decision 0041).
 */
export function countsRegisteredMembers(org: Pick<PartyOrg, 'type' | 'registeredAt'>): boolean {
  return org.type !== 'community' && org.type !== 'grid' && org.registeredAt !== null;
}

/** A roster's phone: in full to those who may see it, masked otherwise. */
export function rosterPhone(phone: string, visible: boolean): { phone: string; phoneMasked: boolean } {
  return visible ? { phone, phoneMasked: false } : { phone: maskPhone(phone), phoneMasked: true };
}
