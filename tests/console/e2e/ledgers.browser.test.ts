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
import { join } from 'node:path';
import { HOUR_MS } from '../../functions/support/function-cloud';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const DONGMEN = '/450900/450902/450902001/450902001001/';
const FROM = '2024-01-01';
const TO = '2024-12-31';
/** Title, 3 lines under it, headers: the data starts on row 6; the last row is the totals. */
const FIRST_DATA_ROW = 6;
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`) - 8 * HOUR_MS;

const ui = consoleBrowser({ name: 'ledgers', acceptDownloads: true });
const { cloud, at, shot, signedIn } = ui;

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
    await ui.page.locator('.t-menu__item', { hasText: '服务台账' }).click();
    await ui.page.waitForURL(/\/console\/ledgers/);
    await ui.page.locator('[data-test="ledger-recent"]').waitFor();
    await shot('30-ledgers');

    // The period is preset by the link (the picker shows it); the unit defaults to the worker's own.
    await ui.page.goto(at(`/ledgers?kind=orders&from=${FROM}&to=${TO}`));
    await ui.page.locator('[data-test="ledger-recent"]').waitFor();
    await ui.page.waitForLoadState('networkidle');
    const expected = await ordersInScope();
    expect(expected.length).toBeGreaterThan(20);
    // The export's answer is held back in the browser until the page has shown its progress, which it reads
    // by polling the worker's exports (the job itself is written by then: rows written of rows counted).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await ui.page.route('**/console/api/ledgers/exports', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      await held;
      return route.fulfill({ response });
    });
    const exported = ui.page.waitForResponse(
      (r) => r.url().endsWith('/console/api/ledgers/exports') && r.request().method() === 'POST',
    );
    await ui.page
      .locator('[data-test="ledger-start"] button, button[data-test="ledger-start"]')
      .first()
      .click();
    const progress = ui.page.locator('[data-test="ledger-progress"]');
    await progress.getByText(`已写入 ${expected.length} / ${expected.length} 行`).waitFor();
    expect(await progress.locator('.t-progress').innerText()).toContain('100%');
    await shot('31-ledgers-progress', { settle: false });
    release();
    const reply = (await (await exported).json()) as {
      code: string;
      data: { rowsWritten: number; fileName: string; unitName: string };
    };
    expect(reply.code).toBe('OK');
    await ui.page.unroute('**/console/api/ledgers/exports');
    await progress.waitFor({ state: 'detached' });
    const link = ui.page.locator('[data-test="ledger-download"]');
    await link.waitFor();
    expect(await link.innerText()).toBe(`东门社区服务台账（订单）${FROM}至${TO}.xlsx`);
    await shot('32-ledgers-exported');

    const downloading = ui.page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`东门社区服务台账（订单）${FROM}至${TO}.xlsx`);
    const file = join(ui.profile, 'ledger.xlsx');
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
    const recent = ui.page.locator('[data-test="ledger-recent"] tbody tr').first();
    await recent.waitFor();
    const text = await recent.innerText();
    expect(text).toContain('已完成');
    expect(text).toContain(`${expected.length} / ${expected.length}`);
    expect(text).toContain(`${FROM} 至 ${TO}`);
    await shot('33-ledgers-recent');
  });
});
