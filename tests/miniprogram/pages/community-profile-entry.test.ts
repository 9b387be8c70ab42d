/** 我的志愿服务 is reachable from 我的 (its real WXML), as well as from 志愿活动. */
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, openPage, tapCell, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

test('我的 opens 我的志愿服务', async () => {
  const pageId = loadPage('pages/profile/profile');
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
  const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
  const page = await openPage(pageId);
  expect(textOf(find(page, '#my-volunteering'))).toContain('我的志愿服务');
  await tapCell(page, '#my-volunteering');
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/community/pages/my-hours/my-hours' });
});
