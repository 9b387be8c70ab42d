/**
 * The bounds of the resident's rights commands (profile.export, profile.delete, privacy requests), with
 * defaults. Kept beside the rules they bound until PlatformConfig (core/kernel/platform.config.ts) takes
 * them in: a use case takes `privacy` from its input, else these.
 */
export interface PrivacyConfig {
  /** A request a worker decides is answered within this many working days (weekends and holidays skipped). */
  readonly requestWorkingDays: number;
  /** Requests one resident may have waiting at once. */
  readonly maxPendingRequests: number;
  /** Requests `privacy.request.list` answers, newest first. */
  readonly requestListLimit: number;
  /** Orders the copy lists, newest first (it says when there are more). */
  readonly exportMaxOrders: number;
  /** Orders de-identified per round when an account is deleted. */
  readonly erasureBatchSize: number;
  /** What replaces the resident's name on the records kept after they delete their account. */
  readonly erasedName: string;
}

export const DEFAULT_PRIVACY_CONFIG: PrivacyConfig = {
  requestWorkingDays: 15,
  maxPendingRequests: 5,
  requestListLimit: 50,
  exportMaxOrders: 200,
  erasureBatchSize: 100,
  erasedName: '已注销用户',
};
