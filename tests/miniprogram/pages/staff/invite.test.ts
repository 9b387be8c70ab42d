/**
 * 邀请同事 on its real WXML: a provider manager chooses the position, issues a one-time invite code
 * (provider-admin → provider.staff.invite), sees it large with its expiry and copies it (the clipboard
 * through the privacy guide).
 */
import type { StaffInviteReply } from 'weimin-core';
import { fakeCloud } from '../support/fake-cloud';
import {
  change,
  find,
  loadPage,
  openPage,
  rootClasses,
  tapButton,
  textOf,
  noticeText,
  settle,
} from '../support/page-harness';
import { agreeIn, installPrivacyCheck } from '../support/privacy-check';
import { T0 } from '../support/replies';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

const DAY = 24 * 3_600_000;

const issued = (input: { position?: string }): StaffInviteReply => ({
  inviteCode: input.position === 'manager' ? 'MGRK7P2Q' : 'HX4N8TQW',
  position: input.position === 'manager' ? 'manager' : 'member',
  expiresAt: T0 + 7 * DAY,
  providerId: 'prov-1',
  providerName: '邻里家电维修服务部',
});

describe('邀请同事', () => {
  let pageId: string;
  const privacy = installPrivacyCheck();

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/invite/invite');
  });

  beforeEach(() => {
    fakeCloud.reset();
    // Agreed before: the copy goes straight through (the guide's own tests are below).
    privacy.reset();
    privacy.agreed = true;
  });
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should issue a member’s code and show it large with its expiry', async () => {
    fakeCloud.ok('provider-admin', 'provider.staff.invite', issued);
    const page = await openPage(pageId, { providerId: 'prov-1' });
    expect(page.querySelector('#result')).toBeUndefined();
    expect(textOf(find(page, '#issue'))).toBe('生成邀请码');

    await tapButton(page, '#issue');

    expect(fakeCloud.sent('provider.staff.invite')).toEqual([
      {
        name: 'provider-admin',
        command: 'provider.staff.invite',
        input: {
          providerId: 'prov-1',
          position: 'member',
          clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      },
    ]);
    expect(textOf(find(page, '#code'))).toBe('HX4N8TQW');
    expect(textOf(find(page, '#expiry'))).toBe('邻里家电维修服务部 · 成员 · 有效期至 2026-12-06 14:30');
    expect(textOf(find(page, '#issue'))).toBe('再生成一个邀请码');
  });

  it('should invite a 负责人 when chosen, with a new request for each code', async () => {
    fakeCloud.ok('provider-admin', 'provider.staff.invite', issued);
    const page = await openPage(pageId, { providerId: 'prov-1' });
    await change(page, '#position', { value: 'manager' });
    expect(find(page, '#position-manager').data['checked']).toBe(true);

    await tapButton(page, '#issue');
    await tapButton(page, '#issue');

    const sent = fakeCloud.sent('provider.staff.invite');
    expect(sent.map((c) => c.input['position'])).toEqual(['manager', 'manager']);
    expect(sent[0]!.input['clientRequestId']).not.toBe(sent[1]!.input['clientRequestId']);
    expect(textOf(find(page, '#code'))).toBe('MGRK7P2Q');
    expect(textOf(find(page, '#expiry'))).toContain('负责人');
  });

  it('should ask again with the same request when the reply was lost, so one code is issued', async () => {
    fakeCloud.ok('provider-admin', 'provider.staff.invite', issued);
    fakeCloud.dropOnce('provider-admin', 'provider.staff.invite');
    const page = await openPage(pageId, { providerId: 'prov-1' });

    await tapButton(page, '#issue');
    expect(noticeText(page)).toBe('无法连接本地云:request:fail timeout');
    expect(page.querySelector('#result')).toBeUndefined();
    await tapButton(page, '#issue');

    const [first, retry] = fakeCloud.sent('provider.staff.invite');
    expect(retry!.input['clientRequestId']).toBe(first!.input['clientRequestId']);
    expect(textOf(find(page, '#code'))).toBe('HX4N8TQW');
  });

  it('should copy the code', async () => {
    fakeCloud.ok('provider-admin', 'provider.staff.invite', issued);
    const copy = jest.spyOn(wx, 'setClipboardData');
    const page = await openPage(pageId, { providerId: 'prov-1' });
    await tapButton(page, '#issue');

    await tapButton(page, '#copy');
    await settle();

    expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: 'HX4N8TQW' }));
    expect(noticeText(page)).toBe('邀请码已复制');
    copy.mockRestore();
  });

  it('should show the privacy guide before the first copy, and copy once agreed', async () => {
    privacy.agreed = false;
    fakeCloud.ok('provider-admin', 'provider.staff.invite', issued);
    const copy = jest.spyOn(wx, 'setClipboardData');
    const page = await openPage(pageId, { providerId: 'prov-1' });
    await tapButton(page, '#issue');

    await tapButton(page, '#copy');
    expect(find(page, '#privacy').data['visible']).toBe(true);
    expect(copy).not.toHaveBeenCalled();
    agreeIn(find(page, '#privacy'));
    await settle();

    expect(privacy.answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: 'HX4N8TQW' }));
    copy.mockRestore();
  });

  it('should copy nothing when the privacy guide is declined, and say how to pass the code on', async () => {
    privacy.agreed = false;
    fakeCloud.ok('provider-admin', 'provider.staff.invite', issued);
    const copy = jest.spyOn(wx, 'setClipboardData');
    const page = await openPage(pageId, { providerId: 'prov-1' });
    await tapButton(page, '#issue');

    await tapButton(page, '#copy');
    await tapButton(find(page, '#privacy'), '#privacy-disagree');

    expect(copy).not.toHaveBeenCalled();
    expect(noticeText(page)).toBe('未同意个人信息保护指引，请把邀请码抄给同事');
    copy.mockRestore();
  });

  it('should show the function’s refusal and no code', async () => {
    fakeCloud.fail(
      'provider-admin',
      'provider.staff.invite',
      'PERMISSION_DENIED',
      '您没有“邀请或移除机构人员”的权限',
    );
    const page = await openPage(pageId, { providerId: 'prov-1' });
    await tapButton(page, '#issue');

    expect(noticeText(page)).toBe('您没有“邀请或移除机构人员”的权限');
    expect(page.querySelector('#result')).toBeUndefined();
    expect(find(page, '#issue').data['loading']).toBe(false);
  });

  it('should send nobody without a provider, and offer the way back', async () => {
    const navigateBack = jest.spyOn(wx, 'navigateBack').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, {});
    expect(textOf(find(page, '#missing'))).toContain('请从服务机构工作台的“邀请同事加入”进入本页面');
    expect(page.querySelector('#issue')).toBeUndefined();
    expect(fakeCloud.calls).toEqual([]);
    await tapButton(find(page, '#missing'), '#state-action');
    expect(navigateBack).toHaveBeenCalled();
    navigateBack.mockRestore();
  });

  it('should show the page in 长辈模式 once the user turned it on', async () => {
    const stored = jest
      .spyOn(wx, 'getStorageSync')
      .mockImplementation((k: string) => (k === 'elderMode' ? 'on' : ''));
    const page = await openPage(pageId, { providerId: 'prov-1' });
    expect(rootClasses(page)).toEqual(['page', 'elder']);
    stored.mockRestore();
  });
});
