/**
 * 心愿墙 on its real WXML: the community's concerns (concern.list view wall) a page at a time to the end, with
 * status, level and 我也关心 count; the 可认领 tab (view open) only for those the function lets list it;
 * loading, empty (with 提交诉求), error (with a retry) and data states; a row opening the detail and, back from
 * it, only that row read again; 长辈模式.
 */
import {
  concernFail,
  concernOk,
  detail,
  listItem,
  listPage,
  refuseListView,
  rows,
  openWithoutSettling,
} from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  ariaOf,
  fakeStorage,
  find,
  loadPage,
  noticeText,
  openPage,
  rootClasses,
  showAgain,
  tap,
  tapButton,
  tapCell,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const listCalls = () => fakeCloud.sent('concern.list').map((c) => c.input);

beforeEach(() => fakeCloud.reset());
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

describe('心愿墙', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/concerns/pages/wall/wall');
  });

  it('should show the wall with status, level and 我也关心 count', async () => {
    concernOk('concern.list', listPage([listItem()]));
    const page = await openPage(pageId);
    expect(listCalls()).toEqual([
      { view: 'wall', page: 1, pageSize: 20 },
      { view: 'open', page: 1, pageSize: 20 },
    ]);
    const row = find(page, '#concern-concern-1');
    expect(textOf(row)).toContain('楼道灯坏了很久');
    expect(textOf(row)).toContain('已发布待认领');
    expect(textOf(row)).toContain('忧心事 · 社区');
    expect(textOf(row)).toContain('3 人也关心');
    expect(ariaOf(row, 'ariaRole')).toBe('button');
    expect(String(ariaOf(row, 'ariaLabel'))).toMatch(
      /^忧心事，楼道灯坏了很久.*，已发布待认领，社区，3 人也关心，.*查看详情$/,
    );
    expect(textOf(page)).toContain('已显示全部 1 条');
  });

  it('should show the loading state while the list is on its way', async () => {
    concernOk('concern.list', listPage([]));
    const page = openWithoutSettling(pageId);
    expect(textOf(find(page, '#state'))).toContain('正在读取心愿墙');
  });

  it('should show no 可认领 tab to a resident, whom the open list refuses', async () => {
    refuseListView('open');
    concernOk('concern.list', listPage([listItem()]));
    const page = await openPage(pageId);
    expect(listCalls().map((c) => c['view'])).toEqual(['wall', 'open']);
    expect(find(page, '#concern-concern-1')).toBeDefined();
    expect(page.querySelector('#tab-open')).toBeUndefined();
    expect(page.querySelector('#tab-wall')).toBeUndefined();
    expect(page.querySelector('#to-handling')).toBeUndefined();
    expect(noticeText(page)).toBe('');
  });

  it('should offer 可认领 to a claimer and list what they may claim when chosen', async () => {
    concernOk('concern.list', (input) =>
      input['view'] === 'open'
        ? listPage([
            listItem({
              concernId: 'concern-9',
              title: '想请人上门理发',
              level: 'street',
              levelLabel: '街道',
              status: 'escalated',
              statusLabel: '已逐级推送',
              overdue: true,
            }),
          ])
        : listPage([listItem()]),
    );
    const page = await openPage(pageId);
    const tab = find(page, '#tab-open');
    expect(ariaOf(tab, 'ariaRole')).toBe('tab');
    expect(ariaOf(tab, 'ariaLabel')).toBe('可认领');
    expect(ariaOf(find(page, '#tab-wall'), 'ariaLabel')).toBe('心愿墙，已选中');

    await tap(page, '#tab-open');
    expect(listCalls().filter((c) => c['view'] === 'open')).toHaveLength(2);
    const row = textOf(find(page, '#concern-concern-9'));
    expect(row).toContain('已逐级推送');
    expect(row).toContain('街道');
    expect(row).toContain('已超过认领期限');
    expect(page.querySelector('#concern-concern-1')).toBeUndefined();
    expect(textOf(find(page, '#tab-open'))).toBe('✓ 可认领');

    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    await tapButton(page, '#to-handling');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/concerns/pages/handling/handling' });
  });

  it('should say the wall is empty and offer to submit', async () => {
    concernOk('concern.list', listPage([]));
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('社区里还没有公开的忧心事和微心愿');
    await tapButton(find(page, '#state'), '#state-action');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/concerns/pages/submit/submit' });
  });

  it('should say what went wrong and read the wall again on 重新加载', async () => {
    concernFail('concern.list', 'CONCERN_UNIT_REQUIRED', '请先在“我的”中绑定所在小区（网格），再提交诉求');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('请先在“我的”中绑定所在小区（网格）');

    concernOk('concern.list', listPage([listItem()]));
    await tapButton(find(page, '#state'), '#state-action');
    expect(find(page, '#concern-concern-1')).toBeDefined();
  });

  it('should read the wall to its end a page at a time, and open a row, refreshing only it on return', async () => {
    concernOk('concern.list', (input) =>
      input['page'] === 1 ? listPage(rows(1, 20), 25) : listPage(rows(21, 5), 25, 2),
    );
    const page = await openPage(pageId);
    expect(page.querySelector('#concern-concern-21')).toBeUndefined();
    await tapButton(page, '#more');
    expect(find(page, '#concern-concern-25')).toBeDefined();
    expect(textOf(page)).toContain('已显示全部 25 条');

    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    await tapCell(page, '#concern-concern-3');
    expect(navigate).toHaveBeenCalledWith({
      url: '/packages/concerns/pages/detail/detail?concernId=concern-3',
    });

    const before = fakeCloud.calls.length;
    concernOk('concern.detail', detail({ concernId: 'concern-3', title: '第 3 件诉求', supportCount: 4 }));
    await showAgain(page);
    expect(fakeCloud.calls.slice(before).map((c) => c.command)).toEqual(['concern.detail']);
    expect(textOf(find(page, '#concern-concern-3'))).toContain('4 人也关心');
    expect(find(page, '#concern-concern-25')).toBeDefined();
  });

  it('should follow 长辈模式', async () => {
    const storage = fakeStorage();
    storage.set('elderMode', 'on');
    concernOk('concern.list', listPage([listItem()]));
    const page = await openPage(pageId);
    expect(rootClasses(page)).toContain('elder');
  });
});
