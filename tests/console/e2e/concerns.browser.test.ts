/**
 * The concerns screens in a real browser (headless Debian Chromium through playwright-core; the set-up of
 * console.browser.test.ts): a community worker files a worry for a resident without the mini-program (代办),
 * with the community's similar open concern suggested as she types; the community's leader finds it in the
 * review queue, reads it, approves it and publishes it; it then waits in the unclaimed queue with its claim
 * deadline. Screens go to build/console-screens/ (concerns-*.png). Nothing is loaded from outside, no CSP
 * violation.
 */
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(180_000);

const ui = consoleBrowser({ name: 'concerns' });
const { at, shot, signedIn } = ui;

const TITLE = '楼道灯又坏了，老人晚上不敢下楼';
let concernId = '';

/** The dialog open now (TDesign keeps closed ones in the page, hidden). */
const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });

/** Open a TDesign select and pick the option showing `text`. */
async function choose(selectTest: string, text: string): Promise<void> {
  await ui.page.locator(`[data-test="${selectTest}"]`).first().click();
  await ui.page.locator('.t-select-option', { hasText: text }).first().click();
}

test('a community worker files a worry for a resident (代办), shown the similar open concern first', async () => {
  await signedIn('community.worker');
  await ui.page.locator('.t-menu__item', { hasText: '诉求' }).first().click();
  await ui.page.waitForURL(/\/console\/concerns$/);
  await ui.page.locator('[data-test="concerns-tabs"] .t-tabs__nav-item', { hasText: '代办诉求' }).click();
  await ui.page.waitForURL(/\/console\/concerns\/intake$/);

  await choose('intake-grid', '金港花园');
  await ui.page.locator('[data-test="intake-title"] input').fill(TITLE);
  const asked = ui.page.waitForResponse((r) => r.url().includes('/console/api/concerns/similar'));
  await ui.page
    .locator('[data-test="intake-content"] textarea')
    .fill('三单元楼道灯坏了两个星期，晚上很黑，老人不敢下楼。');
  await ui.page.locator('[data-test="intake-content"] textarea').blur();
  await asked;
  // The demo's open concern about the corridor light of the same community is suggested.
  await ui.page.locator('[data-test="intake-similar"]', { hasText: '楼道灯坏了很久' }).waitFor();

  await ui.page.locator('[data-test="intake-name"] input').fill('韦阿婆');
  await ui.page.locator('[data-test="intake-phone"] input').fill('13977001234');
  await ui.page.locator('[data-test="intake-method"] .t-radio', { hasText: '当面' }).click();
  await ui.page
    .locator('[data-test="intake-statement"] textarea')
    .fill('居民本人当面同意由社区工作人员代为提交诉求，并保存姓名和电话');
  await shot('concerns-intake');

  const filed = ui.page.waitForResponse(
    (r) => r.url().endsWith('/console/api/concerns') && r.request().method() === 'POST',
  );
  await ui.page.locator('[data-test="intake-submit"]').click();
  const reply = (await (await filed).json()) as {
    code: string;
    message: string;
    data: { concernId: string; status: string };
  };
  expect({ code: reply.code, message: reply.code === 'OK' ? '' : reply.message }).toEqual({
    code: 'OK',
    message: '',
  });
  expect(reply.data.status).toBe('submitted');
  concernId = reply.data.concernId;
  await ui.page.locator('[data-test="intake-filed"]', { hasText: '待审核' }).click();
  await ui.page.waitForURL(new RegExp(`/console/concerns/${concernId}$`));
  await ui.page.locator('[data-test="concern-info"]', { hasText: '韦阿婆' }).waitFor();
  await ui.page.locator('[data-test="concern-info"]', { hasText: '居民本人当面同意' }).waitFor();
  // A worker does not review: no 审核 button for her.
  await expect(ui.page.locator('[data-test="act-review"]').count()).resolves.toBe(0);
  await shot('concerns-filed');
});

