/**
 * 志愿活动 on its real WXML: the upcoming activities of the caller's community as rows (title, Shanghai time,
 * place, places left), 我报名的 with where each sign-up stands, 我组织的 only for those who organise something;
 * loading, empty and error states; a tap opens the activity; 长辈模式.
 */
import { fakeCloud } from './support/fake-cloud';
import {
  ariaOf,
  fakeStorage,
  find,
  loadPage,
  openPage,
  rootClasses,
  tap,
  tapButton,
  textOf,
} from './support/page-harness';
import {
  activityItem,
  activityPage,
  mySignup,
  sentInputs,
  volunteerDropOnce,
  volunteerOk,
} from './community-support';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

beforeEach(() => fakeCloud.reset());
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

const byView = (pages: Record<string, ReturnType<typeof activityPage>>) =>
  volunteerOk('activity.list', (input) => pages[String(input['view'])] ?? activityPage([]));

describe('志愿活动', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/activities/activities');
  });

  it('should list the upcoming activities with time, place and places left', async () => {
    byView({
      upcoming: activityPage([
        activityItem(),
        activityItem({ activityId: 'act-2', title: '楼道清洁', placesLeft: 0, volunteerPlacesLeft: 0 }),
      ]),
    });
    const page = await openPage(pageId);
    expect(sentInputs('activity.list')).toEqual([
      { view: 'upcoming', page: 1, pageSize: 20 },
      { view: 'organised', page: 1, pageSize: 20 },
    ]);
    const first = textOf(find(page, '#activity-act-1'));
    expect(first).toContain('义务理发进小区');
    expect(first).toContain('时间：11-30 09:00–11:00');
    expect(first).toContain('地点：金港花园活动室');
    expect(first).toContain('剩余 12 个名额，志愿者名额 3 个');
    expect(textOf(find(page, '#activity-act-2'))).toContain('居民名额已满');
    expect(ariaOf(find(page, '#activity-act-1'), 'ariaRole')).toBe('button');
    // Not an organiser: two tabs.
    expect(page.querySelector('#tab-organised')).toBeUndefined();
    expect(textOf(find(page, '#no-more'))).toBe('已显示全部 2 条');
  });

  it('should show 我组织的 to an organiser, and each tab’s own list', async () => {
    byView({
      upcoming: activityPage([activityItem()]),
      mine: activityPage([activityItem({ activityId: 'act-3', mySignup: mySignup({ kind: 'volunteer' }) })]),
      organised: activityPage([activityItem({ activityId: 'act-9', title: '义诊' })]),
    });
    const page = await openPage(pageId);
    expect(textOf(find(page, '#tab-organised'))).toBe('我组织的');

    await tap(page, '#tab-mine');
    expect(textOf(find(page, '#activity-act-3'))).toContain('已报名（志愿者）');
    expect(ariaOf(find(page, '#tab-mine'), 'ariaSelected')).toBe(true);

    await tap(page, '#tab-organised');
    expect(textOf(find(page, '#activity-act-9'))).toContain('义诊');
  });

  it('should show the loading, empty and error states', async () => {
    byView({});
    const empty = await openPage(pageId);
    expect(textOf(find(empty, '#state'))).toContain('社区近期还没有志愿活动');

    const mine = await openPage(pageId, { view: 'mine' });
    expect(textOf(find(mine, '#state'))).toContain('您还没有报名志愿活动');
    await tapButton(find(mine, '#state'), '#state-action');
    expect(textOf(find(mine, '#tab-upcoming'))).toContain('✓');

    fakeCloud.reset();
    volunteerDropOnce('activity.list');
    byView({ upcoming: activityPage([activityItem()]) });
    const failed = await openPage(pageId);
    expect(textOf(find(failed, '#state'))).toContain('无法连接本地云');
    await tapButton(find(failed, '#state'), '#state-action');
    expect(find(failed, '#activity-act-1')).toBeDefined();
  });

  it('should open the activity tapped, and 我的志愿服务', async () => {
    byView({ upcoming: activityPage([activityItem()]) });
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    await tap(page, '#activity-act-1');
    expect(navigate).toHaveBeenCalledWith({
      url: '/packages/community/pages/activity/activity?activityId=act-1',
    });
    await tapButton(page, '#my-hours');
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/community/pages/my-hours/my-hours' });
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    byView({ upcoming: activityPage([activityItem()]) });
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
