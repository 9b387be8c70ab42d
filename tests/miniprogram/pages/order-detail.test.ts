/**
 * 订单详情 (resident) on its real WXML: status, price, the timeline in Shanghai time, cancel, rate, and after
 * a decline or an expiry the provider offered next, ordered from with one tap; confirmations that stay, the
 * ones left for it by the page before, and an order that could not be read, with a retry.
 */
import { leaveNotice, takeNotice } from '../../../miniprogram/utils/notice';
import { fakeCloud } from './support/fake-cloud';
import {
  find,
  loadPage,
  noticeKind,
  noticeText,
  openPage,
  showAgain,
  tapButton,
  textOf,
} from './support/page-harness';
import { asStaff, candidate, created, orderDetail, stepReply, timelineEntry } from './support/replies';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Declined by the first provider, with the match's next provider offered. */
function declinedWithOffer() {
  const declined = orderDetail(
    { status: 'declined', acceptBy: null, serviceAddress: '金港花园 3 栋 2 单元 501' },
    [],
    [timelineEntry('created', 0, 'resident'), timelineEntry('declined', 20, 'provider_staff', '师傅已排满')],
  );
  return { ...declined, nextOffer: candidate() };
}

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

  it('should say 由网格员代下单 on an order a worker placed for the resident, and nothing on their own', async () => {
    const placed = orderDetail(
      { status: 'created' },
      ['order.cancel'],
      [timelineEntry('created', 0, 'resident')],
    );
    fakeCloud.ok('orders', 'order.detail', {
      ...placed,
      placedBy: { name: '庞丽娟', at: placed.order.createdAt, consent: null },
    });
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(find(page, '#placed-by'))).toContain('由网格员代下单');

    fakeCloud.reset();
    fakeCloud.ok('orders', 'order.detail', placed);
    const own = await openPage(pageId, { orderId: 'order-2' });
    expect(own.querySelector('#placed-by')).toBeUndefined();
    expect(textOf(own)).not.toContain('代下单');
  });

  it('should cancel an order not yet accepted after the resident confirms', async () => {
    fakeCloud.ok('orders', 'order.detail', orderDetail({}, ['order.cancel']));
    fakeCloud.ok('orders', 'order.cancel', stepReply('cancelled'));
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
          clientRequestId: expect.stringMatching(REQUEST_ID),
        },
      },
    ]);
    expect(noticeText(page)).toBe('订单已取消');
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
    // The stars are said in words too.
    expect(textOf(find(page, '#rating'))).toContain('5 星');
    expect(textOf(find(page, '#rating'))).toContain('师傅很专业');
  });

  it('should thank the resident for the rating when they come back from it', async () => {
    fakeCloud.ok('orders', 'order.detail', orderDetail({ status: 'done' }, ['order.rate']));
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(noticeText(page)).toBe('');

    fakeCloud.ok('orders', 'order.detail', orderDetail({ status: 'rated', rating: { stars: 4, text: '' } }));
    leaveNotice('/pages/order-detail/order-detail', '感谢您的评价，评价已提交');
    await showAgain(page);

    expect(noticeText(page)).toBe('感谢您的评价，评价已提交');
    expect(noticeKind(page)).toBe('success');
    expect(textOf(find(page, '#rating'))).toContain('4 星');
    expect(fakeCloud.sent('order.detail')).toHaveLength(2);
  });

  it('should say why the order could not be read, with a retry and the way back to the list', async () => {
    fakeCloud.fail('orders', 'order.detail', 'INTERNAL', '系统繁忙，请稍后重试');
    const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, { orderId: 'order-1' });
    const state = find(page, '#state');
    expect(textOf(state)).toContain('系统繁忙，请稍后重试');
    expect(page.querySelector('#cancel')).toBeUndefined();

    await tapButton(state, '#state-secondary');
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/orders/orders' });

    fakeCloud.ok('orders', 'order.detail', orderDetail({}, ['order.cancel']));
    await tapButton(state, '#state-action');
    expect(page.querySelector('#state')).toBeUndefined();
    expect(textOf(find(page, '#status'))).toBe('待接单');
    switchTab.mockRestore();
  });

  it('should keep an order on screen when reading it again fails, and say so above it', async () => {
    fakeCloud.ok('orders', 'order.detail', orderDetail({}, ['order.cancel']));
    const page = await openPage(pageId, { orderId: 'order-1' });

    fakeCloud.dropOnce('orders', 'order.detail');
    await showAgain(page);

    expect(textOf(find(page, '#status'))).toBe('待接单');
    expect(noticeKind(page)).toBe('error');
    expect(noticeText(page)).toContain('无法连接本地云');
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

  describe('the provider offered next', () => {
    let redirectTo: jest.SpyInstance;

    beforeEach(() => {
      redirectTo = jest.spyOn(wx, 'redirectTo');
    });
    afterEach(() => redirectTo.mockRestore());

    it('should show the provider offered next with its price, stars and reach', async () => {
      fakeCloud.ok('orders', 'order.detail', declinedWithOffer());
      const page = await openPage(pageId, { orderId: 'order-1' });

      const offer = textOf(find(page, '#next-offer'));
      expect(offer).toContain('为您推荐下一家服务机构');
      expect(offer).toContain('东门社区志愿维修队');
      expect(offer).toContain('¥8.00/次');
      expect(offer).toContain('市场价 ¥25.00');
      expect(offer).toContain('★★★★★');
      expect(offer).toContain('5 星 · 信誉分 91.2 · 本社区');
      expect(textOf(find(page, '#order-next'))).toBe('向这家机构下单');
      expect(textOf(find(page, '#timeline'))).toContain('原因：师傅已排满');
    });

    it('should show a free offer as free', async () => {
      const reply = declinedWithOffer();
      fakeCloud.ok('orders', 'order.detail', {
        ...reply,
        nextOffer: candidate({ pricing: { kind: 'free' } }),
      });
      const page = await openPage(pageId, { orderId: 'order-1' });

      expect(textOf(find(page, '#next-offer'))).toContain('免费');
      expect(textOf(find(page, '#next-offer'))).not.toContain('市场价');
    });

    it('should show nothing when nobody is offered next', async () => {
      fakeCloud.ok('orders', 'order.detail', { ...declinedWithOffer(), nextOffer: null });
      const page = await openPage(pageId, { orderId: 'order-1' });

      expect(textOf(page)).toContain('已拒单');
      expect(page.querySelector('#next-offer')).toBeUndefined();
    });

    it('should show nothing to anyone but the resident of the order', async () => {
      fakeCloud.ok('orders', 'order.detail', {
        ...declinedWithOffer(),
        viewerRole: 'worker',
      });
      const page = await openPage(pageId, { orderId: 'order-1' });
      expect(page.querySelector('#next-offer')).toBeUndefined();

      fakeCloud.ok('orders', 'order.detail', { ...asStaff(declinedWithOffer()), nextOffer: candidate() });
      const again = await openPage(pageId, { orderId: 'order-1' });
      expect(again.querySelector('#next-offer')).toBeUndefined();
    });

    it('should order from it with one tap, a fresh request id, then open the new order', async () => {
      fakeCloud.ok('orders', 'order.detail', declinedWithOffer());
      fakeCloud.ok('orders', 'order.create', created('order-2'));
      const page = await openPage(pageId, { orderId: 'order-1' });

      await tapButton(page, '#order-next');

      expect(fakeCloud.subscribeRequests).toEqual([['TPL_ORDER_STATUS', 'TPL_REVIEW_REMINDER']]);
      expect(fakeCloud.sent('order.create')).toEqual([
        {
          name: 'orders',
          command: 'order.create',
          input: {
            matchId: 'match-1',
            itemId: 'item-appliance-repair',
            providerId: 'prov-2',
            serviceAddress: '金港花园 3 栋 2 单元 501',
            note: '下午在家',
            clientRequestId: expect.stringMatching(REQUEST_ID),
          },
        },
      ]);
      // The confirmation waits on the new order's page.
      expect(takeNotice('/pages/order-detail/order-detail')).toEqual({
        text: '下单成功，请等待服务机构接单',
        kind: 'success',
      });
      expect(redirectTo).toHaveBeenCalledWith(
        expect.objectContaining({ url: '/pages/order-detail/order-detail?orderId=order-2' }),
      );
    });

    it('should order again with a new request id after a refusal, the same one after a lost reply', async () => {
      fakeCloud.ok('orders', 'order.detail', declinedWithOffer());
      fakeCloud.fail(
        'orders',
        'order.create',
        'PROVIDER_UNAVAILABLE',
        '该服务机构暂时无法接单，请选择其他服务机构',
      );
      const page = await openPage(pageId, { orderId: 'order-1' });

      await tapButton(page, '#order-next');
      expect(noticeText(page)).toBe('该服务机构暂时无法接单，请选择其他服务机构');
      expect(redirectTo).not.toHaveBeenCalled();

      fakeCloud.dropOnce('orders', 'order.create');
      await tapButton(page, '#order-next');
      fakeCloud.ok('orders', 'order.create', created('order-2'));
      await tapButton(page, '#order-next');

      const [refused, lost, retried] = fakeCloud.sent('order.create').map((c) => c.input['clientRequestId']);
      expect(lost).not.toBe(refused);
      expect(retried).toBe(lost);
      expect(redirectTo).toHaveBeenCalledTimes(1);
    });

    it('should offer no one-tap order for an order made without a match', async () => {
      const reply = declinedWithOffer();
      fakeCloud.ok('orders', 'order.detail', { ...reply, order: { ...reply.order, matchId: null } });
      const page = await openPage(pageId, { orderId: 'order-1' });

      expect(textOf(find(page, '#next-offer'))).toContain('东门社区志愿维修队');
      expect(textOf(find(page, '#next-offer'))).toContain('请到首页重新勾选该服务项目');
      expect(page.querySelector('#order-next')).toBeUndefined();
    });
  });
});
