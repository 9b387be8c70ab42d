/**
 * order.create: the resident orders one item from one provider of a match they were shown (idempotent by
 * clientRequestId). The order keeps what was agreed (names, the price shown) and its own copy of the match's
 * list for this item, so an expired or declined order can offer the next provider. The provider's staff are
 * told by subscribe message (TPL_ORDER_NEW) once the order is stored.
 *
 * A match that is not the caller's is MATCH_NOT_FOUND (as for one that does not exist); a provider the caller
 * works for is ORDER_OWN_PROVIDER. The note and the service address, which the provider's staff read, go
 * through content security once the order is known to be allowed: risky text is refused
 * (ORDER_NOTE_RISKY, SERVICE_ADDRESS_RISKY), doubtful text is stored but kept from the staff (and out of
 * the new-order message) until a worker approves it.
 */
import { can } from '../auth/authorize';
import { staffProviderIds, type Actor } from '../auth/roles';
import { ORDER_LIFECYCLE, type OrderStatus } from '../lifecycle/order.lifecycle';
import { acceptDeadline } from '../lifecycle/order.deadlines';
import { COLLECTIONS } from '../model/collections.model';
import type { Offering } from '../model/offering.model';
import type { Order } from '../model/order.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Match, MatchCandidate, MatchItemResult, OutboxMessage } from '../model/platform.model';
import type { Provider } from '../model/provider.model';
import type { User } from '../model/user.model';
import { unitIdOfPath } from '../org/org-path';
import { canonicalJson } from '../idempotency/request.fingerprint';
import { parseCommand } from '../schemas/command.parser';
import { orderCreateSchema } from '../schemas/order.schema';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { HeldTextKind } from '../model/moderation.model';
import { screenTexts, type TextToScreen } from '../kernel/text-screening';
import { requireIdentity } from '../kernel/identity';
import { insertHeldTexts } from './order-transition';
import { orderLoopError } from './order-loop.errors';
import type { UseCaseInput } from '../kernel/use-case';
import { recordEvent, runCommand } from '../kernel/command.runner';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { orderNewMessage, providerStaffOpenids } from './order-messages.builder';
import type { CreateOrderResult } from './order.replies';

const OPEN: readonly OrderStatus[] = ['created', 'accepted'];

type OrderCreateCommand = ReturnType<typeof parseOrderCreate>;
const parseOrderCreate = (raw: unknown) => parseCommand(orderCreateSchema, raw);

export async function createOrder(input: UseCaseInput): Promise<CreateOrderResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const command = parseOrderCreate(input.command);
  requireIdentity(actor);
  const texts = orderTexts(command);
  const before = await screenIfAllowed(ports.db, input, texts, command);

  return runCommand(ports, actor, 'order.create', command, async ({ tx, now, afterCommit }) => {
    const match = ownMatch(await tx.get<Match>(COLLECTIONS.matches, command.matchId), actor, command);
    if (now > match.expiresAt) throw orderLoopError('MATCH_EXPIRED', { matchId: match._id });
    const { result, candidate } = chosenCandidate(match, command);
    if (staffProviderIds(actor).has(candidate.providerId)) {
      throw orderLoopError('ORDER_OWN_PROVIDER', { providerId: candidate.providerId });
    }
    const { offering, provider } = await availableOffering(tx, candidate);
    // Not screened before (the match looked unusable then): screened now that the order is allowed.
    const held = before ?? (await screenTexts(ports, actor.openid, texts));
    await refuseSecondOpenOrder(tx, match, command.itemId);

    const resident = await tx.get<User>(COLLECTIONS.users, actor.openid);
    const order = newOrder({
      id: ports.ids.next(),
      resident: { openid: actor.openid, name: resident?.nickname || '居民' },
      ...{ now, config, command, match, result, candidate, offering, provider, held },
    });
    const event = ORDER_LIFECYCLE.creationEvent(order._id, { openid: actor.openid, role: 'resident' }, now, {
      providerId: provider._id,
      itemId: command.itemId,
      matchId: match._id,
    });
    await tx.insert(COLLECTIONS.orders, order);
    await tx.update(COLLECTIONS.matches, match._id, { [`latestOrderByItem.${command.itemId}`]: order._id });
    await recordEvent(tx, ports.ids, order.orgPath, event);
    const subject = { subject: 'orders', subjectId: order._id, orderId: order._id } as const;
    await insertHeldTexts(
      tx,
      { ...subject, orgPath: order.orgPath, authorOpenid: actor.openid },
      texts,
      held,
      now,
    );

    const messages = await enqueueNewOrderMessages(input, tx, order, now);
    afterCommit(async () => {
      await deliverMessages(ports.db, ports.notifier, messages, now);
    });
    return { orderId: order._id, status: order.status, acceptBy: order.acceptBy! };
  });
}

/** The texts of an order the provider's staff read. */
function orderTexts(command: OrderCreateCommand): TextToScreen[] {
  return [
    { kind: 'order_note', text: command.note },
    { kind: 'service_address', text: command.serviceAddress },
  ];
}

