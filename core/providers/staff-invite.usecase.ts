/**
 * provider.staff.invite: a provider's manager issues a one-time invite code for a colleague to bind to the
 * provider as a manager or a member (provider.staff.bind). The code is the invite's `_id`, so its
 * uniqueness is checked inside the transaction (a collision draws another code); the unique index on
 * `inviteCode` backs it.
 */
import { authorize } from '../auth/authorize';

import { COLLECTIONS } from '../model/collections.model';

import type { Provider, StaffInvite } from '../model/provider.model';

import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';

import { runCommand } from '../kernel/command.runner';

import type { UseCaseInput } from '../kernel/use-case';

import { parseCommand } from '../schemas/command.parser';

import { staffInviteSchema } from '../schemas/provider.schema';

import { inviteCodeFrom, requireStaffableProvider } from './staff-invite.policy';
import type { StaffInviteReply } from './staff.replies';

const DAY_MS = 24 * 3_600_000;

/** Codes drawn before giving up; with 2^40 codes a single collision is already rare. */
export const INVITE_CODE_ATTEMPTS = 5;

export async function inviteStaff(input: UseCaseInput): Promise<StaffInviteReply> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(staffInviteSchema, input.command);
  // Managers of this provider only: a member is PERMISSION_DENIED, another provider's manager OUT_OF_SCOPE.
  authorize(actor, 'provider.staff.manage', { providerId: command.providerId });

  return runCommand(ports, actor, 'provider.staff.invite', command, async ({ tx, now }) => {
    const provider = requireStaffableProvider(
      await tx.get<Provider>(COLLECTIONS.providers, command.providerId),
      command.providerId,
    );
    let inviteCode: string | undefined;
    for (let attempt = 0; attempt < INVITE_CODE_ATTEMPTS && inviteCode === undefined; attempt += 1) {
      const candidate = inviteCodeFrom(ports.ids.next());
      if ((await tx.get<StaffInvite>(COLLECTIONS.staffInvites, candidate)) === null) inviteCode = candidate;
    }
    // A deployment whose ids repeat: a bug, not the user's error (INTERNAL, nothing written).
    if (inviteCode === undefined)
      throw new Error(`no free invite code after ${INVITE_CODE_ATTEMPTS} attempts`);

    const expiresAt = now + config.staff.inviteValidDays * DAY_MS;
    const invite: StaffInvite = {
      _id: inviteCode,
      providerId: provider._id,
      position: command.position,
      inviteCode,
      createdBy: actor.openid,
      createdAt: now,
      expiresAt,
      usedBy: null,
      usedAt: null,
      orgPath: provider.orgPath,
    };
    await tx.insert(COLLECTIONS.staffInvites, invite);
    return {
      inviteCode,
      position: command.position,
      expiresAt,
      providerId: provider._id,
      providerName: provider.name,
    };
  });
}
