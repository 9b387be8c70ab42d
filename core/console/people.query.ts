/**
 * The people screen's list (docs/people-and-places.md): the people of a unit within the caller's
 * `user.role.manage` scope, with their grants (which the caller may withdraw), their console account, their
 * phone always masked (a list of people is no place to read numbers).
 *
 * - `staff`: people holding a role (other than resident) in the unit or below, read whole up to
 *   MAX_SCAN (a unit's staff are a few dozen), filtered by name after reading, paged in memory.
 * - `residents`: people bound to the unit or below (`homeOrgPath`), the candidates for a first role. Without
 *   a search, paged by the database. With an 11-digit number, the exact lookup of the phone's blind index.
 *   With a name: names are sealed at rest, so at most MAX_SCAN people are read and compared; `truncated`
 *   says the unit has more.
 */
import { GRANTABLE_ROLES, ROLE_LABELS, type Actor } from '../auth/roles';
import type { DatabasePort, Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { ConsoleAccount } from '../model/console.model';
import type { User } from '../model/user.model';
import { isOrgPath, isWithin } from '../org/org-path';
import { maskPhone } from '../privacy/phone-masking.policy';
import { parseCommand } from '../schemas/command.parser';
import { peopleQuerySchema } from '../schemas/org.schema';
import { scopeRootFor, type ScopeRoot } from './console-scope';
import { unitAt } from './console-units';
import type { PeopleListReply, PersonRow } from './people.replies';
import { personName } from './role-grant.usecase';
import { CONSOLE_GRANTABLE_ROLES, checkRoleGrant, type ConsoleGrantableRole } from './role-grant.policy';
import { listScope } from '../auth/list-scope';

/** How many people a name search or the staff list reads at most. */
const MAX_SCAN = 1000;
const PHONE = /^1\d{10}$/;
const ROLES_BUT_RESIDENT = GRANTABLE_ROLES.filter((r) => r !== 'resident');

type PersonDoc = Pick<User, '_id' | 'openid' | 'nickname' | 'realName' | 'phone' | 'homeOrgPath' | 'grants'>;
const FIELDS = ['openid', 'nickname', 'realName', 'phone', 'homeOrgPath', 'grants'];

function matchesName(user: PersonDoc, q: string): boolean {
  return (user.realName ?? '').includes(q) || user.nickname.includes(q);
}

function holdsRoleWithin(user: PersonDoc, root: ScopeRoot): boolean {
  return user.grants.some((g) => g.role !== 'resident' && (root === null || isWithin(g.orgPath, root)));
}

async function staffOf(db: DatabasePort, root: ScopeRoot, q: string) {
  const _ = db.command;
  const where: Where = {
    'grants.role': _.in(ROLES_BUT_RESIDENT),
    ...(root === null ? {} : { 'grants.orgPath': _.prefix(root) }),
  };
  const read = await db.find<PersonDoc>(COLLECTIONS.users, where, {
    orderBy: [['_id', 'asc']],
    limit: MAX_SCAN,
    fields: FIELDS,
  });
  const people = read.filter(
    (u) => holdsRoleWithin(u, root) && (q === '' || matchesName(u, q) || u.phone === q),
  );
  return { people, scanned: read.length, truncated: read.length >= MAX_SCAN };
}

async function residentsOf(db: DatabasePort, root: ScopeRoot, q: string, skip: number, limit: number) {
  const _ = db.command;
  const within: Where = { homeOrgPath: root === null ? _.neq(null) : _.prefix(root) };
  const order = { orderBy: [['_id', 'asc']] as const, fields: FIELDS };
  if (q === '') {
    const [total, page] = await Promise.all([
      db.count(COLLECTIONS.users, within),
      db.find<PersonDoc>(COLLECTIONS.users, within, { ...order, skip, limit }),
    ]);
    return { page, total, scanned: 0, truncated: false };
  }
  if (PHONE.test(q)) {
    const found = await db.find<PersonDoc>(
      COLLECTIONS.users,
      { ...within, phone: q },
      { ...order, limit: 50 },
    );
    return {
      page: found.slice(skip, skip + limit),
      total: found.length,
      scanned: found.length,
      truncated: false,
    };
  }
  const read = await db.find<PersonDoc>(COLLECTIONS.users, within, { ...order, limit: MAX_SCAN });
  const hits = read.filter((u) => matchesName(u, q));
  return {
    page: hits.slice(skip, skip + limit),
    total: hits.length,
    scanned: read.length,
    truncated: read.length >= MAX_SCAN,
  };
}

async function rowsOf(db: DatabasePort, actor: Actor, people: readonly PersonDoc[]): Promise<PersonRow[]> {
  const paths = people.flatMap((p) => [p.homeOrgPath ?? '', ...p.grants.map((g) => g.orgPath ?? '')]);
  const unique = [...new Set(paths.filter(isOrgPath))];
  const refs = await Promise.all(unique.map((p) => unitAt(db, p)));
  const fullNames = new Map<string, string>();
  unique.forEach((p, i) => {
    const ref = refs[i];
    if (ref) fullNames.set(p, ref.fullName);
  });
  const accounts = await Promise.all(
    people.map((p) =>
      db.findOne<ConsoleAccount>(COLLECTIONS.consoleAccounts, { openid: p.openid }, { fields: ['openid'] }),
    ),
  );
  return people.map((p, i) => ({
    openid: p.openid,
    name: personName(p),
    phoneMasked: p.phone === null || p.phone === '' ? null : maskPhone(p.phone),
    homeUnitName: fullNames.get(p.homeOrgPath ?? '') ?? '',
    grants: p.grants
      .filter((g) => g.role !== 'resident')
      .map((g) => ({
        role: g.role,
        roleLabel: ROLE_LABELS[g.role],
        orgPath: g.orgPath ?? null,
        unitName: fullNames.get(g.orgPath ?? '') ?? '',
        withdrawable: checkRoleGrant(actor, { role: g.role, orgPath: g.orgPath ?? '' }, p.openid).ok,
      })),
    loginName: accounts[i]?._id ?? null,
  }));
}

export async function listPeople(input: UseCaseInput): Promise<PeopleListReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const { db } = ports;
  const query = parseCommand(peopleQuerySchema, input.command);
  const root = await scopeRootFor(db, actor, 'user.role.manage', query.orgUnitId);
  const skip = (query.page - 1) * query.pageSize;
  let page: readonly PersonDoc[];
  let total: number;
  let scanned: number;
  let truncated: boolean;
  if (query.kind === 'staff') {
    const staff = await staffOf(db, root, query.q);
    page = staff.people.slice(skip, skip + query.pageSize);
    total = staff.people.length;
    ({ scanned, truncated } = staff);
  } else {
    ({ page, total, scanned, truncated } = await residentsOf(db, root, query.q, skip, query.pageSize));
  }
  const scope = listScope(actor, 'user.role.manage');
  const grantableRoles = (Object.keys(CONSOLE_GRANTABLE_ROLES) as ConsoleGrantableRole[])
    .filter(() => scope.ok)
    .map((role) => ({ role, label: ROLE_LABELS[role], levels: CONSOLE_GRANTABLE_ROLES[role] }));
  return {
    items: await rowsOf(db, actor, page),
    total,
    page: query.page,
    pageSize: query.pageSize,
    hasMore: skip + page.length < total,
    unit: root === null ? null : await unitAt(db, root),
    kind: query.kind,
    scanned,
    truncated,
    grantableRoles,
  };
}
