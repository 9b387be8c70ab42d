/**
 * Who may grant (or withdraw) which console role where (core/console/role-grant.policy.ts): only below one's
 * own level and within one's own unit; only the console's unit roles, at the levels each exists at.
 */
import type { Actor, Role, RoleGrant } from '../../../core/auth/roles';
import { checkRoleGrant } from '../../../core/console/role-grant.policy';

const CITY = '/450900/';
const COUNTY = '/450900/450902/';
const STREET = '/450900/450902/450902001/';
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const GRID = '/450900/450902/450902001/450902001001/450902001001001/';
const OTHER_COMMUNITY = '/450900/450902/450902001/450902001002/';
const OTHER_STREET = '/450900/450981/450981001/';
const OTHER_GRID = '/450900/450981/450981001/450981001001/450981001001001/';

const TARGET = 'o-target';
const actor = (...grants: RoleGrant[]): Actor => ({ openid: 'o-caller', grants });
const as = (role: Role, orgPath?: string) => actor(orgPath === undefined ? { role } : { role, orgPath });

/** The refusal code, or OK. */
function answer(caller: Actor, role: Role, orgPath: string, target = TARGET): string {
  const outcome = checkRoleGrant(caller, { role, orgPath }, target);
  return outcome.ok ? 'OK' : outcome.refusal.code;
}

describe('a community worker', () => {
  const caller = as('worker', COMMUNITY);
  test('makes grid workers of their own community’s grids', () => {
    expect(answer(caller, 'worker', GRID)).toBe('OK');
  });
  test('makes no one at their own level or above, nor elsewhere', () => {
    expect(answer(caller, 'worker', COMMUNITY)).toBe('OUT_OF_SCOPE');
    expect(answer(caller, 'leader', COMMUNITY)).toBe('OUT_OF_SCOPE');
    expect(answer(caller, 'worker', STREET)).toBe('OUT_OF_SCOPE');
    expect(answer(caller, 'worker', OTHER_COMMUNITY)).toBe('OUT_OF_SCOPE');
    expect(answer(caller, 'worker', OTHER_GRID)).toBe('OUT_OF_SCOPE');
  });
  test('a level without the role: no leader of a grid, no regulator of a community', () => {
    expect(answer(caller, 'leader', GRID)).toBe('ROLE_LEVEL_NOT_ALLOWED');
    expect(answer(as('worker', STREET), 'industry_regulator', COMMUNITY)).toBe('ROLE_LEVEL_NOT_ALLOWED');
  });
});

describe('a community leader', () => {
  const caller = as('leader', COMMUNITY);
  test('makes the community’s own workers (a lower role in the same unit), not its leaders', () => {
    expect(answer(caller, 'worker', COMMUNITY)).toBe('OK');
    expect(answer(caller, 'joint_meeting_office', COMMUNITY)).toBe('OK');
    expect(answer(caller, 'leader', COMMUNITY)).toBe('OUT_OF_SCOPE');
  });
});

describe('a street leader', () => {
  const caller = as('leader', STREET);
  test('makes community leaders and workers of the street’s communities and grids', () => {
    expect(answer(caller, 'leader', COMMUNITY)).toBe('OK');
    expect(answer(caller, 'worker', COMMUNITY)).toBe('OK');
    expect(answer(caller, 'worker', GRID)).toBe('OK');
    expect(answer(caller, 'worker', STREET)).toBe('OK');
  });
  test('not a street leader, nor anything of the county or another street', () => {
    expect(answer(caller, 'leader', STREET)).toBe('OUT_OF_SCOPE');
    expect(answer(caller, 'worker', COUNTY)).toBe('OUT_OF_SCOPE');
    expect(answer(caller, 'leader', OTHER_STREET)).toBe('OUT_OF_SCOPE');
  });
});

describe('only the console’s unit roles, and never for oneself', () => {
  test.each<Role>(['resident', 'provider_staff', 'volunteer', 'party_member', 'system_admin', 'system'])(
    '%s is not granted from the console',
    (role) => {
      expect(answer(as('leader', CITY), role, COMMUNITY)).toBe('ROLE_NOT_GRANTABLE');
    },
  );
  test('not to oneself, even below one’s level', () => {
    expect(answer(as('leader', STREET), 'worker', COMMUNITY, 'o-caller')).toBe('ROLE_GRANT_SELF');
  });
  test('people without a role that manages roles: refused whatever they ask', () => {
    expect(answer(as('resident', GRID), 'worker', GRID)).toBe('PERMISSION_DENIED');
    expect(answer(as('industry_regulator', COUNTY), 'worker', COMMUNITY)).toBe('PERMISSION_DENIED');
  });
  test('an administrator grants anywhere; a path that is no path is out of scope', () => {
    expect(answer(as('system_admin'), 'leader', CITY)).toBe('OK');
    expect(answer(as('system_admin'), 'industry_regulator', COUNTY)).toBe('OK');
    expect(answer(as('leader', CITY), 'worker', 'not-a-path')).toBe('OUT_OF_SCOPE');
  });
  test('a person holding two roles is judged by the one that stands above the grant', () => {
    const caller = actor({ role: 'worker', orgPath: GRID }, { role: 'leader', orgPath: COMMUNITY });
    expect(answer(caller, 'worker', COMMUNITY)).toBe('OK');
    expect(answer(caller, 'worker', GRID)).toBe('OK');
  });
});
