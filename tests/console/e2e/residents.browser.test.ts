/**
 * 代办服务 in a real browser (headless Debian Chromium through playwright-core; the set-up of
 * console.browser.test.ts): a community worker registers a resident without WeChat with their consent,
 * ticks an item, chooses among the matched providers and places the order; it shows as placed by her (代下单)
 * in her list and on the order's timeline; an urgent request shows in the queue with a clock that runs.
 * Screens go to build/console-screens/ (residents-*.png). Nothing is loaded from outside, no CSP violation.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CONSOLE_OUT, ensureConsoleBuilt } from '../../../scripts/build-console';
import { consoleCloud, DEMO_CONSOLE_PASSWORD } from '../support/console-cloud';

jest.setTimeout(180_000);

const SCREENS = join(__dirname, '..', '..', '..', 'build', 'console-screens');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The demo's community worker of 东门社区. */
const WORKER_NAME = '庞丽娟';
const ITEM = 'item-appliance-repair';

beforeAll(async () => {
  await ensureConsoleBuilt();
}, 300_000);

const cloud = consoleCloud({ consoleDir: CONSOLE_OUT });

let context: BrowserContext;
let profile: string;
let page: Page;
const violations: string[] = [];
const failedRequests: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'weimin-console-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CONSOLE_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/.test(msg.text())) violations.push(msg.text());
  });
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED')
      failedRequests.push(`${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(cloud.url) && !req.url().startsWith('data:')) failedRequests.push(req.url());
  });
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

beforeEach(() => {
  cloud.nextMinute();
  violations.length = 0;
  failedRequests.length = 0;
});

afterEach(() => {
  expect(violations).toEqual([]);
  expect(failedRequests).toEqual([]);
});

const at = (path: string) => `${cloud.url}/console${path}`;

async function shot(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

async function signedIn(loginName: string): Promise<void> {
  await context.clearCookies();
  await page.goto(at('/login'));
  await page.getByPlaceholder('请输入账号').fill(loginName);
  await page.getByPlaceholder('请输入密码').fill(DEMO_CONSOLE_PASSWORD);
  await page.locator('button', { hasText: '登录' }).click();
  await page.waitForURL(/\/console\/workbench/);
  await page.locator('[data-test="user-name"]').waitFor();
}

/** Open a TDesign select and pick the option showing `text`. */
async function choose(selectTest: string, text: string): Promise<void> {
  await page.locator(`[data-test="${selectTest}"]`).first().click();
  await page.locator('.t-select-option', { hasText: text }).first().click();
}

/** Register (or find) the resident with consent, match the item and place the order; the order's id. */
async function placeThroughTheForm(options: { urgent: boolean; screen?: string }): Promise<string> {
  await page.goto(at('/residents'));
  await page.locator('[data-test="residents-tabs"]').waitFor();
  await choose('resident-grid', '金港花园');
  await page.getByPlaceholder('如：李阿婆').fill('王奶奶');
  await page.getByPlaceholder('11 位手机号').fill('13977000701');
  await page.locator('.t-radio', { hasText: '电话' }).first().click();
  await page
    .getByPlaceholder('如：居民本人电话同意')
    .fill('居民本人电话同意由社区工作人员代为下单，并保存姓名和电话');
  await page.locator('[data-test="register"]').click();
  await page.locator('[data-test="resident-chosen"]', { hasText: '王奶奶' }).waitFor();

  await choose('items', '家电维修');
  await page.keyboard.press('Escape');
  const matched = page.waitForResponse((r) => /\/console\/api\/residents\/[^/]+\/match$/.test(r.url()));
  await page.locator('[data-test="match"]').click();
  await matched;
  const card = page.locator(`[data-test="matched-${ITEM}"]`);
  await card.waitFor();
  const offered = await card.locator('.t-radio').count();
  expect(offered).toBeGreaterThanOrEqual(3);
  expect(offered).toBeLessThanOrEqual(5);
  // The second of the matched providers, chosen by the worker.
  await card.locator('.t-radio').nth(1).click();
  if (options.urgent) await page.locator(`[data-test="urgent-${ITEM}"]`).click();
  if (options.screen !== undefined) await shot(options.screen);
  const placed = page.waitForResponse((r) => r.url().endsWith('/console/api/residents/orders'));
  await page.locator(`[data-test="place-${ITEM}"]`).click();
  const reply = (await (await placed).json()) as { code: string; message: string; data: { orderId: string } };
  expect({ code: reply.code, message: reply.code === 'OK' ? '' : reply.message }).toEqual({
    code: 'OK',
    message: '',
  });
  await page.locator(`[data-test="placed-${ITEM}"]`).waitFor();
  return reply.data.orderId;
}

describe('代办服务', () => {
  test('a community worker registers a resident with consent, matches, places an order: it shows 代下单 by her', async () => {
    await signedIn('community.worker');
    await page.locator('.t-menu__item', { hasText: '代办服务' }).click();
    await page.waitForURL(/\/console\/residents$/);
    const orderId = await placeThroughTheForm({ urgent: false, screen: 'residents-place' });

    await page.locator(`[data-test="placed-${ITEM}"]`).click();
    await page.waitForURL(new RegExp(`/console/orders/${orderId}`));
    await page.locator('[data-test="order-timeline"]', { hasText: `由 ${WORKER_NAME} 代居民下单` }).waitFor();
    await page.locator('[data-test="order-info"]', { hasText: '王奶奶' }).waitFor();
    await shot('residents-order-detail');

    await page.goto(at('/residents/orders'));
    const row = page.locator('[data-test="placed-table"] tbody tr', { hasText: '王奶奶' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain(`代下单：${WORKER_NAME}`);
    expect(await row.textContent()).toContain('待接单');
    await shot('residents-orders');
    const stored = await cloud.get<{ placedBy: { openid: string } }>('orders', orderId);
    expect(stored!.placedBy.openid).toBe('demo-community-worker-1');
  });

  test('an urgent request shows in the queue with its clock running', async () => {
    await signedIn('community.worker');
    const orderId = await placeThroughTheForm({ urgent: true });
    await page.goto(at('/residents/urgent'));
    const clock = page.locator(`[data-test="clock-${orderId}"]`);
    await clock.waitFor();
    const first = (await clock.textContent()) ?? '';
    expect(first).toMatch(/^\d+ 分 \d\d 秒 \/ 120 分钟$/);
    // The clock runs in the page, second by second, without reloading the list.
    let later = first;
    for (let i = 0; i < 20 && later === first; i += 1) {
      await page.waitForTimeout(250);
      later = (await clock.textContent()) ?? '';
    }
    expect(later).not.toBe(first);
    expect(later).toMatch(/^\d+ 分 \d\d 秒 \/ 120 分钟$/);
    await page.locator('[data-test="urgent-table"]', { hasText: '等待接单' }).waitFor();
    await shot('residents-urgent');

    await page.goto(at('/residents/duty'));
    await page.locator('[data-test="duty-table"] tbody tr', { hasText: WORKER_NAME }).waitFor();
    await shot('residents-duty');
  });
});
