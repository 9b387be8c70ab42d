/**
 * profile.get: the caller's own profile (identity from the WeChat context is all it needs; the input is
 * empty and anything in it is ignored). Someone without a record yet gets the profile of a resident who has
 * not bound a unit: nickname '', no phone, no unit. The phone is masked (138****1234) even to its owner: the
 * full number travels back to the client only in the owner's own copy (profile.export).
 *
 * Reads: the `users` record by openid (index `openid_1`) and, once bound, the home unit by `_id`. No writes.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { User } from '../model/user.model';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { parseCommand } from '../schemas/command.parser';
import { profileGetSchema } from '../schemas/profile.schema';
import { readProfile } from './profile.view';
import type { ProfileGetReply } from './profile.reply';

export async function getProfile(input: UseCaseInput): Promise<ProfileGetReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  parseCommand(profileGetSchema, input.command);
  const user = await ports.db.findOne<User>(COLLECTIONS.users, { openid: actor.openid });
  return readProfile(ports.db, user);
}
