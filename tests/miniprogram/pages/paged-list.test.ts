/**
 * The paged-list behavior (miniprogram/behaviors/paged-list.behavior.ts) on 入驻公示's real WXML: a next page
 * that fails keeps the rows and says why below them, 重新加载 reads that page again and appends it; reaching
 * the bottom reads the next page once; a pull-down that fails keeps the rows. Its options on 我的投诉:
 * paged-list-options.test.ts (one TDesign page per file: a second page's buttons do not render in the same
 * file).
 */
import { noticeItem, providersFail, providersOk } from './governance-support';
import { fakeCloud } from './support/fake-cloud';
import { fakeStorage, find, loadPage, openPage, settle, tapButton, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

/** Page `n` of 入驻公示: one application (`app-n`), two pages in all. */
const noticePage = (input: Record<string, unknown>) => {
  const n = Number(input['page']);
  return {
    items: [noticeItem({ applicationId: `app-${n}` })],
    total: 2,
    page: n,
    pageSize: 1,
    hasMore: n < 2,
  };
};

interface ListInstance {
  onReachBottom(): void;
  onPullDownRefresh(): void;
}
const listOf = (page: Awaited<ReturnType<typeof openPage>>) => page.instance as unknown as ListInstance;
const pagesSent = (command: string) => fakeCloud.sent(command).map((c) => c.input['page']);

describe('a list read a page at a time', () => {
  let notices: string;

  beforeAll(() => {
    notices = loadPage('packages/providers/pages/notices/notices');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeStorage();
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should keep the rows when the next page fails, and append it on 重新加载', async () => {
    providersOk('provider.notice.list', noticePage);
    const page = await openPage(notices);
    providersFail('provider.notice.list', 'INTERNAL', '系统繁忙，请稍后重试');
    await tapButton(page, '#more');
    expect(find(page, '#notice-app-1')).toBeDefined();
    expect(textOf(find(page, '#more-error'))).toContain('系统繁忙，请稍后重试');

    providersOk('provider.notice.list', noticePage);
    await tapButton(page, '#more-retry');
    expect(pagesSent('provider.notice.list')).toEqual([1, 2, 2]);
    expect(find(page, '#notice-app-2')).toBeDefined();
    expect(page.querySelector('#more-error')).toBeUndefined();
    expect(textOf(find(page, '#no-more'))).toBe('已显示全部 2 家');
  });

  it('should read the next page once at the bottom, and nothing past the end', async () => {
    providersOk('provider.notice.list', noticePage);
    const page = await openPage(notices);
    listOf(page).onReachBottom();
    listOf(page).onReachBottom(); // a second scroll while the page loads asks nothing more
    await settle();
    listOf(page).onReachBottom(); // the end of the list
    await settle();
    expect(pagesSent('provider.notice.list')).toEqual([1, 2]);
    expect(find(page, '#notice-app-2')).toBeDefined();
  });

  it('should keep the rows when a pull-down fails, and say why below them', async () => {
    providersOk('provider.notice.list', noticePage);
    const page = await openPage(notices);
    providersFail('provider.notice.list', 'INTERNAL', '系统繁忙，请稍后重试');
    listOf(page).onPullDownRefresh();
    await settle();
    expect(find(page, '#notice-app-1')).toBeDefined();
    expect(textOf(find(page, '#more-error'))).toContain('系统繁忙，请稍后重试');
  });
});
