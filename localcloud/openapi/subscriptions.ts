/**
 * Subscription grants: each time a user accepts a one-time subscribe-message template in
 * `wx.requestSubscribeMessage`, the app may send that user one message of that template. Accepts
 * accumulate; a send uses one up, and a send without one fails with 43101.
 * In local mode the mini-program reports the accepts through the gateway (`POST /gateway/subscribe`).
 */
import type { LocalDatabase } from '../db/local-database';
import { decodeStored } from '../protocol/ejson.codec';

export const SUBSCRIPTIONS_COLLECTION = 'sys_subscriptions';

function grantId(openid: string, templateId: string): string {
  return `${openid}|${templateId}`;
}

function check(openid: string, templateId: string, count: number): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) throw new Error(`openid 不合法:${openid}`);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(templateId)) throw new Error(`模板 id 不合法:${templateId}`);
  // The grant's _id joins both and must stay within CloudBase's 128 characters.
  if (openid.length + templateId.length > 127) throw new Error('openid 与模板 id 合计过长');
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error('count 必须是 1-1000 的整数');
}

/** Record `count` accepts of a template by a user; returns how many sends the user now allows. */
export function recordSubscription(db: LocalDatabase, openid: string, templateId: string, count = 1): number {
  check(openid, templateId, count);
  db.ensureCollection(SUBSCRIPTIONS_COLLECTION);
  const _id = grantId(openid, templateId);
  db.update(
    SUBSCRIPTIONS_COLLECTION,
    { _id },
    {
      $inc: { remaining: count, accepted: count },
      $set: { openid, templateId, updatedAt: new Date(db.now()) },
    },
    { multi: false, merge: true, upsert: true },
  );
  return remainingSubscriptions(db, openid, templateId);
}

/** How many more messages of the template the user accepts. */
export function remainingSubscriptions(db: LocalDatabase, openid: string, templateId: string): number {
  if (!db.store.has(SUBSCRIPTIONS_COLLECTION)) return 0;
  const [text] = db.getRawById(SUBSCRIPTIONS_COLLECTION, grantId(openid, templateId));
  if (!text) return 0;
  const remaining = decodeStored(text)['remaining'];
  return typeof remaining === 'number' ? remaining : 0;
}

/** Use up one grant; false when the user has none left for the template. */
export function consumeSubscription(db: LocalDatabase, openid: string, templateId: string): boolean {
  if (!db.store.has(SUBSCRIPTIONS_COLLECTION)) return false;
  const { updated } = db.update(
    SUBSCRIPTIONS_COLLECTION,
    { _id: grantId(openid, templateId), remaining: { $gt: 0 } },
    { $inc: { remaining: -1, used: 1 }, $set: { lastUsedAt: new Date(db.now()) } },
    { multi: false, merge: true, upsert: false },
  );
  return updated === 1;
}
