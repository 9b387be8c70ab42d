/**
 * 责令整改 and 整改复查 in a real browser (the set-up of console.browser.test.ts): the community leader opens an
 * active provider of 东门社区, orders it to rectify from its page (责令整改: reason, problems one per line, the
 * deadline offered by default). Sent without problems the dialog stays open with the server's refusal and the
 * provider is unchanged; sent with them and a deadline picked, the provider is 限期整改 with its problems shown.
 * 整改复查 lists it with its source 责令整改, problems and deadline; re-checked there as fixed (整改通过, with a
 * reason), the provider serves again and the row leaves the open queue. Screens to build/console-screens/
 * (rectification-*.png).
 */
import { DEFAULT_PLATFORM_CONFIG } from '../../../core/kernel/platform.config';
import type { Provider } from '../../../core/model/provider.model';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(120_000);

const ui = consoleBrowser({ name: 'rectification' });
const { at, shot, signedIn } = ui;

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** The dialog open now (TDesign keeps closed ones in the page, hidden). */
const dialog = (header: string) => ui.page.locator('.t-dialog:visible', { hasText: header });

/** The answer of the next request to a path ending so. */
async function answerOf(
  ending: string,
  act: () => Promise<void>,
): Promise<{ code: string; message: string }> {
  const seen = ui.page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(ending));
  await act();
  return (await (await seen).json()) as { code: string; message: string };
}

/** 'YYYY-MM-DD' of the Asia/Shanghai day of `at`. */
const shanghaiDate = (at: number) => new Date(at + SHANGHAI_MS).toISOString().slice(0, 10);

let provider: Provider;

beforeAll(async () => {
  const [first] = await ui.cloud.find<Provider>(
    'providers',
    { orgPath: DEMO_PATHS.community, status: 'active' },
    1,
  );
  if (first === undefined) throw new Error('no active provider in the demo community');
  provider = first;
});

test('the leader orders 责令整改 from the provider page; a refusal keeps the dialog open', async () => {
  await signedIn('community.leader');
  await ui.page.goto(at(`/providers/${provider._id}`));
  await ui.page.locator('[data-test="provider-status"]', { hasText: '正常服务' }).waitFor();
  await ui.page.locator('[data-test="rectify"]').click();
  const open = dialog('责令限期整改');
  await open.waitFor();
  // The deadline offered: the server's today plus the configured days.
  const offered = await open.locator('[data-test="rectify-deadline"] input').inputValue();
  expect(offered).toBe(
    shanghaiDate(ui.cloud.now() + DEFAULT_PLATFORM_CONFIG.governance.rectifyDefaultDays * DAY_MS),
  );

  // No problems: refused by the server, shown in the dialog, the provider unchanged.
  await open.locator('[data-test="rectify-reason"] textarea').fill('居民多次反映上门服务迟到');
  const refused = await answerOf('/status', () => open.locator('button', { hasText: '责令整改' }).click());
  expect(refused.code).toBe('INVALID_INPUT');
  await open.locator('[data-test="rectify-error"]', { hasText: '问题清单' }).waitFor();
  await expect(ui.cloud.get<Provider>('providers', provider._id)).resolves.toMatchObject({
    status: 'active',
  });
  await shot('rectification-refused');

  // Problems one per line and a deadline picked: ordered, the page shows the rectification.
  const deadline = shanghaiDate(ui.cloud.now() + 20 * DAY_MS);
  await open.locator('[data-test="rectify-problems"] textarea').fill('上门服务多次迟到\n收费标准未公示');
  await open.locator('[data-test="rectify-deadline"] input').fill(deadline);
  const ordered = await answerOf('/status', () => open.locator('button', { hasText: '责令整改' }).click());
  expect(ordered.code).toBe('OK');
  await open.waitFor({ state: 'hidden' });
  await ui.page.locator('[data-test="provider-status"]', { hasText: '限期整改' }).waitFor();
  const card = ui.page.locator('[data-test="provider-rectification"]');
  await card.locator('li', { hasText: '收费标准未公示' }).waitFor();
  await expect(card.innerText()).resolves.toContain(`${deadline} 23:59`);
  await expect(card.innerText()).resolves.toContain('责令整改');
  await ui.page.locator('[data-test="rectify"]').waitFor({ state: 'detached' });
  const stored = (await ui.cloud.get<Provider>('providers', provider._id))!;
  expect(stored.rectification?.problems).toEqual(['上门服务多次迟到', '收费标准未公示']);
  await shot('rectification-ordered');
});

test('整改复查 lists it as 责令整改; re-checked there as fixed, the provider serves again', async () => {
  await signedIn('community.leader');
  await ui.page.goto(at('/evaluations/rectification'));
  const row = ui.page.locator('[data-test="rectification-table"] tbody tr', { hasText: provider.name });
  await row.locator('.t-tag', { hasText: '责令整改' }).waitFor();
  await expect(row.innerText()).resolves.toContain('收费标准未公示');
  await expect(row.innerText()).resolves.toContain('居民多次反映上门服务迟到');
  await shot('rectification-queue');

  await row.locator('.t-link', { hasText: '整改通过' }).click();
  const open = dialog('整改通过');
  await open.waitFor();
  await open.locator('[data-test="reason-text"] textarea').fill('已按时上门，收费标准已在服务场所公示');
  const rechecked = await answerOf('/recheck', () => open.locator('button', { hasText: '提交' }).click());
  expect(rechecked.code).toBe('OK');
  await open.waitFor({ state: 'hidden' });
  await row.waitFor({ state: 'detached' });
  await expect(ui.cloud.get<Provider>('providers', provider._id)).resolves.toMatchObject({
    status: 'active',
    rectifyDeadline: null,
  });
});
