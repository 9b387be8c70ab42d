/**
 * 经费台账 in a real browser (the model is ledgers.browser.test.ts): a community worker opens the screen from
 * the menu, records a spending of 1,234.56 元 with its receipt (typed in 元, stored as 123456 分), sees the
 * year's spending and balance move by exactly that, then corrects it to 234.56 元: the list shows the reversal
 * (冲销) and the corrected entry, the original is kept as it was, and the figures move by the difference.
 * A street worker opens 东门社区 from the roll-up (no 记一笔 there: a community keeps its own books) and exports
 * its Excel ledger from the page. Screens to build/console-screens/.
 */
import type { FundEntry } from '../../../core/model/operations.model';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(240_000);

const YEAR = 2025;
/** A 1×1 PNG, the receipt's photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const ui = consoleBrowser({ name: 'funds' });
const { cloud, at, shot, signedIn } = ui;

const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });

async function pick(scope: ReturnType<typeof dialog>, select: string, text: string): Promise<void> {
  await scope.locator(`${select}`).first().click();
  await ui.page.locator('.t-select-option:visible', { hasText: text }).first().click();
}

/** A card's amount in fen, from its text ('1,234.56'). */
async function cardFen(test: string): Promise<number> {
  const text = await ui.page.locator(`[data-test="${test}"]`).innerText();
  const [yuan, fen] = text.replace(/,/g, '').trim().split('.') as [string, string];
  return (yuan.startsWith('-') ? -1 : 1) * (Math.abs(Number(yuan)) * 100 + Number(fen));
}

/** Waits until the card shows `fen` (the page reloads its figures after a write), else fails with what it shows. */
async function waitForCard(test: string, fen: number): Promise<void> {
  let shown = await cardFen(test);
  for (let i = 0; i < 80 && shown !== fen; i++) {
    await ui.page.waitForTimeout(250);
    shown = await cardFen(test);
  }
  expect(shown).toBe(fen);
}

describe('a community worker', () => {
  test('records a spending with its receipt, sees the balance move, and corrects it', async () => {
    await signedIn('community.worker');
    await ui.page.locator('.t-menu__item', { hasText: '经费台账' }).click();
    await ui.page.waitForURL(/\/console\/funds/);
    // The local cloud's clock is in 2025 (the browser's is today's): open that year.
    await ui.page.goto(at(`/funds?year=${YEAR}`));
    await ui.page.locator('[data-test="fund-cards"]', { hasText: `${YEAR} 年收入` }).waitFor();
    await ui.page.locator('[data-test="fund-rollup"] tbody tr').first().waitFor();
    await ui.page.waitForLoadState('networkidle');
    const expense = await cardFen('fund-expense');
    const closing = await cardFen('fund-closing');
    await shot('funds-01-year');

    await ui.page.locator('[data-test="fund-record"]').click();
    const record = dialog('记一笔');
    await record.waitFor();
    await record.locator('[data-test="fund-direction"] label', { hasText: '支出' }).click();
    await pick(record, '[data-test="fund-category"]', '服务群众专项经费');
    await record.locator('[data-test="fund-amount"] input').fill('1234.56');
    const date = record.locator('[data-test="fund-date"] input');
    await date.fill(`${YEAR}-03-01`);
    await date.press('Enter');
    await record.locator('[data-test="fund-counterparty"] input').fill('玉林市惠民超市');
    await record.locator('[data-test="fund-note"] textarea').fill('慰问困难老人物资');
    await record
      .locator('[data-test="fund-receipts"] input[type="file"]')
      .setInputFiles({ name: '发票.png', mimeType: 'image/png', buffer: PNG });
    await record.getByText('发票.png').first().waitFor();
    await shot('funds-02-record');
    await record.locator('button', { hasText: '登记' }).click();
    await ui.page.locator('.t-message', { hasText: '已登记：支出 1,234.56 元' }).waitFor();
    await waitForCard('fund-expense', expense + 123_456);
    await waitForCard('fund-closing', closing - 123_456);

    const [stored] = await cloud.find<FundEntry>('fund_entries', {
      amountFen: 123_456,
      note: '慰问困难老人物资',
    });
    expect(stored).toMatchObject({
      direction: 'expense',
      use: 'service_fund',
      date: `${YEAR}-03-01`,
      counterparty: '玉林市惠民超市',
      attachments: [expect.stringContaining('/console/fund_receipt/')],
      recordedByName: 'community.worker',
    });
    await shot('funds-03-recorded');

    await ui.page.locator(`[data-test="fund-correct-${stored!._id}"]`).click();
    const fix = dialog('更正经费记录');
    await fix.waitFor();
    await fix.locator('[data-test="fund-reason"] textarea').fill('金额按发票更正');
    await fix.locator('[data-test="fund-amount"] input').fill('234.56');
    await shot('funds-04-correct');
    await fix.locator('button', { hasText: '确认更正' }).click();
    await ui.page.locator('.t-message', { hasText: '已冲销原记录并登记更正后的记录' }).waitFor();
    await waitForCard('fund-expense', expense + 23_456);
    await waitForCard('fund-closing', closing - 23_456);
    const table = ui.page.locator('[data-test="fund-entries"]');
    await table.locator('tbody tr', { hasText: '冲销' }).first().waitFor();
    await table.locator('tbody tr', { hasText: '-1,234.56' }).first().waitFor();
    await table.locator('tbody tr', { hasText: '已于' }).first().waitFor();
    expect(await table.locator(`[data-test="fund-correct-${stored!._id}"]`).count()).toBe(0);
    await shot('funds-05-corrected');

    const [original] = await cloud.find<FundEntry>('fund_entries', { _id: stored!._id });
    expect(original).toEqual(stored);
    const [reversal] = await cloud.find<FundEntry>('fund_entries', { reversesEntryId: stored!._id });
    expect(reversal).toMatchObject({ amountFen: -123_456, reason: '金额按发票更正' });
    const [replacement] = await cloud.find<FundEntry>('fund_entries', { correctsEntryId: stored!._id });
    expect(replacement).toMatchObject({ amountFen: 23_456, attachments: stored!.attachments });
  });
});

describe('a street worker', () => {
  test('opens a community from the roll-up, reads but does not keep its books, and exports the Excel', async () => {
    await signedIn('street.worker');
    await ui.page.goto(at(`/funds?year=${YEAR}`));
    const rollUp = ui.page.locator('[data-test="fund-rollup"]');
    await rollUp.locator('tbody tr', { hasText: '东门社区' }).waitFor();
    await ui.page.locator('[data-test="fund-record"]').waitFor();
    await shot('funds-06-street');
    await rollUp.locator('tbody tr', { hasText: '东门社区' }).locator('a, .t-link').first().click();
    await ui.page.waitForURL(/orgUnitId=450902001001/);
    await ui.page.locator('[data-test="fund-cards"]').waitFor();
    await rollUp.locator('tbody tr', { hasText: '东门社区（本级）' }).waitFor();
    await ui.page.locator('[data-test="fund-trail"]', { hasText: '玉城街道' }).waitFor();
    expect(await ui.page.locator('[data-test="fund-record"]').count()).toBe(0);

    await ui.page.locator('[data-test="fund-export"]').click();
    const link = ui.page.locator('[data-test="fund-download"]');
    await link.waitFor({ timeout: 60_000 });
    expect(await link.innerText()).toBe(`东门社区服务台账（经费）${YEAR}-01-01至${YEAR}-12-31.xlsx`);
    await shot('funds-07-exported');
  });
});
