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
 *
 * order.place_for_resident (代下单, docs/acting-for-residents.md) is the same use case for a worker ordering
 * for a resident who cannot: from a match the worker asked for that resident (`match.requestedBy`), with the
 * resident's consent recorded on the order (`placedBy`), the creation event in the worker's name; as a 紧急求助
 * (`urgent`) it also gets an acceptance limit in minutes and tells the grid's and on-duty workers at once.
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
import {
  orderCreateSchema,
  orderPlaceForResidentSchema,
  type OrderPlaceForResidentCommand,
} from '../schemas/order.schema';
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
import { newUrgentRequest, urgentRecipients, urgentRequestMessage } from './urgent-request';

const OPEN: readonly OrderStatus[] = ['created', 'accepted'];

type OrderCreateCommand = ReturnType<typeof parseOrderCreate>;
const parseOrderCreate = (raw: unknown) => parseCommand(orderCreateSchema, raw);

/** Who orders: the resident for themselves, or a worker for a resident (with the consent and urgency). */
type Orderer =
  { readonly kind: 'resident' } | { readonly kind: 'worker'; readonly command: OrderPlaceForResidentCommand };

/** order.create: the resident orders for themselves. */
export async function createOrder(input: UseCaseInput): Promise<CreateOrderResult> {
  return placeOrder(input, parseOrderCreate(input.command), { kind: 'resident' });
}

/** order.place_for_resident: a worker orders for the resident of a match they asked for (代下单, 紧急求助). */
export async function placeOrderForResident(input: UseCaseInput): Promise<CreateOrderResult> {
  const command = parseCommand(orderPlaceForResidentSchema, input.command);
  return placeOrder(input, command, { kind: 'worker', command });
}

