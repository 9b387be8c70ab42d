/**
 * The steps tests take again and again through the order-loop functions: match, order, accept, finish,
 * follow up, rate, read the detail. Every step goes through the deployed functions; nothing here writes to
 * the database directly. The replies are the core's own types (core/orders/order.replies.ts,
 * core/matching/match.reply.ts), the same the functions are built from.
 */
import type { Action } from '../../../core/auth/actions';
import type { MatchProvidersResult } from '../../../core/matching/match.reply';
import type {
  CreateOrderResult,
  MarkDoneResult,
  OrderDetailResult,
  OrderEndedResult,
  OrderListResult,
  OrderStepResult,
  RateOrderResult,
  RecordFollowUpResult,
} from '../../../core/orders/order.replies';
import type { FunctionCloud, Reply } from './function-cloud';

export const DEMO_RESIDENT = 'demo-resident-1';
export const DEMO_RESIDENT_PHONE = '13907750001';
/** A resident far away (北流市陵城街道陵城社区), where the demo data serves the common items only. */
export const FAR_RESIDENT = 'demo-resident-2';
export const APPLIANCE_REPAIR = 'item-appliance-repair';

/**
 * What any step of the loop answers (order.create, .cancel, .accept, .decline, .done, .follow_up, .rate):
 * the core's replies of those commands in one type, each step's own fields optional, for tests that take
 * several steps with one helper and read the fields of the step they took.
 */
export type StepReply = Pick<OrderStepResult, 'orderId' | 'status'> &
  Partial<CreateOrderResult & OrderEndedResult & MarkDoneResult & RecordFollowUpResult & RateOrderResult>;

/** order.detail's reply as a test holds it: the core's, its `actions` a plain array the test may sort. */
export type OrderDetailReply = Omit<OrderDetailResult, 'actions'> & { actions: Action[] };

/**
 * order.list's reply without the provider lists' `staff` seat, for tests that type that seat themselves
 * (staff-binding.functions.test.ts).
 */
export type OrderListPage = Omit<OrderListResult, 'staff'>;

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
  readonly match: MatchProvidersResult;
}

export async function matchFor(
  cloud: FunctionCloud,
  resident: string,
  itemIds: string[],
): Promise<MatchProvidersResult> {
  return ok(await cloud.as(resident).orders<MatchProvidersResult>('match.request', { itemIds }));
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
    await cloud.as(resident).orders<CreateOrderResult>('order.create', {
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
): Promise<Reply<RateOrderResult>> {
  return cloud.as(order.resident).orders<RateOrderResult>('order.rate', {
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
): Promise<Reply<OrderDetailReply>> {
  return cloud.as(openid).call<OrderDetailReply>(fn, 'order.detail', { orderId });
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
