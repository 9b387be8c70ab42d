/**
 * 我的投诉 is reachable from 我的 (the 消息 group's 我的投诉), as well as from an order's 订单详情
 * (order-detail-care.test.ts).
 */
import { fakeCloud } from './support/fake-cloud';
import { loadPage, openPage, tapCell, textOf, find } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('我的 · 我的投诉', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/profile/profile');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('profile', 'profile.get', {
      nickname: '李阿姨',
      phone: null,
      homeUnitId: null,
      homeUnitName: null,
    });
    fakeCloud.ok('profile', 'message.list', {
      items: [],
      total: 0,
      unread: 0,
      page: 1,
      pageSize: 1,
      hasMore: false,
    });
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should open 我的投诉 from 我的', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#complaints'))).toContain('我的投诉');
    await tapCell(page, '#complaints');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/concerns/pages/complaints/complaints' });
  });
});
