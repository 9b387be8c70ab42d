/**
 * 双报到 in a real browser (headless Debian Chromium through playwright-core, as
 * tests/console/e2e/console.browser.test.ts) against a local cloud serving the built console and running the
 * real admin-api: the community worker opens 双报到 from the menu, finds a member's pending request of the demo
 * data, confirms it in the dialog, and sees the member on the community's roster (党组织与党员) with the
 * organisations tab beside it. Screens go to build/console-screens/ (git-ignored).
 */
import type { RegistrationListResult } from '../../../core/party/party.replies';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const ui = consoleBrowser({ name: 'party' });
const { cloud, shot, signedIn } = ui;
/** A serving party member's request to 东门社区 in the demo data, pending. */
const PENDING_MEMBER = 'reg-pending-2';
let memberName = '';

beforeAll(async () => {
  const worker = await cloud.signIn('community.worker');
  const list = await worker.get<RegistrationListResult>('/console/api/party/registrations?pageSize=50');
  memberName = list.data.items.find((i) => i.registrationId === PENDING_MEMBER)!.name;
});

const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });

test('the community worker confirms a pending 双报到 and sees the member on the roster', async () => {
  await signedIn('community.worker');
  await ui.page.locator('.t-menu__item', { hasText: '双报到' }).click();
  await ui.page.waitForURL(/\/console\/party\/registrations/);
  const row = ui.page.locator('[data-test="registrations-table"] tbody tr', { hasText: memberName });
  await row.waitFor();
  expect(await row.innerText()).toContain('待确认');
  await shot('party-01-pending');

  await ui.page.locator(`[data-test="registration-decide-${PENDING_MEMBER}"]`).click();
  const decide = dialog(`审核双报到：${memberName}`);
  await decide.waitFor();
  await shot('party-02-dialog');
  await decide.locator('button', { hasText: '提交' }).click();
  await ui.page.locator('.t-message', { hasText: `已确认报到：${memberName}` }).waitFor();
  // The pending list no longer holds it.
  await row.waitFor({ state: 'detached' });
  expect(await cloud.count('party_members', { openid: 'sim-member-pending-2' })).toBe(1);

  await ui.page.locator('[data-test="party-tabs"] .t-tabs__nav-item', { hasText: '党组织与党员' }).click();
  await ui.page.waitForURL(/\/console\/party\/roster/);
  const member = ui.page.locator('[data-test="roster-table"] tbody tr', { hasText: memberName });
  await member.waitFor();
  expect(await member.innerText()).toContain('玉林市图书馆');
  await ui.page.locator('[data-test="roster-community"]', { hasText: '东门社区' }).waitFor();
  await shot('party-03-roster');
});
