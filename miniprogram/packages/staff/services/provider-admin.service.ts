/**
 * The `provider-admin` function: a provider manager's side of running the provider (docs/functions.md).
 * Each call answers the core's own reply type (weimin-core, types only).
 */
import type { StaffInviteReply } from 'weimin-core';
import { write } from '../../../services/call';

export type StaffPosition = StaffInviteReply['position'];

/**
 * A new one-time invite code for a colleague to bind to the provider. Each tap is a new intent (a new code);
 * only a call whose reply never came back is retried with its request id, and then answers the same code.
 */
export function inviteStaff(providerId: string, position: StaffPosition): Promise<StaffInviteReply> {
  return write<StaffInviteReply>(
    'provider-admin',
    'provider.staff.invite',
    `provider.staff.invite:${providerId}:${position}`,
    { providerId, position },
  );
}
