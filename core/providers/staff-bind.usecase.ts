/**
 * provider.staff.bind: any identified WeChat user with a valid invite code becomes staff of its provider, in
 * the invite's position. One transaction marks the invite used and adds the provider_staff grant to the
 * user's record (creating the record when the user has none yet); a replay with the same clientRequestId
 * answers the first reply.
 *
 * A user is staff of one provider at a time (the jobs list and the order steps act for the one provider of
 * the user's grant): binding to a second provider is STAFF_OF_OTHER_PROVIDER. Staff of this provider already
 * get ALREADY_STAFF, except a member with a manager's code, who becomes a manager (the code is used).
 */
import { authorize } from '../auth/authorize';

import type { RoleGrant } from '../auth/roles';

import { COLLECTIONS } from '../model/collections.model';

import type { Provider, StaffInvite } from '../model/provider.model';

import { newUser, type User } from '../model/user.model';

import { runCommand } from '../kernel/command.runner';

import type { UseCaseInput } from '../kernel/use-case';

import { parseCommand } from '../schemas/command.parser';

import { staffBindSchema } from '../schemas/provider.schema';

import { providerStaffError } from './provider-staff.errors';

import { requireStaffableProvider, staffGrantOf, staffPositionOf } from './staff-invite.policy';
import type { StaffBindReply } from './staff.replies';

export async function bindStaff(input: UseCaseInput): Promise<StaffBindReply> {
  const { ports, actor } = input;
  const { db } = ports;
  const command = parseCommand(staffBindSchema, input.command);
  authorize(actor, 'provider.staff.bind', {});

  // A transaction reads by `_id` only: find the invite by its code and the user's record by openid first
  // (both unique indexes), then read them again, and change them, inside the transaction.
  const [found, userRef] = await Promise.all([
    db.findOne<StaffInvite>(
      COLLECTIONS.staffInvites,
      { inviteCode: command.inviteCode },
      { fields: ['_id'] },
    ),
    db.findOne<User>(COLLECTIONS.users, { openid: actor.openid }, { fields: ['_id'] }),
  ]);
  // Users are stored under their openid (core/model/user.model.ts).
  const userId = userRef?._id ?? actor.openid;

  return runCommand(ports, actor, 'provider.staff.bind', command, async ({ tx, now }) => {
    const invite = found === null ? null : await tx.get<StaffInvite>(COLLECTIONS.staffInvites, found._id);
    if (invite === null || invite.inviteCode !== command.inviteCode) {
      throw providerStaffError('INVITE_NOT_FOUND');
    }
    const user = await tx.get<User>(COLLECTIONS.users, userId);
    const grants = user?.grants ?? [];
    const current = staffGrantOf(grants);

    if (invite.usedBy !== null) {
      const mine = invite.usedBy === actor.openid && current?.providerId === invite.providerId;
      throw providerStaffError(mine ? 'ALREADY_STAFF' : 'INVITE_USED', { providerId: invite.providerId });
    }
    if (now >= invite.expiresAt) {
      throw providerStaffError('INVITE_EXPIRED', { expiresAt: invite.expiresAt });
    }
    const provider = requireStaffableProvider(
      await tx.get<Provider>(COLLECTIONS.providers, invite.providerId),
      invite.providerId,
    );

    const grant: RoleGrant = {
      role: 'provider_staff',
      providerId: provider._id,
      position: invite.position,
      orgPath: provider.orgPath,
    };
    let nextGrants: RoleGrant[];
    if (current === undefined) {
      nextGrants = [...grants, grant];
    } else if (current.providerId !== provider._id) {
      throw providerStaffError('STAFF_OF_OTHER_PROVIDER', { providerId: current.providerId });
    } else if (invite.position === 'manager' && staffPositionOf(current.position) === 'member') {
      nextGrants = grants.map((g) => (g === current ? grant : g));
    } else {
      throw providerStaffError('ALREADY_STAFF', { providerId: provider._id });
    }

    await tx.update(COLLECTIONS.staffInvites, invite._id, { usedBy: actor.openid, usedAt: now });
    if (user === null) {
      const created: User = { ...newUser(actor.openid, now), _id: userId, grants: nextGrants };
      await tx.insert(COLLECTIONS.users, created);
    } else {
      await tx.update(COLLECTIONS.users, userId, { grants: nextGrants, updatedAt: now });
    }
    return { providerId: provider._id, providerName: provider.name, position: invite.position };
  });
}
