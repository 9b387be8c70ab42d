/**
 * 首页 on its real WXML: the catalog from catalog.list (every page of it), ticking items, going on to the
 * providers; loading, empty and error states with their way onward; 长辈模式's entry and first-run offer,
 * following WeChat's font setting by scale.
 */
import type { CatalogListReply } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  noticeText,
  openPage,
  rootClasses,
  showAgain,
  tap,
  tapButton,
  tapCheckbox,
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
      items: [
        { _id: 'item-utility-payment', name: '生活缴费', description: '水费、电费代缴', available: true },
      ],
    },
    {
      _id: 'cat-housekeeping',
      name: '家政服务',
      items: [
        {
          _id: 'item-appliance-repair',
          name: '家电维修',
          description: '空调、冰箱上门检修',
          available: true,
        },
        { _id: 'item-home-cleaning', name: '家庭保洁', description: '日常保洁', available: false },
      ],
    },
    {
      _id: 'cat-leisure',
      name: '休闲活动',
      items: [{ _id: 'item-fitness', name: '健身', description: '广场舞教学', available: true }],
    },
  ],
  page: 1,
  pageSize: 50,
  hasMore: false,
};

/** WeChat's font setting as `wx.getAppBaseInfo()` reports it. */
function wechatFont(fontSizeSetting: number, fontSizeScaleFactor?: number): void {
  jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({
    ...wx.getAppBaseInfo(),
    fontSizeSetting,
    ...(fontSizeScaleFactor === undefined ? {} : { fontSizeScaleFactor }),
  });
}

