/**
 * profile.bind: the caller chooses the grid (小区/网格) or community they live in from the org tree, and
 * optionally what they are called. The unit must exist (ORG_UNIT_NOT_FOUND) and be a grid or a community
 * (ORG_UNIT_NOT_BINDABLE: a city, county or street is too wide to match providers for); a nickname goes
 * through content security (scene 资料; `risky` is NICKNAME_RISKY, `review` is accepted: a name cannot wait
 * hidden for a worker).
 *
 * Writes, in one transaction with the idempotency key (a replay with the same clientRequestId answers the
 * first reply and writes nothing): the caller's `users` record, created when missing (a resident with no
 * phone), else updated: `homeUnitId`, `homeOrgPath`, the nickname when one is given (absent or empty keeps
 * the current one). Every other grant is kept as it is (a provider's staff member stays staff); a stored
 * `resident` grant is moved to the new unit with the record, since the resident's scope is their home.
 *
 * Rebinding is allowed at any time, also with orders open: an order keeps the `orgPath` of the unit it was
 * made for (and so stays in that unit's workers' scope and statistics), and a match made before rebinding
 * still creates orders for the unit it was made for; the next match.request uses the new unit.
 *
 * Answers the profile as it is after the bind (ProfileGetReply).
 */
import { authorize } from '../auth/authorize';
import type { RoleGrant } from '../auth/roles';
import { loadOrgUnit } from '../org/org-unit.reader';
import { COLLECTIONS } from '../model/collections.model';
import { newUser, type User } from '../model/user.model';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { parseCommand } from '../schemas/command.parser';
import { profileBindSchema } from '../schemas/profile.schema';
import type { OrgLevel } from '../org/org-levels';
import { profileError } from './profile.errors';
import { userIdOf, profileReply } from './profile.view';
import type { ProfileGetReply } from './profile.reply';

/** The levels a resident may bind: where matching starts (the grid, or the community as a whole). */
export const BINDABLE_LEVELS: readonly OrgLevel[] = ['grid', 'community'];

/** The grants with every `resident` grant moved to `homePath`; the others unchanged. */
export function rehomeGrants(grants: readonly RoleGrant[], homePath: string): RoleGrant[] {
  return grants.map((g) => (g.role === 'resident' ? { ...g, orgPath: homePath } : g));
}

export async function bindProfile(input: UseCaseInput): Promise<ProfileGetReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(profileBindSchema, input.command);
  authorize(actor, 'profile.bind', { ownerOpenid: actor.openid }, { roles: ['resident'] });

  const unit = await loadOrgUnit(ports.db, command.orgUnitId);
  if (!BINDABLE_LEVELS.includes(unit.level)) {
    throw profileError('ORG_UNIT_NOT_BINDABLE', { orgUnitId: unit._id, level: unit.level });
  }
  const nickname = command.nickname;
  if (nickname.length > 0) {
    const verdict = await ports.contentSecurity.check(nickname, actor.openid, 'profile');
    if (verdict === 'risky') throw profileError('NICKNAME_RISKY');
  }

  const userId = await userIdOf(ports.db, actor.openid);
  return runCommand(ports, actor, 'profile.bind', command, async ({ tx, now }) => {
    const home = { homeUnitId: unit._id, homeOrgPath: unit.path };
    const user = await tx.get<User>(COLLECTIONS.users, userId);
    if (user === null) {
      const created: User = { ...newUser(actor.openid, now), _id: userId, ...home, nickname };
      await tx.insert(COLLECTIONS.users, created);
      return profileReply(created, unit);
    }
    const patch: Partial<User> = {
      ...home,
      ...(nickname.length > 0 ? { nickname } : {}),
      // A deleted account the user comes back to starts afresh.
      ...(user.deletedAt ? { deletedAt: null } : {}),
      ...(user.grants.some((g) => g.role === 'resident')
        ? { grants: rehomeGrants(user.grants, unit.path) }
        : {}),
      updatedAt: now,
    };
    await tx.update(COLLECTIONS.users, userId, patch);
    return profileReply({ ...user, ...patch }, unit);
  });
}
