/**
 * Signing in to the console through the real admin-api on the local cloud (docs/console.md "Sign-in and
 * sessions"): the session cookie's attributes, the same answer for an unknown name and a wrong password,
 * the lock after five wrong passwords and its end, the per-minute limits per address and per account,
 * the idle and absolute ends of a session (the local cloud's clock moved), sign-out, and an account made by
 * a higher-level worker: its one-time password, which opens nothing but the password change.
 */
import { ORDER_STATUSES } from '../../../core/lifecycle/order.status';
import type { AccountIssuedReply, ConsoleSessionReply } from '../../../core/console/console.replies';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { writeUser } from '../../functions/support/role-actors';
import { consoleCloud, DEMO_CONSOLE_PASSWORD } from '../support/console-cloud';

const cloud = consoleCloud();
const MINUTE = 60_000;

beforeEach(() => cloud.nextMinute());

describe('a demo worker signs in', () => {
  test('gets an HttpOnly, SameSite=Strict session cookie for /console/ and no token in the body', async () => {
    const b = cloud.browser();
    const reply = await b.signIn('community.worker');
    expect(reply.status).toBe(200);
    expect(reply.setCookies).toHaveLength(1);
    const cookie = reply.setCookies[0]!;
    expect(cookie).toMatch(/^wm_console_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/console/');
    // Plain http on 127.0.0.1: the local cloud's cookie cannot be Secure (production's is).
    expect(cookie).not.toContain('Secure');
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(reply.data)).not.toContain(token);
    const session = reply.data as ConsoleSessionReply;
    expect(session).toMatchObject({
      loginName: 'community.worker',
      name: '庞丽娟',
      unit: { name: '东门社区', level: 'community' },
      mustChangePassword: false,
      menu: expect.objectContaining({ workbench: true, orders: true, providers: true, audit: false }),
    });
    // The session is stored under the token's digest, never the token.
    const stored = await cloud.find('console_sessions', { accountId: 'community.worker' });
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await b.get('/console/api/session')).status).toBe(200);
  });

  test('answers an unknown name and a wrong password alike, without a cookie', async () => {
    const unknown = await cloud.browser().signIn('no.such.worker', 'whatever123');
    const wrong = await cloud.browser().signIn('community.worker', 'wrong-password-1');
    for (const reply of [unknown, wrong]) {
      expect({ status: reply.status, code: reply.code, message: reply.message }).toEqual({
        status: 401,
        code: 'SIGN_IN_FAILED',
        message: '账号或密码错误',
      });
      expect(reply.setCookies).toEqual([]);
    }
  });

  test('refuses a malformed request with a Chinese message, writing nothing', async () => {
    const before = cloud.wholeMark();
    const reply = await cloud.browser().post('/console/auth/login', { loginName: 'community.worker' });
    expect(reply.status).toBe(400);
    expect(reply.code).toBe('INVALID_INPUT');
    expect(reply.message).toBe('请填写密码');
    expect(cloud.wholeMark()).toEqual(before);
  });
});

