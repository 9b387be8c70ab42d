/**
 * Who is calling: the WeChat identity (OPENID from the runtime, never from the event) plus the role grants
 * stored on the user's record. Anyone without a record is a resident with no home unit yet.
 */
import type { User } from '../model/user.model';
import type { DatabasePort } from '../kernel/database.port';
import { actorWithResidentGrant, type Actor } from './roles';

export const USERS_COLLECTION = 'users';

export async function loadActor(db: DatabasePort, openid: string): Promise<Actor> {
  const user = await db.findOne<User & { _id: string }>(USERS_COLLECTION, { openid });
  return actorWithResidentGrant(openid, user?.homeOrgPath ?? undefined, user?.grants ?? []);
}
