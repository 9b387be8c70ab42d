/**
 * order.rate: the resident rates a done order once (1-5 stars and optional text). The text goes through
 * content security first: risky text is refused (CONTENT_RISKY) before anything is written; doubtful text
 * is stored hidden (`textVisible: false`) for a worker to look at, and the stars count either way.
 *
 * The provider's aggregates change by constant work: atomic increments of `ratingCount`, `ratingSum` and one
 * `starCounts` entry, in the same transaction as the rating; the reputation is recomputed from the
 * aggregates and copied to the provider's offerings. When the follow-up is already on record, the rating also
 * closes the order (the system's step, in the same commit).
 */
import { authorize } from '../auth/authorize';

import { SYSTEM_OPENID } from '../auth/roles';

import { ORDER_LIFECYCLE } from '../lifecycle/order.lifecycle';

import { COLLECTIONS } from '../model/collections.model';

import type { Rating } from '../model/order.model';

import type { Provider } from '../model/provider.model';

import { addRating, ratingIncrement } from '../reputation/ratings.aggregate';

import { parseCommand } from '../schemas/command.parser';

import { ratingSubmitSchema } from '../schemas/order.schema';

import type { ContentVerdict } from '../kernel/content-security.port';

import { orderLoopError } from './order-loop.errors';

import type { UseCaseInput } from '../kernel/use-case';

import { recordEvent } from '../kernel/command.runner';

import { requireIdentity } from '../kernel/identity';

import { orderTarget, runOrderStep } from './order-transition';

import { ratingIdOf } from './order-ids';

import {
  providerReputation,
  providerReputationPatch,
  ratingAggregateOf,
  copyReputationToOfferings,
} from '../reputation/provider-reputation';

import type { RateOrderResult } from './order.replies';

export async function rateOrder(input: UseCaseInput): Promise<RateOrderResult> {
  const { ports, actor } = input;
  const command = parseCommand(ratingSubmitSchema, input.command);
  requireIdentity(actor);
  const verdict: ContentVerdict =
    command.text.length === 0
      ? 'pass'
      : await ports.contentSecurity.check(command.text, actor.openid, 'comment');
  if (verdict === 'risky') throw orderLoopError('CONTENT_RISKY');

  return runOrderStep(input, 'order.rate', command, async ({ config, tx, order, now, apply }) => {
    const _ = ports.db.command;
    authorize(actor, 'order.rate', orderTarget(order), { roles: ['resident'] });
    const ratingId = ratingIdOf(order._id);
    if ((await tx.get<Rating>(COLLECTIONS.ratings, ratingId)) !== null) {
      throw orderLoopError('ORDER_ALREADY_RATED', { orderId: order._id });
    }
    const rated = await apply({
      to: 'rated',
      patch: { ratedAt: now, stars: command.stars },
      details: { stars: command.stars },
    });
    let status = rated.entity.status;
    if (order.status === 'followed_up') {
      // The follow-up is on record: the order is complete.
      const closing = ORDER_LIFECYCLE.transition(
        rated.entity,
        'closed',
        { openid: SYSTEM_OPENID, role: 'system' },
        now,
      );
      await tx.update(COLLECTIONS.orders, order._id, { status: 'closed', closedAt: now });
      await recordEvent(tx, ports.ids, order.orgPath, closing.event);
      status = closing.entity.status;
    }

    const rating: Rating = {
      _id: ratingId,
      orderId: order._id,
      providerId: order.providerId,
      itemId: order.itemId,
      residentOpenid: order.residentOpenid,
      orgPath: order.orgPath,
      stars: command.stars,
      text: command.text,
      textVisible: verdict === 'pass',
      createdAt: now,
    };
    await tx.insert(COLLECTIONS.ratings, rating);

    const provider = await tx.get<Provider>(COLLECTIONS.providers, order.providerId);
    if (provider !== null) {
      const inc = ratingIncrement(command.stars);
      const reputation = providerReputation(provider, config, {
        ratings: addRating(ratingAggregateOf(provider), command.stars),
      });
      await tx.update(COLLECTIONS.providers, provider._id, {
        ratingCount: _.inc(inc.ratingCount),
        ratingSum: _.inc(inc.ratingSum),
        [`starCounts.${inc.starIndex}`]: _.inc(1),
        ...providerReputationPatch(reputation, now),
      });
      await copyReputationToOfferings(tx, ports.db, provider._id, reputation, now);
    }
    return {
      orderId: order._id,
      status,
      statusChangedAt: now,
      ratingId,
      stars: command.stars,
      textVisible: rating.textVisible,
    };
  });
}
