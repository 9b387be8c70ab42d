/**
 * moderation.decide: a worker of the item's unit approves or rejects one held item, with a reason to reject
 * (MODERATION_REASON_REQUIRED); a decided item cannot be decided again (MODERATION_ILLEGAL_TRANSITION). The
 * decision is recorded as an event (`entityType: 'moderation'`) in the same transaction as its effect:
 *
 * - approving a text makes it visible where it belongs (removed from the order's or the follow-up's
 *   `heldTexts`; a rating's `textVisible`); approving held stars counts them in the provider's aggregates
 *   and reputation, as order.rate would have;
 * - a held notice (信息发布, decision 0051) is published once its last held field is approved; rejecting one
 *   of its fields sends it back to draft with the reason (`reviewNote`);
 * - rejecting keeps the text hidden and the stars uncounted. No subscribe-message template exists for telling
 *   the author, so the rejection is recorded (the event and the item's reason) and nothing is sent.
 */
import { MODERATION_LIFECYCLE, type ModerationStatus } from '../lifecycle/moderation.lifecycle';
import type { Announcement } from '../model/announcement.model';
import { COLLECTIONS } from '../model/collections.model';
import type { HeldTextKind, ModerationItem } from '../model/moderation.model';
import type { FollowUp, Order, Rating } from '../model/order.model';
import { countRatingStars } from '../reputation/provider-reputation';
import { recordEvent, runCommand } from '../kernel/command.runner';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { parseCommand } from '../schemas/command.parser';
import { moderationDecideSchema } from '../schemas/moderation.schema';
import { visibleItem } from './moderation-scope';
import type { ModerationDecideReply } from './moderation.replies';

export async function decideModeration(input: UseCaseInput): Promise<ModerationDecideReply> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(moderationDecideSchema, input.command);
  return runCommand(ports, actor, 'moderation.decide', command, async ({ tx, now }) => {
    const stored = await tx.get<ModerationItem>(COLLECTIONS.moderationItems, command.itemId);
    const item = visibleItem(stored, actor, command.itemId);
    const to: ModerationStatus = command.decision === 'approve' ? 'approved' : 'rejected';
    const { event } = MODERATION_LIFECYCLE.authorizeAndTransition(
      actor,
      item,
      to,
      { orgPath: item.orgPath },
      now,
      command.reason,
      { kind: item.kind, subjectId: item.subjectId, orderId: item.orderId },
    );
    await tx.update(COLLECTIONS.moderationItems, item._id, {
      status: to,
      decidedAt: now,
      decidedBy: actor.openid,
      decisionReason: event.reason,
      updatedAt: now,
    });
    await recordEvent(tx, ports.ids, item.orgPath, event);
    if (to === 'approved') await release(tx, ports.db, item, config, now);
    if (to === 'rejected' && item.subject === 'announcements') {
      await sendBackAnnouncement(tx, item, event.reason ?? '', now);
    }
    return { itemId: item._id, status: to, decidedAt: now };
  });
}

/** What approving the item changes where it belongs. */
async function release(
  tx: TransactionPort,
  db: DatabasePort,
  item: ModerationItem,
  config: PlatformConfig,
  now: number,
): Promise<void> {
  if (item.kind === 'rating_stars') return countHeldStars(tx, db, item.subjectId, config, now);
  if (item.subject === 'announcements') return releaseAnnouncement(tx, item, now);
  if (item.kind === 'rating_text') {
    if ((await tx.get<Rating>(COLLECTIONS.ratings, item.subjectId)) === null) return;
    return tx.update(COLLECTIONS.ratings, item.subjectId, { textVisible: true });
  }
  const collection = item.subject === 'follow_ups' ? COLLECTIONS.followUps : COLLECTIONS.orders;
  const record = await tx.get<Order | FollowUp>(collection, item.subjectId);
  if (record === null) return;
  const heldTexts = (record.heldTexts ?? []).filter((k: HeldTextKind) => k !== item.kind);
  await tx.update(collection, item.subjectId, { heldTexts, updatedAt: now });
}

/** A held notice goes out when none of its fields waits any more (from its publishAt, or now). */
async function releaseAnnouncement(tx: TransactionPort, item: ModerationItem, now: number): Promise<void> {
  const a = await tx.get<Announcement>(COLLECTIONS.announcements, item.subjectId);
  if (a === null || a.status !== 'held') return;
  const heldTexts = a.heldTexts.filter((k) => k !== item.kind);
  if (heldTexts.length > 0) return tx.update(COLLECTIONS.announcements, a._id, { heldTexts, updatedAt: now });
  await tx.update(COLLECTIONS.announcements, a._id, {
    status: 'published',
    heldTexts,
    publishAt: a.publishAt ?? now,
    publishedAt: now,
    publishedBy: item.authorOpenid,
    updatedAt: now,
  });
}

/** A rejected field sends the held notice back to its author's drafts, with the reason. */
async function sendBackAnnouncement(
  tx: TransactionPort,
  item: ModerationItem,
  reason: string,
  now: number,
): Promise<void> {
  const a = await tx.get<Announcement>(COLLECTIONS.announcements, item.subjectId);
  if (a === null || a.status !== 'held') return;
  await tx.update(COLLECTIONS.announcements, a._id, {
    status: 'draft',
    heldTexts: [],
    reviewNote: reason,
    updatedAt: now,
  });
}

/** Held stars now count, once: the rating says whether they already do. */
async function countHeldStars(
  tx: TransactionPort,
  db: DatabasePort,
  ratingId: string,
  config: PlatformConfig,
  now: number,
): Promise<void> {
  const rating = await tx.get<Rating>(COLLECTIONS.ratings, ratingId);
  if (rating === null || rating.counted !== false) return;
  await tx.update(COLLECTIONS.ratings, ratingId, { counted: true });
  await countRatingStars(tx, db, rating.providerId, rating.stars, config, now);
}
