/**
 * The concerns' entry on 首页 (its real WXML): 心愿墙, 我的诉求 and 提交诉求, each opening its page of the
 * concerns subpackage, named by its own words for a screen reader, and sized by 长辈模式 like every button.
 */
import type { CatalogListReply } from 'weimin-core';
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

const CATALOG: CatalogListReply = {
  categories: [
    {
      _id: 'cat-convenience',
      name: '便民服务',
      items: [{ _id: 'item-utility-payment', name: '生活缴费', description: '水费代缴', available: true }],
    },
  ],
  page: 1,
  pageSize: 50,
  hasMore: false,
};

describe('首页的忧心事 · 微心愿入口', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/home/home');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it.each([
    ['#concern-wall', '心愿墙', '/packages/concerns/pages/wall/wall'],
    ['#concern-mine', '我的诉求', '/packages/concerns/pages/mine/mine'],
    ['#concern-submit', '提交诉求', '/packages/concerns/pages/submit/submit'],
  ])('%s should say %s and open its page', async (selector, words, url) => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, selector))).toBe(words);
    await tapButton(page, selector);
    expect(navigate).toHaveBeenCalledWith({ url });
  });

  it('should keep the entry in 长辈模式, beside the catalog', async () => {
    fakeStorage().set('elderMode', 'on');
    const page = await openPage(pageId);
    expect(rootClasses(page)).toContain('elder');
    // The section holds the concerns' row, then the providers' (红星榜, 入驻公示: governance-entries.test.ts).
    expect(textOf(find(page, '#concerns-entry'))).toBe('心愿墙我的诉求提交诉求红星榜入驻公示');
    expect(find(page, '#category-cat-convenience')).toBeDefined();
  });
});
