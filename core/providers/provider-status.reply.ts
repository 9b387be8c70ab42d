/** What `provider.status.change` answers (admin-api, docs/console.md). Type-only. */
import type { ProviderStatus } from '../lifecycle/provider.lifecycle';

export interface ProviderStatusChangeResult {
  readonly providerId: string;
  readonly status: ProviderStatus;
  readonly statusLabel: string;
  readonly statusChangedAt: number;
  /** Offerings whose copy of the status changed with it (what matching reads). */
  readonly offeringsUpdated: number;
}
