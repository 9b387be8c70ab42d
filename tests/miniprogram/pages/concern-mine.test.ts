/**
 * 我的诉求 on its real WXML: the resident's own concerns (concern.list view mine) with their status; loading,
 * empty (with 提交诉求), error (with a retry) and data states; the confirmation the submit page left; 长辈模式.
 */
import { leaveNotice, takeNotice } from '../../../miniprogram/utils/notice';
import { concernDropOnce, concernOk, listItem, listPage, openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  noticeText,
  openPage,
  rootClasses,
  tapButton,
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

describe('我的诉求', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/concerns/pages/mine/mine');
  });

  it('should list the resident’s own concerns with their status', async () => {
    concernOk(
      'concern.list',
      listPage([
        listItem({ concernId: 'c-a', status: 'submitted', statusLabel: '待审核', supportCount: 0 }),
        listItem({
          concernId: 'c-b',
          kind: 'wish',
          kindLabel: '微心愿',
          title: '想请人上门理发',
          status: 'in_progress',
          statusLabel: '办理中',
          claimerName: '银发理发微团队',
        }),
      ]),
    );
    const page = await openPage(pageId);
    expect(listCalls()).toEqual([{ view: 'mine', page: 1, pageSize: 20 }]);
    expect(textOf(find(page, '#concern-c-a'))).toContain('待审核');
    expect(textOf(find(page, '#concern-c-a'))).not.toContain('人也关心');
    expect(textOf(find(page, '#concern-c-b'))).toContain('办理中');
    expect(textOf(find(page, '#concern-c-b'))).toContain('微心愿');
  });

  it('should show the loading, empty and error states', async () => {
    concernOk('concern.list', listPage([]));
    const loading = openWithoutSettling(pageId);
    expect(textOf(find(loading, '#state'))).toContain('正在读取您的诉求');

    const empty = await openPage(pageId);
    expect(textOf(find(empty, '#state'))).toContain('您还没有提交过诉求');
    expect(textOf(find(find(empty, '#state'), '#state-action'))).toBe('提交诉求');

    fakeCloud.reset();
    concernDropOnce('concern.list');
    concernOk('concern.list', listPage([listItem()]));
    const failed = await openPage(pageId);
    expect(textOf(find(failed, '#state'))).toContain('无法连接本地云');
    await tapButton(find(failed, '#state'), '#state-action');
    expect(find(failed, '#concern-concern-1')).toBeDefined();
  });

  it('should show the confirmation the submit page left for it', async () => {
    leaveNotice(
      '/packages/concerns/pages/mine/mine',
      '已提交。社区审核后会公开到心愿墙，办理有进展时会通知您',
    );
    concernOk('concern.list', listPage([listItem({ status: 'submitted', statusLabel: '待审核' })]));
    const page = await openPage(pageId);
    expect(noticeText(page)).toContain('已提交');
    expect(takeNotice('/packages/concerns/pages/mine/mine')).toBeNull();
  });

  it('should follow 长辈模式', async () => {
    const storage = fakeStorage();
    storage.set('elderMode', 'on');
    concernOk('concern.list', listPage([listItem()]));
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
