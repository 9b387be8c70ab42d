/** The `orders` function, the resident's side of the order loop (docs/functions.md). */
import { query, write, type FunctionName } from '../call';
import type { MatchReply, OrderCreatedReply, OrderDetailReply, OrderListReply } from './orders.types';
import { readOrderDetail, readOrderList, type OrderDetailWire, type OrderListWire } from './orders.wire';

export type {
  MatchedItemReply,
  MatchedProviderReply,
  MatchReply,
  OrderCreatedReply,
  OrderDetailReply,
  OrderListReply,
  OrderReply,
  OrderSummaryReply,
  ScorePartReply,
  TimelineEntryReply,
} from './orders.types';

export const ORDER_PAGE_SIZE = 20;

export function requestMatch(itemIds: string[]): Promise<MatchReply> {
  return query<MatchReply>('orders', 'match.request', { itemIds });
}

export interface CreateOrderInput {
  matchId: string;
  itemId: string;
  providerId: string;
  /** Where the service happens (门牌号); '' for services that need no visit. */
  serviceAddress: string;
  note: string;
}

export function createOrder(input: CreateOrderInput): Promise<OrderCreatedReply> {
  return write<OrderCreatedReply>(
    'orders',
    'order.create',
    `order.create:${input.matchId}:${input.itemId}:${input.providerId}`,
    input,
  );
}

export function cancelOrder(orderId: string, reason = ''): Promise<unknown> {
  return write('orders', 'order.cancel', `order.cancel:${orderId}`, { orderId, reason });
}

/**
 * One page (1-based) of an order list, newest first, as `as` sees it: both the `orders` function (the
 * resident's own) and `jobs` (the provider's) answer `order.list` and `order.detail`.
 */
export async function queryOrderList(
  fn: FunctionName,
  as: 'resident' | 'provider_staff',
  page: number,
  status?: string,
): Promise<OrderListReply> {
  const wire = await query<OrderListWire>(fn, 'order.list', {
    as,
    ...(status === undefined ? {} : { status }),
    page,
    pageSize: ORDER_PAGE_SIZE,
  });
  return readOrderList(wire);
}

export async function queryOrderDetail(fn: FunctionName, orderId: string): Promise<OrderDetailReply> {
  return readOrderDetail(await query<OrderDetailWire>(fn, 'order.detail', { orderId }));
}

/** One page (1-based) of the resident's orders, newest first. */
export function listOrders(page: number, status?: string): Promise<OrderListReply> {
  return queryOrderList('orders', 'resident', page, status);
}

export function orderDetail(orderId: string): Promise<OrderDetailReply> {
  return queryOrderDetail('orders', orderId);
}

export function rateOrder(orderId: string, stars: number, text: string): Promise<unknown> {
  return write('orders', 'order.rate', `order.rate:${orderId}`, { orderId, stars, text });
}