async function placeOrder(
  input: UseCaseInput,
  command: OrderCreateCommand,
  orderer: Orderer,
): Promise<CreateOrderResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const texts = orderTexts(command);
  const before = await screenIfAllowed(ports.db, input, texts, command, orderer);
  const name = orderer.kind === 'resident' ? 'order.create' : 'order.place_for_resident';
  // Read before the transaction (queries): who an urgent request tells at once.
  const urgentTo = await urgentRecipientsIfAllowed(ports.db, actor, command, orderer);

  return runCommand(ports, actor, name, command, async ({ tx, now, afterCommit, audit }) => {
    const match = ownMatch(
      await tx.get<Match>(COLLECTIONS.matches, command.matchId),
      actor,
      command,
      orderer,
    );
    if (now > match.expiresAt) throw orderLoopError('MATCH_EXPIRED', { matchId: match._id });
    const { result, candidate } = chosenCandidate(match, command);
    if (staffProviderIds(actor).has(candidate.providerId)) {
      throw orderLoopError('ORDER_OWN_PROVIDER', { providerId: candidate.providerId });
    }
    const { offering, provider } = await availableOffering(tx, candidate);
    // Not screened before (the match looked unusable then): screened now that the order is allowed.
    const held = before ?? (await screenTexts(ports, actor.openid, texts));
    await refuseSecondOpenOrder(tx, match, command.itemId);

    const resident = await tx.get<User>(COLLECTIONS.users, match.residentOpenid);
    const residentName =
      orderer.kind === 'resident' ? resident?.nickname : resident?.realName || resident?.nickname;
    const created = newOrder({
      id: ports.ids.next(),
      resident: { openid: match.residentOpenid, name: residentName || '居民' },
      ...{ now, config, command, match, result, candidate, offering, provider, held },
    });
    const order =
      orderer.kind === 'resident' ? created : placedFor(created, actor, orderer, now, urgentTo, config);
    const event = creationEvent(order, actor, orderer, { providerId: provider._id, matchId: match._id }, now);
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

    const messages = [
      ...(await enqueueNewOrderMessages(input, tx, order, now)),
      ...(await enqueueUrgentMessages(input, tx, order, now)),
    ];
    if (orderer.kind === 'worker') {
      audit({
        entityType: 'order',
        entityId: order._id,
        orgPath: order.orgPath,
        role: 'worker',
        summary: `${order.urgent === undefined ? '代居民下单' : '代居民发起紧急求助'}：${order.itemName}（${order.providerName}）`,
      });
    }
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

/**
 * The match if it is the caller's: only the resident who was shown it may order from it; for 代下单, only the
 * worker who asked for it for the resident, while they may still place orders in the resident's unit.
 */
function ownMatch(match: Match | null, actor: Actor, command: OrderCreateCommand, orderer: Orderer): Match {
  if (match === null || !mayOrderFrom(match, actor, orderer)) {
    throw orderLoopError('MATCH_NOT_FOUND', { matchId: command.matchId });
  }
  return match;
}

function mayOrderFrom(match: Match, actor: Actor, orderer: Orderer): boolean {
  if (orderer.kind === 'resident') {
    return (
      match.requestedBy === undefined &&
      can(
        actor,
        'order.create',
        { ownerOpenid: match.residentOpenid, orgPath: match.orgPath },
        { roles: ['resident'] },
      )
    );
  }
  return (
    match.requestedBy === actor.openid &&
    can(actor, 'order.place_for_resident', { orgPath: match.orgPath }, { roles: ['worker'] })
  );
}

/** The order's creation event: the resident's, or for 代下单 the worker's under order.place_for_resident. */
function creationEvent(
  order: Order,
  actor: Actor,
  orderer: Orderer,
  ids: { readonly providerId: string; readonly matchId: string },
  now: number,
) {
  const details = {
    ...ids,
    itemId: order.itemId,
    ...(orderer.kind === 'worker' ? { placedForResident: true, urgent: orderer.command.urgent } : {}),
  };
  const event = ORDER_LIFECYCLE.creationEvent(
    order._id,
    { openid: actor.openid, role: 'resident' },
    now,
    details,
  );
  if (orderer.kind === 'resident') return event;
  return {
    ...event,
    action: 'order.place_for_resident' as const,
    actor: { openid: actor.openid, role: 'worker' as const },
  };
}

/** The order as placed by a worker for the resident: who, the consent, and the urgent request if it is one. */
function placedFor(
  order: Order,
  actor: Actor,
  orderer: Extract<Orderer, { kind: 'worker' }>,
  now: number,
  urgentTo: readonly string[],
  config: PlatformConfig,
): Order {
  const { consent, urgent } = orderer.command;
  return {
    ...order,
    placedBy: {
      openid: actor.openid,
      role: 'worker',
      at: now,
      consent: { method: consent.method, statement: consent.statement, at: now, byOpenid: actor.openid },
    },
    ...(urgent ? { urgent: newUrgentRequest(now, order.orgPath, urgentTo, config) } : {}),
  };
}

/** The workers an urgent request tells at once ([] for an ordinary order, or one that will be refused). */
async function urgentRecipientsIfAllowed(
  db: DatabasePort,
  actor: Actor,
  command: OrderCreateCommand,
  orderer: Orderer,
): Promise<string[]> {
  if (orderer.kind !== 'worker' || !orderer.command.urgent) return [];
  const match = await db.get<Match>(COLLECTIONS.matches, command.matchId);
  if (match === null || !mayOrderFrom(match, actor, orderer)) return [];
  return urgentRecipients(db, match.orgPath);
}

/** The urgent request's messages to the workers it tells, written in the transaction. */
async function enqueueUrgentMessages(
  input: UseCaseInput,
  tx: TransactionPort,
  order: Order,
  now: number,
): Promise<readonly OutboxMessage[]> {
  if (order.urgent === undefined || order.urgent.notified.length === 0) return [];
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const unit = await input.ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(order.orgPath));
  return enqueueMessages(
    tx,
    input.ports.ids,
    order._id,
    order.urgent.notified.map((openid) => urgentRequestMessage(config, openid, order, unit?.name ?? '')),
    now,
  );
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
  orderer: Orderer,
): Promise<HeldTextKind[] | null> {
  const { ports, actor } = input;
  if (texts.every((t) => t.text.length === 0)) return [];
  const match = await db.get<Match>(COLLECTIONS.matches, command.matchId);
  if (match === null || !mayOrderFrom(match, actor, orderer) || ports.clock.now() > match.expiresAt) {
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
  const { offering, provider } = await offeringTakingOrders(tx, candidate);
  if (canonicalJson(offering.pricing) !== canonicalJson(candidate.pricing)) {
    throw orderLoopError('ORDER_PRICE_CHANGED', { offeringId: offering._id });
  }
  return { offering, provider };
}

/** The candidate's offering and provider, if both still take orders (PROVIDER_UNAVAILABLE otherwise). */
export async function offeringTakingOrders(
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
