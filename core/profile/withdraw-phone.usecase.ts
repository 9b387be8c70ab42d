/**
 * profile.phone.withdraw: the caller withdraws the consent they gave with their phone (PIPL art. 15); the
 * number is removed from their record at once (`phone`, its blind index and `phoneConsentAt` emptied,
 * `phoneConsentWithdrawnAt` set). Orders never copied the number (order.detail reads it from the record), so
 * from now on no provider or worker sees it, also on orders being served: they reach the resident through
 * the platform's messages and the address. The other account sharing the number, if one is left alone with
 * it, is no longer flagged. Nothing to withdraw answers the profile as it is.
 *
 * Writes, in one transaction with the idempotency key: the caller's `users` record. Answers the profile.
 */
import { authorize } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { User } from '../model/user.model';
import { parseCommand } from '../schemas/command.parser';
import { phoneWithdrawSchema } from '../schemas/profile.schema';
import { otherPhoneHolders, releasePhone } from './phone-sharing';
import type { ProfileGetReply } from './profile.reply';
import { readProfile, userIdOf } from './profile.view';

export async function withdrawPhone(input: UseCaseInput): Promise<ProfileGetReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(phoneWithdrawSchema, input.command);
  authorize(actor, 'profile.phone.withdraw', { ownerOpenid: actor.openid }, { roles: ['resident'] });

  const userId = await userIdOf(ports.db, actor.openid);
  const before = await ports.db.get<User>(COLLECTIONS.users, userId);
  const others = before?.phone ? await otherPhoneHolders(ports.db, before.phone, userId) : [];
  return runCommand(ports, actor, 'profile.phone.withdraw', command, async ({ tx, now }) => {
    const user = await tx.get<User>(COLLECTIONS.users, userId);
    if (user === null || !user.phone) return readProfile(tx, user);
    const patch = {
      phone: null,
      phoneConsentAt: null,
      phoneConsentWithdrawnAt: now,
      phoneShared: false,
      updatedAt: now,
    };
    await tx.update(COLLECTIONS.users, userId, patch);
    await releasePhone(tx, others, now);
    return readProfile(tx, { ...user, ...patch });
  });
}
