/**
 * user.role.manage from the console (docs/people-and-places.md): a worker or leader grants a person a console
 * role in a unit below their own, or withdraws one, as core/console/role-grant.policy.ts allows. The person's
 * `users` record holds the grants (core/model/user.model.ts); the actor is rebuilt from it on every request,
 * so a new role opens its screens at the person's next request and a withdrawn one closes them. When the
 * person holds no console role any more, their console sessions end in the same transaction.
 *
 * A person the caller may not see (unknown, deleted, or neither living nor holding a role in the caller's
 * units) answers ROLE_PERSON_NOT_FOUND, the same for all (403); a unit that does not exist answers like one
 * outside the caller's units (OUT_OF_SCOPE). Audited (`ctx.audit`) with the unit's path.
 */
import { listScope, scopeCovers } from '../auth/list-scope';
import { ROLE_LABELS, type RoleGrant } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import { domainErrorsOf, DomainError } from '../kernel/errors';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { ConsoleSession } from '../model/console.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { User } from '../model/user.model';
import { parseCommand } from '../schemas/command.parser';
import { roleGrantSchema } from '../schemas/operations.schema';
import { consoleGrants } from './console-grants';
import { unitRefOf } from './console-units';
import type { RoleGrantResult } from './people.replies';
import { checkRoleGrant } from './role-grant.policy';

export const ROLE_GRANT_ERRORS = {
  /** A console role needs the unit it applies to. */
  ROLE_UNIT_REQUIRED: '请选择角色所属单位',
  ROLE_PERSON_NOT_FOUND: '人员不存在或不在您的权限范围内',
  ROLE_GRANT_EXISTS: '该人员已在该单位担任此角色',
  /** Withdrawing a grant the person does not hold (in this unit). */
  ROLE_GRANT_NOT_FOUND: '该人员在该单位没有此角色',
} as const;

const roleGrantError = domainErrorsOf(ROLE_GRANT_ERRORS);

/** Console sessions of one person ended at a withdrawal: a person has a handful at most. */
const MAX_SESSIONS = 100;

/** The person's grants as stored, the resident's left out (it follows from the home unit). */
export function storedGrantsView(grants: readonly RoleGrant[]) {
  return grants
    .filter((g) => g.role !== 'resident')
    .map((g) => ({ role: g.role, orgPath: g.orgPath ?? null }));
}

export function personName(user: Pick<User, 'realName' | 'nickname' | 'openid'>): string {
  return user.realName ?? (user.nickname === '' ? user.openid : user.nickname);
}

export async function manageRole(input: UseCaseInput): Promise<RoleGrantResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(roleGrantSchema, input.command);
  const scope = orThrow(listScope(actor, 'user.role.manage'));
  if (command.orgUnitId === undefined) throw roleGrantError('ROLE_UNIT_REQUIRED');
  const orgUnitId = command.orgUnitId;

  return runCommand(ports, actor, 'user.role.manage', command, async ({ tx, now, audit }) => {
    const unit = await tx.get<OrgUnit>(COLLECTIONS.orgUnits, orgUnitId);
    if (unit === null) {
      throw new DomainError('OUT_OF_SCOPE', '该记录不在您的权限范围内，不能“管理用户角色”', {
        action: 'user.role.manage',
      });
    }
    const request = { role: command.role, orgPath: unit.path };
    const by = orThrow(checkRoleGrant(actor, request, command.targetOpenid));
    const user = await tx.get<User>(COLLECTIONS.users, command.targetOpenid);
    if (user === null || (user.deletedAt ?? null) !== null) throw roleGrantError('ROLE_PERSON_NOT_FOUND');
    const held = user.grants.findIndex((g) => g.role === request.role && g.orgPath === request.orgPath);
    let grants: RoleGrant[];
    if (command.op === 'grant') {
      const inMyUnits =
        scopeCovers(scope, user.homeOrgPath) || user.grants.some((g) => scopeCovers(scope, g.orgPath));
      if (!inMyUnits) throw roleGrantError('ROLE_PERSON_NOT_FOUND');
      if (held >= 0) throw roleGrantError('ROLE_GRANT_EXISTS');
      grants = [...user.grants, { role: request.role, orgPath: request.orgPath }];
    } else {
      if (held < 0) throw roleGrantError('ROLE_GRANT_NOT_FOUND');
      grants = user.grants.filter((_, i) => i !== held);
    }
    await tx.update(COLLECTIONS.users, user._id, { grants, updatedAt: now });

    let sessionsEnded = 0;
    if (command.op === 'revoke' && consoleGrants({ openid: user.openid, grants }).length === 0) {
      const open = await ports.db.find<ConsoleSession>(
        COLLECTIONS.consoleSessions,
        { openid: user.openid, revokedAt: null },
        { fields: ['_id'], limit: MAX_SESSIONS },
      );
      for (const s of open) await tx.update(COLLECTIONS.consoleSessions, s._id, { revokedAt: now });
      sessionsEnded = open.length;
    }

    const name = personName(user);
    const roleLabel = ROLE_LABELS[request.role];
    const note = command.note === '' ? '' : `（${command.note}）`;
    audit({
      entityType: 'user',
      entityId: user._id,
      orgPath: unit.path,
      role: by.role,
      summary:
        command.op === 'grant'
          ? `授予 ${name} “${roleLabel}”角色（${unit.fullName}）${note}`
          : `收回 ${name} 的“${roleLabel}”角色（${unit.fullName}）${note}${sessionsEnded > 0 ? '，其管理后台登录已结束' : ''}`,
    });
    return {
      op: command.op,
      openid: user._id,
      name,
      role: request.role,
      roleLabel,
      unit: unitRefOf(unit),
      grants: storedGrantsView(grants),
      sessionsEnded,
    };
  });
}
