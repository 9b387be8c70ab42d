/** The `jobs` function, the provider staff's side of the order loop (docs/functions.md). */
import { query, write } from '../call';
import type { OrderDetailReply, OrderListReply } from '../orders/orders.service';
import {
  readOrderDetail,
  readOrderList,
  type OrderDetailWire,
  type OrderListWire,
} from '../orders/orders.wire';

export type { OrderDetailReply, OrderListReply };

export const JOB_PAGE_SIZE = 20;

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
  providerName?: string;
}

export function bindStaff(inviteCode: string): Promise<StaffBoundReply> {
  return write<StaffBoundReply>('jobs', 'provider.staff.bind', `provider.staff.bind:${inviteCode}`, {
    inviteCode,
  });
}

/** One page (1-based) of the provider's jobs, newest first. */
export async function listJobs(page: number, status?: string): Promise<OrderListReply> {
  const wire = await query<OrderListWire>('jobs', 'order.list', {
    as: 'provider_staff',
    ...(status === undefined ? {} : { status }),
    page,
    pageSize: JOB_PAGE_SIZE,
  });
  return readOrderList(wire);
}

export async function jobDetail(orderId: string): Promise<OrderDetailReply> {
  return readOrderDetail(await query<OrderDetailWire>('jobs', 'order.detail', { orderId }));
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
