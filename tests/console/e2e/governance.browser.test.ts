/**
 * The governance screens in a real browser (headless Debian Chromium through playwright-core; the set-up of
 * console.browser.test.ts). What a test needs first is seeded through the same API the screens call (a paper
 * application, its review started, the industry regulator's assessment); the browser then does the steps
 * the acceptance names: the community leader assesses the application as the incubation centre and
 * publishes it (择优选取，发布公示); the 公示 screen lists it with its days left; the leader starts an
 * evaluation campaign and orders a rectification, which the 整改复查 list shows with its deadline; the worker's
 * other screens (paper form, complaints, 差评, appeals, offerings, reports) open with their lists. Screens go
 * to build/console-screens/ (governance-*.png). Nothing is loaded from outside, no CSP violation.
 */
import { paperApplication } from '../api/governance.fixtures';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(120_000);

const ui = consoleBrowser({ name: 'governance' });
const { at, shot, signedIn } = ui;

const NAME = '玉林市安心家政服务有限公司';
let applicationId = '';

/** The dialog open now (TDesign keeps closed ones in the page, hidden). */
const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });

/** The answer of the next request to a path ending so (any method given). */
async function answerOf(
  ending: string,
  act: () => Promise<void>,
): Promise<{ code: string; message: string }> {
  const seen = ui.page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(ending));
  await act();
  return (await (await seen).json()) as { code: string; message: string };
}

const okOnly = (a: { code: string; message: string }) => ({
  code: a.code,
  message: a.code === 'OK' ? '' : a.message,
});

test('the community leader assesses an application and publishes it; the 公示 screen lists it', async () => {
  // Seeded through the console's API: a worker enters a paper form and starts the review; the county
  // regulator (every industry) assesses it for 市场监督管理.
  const worker = await ui.cloud.signIn('community.worker');
  const regulator = await ui.cloud.signIn('regulator');
  const filed = await worker.post<{ applicationId: string }>(
    '/console/api/applications',
    paperApplication({ name: NAME, clientRequestId: 'e2e-gov-apply-0001' }),
  );
  expect(okOnly(filed)).toEqual({ code: 'OK', message: '' });
  applicationId = filed.data.applicationId;
  await worker.post(`/console/api/applications/${applicationId}/decide`, {
    to: 'under_review',
    clientRequestId: 'e2e-gov-start-0001',
  });
  const assessed = await regulator.post(`/console/api/applications/${applicationId}/assess`, {
    sheet: { qualification: 18, management: 17, service: 16, price: 19, capacity: 15 },
    comment: '经营范围与服务项目一致，资质有效',
    recommend: true,
    clientRequestId: 'e2e-gov-assess-0001',
  });
  expect(okOnly(assessed)).toEqual({ code: 'OK', message: '' });

  await signedIn('community.leader');
  await ui.page.locator('.t-menu__item', { hasText: '入驻审核' }).click();
  await ui.page.waitForURL(/\/console\/applications$/);
  await ui.page.locator(`[data-test="application-${applicationId}"]`).click();
  await ui.page.waitForURL(new RegExp(`/console/applications/${applicationId}$`));
  await ui.page.locator('[data-test="assessments-missing"]', { hasText: '孵化中心' }).waitFor();
  await ui.page.locator('[data-test="application-info"]', { hasText: '陈国栋' }).waitFor();

  await ui.page.locator('[data-test="act-assess"]').click();
  const assess = dialog('评估入驻申请');
  await assess.locator('[data-test="assess-comment"] textarea').fill('材料齐全，收费低于市场价，同意入驻');
  const byUnit = await answerOf(`/applications/${applicationId}/assess`, () =>
    assess.locator('button', { hasText: '提交评估' }).click(),
  );
  expect(okOnly(byUnit)).toEqual({ code: 'OK', message: '' });
  const table = ui.page.locator('[data-test="application-assessments"]');
  await table.locator('tbody tr', { hasText: '孵化中心' }).waitFor();
  await table.locator('tbody tr', { hasText: '市场监督管理' }).waitFor();
  await shot('governance-application');

  await ui.page.locator('[data-test="act-notice"]').click();
  const noticed = await answerOf(`/applications/${applicationId}/decide`, () =>
    ui.page.locator('.t-popconfirm button', { hasText: '确定' }).click(),
  );
  expect(okOnly(noticed)).toEqual({ code: 'OK', message: '' });
  await ui.page.locator('[data-test="application-status"]', { hasText: '公示中' }).waitFor();

  await ui.page.goto(at('/applications'));
  await ui.page.locator('[data-test="applications-tabs"] .t-tabs__nav-item', { hasText: '入驻公示' }).click();
  await ui.page.waitForURL(/\/console\/applications\/notice$/);
  const row = ui.page.locator('[data-test="notice-table"] tbody tr', { hasText: NAME });
  await row.waitFor();
  await ui.page.locator(`[data-test="notice-days-${applicationId}"]`, { hasText: '剩余 7 天' }).waitFor();
  await ui.page.locator(`[data-test="notice-objections-${applicationId}"]`, { hasText: '0 条' }).waitFor();
  await expect(row.innerText()).resolves.toContain('家庭保洁');
  await expect(row.innerText()).resolves.not.toContain('陈国栋');
  await shot('governance-notice');
});

