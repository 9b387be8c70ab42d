/**
 * The replies of the order-loop functions as a caller reads them (docs/functions.md, docs/orders.md), and
 * the steps tests take again and again: match, order, accept, finish, follow up, rate, read the detail.
 * Every step goes through the deployed functions; nothing here writes to the database directly.
 */
import type { FunctionCloud, Reply } from './function-cloud';

export const DEMO_RESIDENT = 'demo-resident-1';
export const DEMO_RESIDENT_PHONE = '13907750001';
/** A resident far away (北流市陵城街道陵城社区), where almost nothing is offered. */
export const FAR_RESIDENT = 'demo-resident-2';
export const APPLIANCE_REPAIR = 'item-appliance-repair';

export interface ScorePart {
  key: string;
  label: string;
  value: number;
  weight: number;
  points: number;
  explanation: string;
}

export interface MatchedProvider {
  rank: number;
  providerId: string;
  offeringId: string;
  name: string;
  contactPhone: string;
  price: { free: true; text: string } | { free: false; feeFen: number; marketPriceFen: number; text: string };
  reputation: number;
  starLevel: number;
  ratingCount: number;
  newcomer: boolean;
  distance: number;
  foundAt: string;
  widened: boolean;
  scoreParts: ScorePart[];
}

export interface MatchedItem {
  itemId: string;
  itemName: string;
  searchedLevel: string;
  widened: boolean;
  gap: boolean;
  providers: MatchedProvider[];
}

export interface MatchReply {
  matchId: string;
  orgPath: string;
  expiresAt: number;
  items: MatchedItem[];
}

export interface Candidate {
  providerId: string;
  providerName: string;
  rank: number;
}

export interface StepReply {
  orderId: string;
  status: string;
  statusChangedAt: number;
  nextOffer?: Candidate | null;
  followUpDueAt?: number;
  onTime?: boolean;
  wasOverdue?: boolean;
  textVisible?: boolean;
}

export interface TimelineEntry {
  at: number;
  from: string | null;
  to: string;
  stepLabel: string;
  actorRole: string;
  reason: string | null;
}

export interface OrderDetail {
  order: {
    orderId: string;
    status: string;
    itemName: string;
    providerId: string;
    providerName: string;
    residentName: string;
    residentPhone: string | null;
    residentPhoneMasked: boolean;
    serviceAddress: string | null;
    serviceAddressHidden: boolean;
    createdAt: number;
    acceptBy: number | null;
    doneAt: number | null;
    followUpDueAt: number | null;
    closedAt: number | null;
  };
  timeline: TimelineEntry[];
  followUp: { status: string; dueAt: number; onTime: boolean | null; recordedAt: number | null } | null;
  rating: { stars: number; text: string | null } | null;
  nextOffer: Candidate | null;
  viewerRole: string;
  actions: string[];
}

export interface OrderList {
  items: Array<{ orderId: string; status: string; itemName: string; providerName: string }>;
  total: number;
  hasMore: boolean;
}

/** The reply's data, or a failure that shows the code and message. */
export function ok<T>(reply: Reply<T>): T {
  if (reply.code !== 'OK') {
    throw new Error(`expected OK, got ${reply.code}: ${reply.message} ${JSON.stringify(reply.data ?? {})}`);
  }
  return reply.data;
}

export interface PlacedOrder {
  readonly orderId: string;
  readonly matchId: string;
  readonly itemId: string;
  readonly providerId: string;
  readonly resident: string;
  /** The clientRequestId the order was created with. */
  readonly createRequestId: string;
  /** The provider's staff (openids). */
  readonly staff: readonly string[];
  readonly match: MatchReply;
}

export async function matchFor(
  cloud: FunctionCloud,
  resident: string,
  itemIds: string[],
): Promise<MatchReply> {
  return ok(await cloud.as(resident).orders<MatchReply>('match.request', { itemIds }));
}

