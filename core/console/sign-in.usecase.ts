/**
 * Signing in to the console (docs/console.md "Sign-in and sessions"). In order:
 * 1. the request's shape (INVALID_INPUT);
 * 2. attempts per minute from the client's address, then for the account name (RATE_LIMITED): counted
 *    whether the account exists or not, before any password is looked at;
 * 3. a locked account is refused (ACCOUNT_LOCKED) without checking the password;
 * 4. the password: an unknown name and a wrong password answer the same SIGN_IN_FAILED after the same work;
 *    the `lockAfterFailures`-th wrong password in a row locks the account for `lockMinutes` (ACCOUNT_LOCKED);
 * 5. an expired one-time password (ONE_TIME_PASSWORD_EXPIRED), a person without a console role any more
 *    (CONSOLE_ROLE_REQUIRED);
 * 6. a new session, the account's counters reset, and the sign-in in the audit log, in one transaction.
 */
import { loadActor } from '../auth/actor.loader';
import type { Actor } from '../auth/roles';
import { DomainError } from '../kernel/errors';
import { enforceLimit } from '../kernel/rate-limit';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { COLLECTIONS } from '../model/collections.model';
import type { ConsoleAccount } from '../model/console.model';
import { parseCommand } from '../schemas/command.parser';
import { signInSchema } from '../schemas/console.schema';
import { accountSubject, auditConsoleWrite } from './console-audit';
import { consoleGrants } from './console-grants';
import { sessionReply } from './console-session.view';
import { configOf, consoleRoleOf, openSession, type ConsoleAuthInput } from './console-session';
import { consoleError } from './console.errors';
import type { ConsoleSessionReply } from './console.replies';
import { normaliseLoginName } from './password.policy';

const MINUTE_MS = 60_000;

export interface SignedIn {
  /** For the HttpOnly cookie only: never in a reply body, never stored. */
  readonly token: string;
  readonly reply: ConsoleSessionReply;
}

export function lockedError(lockedUntil: number): DomainError {
  return new DomainError(
    'ACCOUNT_LOCKED',
    `密码连续输错次数过多，账号已锁定至 ${formatShanghaiMinute(lockedUntil)}，请稍后再试`,
    { lockedUntil },
  );
}

export async function signIn(input: ConsoleAuthInput & { readonly command: unknown }): Promise<SignedIn> {
  const { ports, client } = input;
  const cfg = configOf(input);
  const { loginName, password } = parseCommand(signInSchema, input.command);
  const name = normaliseLoginName(loginName);
  await enforceLimit(
    ports,
    `ip:${client.ip ?? 'unknown'}`,
    'console.sign_in.ip',
    cfg.console.signInPerMinutePerIp,
  );
  await enforceLimit(
    ports,
    `account:${name}`,
    'console.sign_in.account',
    cfg.console.signInPerMinutePerAccount,
  );

  const account = await ports.db.get<ConsoleAccount>(COLLECTIONS.consoleAccounts, name);
  const now = ports.clock.now();
  if (account === null) {
    await input.crypto.verifyPassword(password, '');
    throw consoleError('SIGN_IN_FAILED');
  }
  if (account.lockedUntil !== null && account.lockedUntil > now) throw lockedError(account.lockedUntil);
  if (!(await input.crypto.verifyPassword(password, account.passwordHash))) {
    const lockedUntil = await registerWrongPassword(input, account, now);
    throw lockedUntil === null ? consoleError('SIGN_IN_FAILED') : lockedError(lockedUntil);
  }
  if (account.mustChangePassword && (account.oneTimePasswordExpiresAt ?? 0) <= now) {
    throw consoleError('ONE_TIME_PASSWORD_EXPIRED');
  }
  const actor = await loadActor(ports.db, account.openid);
  if (consoleGrants(actor).length === 0) throw consoleError('CONSOLE_ROLE_REQUIRED');
  return startSession(input, account, actor, now);
}

/**
 * A wrong password: one more failure in a row (an atomic increment); at the limit the account locks and
 * the lock is audited. Answers when the lock ends, or null when the account is not locked by it.
 */
export async function registerWrongPassword(
  input: ConsoleAuthInput,
  account: ConsoleAccount,
  now: number,
): Promise<number | null> {
  const { db, ids } = input.ports;
  const cfg = configOf(input).console;
  await db.update(COLLECTIONS.consoleAccounts, account._id, {
    failedAttempts: db.command.inc(1),
    updatedAt: now,
  });
  const after = await db.get<ConsoleAccount>(COLLECTIONS.consoleAccounts, account._id);
  if ((after?.failedAttempts ?? 0) < cfg.lockAfterFailures) return null;
  const lockedUntil = now + cfg.lockMinutes * MINUTE_MS;
  const actor = await loadActor(db, account.openid);
  const place = consoleGrants(actor)[0]?.orgPath ?? '/';
  await db.runTransaction(async (tx) => {
    await tx.get(COLLECTIONS.consoleAccounts, account._id);
    await tx.update(COLLECTIONS.consoleAccounts, account._id, {
      failedAttempts: 0,
      lockedUntil,
      updatedAt: now,
    });
    await auditConsoleWrite(tx, ids, {
      source: { channel: 'console', accountId: account._id, sessionId: '', ip: input.client.ip },
      who: { openid: account.openid, role: consoleRoleOf(actor) },
      command: 'console.account.lock',
      subject: accountSubject(
        account,
        place,
        `密码连续输错 ${cfg.lockAfterFailures} 次，锁定 ${cfg.lockMinutes} 分钟`,
      ),
      at: now,
    });
  });
  return lockedUntil;
}

async function startSession(
  input: ConsoleAuthInput,
  account: ConsoleAccount,
  actor: Actor,
  now: number,
): Promise<SignedIn> {
  const { db, ids } = input.ports;
  const place = consoleGrants(actor)[0]?.orgPath ?? '/';
  const opened = await db.runTransaction(async (tx) => {
    await tx.get(COLLECTIONS.consoleAccounts, account._id);
    const fresh = await openSession(tx, input, account, now);
    await tx.update(COLLECTIONS.consoleAccounts, account._id, {
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: now,
      updatedAt: now,
    });
    await auditConsoleWrite(tx, ids, {
      source: {
        channel: 'console',
        accountId: account._id,
        sessionId: fresh.session._id,
        ip: input.client.ip,
      },
      who: { openid: account.openid, role: consoleRoleOf(actor) },
      command: 'console.sign_in',
      subject: accountSubject(account, place, account.mustChangePassword ? '使用初始密码登录' : '登录'),
      at: now,
    });
    return fresh;
  });
  const reply = await sessionReply({
    db,
    config: configOf(input),
    actor,
    account,
    session: opened.session,
    localTools: input.localTools ?? [],
  });
  return { token: opened.token, reply };
}
