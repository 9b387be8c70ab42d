import type { OrderStatus } from '../lifecycle/order.lifecycle';
import type { MatchCandidate } from '../model/platform.model';

/** What a life-cycle command answers: the order's new status (a replay answers the same). */
export interface OrderStepResult {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly statusChangedAt: number;
}

/** Declined or expired: plus the provider offered next (null when the match has no one left). */
export interface OrderEndedResult extends OrderStepResult {
  readonly nextOffer: MatchCandidate | null;
}
