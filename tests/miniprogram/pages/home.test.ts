/** 首页 on its real WXML: the catalog from catalog.list, ticking items, going on to the providers. */
import type { CatalogListReply } from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';
import {
  find,
  loadPage,
  openPage,
  rootClasses,
  tapButton,
  tapCheckbox,
  textOf,
  toastMessage,
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

describe('首页', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/home/home');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
  });

  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should list the three categories in the case study order with their items', async () => {
    const page = await openPage(pageId);

    expect(fakeCloud.calls).toEqual([{ name: 'catalog', command: 'catalog.list', input: { pageSize: 50 } }]);
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

  it('should show the function message when the catalog cannot be loaded', async () => {
    fakeCloud.fail('catalog', 'catalog.list', 'UNAUTHENTICATED', '请先登录');
    const page = await openPage(pageId);
    expect(textOf(page)).toContain('请先登录');
    expect(toastMessage(page)).toBe('');
  });

  it('should switch to 长辈模式 when the WeChat font setting is large', async () => {
    const baseInfo = jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({
      ...wx.getAppBaseInfo(),
      fontSizeSetting: 22,
    });
    const page = await openPage(pageId);
    expect(rootClasses(page)).toEqual(['page', 'elder']);
    baseInfo.mockRestore();
  });
});
