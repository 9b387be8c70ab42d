import type { Role } from '../auth/roles';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

/**
 * `console_accounts`: a worker's sign-in to the admin console (管理后台账号), tied to their `users` record
 * (`openid`): the grants on that record decide what they may do and where, as everywhere; the account only
 * proves who they are. `_id` is the login name (lower case). One account per user.
 *
 * The password is kept as a scrypt hash (`scrypt$N$r$p$<salt>$<hash>`, base64url), never in clear. An
 * account made by a higher-level worker starts with a one-time password the worker must change at the first
 * sign-in (`mustChangePassword`), valid until `oneTimePasswordExpiresAt`. Five wrong passwords in a row lock
 * it until `lockedUntil` (docs/console.md "Sign-in").
 */
export interface ConsoleAccount extends BaseDocument, Timestamps {
  readonly openid: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  /** While `mustChangePassword`: when the one-time password stops working; null otherwise. */
  readonly oneTimePasswordExpiresAt: Millis | null;
  readonly passwordChangedAt: Millis;
  /** Wrong passwords since the last sign-in or lock. */
  readonly failedAttempts: number;
  /** Locked until then (after too many wrong passwords); null when not locked. */
  readonly lockedUntil: Millis | null;
  readonly lastSignInAt: Millis | null;
  /** Who made it: the creator's openid, or `seed:demo` for the local demo's accounts. */
  readonly createdBy: string;
  /** Accounts seeded by the local demo (never in production data). */
  readonly demo: boolean;
}

/**
 * `console_sessions`: one signed-in browser. `_id` is the SHA-256 digest of the session token the browser
 * holds in its HttpOnly cookie, so the stored record cannot be replayed as a cookie. A session ends at
 * `expiresAt` (absolute), after `idleMinutes` without a successful request (`lastSeenAt`), when revoked
 * (sign-out, a password change), or when its account's password changes.
 */
export interface ConsoleSession extends BaseDocument {
  readonly accountId: string;
  readonly openid: string;
  /** The token every write must carry in `X-CSRF-Token` (bound to this session). */
  readonly csrfToken: string;
  /** Until the one-time password is changed, the session may only change it (and sign out). */
  readonly mustChangePassword: boolean;
  readonly createdAt: Millis;
  readonly lastSeenAt: Millis;
  readonly expiresAt: Millis;
  readonly revokedAt: Millis | null;
  readonly ip: string | null;
  readonly userAgent: string;
}

/**
 * `audit_entries`: one write made from the console (core/kernel/audit.ts): who, when, what, on which record,
 * from where. `orgPath` is the record's, so a leader reads the entries of their unit and below by prefix.
 * Append-only.
 */
export interface AuditEntry extends BaseDocument, Located {
  readonly at: Millis;
  readonly actorOpenid: string;
  readonly actorRole: Role | null;
  /** The console account (login name) and session the write came in on. */
  readonly accountId: string;
  readonly sessionId: string;
  readonly channel: 'console';
  readonly ip: string | null;
  /** The command (`provider.status.change`, `console.account.create`, `console.sign_in`...). */
  readonly command: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  /** What was done, in Chinese. */
  readonly summary: string;
}
