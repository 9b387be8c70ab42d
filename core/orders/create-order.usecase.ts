/**
 * order.create: the resident orders one item from one provider of a match they were shown (idempotent by
 * clientRequestId). The order keeps what was agreed (names, the price shown) and its own copy of the match's
 * list for this item, so an expired or declined order can offer the next provider. The provider's staff are
 * told by subscribe message (TPL_ORDER_NEW) once the order is stored.
 */
import { authorize } from '../auth/authorize';
import { ORDER_LIFECYCLE, type OrderStatus } from '../lifecycle/order.lifecycle';
import { acceptDeadline } from '../lifecycle/order.deadlines';
import { COLLECTIONS } from '../model/collections.model';
import type { Offering } from '../model/offering.model';
import type { Order } from '../model/order.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Match } from '../model/platform.model';
import type { Provider } from '../model/provider.model';
import type { User } from '../model/user.model';
import { unitIdOfPath } from '../org/org-path';
import { canonicalJson } from '../idempotency/request.fingerprint';
import { parseCommand } from '../schemas/command.parser';
import { orderCreateSchema } from '../schemas/order.schema';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import { orderLoopError } from './order-loop.errors';
import type { UseCaseInput } from '../kernel/use-case';
import { recordEvent, runCommand } from '../kernel/command.runner';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { orderNewMessage, providerStaffOpenids } from './order-messages.builder';
import type { CreateOrderResult } from './order.replies';

const OPEN: readonly OrderStatus[] = ['created', 'accepted'];

export async function createOrder(input: UseCaseInput): Promise<CreateOrderResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseCommand(orderCreateSchema, input.command);

  return runCommand(ports, actor, 'order.create', command, async ({ tx, now, afterCommit }) => {
    const match = await tx.get<Match>(COLLECTIONS.matches, command.matchId);
    if (match === null) throw orderLoopError('MATCH_NOT_FOUND', { matchId: command.matchId });
    // Only the resident who was shown the match may order from it.
    authorize(
      actor,
      'order.create',
      { ownerOpenid: match.residentOpenid, orgPath: match.orgPath },
      {
        roles: ['resident'],
      },
    );
    if (now > match.expiresAt) throw orderLoopError('MATCH_EXPIRED', { matchId: match._id });
    const result = match.results.find((r) => r.itemId === command.itemId);
    const candidate = result?.candidates.find((c) => c.providerId === command.providerId);
    if (result === undefined || candidate === undefined) {
      throw orderLoopError('MATCH_CANDIDATE_NOT_FOUND', {
        matchId: match._id,
        itemId: command.itemId,
        providerId: command.providerId,
      });
    }

    const [offering, provider] = await Promise.all([
      tx.get<Offering>(COLLECTIONS.offerings, candidate.offeringId),
      tx.get<Provider>(COLLECTIONS.providers, candidate.providerId),
    ]);
    if (
      offering === null ||
      provider === null ||
      !offering.active ||
      provider.status !== 'active' ||
      provider.blacklisted
    ) {
      throw orderLoopError('PROVIDER_UNAVAILABLE', { providerId: candidate.providerId });
    }
    if (canonicalJson(offering.pricing) !== canonicalJson(candidate.pricing)) {
      throw orderLoopError('ORDER_PRICE_CHANGED', { offeringId: offering._id });
    }
    // One open order per item of a match: a second tap, or ordering again before the first has ended. The
    // match records its latest order per item and this transaction rewrites that record, so a concurrent
    // create for the same item conflicts, is retried, and finds this one.
    const latestId = match.latestOrderByItem?.[command.itemId];
    const latest = latestId === undefined ? null : await tx.get<Order>(COLLECTIONS.orders, latestId);
    if (latest !== null && OPEN.includes(latest.status)) {
      throw orderLoopError('ORDER_ALREADY_OPEN', { orderId: latest._id });
    }

    const resident = await tx.get<User>(COLLECTIONS.users, actor.openid);
    const orderId = ports.ids.next();
    const acceptBy = acceptDeadline({ createdAt: now }, config.deadlines);
    const order: Order = {
      _id: orderId,
      orgPath: match.orgPath,
      residentOpenid: actor.openid,
      residentName: resident?.nickname || '居民',
      providerId: provider._id,
      providerName: provider.name,
      offeringId: offering._id,
      itemId: command.itemId,
      itemName: result.itemName,
      categoryId: offering.categoryId,
      pricing: candidate.pricing,
      matchId: match._id,
      matchRank: candidate.rank,
      serviceAddress: command.serviceAddress,
      note: command.note,
      status: 'created',
      statusChangedAt: now,
      handlerOpenid: null,
      acceptedAt: null,
      doneAt: null,
      followUpDueAt: null,
      followedUpAt: null,
      ratedAt: null,
      closedAt: null,
      stars: null,
      createdAt: now,
      updatedAt: now,
      acceptBy,
      matchCandidates: result.candidates,
      nextOffer: null,
    };
    const event = ORDER_LIFECYCLE.creationEvent(orderId, { openid: actor.openid, role: 'resident' }, now, {
      providerId: provider._id,
      itemId: command.itemId,
      matchId: match._id,
    });
    await tx.insert(COLLECTIONS.orders, order);
    await tx.update(COLLECTIONS.matches, match._id, { [`latestOrderByItem.${command.itemId}`]: orderId });
    await recordEvent(tx, ports.ids, order.orgPath, event);

    // The staff to tell are read outside the transaction (a query); the messages are written inside it.
    const [staff, unit] = await Promise.all([
      providerStaffOpenids(ports.db, order.providerId),
      ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(order.orgPath)),
    ]);
    const messages = await enqueueMessages(
      tx,
      ports.ids,
      orderId,
      staff.map((openid) => orderNewMessage(config, openid, order, unit?.name ?? '')),
      now,
    );
    afterCommit(async () => {
      await deliverMessages(ports.db, ports.notifier, messages, now);
    });
    return { orderId, status: order.status, acceptBy };
  });
}
