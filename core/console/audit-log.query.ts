/**
 * 审计日志 (`GET /console/api/audit`): the console's writes on records of the leader's unit and the units
 * below it (an entry's `orgPath` is its record's), newest first, a page at a time, by day range. Read by
 * the unit's leaders and above (`console.audit.view`); served by `orgPath_1_at_-1`.
 */
import { ACTION_LABELS, isAction } from '../auth/actions';
import { ROLE_LABELS } from '../auth/roles';
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { AuditEntry } from '../model/console.model';
import type { User } from '../model/user.model';
import { parseCommand } from '../schemas/command.parser';
import { auditListSchema } from '../schemas/console.schema';
import { CONSOLE_COMMANDS } from './console-audit';
import { communityOf } from './console-orders.query';
import { findWithTotal, pageWindow, scopeRootFor, withinDays, withinRoot } from './console-scope';
import { unitNames } from './console-units';
import type { AuditListReply } from './console.replies';

/** The platform's commands the console sends, by name. */
const PLATFORM_COMMAND_LABELS: Readonly<Record<string, string>> = {
  'provider.status.change': '变更服务机构状态',
};

export function commandLabel(command: string): string {
  if (Object.prototype.hasOwnProperty.call(CONSOLE_COMMANDS, command)) {
    return CONSOLE_COMMANDS[command as keyof typeof CONSOLE_COMMANDS];
  }
  return PLATFORM_COMMAND_LABELS[command] ?? (isAction(command) ? ACTION_LABELS[command] : command);
}

export async function listAuditEntries(input: UseCaseInput): Promise<AuditListReply> {
  const { actor } = input;
  const { db } = input.ports;
  requireIdentity(actor);
  const q = parseCommand(auditListSchema, input.command);
  const root = await scopeRootFor(db, actor, 'console.audit.view', q.orgUnitId);
  const where: Where = { ...withinRoot(db, root), ...withinDays(db, 'at', q.from, q.to) };
  const { docs: entries, total } = await findWithTotal<AuditEntry>(db, COLLECTIONS.auditEntries, where, {
    orderBy: [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    ...pageWindow(q),
  });
  const openids = [...new Set(entries.map((e) => e.actorOpenid))];
  const [people, names] = await Promise.all([
    Promise.all(openids.map((o) => db.get<User>(COLLECTIONS.users, o))),
    unitNames(
      db,
      entries.map((e) => communityOf(e.orgPath)),
    ),
  ]);
  const nameOf = new Map(openids.map((o, i) => [o, people[i]?.realName ?? people[i]?.nickname ?? o]));
  return {
    items: entries.map((e) => ({
      entryId: e._id,
      at: e.at,
      actorName: nameOf.get(e.actorOpenid) ?? e.actorOpenid,
      accountId: e.accountId,
      actorRole: e.actorRole,
      actorRoleLabel: e.actorRole === null ? '' : ROLE_LABELS[e.actorRole],
      command: e.command,
      commandLabel: commandLabel(e.command),
      entityType: e.entityType,
      entityId: e.entityId,
      summary: e.summary,
      unitName: names.get(communityOf(e.orgPath)) ?? '',
      ip: e.ip,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < total,
  };
}
