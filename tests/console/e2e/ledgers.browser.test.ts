/**
 * 服务台账 in a real browser (headless Debian Chromium through playwright-core; the model is
 * console.browser.test.ts): a community worker opens the screen from the menu, picks the orders ledger of
 * their unit for 2024, starts the export, sees its progress (rows written of rows counted, polled from the
 * worker's exports), and downloads the workbook through the page's link; the file, read
 * back with exceljs, holds exactly the orders of the unit and period that a direct query finds, with residents'
 * phones in full (a worker of the unit), and the export is listed among the worker's earlier ones. Screens to
 * build/console-screens/. Nothing is loaded from another origin and no CSP violation is raised.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CONSOLE_OUT, ensureConsoleBuilt } from '../../../scripts/build-console';
import { HOUR_MS } from '../../functions/support/function-cloud';
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
const DONGMEN = '/450900/450902/450902001/450902001001/';
const FROM = '2024-01-01';
const TO = '2024-12-31';
/** Title, 3 lines under it, headers: the data starts on row 6; the last row is the totals. */
const FIRST_DATA_ROW = 6;
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`) - 8 * HOUR_MS;

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
  profile = mkdtempSync(join(tmpdir(), 'weimin-ledgers-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CONSOLE_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
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
  await page.locator('[data-test="login-submit"] button, button[data-test="login-submit"]').first().click();
  await page.waitForURL(/\/console\/workbench/);
  await page.locator('[data-test="user-name"]').waitFor();
}

/** The orders of the unit placed in the period, as a direct query finds them. */
async function ordersInScope(): Promise<string[]> {
  const _ = cloud.db.command;
  const where = {
    orgPath: cloud.db.RegExp({ regexp: `^${DONGMEN}`, options: '' }),
    createdAt: _.and([_.gte(dayStart(FROM)), _.lt(dayStart(TO) + 24 * HOUR_MS)]),
  };
  const total = await cloud.count('orders', where);
  const ids: string[] = [];
  for (let skip = 0; skip < total; skip += 1000) {
    const page = await cloud.db
      .collection('orders')
      .where(where)
      .field({ _id: true })
      .skip(skip)
      .limit(1000)
      .get();
    ids.push(...(page.data as { _id: string }[]).map((d) => d._id));
  }
  return ids;
}

describe('a community worker', () => {
  test('downloads the orders ledger of their unit, and its rows are the orders in scope', async () => {
    await signedIn('community.worker');
    await page.locator('.t-menu__item', { hasText: '服务台账' }).click();
    await page.waitForURL(/\/console\/ledgers/);
    await page.locator('[data-test="ledger-recent"]').waitFor();
    await shot('30-ledgers');

    // The period is preset by the link (the picker shows it); the unit defaults to the worker's own.
    await page.goto(at(`/ledgers?kind=orders&from=${FROM}&to=${TO}`));
    await page.locator('[data-test="ledger-recent"]').waitFor();
    await page.waitForLoadState('networkidle');
    const expected = await ordersInScope();
    expect(expected.length).toBeGreaterThan(20);
    // The export's answer is held back in the browser until the page has shown its progress, which it reads
    // by polling the worker's exports (the job itself is written by then: rows written of rows counted).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/console/api/ledgers/exports', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      await held;
      return route.fulfill({ response });
    });
    const exported = page.waitForResponse(
      (r) => r.url().endsWith('/console/api/ledgers/exports') && r.request().method() === 'POST',
    );
    await page.locator('[data-test="ledger-start"] button, button[data-test="ledger-start"]').first().click();
    const progress = page.locator('[data-test="ledger-progress"]');
    await progress.getByText(`已写入 ${expected.length} / ${expected.length} 行`).waitFor();
    expect(await progress.locator('.t-progress').innerText()).toContain('100%');
    await page.screenshot({ path: join(SCREENS, '31-ledgers-progress.png'), fullPage: true });
    release();
    const reply = (await (await exported).json()) as {
      code: string;
      data: { rowsWritten: number; fileName: string; unitName: string };
    };
    expect(reply.code).toBe('OK');
    await page.unroute('**/console/api/ledgers/exports');
    await progress.waitFor({ state: 'detached' });
    const link = page.locator('[data-test="ledger-download"]');
    await link.waitFor();
    expect(await link.innerText()).toBe(`东门社区服务台账（订单）${FROM}至${TO}.xlsx`);
    await shot('32-ledgers-exported');

    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`东门社区服务台账（订单）${FROM}至${TO}.xlsx`);
    const file = join(profile, 'ledger.xlsx');
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    const headers = values(FIRST_DATA_ROW - 1).map(String);
    const idColumn = headers.indexOf('订单编号');
    const phoneColumn = headers.indexOf('联系电话');
    const rows: unknown[][] = [];
    for (let r = FIRST_DATA_ROW; r < sheet.rowCount; r += 1) rows.push(values(r));
    expect(rows.map((r) => String(r[idColumn])).sort()).toEqual([...expected].sort());
    expect(reply.data.rowsWritten).toBe(expected.length);
    expect(String(values(1)[0])).toBe(`东门社区服务台账（订单） ${FROM} 至 ${TO}`);
    expect(values(sheet.rowCount)[0]).toBe('合计');
    // A worker of the unit: phones in full.
    const phones = rows.map((r) => r[phoneColumn]).filter((p) => typeof p === 'string' && p !== '');
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^1\d{10}$/);

    // The export is listed among the worker's own, done, with its rows.
    const recent = page.locator('[data-test="ledger-recent"] tbody tr').first();
    await recent.waitFor();
    const text = await recent.innerText();
    expect(text).toContain('已完成');
    expect(text).toContain(`${expected.length} / ${expected.length}`);
    expect(text).toContain(`${FROM} 至 ${TO}`);
    await shot('33-ledgers-recent');
  });
});
