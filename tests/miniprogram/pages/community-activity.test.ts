/**
 * 活动详情 on its real WXML: only the buttons `actions` (and `signupAs`) allow, for a resident, a volunteer, one
 * signed up, one at the activity, one who took part and the organiser; sign-up as each kind; a full activity;
 * the scan sent to activity.checkin as read, its success and each refusal shown in the function's Chinese
 * words; 评价; the organiser's 名单, 确认时长, 取消活动 and 出示签到码.
 */
import { VOLUNTEER_ERRORS } from '../../../core/volunteers/volunteer.errors';
import { fakeCloud } from './support/fake-cloud';
import { T0 } from './support/replies';
import { find, loadPage, noticeText, openPage, tap, tapButton, textOf, change } from './support/page-harness';
import {
  END,
  START,
  activityDetail,
  attendance,
  attendanceRow,
  checkinResult,
  installDevice,
  mySignup,
  sentInputs,
  volunteerFail,
  volunteerOk,
} from './community-support';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const device = installDevice();

beforeEach(() => {
  fakeCloud.reset();
  device.reset();
  // The day before the activity (the page reads the clock for what may still be done).
  jest.spyOn(Date, 'now').mockReturnValue(T0);
});
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

const BUTTONS = [
  '#signup-resident',
  '#signup-volunteer',
  '#scan',
  '#open-rate',
  '#cancel-signup',
  '#organiser',
  '#open-cancel',
] as const;

type Page = Awaited<ReturnType<typeof openPage>>;
const buttonsShown = (page: Page) => BUTTONS.filter((id) => page.querySelector(id) !== undefined);

function confirmDialogs(): void {
  jest.spyOn(wx, 'showModal').mockImplementation((o: WechatMiniprogram.ShowModalOption) => {
    o.success?.({ confirm: true, cancel: false, content: '', errMsg: 'showModal:ok' });
    return undefined as never;
  });
}

