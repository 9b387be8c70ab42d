/**
 * 服务报价 on its real WXML: opened without a provider, loading, error; each offering with its price and
 * whether residents can choose it (a pending review said in words); 改价 refuses a low fee not below the
 * market price before sending and sends provider.offering.save; 下架 keeps the price; read-only for staff the
 * reply does not let save (members); 长辈模式.
 */
import { CATALOG, offeringView, providersFail, providersOk } from './governance-support';
import { openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  change,
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

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const list = (
  items = [
    offeringView(),
    offeringView({
      offeringId: 'off-2',
      itemId: 'item-repair',
      itemName: '家电维修',
      review: 'pending',
      reviewLabel: '待审核',
      matchable: false,
    }),
  ],
) => ({
  providerId: 'prov-1',
  providerName: '玉州区邻里家电维修服务部',
  items,
  total: items.length,
  actions: { canSave: true, canReview: false },
});
const saved = {
  offeringId: 'off-1',
  created: false,
  changed: ['pricing'],
  review: 'approved' as const,
  reviewLabel: '已通过',
  matchable: true,
};

describe('服务报价', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/offerings/offerings');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeStorage();
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should say where to come from when opened without a provider', async () => {
    expect(textOf(find(await openPage(pageId), '#state'))).toContain('没有找到服务机构');
    expect(fakeCloud.calls).toEqual([]);
  });

  it('should say what it reads, and why it could not', async () => {
    providersOk('provider.offering.list', list());
    expect(textOf(find(openWithoutSettling(pageId, { providerId: 'prov-1' }), '#state'))).toContain(
      '正在读取服务报价',
    );
    fakeCloud.reset();
    providersFail('provider.offering.list', 'OUT_OF_SCOPE', '该内容不在您的服务范围内');
    expect(textOf(find(await openPage(pageId, { providerId: 'prov-1' }), '#state'))).toContain(
      '该内容不在您的服务范围内',
    );
  });

  it('should show each offering with its price and whether residents can choose it', async () => {
    providersOk('provider.offering.list', list());
    const p = await openPage(pageId, { providerId: 'prov-1' });
    expect(fakeCloud.sent('provider.offering.list').map((c) => c.input)).toEqual([{ providerId: 'prov-1' }]);
    expect(textOf(find(p, '#offering-item-cleaning'))).toContain('20元/次（市场价 50元/次）');
    expect(textOf(find(p, '#offering-item-cleaning'))).toContain('已上架，居民可以选择');
    expect(textOf(find(p, '#offering-item-repair'))).toContain('待社区审核，审核通过后居民才能看到');
  });

  it('should refuse a low fee not below the market price, then send the new price', async () => {
    providersOk('provider.offering.list', list());
    providersOk('provider.offering.save', saved);
    const p = await openPage(pageId, { providerId: 'prov-1' });
    await tapButton(p, '#change-item-cleaning');
    await change(p, '#kind', { value: 'low_fee' });
    await change(p, '#price', { value: '60' });
    await change(p, '#market-price', { value: '50' });
    await tapButton(p, '#save');
    expect(noticeText(p)).toBe('家庭保洁：低收费服务的价格必须低于市场价');
    expect(fakeCloud.sent('provider.offering.save')).toEqual([]);

    await change(p, '#price', { value: '25' });
    await tapButton(p, '#save');
    expect(fakeCloud.sent('provider.offering.save').map((c) => c.input)).toEqual([
      {
        providerId: 'prov-1',
        itemId: 'item-cleaning',
        pricing: { kind: 'low_fee', priceFen: 2500, marketPriceFen: 5000, unit: '次' },
        active: true,
        clientRequestId: expect.stringMatching(REQUEST_ID),
      },
    ]);
    expect(noticeText(p)).toContain('从下一次为居民推荐时起按新价格');
  });

  it('should add an item not offered yet, and say it waits for the community’s review', async () => {
    providersOk('provider.offering.list', list([offeringView()]));
    providersOk('provider.offering.save', {
      ...saved,
      offeringId: 'off-3',
      created: true,
      review: 'pending',
      reviewLabel: '待审核',
      matchable: false,
    });
    fakeCloud.ok('catalog', 'catalog.list', CATALOG);
    const p = await openPage(pageId, { providerId: 'prov-1' });
    await tapButton(p, '#add');
    // Only the items the provider does not offer yet.
    expect(textOf(find(p, '#form-new'))).toContain('家电维修');
    expect(textOf(find(p, '#new-item'))).not.toContain('家庭保洁');
    await change(p, '#new-item', { value: 'item-repair' });
    await tapButton(p, '#save');
    expect(fakeCloud.sent('provider.offering.save').map((c) => c.input)).toEqual([
      {
        providerId: 'prov-1',
        itemId: 'item-repair',
        pricing: { kind: 'free' },
        active: true,
        clientRequestId: expect.stringMatching(REQUEST_ID),
      },
    ]);
    expect(noticeText(p)).toBe('已提交，社区审核通过后居民才能看到这项服务');
  });

  it('should withdraw an offering keeping its price', async () => {
    providersOk('provider.offering.list', list());
    providersOk('provider.offering.save', { ...saved, changed: ['active'] });
    const p = await openPage(pageId, { providerId: 'prov-1' });
    await tapButton(p, '#toggle-item-cleaning');
    expect(fakeCloud.sent('provider.offering.save')[0]!.input).toEqual({
      providerId: 'prov-1',
      itemId: 'item-cleaning',
      pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5000, unit: '次' },
      active: false,
      clientRequestId: expect.stringMatching(REQUEST_ID),
    });
    expect(noticeText(p)).toContain('已下架');
  });

  it('should show a staff member who may not save the prices only, with no button that writes', async () => {
    providersOk('provider.offering.list', { ...list(), actions: { canSave: false, canReview: false } });
    const p = await openPage(pageId, { providerId: 'prov-1' });
    expect(textOf(find(p, '#intro'))).toContain('报价由本机构负责人修改');
    expect(textOf(find(p, '#offering-item-cleaning'))).toContain('20元/次（市场价 50元/次）');
    expect(textOf(find(p, '#offering-item-repair'))).toContain('待社区审核');
    for (const id of ['#change-item-cleaning', '#toggle-item-cleaning', '#change-item-repair', '#add'])
      expect(p.querySelector(id)).toBeUndefined();
    expect(p.dom!.querySelectorAll('wx-button')).toHaveLength(0);

    // The manager's reply: the same list with its buttons.
    providersOk('provider.offering.list', list());
    const manager = await openPage(pageId, { providerId: 'prov-1' });
    expect(manager.dom!.querySelectorAll('wx-button').length).toBeGreaterThan(0);
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('provider.offering.list', list());
    expect(rootClasses(await openPage(pageId, { providerId: 'prov-1' }))).toContain('elder');
  });
});
