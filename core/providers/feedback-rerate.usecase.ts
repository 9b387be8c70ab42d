/**
 * rating.rerate {orderId, stars, text?}: after the provider resolved the 差评 ticket of their rating, the
 * resident may rate the order once more. The second rating replaces the first in the provider's aggregates
 * (atomically, in this transaction: core/reputation/feedback-aggregates.ts), the reputation is refreshed and
 * copied to the offerings; the rating document keeps the first one as `superseded` and holds the second, so
 * both are kept and the order still has exactly one rating (unique `orderId`).
 *
 * Only the resident who rated may do it (`rating.rerate`: resident, own): nothing here writes a rating for
 * anyone else, and nothing creates a rating that did not exist.
 */
import { runCommand } from '../kernel/command.runner';
import type { StoredDocument, TransactionPort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { moderationItem } from '../kernel/text-screening';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { FeedbackTicket } from '../model/feedback.model';
import type { ModerationItem } from '../model/moderation.model';
import type { Order, Rating, SupersededRating } from '../model/order.model';
import { replaceCountedStars } from '../reputation/feedback-aggregates';
import { feedbackTicketIdOf } from '../reputation/feedback-ticket';
import { rerateState } from '../reputation/rerate.rule';
import { parseCommand } from '../schemas/command.parser';
import { ratingRerateSchema } from '../schemas/feedback.schema';
import { authorizeOrHide, screenText } from './feedback-common';
import { feedbackError } from './feedback.errors';
import type { RerateResult } from './feedback.replies';

export async function rerateOrder(input: UseCaseInput): Promise<RerateResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(ratingRerateSchema, input.command);
  // The order's one rating (unique `orderId`), found outside the transaction and read by id inside it.
  const found = await ports.db.find<StoredDocument>(
    COLLECTIONS.ratings,
    { orderId: command.orderId },
    { fields: ['_id'], limit: 1 },
  );
  const ratingId = found[0]?._id ?? null;
  // The text is screened only for the rater themselves (anyone else is refused by the matrix below).
  const current = ratingId === null ? null : await ports.db.get<Rating>(COLLECTIONS.ratings, ratingId);
  const verdict =
    current !== null && current.residentOpenid === actor.openid
      ? await screenText(ports, actor.openid, command.text)
      : 'pass';
  if (verdict === 'risky') throw feedbackError('RERATE_TEXT_RISKY');
  return runCommand(ports, actor, 'rating.rerate', command, async (ctx) => {
    const { tx, now } = ctx;
    const rating = ratingId === null ? null : await tx.get<Rating>(COLLECTIONS.ratings, ratingId);
    // Someone else's order (rated or not) answers like one that does not exist (docs/governance.md); the
    // caller's own order without a rating is RATING_NOT_FOUND.
    const order =
      rating !== null
        ? null
        : await tx.get<Pick<Order, '_id' | 'residentOpenid' | 'orgPath'>>(
            COLLECTIONS.orders,
            command.orderId,
          );
    const owned =
      rating ?? (order === null ? null : { residentOpenid: order.residentOpenid, orgPath: order.orgPath });
    authorizeOrHide(
      actor,
      'rating.rerate',
      owned === null ? null : { ownerOpenid: owned.residentOpenid, orgPath: owned.orgPath },
      () => feedbackError('ORDER_NOT_FOUND', { orderId: command.orderId }),
      { roles: ['resident'] },
    );
    if (rating === null) throw feedbackError('RATING_NOT_FOUND', { orderId: command.orderId });
    const ticket = await tx.get<FeedbackTicket>(COLLECTIONS.feedbackTickets, feedbackTicketIdOf(rating._id));
    const state = rerateState(ticket, rating);
    if (state === 'already_done') throw feedbackError('RERATE_ALREADY_DONE', { orderId: command.orderId });
    if (state === 'not_available' || ticket === null) {
      throw feedbackError('RERATE_NOT_AVAILABLE', { orderId: command.orderId });
    }
    const superseded: SupersededRating = {
      stars: rating.stars,
      text: rating.text,
      textVisible: rating.textVisible,
      createdAt: rating.createdAt,
      supersededAt: now,
    };
    const textVisible = verdict !== 'review';
    await tx.update(COLLECTIONS.ratings, rating._id, {
      stars: command.stars,
      text: command.text,
      textVisible,
      superseded,
    });
    await tx.update(COLLECTIONS.orders, rating.orderId, { stars: command.stars, updatedAt: now });
    if (!textVisible) await holdText(tx, rating, command.text, now);
    await tx.update(COLLECTIONS.feedbackTickets, ticket._id, { reratedAt: now, updatedAt: now });
    // Held stars (not counted) stay out of the aggregates; counted ones are replaced.
    if (rating.counted !== false) {
      await replaceCountedStars(tx, ports.db, rating.providerId, rating.stars, command.stars, config, now);
    }
    return {
      orderId: rating.orderId,
      ratingId: rating._id,
      stars: command.stars,
      previousStars: rating.stars,
      textVisible,
    };
  });
}

/**
 * The second text waits for a worker like the first (moderation.decide approving `rating_text` shows it). The
 * rating's text item may exist from the first rating: it is put back in the queue with the new text.
 */
async function holdText(tx: TransactionPort, rating: Rating, text: string, now: number): Promise<void> {
  const subject = {
    subject: 'ratings',
    subjectId: rating._id,
    orderId: rating.orderId,
    orgPath: rating.orgPath,
    authorOpenid: rating.residentOpenid,
  } as const;
  const item = moderationItem(subject, 'rating_text', text, 'content_review', now);
  const existing = await tx.get<ModerationItem>(COLLECTIONS.moderationItems, item._id);
  if (existing === null) {
    await tx.insert(COLLECTIONS.moderationItems, item);
    return;
  }
  await tx.update(COLLECTIONS.moderationItems, item._id, {
    text,
    holdReason: 'content_review',
    status: 'pending',
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    updatedAt: now,
  });
}
