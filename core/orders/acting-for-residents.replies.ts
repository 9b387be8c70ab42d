/**
 * What acting for residents answers (代下单, 紧急求助; docs/acting-for-residents.md): the console's residents
 * screen reads these. Type-only.
 */
import type { OrderStatus } from '../lifecycle/order.status';
import type { ConsentMethod, UrgentResolution, UrgentState } from '../model/order.model';

export interface ResidentRegisterResult {
  /** The resident's `users` id: their openid, or `offline-<id>` for one without WeChat. */
  readonly residentId: string;
  readonly name: string;
  /** In full: the worker acting for them may see it (resident.phone.view). */
  readonly phone: string | null;
  readonly gridId: string;
  readonly gridName: string;
  readonly orgPath: string;
  /** Registered by a worker (no WeChat account). */
  readonly offline: boolean;
  /** This call registered them (false: found, the same phone in the same grid). */
  readonly registered: boolean;
}

export interface UrgentHandleResult {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly urgentState: UrgentState;
  readonly providerId: string;
}

export interface DutySetResult {
  readonly openid: string;
  readonly onDuty: boolean;
  /** The community they are (or were) on duty for. */
  readonly orgPath: string;
  readonly since: number | null;
}

/** One order the worker placed for a resident. */
export interface PlacedOrderRow {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly statusLabel: string;
  readonly itemName: string;
  readonly providerName: string;
  readonly residentName: string;
  readonly createdAt: number;
  readonly urgent: boolean;
  readonly urgentState: UrgentState | null;
}

export interface PlacedOrdersReply {
  /** The worker who placed them (the caller), as the orders' timelines name them: 由 <name> 代居民下单. */
  readonly placedByName: string;
  readonly items: readonly PlacedOrderRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** One urgent request of the unit not yet handled, with its clock. */
export interface UrgentQueueRow {
  readonly orderId: string;
  readonly itemName: string;
  readonly providerName: string;
  readonly residentName: string;
  readonly unitName: string;
  readonly orgPath: string;
  readonly state: UrgentState;
  readonly stateLabel: string;
  readonly requestedAt: number;
  /** Whole minutes since the request, at the time of the answer (the page keeps counting). */
  readonly minutesSince: number;
  readonly acceptBy: number;
  readonly limitMinutes: number;
  /** The feedback limit the clock runs against (12345: 120 minutes for emergencies). */
  readonly feedbackWithinMinutes: number;
  readonly queuedAt: number | null;
  readonly resolution: UrgentResolution | null;
  /** Other providers of its match a worker may reassign it to. */
  readonly alternatives: readonly { readonly providerId: string; readonly providerName: string }[];
}

export interface UrgentQueueReply {
  readonly items: readonly UrgentQueueRow[];
  /** The answer's "now", which `minutesSince` is counted from. */
  readonly now: number;
}

export interface DutyRosterRow {
  readonly openid: string;
  readonly name: string;
  readonly unitName: string;
  /** The community they would be on duty for. */
  readonly orgPath: string;
  readonly onDuty: boolean;
  readonly since: number | null;
}

export interface DutyRosterReply {
  readonly items: readonly DutyRosterRow[];
}

/** What the 代下单 form offers: the grids the worker may act in, and the catalog's items. */
export interface ResidentsFormReply {
  readonly grids: readonly { readonly gridId: string; readonly name: string; readonly orgPath: string }[];
  readonly items: readonly { readonly itemId: string; readonly name: string }[];
  readonly consentMethods: readonly { readonly value: ConsentMethod; readonly label: string }[];
  readonly urgentAcceptWithinMinutes: number;
}
