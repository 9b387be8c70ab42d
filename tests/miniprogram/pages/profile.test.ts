/**
 * 我的 on its real WXML: the privacy guide popup before the phone or home is collected, binding a home
 * from the org tree (the page's unit-picker), the phone with consent, and the 长辈模式 switch.
 */
import type { OrgChildrenReply, ProfileGetReply } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
import {
  change,
  find,
  loadPage,
  openPage,
  rootClasses,
  settle,
  tapButton,
  tapCell,
  tapCheckbox,
  textOf,
  toastMessage,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

type PrivacyResolve = (r: { event: string; buttonId?: string }) => void;

/** WeChat's privacy check as the base library runs it: not agreed yet, so the listener is asked. */
function installPrivacyCheck() {
  const state = {
    agreed: false,
    listener: null as ((resolve: PrivacyResolve) => void) | null,
    answers: [] as object[],
  };
  const globals = wx as unknown as Record<string, unknown>;
  globals['onNeedPrivacyAuthorization'] = (listener: (resolve: PrivacyResolve) => void) => {
    state.listener = listener;
  };
  globals['requirePrivacyAuthorize'] = (o: { success?: () => void; fail?: () => void }) => {
    if (state.agreed) return o.success?.();
    state.listener?.((answer) => {
      state.answers.push(answer);
      state.agreed = answer.event === 'agree';
      return state.agreed ? o.success?.() : o.fail?.();
    });
  };
  return state;
}

const PROFILE: ProfileGetReply = { nickname: '李阿姨', phone: null, homeUnitId: null, homeUnitName: null };

describe('我的', () => {
  let pageId: string;
  const privacy = installPrivacyCheck();
  const storage = new Map<string, unknown>();

  beforeAll(() => {
    pageId = loadPage('pages/profile/profile');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('profile', 'profile.get', PROFILE);
    privacy.agreed = false;
    privacy.answers.length = 0;
    storage.clear();
    jest.spyOn(wx, 'getStorageSync').mockImplementation((k: string) => storage.get(k) ?? '');
    jest.spyOn(wx, 'setStorageSync').mockImplementation((k: string, v: unknown) => void storage.set(k, v));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should show the privacy guide before the phone can be typed, and continue once agreed', async () => {
    const page = await openPage(pageId);
    expect(textOf(find(page, '#phone'))).toContain('未填写');

    await tapCell(page, '#phone');
    const popup = find(page, '#privacy');
    expect(popup.data['visible']).toBe(true);
    expect(page.querySelector('#phone-form')).toBeUndefined();

    const agree = find(popup, '#privacy-agree-button');
    (agree.instance as unknown as { triggerEvent(n: string, d: object): void }).triggerEvent(
      'agreeprivacyauthorization',
      {},
    );
    await settle();

    expect(privacy.answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(popup.data['visible']).toBe(false);
    expect(textOf(find(page, '#phone-form'))).toContain('我已阅读并同意《个人信息保护指引》');
  });

  it('should collect nothing when the privacy guide is declined', async () => {
    const page = await openPage(pageId);
    await tapCell(page, '#phone');

    await tapButton(find(page, '#privacy'), '#privacy-disagree');

    expect(privacy.answers).toEqual([{ event: 'disagree' }]);
    expect(page.querySelector('#phone-form')).toBeUndefined();
    expect(toastMessage(page)).toBe('需要您同意个人信息保护指引后才能填写电话');
  });

  it('should save a typed phone only with consent', async () => {
    privacy.agreed = true;
    // The function answers the profile as it is now.
    fakeCloud.ok('profile', 'profile.phone.set', { ...PROFILE, phone: '138****1234' });
    const page = await openPage(pageId);
    await tapCell(page, '#phone');

    await change(page, '#phone-input', { value: '13812341234' });
    await tapButton(page, '#phone-save');
    expect(toastMessage(page)).toBe('请先阅读并同意《个人信息保护指引》');
    expect(fakeCloud.sent('profile.phone.set')).toEqual([]);

    await tapCheckbox(page, '#phone-consent');
    await tapButton(page, '#phone-save');

    expect(fakeCloud.sent('profile.phone.set')).toEqual([
      {
        name: 'profile',
        command: 'profile.phone.set',
        input: {
          method: 'typed',
          phone: '13812341234',
          consent: true,
          clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      },
    ]);
    expect(textOf(find(page, '#phone'))).toContain('138****1234');
    expect(page.querySelector('#phone-form')).toBeUndefined();
  });

  it('should bind the home chosen from the org tree', async () => {
    privacy.agreed = true;
    fakeCloud.ok('catalog', 'org.children', (input: { parentId?: string }): OrgChildrenReply => ({
      units:
        input.parentId === undefined
          ? [{ _id: 'yuzhou', name: '玉州区', level: 'county' }]
          : input.parentId === 'yuzhou'
            ? [{ _id: 'dongmen', name: '东门社区', level: 'community' }]
            : [{ _id: 'jinhu', name: '金湖小区', level: 'grid' }],
    }));
    fakeCloud.ok('profile', 'profile.bind', {
      ...PROFILE,
      homeUnitId: 'jinhu',
      homeUnitName: '玉州区东门社区金湖小区',
    });
    const page = await openPage(pageId);

    await tapCell(page, '#home');
    const picker = find(page, '#unit-picker');
    await tapCell(picker, '#unit-yuzhou');
    await tapCell(picker, '#unit-dongmen');
    expect(textOf(find(picker, '#picker'))).toContain('东门社区（不指定小区）');
    await tapCell(picker, '#unit-jinhu');

    expect(fakeCloud.sent('org.children').map((c) => c.input)).toEqual([
      {},
      { parentId: 'yuzhou' },
      { parentId: 'dongmen' },
    ]);
    expect(fakeCloud.sent('profile.bind')[0]!.input).toMatchObject({ orgUnitId: 'jinhu' });
    expect(textOf(find(page, '#home'))).toContain('玉州区东门社区金湖小区');
    expect(page.querySelector('#unit-picker')).toBeUndefined();
  });

  it('should turn 长辈模式 on with the switch and remember it', async () => {
    const page = await openPage(pageId);
    expect(rootClasses(page)).toEqual(['page']);

    await change(page, '#elder-switch', { value: true });

    expect(rootClasses(page)).toEqual(['page', 'elder']);
    expect(storage.get('elderMode')).toBe('on');
    expect(find(page, '#privacy').data['elder']).toBe(true);

    const again = await openPage(pageId);
    expect(rootClasses(again)).toEqual(['page', 'elder']);
  });

  it('should keep 长辈模式 off when the user switched it off, whatever the font setting', async () => {
    storage.set('elderMode', 'off');
    jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ ...wx.getAppBaseInfo(), fontSizeSetting: 24 });
    const page = await openPage(pageId);
    expect(rootClasses(page)).toEqual(['page']);
  });
});
