/**
 * 我的 on its real WXML: the privacy guide popup before the phone, the home or the nickname is collected,
 * binding a home from the org tree (the page's unit-picker), the phone with consent, the nickname,
 * withdrawing the phone consent, the way to the privacy pages, 长辈模式 (follow WeChat, on, off), a
 * profile that could not be read, and every message kept on the page.
 */
import type { OrgChildrenReply, ProfileGetReply } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
import { installPrivacyCheck } from './support/privacy-check';
import {
  change,
  find,
  loadPage,
  openPage,
  rootClasses,
  settle,
  showAgain,
  type RenderedPage,
  tapButton,
  tapCell,
  tapCheckbox,
  textOf,
  noticeText,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

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
    fakeCloud.ok('profile', 'message.list', {
      items: [],
      total: 3,
      unread: 3,
      page: 1,
      pageSize: 1,
      hasMore: true,
    });
    privacy.reset();
    storage.clear();
    jest.spyOn(wx, 'getStorageSync').mockImplementation((k: string) => storage.get(k) ?? '');
    jest.spyOn(wx, 'setStorageSync').mockImplementation((k: string, v: unknown) => void storage.set(k, v));
    jest.spyOn(wx, 'removeStorageSync').mockImplementation((k: string) => void storage.delete(k));
    jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ ...wx.getAppBaseInfo(), fontSizeSetting: 17 });
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
    expect(noticeText(page)).toBe('需要您同意个人信息保护指引后才能填写电话');
  });

  it('should save a typed phone only with consent', async () => {
    privacy.agreed = true;
    // The function answers the profile as it is now.
    fakeCloud.ok('profile', 'profile.phone.set', { ...PROFILE, phone: '138****1234' });
    const page = await openPage(pageId);
    await tapCell(page, '#phone');

    await change(page, '#phone-input', { value: '13812341234' });
    await tapButton(page, '#phone-save');
    expect(noticeText(page)).toBe('请先阅读并同意《个人信息保护指引》');
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

  describe('长辈模式', () => {
    function choose(page: RenderedPage, value: string) {
      return change(page, '#elder-choice', { value });
    }

    it('should be chosen 始终开启 and remembered, and followed by the privacy guide too', async () => {
      const page = await openPage(pageId);
      expect(rootClasses(page)).toEqual(['page']);
      expect(textOf(find(page, '#elder-status'))).toBe('微信字体为标准大小，长辈模式未开启');

      await choose(page, 'on');

      expect(rootClasses(page)).toEqual(['page', 'elder']);
      expect(storage.get('elderMode')).toBe('on');
      expect(textOf(find(page, '#elder-status'))).toBe('长辈模式已开启');
      const again = await openPage(pageId);
      expect(rootClasses(again)).toEqual(['page', 'elder']);
      expect(again.data['elderChoice']).toBe('on');
    });

    it('should stay off when chosen 始终关闭, whatever the font setting', async () => {
      storage.set('elderMode', 'off');
      jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ ...wx.getAppBaseInfo(), fontSizeSetting: 24 });
      const page = await openPage(pageId);
      expect(rootClasses(page)).toEqual(['page']);
      expect(textOf(find(page, '#elder-status'))).toBe('长辈模式已关闭');
    });

    it('should go back to following WeChat’s font setting', async () => {
      storage.set('elderMode', 'off');
      jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ ...wx.getAppBaseInfo(), fontSizeSetting: 18 });
      const page = await openPage(pageId);
      expect(rootClasses(page)).toEqual(['page']);

      await choose(page, 'follow');

      expect(storage.has('elderMode')).toBe(false);
      expect(rootClasses(page)).toEqual(['page', 'elder']);
      expect(textOf(find(page, '#elder-status'))).toBe('微信字体已调大，长辈模式已开启');
    });

    it('should be followed by another page when it shows again', async () => {
      const page = await openPage(pageId);
      storage.set('elderMode', 'on');
      await showAgain(page);
      expect(rootClasses(page)).toEqual(['page', 'elder']);
    });
  });

  it('should say the profile could not be read, not show it as empty, and read it again', async () => {
    fakeCloud.fail('profile', 'profile.get', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');
    expect(textOf(page)).not.toContain('未填写');
    expect(textOf(page)).not.toContain('未选择');

    fakeCloud.ok('profile', 'profile.get', PROFILE);
    await tapButton(find(page, '#state'), '#state-action');
    expect(page.querySelector('#state')).toBeUndefined();
    expect(textOf(find(page, '#nickname'))).toContain('李阿姨');
  });

  it('should save a nickname with the bound home, after the privacy guide', async () => {
    privacy.agreed = true;
    const bound = { ...PROFILE, homeUnitId: 'jinhu', homeUnitName: '金湖小区' };
    fakeCloud.ok('profile', 'profile.get', bound);
    fakeCloud.ok('profile', 'profile.bind', { ...bound, nickname: '李姨' });
    const page = await openPage(pageId);
    expect(textOf(find(page, '#nickname'))).toContain('李阿姨');

    await tapCell(page, '#nickname');
    await change(page, '#nickname-input', { value: ' 李姨 ' });
    await tapButton(page, '#nickname-save');

    expect(fakeCloud.sent('profile.bind')[0]!.input).toMatchObject({ orgUnitId: 'jinhu', nickname: '李姨' });
    expect(textOf(find(page, '#nickname'))).toContain('李姨');
    expect(page.querySelector('#nickname-form')).toBeUndefined();
  });

  it('should ask for the home before a nickname', async () => {
    const page = await openPage(pageId);
    await tapCell(page, '#nickname');
    expect(noticeText(page)).toBe('请先选择所在小区，再填写称呼');
    expect(page.querySelector('#nickname-form')).toBeUndefined();
  });

  it('should withdraw the phone consent once confirmed, and offer it only with a phone', async () => {
    fakeCloud.ok('profile', 'profile.get', { ...PROFILE, phone: '138****1234' });
    fakeCloud.ok('profile', 'profile.phone.withdraw', PROFILE);
    const answers = [false, true];
    const modal = jest.spyOn(wx, 'showModal').mockImplementation((o: WechatMiniprogram.ShowModalOption) => {
      const confirm = answers.shift()!;
      o.success?.({ confirm, cancel: !confirm, content: '', errMsg: 'showModal:ok' });
      return undefined as never;
    });
    const page = await openPage(pageId);

    await tapCell(page, '#withdraw-phone');
    expect(fakeCloud.sent('profile.phone.withdraw')).toEqual([]);
    await tapCell(page, '#withdraw-phone');

    expect(modal.mock.calls[0]![0]).toMatchObject({ title: '撤回手机号授权' });
    expect(fakeCloud.sent('profile.phone.withdraw')).toHaveLength(1);
    expect(textOf(find(page, '#phone'))).toContain('未填写');
    expect(page.querySelector('#withdraw-phone')).toBeUndefined();
    expect(noticeText(page)).toBe('已删除联系电话');
  });

  it.each([
    ['#my-data', '/packages/privacy/pages/my-data/my-data'],
    ['#privacy-requests', '/packages/privacy/pages/requests/requests'],
    ['#delete-account', '/packages/privacy/pages/account/account'],
  ])('should open %s', async (cell, url) => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    await tapCell(page, cell);
    expect(navigate).toHaveBeenCalledWith({ url });
  });
});
