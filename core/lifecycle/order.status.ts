/**
 * The order statuses and their Chinese names, apart from the life cycle's rules (order.lifecycle.ts) so
 * the mini-program's bundle of the core (core/client) carries the names without the state machine.
 */

export const ORDER_STATUSES = [
  'created',
  'accepted',
  'declined',
  'expired',
  'cancelled',
  'done',
  'followed_up',
  'rated',
  'closed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  created: '待接单',
  accepted: '已接单',
  declined: '已拒单',
  expired: '超时未接',
  cancelled: '已取消',
  done: '已完成服务',
  followed_up: '已回访',
  rated: '已评价',
  closed: '已关闭',
};
