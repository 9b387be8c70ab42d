/**
 * profile.export: the caller's own copy of what the platform holds about them (PIPL art. 45), readable and
 * ready to copy: the account (nickname, real name, the full phone, the unit, roles, openid), their orders
 * with the address, note, rating, follow-up and complaints of each (newest first, at most
 * `exportMaxOrders`), their concerns and their privacy requests. The mini-program shows it and copies it to
 * the clipboard through the privacy guide.
 *
 * Reads (no writes): the user by openid (`openid_1`), the home unit, the orders (`residentOpenid_1_createdAt_-1`),
 * their ratings, follow-ups and complaints by order id (`orderId_1` each), the concerns
 * (`residentOpenid_1_createdAt_-1`) and requests (`requesterOpenid_1_createdAt_-1`).
 */
import { authorize } from '../auth/authorize';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { COLLECTIONS } from '../model/collections.model';
import type { Concern } from '../model/concern.model';
import type { Complaint, FollowUp, Order, Rating } from '../model/order.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { PrivacyRequest } from '../model/privacy-request.model';
import type { User } from '../model/user.model';
import { DEFAULT_PRIVACY_CONFIG } from '../privacy/privacy.config';
import { parseCommand } from '../schemas/command.parser';
import { profileExportSchema } from '../schemas/profile.schema';
import { exportReply } from './profile-export.view';
import type { ProfileExportReply } from './profile.reply';
import { homeUnitIdOf } from './profile.view';
import type { PrivacyUseCaseInput } from './privacy-input';

const NEWEST = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
] as const;

/** The records of the orders `ids` in `collection` (each has one `orderId`). */
function byOrder<T extends { _id: string }>(db: DatabasePort, collection: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as T[]);
  return db.find<T>(collection, { orderId: db.command.in(ids) }, { limit: Math.min(1000, ids.length * 5) });
}

export async function exportProfile(input: PrivacyUseCaseInput): Promise<ProfileExportReply> {
  const { ports, actor } = input;
  const { db } = ports;
  const config = input.privacy ?? DEFAULT_PRIVACY_CONFIG;
  requireIdentity(actor);
  parseCommand(profileExportSchema, input.command);
  authorize(actor, 'profile.export', { ownerOpenid: actor.openid }, { roles: ['resident'] });

  const openid = actor.openid;
  const [user, found, concerns, requests] = await Promise.all([
    db.findOne<User>(COLLECTIONS.users, { openid }),
    db.find<Order>(
      COLLECTIONS.orders,
      { residentOpenid: openid },
      { orderBy: NEWEST, limit: config.exportMaxOrders + 1 },
    ),
    db.find<Concern>(COLLECTIONS.concerns, { residentOpenid: openid }, { orderBy: NEWEST, limit: 100 }),
    db.find<PrivacyRequest>(
      COLLECTIONS.privacyRequests,
      { requesterOpenid: openid },
      { orderBy: NEWEST, limit: 100 },
    ),
  ]);
  const orders = found.slice(0, config.exportMaxOrders);
  const ids = orders.map((o) => o._id);
  const unitId = user === null ? null : homeUnitIdOf(user);
  const [unit, ratings, followUps, complaints] = await Promise.all([
    unitId === null ? null : db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId),
    byOrder<Rating>(db, COLLECTIONS.ratings, ids),
    byOrder<FollowUp>(db, COLLECTIONS.followUps, ids),
    byOrder<Complaint>(db, COLLECTIONS.complaints, ids),
  ]);
  return exportReply(
    {
      openid,
      user,
      homeUnitName: unit?.fullName ?? null,
      orders,
      ordersTruncated: found.length > orders.length,
      maxOrders: config.exportMaxOrders,
      // A rating's text held for review is the author's own: it is in their copy.
      ratings,
      followUps,
      complaints,
      concerns,
      requests,
    },
    ports.clock.now(),
  );
}