describe('活动详情', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/activity/activity');
  });

  it('should show the activity in Shanghai time with its places', async () => {
    volunteerOk('activity.detail', activityDetail());
    const page = await openPage(pageId, { activityId: 'act-1' });
    expect(sentInputs('activity.detail')).toEqual([{ activityId: 'act-1' }]);
    expect(textOf(find(page, '#title'))).toBe('义务理发进小区');
    expect(textOf(find(page, '#time'))).toContain('11-30 09:00–11:00');
    expect(textOf(find(page, '#places'))).toContain('剩余 12 个名额');
    expect(textOf(find(page, '#capacity'))).toContain('居民 18/30 人，志愿者 2/5 人');
  });

  it.each([
    ['a resident, before the deadline', {}, ['#signup-resident']],
    [
      'a volunteer, who may take either place',
      { signupAs: ['resident', 'volunteer'] as const },
      ['#signup-resident', '#signup-volunteer'],
    ],
    [
      'one signed up, before the start',
      { actions: ['cancel_signup'], mySignup: mySignup() },
      ['#cancel-signup'],
    ],
    ['one at the activity', { actions: ['checkin'], mySignup: mySignup() }, ['#scan']],
    ['a resident who took part, after the end', { actions: ['rate'], mySignup: mySignup() }, ['#open-rate']],
    ['the organiser', { actions: ['manage'], signupAs: [] }, ['#organiser', '#open-cancel']],
    ['anyone, on a full activity', { actions: [], signupAs: [] }, []],
  ] as const)('should show %s only the buttons actions allows', async (_who, overrides, shown) => {
    volunteerOk('activity.detail', activityDetail(overrides as Parameters<typeof activityDetail>[0]));
    const page = await openPage(pageId, { activityId: 'act-1' });
    expect(buttonsShown(page)).toEqual(shown);
    if (shown.length === 0) expect(textOf(find(page, '#no-action'))).toContain('现在不能报名');
  });

  it('should sign up as a resident, then show the sign-up', async () => {
    volunteerOk('activity.detail', activityDetail());
    volunteerOk('activity.signup', {
      activityId: 'act-1',
      kind: 'resident',
      status: 'signed',
      placesLeft: 11,
      volunteerPlacesLeft: 3,
      volunteerNo: null,
    });
    const page = await openPage(pageId, { activityId: 'act-1' });
    volunteerOk(
      'activity.detail',
      activityDetail({ actions: ['cancel_signup'], signupAs: [], mySignup: mySignup() }),
    );
    await tapButton(page, '#signup-resident');
    expect(sentInputs('activity.signup')).toEqual([
      { activityId: 'act-1', as: 'resident', clientRequestId: expect.any(String) },
    ]);
    expect(noticeText(page)).toContain('报名成功');
    expect(textOf(find(page, '#mine'))).toBe('已报名（居民）');
    expect(buttonsShown(page)).toEqual(['#cancel-signup']);
  });

  it('should sign up as a volunteer and say the volunteer number', async () => {
    volunteerOk('activity.detail', activityDetail({ signupAs: ['resident', 'volunteer'] }));
    volunteerOk('activity.signup', {
      activityId: 'act-1',
      kind: 'volunteer',
      status: 'signed',
      placesLeft: 12,
      volunteerPlacesLeft: 2,
      volunteerNo: 'YL2026000012',
    });
    const page = await openPage(pageId, { activityId: 'act-1' });
    await tapButton(page, '#signup-volunteer');
    expect(sentInputs('activity.signup')[0]).toMatchObject({ as: 'volunteer' });
    expect(noticeText(page)).toContain('志愿者编号 YL2026000012');
  });

  it('should say a place taken meanwhile in the function’s words', async () => {
    volunteerOk('activity.detail', activityDetail());
    volunteerFail('activity.signup', 'ACTIVITY_FULL', VOLUNTEER_ERRORS.ACTIVITY_FULL);
    const page = await openPage(pageId, { activityId: 'act-1' });
    await tapButton(page, '#signup-resident');
    expect(noticeText(page)).toBe('名额已满');
  });

  it('should cancel the sign-up after the resident confirms', async () => {
    confirmDialogs();
    volunteerOk('activity.detail', activityDetail({ actions: ['cancel_signup'], mySignup: mySignup() }));
    volunteerOk('activity.signup.cancel', {
      activityId: 'act-1',
      kind: 'resident',
      status: 'cancelled',
      placesLeft: 13,
      volunteerPlacesLeft: 3,
      volunteerNo: null,
    });
    const page = await openPage(pageId, { activityId: 'act-1' });
    await tapButton(page, '#cancel-signup');
    expect(sentInputs('activity.signup.cancel')).toEqual([
      { activityId: 'act-1', clientRequestId: expect.any(String) },
    ]);
    expect(noticeText(page)).toBe('已取消报名');
  });

  describe('扫码签到', () => {
    const atTheActivity = (checkInAt: number | null = null) =>
      volunteerOk(
        'activity.detail',
        activityDetail({ actions: ['checkin'], mySignup: mySignup({ checkInAt }) }),
      );

    it('should send what the camera read, and say the check-in', async () => {
      atTheActivity();
      volunteerOk('activity.checkin', checkinResult());
      const page = await openPage(pageId, { activityId: 'act-1' });
      device.scanned = 'c0ffee00c0ffee00c0ffee00c0ffee00';
      await tapButton(page, '#scan');
      expect(sentInputs('activity.checkin')).toEqual([
        { code: 'c0ffee00c0ffee00c0ffee00c0ffee00', clientRequestId: expect.any(String) },
      ]);
      expect(noticeText(page)).toBe('签到成功（08:50）：义务理发进小区');
    });

    it('should say the check-out with the minutes served', async () => {
      atTheActivity(START - 15 * 60_000);
      volunteerOk('activity.checkin', checkinResult({ phase: 'out', at: END, minutes: 135 }));
      const page = await openPage(pageId, { activityId: 'act-1' });
      expect(textOf(find(page, '#scan'))).toBe('扫码签退');
      device.scanned = 'c0ffee00c0ffee00c0ffee00c0ffee01';
      await tapButton(page, '#scan');
      expect(noticeText(page)).toContain('签退成功（11:00），本次服务 2 小时 15 分钟');
    });

    it.each([
      'CHECKIN_CODE_EXPIRED',
      'CHECKIN_CODE_USED',
      'CHECKIN_CODE_INVALID',
      'ACTIVITY_NOT_SIGNED',
      'ACTIVITY_CHECKIN_NOT_OPEN',
      'ACTIVITY_ALREADY_CHECKED_IN',
      'ACTIVITY_ALREADY_CHECKED_OUT',
    ] as const)('should show the refusal %s in the function’s Chinese words', async (code) => {
      const message = VOLUNTEER_ERRORS[code];
      atTheActivity();
      volunteerFail('activity.checkin', code, message);
      const page = await openPage(pageId, { activityId: 'act-1' });
      device.scanned = 'c0ffee00c0ffee00c0ffee00c0ffee00';
      await tapButton(page, '#scan');
      expect(noticeText(page)).toBe(message);
    });

    it('should send nothing when the scanner is closed', async () => {
      atTheActivity();
      const page = await openPage(pageId, { activityId: 'act-1' });
      device.scanned = null;
      await tapButton(page, '#scan');
      expect(device.scans).toBe(1);
      expect(sentInputs('activity.checkin')).toEqual([]);
      expect(noticeText(page)).toBe('');
    });
  });

  it('should rate with the stars chosen and the text', async () => {
    volunteerOk('activity.detail', activityDetail({ actions: ['rate'], mySignup: mySignup() }));
    volunteerOk('activity.rate', { activityId: 'act-1', stars: 4, ratingCount: 9 });
    const page = await openPage(pageId, { activityId: 'act-1' });
    await tapButton(page, '#open-rate');
    await tapButton(page, '#form-submit');
    expect(noticeText(page)).toBe('请先点星星评分');
    await tap(page, '#star-4');
    expect(textOf(find(page, '#stars-text'))).toContain('已选 4 星');
    await change(page, '#form-text', { value: '师傅手艺好' });
    await tapButton(page, '#form-submit');
    expect(sentInputs('activity.rate')).toEqual([
      { activityId: 'act-1', stars: 4, text: '师傅手艺好', clientRequestId: expect.any(String) },
    ]);
    expect(noticeText(page)).toBe('感谢您的评价');
    expect(page.querySelector('#form-rate')).toBeUndefined();
  });

  describe('the organiser', () => {
    const organiser = () =>
      volunteerOk('activity.detail', activityDetail({ actions: ['manage'], signupAs: [] }));

    it('should open the check-in and check-out codes', async () => {
      organiser();
      const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
      const page = await openPage(pageId, { activityId: 'act-1' });
      await tapButton(page, '#show-code-in');
      expect(navigate).toHaveBeenCalledWith({
        url: '/packages/community/pages/checkin-code/checkin-code?activityId=act-1&phase=in',
      });
      await tapButton(page, '#show-code-out');
      expect(navigate).toHaveBeenLastCalledWith({
        url: '/packages/community/pages/checkin-code/checkin-code?activityId=act-1&phase=out',
      });
    });

    it('should show the attendance with phones as the function gives them', async () => {
      organiser();
      volunteerOk(
        'activity.attendance',
        attendance([
          attendanceRow(),
          attendanceRow({
            signupId: 'act-1_r1',
            kind: 'resident',
            kindLabel: '居民',
            name: '黄阿姨',
            phone: '139****0001',
            phoneMasked: true,
            volunteerNo: null,
            checkInAt: null,
            checkOutAt: null,
            minutes: null,
          }),
        ]),
      );
      const page = await openPage(pageId, { activityId: 'act-1' });
      await tapButton(page, '#attendance');
      expect(textOf(find(page, '#attendance-list'))).toContain('名单（2 人）');
      const volunteer = textOf(find(page, '#attendee-act-1_v1'));
      expect(volunteer).toContain('李志明（志愿者） YL2026000012');
      expect(volunteer).toContain('签到 08:40 · 签退 11:10 · 服务 2 小时 30 分钟');
      expect(textOf(find(page, '#attendee-act-1_r1'))).toContain('电话：139****0001');
      expect(textOf(find(page, '#attendee-act-1_r1'))).toContain('未签到');
    });

    it('should confirm the hours typed for the volunteers who checked in', async () => {
      organiser();
      volunteerOk(
        'activity.attendance',
        attendance([attendanceRow(), attendanceRow({ signupId: 'act-1_v2', name: '王芳', minutes: 100 })]),
      );
      volunteerOk('activity.hours.confirm', {
        activityId: 'act-1',
        credited: 2,
        corrections: 0,
        unchanged: 0,
        totalMinutes: 220,
      });
      const page = await openPage(pageId, { activityId: 'act-1' });
      await tapButton(page, '#open-hours');
      expect(find(page, '#hours-hint')).toBeDefined();
      await change(page, '#minutes-act-1_v1', { value: '120' });
      await tapButton(page, '#form-submit');
      expect(sentInputs('activity.hours.confirm')).toEqual([
        {
          activityId: 'act-1',
          entries: [
            { signupId: 'act-1_v1', minutes: 120 },
            { signupId: 'act-1_v2', minutes: 100 },
          ],
          clientRequestId: expect.any(String),
        },
      ]);
      expect(noticeText(page)).toBe('服务时长已确认：新记录 2 条，更正 0 条，未变 0 条');
    });

    it('should cancel the activity with a reason, and not without one', async () => {
      organiser();
      volunteerOk('activity.cancel', { activityId: 'act-1', status: 'cancelled' });
      const page = await openPage(pageId, { activityId: 'act-1' });
      await tapButton(page, '#open-cancel');
      await tapButton(page, '#form-submit');
      expect(noticeText(page)).toBe('请填写取消原因，报名的人会收到通知');
      expect(sentInputs('activity.cancel')).toEqual([]);
      volunteerOk(
        'activity.detail',
        activityDetail({
          actions: ['manage'],
          status: 'cancelled',
          statusLabel: '已取消',
          cancelReason: '暴雨预警',
        }),
      );
      await change(page, '#form-text', { value: '暴雨预警' });
      await tapButton(page, '#form-submit');
      expect(sentInputs('activity.cancel')).toEqual([
        { activityId: 'act-1', reason: '暴雨预警', clientRequestId: expect.any(String) },
      ]);
      expect(noticeText(page)).toBe('活动已取消，报名的人会收到通知');
      expect(textOf(find(page, '#cancel-reason'))).toBe('活动已取消：暴雨预警');
      expect(page.querySelector('#open-cancel')).toBeUndefined();
    });
  });

  it('should say an activity it cannot find, with the way back to the list', async () => {
    volunteerFail('activity.detail', 'ACTIVITY_NOT_FOUND', VOLUNTEER_ERRORS.ACTIVITY_NOT_FOUND);
    const page = await openPage(pageId, { activityId: 'act-x' });
    expect(textOf(find(page, '#state'))).toContain('活动不存在或您无权查看');
  });
});
