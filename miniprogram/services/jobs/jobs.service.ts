/** The `jobs` function, the provider staff's side of the order loop (docs/functions.md). */
import { write } from '../call';
import {
  queryOrderDetail,
  queryOrderList,
  type OrderDetailReply,
  type OrderListReply,
} from '../orders/orders.service';

export type { OrderDetailReply, OrderListReply };

export type FollowUpChannel = 'phone' | 'visit' | 'message';

export interface FeedbackEntry {
  content: string;
  handling: string;
}

export interface FollowUpInput {
  orderId: string;
  channel: FollowUpChannel;
  summary: string;
  problems: FeedbackEntry[];
  suggestions: FeedbackEntry[];
}

export interface StaffBoundReply {
  providerId: string;
  providerName: string;
  position: 'manager' | 'member';
}

export function bindStaff(inviteCode: string): Promise<StaffBoundReply> {
  return write<StaffBoundReply>('jobs', 'provider.staff.bind', `provider.staff.bind:${inviteCode}`, {
    inviteCode,
  });
}

/** One page (1-based) of the provider's jobs, newest first. */
export function listJobs(page: number, status?: string): Promise<OrderListReply> {
  return queryOrderList('jobs', 'provider_staff', page, status);
}

export function jobDetail(orderId: string): Promise<OrderDetailReply> {
  return queryOrderDetail('jobs', orderId);
}

export function acceptJob(orderId: string): Promise<unknown> {
  return write('jobs', 'order.accept', `order.accept:${orderId}`, { orderId });
}

export function declineJob(orderId: string, reason: string): Promise<unknown> {
  return write('jobs', 'order.decline', `order.decline:${orderId}`, { orderId, reason });
}

export function finishJob(orderId: string, note = ''): Promise<unknown> {
  return write('jobs', 'order.done', `order.done:${orderId}`, { orderId, note });
}

export function recordFollowUp(input: FollowUpInput): Promise<unknown> {
  return write('jobs', 'order.follow_up', `order.follow_up:${input.orderId}`, input);
}