describe('wrong passwords', () => {
  test('the fifth in a row locks the account for 15 minutes, the right password included; then it opens', async () => {
    await writeUser(cloud, 't-lock-worker', [{ role: 'worker', orgPath: DEMO_PATHS.grid }]);
    const leader = await cloud.signIn('community.leader');
    const issued = await leader.post<AccountIssuedReply>('/console/api/accounts', {
      openid: 't-lock-worker',
      loginName: 'lock.worker',
    });
    expect(issued.code).toBe('OK');
    const otp = issued.data.oneTimePassword;
    for (let i = 1; i <= 4; i += 1) {
      expect((await cloud.browser().signIn('lock.worker', `wrong-${i}-abcdef`)).code).toBe('SIGN_IN_FAILED');
    }
    const fifth = await cloud.browser().signIn('lock.worker', 'wrong-5-abcdef');
    expect({ status: fifth.status, code: fifth.code }).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
    expect(fifth.message).toMatch(/已锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // Locked: the right password is not even looked at.
    const right = await cloud.browser().signIn('lock.worker', otp);
    expect({ status: right.status, code: right.code }).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
    cloud.shiftClock(14 * MINUTE);
    expect((await cloud.browser().signIn('lock.worker', otp)).code).toBe('ACCOUNT_LOCKED');
    cloud.shiftClock(MINUTE + 1000);
    const opened = await cloud.browser().signIn('lock.worker', otp);
    expect(opened.code).toBe('OK');
    // The lock is in the audit log, with the sign-ins.
    const entries = await cloud.find<{ command: string }>('audit_entries', { accountId: 'lock.worker' });
    expect(entries.map((e) => e.command).sort()).toEqual(['console.account.lock', 'console.sign_in']);
  });
});

describe('sign-in attempts per minute', () => {
  test('an account name past 10 attempts in a minute is refused (429), whatever the password', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect((await cloud.browser().signIn('nobody.here', 'x1234567890')).code).toBe('SIGN_IN_FAILED');
    }
    const over = await cloud.browser().signIn('nobody.here', 'x1234567890');
    expect({ status: over.status, code: over.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    // Another account from the same address still signs in.
    expect((await cloud.browser().signIn('street.worker')).code).toBe('OK');
    cloud.nextMinute();
    expect((await cloud.browser().signIn('nobody.here', 'x1234567890')).code).toBe('SIGN_IN_FAILED');
  });

  test('one address past 20 attempts in a minute is refused, for any account', async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await cloud.browser().signIn(`guess.${i}`, 'x1234567890')).code).toBe('SIGN_IN_FAILED');
    }
    const over = await cloud.browser().signIn('street.worker');
    expect({ status: over.status, code: over.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(over.message).toBe('操作太频繁，请稍后再试');
  });
});

describe('a session ends', () => {
  test('after 30 minutes without a request', async () => {
    const b = await cloud.signIn('street.worker');
    cloud.shiftClock(29 * MINUTE);
    expect((await b.get('/console/api/session')).status).toBe(200);
    cloud.shiftClock(29 * MINUTE); // moved on by the request above
    expect((await b.get('/console/api/orders')).status).toBe(200);
    cloud.shiftClock(31 * MINUTE);
    const ended = await b.get('/console/api/orders');
    expect({ status: ended.status, code: ended.code }).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
    // The stale cookie is cleared.
    expect(ended.setCookies[0]).toMatch(/^wm_console_session=; .*Max-Age=0/);
  });

  test('12 hours after sign-in, however busy', async () => {
    const b = await cloud.signIn('street.worker');
    for (let hour = 0; hour < 11; hour += 1) {
      cloud.shiftClock(20 * MINUTE);
      expect((await b.get('/console/api/session')).status).toBe(200);
      cloud.shiftClock(20 * MINUTE);
      expect((await b.get('/console/api/session')).status).toBe(200);
      cloud.shiftClock(20 * MINUTE);
      expect((await b.get('/console/api/session')).status).toBe(200);
    }
    cloud.shiftClock(61 * MINUTE);
    expect((await b.get('/console/api/session')).code).toBe('SESSION_EXPIRED');
  });

  test('at sign-out: the cookie is cleared and the session no longer opens anything', async () => {
    const b = await cloud.signIn('street.worker');
    const cookie = b.cookie!;
    const out = await b.post('/console/auth/logout');
    expect(out.code).toBe('OK');
    expect(out.setCookies[0]).toMatch(/Max-Age=0/);
    const again = await cloud.browser().get('/console/api/session', { headers: { cookie } });
    expect(again.code).toBe('SESSION_EXPIRED');
  });
});