/** Match the item for the resident and order from the provider at `rank` (1-based) of the list. */
export async function placeOrder(
  cloud: FunctionCloud,
  resident: string,
  itemId: string,
  options: { rank?: number; note?: string; serviceAddress?: string } = {},
): Promise<PlacedOrder> {
  const match = await matchFor(cloud, resident, [itemId]);
  const provider = match.items[0]!.providers[(options.rank ?? 1) - 1];
  if (provider === undefined) throw new Error(`no provider at rank ${options.rank ?? 1} for ${itemId}`);
  const createRequestId = cloud.requestId('create');
  const created = ok(
    await cloud.as(resident).orders<StepReply>('order.create', {
      matchId: match.matchId,
      itemId,
      providerId: provider.providerId,
      note: options.note ?? '',
      ...(options.serviceAddress === undefined ? {} : { serviceAddress: options.serviceAddress }),
      clientRequestId: createRequestId,
    }),
  );
  return {
    orderId: created.orderId,
    matchId: match.matchId,
    itemId,
    providerId: provider.providerId,
    resident,
    createRequestId,
    staff: await cloud.staffOf(provider.providerId),
    match,
  };
}

/** One staff step (`jobs`) by the order's first staff member. */
export async function staffStep(
  cloud: FunctionCloud,
  order: PlacedOrder,
  command: 'order.accept' | 'order.decline' | 'order.done' | 'order.follow_up' | 'order.cancel',
  input: Record<string, unknown> = {},
): Promise<StepReply> {
  return ok(
    await cloud.as(order.staff[0]!).jobs<StepReply>(command, {
      orderId: order.orderId,
      clientRequestId: cloud.requestId(command.replace('.', '-')),
      ...input,
    }),
  );
}

export const FOLLOW_UP_INPUT = {
  channel: 'phone',
  summary: '居民表示满意，设备运行正常',
  problems: [{ content: '上门时间比约定晚了半小时', handling: '已向居民致歉并提醒师傅守时' }],
  suggestions: [],
};

/** Order the item and take it as far as `until` through the functions. */
export async function orderThrough(
  cloud: FunctionCloud,
  resident: string,
  itemId: string,
  until: 'created' | 'accepted' | 'done' | 'followed_up',
  options: { rank?: number } = {},
): Promise<PlacedOrder> {
  const order = await placeOrder(cloud, resident, itemId, options);
  if (until === 'created') return order;
  await staffStep(cloud, order, 'order.accept');
  if (until === 'accepted') return order;
  await staffStep(cloud, order, 'order.done');
  if (until === 'done') return order;
  await staffStep(cloud, order, 'order.follow_up', FOLLOW_UP_INPUT);
  return order;
}

export async function rate(
  cloud: FunctionCloud,
  order: PlacedOrder,
  stars: number,
  text = '',
): Promise<Reply<StepReply>> {
  return cloud.as(order.resident).orders<StepReply>('order.rate', {
    orderId: order.orderId,
    stars,
    text,
    clientRequestId: cloud.requestId('rate'),
  });
}

/** The order's detail as the resident sees it (`orders`) or as someone else does through `fn`. */
export async function detailAs(
  cloud: FunctionCloud,
  openid: string,
  orderId: string,
  fn: 'orders' | 'jobs' = 'orders',
): Promise<Reply<OrderDetail>> {
  return cloud.as(openid).call<OrderDetail>(fn, 'order.detail', { orderId });
}

/** Outbox messages that open this order's page. */
export function messagesAbout(
  cloud: FunctionCloud,
  orderId: string,
  filter: { touser?: string; templateId?: string } = {},
) {
  return cloud.outbox(filter).filter((m) => m.page.endsWith(`orderId=${encodeURIComponent(orderId)}`));
}

/**
 * Residents of their own for a test, written as an administrator: copies of `like` (a seeded user, by
 * default the demo resident of 金港花园) with new openids and phone numbers.
 */
export async function writeResidents(
  cloud: FunctionCloud,
  openids: readonly string[],
  like: string = DEMO_RESIDENT,
): Promise<void> {
  const template = await cloud.get<Record<string, unknown>>('users', like);
  if (template === null) throw new Error(`no user ${like}`);
  for (const [i, openid] of openids.entries()) {
    await cloud.insert('users', [
      {
        ...template,
        _id: openid,
        openid,
        nickname: `测试居民${i + 1}`,
        phone: `1380775${String(1000 + i)}`,
        demo: false,
      },
    ]);
  }
}
