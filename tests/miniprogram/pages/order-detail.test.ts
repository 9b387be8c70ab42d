/** 订单详情 (resident) on its real WXML: status, price, the timeline in Shanghai time, cancel, rate. */
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, openPage, tapButton, textOf, toastMessage } from './support/page-harness';
import { orderDetail, timelineEntry } from './support/replies';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('订单详情（居民）', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/order-detail/order-detail');
  });

  beforeEach(() => fakeCloud.reset());
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should show the order and its timeline in Asia/Shanghai time', async () => {
    fakeCloud.ok(
      'orders',
      'order.detail',
      orderDetail(
        { status: 'done' },
        ['order.rate'],
        [
          timelineEntry('created', 0, 'resident'),
          timelineEntry('accepted', 15, 'provider_staff'),
          timelineEntry('done', 95, 'provider_staff'),
        ],
      ),
    );
    const page = await openPage(pageId, { orderId: 'order-1' });

    expect(fakeCloud.sent('order.detail')).toEqual([
      { name: 'orders', command: 'order.detail', input: { orderId: 'order-1' } },
    ]);
    const text = textOf(page);
    expect(text).toContain('已完成服务');
    expect(text).toContain('¥12.00/次');
    expect(text).toContain('市场价 ¥30.00');
    const timeline = textOf(find(page, '#timeline'));
    expect(timeline).toContain('提交订单');
    expect(timeline).toContain('2026-11-29 14:30 · 居民');
    expect(timeline).toContain('服务机构已接单');
    expect(timeline).toContain('2026-11-29 14:45 · 服务机构');
    expect(timeline).toContain('服务已完成');
    expect(page.querySelector('#cancel')).toBeUndefined();
    expect(textOf(find(page, '#rate'))).toBe('评价服务');
  });

  it('should cancel an order not yet accepted after the resident confirms', async () => {
    fakeCloud.ok('orders', 'order.detail', orderDetail({}, ['order.cancel']));
    fakeCloud.ok('orders', 'order.cancel', {});
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(page)).toContain('服务机构需在 2026-11-29 16:30 前答复');

    fakeCloud.ok(
      'orders',
      'order.detail',
      orderDetail(
        { status: 'cancelled' },
        [],
        [timelineEntry('created', 0, 'resident'), timelineEntry('cancelled', 5, 'resident')],
      ),
    );
    await tapButton(page, '#cancel');

    expect(fakeCloud.sent('order.cancel')).toEqual([
      {
        name: 'orders',
        command: 'order.cancel',
        input: {
          orderId: 'order-1',
          reason: '',
          clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      },
    ]);
    expect(toastMessage(page)).toBe('订单已取消');
    expect(textOf(find(page, '#status'))).toBe('已取消');
    expect(page.querySelector('#cancel')).toBeUndefined();
  });

  it('should keep the order when the resident does not confirm the cancel', async () => {
    fakeCloud.ok('orders', 'order.detail', orderDetail({}, ['order.cancel']));
    const showModal = jest
      .spyOn(wx, 'showModal')
      .mockImplementation((o: WechatMiniprogram.ShowModalOption) => {
        o.success?.({ confirm: false, cancel: true, content: '', errMsg: 'showModal:ok' });
        return undefined as never;
      });
    const page = await openPage(pageId, { orderId: 'order-1' });
    await tapButton(page, '#cancel');

    expect(fakeCloud.sent('order.cancel')).toEqual([]);
    showModal.mockRestore();
  });

  it('should show the rating once given', async () => {
    fakeCloud.ok(
      'orders',
      'order.detail',
      orderDetail({ status: 'rated', rating: { stars: 5, text: '师傅很专业' } }),
    );
    const page = await openPage(pageId, { orderId: 'order-1' });

    expect(textOf(find(page, '#rating'))).toContain('★★★★★');
    expect(textOf(find(page, '#rating'))).toContain('师傅很专业');
  });

  it('should go to the rating page when asked to rate', async () => {
    fakeCloud.ok('orders', 'order.detail', orderDetail({ status: 'done' }, ['order.rate']));
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await openPage(pageId, { orderId: 'order-1' });
    await tapButton(page, '#rate');

    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/rate/rate?orderId=order-1' }),
    );
    navigateTo.mockRestore();
  });
});
