/**
 * `jobs`: the provider staff's side of the order loop (docs/functions.md): their jobs, accept or decline,
 * cancel an accepted job (with a reason), mark done, record the follow-up (回访); and binding to a provider
 * with a manager's invite code (provider.staff.bind), which makes the caller staff in the first place.
 */
import { acceptOrder } from '../../core/orders/accept-order.usecase';
import { cancelOrder } from '../../core/orders/cancel-order.usecase';
import { declineOrder } from '../../core/orders/decline-order.usecase';
import { listOrders } from '../../core/orders/list-orders.usecase';
import { markDone } from '../../core/orders/mark-done.usecase';
import { orderDetail } from '../../core/orders/order-detail.usecase';
import { recordFollowUp } from '../../core/orders/record-follow-up.usecase';
import { bindStaff } from '../../core/providers/staff-bind.usecase';
import { commandFunction } from '../../function-kit/command-function';

export const main = commandFunction({
  'order.list': (ctx, command) => listOrders({ ...ctx, command }),
  'order.detail': (ctx, command) => orderDetail({ ...ctx, command }),
  'order.accept': (ctx, command) => acceptOrder({ ...ctx, command }),
  'order.decline': (ctx, command) => declineOrder({ ...ctx, command }),
  // The job's detail offers 'order.cancel' to staff once they have accepted (docs/orders.md: cancelOrder).
  'order.cancel': (ctx, command) => cancelOrder({ ...ctx, command }),
  'order.done': (ctx, command) => markDone({ ...ctx, command }),
  'order.follow_up': (ctx, command) => recordFollowUp({ ...ctx, command }),
  'provider.staff.bind': (ctx, command) => bindStaff({ ...ctx, command }),
});
