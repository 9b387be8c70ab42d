/**
 * The console's rules as plain functions: the password rule, who stands strictly above whom (who may make
 * whose account), the matrix read as a list scope, the HTTP status of each code, the same-origin test, and
 * the crypto adapter (scrypt hashes, tokens, one-time passwords).
 */
import { listScope, narrowScope, scopeCovers } from '../../../core/auth/list-scope';
import { actorWithResidentGrant, type RoleGrant } from '../../../core/auth/roles';
import { isStrictlyAbove } from '../../../core/console/console-grants';
import { checkNewPassword } from '../../../core/console/password.policy';
import { createConsoleCrypto } from '../../../function-kit/console-crypto.adapter';
import { parseCookies } from '../../../function-kit/http-event';
import { sameOrigin, statusOf } from '../../../function-kit/http-answers';

const CITY = '/450900/';
const STREET = '/450900/450902/450902001/';
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const OTHER_COMMUNITY = '/450900/450902/450902001/450902001002/';

describe('a new password', () => {
  test.each([
    ['Jingang2025ok', true],
    ['short1a', false],
    ['onlyletterslong', false],
    ['12345678901234', false],
    ['grid.worker2025', false],
    ['x'.repeat(64) + '1', false],
  ])('%s is accepted: %s', (password, ok) => {
    expect(checkNewPassword(password, 'grid.worker').ok).toBe(ok);
  });
});

describe('who stands strictly above whom', () => {
  const g = (role: RoleGrant['role'], orgPath?: string): RoleGrant => ({
    role,
    ...(orgPath ? { orgPath } : {}),
  });
  test.each([
    ['a street leader above a community leader', g('leader', STREET), g('leader', COMMUNITY), true],
    ['a community leader above its worker', g('leader', COMMUNITY), g('worker', COMMUNITY), true],
    [
      'a community worker above a grid worker',
      g('worker', COMMUNITY),
      g('worker', `${COMMUNITY}450902001001001/`),
      true,
    ],
    ['a worker not above a peer worker', g('worker', COMMUNITY), g('worker', COMMUNITY), false],
    ['a worker not above its leader', g('worker', COMMUNITY), g('leader', COMMUNITY), false],
    [
      'a leader not above a neighbouring community',
      g('leader', COMMUNITY),
      g('worker', OTHER_COMMUNITY),
      false,
    ],
    ['a community leader not above the street', g('leader', COMMUNITY), g('worker', STREET), false],
    ['an administrator above a city leader', g('system_admin', CITY), g('leader', CITY), true],
    ['an administrator not above an administrator', g('system_admin', CITY), g('system_admin', CITY), false],
  ])('%s', (_name, above, below, expected) => {
    expect(isStrictlyAbove(above, below)).toBe(expected);
  });
});

describe('the matrix as a list scope', () => {
  test('a worker lists within their unit; two nested units count as the outer one', () => {
    const actor = actorWithResidentGrant('w', COMMUNITY, [
      { role: 'worker', orgPath: COMMUNITY },
      { role: 'worker', orgPath: STREET },
    ]);
    const scope = listScope(actor, 'order.view');
    expect(scope).toEqual({ ok: true, value: { all: false, paths: [STREET] } });
  });

  test('an administrator lists everything; a resident lists nothing by place', () => {
    expect(
      listScope(actorWithResidentGrant('a', CITY, [{ role: 'system_admin', orgPath: CITY }]), 'order.view'),
    ).toEqual({
      ok: true,
      value: { all: true },
    });
    const resident = listScope(actorWithResidentGrant('r', COMMUNITY, []), 'order.view');
    expect(resident.ok ? null : resident.refusal.code).toBe('PERMISSION_DENIED');
  });

  test('narrowing to a unit outside, or to none, is OUT_OF_SCOPE; inside, that unit', () => {
    const scope = { all: false, paths: [COMMUNITY] } as const;
    expect(narrowScope(scope, `${COMMUNITY}450902001001001/`, 'order.view')).toEqual({
      ok: true,
      value: { all: false, paths: [`${COMMUNITY}450902001001001/`] },
    });
    for (const unit of [STREET, OTHER_COMMUNITY, null]) {
      const out = narrowScope(scope, unit, 'order.view');
      expect(out.ok ? null : out.refusal.code).toBe('OUT_OF_SCOPE');
    }
    expect(scopeCovers(scope, `${COMMUNITY}x/`)).toBe(true);
    expect(scopeCovers(scope, '/450900/450902/450902001/4509020010010/')).toBe(false);
  });
});

describe('HTTP', () => {
  test.each([
    ['INVALID_INPUT', 400],
    ['SESSION_REQUIRED', 401],
    ['OUT_OF_SCOPE', 403],
    ['ORDER_NOT_FOUND', 403],
    ['PROVIDER_ILLEGAL_TRANSITION', 409],
    ['ACCOUNT_EXISTS', 409],
    ['ACCOUNT_LOCKED', 423],
    ['RATE_LIMITED', 429],
    ['PASSWORD_TOO_WEAK', 400],
  ])('%s answers %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  test('an Origin is the request’s own only with the same host and port', () => {
    expect(sameOrigin('http://127.0.0.1:3910', '127.0.0.1:3910')).toBe(true);
    expect(sameOrigin('https://console.example.cn', 'console.example.cn')).toBe(true);
    expect(sameOrigin('http://127.0.0.1:3911', '127.0.0.1:3910')).toBe(false);
    expect(sameOrigin('null', '127.0.0.1:3910')).toBe(false);
    expect(sameOrigin('https://evil.example/console.example.cn', 'console.example.cn')).toBe(false);
  });

  test('cookies: the first of a name counts', () => {
    expect(parseCookies('a=1; wm_console_session=abc; wm_console_session=def')).toEqual({
      a: '1',
      wm_console_session: 'abc',
    });
  });
});

describe('the crypto adapter', () => {
  const crypto = createConsoleCrypto({ N: 2 ** 10, r: 8, p: 1 });

  test('a scrypt hash with a fresh salt verifies its password only', async () => {
    const a = await crypto.hashPassword('Jingang2025ok');
    const b = await crypto.hashPassword('Jingang2025ok');
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await crypto.verifyPassword('Jingang2025ok', a)).toBe(true);
    expect(await crypto.verifyPassword('Jingang2025oK', a)).toBe(false);
    for (const malformed of ['', 'scrypt$1$1$1$x$y', 'md5$abc', a.replace('scrypt', 'bcrypt')]) {
      expect(await crypto.verifyPassword('Jingang2025ok', malformed)).toBe(false);
    }
  });

  test('tokens are 256 random bits; digests are SHA-256; one-time passwords have letters and digits', () => {
    const t = crypto.newToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(crypto.newToken()).not.toBe(t);
    expect(crypto.digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(crypto.sameSecret(t, t)).toBe(true);
    expect(crypto.sameSecret(t, `${t}x`)).toBe(false);
    for (let i = 0; i < 50; i += 1)
      expect(crypto.newOneTimePassword()).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{12}$/);
  });
});
