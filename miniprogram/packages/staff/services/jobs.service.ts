/**
 * The `jobs` function, the provider staff's side of the order loop (docs/functions.md). Each call answers
 * the core's own reply type (weimin-core, types only).
 */
import type {
  FollowUpFields,
  MarkDoneResult,
  OrderDetailResult,
  OrderEndedResult,
  OrderListResult,
  OrderStepResult,
  RecordFollowUpResult,
  StaffBindReply,
} from 'weimin-core';
import { write } from '../../../services/call';
import { queryOrderDetail, queryOrderList } from '../../../services/orders/orders.service';

/** order.follow_up's input: the form's fields as the core checks them, for one order. */
export type FollowUpInput = FollowUpFields & { readonly orderId: string };

export function bindStaff(inviteCode: string): Promise<StaffBindReply> {
  return write<StaffBindReply>('jobs', 'provider.staff.bind', `provider.staff.bind:${inviteCode}`, {
    inviteCode,
  });
}

/** One page (1-based) of the provider's jobs, newest first. */
export function listJobs(page: number, status?: string): Promise<OrderListResult> {
  return queryOrderList('jobs', 'provider_staff', page, status);
}

export function jobDetail(orderId: string): Promise<OrderDetailResult> {
  return queryOrderDetail('jobs', orderId);
}

export function acceptJob(orderId: string): Promise<OrderStepResult> {
  return write<OrderStepResult>('jobs', 'order.accept', `order.accept:${orderId}`, { orderId });
}

export function declineJob(orderId: string, reason: string): Promise<OrderEndedResult> {
  return write<OrderEndedResult>('jobs', 'order.decline', `order.decline:${orderId}`, { orderId, reason });
}

export function finishJob(orderId: string, note = ''): Promise<MarkDoneResult> {
  return write<MarkDoneResult>('jobs', 'order.done', `order.done:${orderId}`, { orderId, note });
}

export function recordFollowUp(input: FollowUpInput): Promise<RecordFollowUpResult> {
  return write<RecordFollowUpResult>('jobs', 'order.follow_up', `order.follow_up:${input.orderId}`, input);
}
