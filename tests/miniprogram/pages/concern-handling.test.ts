/**
 * 认领/办理 on its real WXML: the concerns the caller handles (concern.list view claimed); loading, empty (the
 * way to 可认领), error (with a retry) and data states; 长辈模式.
 */
import { concernFail, concernOk, listItem, listPage, openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
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

describe('认领/办理', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/concerns/pages/handling/handling');
  });

  it('should list the concerns the caller handles', async () => {
    concernOk(
      'concern.list',
      listPage([listItem({ status: 'claimed', statusLabel: '已认领', claimerName: '李志明' })]),
    );
    const page = await openPage(pageId);
    expect(listCalls()).toEqual([{ view: 'claimed', page: 1, pageSize: 20 }]);
    expect(textOf(find(page, '#concern-concern-1'))).toContain('已认领');
  });

  it('should show the loading, empty and error states', async () => {
    concernOk('concern.list', listPage([]));
    const loading = openWithoutSettling(pageId);
    expect(textOf(find(loading, '#state'))).toContain('正在读取您认领的诉求');

    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const empty = await openPage(pageId);
    expect(textOf(find(empty, '#state'))).toContain('您还没有认领诉求');
    await tapButton(find(empty, '#state'), '#state-action');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/concerns/pages/wall/wall?view=open' });

    concernFail('concern.list', 'PERMISSION_DENIED', '您没有权限进行此操作');
    const failed = await openPage(pageId);
    expect(textOf(find(failed, '#state'))).toContain('您没有权限进行此操作');
    expect(textOf(find(find(failed, '#state'), '#state-action'))).toBe('重新加载');
  });

  it('should follow 长辈模式', async () => {
    const storage = fakeStorage();
    storage.set('elderMode', 'on');
    concernOk('concern.list', listPage([listItem()]));
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
