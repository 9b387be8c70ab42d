/**
 * What the profile commands answer (`ProfileGetReply`): the caller's nickname, their phone masked, the unit
 * they bound with its full name. Shared by profile.get, profile.bind and profile.phone.set (the writes answer
 * the profile as it is after them), and the record a user gets on their first write.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { User } from '../model/user.model';
import { isOrgPath, unitIdOfPath } from '../org/org-path';
import { maskPhone } from '../privacy/phone-masking.policy';

import type { PointReader } from '../org/org-unit.reader';
import type { DatabasePort } from '../kernel/database.port';
import type { ProfileGetReply } from './profile.reply';

/**
 * The `_id` of the caller's `users` record: found by openid (unique index `openid_1`), since a transaction
 * reads by `_id` only; a user without a record gets one under their openid (core/model/user.model.ts).
 */
export async function userIdOf(db: DatabasePort, openid: string): Promise<string> {
  const ref = await db.findOne<Pick<User, '_id'>>(COLLECTIONS.users, { openid }, { fields: ['_id'] });
  return ref?._id ?? openid;
}

/** The bound unit's id: `homeUnitId`, or the last id of `homeOrgPath` on a record that has only the path. */
export function homeUnitIdOf(user: Pick<User, 'homeUnitId' | 'homeOrgPath'>): string | null {
  if (typeof user.homeUnitId === 'string' && user.homeUnitId.length > 0) return user.homeUnitId;
  return isOrgPath(user.homeOrgPath) ? unitIdOfPath(user.homeOrgPath) : null;
}

/** The reply for `user` (null: no record yet) whose home unit, if any, is `unit` (null: unknown). */
export function profileReply(
  user: Pick<User, 'nickname' | 'phone' | 'homeUnitId' | 'homeOrgPath'> | null,
  unit: Pick<OrgUnit, 'fullName'> | null,
): ProfileGetReply {
  if (user === null) return { nickname: '', phone: null, homeUnitId: null, homeUnitName: null };
  const phone = typeof user.phone === 'string' && user.phone.length > 0 ? maskPhone(user.phone) : null;
  const homeUnitId = homeUnitIdOf(user);
  return {
    nickname: user.nickname ?? '',
    phone,
    homeUnitId,
    homeUnitName: homeUnitId === null ? null : (unit?.fullName ?? null),
  };
}

/** The reply for `user`, reading its home unit's full name (one point read; none when not bound). */
export async function readProfile(
  reader: PointReader,
  user: Pick<User, 'nickname' | 'phone' | 'homeUnitId' | 'homeOrgPath'> | null,
): Promise<ProfileGetReply> {
  const unitId = user === null ? null : homeUnitIdOf(user);
  const unit = unitId === null ? null : await reader.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  return profileReply(user, unit);
}
