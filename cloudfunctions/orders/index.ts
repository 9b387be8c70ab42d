/**
 * `orders`: the resident's side of the order loop (docs/functions.md): match providers for ticked items,
 * create, cancel, list, view and rate orders.
 */
import { matchProviders } from '../../core/matching/match-providers.usecase';
import { cancelOrder } from '../../core/orders/cancel-order.usecase';
import { createOrder } from '../../core/orders/create-order.usecase';
import { listOrders } from '../../core/orders/list-orders.usecase';
import { orderDetail } from '../../core/orders/order-detail.usecase';
import { rateOrder } from '../../core/orders/rate-order.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'match.request': (ctx, command) => matchProviders({ ...ctx, command }),
  'order.create': (ctx, command) => createOrder({ ...ctx, command }),
  'order.cancel': (ctx, command) => cancelOrder({ ...ctx, command }),
  'order.list': (ctx, command) => listOrders({ ...ctx, command }),
  'order.detail': (ctx, command) => orderDetail({ ...ctx, command }),
  'order.rate': (ctx, command) => rateOrder({ ...ctx, command }),
});
