/**
 * A governance decision through its dialog in a real browser (the set-up of console.browser.test.ts): the
 * community worker decides a provider's rating appeal on 评价申诉. The dialog offers the two outcomes with
 * 申诉不成立 picked first; sent without a reason it stays open with the server's refusal and nothing changes;
 * with the outcome 申诉成立 and a reason it closes, the appeal is decided as picked with that reason, and the
 * list of appeals waiting for a decision no longer shows it. The appeal is written directly as the test's fixture
 * (as in governance.fixtures.ts), on a rating of the demo data in 东门社区.
 */
import { DEMO_PROVIDER_MANAGER_OPENID } from '../../../demo/demo.constants';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { consoleBrowser } from '../support/console-browser';

jest.setTimeout(120_000);

const ui = consoleBrowser({ name: 'governance-dialogs' });
const { at, shot, signedIn } = ui;

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

interface AppealDoc {
  status: string;
  decisionReason: string | null;
}

test('the worker decides a rating appeal in its dialog: a refusal keeps it open, the decision closes it', async () => {
  const [rating] = await ui.cloud.find<{ _id: string; orderId: string; providerId: string; orgPath: string }>(
    'ratings',
    { orgPath: ui.cloud.db.RegExp({ regexp: `^${DEMO_PATHS.community}`, options: '' }) },
    1,
  );
  const appealId = `ra-e2e-${rating!._id}`;
  const now = ui.cloud.now();
  await ui.cloud.insert('rating_appeals', [
    {
      _id: appealId,
      ratingId: rating!._id,
      orderId: rating!.orderId,
      providerId: rating!.providerId,
      providerName: '测试申诉机构',
      stars: 1,
      reason: '该差评与本次服务无关',
      appealedBy: DEMO_PROVIDER_MANAGER_OPENID,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      orgPath: rating!.orgPath,
      createdAt: now,
      updatedAt: now,
    },
  ]);

  await signedIn('community.worker');
  await ui.page.goto(at('/complaints/appeals'));
  await ui.page.locator(`[data-test="appeal-decide-${appealId}"]`).click();
  const open = dialog('裁定评价申诉');
  await open.waitFor();
  const choices = open.locator('[data-test="appeal-upheld"] .t-radio-button');
  await expect(choices.allInnerTexts()).resolves.toEqual([
    '申诉不成立（评价照常计入）',
    '申诉成立（该评价不计入）',
  ]);
  await expect(open.locator('[data-test="appeal-upheld"] .t-is-checked').innerText()).resolves.toBe(
    '申诉不成立（评价照常计入）',
  );

  // No reason: the server refuses, the dialog stays open with its message, the appeal is still pending.
  const refused = await answerOf('/decide', () => open.locator('button', { hasText: '提交裁定' }).click());
  expect(refused.code).toBe('INVALID_INPUT');
  await open.locator('.danger-text', { hasText: refused.message }).waitFor();
  await expect(ui.cloud.get<AppealDoc>('rating_appeals', appealId)).resolves.toMatchObject({
    status: 'pending',
    decisionReason: null,
  });
  await shot('governance-appeal-refused');

  // The outcome picked and a reason given: decided as picked, the dialog closes, the row leaves the list.
  await choices.filter({ hasText: '申诉成立（该评价不计入）' }).click();
  await open.locator('[data-test="appeal-reason"] textarea').fill('评价内容与订单服务无关，属恶意评价');
  const decided = await answerOf('/decide', () => open.locator('button', { hasText: '提交裁定' }).click());
  expect(decided.code).toBe('OK');
  await open.waitFor({ state: 'hidden' });
  await expect(ui.cloud.get<AppealDoc>('rating_appeals', appealId)).resolves.toMatchObject({
    status: 'upheld',
    decisionReason: '评价内容与订单服务无关，属恶意评价',
  });
  await ui.page.locator(`[data-test="appeal-decide-${appealId}"]`).waitFor({ state: 'detached' });
});
