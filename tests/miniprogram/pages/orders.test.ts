/**
 * 我的订单 on its real WXML: order.list a page at a time to the end, status filters (the chosen one marked
 * in words), opening a detail and coming back to the same place, the error and empty states.
 */
import { fakeCloud } from './support/fake-cloud';
import {
  find,
  loadPage,
  noticeText,
  openPage,
  settle,
  showAgain,
  tap,
  tapButton,
  tapCell,
  textOf,
} from './support/page-harness';
import { orderDetail, orderPage, orderSummary } from './support/replies';
import { leaveNotice } from '../../../miniprogram/utils/notice';

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
    expect(textOf(find(page, '#more'))).toBe('加载更多订单');
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
    expect(textOf(find(page, '#no-more'))).toBe('已显示全部 45 个订单');
    instance.onReachBottom();
    expect(fakeCloud.sent('order.list')).toHaveLength(3);
  });

  it('should load the next page with 加载更多 too, and offer a retry when it fails', async () => {
    const page = await openPage(pageId);
    fakeCloud.dropOnce('orders', 'order.list');
    await tapButton(page, '#more');

    expect((page.data['orders'] as unknown[]).length).toBe(20);
    expect(textOf(find(page, '#more-error'))).toContain('无法连接本地云');
    await tapButton(page, '#more-retry');
    expect((page.data['orders'] as unknown[]).length).toBe(40);
    expect(page.querySelector('#more-error')).toBeUndefined();
  });

  it('should filter by status, the chosen filter marked in words and not by colour alone', async () => {
    const page = await openPage(pageId);
    expect(textOf(find(page, '#filter-all'))).toBe('✓ 全部');
    await tap(page, '#filter-created');
    expect(textOf(find(page, '#filter-created'))).toBe('✓ 待接单');
    expect(textOf(find(page, '#filter-all'))).toBe('全部');

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
    const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('还没有订单，去首页勾选需要的服务吧');

    await tapButton(find(page, '#state'), '#state-action');
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/home' });
    switchTab.mockRestore();
  });

  it('should say why the list could not be read, and read it again on 重新加载', async () => {
    fakeCloud.fail('orders', 'order.list', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');

    fakeCloud.ok('orders', 'order.list', orderPage(0, 3, 3));
    await tapButton(find(page, '#state'), '#state-action');
    expect((page.data['orders'] as unknown[]).length).toBe(3);
  });

  describe('coming back', () => {
    const navigate = () => jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);

    it('should keep every row loaded and refresh only the order opened', async () => {
      const page = await openPage(pageId);
      (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
      await settle();
      expect((page.data['orders'] as unknown[]).length).toBe(40);
      navigate();
      fakeCloud.reset();
      fakeCloud.ok('orders', 'order.detail', orderDetail({ orderId: 'order-25', status: 'cancelled' }));

      await tapCell(page, '#order-order-25');
      await showAgain(page);

      expect(fakeCloud.calls.map((c) => c.command)).toEqual(['order.detail']);
      expect((page.data['orders'] as unknown[]).length).toBe(40);
      expect(textOf(find(page, '#order-order-25'))).toContain('已取消');
      expect(textOf(find(page, '#order-order-24'))).toContain('待接单');
      jest.restoreAllMocks();
    });

    it('should read the pages already loaded again in place when shown otherwise', async () => {
      const page = await openPage(pageId);
      (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
      await settle();
      fakeCloud.reset();
      // A new order since: it comes first, and the 40 rows become 41 with nothing lost.
      fakeCloud.ok('orders', 'order.list', (input: ListInput) => {
        const rows = [orderSummary(99), ...orderPage(0, 45, 45).items];
        const from = (input.page - 1) * 20;
        return { ...orderPage(0, 0, 46), items: rows.slice(from, from + 20), page: input.page };
      });

      await showAgain(page);

      expect(fakeCloud.sent('order.list').map((c) => (c.input as ListInput).page)).toEqual([1, 2]);
      const rows = page.data['orders'] as Array<{ id: string }>;
      expect(rows).toHaveLength(40);
      expect(rows[0]!.id).toBe('order-99');
      expect(page.data['loading']).toBe(false);
    });

    it('should show the confirmation left for it by the page the resident came from', async () => {
      leaveNotice('/pages/orders/orders', '下单成功，请等待服务机构接单（共 2 项）');
      const page = await openPage(pageId);
      expect(noticeText(page)).toBe('下单成功，请等待服务机构接单（共 2 项）');
      expect(textOf(find(page, '#notice-bar'))).toContain('✓ 已完成');
    });
  });
});
