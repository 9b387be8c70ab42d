/**
 * The way to the public governance pages from the home page: the row 红星榜 / 入驻公示 under the concerns'
 * row, each opening its page of the providers subpackage, in 标准模式 and 长辈模式 alike.
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

const CATALOG: CatalogListReply = { categories: [], page: 1, pageSize: 50, hasMore: false };

describe('首页 · 红星榜 / 入驻公示', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('pages/home/home');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each(['off', 'on'])('should open 红星榜 and 入驻公示 (长辈模式 %s)', async (elder) => {
    fakeStorage().set('elderMode', elder);
    const page = await openPage(pageId);
    expect(rootClasses(page).includes('elder')).toBe(elder === 'on');
    expect(textOf(find(page, '#providers-entry'))).toBe('红星榜入驻公示');
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    await tapButton(page, '#red-star-board');
    await tapButton(page, '#provider-notices');
    expect(navigate.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/providers/pages/board/board',
      '/packages/providers/pages/notices/notices',
    ]);
  });
});
