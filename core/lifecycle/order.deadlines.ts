/**
 * The order's clocks: how long a provider has to answer, when the follow-up is due, when the system
 * closes an order left waiting. Pure decisions for the timer functions (which run at least once, so
 * every decision here is safe to repeat: it only looks at the order's current status and times).
 * Durations are plain hours, independent of the calendar (Asia/Shanghai has no daylight saving).
 */
import type { OrderStatus } from './order.lifecycle';

const HOUR_MS = 3_600_000;

export interface OrderDeadlinePolicy {
  /** A new order not accepted or declined within this many hours expires; the resident is offered the next provider. */
  readonly acceptWithinHours: number;
  /** The follow-up (回访) is due this many hours after the job is marked done. */
  readonly followUpWithinHours: number;
  /** Staff are reminded this many hours before the follow-up is due. */
  readonly followUpReminderHoursBefore: number;
  /** This many hours after the job is done, an order still waiting for its rating or follow-up is closed. */
  readonly closeAfterDoneHours: number;
}

export const DEFAULT_ORDER_DEADLINES: OrderDeadlinePolicy = {
  acceptWithinHours: 24,
  followUpWithinHours: 72,
  followUpReminderHoursBefore: 24,
  closeAfterDoneHours: 168,
};

/** The order fields the timers read. */
export interface OrderTiming {
  readonly status: OrderStatus;
  readonly createdAt: number;
  /** Set when the job is marked done. */
  readonly doneAt?: number | null;
  /** Set when the follow-up is recorded. */
  readonly followedUpAt?: number | null;
}

export interface OrderTimerDecision {
  readonly to: 'expired' | 'closed';
  readonly reason: string | null;
}

function requireDoneAt(order: OrderTiming): number {
  if (typeof order.doneAt !== 'number') {
    throw new Error(`order in status ${order.status} has no doneAt`);
  }
  return order.doneAt;
}

export function acceptDeadline(
  order: Pick<OrderTiming, 'createdAt'>,
  policy = DEFAULT_ORDER_DEADLINES,
): number {
  return order.createdAt + policy.acceptWithinHours * HOUR_MS;
}

export function followUpDueAt(doneAt: number, policy = DEFAULT_ORDER_DEADLINES): number {
  return doneAt + policy.followUpWithinHours * HOUR_MS;
}

export function followUpReminderAt(doneAt: number, policy = DEFAULT_ORDER_DEADLINES): number {
  return followUpDueAt(doneAt, policy) - policy.followUpReminderHoursBefore * HOUR_MS;
}

/** A follow-up recorded at or before its due time is on time. */
export function isFollowUpOnTime(
  doneAt: number,
  followedUpAt: number,
  policy = DEFAULT_ORDER_DEADLINES,
): boolean {
  return followedUpAt <= followUpDueAt(doneAt, policy);
}

/** True when the follow-up is missing past its due time, or was recorded late. */
export function isFollowUpOverdue(
  order: OrderTiming,
  now: number,
  policy = DEFAULT_ORDER_DEADLINES,
): boolean {
  if (typeof order.doneAt !== 'number') return false;
  const due = followUpDueAt(order.doneAt, policy);
  return typeof order.followedUpAt === 'number' ? order.followedUpAt > due : now > due;
}

/** Whether the follow-up reminder should go out now (due soon, not yet recorded, not yet overdue). */
export function isFollowUpReminderDue(
  order: OrderTiming,
  now: number,
  policy = DEFAULT_ORDER_DEADLINES,
): boolean {
  if (typeof order.doneAt !== 'number' || typeof order.followedUpAt === 'number') return false;
  if (order.status !== 'done' && order.status !== 'rated') return false;
  return now >= followUpReminderAt(order.doneAt, policy) && now <= followUpDueAt(order.doneAt, policy);
}

/**
 * What the system timer should do with this order now, or null. Only system transitions of
 * ORDER_LIFECYCLE are returned (created -> expired; done / followed_up / rated -> closed).
 */
export function dueOrderTransition(
  order: OrderTiming,
  now: number,
  policy = DEFAULT_ORDER_DEADLINES,
): OrderTimerDecision | null {
  switch (order.status) {
    case 'created':
      return now >= acceptDeadline(order, policy)
        ? { to: 'expired', reason: `超过 ${policy.acceptWithinHours} 小时未接单` }
        : null;
    case 'rated': {
      if (typeof order.followedUpAt === 'number') return { to: 'closed', reason: null };
      const closeAt = requireDoneAt(order) + policy.closeAfterDoneHours * HOUR_MS;
      return now >= closeAt
        ? { to: 'closed', reason: `服务完成 ${policy.closeAfterDoneHours / 24} 天仍未回访，系统关闭订单` }
        : null;
    }
    case 'followed_up': {
      const closeAt = requireDoneAt(order) + policy.closeAfterDoneHours * HOUR_MS;
      return now >= closeAt
        ? { to: 'closed', reason: `服务完成 ${policy.closeAfterDoneHours / 24} 天内居民未评价，系统关闭订单` }
        : null;
    }
    case 'done': {
      const closeAt = requireDoneAt(order) + policy.closeAfterDoneHours * HOUR_MS;
      return now >= closeAt
        ? {
            to: 'closed',
            reason: `服务完成 ${policy.closeAfterDoneHours / 24} 天内未回访、未评价，系统关闭订单`,
          }
        : null;
    }
    default:
      return null;
  }
}
