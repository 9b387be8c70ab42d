/**
 * order.rate: the resident rates a done order once (1-5 stars and optional text).
 *
 * Authorization comes first: only the order's resident, and never someone who works for the order's provider
 * or served the order (RATING_OWN_PROVIDER: every WeChat user is also a resident, and staff who became staff
 * after ordering must not rate their own provider either). Only then does the text go through content
 * security: risky text is refused (CONTENT_RISKY) before anything is written; doubtful text is stored hidden
 * (`textVisible: false`) and a worker of the unit decides (`moderation_items`).
 *
 * The stars count at once, unless held for a worker (decision 0013): the rater is staff of another provider,
 * or a burst of ratings from new accounts reaches the provider (more than `newAccountRatingsPerDay` within
 * 24 hours from accounts younger than `newAccountDays`). Held stars are stored (`counted: false`) and count
 * when a worker approves them.
 *
 * Counted stars change the provider's aggregates by constant work (atomic increments) in the same
 * transaction, the reputation recomputed and copied to the provider's offerings. When the follow-up is
 * already on record, the rating also closes the order (the system's step, in the same commit).
 *
 * A rating of at most `governance.lowRatingAtMost` stars (a 差评) opens its follow-up ticket in the same
 * transaction (core/reputation/feedback-ticket.ts), held or not.
 *
 * 代评价: on an order a worker placed for a resident (代下单), a worker of the unit may record the resident's
 * rating on their behalf; the rating says so (`recordedBy`) and counts like the resident's own.
 */
import { authorize } from '../auth/authorize';
import { SYSTEM_OPENID, staffProviderIds, type Actor } from '../auth/roles';
import { ORDER_LIFECYCLE } from '../lifecycle/order.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { ModerationHoldReason } from '../model/moderation.model';
import type { Order, Rating } from '../model/order.model';
import type { User } from '../model/user.model';
import { openFeedbackTicket } from '../reputation/feedback-ticket';
import { countRatingStars } from '../reputation/provider-reputation';
import { parseCommand } from '../schemas/command.parser';
import { ratingSubmitSchema, type RatingSubmitCommand } from '../schemas/order.schema';
import { recordEvent } from '../kernel/command.runner';
import { moderationItem } from '../kernel/text-screening';
import type { UseCaseInput } from '../kernel/use-case';
import { orderLoopError } from './order-loop.errors';
import {
  insertHeldTexts,
  orderTarget,
  requirePlacedForResident,
  runOrderStep,
  type OrderStepContext,
} from './order-transition';
import { ratingIdOf } from './order-ids';
import type { RateOrderResult } from './order.replies';

const DAY_MS = 86_400_000;

/** The rater works for the order's provider, or served this very order. */
export function servesProvider(actor: Actor, order: Pick<Order, 'providerId' | 'handlerOpenid'>): boolean {
  return staffProviderIds(actor).has(order.providerId) || order.handlerOpenid === actor.openid;
}

