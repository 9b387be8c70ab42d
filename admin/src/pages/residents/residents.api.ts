/**
 * admin-api's routes for acting for residents (docs/acting-for-residents.md): the 代下单 form's choices, a
 * resident found or registered with consent, a match for them, an order placed (ordinary or 紧急求助), the
 * orders the worker placed, the urgent queue with its clock, and the duty roster.
 */
import type { MatchProvidersResult } from '../../../../core/matching/match.reply';
import type {
  DutyRosterReply,
  DutySetResult,
  PlacedOrdersReply,
  ResidentRegisterResult,
  ResidentsFormReply,
  UrgentHandleResult,
  UrgentQueueReply,
} from '../../../../core/orders/acting-for-residents.replies';
import type { CreateOrderResult, OrderStepResult } from '../../../../core/orders/order.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

export interface Consent {
  readonly method: 'in_person' | 'phone';
  readonly statement: string;
}

export const residentsForm = () => get<ResidentsFormReply>('/console/api/residents/form');

export const registerResident = (input: {
  gridId: string;
  name: string;
  phone: string;
  consent: Consent;
  clientRequestId: string;
}) => post<ResidentRegisterResult>('/console/api/residents', input);

export const matchForResident = (residentId: string, itemIds: readonly string[]) =>
  post<MatchProvidersResult>(`/console/api/residents/${encodeURIComponent(residentId)}/match`, { itemIds });

export const placeForResident = (input: {
  matchId: string;
  itemId: string;
  providerId: string;
  serviceAddress: string;
  note: string;
  consent: Consent;
  urgent: boolean;
  clientRequestId: string;
}) => post<CreateOrderResult>('/console/api/residents/orders', input);

export const placedOrders = (filters: Filters) =>
  get<PlacedOrdersReply>(`/console/api/residents/orders${queryOf(filters)}`);

export const cancelForResident = (orderId: string, reason: string, clientRequestId: string) =>
  post<OrderStepResult>(`/console/api/residents/orders/${encodeURIComponent(orderId)}/cancel`, {
    reason,
    clientRequestId,
  });

export const urgentQueue = (state: 'open' | 'queued') =>
  get<UrgentQueueReply>(`/console/api/residents/urgent${queryOf({ state })}`);

export const handleUrgent = (
  orderId: string,
  input: { resolution: 'reassign' | 'resolve'; providerId?: string; note: string; clientRequestId: string },
) => post<UrgentHandleResult>(`/console/api/residents/urgent/${encodeURIComponent(orderId)}/handle`, input);

export const dutyRoster = () => get<DutyRosterReply>('/console/api/residents/duty');

export const setDuty = (openid: string, onDuty: boolean, clientRequestId: string) =>
  post<DutySetResult>('/console/api/residents/duty', { openid, onDuty, clientRequestId });
