/**
 * The audit log of the workers' console (docs/console.md "Audit"): every write made from the console is
 * recorded with who made it (the person, the console account and session), when, what (the command), on
 * which record, and from which IP. The entry is written in the same transaction as the write it records,
 * so there is never a write without its entry, nor an entry for a write that rolled back.
 *
 * A console call carries an `AuditSource` on its ports (function-kit/console-session.ts builds it from the
 * session); `runCommand` then writes one entry per command, describing the record the use case named with
 * `CommandTransaction.audit(...)`. Calls from the mini-program carry none and write none: their events
 * already record who made each step.
 */
import type { Role } from '../auth/roles';
import type { AuditEntry } from '../model/console.model';
import { COLLECTIONS } from '../model/collections.model';
import type { TransactionPort } from './database.port';
import type { IdGenerator } from './ports';

/** Where a console write comes from, beyond the actor: recorded with it. */
export interface AuditSource {
  readonly channel: 'console';
  /** The console account (its login name). */
  readonly accountId: string;
  /** The session the request came in on (its id is a digest, never the cookie). */
  readonly sessionId: string;
  /** The client's address as the HTTP access service saw it; null when unknown. */
  readonly ip: string | null;
}

/** The record a write changed, as the use case names it. */
export interface AuditSubject {
  /** What kind of record: `provider`, `order`, `console_account`... */
  readonly entityType: string;
  readonly entityId: string;
  /** The record's org path: who may read the entry (the unit's leaders and above) follows from it. */
  readonly orgPath: string;
  /** One line in Chinese saying what was done, e.g. 暂停服务（原因：……）. */
  readonly summary: string;
  /** The role the actor acted in (the authorization's). */
  readonly role?: Role;
}

/** The org path of an entry whose write named no record: only the platform's administrators read it. */
export const AUDIT_ROOT_PATH = '/';

/** The entry recording one write (its `_id` is given when it is stored). */
export function auditEntry(
  source: AuditSource,
  who: { readonly openid: string; readonly role: Role | null },
  command: string,
  subject: AuditSubject | null,
  at: number,
): Omit<AuditEntry, '_id'> {
  return {
    at,
    actorOpenid: who.openid,
    actorRole: subject?.role ?? who.role,
    accountId: source.accountId,
    sessionId: source.sessionId,
    channel: source.channel,
    ip: source.ip,
    command,
    entityType: subject?.entityType ?? null,
    entityId: subject?.entityId ?? null,
    orgPath: subject?.orgPath ?? AUDIT_ROOT_PATH,
    summary: subject?.summary ?? '',
  };
}

/** Append an entry in the write's transaction. */
export async function recordAuditEntry(
  tx: Pick<TransactionPort, 'insert'>,
  ids: IdGenerator,
  entry: Omit<AuditEntry, '_id'>,
): Promise<void> {
  await tx.insert(COLLECTIONS.auditEntries, { _id: ids.next(), ...entry });
}
