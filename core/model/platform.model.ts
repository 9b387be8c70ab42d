import type { IdempotencyRecord } from '../idempotency/idempotency.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { OrgLevel } from '../org/org-levels';
import type { BaseDocument, Located, Millis } from './common.model';
import type { OfferingPricing } from './offering.model';

/**
 * `idempotency_keys`: the first result of each writing command, keyed by `<openid>:<clientRequestId>`
 * (core/idempotency). `_id` and `key` are the same string; `at` lets a timer purge old keys.
 */
export type IdempotencyKeyRecord = BaseDocument & IdempotencyRecord;

/** One provider offered to a resident for one item, with what the resident is shown. */
export interface MatchCandidate {
  readonly providerId: string;
  readonly offeringId: string;
  readonly providerName: string;
  /** 1-based position in the list. */
  readonly rank: number;
  readonly reputation: number;
  readonly starLevel: number;
  readonly pricing: OfferingPricing;
  /** The level at which it was found: the resident's own grid or community, or a wider unit. */
  readonly foundAt: OrgLevel;
}

export interface MatchItemResult {
  readonly itemId: string;
  readonly itemName: string;
  /** The widest level searched (widened one level at a time when too few were found nearby). */
  readonly searchedLevel: OrgLevel;
  readonly candidates: readonly MatchCandidate[];
}

/**
 * `matches`: what a resident was offered for the items they ticked. Orders point at it, so an expired or
 * declined order can offer the next provider of the same list.
 */
export interface Match<Shown = unknown> extends BaseDocument, Located {
  readonly residentOpenid: string;
  readonly itemIds: readonly string[];
  readonly results: readonly MatchItemResult[];
  /**
   * The latest order made from this match, per item id. order.create reads it and writes it in its
   * transaction, so two creates for one item (different request ids, same moment) conflict and the second
   * finds the first: one open order per item of a match, without a racy query.
   */
  readonly latestOrderByItem?: Readonly<Record<string, string>>;
  readonly createdAt: Millis;
  readonly expiresAt: Millis;
  /**
   * The items of the reply as the resident was shown them (matching's `MatchedItem`, the type parameter), so
   * an identical request a few minutes later is answered from this match instead of writing another. Absent
   * on matches made before it (never reused).
   */
  readonly shown?: readonly Shown[];
  /**
   * 代下单: the worker who asked for this match for the resident (`residentOpenid`); only they may order
   * from it. Absent: the resident asked.
   */
  readonly requestedBy?: string;
}

/**
 * `match_gaps`: an item for which matching found fewer providers than wanted even after widening, for the
 * workers' dashboard ("where are providers missing"). `orgPath` is the resident's unit. Counted once per
 * resident, item and Asia/Shanghai day: `_id` is `gap:<day number>:<itemId>:<resident openid>`, inserted only
 * if absent, so repeated or concurrent requests add nothing (`matchId` is the first match that found it).
 */
export interface MatchGap extends BaseDocument, Located {
  readonly itemId: string;
  readonly orgUnitId: string;
  readonly wanted: number;
  readonly found: number;
  readonly searchedLevel: OrgLevel;
  readonly matchId: string;
  readonly createdAt: Millis;
}

/**
 * `subscribe_grants`: how many one-time subscribe messages (一次性订阅消息) a user has allowed per template
 * (database/message-templates.json); each send uses one. One document per (openid, templateId).
 */
export interface SubscribeGrant extends BaseDocument {
  readonly openid: string;
  readonly templateId: string;
  readonly remaining: number;
  readonly lastGrantedAt: Millis;
  readonly updatedAt: Millis;
}

/** Where an outbox message is: waiting, being sent, or finished one way or another. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'refused', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * `message_outbox`: a subscribe message written in the same transaction as the change it reports, then sent
 * after the commit; the `order-timers` timer sends what is still pending (the function stopped before sending,
 * or WeChat was briefly unavailable). A send claims the message first (pending -> sending, compare-and-set),
 * so two senders never both send it. `refused`: WeChat said no for good (no grant, a bad value); `failed`:
 * transient errors on every attempt.
 */
export interface OutboxMessage extends BaseDocument {
  readonly message: SubscribeMessage;
  /** What the message is about (an order or follow-up id), for support and tests. */
  readonly subjectId: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly createdAt: Millis;
  /** When a pending message may be tried (again). */
  readonly nextAttemptAt: Millis;
  readonly claimedAt: Millis | null;
  readonly finishedAt: Millis | null;
  /** The last refusal or error code, e.g. `WX_43101`. */
  readonly lastError: string | null;
}

/**
 * `rate_limit_counters`: how many calls of each limited command one user made in one minute (the function
 * kit refuses calls beyond `rateLimits.perMinute`: RATE_LIMITED). `_id` is `<openid>:<minute number>`;
 * `counts` maps the command, dots replaced by `_` (a dotted key would be a path), to its calls, raised by
 * atomic increments. Read and written by `_id` only.
 */
export interface RateLimitCounter extends BaseDocument {
  readonly openid: string;
  /** Minutes since the epoch. */
  readonly minute: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly createdAt: Millis;
}
