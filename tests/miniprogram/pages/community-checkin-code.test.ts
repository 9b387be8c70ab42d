/**
 * 签到码 on its real WXML: the organiser's current code shown as the QR image the function drew, the seconds
 * left counting down, a fresh code asked for every 15 seconds (a new request each time, never a replay),
 * at once with 换一个码 and on switching to 签退码; nothing asked while the page is hidden; a refusal (check-in
 * not open) said in the function's words with a retry.
 */
import { VOLUNTEER_ERRORS } from '../../../core/volunteers/volunteer.errors';
import { fakeCloud } from './support/fake-cloud';
import { ariaOf, find, loadPage, openPage, settle, tap, tapButton, textOf } from './support/page-harness';
import { T0 } from './support/replies';
import { checkinCodeReply, sentInputs, volunteerFail, volunteerOk } from './community-support';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

/** The codes the function hands out in turn, each valid 60 s from the (fake) now. */
function issueCodes(): void {
  let n = 0;
  volunteerOk('activity.checkin.code', (input) => {
    n += 1;
    return checkinCodeReply({
      code: `code-${String(n).padStart(12, '0')}`,
      phase: input['phase'] === 'out' ? 'out' : 'in',
      expiresAt: Date.now() + 60_000,
      qrImage: `data:image/png;base64,QR${n}`,
    });
  });
}

beforeEach(() => {
  fakeCloud.reset();
  // Only the clock and the page's ticking are faked: the harness's settle() still runs on real timeouts.
  jest.useFakeTimers({
    doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'],
  });
  jest.setSystemTime(T0);
});
afterEach(() => {
  jest.useRealTimers();
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

const imageSrc = (page: Awaited<ReturnType<typeof openPage>>) => page.data['qrImage'];

describe('签到码', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/checkin-code/checkin-code');
  });

  it('should show the QR image of the current code with the seconds left', async () => {
    issueCodes();
    const page = await openPage(pageId, { activityId: 'act-1', phase: 'in' });
    expect(sentInputs('activity.checkin.code')).toEqual([
      { activityId: 'act-1', phase: 'in', clientRequestId: expect.any(String) },
    ]);
    expect(ariaOf(find(page, '#code-image'), 'src')).toBe('data:image/png;base64,QR1');
    expect(textOf(find(page, '#code-title'))).toContain('扫码签到');
    expect(textOf(find(page, '#countdown'))).toContain('60 秒内有效');

    jest.advanceTimersByTime(5_000);
    await settle();
    expect(textOf(find(page, '#countdown'))).toContain('55 秒内有效');
  });

  it('should ask for a fresh code every 15 seconds, each a new request', async () => {
    issueCodes();
    const page = await openPage(pageId, { activityId: 'act-1' });
    jest.advanceTimersByTime(15_000);
    await settle();
    expect(imageSrc(page)).toBe('data:image/png;base64,QR2');
    expect(textOf(find(page, '#countdown'))).toContain('60 秒内有效');
    const ids = sentInputs('activity.checkin.code').map((i) => i['clientRequestId']);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('should give a new code at once with 换一个码, and the check-out code on the switch', async () => {
    issueCodes();
    const page = await openPage(pageId, { activityId: 'act-1' });
    await tapButton(page, '#renew');
    expect(imageSrc(page)).toBe('data:image/png;base64,QR2');

    await tap(page, '#phase-out');
    expect(sentInputs('activity.checkin.code').at(-1)).toMatchObject({ phase: 'out' });
    expect(textOf(find(page, '#code-title'))).toContain('扫码签退');
    expect(imageSrc(page)).toBe('data:image/png;base64,QR3');
  });

  it('should ask nothing while hidden, and again when shown', async () => {
    issueCodes();
    const page = await openPage(pageId, { activityId: 'act-1' });
    const lifetimes = page as unknown as { triggerPageLifeTime(name: string): void };
    lifetimes.triggerPageLifeTime('hide');
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(sentInputs('activity.checkin.code')).toHaveLength(1);
    lifetimes.triggerPageLifeTime('show');
    await settle();
    expect(sentInputs('activity.checkin.code')).toHaveLength(2);
  });

  it('should say when check-in is not open, with a retry', async () => {
    volunteerFail(
      'activity.checkin.code',
      'ACTIVITY_CHECKIN_NOT_OPEN',
      VOLUNTEER_ERRORS.ACTIVITY_CHECKIN_NOT_OPEN,
    );
    const page = await openPage(pageId, { activityId: 'act-1' });
    expect(textOf(find(page, '#state'))).toContain(VOLUNTEER_ERRORS.ACTIVITY_CHECKIN_NOT_OPEN);
    jest.advanceTimersByTime(30_000);
    await settle();
    expect(sentInputs('activity.checkin.code')).toHaveLength(1);
    issueCodes();
    await tapButton(find(page, '#state'), '#state-action');
    expect(imageSrc(page)).toBe('data:image/png;base64,QR1');
  });
});
