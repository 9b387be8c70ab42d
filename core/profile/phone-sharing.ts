/**
 * The same phone number on two accounts is flagged, not refused (decision 0012): `phoneShared` on every
 * account holding it, for the workers to look at (a family sharing one phone, a second WeChat account, or
 * someone who typed another person's number). The caller is never told: a refusal or a warning would tell
 * anyone which numbers are registered, and would let whoever typed a number first lock its owner out.
 * The accounts are found through the phone's blind index (the sealed database answers `{ phone }` by
 * `phoneHash`), so no number is stored or compared in clear.
 */
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import { COLLECTIONS } from '../model/collections.model';
import type { User } from '../model/user.model';

/** Accounts looked at per number: a number on more is flagged all the same. */
const HOLDERS_LIMIT = 20;

/** The `_id`s of the other accounts holding `phone`. */
export async function otherPhoneHolders(
  db: DatabasePort,
  phone: string,
  exceptId: string,
): Promise<string[]> {
  const holders = await db.find<Pick<User, '_id'>>(
    COLLECTIONS.users,
    { phone },
    { fields: ['_id'], limit: HOLDERS_LIMIT },
  );
  return holders.map((h) => h._id).filter((id) => id !== exceptId);
}

/** Set `phoneShared` to `shared` on these accounts, in the transaction (each read first, as the port asks). */
export async function flagPhoneHolders(
  tx: TransactionPort,
  ids: readonly string[],
  shared: boolean,
  now: number,
): Promise<void> {
  for (const id of ids) {
    const user = await tx.get<User>(COLLECTIONS.users, id);
    if (user !== null && (user.phoneShared ?? false) !== shared) {
      await tx.update(COLLECTIONS.users, id, { phoneShared: shared, updatedAt: now });
    }
  }
}

/** A number one account stops holding: the one account left with it is no longer flagged. */
export async function releasePhone(
  tx: TransactionPort,
  othersBefore: readonly string[],
  now: number,
): Promise<void> {
  if (othersBefore.length === 1) await flagPhoneHolders(tx, othersBefore, false, now);
}
