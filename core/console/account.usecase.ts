/**
 * Console accounts made by a higher-level worker (docs/console.md "Accounts"): a worker or leader opens an
 * account for a person whose every console role lies strictly below their own (a lower unit within theirs,
 * or their own unit in a lower role), and resets such an account's password. Either way the person gets a
 * one-time password, shown once to the worker who issued it (stored only as a hash), which works for
 * `oneTimePasswordHours` and must be changed at the first sign-in. A reset also unlocks the account and
 * ends its sessions. A person outside the caller's units answers exactly as one who does not exist.
 */
import { loadActor } from '../auth/actor.loader';
import { checkAccess } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor, RoleGrant } from '../auth/roles';
import type { AuditSource } from '../kernel/audit';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { ConsoleAccount } from '../model/console.model';
import type { User } from '../model/user.model';
import { parseCommand } from '../schemas/command.parser';
import { accountCreateSchema, accountResetSchema } from '../schemas/console.schema';
import { accountSubject, auditConsoleWrite } from './console-audit';
import type { ConsoleCrypto } from './console-crypto.port';
import { consoleGrants, isStrictlyAbove } from './console-grants';
import { configOf, consoleRoleOf, revokeAccountSessions } from './console-session';
import { consoleError } from './console.errors';
import type { AccountIssuedReply } from './console.replies';

const HOUR_MS = 3_600_000;

type AccountInput = UseCaseInput & { readonly crypto: ConsoleCrypto };

/** The person's console grants, if the caller may manage accounts for every one of them; else null. */
function grantsBelowCaller(caller: Actor, person: Actor): readonly RoleGrant[] | null {
  const theirs = consoleGrants(person);
  if (theirs.length === 0) return null;
  const mine = caller.grants.filter((g) => {
    const probe: Actor = { openid: caller.openid, grants: [g] };
    return theirs.every(
      (t) =>
        checkAccess(probe, 'console.account.manage', { orgPath: t.orgPath ?? '' }).ok &&
        isStrictlyAbove(g, t),
    );
  });
  return mine.length > 0 ? theirs : null;
}

type PersonLookup =
  | { readonly kind: 'below'; readonly user: User; readonly grants: readonly RoleGrant[] }
  | { readonly kind: 'not_below' | 'unknown' };

/** The person, if the caller may manage their account; `unknown` also for one outside the caller's units. */
async function lookUpPerson(input: AccountInput, openid: string): Promise<PersonLookup> {
  const { db } = input.ports;
  const user = await db.get<User>(COLLECTIONS.users, openid);
  if (user === null || (user.deletedAt ?? null) !== null) return { kind: 'unknown' };
  const person = await loadActor(db, openid);
  const grants = grantsBelowCaller(input.actor, person);
  if (grants !== null) return { kind: 'below', user, grants };
  const inMyUnits = consoleGrants(person).some(
    (t) => checkAccess(input.actor, 'console.account.manage', { orgPath: t.orgPath ?? '' }).ok,
  );
  return { kind: inMyUnits ? 'not_below' : 'unknown' };
}

/** Callers who may manage no account anywhere are told so, whoever they ask about. */
function requireAccountManager(actor: Actor): void {
  orThrow(listScope(actor, 'console.account.manage'));
}

/** The console session behind the call: account writes are console writes, always audited. */
function auditSource(input: AccountInput): AuditSource {
  if (input.ports.audit === undefined) throw new Error('console accounts are managed from the console only');
  return input.ports.audit;
}

export async function createAccount(input: AccountInput): Promise<AccountIssuedReply> {
  requireIdentity(input.actor);
  const { db, ids, clock } = input.ports;
  const { openid, loginName } = parseCommand(accountCreateSchema, input.command);
  requireAccountManager(input.actor);
  const person = await lookUpPerson(input, openid);
  if (person.kind !== 'below') {
    throw consoleError(person.kind === 'not_below' ? 'ACCOUNT_NOT_BELOW' : 'ACCOUNT_PERSON_NOT_FOUND');
  }
  const { user, grants } = person;
  if ((await db.findOne(COLLECTIONS.consoleAccounts, { openid })) !== null)
    throw consoleError('ACCOUNT_EXISTS');
  const now = clock.now();
  const oneTimePassword = input.crypto.newOneTimePassword();
  const expiresAt = now + configOf(input).console.oneTimePasswordHours * HOUR_MS;
  const account: ConsoleAccount = {
    _id: loginName,
    openid,
    passwordHash: await input.crypto.hashPassword(oneTimePassword),
    mustChangePassword: true,
    oneTimePasswordExpiresAt: expiresAt,
    passwordChangedAt: now,
    failedAttempts: 0,
    lockedUntil: null,
    lastSignInAt: null,
    createdBy: input.actor.openid,
    demo: false,
    createdAt: now,
    updatedAt: now,
  };
  await db.runTransaction(async (tx) => {
    if ((await tx.get(COLLECTIONS.consoleAccounts, loginName)) !== null)
      throw consoleError('ACCOUNT_NAME_TAKEN');
    await tx.insert(COLLECTIONS.consoleAccounts, account);
    await auditConsoleWrite(tx, ids, {
      source: auditSource(input),
      who: { openid: input.actor.openid, role: consoleRoleOf(input.actor) },
      command: 'console.account.create',
      subject: accountSubject(account, grants[0]!.orgPath ?? '/', `为 ${nameOf(user)} 开设账号 ${loginName}`),
      at: now,
    });
  });
  return { loginName, personName: nameOf(user), oneTimePassword, expiresAt };
}

export async function resetAccount(input: AccountInput): Promise<AccountIssuedReply> {
  requireIdentity(input.actor);
  const { db, ids, clock } = input.ports;
  const { loginName } = parseCommand(accountResetSchema, input.command);
  requireAccountManager(input.actor);
  const account = await db.get<ConsoleAccount>(COLLECTIONS.consoleAccounts, loginName);
  const person = account === null ? null : await lookUpPerson(input, account.openid);
  if (account === null || person === null || person.kind !== 'below') throw consoleError('ACCOUNT_NOT_FOUND');
  const { user, grants } = person;
  const now = clock.now();
  const oneTimePassword = input.crypto.newOneTimePassword();
  const expiresAt = now + configOf(input).console.oneTimePasswordHours * HOUR_MS;
  const passwordHash = await input.crypto.hashPassword(oneTimePassword);
  await revokeAccountSessions(db, account._id, now);
  await db.runTransaction(async (tx) => {
    await tx.get(COLLECTIONS.consoleAccounts, account._id);
    await tx.update(COLLECTIONS.consoleAccounts, account._id, {
      passwordHash,
      mustChangePassword: true,
      oneTimePasswordExpiresAt: expiresAt,
      passwordChangedAt: now,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await auditConsoleWrite(tx, ids, {
      source: auditSource(input),
      who: { openid: input.actor.openid, role: consoleRoleOf(input.actor) },
      command: 'console.account.reset',
      subject: accountSubject(
        account,
        grants[0]!.orgPath ?? '/',
        `重置 ${nameOf(user)} 的账号 ${loginName} 的密码`,
      ),
      at: now,
    });
  });
  return { loginName, personName: nameOf(user), oneTimePassword, expiresAt };
}

function nameOf(user: User): string {
  return user.realName ?? user.nickname ?? user.openid;
}
