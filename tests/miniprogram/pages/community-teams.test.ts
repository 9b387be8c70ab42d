/**
 * 微团队 on its real WXML: my community's teams (bond, services, masked leader, members and hours), a page at a
 * time, a tap opening one; empty and error states; 长辈模式. 团队详情: community-team.test.ts.
 */
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  openPage,
  rootClasses,
  tap,
  tapButton,
  textOf,
} from './support/page-harness';
import { teamFail, teamItem, teamOk, teamPage } from './team-replies';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

beforeEach(() => fakeCloud.reset());
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

const inputs = (command: string) => fakeCloud.sent(command).map((c) => c.input);

describe('微团队', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/teams/teams');
  });

  it('lists the community’s teams with bond, services, the masked leader, members and hours; a tap opens one', async () => {
    teamOk('team.list', teamPage([teamItem(), teamItem({ teamId: 'team-2', name: '夜间巡逻队' })]));
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(inputs('team.list')).toEqual([{ page: 1, pageSize: 20 }]);
    const row = textOf(find(page, '#team-team-1'));
    expect(row).toContain('东门银发理发队');
    expect(row).toContain('趣缘');
    expect(row).toContain('理发、修脚');
    expect(row).toContain('队长 王**');
    expect(row).toContain('队员 12 人 · 服务 8 次、36.5 小时');
    expect(textOf(find(page, '#no-more'))).toContain('已显示全部 2 支队伍');
    await tap(page, '#team-team-2');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/community/pages/team/team?teamId=team-2' });
  });

  it('loads the next page with 加载更多', async () => {
    teamOk('team.list', (input) =>
      input['page'] === 1
        ? teamPage([teamItem()], { hasMore: true })
        : teamPage([teamItem({ teamId: 'team-p2', name: '第二页的队伍' })], { page: 2 }),
    );
    const page = await openPage(pageId);
    await tapButton(page, '#more');
    expect(textOf(find(page, '#team-team-p2'))).toContain('第二页的队伍');
    expect(inputs('team.list').map((i) => i['page'])).toEqual([1, 2]);
  });

  it('says when there are none', async () => {
    teamOk('team.list', teamPage([]));
    expect(textOf(find(await openPage(pageId), '#state'))).toContain('本社区还没有微团队');
  });

  it('says why they cannot be read (no community bound)', async () => {
    teamFail(
      'team.list',
      'TEAM_COMMUNITY_REQUIRED',
      '请先在“我的”中绑定所在小区（网格），再查看本社区的志愿服务队',
    );
    expect(textOf(find(await openPage(pageId), '#state'))).toContain('请先在“我的”中绑定所在小区');
  });

  // Last: 长辈模式 stays with the pages opened after it.
  it('follows 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    teamOk('team.list', teamPage([teamItem()]));
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
