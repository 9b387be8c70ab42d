/**
 * 站点管理 in a real browser (headless Debian Chromium through playwright-core, as
 * tests/console/e2e/console.browser.test.ts) against a local cloud serving the built console and running the
 * real admin-api: the community worker opens 站点管理 from the menu, opens 金港花园's station (six of the 十有
 * met in the demo), marks 有服务台账 met with a photo uploaded on the item and saves it; then the street worker
 * records an inspection (需整改, with the unmet items and a note) from the station's page. Screens go to
 * build/console-screens/ (git-ignored).
 */
import { DEMO_GRID_ID } from '../../../demo/demo.constants';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const ui = consoleBrowser({ name: 'stations' });
const { cloud, shot, signedIn } = ui;

const STATION = `st-${DEMO_GRID_ID}`;
const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface StoredStation {
  checklist: Record<string, boolean>;
  checklistMet: number;
  items: Record<string, { met: boolean; photos: string[]; updatedBy: string | null }>;
  lastInspection: { result: string } | null;
}
const stored = async () => (await cloud.find<StoredStation>('stations', { _id: STATION }))[0]!;

test('a community worker marks an item met with its photo', async () => {
  await signedIn('community.worker');
  await ui.page.locator('.t-menu__item', { hasText: '站点管理' }).click();
  await ui.page.waitForURL(/\/console\/stations/);
  await ui.page.locator('[data-test="station-summary"]').waitFor();
  const row = ui.page.locator('[data-test="stations-table"] tbody tr', { hasText: '金港花园' });
  await row.waitFor();
  expect(await row.innerText()).toContain('6/10');
  await shot('stations-01-list');

  await ui.page.locator(`[data-test="station-open-${STATION}"]`).click();
  await ui.page.waitForURL(new RegExp(`/console/stations/${STATION}$`));
  const ledger = ui.page.locator('[data-test="item-ledger"]');
  await ledger.waitFor();
  expect(await ledger.locator('[data-test="item-ledger-state"]').innerText()).toBe('未达标');

  // Marked met without a photo: the server's refusal is shown on the item, nothing is saved.
  await ledger.locator('[data-test="item-ledger-met"]').click();
  await ledger.locator('[data-test="item-ledger-save"]').click();
  await ledger.locator('.danger-text', { hasText: '须上传 1 至 3 张佐证照片' }).waitFor();
  expect((await stored()).checklist['ledger']).toBe(false);

  await ledger
    .locator('[data-test="item-ledger-photos"] input[type="file"]')
    .setInputFiles({ name: '服务台账.png', mimeType: 'image/png', buffer: PNG });
  await ledger.locator('[data-test="item-ledger-photos"] img').first().waitFor();
  await ledger.locator('[data-test="item-ledger-note"] input').fill('2024 年服务台账已装订');
  await ledger.locator('[data-test="item-ledger-save"]').click();
  await ui.page.locator('.t-message', { hasText: '已保存“有服务台账”' }).waitFor();
  await ledger.locator('[data-test="item-ledger-state"]', { hasText: '已达标' }).waitFor();
  await shot('stations-02-item-met');

  const after = await stored();
  expect(after.checklist['ledger']).toBe(true);
  expect(after.checklistMet).toBe(7);
  expect(after.items['ledger']).toMatchObject({
    met: true,
    photos: [expect.stringContaining('/console/station_evidence/')],
    updatedBy: 'demo-community-worker-1',
  });
  // The community worker may not inspect: no 新增检查 on the page.
  expect(await ui.page.locator('[data-test="inspection-new"]').count()).toBe(0);
});

test('a street worker records an inspection', async () => {
  await signedIn('street.worker');
  await ui.page.goto(ui.at(`/stations/${STATION}`));
  await ui.page.locator('[data-test="checklist"]').waitFor();
  await ui.page.locator('[data-test="inspection-new"]').click();
  const form = dialog('新增检查');
  await form.waitFor();
  await form.locator('[data-test="inspection-result"] label', { hasText: '需整改' }).click();
  await form.locator('[data-test="inspection-note"] textarea').fill('服务事项公示栏未更新，请两周内整改');
  await shot('stations-03-inspection-dialog');
  await form.locator('button', { hasText: '保存' }).click();
  await ui.page.locator('.t-message', { hasText: '检查记录已保存' }).waitFor();
  const row = ui.page.locator('[data-test="inspections-table"] tbody tr', {
    hasText: '服务事项公示栏未更新',
  });
  await row.waitFor();
  expect(await row.innerText()).toContain('需整改');
  await shot('stations-04-inspected');
  const [latest] = await cloud.find<{ result: string; note: string; inspectorOpenid: string }>(
    'station_inspections',
    { stationId: STATION, note: '服务事项公示栏未更新，请两周内整改' },
  );
  expect(latest).toMatchObject({ result: 'rectify', inspectorOpenid: 'demo-street-worker-1' });
});