test('the leader starts an evaluation campaign and orders a rectification; 整改复查 lists its deadline', async () => {
  await signedIn('community.leader');
  await ui.page.locator('.t-menu__item', { hasText: '考核评价' }).click();
  await ui.page.waitForURL(/\/console\/evaluations$/);
  await ui.page.locator('[data-test="campaign-start"]').click();
  const start = dialog('发起考核');
  await start.locator('[data-test="campaign-title"] input').fill('2025 年度东门社区服务机构考核');
  const started = await answerOf('/console/api/evaluations/campaigns', () =>
    start.locator('button', { hasText: '发起' }).click(),
  );
  expect(okOnly(started)).toEqual({ code: 'OK', message: '' });
  await ui.page
    .locator('[data-test="campaigns-table"] tbody tr', { hasText: '2025 年度东门社区服务机构考核' })
    .waitFor();
  const first = ui.page.locator('[data-test="evaluations-table"] tbody tr').first();
  await first.locator('.t-tag', { hasText: '评审中' }).waitFor();
  await shot('governance-evaluations');

  await first.locator('a, .t-link').first().click();
  await ui.page.waitForURL(/\/console\/evaluations\/[^/]+$/);
  await ui.page.locator('[data-test="evaluation-indicators"]').waitFor();
  await ui.page.locator('[data-test="outcome-kind"] .t-radio-button', { hasText: '限期整改' }).click();
  await ui.page.locator('[data-test="outcome-problems"] textarea').fill('回访不及时\n收费未在服务场所公示');
  await ui.page.locator('[data-test="outcome-summary"] textarea').fill('限期整改，到期复查');
  await ui.page.locator('[data-test="outcome-deadline"] input').fill('2025-04-30');
  const decided = await answerOf('/evaluate', () => ui.page.locator('[data-test="outcome-submit"]').click());
  expect(okOnly(decided)).toEqual({ code: 'OK', message: '' });
  await ui.page.locator('[data-test="evaluation-provider-status"]', { hasText: '限期整改' }).waitFor();
  await ui.page.locator('[data-test="evaluation-problems"]', { hasText: '收费未在服务场所公示' }).waitFor();
  await shot('governance-evaluation');

  await ui.page.goto(at('/evaluations'));
  await ui.page.locator('[data-test="evaluations-tabs"] .t-tabs__nav-item', { hasText: '整改复查' }).click();
  await ui.page.waitForURL(/\/console\/evaluations\/rectification$/);
  const row = ui.page.locator('[data-test="rectification-table"] tbody tr', { hasText: '回访不及时' });
  await row.waitFor();
  await expect(row.innerText()).resolves.toContain('2025-04-30 23:59');
  await shot('governance-rectification');
});

test('the worker’s other governance screens open with their lists: paper form, complaints, 差评, appeals, offerings, reports', async () => {
  await signedIn('community.worker');
  const screens: [string, string, string][] = [
    ['/applications/paper', 'paper-form', 'governance-paper'],
    ['/complaints', 'complaints-table', 'governance-complaints'],
    ['/complaints/tickets', 'tickets-table', 'governance-tickets'],
    ['/complaints/appeals', 'appeals-table', 'governance-appeals'],
    ['/complaints/offerings', 'offerings-table', 'governance-offerings'],
    ['/reports', 'reports-table', 'governance-reports'],
  ];
  for (const [path, test, name] of screens) {
    await ui.page.goto(at(path));
    await ui.page.locator(`[data-test="${test}"]`).waitFor();
    await shot(name);
  }
  // The paper form offers the worker's communities and the catalogue's items with their industry.
  await ui.page.goto(at('/applications/paper'));
  await ui.page.locator('[data-test="paper-item-0"]').first().click();
  await ui.page
    .locator('.t-select-option', { hasText: '家庭保洁（家政服务 · 市场监督管理）' })
    .first()
    .waitFor();
});
