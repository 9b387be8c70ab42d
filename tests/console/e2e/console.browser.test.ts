/**
 * The console in a real browser (headless Debian Chromium through playwright-core) against a local cloud
 * serving the built console (`npm run build:console`, built here when missing or stale) and running the
 * real admin-api and orders functions. One browser for the file, a fresh profile in a temporary folder,
 * always closed. Nothing is loaded from outside: the console's CSP allows only its own origin, and the page
 * must raise no CSP violation. Each screen is saved to build/console-screens/ (git-ignored).
 *
 * Scenarios: sign-in and lockout; a street worker sees its communities' orders and not another street's; a
 * community leader suspends and reinstates a provider in the page, and matching (match.request through the
 * orders function) stops and starts offering it; an account's forced password change; the audit log.
 */
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { DEMO_RESIDENT, FOLLOW_UP_INPUT, matchFor, orderThrough } from '../../functions/support/order-loop';
import { writeUser } from '../../functions/support/role-actors';
import { DEMO_CONSOLE_PASSWORD } from '../support/console-cloud';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const PROVIDER = 'prv-000001';
const PROVIDER_NAME = '玉林市玉州区新风家庭服务中心';

const ui = consoleBrowser();
const { cloud, at, shot, signIn, signedIn } = ui;

/** Press 登录 and wait for the answer (listening before the click, so a fast answer is not missed). */
async function submitAndWait(): Promise<void> {
  const answered = ui.page.waitForResponse((r) => r.url().endsWith('/console/auth/login'));
  await ui.page.locator('button', { hasText: '登录' }).click();
  await answered;
}

describe('sign-in', () => {
  test('opens the workbench for a demo worker; a wrong password says so; the fifth locks the account', async () => {
    await ui.page.goto(at('/orders'));
    await ui.page.waitForURL(/\/console\/login/);
    await shot('01-sign-in');

    await signIn('city.regulator', 'not-the-password-1');
    await ui.page.locator('[data-test="login-error"]').waitFor();
    expect(await ui.page.locator('[data-test="login-error"]').innerText()).toContain('账号或密码错误');
    for (let i = 2; i <= 5; i += 1) {
      await ui.page.getByPlaceholder('请输入密码').fill(`not-the-password-${i}`);
      await submitAndWait();
    }
    await ui.page.locator('[data-test="login-error"]', { hasText: '已锁定' }).waitFor();
    await shot('02-sign-in-locked');
    // Even the right password is refused while locked.
    await ui.page.getByPlaceholder('请输入密码').fill(DEMO_CONSOLE_PASSWORD);
    await submitAndWait();
    expect(await ui.page.locator('[data-test="login-error"]').innerText()).toContain('已锁定');
    expect(ui.page.url()).toContain('/console/login');
  });
});

describe('a street worker', () => {
  test('sees the workbench and its communities’ orders, and never another street’s', async () => {
    await signedIn('street.worker');
    expect(await ui.page.locator('[data-test="unit-name"]').innerText()).toBe('玉林市玉州区玉城街道');
    // Local mode: the local cloud's own pages are linked.
    await ui.page.locator('a[href="/outbox.html"]').waitFor();
    await ui.page.locator('[data-test="count-gaps"]').waitFor();
    await shot('03-workbench');

    await ui.page.locator('.t-menu__item', { hasText: '订单' }).click();
    await ui.page.waitForURL(/\/console\/orders/);
    await ui.page.locator('[data-test="orders-table"] tbody tr').first().waitFor();
    await shot('04-orders');
    const total = await cloud.count('orders', {
      orgPath: cloud.db.RegExp({ regexp: '^/450900/450902/450902001/', options: '' }),
    });
    await ui.page.getByText(`共 ${total} 条数据`).waitFor();
    const communities = await ui.page
      .locator('[data-test="orders-table"] tbody tr td:nth-child(2)')
      .allInnerTexts();
    const streetUnits = await cloud.find<{ name: string }>('org_units', { parentId: '450902001' }, 100);
    const names = new Set(streetUnits.map((u) => u.name));
    expect(communities.length).toBe(20);
    for (const name of communities) expect(names.has(name)).toBe(true);
    expect(communities).not.toContain('陵城社区');

    // An order of another street, opened by its address: refused, and nothing of it shown.
    const [other] = await cloud.find<{ _id: string; residentName: string }>(
      'orders',
      { orgPath: cloud.db.RegExp({ regexp: '^/450900/450981/450981001/', options: '' }) },
      1,
    );
    await ui.page.goto(at(`/orders/${other!._id}`));
    await ui.page.locator('[data-test="order-error"]').waitFor();
    expect(await ui.page.locator('[data-test="order-error"]').innerText()).toContain('订单不存在');
    expect(await ui.page.locator('[data-test="order-info"]').count()).toBe(0);

    // One of its own, served and followed up through the functions: its full timeline and the follow-up.
    const served = await orderThrough(cloud, DEMO_RESIDENT, 'item-appliance-repair', 'followed_up');
    await ui.page.goto(at(`/orders/${served.orderId}`));
    await ui.page.locator('[data-test="order-timeline"]').waitFor();
    expect(await ui.page.locator('[data-test="order-timeline"] .t-timeline-item').count()).toBe(4);
    expect(await ui.page.locator('[data-test="follow-up"]').innerText()).toContain(FOLLOW_UP_INPUT.summary);
    // A worker of the unit sees the resident's number in full (resident.phone.view).
    expect(await ui.page.locator('[data-test="resident-phone"]').innerText()).toBe('13907750001');
    await shot('05-order-detail');
  });
});

