/**
 * The end-of-run consistency check of `npm run load` (bench/load.ts), read through the administrator's SDK
 * once nothing is running any more:
 *
 * - every order's status is the end of its timeline: the `events` of the order, chained from the creation
 *   (from null) step by step, each step one the order life cycle allows, in time order, none left over;
 * - its follow-up exists exactly when the order reached `done`, and is recorded exactly when the timeline
 *   has a follow-up step (`order.follow_up`);
 * - its rating exists exactly when the order reached `rated`, with the order's stars;
 * - every provider's aggregates (ratings counted, their sum and star counts; follow-ups due and on time)
 *   equal a recount from its ratings and follow-ups, and each of its offerings carries its reputation.
 */
import type tcb from '@cloudbase/node-sdk';
import { ORDER_LIFECYCLE, type OrderStatus } from '../core/lifecycle/order.lifecycle';
import { MAX_QUERY_LIMIT } from '../core/kernel/database.port';

type AdminDb = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Doc = Record<string, unknown> & { _id: string };

interface OrderDoc extends Doc {
  status: OrderStatus;
  providerId: string;
  stars?: number | null;
}
interface EventDoc extends Doc {
  entityId: string;
  from: OrderStatus | null;
  to: OrderStatus;
  action: string;
  at: number;
  details?: { stars?: number };
}
interface FollowUpDoc extends Doc {
  orderId: string;
  providerId: string;
  status: 'pending' | 'overdue' | 'recorded';
  onTime: boolean | null;
}
interface RatingDoc extends Doc {
  orderId: string;
  providerId: string;
  stars: number;
  counted?: boolean;
}
interface ProviderDoc extends Doc {
  ratingCount: number;
  ratingSum: number;
  starCounts: number[];
  followUpsDue: number;
  followUpsOnTime: number;
  reputation: number;
}
interface OfferingDoc extends Doc {
  providerId: string;
  reputation: number;
}

export interface ConsistencyReport {
  readonly orders: number;
  /** Orders the run created. */
  readonly runOrders: number;
  /** Orders of the run by status. */
  readonly runStatuses: Readonly<Record<string, number>>;
  readonly events: number;
  readonly followUps: number;
  readonly ratings: number;
  readonly providers: number;
  readonly offerings: number;
  /** One line per inconsistency found (empty: consistent). */
  readonly problems: string[];
}

