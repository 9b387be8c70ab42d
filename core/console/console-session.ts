/**
 * Console sessions (docs/console.md "Sign-in and sessions"): stored server-side in `console_sessions` under
 * the digest of the token the browser holds in its HttpOnly cookie. A session is valid until the first of:
 * its absolute end (`sessionAbsoluteHours` after sign-in), `sessionIdleMinutes` without a successful
 * request, a sign-out or password change (revoked), its account's password changing. `resolveSession`
 * answers which, as a value: the HTTP kit turns a refusal into 401 before it looks at the path.
 */
import type { Actor } from '../auth/roles';
import type { AuditSource } from '../kernel/audit';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import { accepted, refused, type Outcome } from '../kernel/outcome';
import type { PlatformConfig } from '../kernel/platform.config';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { PlatformPorts } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { ConsoleAccount, ConsoleSession } from '../model/console.model';
import type { ConsoleCrypto } from './console-crypto.port';
import { CONSOLE_ERRORS } from './console.errors';
import type { ConsoleLink } from './console.replies';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The browser behind a request, as the HTTP access service reports it. */
export interface ConsoleClient {
  readonly ip: string | null;
  readonly userAgent: string;
}

/** What the console's own use cases (sign-in, passwords, sessions, accounts) are handed. */
export interface ConsoleAuthInput {
  readonly ports: PlatformPorts;
  readonly crypto: ConsoleCrypto;
  readonly config?: PlatformConfig;
  readonly client: ConsoleClient;
  /** The local cloud's pages, offered in local mode only (the adapter knows where it runs). */
  readonly localTools?: readonly ConsoleLink[];
}

/** A valid session with its account. */
export interface LiveSession {
  readonly session: ConsoleSession;
  readonly account: ConsoleAccount;
}

/** A session token as the cookie carries it (base64url, what `ConsoleCrypto.newToken` makes). */
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

export function configOf(input: { readonly config?: PlatformConfig }): PlatformConfig {
  return input.config ?? DEFAULT_PLATFORM_CONFIG;
}

/** Why a stored session no longer counts, or null while it does. */
function endedBecause(
  session: ConsoleSession,
  account: ConsoleAccount | null,
  now: number,
  cfg: PlatformConfig,
) {
  if (session.revokedAt !== null) return 'revoked';
  if (now >= session.expiresAt) return 'expired';
  if (now >= session.lastSeenAt + cfg.console.sessionIdleMinutes * MINUTE_MS) return 'idle';
  if (account === null || account.passwordChangedAt > session.createdAt) return 'password_changed';
  return null;
}

/** The session of the cookie's token; SESSION_REQUIRED (none) or SESSION_EXPIRED (one that has ended). */
export async function resolveSession(
  input: Pick<ConsoleAuthInput, 'ports' | 'crypto' | 'config'>,
  token: string | undefined,
): Promise<Outcome<LiveSession>> {
  if (token === undefined || !TOKEN.test(token)) {
    return refused('SESSION_REQUIRED', CONSOLE_ERRORS.SESSION_REQUIRED);
  }
  const { db, clock } = input.ports;
  const session = await db.get<ConsoleSession>(COLLECTIONS.consoleSessions, input.crypto.digest(token));
  if (session === null) return refused('SESSION_REQUIRED', CONSOLE_ERRORS.SESSION_REQUIRED);
  const account = await db.get<ConsoleAccount>(COLLECTIONS.consoleAccounts, session.accountId);
  const ended = endedBecause(session, account, clock.now(), configOf(input));
  if (ended !== null) return refused('SESSION_EXPIRED', CONSOLE_ERRORS.SESSION_EXPIRED, { ended });
  return accepted({ session, account: account! });
}

/**
 * A successful request moves the idle end on. Written at most once per `sessionTouchSeconds` (and never
 * for a refused request, which writes nothing at all).
 */
export async function touchSession(
  input: Pick<ConsoleAuthInput, 'ports' | 'config'>,
  session: ConsoleSession,
): Promise<void> {
  const now = input.ports.clock.now();
  if (now - session.lastSeenAt < configOf(input).console.sessionTouchSeconds * 1000) return;
  await input.ports.db.update(
    COLLECTIONS.consoleSessions,
    session._id,
    { lastSeenAt: now },
    { ifMatch: { revokedAt: null } },
  );
}

/** A new session for the account, in the caller's transaction; its token goes to the browser only. */
export async function openSession(
  tx: Pick<TransactionPort, 'insert'>,
  input: Pick<ConsoleAuthInput, 'crypto' | 'config' | 'client'>,
  account: ConsoleAccount,
  now: number,
): Promise<{ readonly token: string; readonly session: ConsoleSession }> {
  const token = input.crypto.newToken();
  const session: ConsoleSession = {
    _id: input.crypto.digest(token),
    accountId: account._id,
    openid: account.openid,
    csrfToken: input.crypto.newToken(),
    mustChangePassword: account.mustChangePassword,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + configOf(input).console.sessionAbsoluteHours * HOUR_MS,
    revokedAt: null,
    ip: input.client.ip,
    userAgent: input.client.userAgent.slice(0, 200),
  };
  await tx.insert(COLLECTIONS.consoleSessions, session);
  return { token, session };
}

/** End every open session of the account (a password change or reset); answers how many. */
export function revokeAccountSessions(db: DatabasePort, accountId: string, now: number): Promise<number> {
  return db.updateWhere(COLLECTIONS.consoleSessions, { accountId, revokedAt: null }, { revokedAt: now });
}

/** The audit source of a request on this session. */
export function auditSourceOf(live: LiveSession, client: ConsoleClient): AuditSource {
  return { channel: 'console', accountId: live.account._id, sessionId: live.session._id, ip: client.ip };
}

/** The role a console-own entry is written under: the actor's first beyond the resident's. */
export function consoleRoleOf(actor: Actor) {
  return (actor.grants.find((g) => g.role !== 'resident') ?? actor.grants[0])?.role ?? null;
}