describe('首页', () => {
  let pageId: string;
  let storage: Map<string, unknown>;

  beforeAll(() => {
    pageId = loadPage('pages/home/home');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
    storage = fakeStorage();
    wechatFont(17, 1);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should list the three categories in the case study order with their items', async () => {
    const page = await openPage(pageId);

    expect(fakeCloud.calls).toEqual([
      { name: 'catalog', command: 'catalog.list', input: { page: 1, pageSize: 50 } },
      // 通知公告: the latest three of the resident's community (none here: home-notices.test.ts shows them).
      { name: 'announcements', command: 'announcement.list', input: { page: 1, pageSize: 3 } },
    ]);
    const titles = page.querySelectorAll('.section__title').map((n) => textOf(n));
    expect(titles).toEqual(['家政服务', '休闲活动', '便民服务']);
    expect(textOf(find(page, '#item-item-appliance-repair'))).toContain('家电维修');
    expect(textOf(find(page, '#item-item-home-cleaning'))).toContain('您所在的社区暂未开放');
  });

  it('should tick items and go on to the providers for them', async () => {
    const page = await openPage(pageId);
    const navigateTo = jest.spyOn(wx, 'navigateTo');

    await tapCheckbox(page, '#item-item-appliance-repair');
    await tapCheckbox(page, '#item-item-fitness');

    expect(page.data['tickedCount']).toBe(2);
    expect(textOf(find(page, '#see-providers'))).toContain('查看服务机构（已选 2 项）');
    expect(find(page, '#item-item-appliance-repair').data['checked']).toBe(true);

    await tapButton(page, '#see-providers');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/pages/providers/providers?itemIds=item-appliance-repair,item-fitness',
      }),
    );
    navigateTo.mockRestore();
  });

  it('should untick an item when tapped again', async () => {
    const page = await openPage(pageId);
    await tapCheckbox(page, '#item-item-fitness');
    await tapCheckbox(page, '#item-item-fitness');
    expect(page.data['tickedCount']).toBe(0);
    expect(textOf(find(page, '#see-providers'))).toContain('请先勾选服务项目');
  });

  it('should not let an item unavailable here be ticked', async () => {
    const page = await openPage(pageId);
    await tapCheckbox(page, '#item-item-home-cleaning');
    expect(page.data['tickedCount']).toBe(0);
  });

  it('should read the catalog to its last page, a category split across pages made one', async () => {
    fakeCloud.ok('catalog', 'catalog.list', (input: { page: number }): CatalogListReply => {
      const [convenience, housekeeping, leisure] = CATALOG.categories;
      const pages: CatalogListReply['categories'][] = [
        [housekeeping!],
        [
          { ...leisure!, items: leisure!.items },
          { ...convenience!, items: [] },
        ],
        [convenience!, { _id: 'cat-housekeeping', name: '家政服务', items: [housekeeping!.items[0]!] }],
      ];
      return { categories: pages[input.page - 1]!, page: input.page, pageSize: 50, hasMore: input.page < 3 };
    });
    const page = await openPage(pageId);

    expect(fakeCloud.sent('catalog.list').map((c) => c.input)).toEqual([
      { page: 1, pageSize: 50 },
      { page: 2, pageSize: 50 },
      { page: 3, pageSize: 50 },
    ]);
    expect(page.querySelectorAll('.section__title').map((n) => textOf(n))).toEqual([
      '家政服务',
      '休闲活动',
      '便民服务',
    ]);
    expect(page.querySelectorAll('#category-cat-housekeeping .item')).toHaveLength(2);
    expect(textOf(find(page, '#item-item-utility-payment'))).toContain('生活缴费');
  });

  it('should say why the catalog could not be loaded, and load it again on 重新加载', async () => {
    fakeCloud.fail('catalog', 'catalog.list', 'UNAUTHENTICATED', '请先登录');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('没有加载成功');
    expect(textOf(find(page, '#state'))).toContain('请先登录');
    expect(noticeText(page)).toBe('');

    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
    await tapButton(find(page, '#state'), '#state-action');

    expect(page.querySelector('#state')).toBeUndefined();
    expect(textOf(find(page, '#item-item-fitness'))).toContain('健身');
  });

  it('should say so when there is nothing to choose, with a way to look again', async () => {
    fakeCloud.ok('catalog', 'catalog.list', { categories: [], page: 1, pageSize: 50, hasMore: false });
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('暂时没有可以选择的服务项目');
    expect(textOf(find(find(page, '#state'), '#state-action'))).toBe('重新加载');
  });

  it('should keep the warning about too many items on the page until it is closed', async () => {
    const items = Array.from({ length: 11 }, (_, i) => ({
      _id: `item-${i}`,
      name: `服务 ${i}`,
      description: '',
      available: true,
    }));
    fakeCloud.ok('catalog', 'catalog.list', {
      ...CATALOG,
      categories: [{ _id: 'cat', name: '便民服务', items }],
    });
    const page = await openPage(pageId);
    for (let i = 0; i < 11; i += 1) await tapCheckbox(page, `#item-item-${i}`);

    expect(page.data['tickedCount']).toBe(10);
    expect(noticeText(page)).toBe('一次最多选择 10 项服务，请先取消一项再选');
    const bar = find(page, '#notice-bar');
    expect(textOf(find(bar, '#notice'))).toContain('请注意');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(noticeText(page)).not.toBe('');
    await tap(bar, '#notice-close');
    await showAgain(page);
    expect(bar.querySelector('#notice')).toBeUndefined();
  });

  describe('长辈模式', () => {
    it.each([
      ['an iPhone at its standard size', 17, undefined, ['page']],
      ['an Android phone at its standard size', 16, 1, ['page']],
      ["an iPhone's first step up", 18, undefined, ['page', 'elder']],
      ["an iPhone's second step up", 19.5, undefined, ['page', 'elder']],
      ['a scale factor of 1.12 alone', 17, 1.12, ['page', 'elder']],
      ["WeChat's largest sizes", 24, 1.4, ['page', 'elder', 'elder--xl']],
    ])('should follow WeChat’s font setting by scale: %s', async (_, size, factor, classes) => {
      wechatFont(size, factor);
      const page = await openPage(pageId);
      expect(rootClasses(page)).toEqual(classes);
    });

    it('should switch on and off from its entry on the home page, whatever WeChat says', async () => {
      const page = await openPage(pageId);
      expect(textOf(find(page, '#elder-entry'))).toBe('长辈模式：字更大（点按开启）');

      await tapButton(page, '#elder-entry');
      expect(rootClasses(page)).toEqual(['page', 'elder']);
      expect(storage.get('elderMode')).toBe('on');
      expect(textOf(find(page, '#elder-entry'))).toBe('长辈模式：已开启（点按关闭）');
      expect(noticeText(page)).toBe('已开启长辈模式：字更大，按钮更大');

      wechatFont(19.5);
      await tapButton(page, '#elder-entry');
      expect(rootClasses(page)).toEqual(['page']);
      expect(storage.get('elderMode')).toBe('off');
    });

    it('should offer itself once, on first run, when WeChat’s font is enlarged', async () => {
      wechatFont(19.5);
      const page = await openPage(pageId);
      expect(rootClasses(page)).toEqual(['page', 'elder']);
      expect(textOf(find(page, '#elder-offer'))).toContain('已为您开启长辈模式');

      await tapButton(page, '#elder-offer-keep');
      expect(page.querySelector('#elder-offer')).toBeUndefined();
      expect(rootClasses(page)).toEqual(['page', 'elder']);
      expect(storage.get('elderModeOffered')).toBe(true);
      expect(storage.has('elderMode')).toBe(false);

      const again = await openPage(pageId);
      expect(again.querySelector('#elder-offer')).toBeUndefined();
    });

    it('should go back to the standard look when the offer is declined', async () => {
      wechatFont(18);
      const page = await openPage(pageId);
      await tapButton(page, '#elder-offer-off');
      expect(rootClasses(page)).toEqual(['page']);
      expect(storage.get('elderMode')).toBe('off');
    });

    it('should make no offer at the standard size', async () => {
      const page = await openPage(pageId);
      expect(page.querySelector('#elder-offer')).toBeUndefined();
    });
  });
});