describe('an account made by a higher-level worker', () => {
  test('signs in with its one-time password, may only change it, then works with the new one', async () => {
    await writeUser(cloud, 't-new-grid-worker', [{ role: 'worker', orgPath: DEMO_PATHS.grid }]);
    const leader = await cloud.signIn('community.leader');
    const issued = await leader.post<AccountIssuedReply>('/console/api/accounts', {
      openid: 't-new-grid-worker',
      loginName: 'New.Grid.Worker',
    });
    expect(issued.code).toBe('OK');
    expect(issued.data.loginName).toBe('new.grid.worker');
    expect(issued.data.oneTimePassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{12}$/);
    const stored = await cloud.get<{ passwordHash: string; mustChangePassword: boolean }>(
      'console_accounts',
      'new.grid.worker',
    );
    expect(stored!.mustChangePassword).toBe(true);
    expect(stored!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(stored)).not.toContain(issued.data.oneTimePassword);

    const worker = cloud.browser();
    const first = await worker.signIn('new.grid.worker', issued.data.oneTimePassword);
    expect((first.data as ConsoleSessionReply).mustChangePassword).toBe(true);
    const blocked = await worker.get('/console/api/orders');
    expect({ status: blocked.status, code: blocked.code }).toEqual({
      status: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
    });
    expect((await worker.get('/console/api/session')).status).toBe(200);

    const weak = await worker.post('/console/auth/password', {
      currentPassword: issued.data.oneTimePassword,
      newPassword: 'short1',
    });
    expect({ status: weak.status, code: weak.code }).toEqual({ status: 400, code: 'PASSWORD_TOO_WEAK' });
    const oldCookie = worker.cookie!;
    const changed = await worker.post('/console/auth/password', {
      currentPassword: issued.data.oneTimePassword,
      newPassword: 'Jingang2025ok',
    });
    expect(changed.code).toBe('OK');
    expect(changed.setCookies[0]).toMatch(/^wm_console_session=[A-Za-z0-9_-]{43};/);
    expect(worker.cookie).not.toBe(oldCookie);
    expect(
      (await cloud.browser().get('/console/api/session', { headers: { cookie: oldCookie } })).status,
    ).toBe(401);
    const list = await worker.get<{ items: Array<{ status: string }> }>('/console/api/orders');
    expect(list.status).toBe(200);
    for (const row of list.data.items) expect(ORDER_STATUSES).toContain(row.status);
    expect((await cloud.browser().signIn('new.grid.worker', issued.data.oneTimePassword)).code).toBe(
      'SIGN_IN_FAILED',
    );
    expect((await cloud.browser().signIn('new.grid.worker', 'Jingang2025ok')).code).toBe('OK');
  });

  test('a one-time password stops working after 72 hours', async () => {
    await writeUser(cloud, 't-late-worker', [{ role: 'worker', orgPath: DEMO_PATHS.grid }]);
    const leader = await cloud.signIn('community.leader');
    const issued = await leader.post<AccountIssuedReply>('/console/api/accounts', {
      openid: 't-late-worker',
      loginName: 'late.worker',
    });
    cloud.shiftClock(72 * 60 * MINUTE + MINUTE);
    const late = await cloud.browser().signIn('late.worker', issued.data.oneTimePassword);
    expect({ status: late.status, code: late.code }).toEqual({
      status: 401,
      code: 'ONE_TIME_PASSWORD_EXPIRED',
    });
  });

  test('is made only for someone strictly below the worker making it', async () => {
    const street = await cloud.signIn('street.leader');
    // A peer (another street leader of the same street) is not below a street leader.
    await writeUser(cloud, 't-peer-leader', [{ role: 'leader', orgPath: DEMO_PATHS.street }]);
    const peer = await street.post('/console/api/accounts', {
      openid: 't-peer-leader',
      loginName: 'peer.leader',
    });
    expect({ status: peer.status, code: peer.code }).toEqual({ status: 403, code: 'ACCOUNT_NOT_BELOW' });
    // A resident without a console role has no account to make.
    const resident = await street.post('/console/api/accounts', {
      openid: 'demo-resident-1',
      loginName: 'res.one',
    });
    expect({ status: resident.status, code: resident.code }).toEqual({
      status: 403,
      code: 'ACCOUNT_PERSON_NOT_FOUND',
    });
    // Someone with an account already.
    const twice = await street.post('/console/api/accounts', {
      openid: 'demo-community-worker-1',
      loginName: 'another.name',
    });
    expect({ status: twice.status, code: twice.code }).toEqual({ status: 409, code: 'ACCOUNT_EXISTS' });
    // A regulator may make no account at all.
    const regulator = await cloud.signIn('regulator');
    const refused = await regulator.post('/console/api/accounts', {
      openid: 't-peer-leader',
      loginName: 'x.y.z',
    });
    expect({ status: refused.status, code: refused.code }).toEqual({
      status: 403,
      code: 'PERMISSION_DENIED',
    });
    expect(DEMO_CONSOLE_PASSWORD).toBe('hongsheng2025');
  });
});
