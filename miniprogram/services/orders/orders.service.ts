/**
 * The `orders` function, the resident's side of the order loop (docs/functions.md). Each call answers the
 * core's own reply type (weimin-core, types only); the view models shape it for the page.
 */
import type {
  CreateOrderResult,
  MatchProvidersResult,
  OrderDetailResult,
  OrderListResult,
  OrderStepResult,
  RateOrderResult,
} from 'weimin-core';
import { query, write, type FunctionName } from '../call';

export const ORDER_PAGE_SIZE = 20;

export function requestMatch(itemIds: string[]): Promise<MatchProvidersResult> {
  return query<MatchProvidersResult>('orders', 'match.request', { itemIds });
}

/** order.create's input (core/schemas/order.schema.ts), without the request id `write` adds. */
export interface CreateOrderInput {
  matchId: string;
  itemId: string;
  providerId: string;
  /** Where the service happens (门牌号); '' for services that need no visit. */
  serviceAddress: string;
  note: string;
}

export function createOrder(input: CreateOrderInput): Promise<CreateOrderResult> {
  return write<CreateOrderResult>(
    'orders',
    'order.create',
    `order.create:${input.matchId}:${input.itemId}:${input.providerId}`,
    input,
  );
}

export function cancelOrder(orderId: string, reason = ''): Promise<OrderStepResult> {
  return write<OrderStepResult>('orders', 'order.cancel', `order.cancel:${orderId}`, { orderId, reason });
}

/**
 * One page (1-based) of an order list, newest first, as `as` sees it: both the `orders` function (the
 * resident's own) and `jobs` (the provider's) answer `order.list` and `order.detail`.
 */
export function queryOrderList(
  fn: FunctionName,
  as: 'resident' | 'provider_staff',
  page: number,
  status?: string,
): Promise<OrderListResult> {
  return query<OrderListResult>(fn, 'order.list', {
    as,
    ...(status === undefined ? {} : { status }),
    page,
    pageSize: ORDER_PAGE_SIZE,
  });
}

export function queryOrderDetail(fn: FunctionName, orderId: string): Promise<OrderDetailResult> {
  return query<OrderDetailResult>(fn, 'order.detail', { orderId });
}

/** One page (1-based) of the resident's orders, newest first. */
export function listOrders(page: number, status?: string): Promise<OrderListResult> {
  return queryOrderList('orders', 'resident', page, status);
}

export function orderDetail(orderId: string): Promise<OrderDetailResult> {
  return queryOrderDetail('orders', orderId);
}

export function rateOrder(orderId: string, stars: number, text: string): Promise<RateOrderResult> {
  return write<RateOrderResult>('orders', 'order.rate', `order.rate:${orderId}`, { orderId, stars, text });
}
