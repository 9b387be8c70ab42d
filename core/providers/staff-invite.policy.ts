/**
 * The rules invites and binding share: which providers may still take on staff, what an invite code looks
 * like, and which provider a user is staff of.
 */
import type { Position, RoleGrant } from '../auth/roles';
import { cyrb53 } from '../idempotency/request.fingerprint';
import type { ProviderStatus } from '../lifecycle/provider.lifecycle';
import type { Provider } from '../model/provider.model';
import { providerStaffError } from './provider-staff.errors';

export type StaffPosition = 'manager' | 'member';

/**
 * A provider takes on staff while it still serves: active, and also suspended or rectifying (its accepted
 * jobs and follow-ups still need people). Removed (blacklisted) and exited providers do not.
 */
export const STAFFABLE_PROVIDER_STATUSES: readonly ProviderStatus[] = ['active', 'suspended', 'rectifying'];

/** The provider, checked to exist and to take on staff (PROVIDER_NOT_FOUND, PROVIDER_CLOSED). */
export function requireStaffableProvider(provider: Provider | null, providerId: string): Provider {
  if (provider === null) throw providerStaffError('PROVIDER_NOT_FOUND', { providerId });
  if (provider.blacklisted || !STAFFABLE_PROVIDER_STATUSES.includes(provider.status)) {
    throw providerStaffError('PROVIDER_CLOSED', { providerId, status: provider.status });
  }
  return provider;
}

/**
 * Invite codes are read aloud and typed by hand: 8 characters of an alphabet without the look-alikes 0/O and
 * 1/I (32 characters, 40 bits).
 */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

/**
 * The invite code made from one fresh id of the IdGenerator port (the core draws no randomness itself):
 * distinct ids give distinct codes but for hash collisions, which the caller detects and retries.
 */
export function inviteCodeFrom(id: string): string {
  // cyrb53 gives 53 bits; 5 bits per character.
  let bits = cyrb53(`staff-invite|${id}`, 0x1d_b0_5e);
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1) {
    code += INVITE_CODE_ALPHABET[bits % INVITE_CODE_ALPHABET.length];
    bits = Math.floor(bits / INVITE_CODE_ALPHABET.length);
  }
  return code;
}

/** The provider_staff grant of a user (a user is staff of one provider at a time), or undefined. */
export function staffGrantOf(grants: readonly RoleGrant[]): RoleGrant | undefined {
  return grants.find((g) => g.role === 'provider_staff' && g.providerId !== undefined);
}

/** Provider staff positions are manager or member; any other stored value counts as member. */
export function staffPositionOf(position: Position | undefined): StaffPosition {
  return position === 'manager' ? 'manager' : 'member';
}
