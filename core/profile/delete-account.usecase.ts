/**
 * profile.delete: the caller deletes their account at once, where no person needs to decide (PIPL art. 47;
 * decision 0012). `confirm: true` is required.
 *
 * Refused (nothing written), with the way forward in the message: an order still waiting or being served
 * (ACCOUNT_HAS_OPEN_ORDERS: the provider is counting on them; cancel it or let it finish), a concern still
 * being handled (ACCOUNT_HAS_OPEN_CONCERNS), or a role beyond resident (ACCOUNT_HAS_ROLES: provider staff,
 * workers... are ended by a person). In each case the resident may file a `deletion` privacy request
 * instead, which a worker handles within 15 working days.
 *
 * Otherwise: (1) the record is marked with the pseudonym its kept records will get (so a retry after a
 * crash uses the same one); (2) every kept record is de-identified (account-erasure.ts); (3) in one
 * transaction with the idempotency key, the `users` record is emptied (nickname, real name, phone and its
 * hash, unit, grants; `deletedAt` set; the record stays because its `_id` is the openid and the port removes
 * nothing) and the deletion is recorded as a completed `privacy_requests` record under the pseudonym. The
 * one account left sharing the phone is no longer flagged. A replay answers the first reply.
 *
 * The caller can come back: the same WeChat user opening the mini-program again is a new resident.
 */
import { authorize } from '../auth/authorize';
import { idempotencyKey } from '../idempotency/run-idempotent';
import { runCommand } from '../kernel/command.runner';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { CONCERN_LIFECYCLE, type ConcernStatus } from '../lifecycle/concern.lifecycle';
import type { OrderStatus } from '../lifecycle/order.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Concern } from '../model/concern.model';
import type { PrivacyRequest } from '../model/privacy-request.model';
import type { User } from '../model/user.model';
import { DEFAULT_PRIVACY_CONFIG } from '../privacy/privacy.config';
import { parseCommand } from '../schemas/command.parser';
import { profileDeleteSchema } from '../schemas/profile.schema';
import { eraseAccountTraces } from './account-erasure';
import type { PrivacyUseCaseInput } from './privacy-input';
import { otherPhoneHolders, releasePhone } from './phone-sharing';
import { profileError } from './profile.errors';
import type { AccountDeletedReply } from './profile.reply';
import { userIdOf } from './profile.view';

/** Orders that still need the resident: the provider has not answered, or is serving them. */
const OPEN_ORDER: readonly OrderStatus[] = ['created', 'accepted'];

/** A concern still needs its resident unless it ended or they confirmed the result. */
function concernOpen(status: ConcernStatus): boolean {
  return status !== 'confirmed' && !CONCERN_LIFECYCLE.isTerminal(status);
}

/** What stops a deletion at once: roles, open orders, open concerns (nothing written). */
async function refuseIfBlocked(db: DatabasePort, user: User | null, openid: string): Promise<void> {
  const roles = (user?.grants ?? []).map((g) => g.role).filter((r) => r !== 'resident');
  if (roles.length > 0) throw profileError('ACCOUNT_HAS_ROLES', { roles: [...new Set(roles)] });
  const [openOrders, concerns] = await Promise.all([
    db.count(COLLECTIONS.orders, { residentOpenid: openid, status: db.command.in(OPEN_ORDER) }),
    db.find<Pick<Concern, '_id' | 'status'>>(
      COLLECTIONS.concerns,
      { residentOpenid: openid },
      { fields: ['status'], limit: 100 },
    ),
  ]);
  if (openOrders > 0) throw profileError('ACCOUNT_HAS_OPEN_ORDERS', { openOrders });
  const openConcerns = concerns.filter((c) => concernOpen(c.status)).length;
  if (openConcerns > 0) throw profileError('ACCOUNT_HAS_OPEN_CONCERNS', { openConcerns });
}

/** The pseudonym of this deletion: the one a crashed attempt left on the record, or a new one stored there. */
async function startErasure(input: PrivacyUseCaseInput, userId: string): Promise<string> {
  const { db, ids, clock } = input.ports;
  return db.runTransaction(async (tx) => {
    const user = await tx.get<User>(COLLECTIONS.users, userId);
    if (user?.erasure) return user.erasure.pseudonym;
    const pseudonym = `erased-${ids.next()}`;
    if (user !== null)
      await tx.update(COLLECTIONS.users, userId, { erasure: { pseudonym, startedAt: clock.now() } });
    return pseudonym;
  });
}

/** The record emptied: only the openid, `demo` and the times are left. */
function emptied(now: number): Partial<User> {
  return {
    nickname: '',
    realName: null,
    phone: null,
    phoneConsentAt: null,
    phoneConsentWithdrawnAt: null,
    phoneShared: false,
    homeUnitId: null,
    homeOrgPath: null,
    grants: [],
    erasure: null,
    deletedAt: now,
    updatedAt: now,
  };
}

/** The completed request that records the deletion (under the pseudonym; only where a unit can read it). */
function deletionRecord(
  id: string,
  pseudonym: string,
  orgPath: string,
  kept: number,
  now: number,
): PrivacyRequest {
  return {
    _id: id,
    orgPath,
    requesterOpenid: pseudonym,
    kind: 'deletion',
    content: '本人在小程序中注销账号',
    orderId: null,
    status: 'completed',
    dueAt: now,
    decidedBy: pseudonym,
    decidedAt: now,
    reply: `账号已注销；${kept} 个服务订单去除姓名、地址和备注后按规定保留`,
    selfService: true,
    createdAt: now,
    updatedAt: now,
  };
}

export async function deleteAccount(input: PrivacyUseCaseInput): Promise<AccountDeletedReply> {
  const { ports, actor } = input;
  const { db } = ports;
  const config = input.privacy ?? DEFAULT_PRIVACY_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(profileDeleteSchema, input.command);
  authorize(actor, 'profile.delete', { ownerOpenid: actor.openid }, { roles: ['resident'] });

  const openid = actor.openid;
  const userId = await userIdOf(db, openid);
  const replay = await db.get(COLLECTIONS.idempotencyKeys, idempotencyKey(openid, command.clientRequestId));
  let kept = { ordersKept: 0, concernsKept: 0 };
  let pseudonym = '';
  let sharedWith: string[] = [];
  const user = replay === null ? await db.get<User>(COLLECTIONS.users, userId) : null;
  // Deleted before (and not come back since): nothing is left to erase.
  if (replay === null && !(user?.deletedAt && !user.erasure)) {
    await refuseIfBlocked(db, user, openid);
    sharedWith = user?.phone ? await otherPhoneHolders(db, user.phone, userId) : [];
    pseudonym = await startErasure(input, userId);
    kept = await eraseAccountTraces(db, { openid, pseudonym, now: ports.clock.now() }, config);
  }
  return runCommand(ports, actor, 'profile.delete', command, async ({ tx, now }) => {
    const current = await tx.get<User>(COLLECTIONS.users, userId);
    if (current === null) return { deletedAt: now, ...kept };
    if (current.deletedAt && !current.erasure) return { deletedAt: current.deletedAt, ...kept };
    await tx.update(COLLECTIONS.users, userId, emptied(now));
    await releasePhone(tx, sharedWith, now);
    if (current.homeOrgPath) {
      await tx.insert(
        COLLECTIONS.privacyRequests,
        deletionRecord(ports.ids.next(), pseudonym, current.homeOrgPath, kept.ordersKept, now),
      );
    }
    return { deletedAt: now, ...kept };
  });
}
