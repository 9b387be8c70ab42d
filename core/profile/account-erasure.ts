/**
 * What deleting an account does to the records the platform must keep (decision 0012, PIPL art. 47): the
 * provider and the unit keep the service record (what was done, by whom, when, for how much, how it was
 * rated), but not who it was done for. Every kept record of the resident is given one pseudonym in place of
 * their openid (so nothing links it to their WeChat identity) and loses their name, address and words:
 *
 * | records | kept | removed or replaced |
 * |---|---|---|
 * | orders | item, provider, price, status and times, unit, stars | `residentOpenid` → pseudonym, `residentName` → 已注销用户, `serviceAddress` and `note` emptied |
 * | ratings | stars (reputation) | `residentOpenid` → pseudonym, `text` emptied |
 * | follow-ups, complaints | the provider's and the unit's record of them | `residentOpenid` → pseudonym |
 * | concerns (all closed, or deletion is refused) | title, content, outcome | `residentOpenid` (and `filedBy` when they filed it) → pseudonym, `residentName` → 已注销用户, `onBehalfOf` removed |
 * | 我也关心 (`concern_supports`) | the concern's count | the records removed (their `_id` holds the openid) |
 * | matches, events | what was offered; the life cycles' log | the openid → pseudonym |
 * | privacy requests | kind, status, dates, answer | `requesterOpenid` → pseudonym, `content` emptied; waiting ones completed |
 * | moderation items | kind, status, decision, dates | `authorOpenid` → pseudonym, `text` emptied |
 * | idempotency records | the key | `result` emptied, `actorOpenid` → pseudonym |
 * | subscribe grants | | `remaining` → 0 (no more messages) |
 * | message centre (`inbox_messages`) | | the notices removed (they were only ever the resident's to read) |
 *
 * What still carries the openid afterwards, and why: the emptied `users` record (its `_id` is the openid),
 * the keys of the idempotency records and of `match_gaps` (ids cannot change; nothing personal is left
 * beside them), and the subscribe messages already sent (`message_outbox.message.touser`: WeChat's delivery
 * record, not indexed by recipient; a purge of sent messages is the way to end it).
 *
 * Each step is a multi-document update on the records still carrying the openid, so running the whole
 * again after a crash finishes the rest and changes nothing twice; the orders go a batch at a time, their
 * ratings, follow-ups and complaints (found by order id, which is indexed) before the orders themselves.
 */
import type { DatabasePort } from '../kernel/database.port';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { PrivacyConfig } from '../privacy/privacy.config';

export interface ErasureTarget {
  readonly openid: string;
  readonly pseudonym: string;
  readonly now: number;
}

/** De-identify the resident's orders and what hangs on them, a batch at a time. */
async function eraseOrders(db: DatabasePort, t: ErasureTarget, config: PrivacyConfig): Promise<void> {
  for (;;) {
    const batch = await db.find<Pick<Order, '_id'>>(
      COLLECTIONS.orders,
      { residentOpenid: t.openid },
      { fields: ['_id'], limit: config.erasureBatchSize },
    );
    if (batch.length === 0) return;
    const ids = batch.map((o) => o._id);
    const ofOrders = { orderId: db.command.in(ids) };
    await db.updateWhere(COLLECTIONS.ratings, ofOrders, { residentOpenid: t.pseudonym, text: '' });
    await db.updateWhere(COLLECTIONS.followUps, ofOrders, { residentOpenid: t.pseudonym });
    await db.updateWhere(COLLECTIONS.complaints, ofOrders, { residentOpenid: t.pseudonym });
    const erased = await db.updateWhere(
      COLLECTIONS.orders,
      { _id: db.command.in(ids), residentOpenid: t.openid },
      {
        residentOpenid: t.pseudonym,
        residentName: config.erasedName,
        serviceAddress: '',
        note: '',
        updatedAt: t.now,
      },
    );
    // Each round takes orders off the query above; one that took none would never end.
    if (erased === 0) throw new Error('account erasure: a batch of orders could not be de-identified');
  }
}

/** Everything else that carries the openid (see the table above). */
async function eraseOtherTraces(db: DatabasePort, t: ErasureTarget, config: PrivacyConfig): Promise<void> {
  const { openid, pseudonym, now } = t;
  await db.updateWhere(
    COLLECTIONS.concerns,
    { residentOpenid: openid, filedBy: openid },
    { filedBy: pseudonym },
  );
  await db.updateWhere(
    COLLECTIONS.concerns,
    { residentOpenid: openid },
    { residentOpenid: pseudonym, residentName: config.erasedName, onBehalfOf: null, updatedAt: now },
  );
  // Nothing reads a removed support but concern.support's duplicate check, which the deleted account never runs.
  await db.removeWhere(COLLECTIONS.concernSupports, { openid });
  await db.updateWhere(COLLECTIONS.matches, { residentOpenid: openid }, { residentOpenid: pseudonym });
  await db.updateWhere(COLLECTIONS.events, { 'actor.openid': openid }, { 'actor.openid': pseudonym });
  await db.updateWhere(
    COLLECTIONS.privacyRequests,
    { requesterOpenid: openid, status: 'pending' },
    { status: 'completed', decidedBy: pseudonym, decidedAt: now, reply: '本人已注销账号', updatedAt: now },
  );
  await db.updateWhere(
    COLLECTIONS.privacyRequests,
    { requesterOpenid: openid },
    { requesterOpenid: pseudonym, content: '', updatedAt: now },
  );
  await db.updateWhere(
    COLLECTIONS.moderationItems,
    { authorOpenid: openid },
    { authorOpenid: pseudonym, text: '', updatedAt: now },
  );
  await db.updateWhere(
    COLLECTIONS.idempotencyKeys,
    { key: db.command.prefix(`${openid}:`) },
    { result: null, actorOpenid: pseudonym },
  );
  await db.updateWhere(COLLECTIONS.subscribeGrants, { openid }, { remaining: 0, updatedAt: now });
  await db.removeWhere(COLLECTIONS.inboxMessages, { touser: openid });
}

/** De-identify every kept record of `openid`; answers how many orders and concerns are kept. */
export async function eraseAccountTraces(
  db: DatabasePort,
  target: ErasureTarget,
  config: PrivacyConfig,
): Promise<{ ordersKept: number; concernsKept: number }> {
  await eraseOrders(db, target, config);
  await eraseOtherTraces(db, target, config);
  const [ordersKept, concernsKept] = await Promise.all([
    db.count(COLLECTIONS.orders, { residentOpenid: target.pseudonym }),
    db.count(COLLECTIONS.concerns, { residentOpenid: target.pseudonym }),
  ]);
  return { ordersKept, concernsKept };
}
