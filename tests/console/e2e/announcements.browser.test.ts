/**
 * 信息发布 in a real browser (headless Debian Chromium through playwright-core, as
 * tests/console/e2e/console.browser.test.ts) against a local cloud serving the built console and running the
 * real admin-api: the community worker opens 信息发布 from the menu, writes a notice with a photo uploaded in
 * the editor, saves the draft, publishes it from its page and finds it 已发布 in the list; the demo resident of
 * the community then reads it through the mini-program's `announcements` function. Screens go to
 * build/console-screens/ (git-ignored).
 */
import type { AnnouncementListResult } from '../../../core/announcements/announcement.replies';
import { DEMO_RESIDENT_OPENID } from '../../../demo/demo.constants';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const ui = consoleBrowser({ name: 'announcements' });
const { cloud, shot, signedIn } = ui;

/** The dialog open now (TDesign keeps closed ones in the page, hidden). */
const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const TITLE = '东门社区关于开展秋季大扫除的通知';

test('the community worker writes a notice with a photo, publishes it, and residents read it', async () => {
  await signedIn('community.worker');
  await ui.page.locator('.t-menu__item', { hasText: '信息发布' }).click();
  await ui.page.waitForURL(/\/console\/announcements/);
  // The demo notices of 东门社区 are listed, the draft among them.
  await ui.page
    .locator('[data-test="announcements-table"] tbody tr', { hasText: '社区议事协商会议通知' })
    .waitFor();
  await shot('announcements-01-list');

  await ui.page.locator('[data-test="announcement-new"]').click();
  const editor = dialog('新建信息');
  await editor.waitFor();
  await editor.locator('[data-test="announcement-title"] input').fill(TITLE);
  await editor
    .locator('[data-test="announcement-body"] textarea')
    .fill('本周六上午九点，社区组织志愿者清扫小区公共区域，欢迎居民一起参加。');
  await editor
    .locator('[data-test="announcement-images"] input[type="file"]')
    .setInputFiles({ name: '大扫除.png', mimeType: 'image/png', buffer: PNG });
  await editor.locator('[data-test="announcement-images"] img').first().waitFor();
  await shot('announcements-02-editor');
  await editor.locator('button', { hasText: '保存草稿' }).click();
  await ui.page.locator('.t-message', { hasText: '草稿已保存' }).waitFor();
  await ui.page.waitForURL(/\/console\/announcements\/[0-9a-f]+$/);
  await ui.page.locator('[data-test="announcement-status"]', { hasText: '草稿' }).waitFor();
  await ui.page.locator('[data-test="announcement-images"] img').first().waitFor();

  await ui.page.locator('[data-test="announcement-publish"]').click();
  const confirm = dialog('发布信息');
  await confirm.waitFor();
  await confirm.locator('button', { hasText: '确认发布' }).click();
  await ui.page.locator('.t-message', { hasText: '信息已发布' }).waitFor();
  await ui.page.locator('[data-test="announcement-status"]', { hasText: '已发布' }).waitFor();
  await ui.page.locator('[data-test="announcement-withdraw"]').waitFor();
  await shot('announcements-03-published');

  const [stored] = await cloud.find<{ _id: string; status: string; images: string[] }>('announcements', {
    title: TITLE,
  });
  expect(stored).toMatchObject({
    status: 'published',
    images: [expect.stringContaining('announcement_image')],
  });
  const read = await cloud
    .as(DEMO_RESIDENT_OPENID)
    .call<AnnouncementListResult>('announcements', 'announcement.list', {
      pageSize: 50,
    });
  expect(read.data.items.map((i) => i.title)).toContain(TITLE);

  await ui.page.goto(ui.at('/announcements?status=published'));
  const row = ui.page.locator('[data-test="announcements-table"] tbody tr', { hasText: TITLE });
  await row.waitFor();
  expect(await row.innerText()).toContain('已发布');
  await shot('announcements-04-list-published');
});
