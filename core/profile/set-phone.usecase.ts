/**
 * profile.phone.set: the caller's contact phone, with their consent to the personal-information guide
 * (`consent: true`, which the schema requires: INVALID_INPUT without it). `typed`: the number as typed (the
 * schema checks it is an 11-digit mainland mobile). `wechat`: the one-time code of the phone-number button,
 * exchanged through the PhoneNumberResolver port before anything is written; no number for it (invalid,
 * expired or used code, the API unavailable — as on the local cloud — or not a mainland mobile) is
 * PHONE_CODE_INVALID, and the mini-program offers the typed form instead.
 *
 * Writes, in one transaction with the idempotency key: `phone` and `phoneConsentAt` (now) on the caller's
 * `users` record, created when missing (a resident with no unit yet). A replay with the same clientRequestId
 * answers the first reply without exchanging the code again (WeChat's codes work once). The number is
 * stored sealed with its blind index (the sealed database); a number another account holds too is
 * accepted and both are flagged `phoneShared` (phone-sharing.ts), without telling the caller.
 *
 * Answers the profile as it is after the change (ProfileGetReply: the phone masked).
 */
import { authorize } from '../auth/authorize';
import { idempotencyKey } from '../idempotency/run-idempotent';
import { COLLECTIONS } from '../model/collections.model';
import { newUser, type User } from '../model/user.model';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { parseCommand } from '../schemas/command.parser';
import { mobilePhone } from '../schemas/fields.schema';
import { phoneSetSchema } from '../schemas/profile.schema';
import type { PhoneNumberResolver } from './phone-number.port';
import { flagPhoneHolders, otherPhoneHolders, releasePhone } from './phone-sharing';
import { profileError } from './profile.errors';
import { userIdOf, readProfile } from './profile.view';
import type { ProfileGetReply } from './profile.reply';

export interface PhoneSetInput extends UseCaseInput {
  /** Exchanges the phone-number button's code (method `wechat`). */
  readonly phoneNumbers: PhoneNumberResolver;
}

async function exchangeCode(resolver: PhoneNumberResolver, code: string): Promise<string> {
  const number = await resolver.resolve(code);
  const checked = number === null ? null : mobilePhone.safeParse(number);
  if (checked === null || !checked.success) {
    // No number in the details: they are logged and shown.
    throw profileError('PHONE_CODE_INVALID', { method: 'wechat', gotNumber: number !== null });
  }
  return checked.data;
}

export async function setPhone(input: PhoneSetInput): Promise<ProfileGetReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(phoneSetSchema, input.command);
  authorize(actor, 'profile.phone.set', { ownerOpenid: actor.openid }, { roles: ['resident'] });

  let phone: string | null = command.method === 'typed' ? command.phone : null;
  if (command.method === 'wechat') {
    // A code is good for one exchange: a retry of a request that went through must replay, not exchange.
    const stored = await ports.db.get(
      COLLECTIONS.idempotencyKeys,
      idempotencyKey(actor.openid, command.clientRequestId),
    );
    if (stored === null) phone = await exchangeCode(input.phoneNumbers, command.phoneCode);
  }

  const userId = await userIdOf(ports.db, actor.openid);
  const sharing = phone === null ? null : await phoneSharing(ports.db, userId, phone);
  return runCommand(ports, actor, 'profile.phone.set', command, async ({ tx, now }) => {
    // Only reached when the request was stored before and is gone now: the code is spent, ask again.
    if (phone === null || sharing === null)
      throw profileError('PHONE_CODE_INVALID', { method: command.method });
    const fields = {
      phone,
      phoneConsentAt: now,
      phoneConsentWithdrawnAt: null,
      phoneShared: sharing.others.length > 0,
    };
    const user = await tx.get<User>(COLLECTIONS.users, userId);
    await updateSharingFlags(tx, sharing, now);
    if (user === null) {
      const created: User = { ...newUser(actor.openid, now), _id: userId, ...fields };
      await tx.insert(COLLECTIONS.users, created);
      return readProfile(tx, created);
    }
    // A deleted account the user comes back to starts afresh.
    const patch = { ...fields, ...(user.deletedAt ? { deletedAt: null } : {}), updatedAt: now };
    await tx.update(COLLECTIONS.users, userId, patch);
    return readProfile(tx, { ...user, ...patch });
  });
}

/** Who else holds the new number, and who shared the old one (read before the transaction: queries). */
interface PhoneSharing {
  readonly others: readonly string[];
  readonly othersOfOld: readonly string[];
}

async function phoneSharing(db: DatabasePort, userId: string, phone: string): Promise<PhoneSharing> {
  const current = await db.get<User>(COLLECTIONS.users, userId);
  const old = current?.phone;
  const [others, othersOfOld] = await Promise.all([
    otherPhoneHolders(db, phone, userId),
    old && old !== phone ? otherPhoneHolders(db, old, userId) : Promise.resolve([]),
  ]);
  return { others, othersOfOld };
}

async function updateSharingFlags(tx: TransactionPort, sharing: PhoneSharing, now: number): Promise<void> {
  await flagPhoneHolders(tx, sharing.others, true, now);
  await releasePhone(tx, sharing.othersOfOld, now);
}
