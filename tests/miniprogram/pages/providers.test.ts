/**
 * 选择服务机构 on its real WXML: the ranked providers of match.request, choosing one (marked in words),
 * placing the order and leaving the confirmation for the page it opens; failures said on the page, with
 * the way out.
 */
import { takeNotice } from '../../../miniprogram/utils/notice';
import { fakeCloud } from './support/fake-cloud';
import {
  ariaOf,
  change,
  fakeStorage,
  find,
  loadPage,
  openPage,
  tap,
  tapButton,
  textOf,
  noticeText,
} from './support/page-harness';
import { created, matchReply } from './support/replies';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const CARD_1 = '#provider-item-appliance-repair-prov-1';

const CARD_3 = '#provider-item-appliance-repair-prov-3';
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

describe('选择服务机构', () => {
  let pageId: string;
  let redirectTo: jest.SpyInstance;

  beforeAll(() => {
    pageId = loadPage('pages/providers/providers');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('orders', 'match.request', matchReply());
    fakeCloud.ok('orders', 'order.create', created('order-9'));
    redirectTo = jest.spyOn(wx, 'redirectTo');
    fakeStorage();
  });

  afterEach(() => {
    redirectTo.mockRestore();
    jest.restoreAllMocks();
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should ask for providers of the ticked items and show them ranked with price and stars', async () => {
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });

    expect(fakeCloud.sent('match.request')).toEqual([
      { name: 'orders', command: 'match.request', input: { itemIds: ['item-appliance-repair'] } },
    ]);
    const first = textOf(find(page, CARD_1));
    expect(first).toContain('玉州区邻里家电维修服务部');
    expect(first).toContain('¥12.00/次');
    expect(first).toContain('市场价 ¥30.00');
    expect(first).toContain('★★★★☆');
    expect(first).toContain('信誉分 86.5');
    expect(first).toContain('本社区');
    expect(first).toContain('0775-2821234');
    expect(textOf(find(page, '#provider-item-appliance-repair-prov-2'))).toContain('免费');
  });

  it('should mark a provider found by widening the search', async () => {
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });

    const widened = textOf(find(page, CARD_3));
    expect(widened).toContain('扩大范围');
    expect(widened).toContain('已扩大范围 · 街道内');
    expect(widened).toContain('新入驻');
    expect(textOf(find(page, '#choice-item-appliance-repair'))).toContain(
      '本社区服务机构不足，已为您扩大范围查找',
    );
    expect(textOf(find(page, CARD_1))).not.toContain('扩大范围');
  });

  it('should explain why a provider ranks where it does when asked', async () => {
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    expect(textOf(find(page, CARD_1))).not.toContain('近 42 条评价平均 4.6 星');

    await tap(page, `${CARD_1} .provider__why`);

    const card = textOf(find(page, CARD_1));
    expect(card).toContain('居民评价');
    expect(card).toContain('+54.0 分');
    expect(card).toContain('近 42 条评价平均 4.6 星');
    expect(card).toContain('按时回访');
  });

  it('should place the order with the chosen provider after asking for order-update messages', async () => {
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });

    await tapButton(page, '#choose-item-appliance-repair-prov-2');
    expect(textOf(find(page, '#choose-item-appliance-repair-prov-2'))).toBe('已选择');
    await change(page, '#address', { value: ' 3 栋 2 单元 501 ' });
    await change(page, '#note', { value: '周六上午在家' });
    await tapButton(page, '#submit');

    expect(fakeCloud.subscribeRequests).toEqual([['TPL_ORDER_STATUS', 'TPL_REVIEW_REMINDER']]);
    const [create] = fakeCloud.sent('order.create');
    expect(create).toEqual({
      name: 'orders',
      command: 'order.create',
      input: {
        matchId: 'match-1',
        itemId: 'item-appliance-repair',
        providerId: 'prov-2',
        serviceAddress: '3 栋 2 单元 501',
        note: '周六上午在家',
        clientRequestId: expect.stringMatching(REQUEST_ID),
      },
    });
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/order-detail/order-detail?orderId=order-9' }),
    );
    // The confirmation is not a toast that leaves with this page: it waits on the order's page.
    expect(noticeText(page)).toBe('');
    expect(takeNotice('/pages/order-detail/order-detail')).toEqual({
      text: '下单成功，请等待服务机构接单',
      kind: 'success',
    });
  });

  it('should say the chosen provider in words, not by colour alone', async () => {
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    expect(page.querySelector(`${CARD_1} .provider__chosen`)).toBeUndefined();

    await tapButton(page, '#choose-item-appliance-repair-prov-1');

    expect(textOf(find(page, `${CARD_1} .provider__chosen`))).toBe('✓ 您选择了这家');
    expect(textOf(find(page, '#choose-item-appliance-repair-prov-1'))).toBe('已选择');
  });

  it('should leave the confirmation on 我的订单 when several orders were placed', async () => {
    const reply = matchReply();
    const item = reply.items[0]!;
    fakeCloud.ok('orders', 'match.request', {
      ...reply,
      items: [item, { ...item, itemId: 'item-fitness', itemName: '健身' }],
    });
    const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair,item-fitness' });
    await tapButton(page, '#choose-item-appliance-repair-prov-1');
    await tapButton(page, '#choose-item-fitness-prov-2');
    await tapButton(page, '#submit');

    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/orders/orders' }));
    expect(takeNotice('/pages/orders/orders')?.text).toBe('下单成功，请等待服务机构接单（共 2 项）');
  });

  it('should start the next order from the address the resident last ordered with', async () => {
    const first = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    await tapButton(first, '#choose-item-appliance-repair-prov-1');
    await change(first, '#address', { value: '金港花园 5 栋 101' });
    await tapButton(first, '#submit');

    const next = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    expect((find(next, '#address') as unknown as { data: { value: string } }).data.value).toBe(
      '金港花园 5 栋 101',
    );
    await tapButton(next, '#choose-item-appliance-repair-prov-2');
    await tapButton(next, '#submit');
    expect(fakeCloud.sent('order.create').map((c) => c.input['serviceAddress'])).toEqual([
      '金港花园 5 栋 101',
      '金港花园 5 栋 101',
    ]);
  });

  it('should retry with the same request id when the first attempt got no answer', async () => {
    fakeCloud.dropOnce('orders', 'order.create');
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    await tapButton(page, '#choose-item-appliance-repair-prov-1');

    await tapButton(page, '#submit');
    expect(noticeText(page)).toContain('无法连接本地云');
    await tapButton(page, '#submit');

    const [first, retry] = fakeCloud.sent('order.create');
    expect(retry!.input['clientRequestId']).toBe(first!.input['clientRequestId']);
    expect(redirectTo).toHaveBeenCalledTimes(1);
  });

  it('should show the function message when the order is refused', async () => {
    fakeCloud.fail(
      'orders',
      'order.create',
      'ORDER_ALREADY_OPEN',
      '该服务项目已有进行中的订单，请勿重复下单',
    );
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    await tapButton(page, '#choose-item-appliance-repair-prov-1');
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('该服务项目已有进行中的订单，请勿重复下单');
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('should send the resident to choose their home when none is bound yet', async () => {
    fakeCloud.fail('orders', 'match.request', 'PROFILE_UNIT_REQUIRED', '请先选择您所在的小区或社区');
    const switchTab = jest.spyOn(wx, 'switchTab');
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });

    const state = find(page, '#state');
    expect(textOf(state)).toContain('请先选择您所在的小区或社区');
    await tapButton(state, '#state-action');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/profile/profile' }));
    switchTab.mockRestore();
  });

  it('should say why no provider could be found, and look again on 重新查找', async () => {
    fakeCloud.fail('orders', 'match.request', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');
    expect(page.querySelector('#submit')).toBeUndefined();

    fakeCloud.ok('orders', 'match.request', matchReply());
    await tapButton(find(page, '#state'), '#state-action');

    expect(fakeCloud.sent('match.request')).toHaveLength(2);
    expect(textOf(find(page, CARD_1))).toContain('玉州区邻里家电维修服务部');
  });

  it('should give a way back home when no provider serves an item', async () => {
    const reply = matchReply();
    fakeCloud.ok('orders', 'match.request', {
      ...reply,
      items: [{ ...reply.items[0]!, providers: [], gap: true }],
    });
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    expect(textOf(page)).toContain('附近暂无提供该服务的机构');
    expect(textOf(page)).toContain('返回首页选择其他服务');
  });

  it('should name its custom tap targets for screen readers', async () => {
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });
    const phone = find(page, `${CARD_1} .phone`);
    const why = find(page, `${CARD_1} .provider__why`);
    expect(ariaOf(phone, 'ariaRole')).toBe('button');
    expect(ariaOf(phone, 'ariaLabel')).toBe('拨打电话 0775-2821234');
    expect(ariaOf(why, 'ariaRole')).toBe('button');
    expect(ariaOf(why, 'ariaLabel')).toBe('为什么排在这里，查看排名依据');
  });

  it('should say so when fewer than three providers were found', async () => {
    const reply = matchReply();
    const [item] = reply.items;
    fakeCloud.ok('orders', 'match.request', {
      ...reply,
      items: [{ ...item!, providers: item!.providers.slice(0, 2), gap: true }],
    });
    const page = await openPage(pageId, { itemIds: 'item-appliance-repair' });

    expect(textOf(page)).toContain('仅找到 2 家服务机构，我们已记录您的需求');
  });
});
