/**
 * What a signed-in worker does with their session: see it (`GET /console/api/session`), sign out, and change
 * their password (the one-time password first of all). A password change ends every session of the
 * account and opens a new one for this browser (a fresh token and CSRF token), audited.
 */
import { loadActor } from '../auth/actor.loader';
import { orThrow } from '../kernel/outcome';
import { COLLECTIONS } from '../model/collections.model';
import type { ConsoleAccount } from '../model/console.model';
import { parseCommand } from '../schemas/command.parser';
import { passwordChangeSchema } from '../schemas/console.schema';
import { accountSubject, auditConsoleWrite } from './console-audit';
import { consoleGrants } from './console-grants';
import { sessionReply } from './console-session.view';
import {
  auditSourceOf,
  configOf,
  consoleRoleOf,
  openSession,
  revokeAccountSessions,
  type ConsoleAuthInput,
  type LiveSession,
} from './console-session';
import { consoleError } from './console.errors';
import type { ConsoleSessionReply } from './console.replies';
import { checkNewPassword } from './password.policy';
import { lockedError, registerWrongPassword, type SignedIn } from './sign-in.usecase';

type SessionInput = ConsoleAuthInput & { readonly live: LiveSession };

export async function currentSession(input: SessionInput): Promise<ConsoleSessionReply> {
  const { db } = input.ports;
  const { account, session } = input.live;
  const actor = await loadActor(db, account.openid);
  return sessionReply({
    db,
    config: configOf(input),
    actor,
    account,
    session,
    localTools: input.localTools ?? [],
  });
}

export async function signOut(input: SessionInput): Promise<{ readonly signedOut: true }> {
  const { db, ids, clock } = input.ports;
  const { account, session } = input.live;
  const now = clock.now();
  const actor = await loadActor(db, account.openid);
  await db.runTransaction(async (tx) => {
    await tx.get(COLLECTIONS.consoleSessions, session._id);
    await tx.update(COLLECTIONS.consoleSessions, session._id, { revokedAt: now });
    await auditConsoleWrite(tx, ids, {
      source: auditSourceOf(input.live, input.client),
      who: { openid: account.openid, role: consoleRoleOf(actor) },
      command: 'console.sign_out',
      subject: accountSubject(account, consoleGrants(actor)[0]?.orgPath ?? '/', '退出登录'),
      at: now,
    });
  });
  return { signedOut: true };
}

export async function changePassword(input: SessionInput & { readonly command: unknown }): Promise<SignedIn> {
  const { db, clock } = input.ports;
  const { account } = input.live;
  const { currentPassword, newPassword } = parseCommand(passwordChangeSchema, input.command);
  const now = clock.now();
  if (!(await input.crypto.verifyPassword(currentPassword, account.passwordHash))) {
    // A wrong current password counts toward the lock like a wrong sign-in: a borrowed session cannot guess.
    const lockedUntil = await registerWrongPassword(input, account, now);
    if (lockedUntil === null) throw consoleError('CURRENT_PASSWORD_WRONG');
    await revokeAccountSessions(db, account._id, now);
    throw lockedError(lockedUntil);
  }
  if (newPassword === currentPassword) throw consoleError('PASSWORD_REUSED');
  orThrow(checkNewPassword(newPassword, account._id));
  const passwordHash = await input.crypto.hashPassword(newPassword);
  await revokeAccountSessions(db, account._id, now);
  return storeNewPassword(input, passwordHash, now);
}

/** The new hash, a fresh session for this browser and the audit entry, in one transaction. */
async function storeNewPassword(input: SessionInput, passwordHash: string, now: number): Promise<SignedIn> {
  const { db, ids } = input.ports;
  const { account } = input.live;
  const actor = await loadActor(db, account.openid);
  const patch = {
    passwordHash,
    mustChangePassword: false,
    oneTimePasswordExpiresAt: null,
    passwordChangedAt: now,
    failedAttempts: 0,
    lockedUntil: null,
    updatedAt: now,
  };
  const changed: ConsoleAccount = { ...account, ...patch };
  const opened = await db.runTransaction(async (tx) => {
    await tx.get(COLLECTIONS.consoleAccounts, account._id);
    await tx.update(COLLECTIONS.consoleAccounts, account._id, patch);
    const fresh = await openSession(tx, input, changed, now);
    await auditConsoleWrite(tx, ids, {
      source: { ...auditSourceOf(input.live, input.client), sessionId: fresh.session._id },
      who: { openid: account.openid, role: consoleRoleOf(actor) },
      command: 'console.password.change',
      subject: accountSubject(
        account,
        consoleGrants(actor)[0]?.orgPath ?? '/',
        account.mustChangePassword ? '修改初始密码' : '修改密码',
      ),
      at: now,
    });
    return fresh;
  });
  const reply = await sessionReply({
    db,
    config: configOf(input),
    actor,
    account: changed,
    session: opened.session,
    localTools: input.localTools ?? [],
  });
  return { token: opened.token, reply };
}
