/**
 * 消息中心 in a real browser (headless Debian Chromium through playwright-core, as
 * tests/console/e2e/console.browser.test.ts) against a local cloud serving the built console and running the
 * real admin-api: a community worker places an urgent request (紧急求助) for a resident; the grid worker, who
 * allowed no subscribe message, signs in and sees the unread count as a badge in the header, opens 消息中心,
 * finds the notice and marks it read; the badge follows. Screens go to build/console-screens/ (git-ignored).
 */
import type { MatchProvidersResult } from '../../../core/matching/match.reply';
import type { CreateOrderResult } from '../../../core/orders/order.replies';
import { DEMO_GRID_ID } from '../../../demo/demo.constants';
import { APPLIANCE_REPAIR } from '../../functions/support/order-loop';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const GRID_WORKER = 'demo-grid-worker-1';
const CONSENT = { method: 'in_person', statement: '居民当面同意由网格员代为发起紧急求助' };

const ui = consoleBrowser({ name: 'messages' });
const { cloud, at, shot, signedIn } = ui;

beforeAll(async () => {
  const worker = await cloud.signIn('community.worker');
  const registered = await worker.post<{ residentId: string }>('/console/api/residents', {
    gridId: DEMO_GRID_ID,
    name: '覃阿婆',
    phone: '13977000521',
    consent: CONSENT,
    clientRequestId: 'e2e-inbox-register-0001',
  });
  const match = await worker.post<MatchProvidersResult>(
    `/console/api/residents/${registered.data.residentId}/match`,
    { itemIds: [APPLIANCE_REPAIR] },
  );
  const placed = await worker.post<CreateOrderResult>('/console/api/residents/orders', {
    matchId: match.data.matchId,
    itemId: APPLIANCE_REPAIR,
    providerId: match.data.items[0]!.providers[0]!.providerId,
    consent: CONSENT,
    urgent: true,
    clientRequestId: 'e2e-inbox-urgent-0001',
  });
  if (placed.code !== 'OK') throw new Error(`${placed.code} ${placed.message}`);
});

const badge = () => ui.page.locator('[data-test="unread-badge"]');
const unreadCount = () => cloud.count('inbox_messages', { touser: GRID_WORKER, readAt: null });

test('the grid worker sees the unread badge, opens 消息中心 and marks the urgent request’s notice read', async () => {
  const unread = await unreadCount();
  expect(unread).toBeGreaterThanOrEqual(1);
  await signedIn('grid.worker');
  await badge()
    .locator('.t-badge--circle', { hasText: String(unread) })
    .waitFor();
  await shot('messages-01-badge');

  await ui.page.locator('[data-test="messages-link"]').click();
  await ui.page.waitForURL(/\/console\/messages/);
  const row = ui.page.locator('[data-test="messages-table"] tbody tr', { hasText: '紧急求助通知' }).first();
  await row.waitFor();
  expect(await row.innerText()).toContain('求助事项：紧急求助：家电维修');
  expect(await row.innerText()).toContain('未读');
  await expect(ui.page.locator('[data-test="unread-summary"]').innerText()).resolves.toContain(
    `未读 ${unread} 条`,
  );
  expect(await ui.page.locator('[data-test="read-all"]').isEnabled()).toBe(true);
  await shot('messages-02-list');

  await row.locator('[data-test^="read-"]').click();
  await ui.page.locator('[data-test="unread-summary"]', { hasText: `未读 ${unread - 1} 条` }).waitFor();
  expect(await unreadCount()).toBe(unread - 1);
  if (unread - 1 === 0) await badge().locator('.t-badge--circle').waitFor({ state: 'detached' });
  else
    await badge()
      .locator('.t-badge--circle', { hasText: String(unread - 1) })
      .waitFor();
  await shot('messages-03-read');
  // The audit log has the write, as every console write.
  expect(await cloud.count('audit_entries', { command: 'message.read', actorOpenid: GRID_WORKER })).toBe(1);
});

test('只看未读 applies at once and, with every notice read, says there is none unread', async () => {
  // The first test read the one notice.
  expect(await unreadCount()).toBe(0);
  await signedIn('grid.worker');
  await ui.page.goto(at('/messages'));
  await ui.page
    .locator('[data-test="messages-table"] tbody tr', { hasText: '紧急求助通知' })
    .first()
    .waitFor();
  // Chosen, it applies at once and is kept in the address.
  await ui.page.locator('[data-test="filter-unread"] label', { hasText: '只看未读' }).click();
  await ui.page.waitForURL(/unreadOnly=true/);
  await ui.page.locator('[data-test="messages-table"]', { hasText: '没有未读消息' }).waitFor();
  expect(await ui.page.locator('[data-test="read-all"]').isDisabled()).toBe(true);
  await shot('messages-04-none-unread');
});
