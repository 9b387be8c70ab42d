/**
 * moderation.decide: a worker of the item's unit approves or rejects one held item, with a reason to reject
 * (MODERATION_REASON_REQUIRED); a decided item cannot be decided again (MODERATION_ILLEGAL_TRANSITION). The
 * decision is recorded as an event (`entityType: 'moderation'`) in the same transaction as its effect:
 *
 * - approving a text makes it visible where it belongs (removed from the order's or the follow-up's
 *   `heldTexts`; a rating's `textVisible`); approving held stars counts them in the provider's aggregates
 *   and reputation, as order.rate would have;
 * - rejecting keeps the text hidden and the stars uncounted. No subscribe-message template exists for telling
 *   the author, so the rejection is recorded (the event and the item's reason) and nothing is sent.
 */
import { MODERATION_LIFECYCLE, type ModerationStatus } from '../lifecycle/moderation.lifecycle';
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
