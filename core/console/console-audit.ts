/**
 * The console's own writes (sign-in, sign-out, passwords, accounts) are audited like the writes it makes
 * through the platform's commands (core/kernel/audit.ts), in the same transaction.
 */
import type { Role } from '../auth/roles';
import { auditEntry, recordAuditEntry, type AuditSource, type AuditSubject } from '../kernel/audit';
import type { TransactionPort } from '../kernel/database.port';
import type { IdGenerator } from '../kernel/ports';
import type { ConsoleAccount } from '../model/console.model';

/** The console's own commands, as the audit log names them. */
export const CONSOLE_COMMANDS = {
  'console.sign_in': '登录管理后台',
  'console.sign_out': '退出管理后台',
  'console.account.lock': '密码连续输错，账号锁定',
  'console.password.change': '修改密码',
  'console.account.create': '开设管理后台账号',
  'console.account.reset': '重置管理后台账号密码',
} as const;
export type ConsoleCommand = keyof typeof CONSOLE_COMMANDS;

export interface ConsoleAuditWrite {
  readonly source: AuditSource;
  readonly who: { readonly openid: string; readonly role: Role | null };
  readonly command: ConsoleCommand;
  readonly subject: AuditSubject;
  readonly at: number;
}

export async function auditConsoleWrite(
  tx: Pick<TransactionPort, 'insert'>,
  ids: IdGenerator,
  write: ConsoleAuditWrite,
): Promise<void> {
  await recordAuditEntry(
    tx,
    ids,
    auditEntry(write.source, write.who, write.command, write.subject, write.at),
  );
}

/** The account as the record an entry is about (its person's unit decides who reads the entry). */
export function accountSubject(account: ConsoleAccount, orgPath: string, summary: string): AuditSubject {
  return { entityType: 'console_account', entityId: account._id, orgPath, summary };
}
