/**
 * 微团队 in a real browser (headless Debian Chromium through playwright-core, as
 * tests/console/e2e/console.browser.test.ts) against a local cloud serving the built console and running the
 * real admin-api: the community worker opens 微团队 from the menu, forms a team in the dialog (its community
 * prefilled with theirs), lands on the team's page and finds it in the list with its bond and member count.
 * Screens go to build/console-screens/ (git-ignored).
 */
import type { VolunteerTeam } from '../../../core/model/party.model';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const ui = consoleBrowser({ name: 'teams' });
const { cloud, shot, signedIn } = ui;
const NAME = '东门夜间平安巡逻队';

const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });

test('the community worker forms a team and sees it in the list', async () => {
  await signedIn('community.worker');
  await ui.page.locator('.t-menu__item', { hasText: '微团队' }).click();
  await ui.page.waitForURL(/\/console\/teams/);
  await ui.page.locator('[data-test="teams-table"]').waitFor();
  await shot('teams-01-list');

  await ui.page.locator('[data-test="team-new"]').click();
  const form = dialog('组建微团队');
  await form.waitFor();
  await form.locator('[data-test="team-name"] input').fill(NAME);
  await form.locator('[data-test="team-bond"] .t-radio', { hasText: '地缘' }).click();
  await form
    .locator('[data-test="team-description"] textarea')
    .fill('小区楼栋长和退休职工，每晚八点至十点巡逻。');
  await form.locator('[data-test="team-services"] input').fill('治安巡防、邻里调解');
  await shot('teams-02-dialog');
  await form.locator('button', { hasText: '组建' }).click();

  await ui.page.waitForURL(/\/console\/teams\/team-/);
  const info = ui.page.locator('[data-test="team-info"]');
  await info.waitFor();
  expect(await info.innerText()).toContain('治安巡防、邻里调解');
  expect(await ui.page.locator('[data-test="team-invite"]').isVisible()).toBe(true);
  await shot('teams-03-team');
  const stored = await cloud.find<VolunteerTeam>('volunteer_teams', { name: NAME });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ bond: 'geographic', active: true, memberCount: 0 });

  // Back to the list (the menu entry is the one already open).
  await ui.page.locator('.page-head button', { hasText: '返回' }).click();
  await ui.page.waitForURL(/\/console\/teams$/);
  const row = ui.page.locator('[data-test="teams-table"] tbody tr', { hasText: NAME });
  await row.waitFor();
  const text = await row.innerText();
  expect(text).toContain('地缘');
  expect(text).toContain('0 人');
  expect(text).toContain('服务中');
  await shot('teams-04-listed');
});