describe('a community leader', () => {
  test('suspends a provider in the page, matching stops offering it; reinstates it, and it is offered again', async () => {
    const offered = async (itemId: string) =>
      (await matchFor(cloud, DEMO_RESIDENT, [itemId])).items[0]!.providers.map((p) => p.providerId);
    const item = 'item-home-cleaning';
    expect(await offered(item)).toContain(PROVIDER);

    await signedIn('community.leader');
    await ui.page.locator('.t-menu__item', { hasText: '服务机构' }).click();
    await ui.page.locator('[data-test="providers-table"] tbody tr').first().waitFor();
    await shot('06-providers');
    await ui.page.getByText(PROVIDER_NAME).first().click();
    await ui.page.waitForURL(new RegExp(`/console/providers/${PROVIDER}`));
    await ui.page.locator('[data-test="score-parts"]').waitFor();
    await shot('07-provider-detail');

    await ui.page.locator('button[data-test="suspend"], [data-test="suspend"] button').first().click();
    await ui.page.locator('[data-test="status-reason"] textarea').fill('居民投诉服务质量，暂停核查');
    await ui.page.locator('.t-dialog button', { hasText: '确认' }).click();
    await ui.page.locator('[data-test="provider-status"]', { hasText: '暂停服务' }).waitFor();
    await shot('08-provider-suspended');
    expect(await offered(item)).not.toContain(PROVIDER);

    await ui.page.locator('button[data-test="reinstate"], [data-test="reinstate"] button').first().click();
    await ui.page.locator('.t-dialog button', { hasText: '确认' }).click();
    await ui.page.locator('[data-test="provider-status"]', { hasText: '正常服务' }).waitFor();
    cloud.shiftClock(6 * 60_000); // past the 5 minutes a resident's last list is reused
    expect(await offered(item)).toContain(PROVIDER);

    await ui.page.locator('.t-menu__item', { hasText: '审计日志' }).click();
    await ui.page.locator('[data-test="audit-table"] tbody tr').first().waitFor();
    const rows = await ui.page.locator('[data-test="audit-table"] tbody').innerText();
    expect(rows).toContain(`暂停服务：${PROVIDER_NAME}（原因：居民投诉服务质量，暂停核查）`);
    expect(rows).toContain(`恢复服务：${PROVIDER_NAME}`);
    expect(rows).toContain('127.0.0.1');
    await shot('09-audit-log');
  });
});

describe('an account made by a higher-level worker', () => {
  test('must change its one-time password before anything else', async () => {
    await writeUser(cloud, 't-browser-grid-worker', [{ role: 'worker', orgPath: DEMO_PATHS.grid }]);
    const leader = await cloud.signIn('community.leader');
    const issued = await leader.post<{ oneTimePassword: string }>('/console/api/accounts', {
      openid: 't-browser-grid-worker',
      loginName: 'browser.grid',
    });
    await signIn('browser.grid', issued.data.oneTimePassword);
    await ui.page.waitForURL(/\/console\/password/);
    await ui.page.goto(at('/orders'));
    await ui.page.waitForURL(/\/console\/password/);
    await shot('10-password-change');
    await ui.page.locator('[data-test="current-password"] input').fill(issued.data.oneTimePassword);
    await ui.page.locator('[data-test="new-password"] input').fill('Browser2025grid');
    await ui.page.locator('[data-test="new-password-again"] input').fill('Browser2025grid');
    await ui.page.locator('button', { hasText: '确认修改' }).click();
    await ui.page.waitForURL(/\/console\/workbench/);
    expect(await ui.page.locator('[data-test="unit-name"]').innerText()).toContain('金港花园');
  });
});
