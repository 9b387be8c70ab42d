/**
 * 代办服务 in a real browser (headless Debian Chromium through playwright-core; the set-up of
 * console.browser.test.ts): a community worker registers a resident without WeChat with their consent,
 * ticks an item, chooses among the matched providers and places the order; it shows as placed by her (代下单)
 * in her list and on the order's timeline; an urgent request shows in the queue with a clock that runs.
 * Screens go to build/console-screens/ (residents-*.png). Nothing is loaded from outside, no CSP violation.
 */
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

/** The demo's community worker of 东门社区. */
const WORKER_NAME = '庞丽娟';
const ITEM = 'item-appliance-repair';

const ui = consoleBrowser();
const { cloud, at, shot, signedIn } = ui;

/** Open a TDesign select and pick the option showing `text`. */
async function choose(selectTest: string, text: string): Promise<void> {
  await ui.page.locator(`[data-test="${selectTest}"]`).first().click();
  await ui.page.locator('.t-select-option', { hasText: text }).first().click();
}

/** Register (or find) the resident with consent, match the item and place the order; the order's id. */
async function placeThroughTheForm(options: { urgent: boolean; screen?: string }): Promise<string> {
  await ui.page.goto(at('/residents'));
  await ui.page.locator('[data-test="residents-tabs"]').waitFor();
  await choose('resident-grid', '金港花园');
  await ui.page.getByPlaceholder('如：李阿婆').fill('王奶奶');
  await ui.page.getByPlaceholder('11 位手机号').fill('13977000701');
  await ui.page.locator('.t-radio', { hasText: '电话' }).first().click();
  await ui.page
    .getByPlaceholder('如：居民本人电话同意')
    .fill('居民本人电话同意由社区工作人员代为下单，并保存姓名和电话');
  await ui.page.locator('[data-test="register"]').click();
  await ui.page.locator('[data-test="resident-chosen"]', { hasText: '王奶奶' }).waitFor();

  await choose('items', '家电维修');
  await ui.page.keyboard.press('Escape');
  const matched = ui.page.waitForResponse((r) => /\/console\/api\/residents\/[^/]+\/match$/.test(r.url()));
  await ui.page.locator('[data-test="match"]').click();
  await matched;
  const card = ui.page.locator(`[data-test="matched-${ITEM}"]`);
  await card.waitFor();
  const offered = await card.locator('.t-radio').count();
  expect(offered).toBeGreaterThanOrEqual(3);
  expect(offered).toBeLessThanOrEqual(5);
  // The second of the matched providers, chosen by the worker.
  await card.locator('.t-radio').nth(1).click();
  if (options.urgent) await ui.page.locator(`[data-test="urgent-${ITEM}"]`).click();
  if (options.screen !== undefined) await shot(options.screen);
  const placed = ui.page.waitForResponse((r) => r.url().endsWith('/console/api/residents/orders'));
  await ui.page.locator(`[data-test="place-${ITEM}"]`).click();
  const reply = (await (await placed).json()) as { code: string; message: string; data: { orderId: string } };
  expect({ code: reply.code, message: reply.code === 'OK' ? '' : reply.message }).toEqual({
    code: 'OK',
    message: '',
  });
  await ui.page.locator(`[data-test="placed-${ITEM}"]`).waitFor();
  return reply.data.orderId;
}

describe('代办服务', () => {
  test('a community worker registers a resident with consent, matches, places an order: it shows 代下单 by her', async () => {
    await signedIn('community.worker');
    await ui.page.locator('.t-menu__item', { hasText: '代办服务' }).click();
    await ui.page.waitForURL(/\/console\/residents$/);
    const orderId = await placeThroughTheForm({ urgent: false, screen: 'residents-place' });

    await ui.page.locator(`[data-test="placed-${ITEM}"]`).click();
    await ui.page.waitForURL(new RegExp(`/console/orders/${orderId}`));
    await ui.page
      .locator('[data-test="order-timeline"]', { hasText: `由 ${WORKER_NAME} 代居民下单` })
      .waitFor();
    await ui.page.locator('[data-test="order-info"]', { hasText: '王奶奶' }).waitFor();
    await shot('residents-order-detail');

    await ui.page.goto(at('/residents/orders'));
    const row = ui.page.locator('[data-test="placed-table"] tbody tr', { hasText: '王奶奶' }).first();
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
    await ui.page.goto(at('/residents/urgent'));
    const clock = ui.page.locator(`[data-test="clock-${orderId}"]`);
    await clock.waitFor();
    const first = (await clock.textContent()) ?? '';
    expect(first).toMatch(/^\d+ 分 \d\d 秒 \/ 120 分钟$/);
    // The clock runs in the page, second by second, without reloading the list.
    let later = first;
    for (let i = 0; i < 20 && later === first; i += 1) {
      await ui.page.waitForTimeout(250);
      later = (await clock.textContent()) ?? '';
    }
    expect(later).not.toBe(first);
    expect(later).toMatch(/^\d+ 分 \d\d 秒 \/ 120 分钟$/);
    await ui.page.locator('[data-test="urgent-table"]', { hasText: '等待接单' }).waitFor();
    await shot('residents-urgent');

    await ui.page.goto(at('/residents/duty'));
    await ui.page.locator('[data-test="duty-table"] tbody tr', { hasText: WORKER_NAME }).waitFor();
    await shot('residents-duty');
  });
});
