/**
 * 志愿服务 and 微团队 on 首页 (its real WXML): a section of its own below the concerns' and providers' rows, opening
 * the activities and the teams of the community subpackage.
 */
import type { CatalogListReply } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, openPage, tapButton, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const CATALOG: CatalogListReply = { categories: [], page: 1, pageSize: 50, hasMore: false };

afterEach(() => {
  // Only the entry is under test: the home page's other reads (its own tests script them) may go unanswered.
  jest.restoreAllMocks();
});

test('首页的 志愿服务 and 微团队 open the community’s activities and teams', async () => {
  const pageId = loadPage('pages/home/home');
  fakeCloud.reset();
  fakeCloud.ok('catalog', 'catalog.list', CATALOG);
  const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
  const page = await openPage(pageId);
  expect(textOf(find(page, '#community-entry'))).toContain('志愿服务');
  expect(textOf(find(page, '#community-entry'))).toContain('微团队');
  await tapButton(page, '#volunteer-activities');
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/community/pages/activities/activities' });
  await tapButton(page, '#volunteer-teams');
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/community/pages/teams/teams' });
});