test('the community leader approves it from the review queue and publishes it; it waits with its deadline', async () => {
  expect(concernId).not.toBe('');
  await signedIn('community.leader');
  await ui.page.goto(at('/concerns'));
  const row = ui.page.locator('[data-test="review-table"] tbody tr', { hasText: TITLE });
  await row.waitFor();
  await shot('concerns-review-queue');

  await ui.page.locator(`[data-test="review-${concernId}"]`).click();
  const review = dialog('审核诉求');
  await review.locator('[data-test="review-content"]', { hasText: '三单元楼道灯' }).waitFor();
  await shot('concerns-review-dialog');
  const reviewed = ui.page.waitForResponse((r) => r.url().endsWith(`/concerns/${concernId}/review`));
  await review.locator('button', { hasText: '提交审核结果' }).click();
  const answer = (await (await reviewed).json()) as { code: string; data: { status: string } };
  expect(answer).toMatchObject({ code: 'OK', data: { status: 'approved' } });
  // Gone from the review queue.
  await row.waitFor({ state: 'detached' });

  await ui.page.locator('[data-test="concerns-tabs"] .t-tabs__nav-item', { hasText: '待发布' }).click();
  await ui.page.waitForURL(/\/console\/concerns\/publish$/);
  await ui.page.locator(`[data-test="publish-${concernId}"]`).click();
  const published = ui.page.waitForResponse((r) => r.url().endsWith(`/concerns/${concernId}/publish`));
  await ui.page.locator('.t-popconfirm button', { hasText: '确定' }).click();
  expect(((await (await published).json()) as { code: string }).code).toBe('OK');
  await ui.page
    .locator('[data-test="publish-table"] tbody tr', { hasText: TITLE })
    .waitFor({ state: 'detached' });

  await ui.page.locator('[data-test="concerns-tabs"] .t-tabs__nav-item', { hasText: '待认领' }).click();
  await ui.page.waitForURL(/\/console\/concerns\/waiting$/);
  const waiting = ui.page.locator('[data-test="waiting-table"] tbody tr', { hasText: TITLE });
  await waiting.waitFor();
  const deadline = (await ui.page.locator(`[data-test="deadline-${concernId}"]`).innerText()).trim();
  expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(waiting.innerText()).resolves.toContain('社区');
  await shot('concerns-waiting');
});

test('the joint meeting office takes a referred concern with a lead department and a task, then sees its tasks', async () => {
  // A concern the street referred to its joint meeting, through the API (the screens above test the queues).
  const path = (id: string, step: string) => `/console/api/concerns/${id}/${step}`;
  const worker = await ui.cloud.signIn('community.worker');
  const leader = await ui.cloud.signIn('community.leader');
  const street = await ui.cloud.signIn('street.worker');
  const filed = await worker.post<{ concernId: string }>('/console/api/concerns', {
    kind: 'worry',
    title: '农贸市场周边占道经营堵路',
    content: '早晚高峰占道经营，救护车都过不去，涉及城管、交警、市场监管。',
    orgUnitId: '450902001001001',
    onBehalfOf: { name: '梁伯', consent: { method: 'phone', statement: '居民电话同意代为提交' } },
    clientRequestId: 'e2e-joint-file-0001',
  });
  const id = filed.data.concernId;
  await leader.post(path(id, 'review'), { decision: 'approve', clientRequestId: 'e2e-joint-review-01' });
  await worker.post(path(id, 'publish'), { clientRequestId: 'e2e-joint-publish-1' });
  await worker.post(path(id, 'escalate'), { reason: '需街道协调', clientRequestId: 'e2e-joint-push-0001' });
  const referred = await street.post<{ status: string }>(path(id, 'refer'), {
    reason: '涉及多个部门',
    departments: ['城管中队', '交警中队'],
    clientRequestId: 'e2e-joint-refer-001',
  });
  expect(referred.data.status).toBe('referred');

  await signedIn('joint.office');
  await ui.page.locator('.t-menu__item', { hasText: '联席会议' }).click();
  await ui.page.waitForURL(/\/console\/jointMeetings$/);
  const row = ui.page.locator('[data-test="joint-table"] tbody tr', { hasText: '农贸市场周边占道经营' });
  await row.locator('.t-tag', { hasText: '待承接' }).waitFor();
  await shot('concerns-joint-board');

  await ui.page.locator(`[data-test="joint-open-${id}"]`).click();
  await ui.page.waitForURL(new RegExp(`/console/jointMeetings/${id}$`));
  await ui.page.locator('[data-test="act-take"]').click();
  const take = dialog('联席会议承接');
  await take.locator('[data-test="take-lead"] input').fill('城管中队');
  await take.locator('[data-test="take-departments"] textarea').fill('交警中队、市场监管所');
  await take.locator('[data-test="task-dept-0"] input').fill('城管中队');
  await take.locator('[data-test="task-text-0"] input').fill('清理占道摊点，划定临时疏导区');
  // Due at the end of the day typed (Asia/Shanghai).
  await take.locator('[data-test="task-due-0"] input').fill('2026-12-31');
  const taken = ui.page.waitForResponse((r) => r.url().endsWith(`/concerns/${id}/joint/take`));
  await take.locator('button', { hasText: '承接' }).click();
  const answer = (await (await taken).json()) as { code: string; message: string };
  expect({ code: answer.code, message: answer.code === 'OK' ? '' : answer.message }).toEqual({
    code: 'OK',
    message: '',
  });

  const tasks = ui.page.locator('[data-test="joint-tasks"]');
  await tasks
    .locator('tbody tr', { hasText: '清理占道摊点' })
    .filter({ hasText: '2026-12-31 23:59' })
    .waitFor();
  await ui.page.locator('[data-test="joint-case"]', { hasText: '牵头部门：城管中队' }).waitFor();
  await ui.page.locator('[data-test="joint-case"]', { hasText: '交警中队、市场监管所' }).waitFor();
  await shot('concerns-joint-case');
});
