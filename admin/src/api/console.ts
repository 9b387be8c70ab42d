/**
 * admin-api's routes (docs/console.md "API"), typed with the replies the core writes once
 * (core/console/console.replies.ts, core/orders/order.replies.ts, core/providers/provider-status.reply.ts).
 */
import type {
  AuditListReply,
  ConsoleOrderListReply,
  ConsoleProviderListReply,
  ConsoleSessionReply,
  ProviderRecordsReply,
  WorkbenchReply,
} from '../../../core/console/console.replies';
import type { OrderDetailResult } from '../../../core/orders/order.replies';
import type { ProviderStatusChangeResult } from '../../../core/providers/provider-status.reply';
import { get, post, queryOf } from './http';

export type Filters = Record<string, string | number | undefined | null>;

export const signIn = (loginName: string, password: string) =>
  post<ConsoleSessionReply>('/console/auth/login', { loginName, password });
export const changePassword = (currentPassword: string, newPassword: string) =>
  post<ConsoleSessionReply>('/console/auth/password', { currentPassword, newPassword });
export const signOut = () => post<{ signedOut: true }>('/console/auth/logout');
export const currentSession = () => get<ConsoleSessionReply>('/console/api/session');

export const workbench = (filters: Filters = {}) =>
  get<WorkbenchReply>(`/console/api/workbench${queryOf(filters)}`);
export const orders = (filters: Filters) =>
  get<ConsoleOrderListReply>(`/console/api/orders${queryOf(filters)}`);
export const orderDetail = (orderId: string) =>
  get<OrderDetailResult>(`/console/api/orders/${encodeURIComponent(orderId)}`);
export const providers = (filters: Filters) =>
  get<ConsoleProviderListReply>(`/console/api/providers${queryOf(filters)}`);
export const providerRecords = (providerId: string) =>
  get<ProviderRecordsReply>(`/console/api/providers/${encodeURIComponent(providerId)}`);
export const changeProviderStatus = (
  providerId: string,
  to: 'suspended' | 'active',
  reason: string,
  clientRequestId: string,
) =>
  post<ProviderStatusChangeResult>(`/console/api/providers/${encodeURIComponent(providerId)}/status`, {
    to,
    reason,
    clientRequestId,
  });
/** 责令限期整改: provider.status.change to rectifying, with its problems and (else the default) deadline. */
export const orderRectification = (
  providerId: string,
  input: { reason: string; problems: string[]; rectifyDeadline?: number; clientRequestId: string },
) =>
  post<ProviderStatusChangeResult>(`/console/api/providers/${encodeURIComponent(providerId)}/status`, {
    to: 'rectifying',
    ...input,
  });
export const auditLog = (filters: Filters) => get<AuditListReply>(`/console/api/audit${queryOf(filters)}`);

/** A fresh idempotency key for one write (a retry of the same write sends the same one). */
export function requestId(label: string): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, '0'),
  );
  return `${label}-${random.join('')}`.slice(0, 64);
}
