/** 我的订单 on its real WXML: order.list a page at a time, status filters, opening a detail. */
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, openPage, settle, tap, tapCell, textOf } from './support/page-harness';
import { orderPage } from './support/replies';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

type ListInput = { page: number; status?: string };

describe('我的订单', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/orders/orders');
  });

  beforeEach(() => {
    fakeCloud.reset();
    // 45 orders, 20 a page.
    fakeCloud.ok('orders', 'order.list', (input: ListInput) =>
      orderPage((input.page - 1) * 20, Math.min(20, 45 - (input.page - 1) * 20), 45),
    );
  });

  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should list the first page of the resident orders with Chinese status labels', async () => {
    const page = await openPage(pageId);

    expect(fakeCloud.sent('order.list')).toEqual([
      { name: 'orders', command: 'order.list', input: { as: 'resident', page: 1, pageSize: 20 } },
    ]);
    expect((page.data['orders'] as unknown[]).length).toBe(20);
    const first = textOf(find(page, '#order-order-0'));
    expect(first).toContain('家电维修');
    expect(first).toContain('待接单');
    expect(first).toContain('11-29 14:30');
    expect(textOf(page)).toContain('上拉加载更多');
  });

  it('should load the next pages when scrolled to the bottom, and stop at the end', async () => {
    const page = await openPage(pageId);
    const instance = page.instance as unknown as { onReachBottom(): void };

    instance.onReachBottom();
    instance.onReachBottom(); // a second scroll while the page loads asks nothing more
    await settle();
    instance.onReachBottom();
    await settle();

    expect(fakeCloud.sent('order.list').map((c) => (c.input as ListInput).page)).toEqual([1, 2, 3]);
    expect((page.data['orders'] as unknown[]).length).toBe(45);
    expect(textOf(page)).toContain('没有更多了');
    instance.onReachBottom();
    expect(fakeCloud.sent('order.list')).toHaveLength(3);
  });

  it('should filter by status', async () => {
    const page = await openPage(pageId);
    await tap(page, '#filter-created');

    expect(fakeCloud.sent('order.list')[1]!.input).toEqual({
      as: 'resident',
      status: 'created',
      page: 1,
      pageSize: 20,
    });
  });

  it('should open the detail of a tapped order', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await openPage(pageId);
    await tapCell(page, '#order-order-3');

    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/order-detail/order-detail?orderId=order-3' }),
    );
    navigateTo.mockRestore();
  });

  it('should invite a resident without orders to the home page', async () => {
    fakeCloud.ok('orders', 'order.list', orderPage(0, 0, 0));
    const page = await openPage(pageId);
    expect(textOf(page)).toContain('还没有订单，去首页勾选需要的服务吧');
  });
});
