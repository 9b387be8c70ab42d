/**
 * 订单详情's 售后与投诉 on its real WXML: 投诉 and 我的投诉 for the resident once the job is done (not before,
 * nor for anyone else); after a 差评 its follow-up ticket's state, and 再次评价 exactly when order.detail's
 * `feedback.canRerate` is true (the core's rule: resolved, not rated again), opening the rating page in its
 * rerate mode.
 */
import { ratedOrder, ticket } from './complaint-support';
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, openPage, tapButton, textOf } from './support/page-harness';
import { asStaff, orderDetail } from './support/replies';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('订单详情 · 售后与投诉', () => {
  let pageId: string;
  let navigateTo: jest.SpyInstance;

  beforeAll(() => {
    pageId = loadPage('pages/order-detail/order-detail');
  });

  beforeEach(() => {
    fakeCloud.reset();
    navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should offer 投诉 and 我的投诉 on a finished order, with the order’s names', async () => {
    fakeCloud.ok('orders', 'order.detail', ratedOrder(null));
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(page.querySelector('#ticket')).toBeUndefined();
    await tapButton(page, '#complain');
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/concerns/pages/complaint/complaint?orderId=order-1&item=${encodeURIComponent('家电维修')}&provider=${encodeURIComponent('玉州区邻里家电维修服务部')}`,
    });
    await tapButton(page, '#my-complaints');
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/concerns/pages/complaints/complaints?orderId=order-1',
    });
  });

  it('should offer no complaint before the job is done, nor to the provider’s staff', async () => {
    fakeCloud.ok('orders', 'order.detail', orderDetail({ status: 'accepted', acceptedAt: 1 }));
    const accepted = await openPage(pageId, { orderId: 'order-1' });
    expect(accepted.querySelector('#after-care')).toBeUndefined();

    fakeCloud.ok('orders', 'order.detail', asStaff(ratedOrder(ticket('resolved'))));
    const staff = await openPage(pageId, { orderId: 'order-1' });
    expect(staff.querySelector('#after-care')).toBeUndefined();
  });

  it('should show the open ticket without 再次评价', async () => {
    for (const status of ['open', 'contacted'] as const) {
      fakeCloud.ok('orders', 'order.detail', ratedOrder(ticket(status)));
      const page = await openPage(pageId, { orderId: 'order-1' });
      expect(textOf(find(page, '#ticket'))).toContain(
        status === 'open' ? '差评回访：待联系' : '差评回访：已联系，整改中',
      );
      expect(page.querySelector('#rerate')).toBeUndefined();
    }
  });

  it('should offer 再次评价 once the ticket is resolved, opening the rating page in its rerate mode', async () => {
    fakeCloud.ok('orders', 'order.detail', ratedOrder(ticket('resolved')));
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(find(page, '#ticket'))).toContain('差评回访：已办结（已整改）');
    await tapButton(page, '#rerate');
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/rate/rate?orderId=order-1&mode=rerate' });
  });

  it('should offer 再次评价 only when the reply’s canRerate says so, keeping the ticket’s state', async () => {
    // The core decides (core/reputation/rerate.rule.ts); the page does not guess from the ticket's status.
    fakeCloud.ok('orders', 'order.detail', ratedOrder(ticket('resolved', false, false)));
    const refused = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(find(refused, '#ticket'))).toContain('差评回访：已办结（已整改）');
    expect(textOf(find(refused, '#ticket'))).not.toContain('您可以再评价一次');
    expect(refused.querySelector('#rerate')).toBeUndefined();

    fakeCloud.ok('orders', 'order.detail', ratedOrder(ticket('resolved', false, true)));
    const open = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(find(open, '#ticket'))).toContain('您可以再评价一次（只能一次）');
    expect(find(open, '#rerate')).toBeDefined();
  });

  it('should not offer 再次评价 twice', async () => {
    fakeCloud.ok('orders', 'order.detail', ratedOrder(ticket('resolved', true)));
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(find(page, '#ticket'))).toContain('您已再次评价');
    expect(page.querySelector('#rerate')).toBeUndefined();
  });
});
