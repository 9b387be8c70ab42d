/**
 * 红星榜 on its real WXML: loading, empty (for one item, and for all), error with a retry; rows with their
 * rank, stars (★ and in words) and 差评率 beside them, as provider.board answers them; the item filters from
 * the catalog, each sending its itemId; a page at a time to the end; each row's way to its provider's
 * 考核结果; 长辈模式.
 */
import { CATALOG, boardPage, boardRow, providersFail, providersOk } from './governance-support';
import { openWithoutSettling } from './concern-support';
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

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('红星榜', () => {
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
    jest.restoreAllMocks();
  });

  it('should say what it reads while loading', () => {
    providersOk('provider.board', boardPage([]));
    const page = openWithoutSettling(pageId);
    expect(textOf(find(page, '#state'))).toContain('正在读取红星榜');
  });

  it('should list the rows with rank, stars in marks and words, and 差评率 beside them', async () => {
    providersOk(
      'provider.board',
      boardPage([
        boardRow(),
        boardRow({
          rank: 2,
          providerId: 'prov-2',
          providerName: '城南助老服务站',
          starLevel: 3,
          lowRatingRate: null,
          ratingCount: 0,
        }),
      ]),
    );
    const page = await openPage(pageId);

    expect(fakeCloud.sent('provider.board').map((c) => c.input)).toEqual([{ page: 1, pageSize: 20 }]);
    const first = textOf(find(page, '#row-0'));
    expect(first).toContain('1');
    expect(first).toContain('玉州区邻里家电维修服务部');
    expect(first).toContain('★★★★☆');
    expect(first).toContain('4 星');
    expect(first).toContain('差评率 4.8%');
    expect(first).toContain('家庭保洁 · 城南社区 · 42 条评价');
    const second = textOf(find(page, '#row-1'));
    expect(second).toContain('★★★☆☆');
    expect(second).toContain('暂无评价');
    expect(textOf(find(page, '#no-more'))).toContain('已显示全部 2 条');
  });

  it('should filter by item, sending its itemId, and say when an item has nobody on the board', async () => {
    providersOk('provider.board', (input) =>
      input['itemId'] === 'item-repair' ? boardPage([]) : boardPage([boardRow()]),
    );
    const page = await openPage(pageId);
    expect(textOf(page)).toContain('家电维修');
    await tap(page, '#filter-item-repair');

    expect(fakeCloud.sent('provider.board').map((c) => c.input)).toEqual([
      { page: 1, pageSize: 20 },
      { itemId: 'item-repair', page: 1, pageSize: 20 },
    ]);
    expect(textOf(find(page, '#filter-item-repair'))).toContain('✓');
    expect(textOf(find(page, '#state'))).toContain('这个服务项目还没有三星及以上的服务机构');
  });

  it('should say when nobody is on the board yet', async () => {
    providersOk('provider.board', boardPage([]));
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('还没有三星及以上的服务机构上榜');
  });

  it('should say why the board could not be read, with a retry', async () => {
    providersFail('provider.board', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');

    providersOk('provider.board', boardPage([boardRow()]));
    await tapButton(find(page, '#state'), '#state-action');
    expect(find(page, '#row-0')).toBeDefined();
  });

  it('should read the next page to the end of the list', async () => {
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => boardRow({ rank: from + i, providerId: `prov-${from + i}` }));
    providersOk('provider.board', (input) =>
      input['page'] === 1 ? boardPage(rows(1, 20), 25, 1) : boardPage(rows(21, 5), 25, 2),
    );
    const page = await openPage(pageId);
    expect(page.querySelector('#row-20')).toBeUndefined();
    await tapButton(page, '#more');
    expect(textOf(find(page, '#row-24'))).toContain('玉州区邻里家电维修服务部');
    expect(textOf(find(page, '#no-more'))).toContain('已显示全部 25 条');
  });

  it('should open each row’s provider’s 考核结果', async () => {
    providersOk(
      'provider.board',
      boardPage([boardRow(), boardRow({ rank: 2, providerId: 'prov-2', providerName: '城南助老服务站' })]),
    );
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#results-1'))).toBe('考核结果');
    await tapButton(page, '#results-1');
    expect(navigate).toHaveBeenLastCalledWith({
      url: `/packages/providers/pages/results/results?providerId=prov-2&name=${encodeURIComponent('城南助老服务站')}`,
    });
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('provider.board', boardPage([boardRow()]));
    const page = await openPage(pageId);
    expect(rootClasses(page)).toContain('elder');
  });
});
