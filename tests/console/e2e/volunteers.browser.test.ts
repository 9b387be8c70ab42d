/**
 * 志愿服务 in a real browser (headless Debian Chromium through playwright-core; the model is
 * console.browser.test.ts): a community worker opens 志愿服务 from the menu, schedules an activity in the
 * dialog, shows the check-in code on the activity's page as a QR image (the volunteer scans it through the real
 * `volunteers` function), reads the attendance, and confirms the volunteer's hours, which then show in the
 * volunteer's record. Screens to build/console-screens/. Nothing is loaded from another origin and no CSP
 * violation is raised.
 */
import { HOUR_MS, MINUTE_MS } from '../../functions/support/function-cloud';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(240_000);

const MEMBER = 'demo-volunteer-member-1';
const ui = consoleBrowser({ name: 'volunteers' });
const { cloud, at, shot, signedIn } = ui;

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
const shanghai = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');

let seq = 0;
const scan = async (code: string) =>
  (
    await cloud.as(MEMBER).call('volunteers', 'activity.checkin', {
      code,
      clientRequestId: `e2e-scan-${(seq += 1).toString().padStart(4, '0')}`,
    })
  ).code;

/** The clock moved on (the console's session idles out meanwhile): sign in again and open the activity. */
async function later(ms: number, activityPath: string): Promise<void> {
  cloud.shiftClock(ms);
  await signedIn('community.worker');
  await ui.page.goto(at(activityPath));
  await ui.page.locator('[data-test="attendance-table"]').waitFor();
}

/** Open the code dialog in a phase; answers the first code it shows (read from the page's own request). */
async function codeOnScreen(phase: 'in' | 'out'): Promise<string> {
  const issued = ui.page.waitForResponse(
    (r) => r.url().includes('/checkin-code') && r.request().method() === 'POST',
  );
  await ui.page.locator('[data-test="checkin-open"]').click();
  const dialog = ui.page.locator('.t-dialog', { hasText: '现场签到码' });
  const first = (await (await issued).json()) as { code: string; data: { code: string } };
  expect(first.code).toBe('OK');
  if (phase === 'out') {
    const next = ui.page.waitForResponse((r) => r.url().includes('/checkin-code'));
    await dialog.getByText('签退', { exact: true }).click();
    const out = (await (await next).json()) as { data: { code: string } };
    await dialog.locator('[data-test="checkin-qr"]').waitFor();
    return out.data.code;
  }
  await dialog.locator('[data-test="checkin-qr"]').waitFor();
  return first.data.code;
}

async function closeDialog(): Promise<void> {
  await ui.page.keyboard.press('Escape');
  await ui.page.locator('[data-test="checkin-qr"]').waitFor({ state: 'hidden' });
}

describe('a community worker', () => {
  test('schedules an activity, shows the check-in code on a screen, reads the attendance and confirms the hours', async () => {
    await signedIn('community.worker');
    await ui.page.locator('.t-menu__item', { hasText: '志愿服务' }).click();
    await ui.page.waitForURL(/\/console\/volunteers\/activities/);
    await ui.page.locator('[data-test="activities-table"]').waitFor();
    await shot('60-volunteers-activities');

    const startAt = cloud.now() + 3 * HOUR_MS;
    await ui.page.locator('[data-test="activity-new"]').click();
    const dialog = ui.page
      .locator('[data-test="activity-dialog"]')
      .or(ui.page.locator('.t-dialog', { hasText: '发布志愿服务活动' }));
    const fill = (test: string, value: string) =>
      ui.page
        .locator(
          `[data-test="${test}"] input, [data-test="${test}"] textarea, input[data-test="${test}"], textarea[data-test="${test}"]`,
        )
        .first()
        .fill(value);
    await fill('activity-title', '楼道清洁日');
    await fill('activity-content', '清理楼道杂物，张贴防火提示。请穿方便劳动的衣服。');
    await fill('activity-place', '金港花园3栋');
    await fill('activity-start', shanghai(startAt));
    await fill('activity-end', shanghai(startAt + 2 * HOUR_MS));
    await shot('61-volunteers-schedule');
    await dialog.getByRole('button', { name: '发布' }).click();
    await ui.page.waitForURL(/\/console\/volunteers\/activities\/[^/]+$/);
    const activityPath = new URL(ui.page.url()).pathname.replace(/^\/console/, '');
    const activityId = activityPath.split('/').pop()!;
    await ui.page.locator('[data-test="activity-info"]').getByText('金港花园3栋').waitFor();

    const signed = await cloud.as(MEMBER).call<{ volunteerNo: string }>('volunteers', 'activity.signup', {
      activityId,
      as: 'volunteer',
      clientRequestId: 'e2e-signup-0001',
    });
    expect(signed.code).toBe('OK');

    // On site: the code on the screen, scanned; the same code a second time is refused.
    await later(3 * HOUR_MS, activityPath);
    const inCode = await codeOnScreen('in');
    await shot('62-volunteers-checkin-code');
    expect(await scan(inCode)).toBe('OK');
    expect(await scan(inCode)).toBe('CHECKIN_CODE_USED');
    await closeDialog();

    await later(100 * MINUTE_MS, activityPath);
    const outCode = await codeOnScreen('out');
    expect(await scan(outCode)).toBe('OK');
    await closeDialog();

    // After the end: the attendance shows 100 minutes, prefilled; 确认服务时长 credits them.
    await later(HOUR_MS, activityPath);
    const row = ui.page.locator('[data-test="attendance-table"] tbody tr', {
      hasText: signed.data.volunteerNo,
    });
    await row.getByText('100', { exact: true }).waitFor();
    await expect(row.locator('[data-test^="hours-"] input').inputValue()).resolves.toBe('100');
    await ui.page.locator('[data-test="hours-confirm"]').click();
    await row.getByText('已确认 100 分钟').waitFor();
    await shot('63-volunteers-hours-confirmed');

    // The volunteer's record shows the service.
    await ui.page.goto(at(`/volunteers/people/${signed.data.volunteerNo}`));
    await ui.page.locator('[data-test="records-service"]').getByText('楼道清洁日').waitFor();
    await shot('64-volunteers-record');
  });
});