/** The match if it is the caller's: only the resident who was shown it may order from it. */
function ownMatch(match: Match | null, actor: Actor, command: OrderCreateCommand): Match {
  if (
    match === null ||
    !can(
      actor,
      'order.create',
      { ownerOpenid: match.residentOpenid, orgPath: match.orgPath },
      { roles: ['resident'] },
    )
  ) {
    throw orderLoopError('MATCH_NOT_FOUND', { matchId: command.matchId });
  }
  return match;
}

/**
 * Screen the texts when the order would be allowed as things stand (the caller's match, still open, a
 * provider of it they do not work for): the kinds held for review, [] without text. Otherwise screen
 * nothing (null) and let the transaction refuse, replay, or screen once it finds the order allowed.
 */
async function screenIfAllowed(
  db: DatabasePort,
  input: UseCaseInput,
  texts: readonly TextToScreen[],
  command: OrderCreateCommand,
): Promise<HeldTextKind[] | null> {
  const { ports, actor } = input;
  if (texts.every((t) => t.text.length === 0)) return [];
  const match = await db.get<Match>(COLLECTIONS.matches, command.matchId);
  if (match === null || match.residentOpenid !== actor.openid || ports.clock.now() > match.expiresAt) {
    return null;
  }
  const candidate = match.results
    .find((r) => r.itemId === command.itemId)
    ?.candidates.find((c) => c.providerId === command.providerId);
  if (candidate === undefined || staffProviderIds(actor).has(candidate.providerId)) return null;
  return screenTexts(ports, actor.openid, texts);
}

/** The item's result and the chosen provider in the match, or MATCH_CANDIDATE_NOT_FOUND. */
function chosenCandidate(
  match: Match,
  command: OrderCreateCommand,
): { result: MatchItemResult; candidate: MatchCandidate } {
  const result = match.results.find((r) => r.itemId === command.itemId);
  const candidate = result?.candidates.find((c) => c.providerId === command.providerId);
  if (result === undefined || candidate === undefined) {
    throw orderLoopError('MATCH_CANDIDATE_NOT_FOUND', {
      matchId: match._id,
      itemId: command.itemId,
      providerId: command.providerId,
    });
  }
  return { result, candidate };
}

/** The candidate's offering and provider as they are now: still taking orders, at the price shown. */
async function availableOffering(
  tx: TransactionPort,
  candidate: MatchCandidate,
): Promise<{ offering: Offering; provider: Provider }> {
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
  return { offering, provider };
}

/**
 * One open order per item of a match: a second tap, or ordering again before the first has ended. The
 * match records its latest order per item and the create rewrites that record, so a concurrent create for
 * the same item conflicts, is retried, and finds the first one.
 */
async function refuseSecondOpenOrder(tx: TransactionPort, match: Match, itemId: string): Promise<void> {
  const latestId = match.latestOrderByItem?.[itemId];
  const latest = latestId === undefined ? null : await tx.get<Order>(COLLECTIONS.orders, latestId);
  if (latest !== null && OPEN.includes(latest.status)) {
    throw orderLoopError('ORDER_ALREADY_OPEN', { orderId: latest._id });
  }
}

interface NewOrderFacts {
  readonly id: string;
  readonly now: number;
  readonly config: PlatformConfig;
  readonly command: OrderCreateCommand;
  readonly match: Match;
  readonly result: MatchItemResult;
  readonly candidate: MatchCandidate;
  readonly offering: Offering;
  readonly provider: Provider;
  readonly resident: { readonly openid: string; readonly name: string };
  /** Texts held for review: kept from the staff until a worker approves them. */
  readonly held: readonly HeldTextKind[];
}

/** The new order: what was agreed (names, the price shown) and its own copy of the item's candidates. */
function newOrder(f: NewOrderFacts): Order {
  const { now, command, match, candidate } = f;
  return {
    _id: f.id,
    orgPath: match.orgPath,
    residentOpenid: f.resident.openid,
    residentName: f.resident.name,
    providerId: f.provider._id,
    providerName: f.provider.name,
    offeringId: f.offering._id,
    itemId: command.itemId,
    itemName: f.result.itemName,
    categoryId: f.offering.categoryId,
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
    acceptBy: acceptDeadline({ createdAt: now }, f.config.deadlines),
    matchCandidates: f.result.candidates,
    nextOffer: null,
    ...(f.held.length > 0 ? { heldTexts: [...f.held] } : {}),
  };
}

/** The new-order messages to the provider's staff, written in the transaction (sent after the commit). */
async function enqueueNewOrderMessages(
  input: UseCaseInput,
  tx: TransactionPort,
  order: Order,
  now: number,
): Promise<readonly OutboxMessage[]> {
  const { ports } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  // The staff to tell are read outside the transaction (a query); the messages are written inside it.
  const [staff, unit] = await Promise.all([
    providerStaffOpenids(ports.db, order.providerId),
    ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(order.orgPath)),
  ]);
  // A note waiting for review stays out of the message (the staff read it once it is approved).
  const shown = order.heldTexts?.includes('order_note') === true ? { ...order, note: '' } : order;
  return enqueueMessages(
    tx,
    ports.ids,
    order._id,
    staff.map((openid) => orderNewMessage(config, openid, shown, unit?.name ?? '')),
    now,
  );
}