/** Every document of a collection matching `where`, paged by `_id`. */
export async function readAll<T extends Doc>(
  db: AdminDb,
  collection: string,
  where: Record<string, unknown> = {},
): Promise<T[]> {
  const _ = db.command;
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await db
      .collection(collection)
      .where(after === null ? where : { ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(MAX_QUERY_LIMIT)
      .get();
    const page = res.data as unknown as T[];
    out.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return out;
    after = page[page.length - 1]!._id;
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

/** The order's timeline problems (empty when the events chain from creation to the order's status). */
export function timelineProblems(order: OrderDoc, events: readonly EventDoc[]): string[] {
  const byFrom = groupBy(events, (e) => String(e.from));
  const problems: string[] = [];
  for (const [from, list] of byFrom) {
    if (list.length > 1) problems.push(`${list.length} events leave status ${from}`);
  }
  let at: EventDoc | undefined = byFrom.get('null')?.[0];
  if (at === undefined) return [...problems, 'no creation event'];
  let steps = 1;
  while (steps <= events.length) {
    const next: EventDoc | undefined = byFrom.get(at.to)?.[0];
    if (next === undefined) break;
    if (!ORDER_LIFECYCLE.isLegal(at.to, next.to)) problems.push(`illegal step ${at.to} -> ${next.to}`);
    if (next.at < at.at) problems.push(`step ${at.to} -> ${next.to} is earlier than the one before`);
    at = next;
    steps += 1;
  }
  if (steps !== events.length) problems.push(`${events.length - steps} events off the timeline`);
  if (at.to !== order.status) problems.push(`status ${order.status} but the timeline ends at ${at.to}`);
  return problems;
}

/** Follow-up and rating records against the timeline. */
function recordProblems(
  order: OrderDoc,
  events: readonly EventDoc[],
  followUp: FollowUpDoc | undefined,
  rating: RatingDoc | undefined,
): string[] {
  const problems: string[] = [];
  const reached = new Set(events.map((e) => e.to));
  if (reached.has('done') !== (followUp !== undefined)) {
    problems.push(`reached done: ${reached.has('done')}, follow-up record: ${followUp !== undefined}`);
  }
  const followedUp = events.some((e) => e.action === 'order.follow_up');
  if (followUp !== undefined && followedUp !== (followUp.status === 'recorded')) {
    problems.push(`follow-up step on the timeline: ${followedUp}, follow-up ${followUp.status}`);
  }
  if (reached.has('rated') !== (rating !== undefined)) {
    problems.push(`reached rated: ${reached.has('rated')}, rating record: ${rating !== undefined}`);
  }
  if (rating !== undefined && rating.stars !== order.stars) {
    problems.push(`rating of ${rating.stars} stars, the order says ${String(order.stars)}`);
  }
  // The rating step records its stars (the demo data's own timelines leave them out).
  const eventStars = events.find((e) => e.to === 'rated')?.details?.stars;
  if (rating !== undefined && eventStars !== undefined && eventStars !== rating.stars) {
    problems.push(`rating of ${rating.stars} stars, its event says ${eventStars}`);
  }
  return problems;
}

/** The provider's stored aggregates against a recount of its ratings and follow-ups. */
function aggregateProblems(
  provider: ProviderDoc,
  ratings: readonly RatingDoc[],
  followUps: readonly FollowUpDoc[],
  offerings: readonly OfferingDoc[],
): string[] {
  const counted = ratings.filter((r) => r.counted !== false);
  const starCounts = [0, 0, 0, 0, 0];
  for (const r of counted) starCounts[r.stars - 1]! += 1;
  const outcomes = followUps.filter((f) => f.onTime === true || f.onTime === false);
  const recount = {
    ratingCount: counted.length,
    ratingSum: counted.reduce((s, r) => s + r.stars, 0),
    starCounts: starCounts.join(','),
    followUpsDue: outcomes.length,
    followUpsOnTime: outcomes.filter((f) => f.onTime === true).length,
  };
  const stored: Record<string, unknown> = { ...provider, starCounts: (provider.starCounts ?? []).join(',') };
  const problems = Object.entries(recount)
    .filter(([field, value]) => stored[field] !== value)
    .map(([field, value]) => `${field} ${String(stored[field])}, recount ${value}`);
  const stale = offerings.filter((o) => o.reputation !== provider.reputation);
  if (stale.length > 0) {
    problems.push(`${stale.length} offerings carry another reputation than ${provider.reputation}`);
  }
  return problems;
}

export async function checkConsistency(
  db: AdminDb,
  runOrderIds: ReadonlySet<string>,
): Promise<ConsistencyReport> {
  const [orders, events, followUps, ratings, providers, offerings] = await Promise.all([
    readAll<OrderDoc>(db, 'orders'),
    readAll<EventDoc>(db, 'events', { entityType: 'order' }),
    readAll<FollowUpDoc>(db, 'follow_ups'),
    readAll<RatingDoc>(db, 'ratings'),
    readAll<ProviderDoc>(db, 'providers'),
    readAll<OfferingDoc>(db, 'offerings'),
  ]);
  const eventsOf = groupBy(events, (e) => e.entityId);
  const followUpOf = new Map(followUps.map((f) => [f.orderId, f]));
  const ratingOf = new Map(ratings.map((r) => [r.orderId, r]));
  const problems: string[] = [];
  const runStatuses: Record<string, number> = {};
  for (const order of orders) {
    const timeline = eventsOf.get(order._id) ?? [];
    const found = [
      ...timelineProblems(order, timeline),
      ...recordProblems(order, timeline, followUpOf.get(order._id), ratingOf.get(order._id)),
    ];
    for (const p of found) problems.push(`order ${order._id} (${order.status}): ${p}`);
    if (runOrderIds.has(order._id)) runStatuses[order.status] = (runStatuses[order.status] ?? 0) + 1;
  }
  const known = new Set(orders.map((o) => o._id));
  const orphans = [...eventsOf.keys()].filter((id) => !known.has(id));
  if (orphans.length > 0) problems.push(`${orphans.length} order timelines without an order`);

  const ratingsOf = groupBy(ratings, (r) => r.providerId);
  const followUpsOf = groupBy(followUps, (f) => f.providerId);
  const offeringsOf = groupBy(offerings, (o) => o.providerId);
  for (const provider of providers) {
    const found = aggregateProblems(
      provider,
      ratingsOf.get(provider._id) ?? [],
      followUpsOf.get(provider._id) ?? [],
      offeringsOf.get(provider._id) ?? [],
    );
    for (const p of found) problems.push(`provider ${provider._id}: ${p}`);
  }
  return {
    orders: orders.length,
    runOrders: [...runOrderIds].filter((id) => known.has(id)).length,
    runStatuses,
    events: events.length,
    followUps: followUps.length,
    ratings: ratings.length,
    providers: providers.length,
    offerings: offerings.length,
    problems,
  };
}
