/**
 * The paged-list behavior with a filter, on 红星榜's real WXML (miniprogram/behaviors/paged-list.behavior.ts):
 * a next page that comes back after another item was chosen is dropped, and the new item's list can still be
 * read further (加载更多 is there, not a 正在加载更多 that never ends).
 */
import { CATALOG, boardPage, boardRow, providersOk } from './governance-support';
import { fakeCloud } from './support/fake-cloud';
import { fakeStorage, find, loadPage, openPage, settle, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

/** `n` rows from rank `from`, of one item. */
const rows = (from: number, n: number, itemName: string) =>
  Array.from({ length: n }, (_, i) => boardRow({ rank: from + i, providerId: `prov-${from + i}`, itemName }));

describe('红星榜, another item chosen while the next page loads', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/providers/pages/board/board');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeStorage();
    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should drop the old item’s next page and keep 加载更多 for the new item', async () => {
    providersOk('provider.board', (input) =>
      input['itemId'] === 'item-repair'
        ? boardPage(rows(1, 20, '家电维修'), 25, Number(input['page']))
        : boardPage(rows(Number(input['page']) === 1 ? 1 : 21, 20, '家庭保洁'), 45, Number(input['page'])),
    );
    const page = await openPage(pageId);
    // 加载更多 and, before its page comes back, another item.
    find(find(page, '#more'), '.t-button').dispatchEvent('tap');
    find(page, '#filter-item-repair').dispatchEvent('tap');
    await settle();

    expect(fakeCloud.sent('provider.board').map((c) => c.input)).toEqual([
      { page: 1, pageSize: 20 },
      { page: 2, pageSize: 20 },
      { itemId: 'item-repair', page: 1, pageSize: 20 },
    ]);
    expect(textOf(find(page, '#row-0'))).toContain('家电维修');
    expect(page.querySelector('#row-20')).toBeUndefined();
    expect(textOf(find(page, '#more'))).toContain('加载更多');
  });
});
