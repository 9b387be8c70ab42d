/**
 * The local demo's console accounts (`npm start` seeds and prints them; local only, never in a deployed
 * function or the built console): one for each demo worker, leader, regulator, the joint-meeting office and
 * the administrator, plus a county leader, a city leader and a worker of another street (北流市陵城街道),
 * who are console-only people of the demo (their `users` records are written here). All share one demo
 * password and need no password change; a one-time password is what accounts made in the console get.
 *
 * Seeded once per data folder (a marker in `sys_meta`), apart from the demo data's own marker, so a data
 * folder seeded before the console existed gets its accounts on the next start.
 */
import type { RoleGrant } from '../core/auth/roles';
import type { PersonalDataCipher } from '../core/kernel/personal-data.port';
import type { ConsoleAccount } from '../core/model/console.model';
import type { User } from '../core/model/user.model';
import { pathFromIds } from '../core/org/org-path';
import { sealDocument } from '../core/privacy/sealed-database';
import { DEMO_PATHS } from '../demo/demo-identities';
import { CITY_ID } from '../demo/demo.constants';
import { createConsoleCrypto } from '../function-kit/console-crypto.adapter';
import type { LocalDatabase } from '../localcloud/db/local-database';

export const CONSOLE_SEED_MARKER_ID = 'demo-console-accounts';
/** The demo accounts' password (local demo only). */
export const DEMO_CONSOLE_PASSWORD = 'hongsheng2025';

/** 北流市陵城街道: a street apart from the demo's 玉城街道, for "another street's orders". */
export const OTHER_STREET_PATH = pathFromIds([CITY_ID, '450981', '450981001']);

export interface DemoConsoleAccount {
  readonly loginName: string;
  readonly openid: string;
  readonly label: string;
  /** A person only the console demo has (not one of the mini-program's demo identities). */
  readonly person?: { readonly name: string; readonly phone: string; readonly grant: RoleGrant };
}

export const DEMO_CONSOLE_ACCOUNTS: readonly DemoConsoleAccount[] = [
  { loginName: 'grid.worker', openid: 'demo-grid-worker-1', label: '网格员（金港花园小区）' },
  { loginName: 'community.worker', openid: 'demo-community-worker-1', label: '社区平台管理人员（东门社区）' },
  { loginName: 'community.leader', openid: 'demo-community-leader-1', label: '社区负责人（东门社区）' },
  { loginName: 'street.worker', openid: 'demo-street-worker-1', label: '街道平台管理人员（玉城街道）' },
  { loginName: 'street.leader', openid: 'demo-street-leader-1', label: '街道负责人（玉城街道）' },
  {
    loginName: 'lingcheng.worker',
    openid: 'demo-street-worker-2',
    label: '街道平台管理人员（北流市陵城街道）',
    person: { name: '冯晓东', phone: '13907750021', grant: { role: 'worker', orgPath: OTHER_STREET_PATH } },
  },
  { loginName: 'county.worker', openid: 'demo-county-worker-1', label: '县（区）平台管理人员（玉州区）' },
  {
    loginName: 'county.leader',
    openid: 'demo-county-leader-1',
    label: '县（区）负责人（玉州区）',
    person: { name: '黄志坚', phone: '13907750019', grant: { role: 'leader', orgPath: DEMO_PATHS.county } },
  },
  { loginName: 'city.worker', openid: 'demo-city-worker-1', label: '市级平台管理人员（玉林市）' },
  {
    loginName: 'city.leader',
    openid: 'demo-city-leader-1',
    label: '市级负责人（玉林市）',
    person: { name: '韦丽萍', phone: '13907750020', grant: { role: 'leader', orgPath: DEMO_PATHS.city } },
  },
  { loginName: 'regulator', openid: 'demo-regulator-1', label: '行业主管部门（玉州区市场监督管理局）' },
  { loginName: 'city.regulator', openid: 'demo-city-regulator-1', label: '行业主管部门（玉林市民政局）' },
  { loginName: 'joint.office', openid: 'demo-joint-office-1', label: '联席会议办公室（玉城街道）' },
  { loginName: 'admin', openid: 'demo-admin-1', label: '系统管理员' },
];

function consoleOnlyUser(account: DemoConsoleAccount, now: number): User | null {
  const person = account.person;
  if (person === undefined) return null;
  const homeOrgPath = person.grant.orgPath!;
  return {
    _id: account.openid,
    openid: account.openid,
    nickname: person.name,
    realName: person.name,
    phone: person.phone,
    phoneConsentAt: now,
    homeUnitId: homeOrgPath.slice(1, -1).split('/').pop() ?? null,
    homeOrgPath,
    grants: [person.grant],
    demo: true,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Write the demo console accounts (and their console-only people) once. The password hashes are made
 * first (scrypt is asynchronous), then everything is written in one SQLite transaction with the marker.
 */
export async function seedConsoleAccounts(
  db: LocalDatabase,
  now: number,
  cipher: PersonalDataCipher,
  metaCollection: string,
): Promise<{ created: boolean; accounts: readonly DemoConsoleAccount[] }> {
  db.ensureCollection(metaCollection);
  if (db.getRawById(metaCollection, CONSOLE_SEED_MARKER_ID).length > 0) {
    return { created: false, accounts: DEMO_CONSOLE_ACCOUNTS };
  }
  const crypto = createConsoleCrypto();
  const hashes = await Promise.all(
    DEMO_CONSOLE_ACCOUNTS.map(() => crypto.hashPassword(DEMO_CONSOLE_PASSWORD)),
  );
  db.ensureCollection('console_accounts');
  db.ensureCollection('users');
  db.store.atomically(() => {
    const users = DEMO_CONSOLE_ACCOUNTS.map((a) => consoleOnlyUser(a, now)).filter((u) => u !== null);
    const fresh = users.filter((u) => db.getRawById('users', u._id).length === 0);
    if (fresh.length > 0) {
      db.insert(
        'users',
        fresh.map((u) => sealDocument(cipher, 'users', u)) as unknown as Record<string, unknown>[],
      );
    }
    const accounts: ConsoleAccount[] = DEMO_CONSOLE_ACCOUNTS.map((a, i) => ({
      _id: a.loginName,
      openid: a.openid,
      passwordHash: hashes[i]!,
      mustChangePassword: false,
      oneTimePasswordExpiresAt: null,
      passwordChangedAt: now,
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: null,
      createdBy: 'seed:demo',
      demo: true,
      createdAt: now,
      updatedAt: now,
    }));
    db.insert('console_accounts', accounts as unknown as Record<string, unknown>[]);
    db.insert(metaCollection, [
      { _id: CONSOLE_SEED_MARKER_ID, seededAt: new Date(now), count: accounts.length },
    ]);
  });
  return { created: true, accounts: DEMO_CONSOLE_ACCOUNTS };
}
