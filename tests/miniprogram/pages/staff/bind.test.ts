/** 绑定服务机构 on its real WXML: the invite code, with consent for job reminders at the same tap. */
import { takeNotice } from '../../../../miniprogram/utils/notice';
import { fakeCloud } from '../support/fake-cloud';
import { change, loadPage, openPage, tapButton, noticeText } from '../support/page-harness';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

describe('绑定服务机构', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/bind/bind');
  });

  beforeEach(() => fakeCloud.reset());
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should bind with the invite code and open the workbench', async () => {
    fakeCloud.ok('jobs', 'provider.staff.bind', {
      providerId: 'prov-1',
      providerName: '邻里家电维修服务部',
      position: 'member',
    });
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openPage(pageId);

    await change(page, '#invite-code', { value: ' ab12cd34 ' });
    await tapButton(page, '#bind');

    expect(fakeCloud.subscribeRequests).toEqual([['TPL_ORDER_NEW', 'TPL_FOLLOWUP_DUE']]);
    expect(fakeCloud.sent('provider.staff.bind')[0]!.input).toEqual({
      inviteCode: 'AB12CD34',
      clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
    expect(takeNotice('/packages/staff/pages/jobs/jobs')).toEqual({
      text: '已绑定邻里家电维修服务部，可以接单了',
      kind: 'success',
    });
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/staff/pages/jobs/jobs' }),
    );
    redirectTo.mockRestore();
  });

  it('should refuse a malformed code without calling the function', async () => {
    const page = await openPage(pageId);
    await change(page, '#invite-code', { value: '12' });
    await tapButton(page, '#bind');

    expect(noticeText(page)).toBe('邀请码为 6 到 12 位字母或数字');
    expect(fakeCloud.calls).toEqual([]);
  });
});