export async function rateOrder(input: UseCaseInput): Promise<RateOrderResult> {
  const { actor } = input;
  const command = parseCommand(ratingSubmitSchema, input.command);
  const texts = [{ kind: 'rating_text', text: command.text }] as const;
  const screening = { texts, to: () => 'rated' as const, allowed: (o: Order) => !servesProvider(actor, o) };

  return runOrderStep(
    input,
    'order.rate',
    command,
    async (step) => {
      const { tx, order, now, apply, held } = step;
      const forResident = order.placedBy !== undefined && order.residentOpenid !== actor.openid;
      if (forResident) {
        authorize(actor, 'order.place_for_resident', orderTarget(order), { roles: ['worker'] });
      } else {
        authorize(actor, 'order.rate', orderTarget(order), { roles: ['resident'] });
      }
      if (servesProvider(actor, order)) {
        throw orderLoopError('RATING_OWN_PROVIDER', { orderId: order._id, providerId: order.providerId });
      }
      const ratingId = ratingIdOf(order._id);
      if ((await tx.get<Rating>(COLLECTIONS.ratings, ratingId)) !== null) {
        throw orderLoopError('ORDER_ALREADY_RATED', { orderId: order._id });
      }
      const rated = await apply({
        to: 'rated',
        patch: { ratedAt: now, stars: command.stars },
        details: { stars: command.stars, ...(forResident ? { onBehalfOfResident: true } : {}) },
      });
      requirePlacedForResident(actor, rated.event.actor.role, order, 'order.rate');
      const status = order.status === 'followed_up' ? await closeRatedOrder(step, rated.entity) : 'rated';

      const made = await newRating(step, ratingId, !held.includes('rating_text'));
      const rating: Rating = forResident
        ? { ...made, recordedBy: { openid: actor.openid, role: 'worker' } }
        : made;
      await tx.insert(COLLECTIONS.ratings, rating);
      const subject = { subject: 'ratings', subjectId: ratingId, orderId: order._id } as const;
      const about = { ...subject, orgPath: order.orgPath, authorOpenid: actor.openid };
      await insertHeldTexts(tx, about, texts, held, now);
      if (rating.holdReason) {
        const shown = `${rating.stars}星${rating.text.length > 0 ? `：${rating.text}` : ''}`;
        await tx.insert(
          COLLECTIONS.moderationItems,
          moderationItem(about, 'rating_stars', shown, rating.holdReason, now),
        );
      } else {
        await countRatingStars(tx, step.ports.db, order.providerId, command.stars, step.config, now);
      }
      // A 差评 opens its follow-up ticket in this transaction (held stars too: docs/governance.md).
      await step.notify(await openFeedbackTicket(tx, step.ports.db, rating, order, step.config, now));
      return {
        orderId: order._id,
        status,
        statusChangedAt: now,
        ratingId,
        stars: command.stars,
        textVisible: rating.textVisible,
      };
    },
    screening,
  );
}

type RateStep = OrderStepContext<RatingSubmitCommand>;

/** The follow-up is on record: the rating completes the order (the system's step, in the same commit). */
async function closeRatedOrder(step: RateStep, rated: Order): Promise<'closed'> {
  const { tx, ports, order, now } = step;
  const closing = ORDER_LIFECYCLE.transition(rated, 'closed', { openid: SYSTEM_OPENID, role: 'system' }, now);
  await tx.update(COLLECTIONS.orders, order._id, { status: 'closed', closedAt: now });
  await recordEvent(tx, ports.ids, order.orgPath, closing.event);
  return 'closed';
}

async function newRating(step: RateStep, ratingId: string, textVisible: boolean): Promise<Rating> {
  const { order, command, now } = step;
  const { hold, newAccount } = await starsHold(step);
  return {
    _id: ratingId,
    orderId: order._id,
    providerId: order.providerId,
    itemId: order.itemId,
    residentOpenid: order.residentOpenid,
    orgPath: order.orgPath,
    stars: command.stars,
    text: command.text,
    textVisible,
    createdAt: now,
    counted: hold === null,
    holdReason: hold,
    raterNewAccount: newAccount,
  };
}

/**
 * Whether the stars wait for a worker, and whether the rater's account is new. Staff of another provider:
 * held. A new account (its `users` record younger than `newAccountDays`): counted unless the provider has
 * already had `newAccountRatingsPerDay` ratings from new accounts in the last 24 hours (one indexed count,
 * `providerId_1_createdAt_-1`; a query, so concurrent raters may both slip under the line, which the rate
 * limit keeps small).
 */
async function starsHold(
  step: RateStep,
): Promise<{ hold: ModerationHoldReason | null; newAccount: boolean }> {
  const { tx, ports, actor, order, config, now } = step;
  const user = await tx.get<User>(COLLECTIONS.users, actor.openid);
  const newAccount = user === null || now - user.createdAt < config.ratings.newAccountDays * DAY_MS;
  if (config.ratings.holdOtherProvidersStaff && staffProviderIds(actor).size > 0) {
    return { hold: 'rater_is_provider_staff', newAccount };
  }
  if (!newAccount) return { hold: null, newAccount };
  const recent = await ports.db.count(COLLECTIONS.ratings, {
    providerId: order.providerId,
    createdAt: ports.db.command.gte(now - DAY_MS),
    raterNewAccount: true,
  });
  return { hold: recent >= config.ratings.newAccountRatingsPerDay ? 'new_account_burst' : null, newAccount };
}
