/**
 * The service order life cycle (docs/product.md section 3):
 * created -> accepted | declined | expired | cancelled; accepted -> done (or cancelled with a reason);
 * done -> followed_up (provider's 回访) and rated (resident's 评价), in either order; then closed.
 * See docs/life-cycles.md for the reasoning behind each edge.
 */
import { ORDER_STATUSES, ORDER_STATUS_LABELS, type OrderStatus } from './order.status';
import { Lifecycle, type TransitionRule } from './state-machine';

export { ORDER_STATUSES, ORDER_STATUS_LABELS, type OrderStatus };

const rules: TransitionRule<OrderStatus>[] = [
  {
    from: 'created',
    to: 'accepted',
    action: 'order.accept',
    roles: ['provider_staff'],
    reasonRequired: false,
    label: '接单',
  },
  {
    from: 'created',
    to: 'declined',
    action: 'order.decline',
    roles: ['provider_staff'],
    reasonRequired: true,
    label: '拒单',
    effects: ['offer_next_provider'],
  },
  {
    from: 'created',
    to: 'expired',
    action: 'order.expire',
    roles: ['system'],
    reasonRequired: false,
    label: '超时未接单',
    effects: ['offer_next_provider'],
  },
  {
    from: 'created',
    to: 'cancelled',
    action: 'order.cancel',
    roles: ['resident'],
    reasonRequired: false,
    label: '居民取消订单',
  },
  // 代下单 (docs/acting-for-residents.md): the worker who may place orders for residents of the unit follows an
  // order placed for one as the resident would; the use cases allow it only on orders a worker placed.
  {
    from: 'created',
    to: 'cancelled',
    action: 'order.place_for_resident',
    roles: ['worker'],
    reasonRequired: false,
    label: '工作人员代居民取消订单',
  },
  // Once accepted, either side may still call it off (the provider cannot come, the resident no longer
  // needs it), but only with a reason the other side and the workers can see.
  {
    from: 'accepted',
    to: 'cancelled',
    action: 'order.cancel',
    roles: ['resident', 'provider_staff'],
    reasonRequired: true,
    label: '接单后取消订单',
  },
  {
    from: 'accepted',
    to: 'cancelled',
    action: 'order.place_for_resident',
    roles: ['worker'],
    reasonRequired: true,
    label: '接单后工作人员代居民取消订单',
  },
  // A provider that stopped serving (removed to the blacklist, suspended, exited) keeps no accepted order:
  // the system ends it with the reason, and the resident is offered the next provider of the match
  // (core/orders/release-stopped-provider-orders.usecase.ts, run by order-timers).
  {
    from: 'accepted',
    to: 'cancelled',
    action: 'order.expire',
    roles: ['system'],
    reasonRequired: true,
    label: '服务机构停止服务，订单终止',
    effects: ['offer_next_provider'],
  },
  {
    from: 'accepted',
    to: 'done',
    action: 'order.done',
    roles: ['provider_staff'],
    reasonRequired: false,
    label: '完成服务',
  },
  {
    from: 'done',
    to: 'followed_up',
    action: 'order.follow_up',
    roles: ['provider_staff'],
    reasonRequired: false,
    label: '回访',
  },
  // The resident may rate before the provider's follow-up: a provider must not be able to hold a bad
  // rating off by never calling back.
  {
    from: 'done',
    to: 'rated',
    action: 'order.rate',
    roles: ['resident'],
    reasonRequired: false,
    label: '评价',
  },
  {
    from: 'done',
    to: 'rated',
    action: 'order.place_for_resident',
    roles: ['worker'],
    reasonRequired: false,
    label: '工作人员代居民评价',
  },
  {
    from: 'followed_up',
    to: 'rated',
    action: 'order.rate',
    roles: ['resident'],
    reasonRequired: false,
    label: '评价',
  },
  {
    from: 'followed_up',
    to: 'rated',
    action: 'order.place_for_resident',
    roles: ['worker'],
    reasonRequired: false,
    label: '工作人员代居民评价',
  },
  // Closing. A rated order closes when its follow-up is on record: at once (the system, in the same
  // write as the rating) or when the provider records a late follow-up after the rating.
  {
    from: 'rated',
    to: 'closed',
    action: 'order.close',
    roles: ['system'],
    reasonRequired: false,
    label: '订单完结',
  },
  {
    from: 'rated',
    to: 'closed',
    action: 'order.follow_up',
    roles: ['provider_staff'],
    reasonRequired: false,
    label: '评价后补录回访，订单完结',
  },
  // The system timer closes orders left waiting (no rating within the window; the follow-up, if missing,
  // has already counted as overdue in the provider's reputation).
  {
    from: 'followed_up',
    to: 'closed',
    action: 'order.close',
    roles: ['system'],
    reasonRequired: true,
    label: '超期未评价，自动关闭',
  },
  {
    from: 'done',
    to: 'closed',
    action: 'order.close',
    roles: ['system'],
    reasonRequired: true,
    label: '超期未回访、未评价，自动关闭',
  },
];

export const ORDER_LIFECYCLE = new Lifecycle<OrderStatus>({
  entityType: 'order',
  entityLabel: '订单',
  codePrefix: 'ORDER',
  statuses: ORDER_STATUSES,
  statusLabels: ORDER_STATUS_LABELS,
  creation: { status: 'created', action: 'order.create', roles: ['resident'], label: '下单' },
  rules,
});

/** Statuses in which the order is still the provider's to answer or serve (counts towards their load). */
export const ORDER_OPEN_STATUSES: readonly OrderStatus[] = ['created', 'accepted'];
