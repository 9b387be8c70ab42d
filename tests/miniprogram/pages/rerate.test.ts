/**
 * 再次评价 (the rating page with `mode=rerate`) on its real WXML: the same stars and text, said as the second
 * rating after a resolved 差评, sent as rating.rerate to `providers` (never order.rate); the thanks left for
 * the order; the server's refusal (already re-rated) said on the page.
 */
import { takeNotice } from '../../../miniprogram/utils/notice';
import { providersFail, providersOk } from './complaint-support';
import { fakeCloud } from './support/fake-cloud';
import { change, find, loadPage, noticeText, openPage, tap, tapButton, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const ORDER_DETAIL = '/pages/order-detail/order-detail';

describe('再次评价', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/rate/rate');
  });

  beforeEach(() => {
    fakeCloud.reset();
    takeNotice(ORDER_DETAIL);
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should send rating.rerate with the stars and the text, and thank the resident on the order', async () => {
    providersOk('rating.rerate', {
      orderId: 'order-1',
      ratingId: 'rat-order-1',
      stars: 4,
      previousStars: 1,
      textVisible: true,
    });
    const title = jest.spyOn(wx, 'setNavigationBarTitle');
    const back = jest.spyOn(wx, 'navigateBack').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, { orderId: 'order-1', mode: 'rerate' });
    expect(title).toHaveBeenCalledWith(expect.objectContaining({ title: '再次评价' }));
    expect(textOf(find(page, '#question'))).toBe('问题处理后，您对这次服务满意吗？');
    expect(textOf(find(page, '#rerate-hint'))).toContain('每个订单只能再评价一次');

    await tap(page, '#star-4');
    await change(page, '#text', { value: '复修后制冷正常了' });
    await tapButton(page, '#submit');
    expect(fakeCloud.sent('order.rate')).toEqual([]);
    expect(fakeCloud.sent('rating.rerate')).toEqual([
      {
        name: 'providers',
        command: 'rating.rerate',
        input: {
          orderId: 'order-1',
          stars: 4,
          text: '复修后制冷正常了',
          clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      },
    ]);
    expect(back).toHaveBeenCalled();
    expect(takeNotice(ORDER_DETAIL)).toEqual({
      text: '已再次评价，新的评价替换了原来的评价',
      kind: 'success',
    });
  });

  it('should say the refusal when the order was already rated again', async () => {
    providersFail('rating.rerate', 'RERATE_ALREADY_DONE', '这个订单已经再次评价过，每个订单只能再评价一次');
    const back = jest.spyOn(wx, 'navigateBack');
    const page = await openPage(pageId, { orderId: 'order-1', mode: 'rerate' });
    await tap(page, '#star-5');
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('这个订单已经再次评价过，每个订单只能再评价一次');
    expect(back).not.toHaveBeenCalled();
  });

  it('should stay the first rating without the mode', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(find(page, '#question'))).toBe('您对这次服务满意吗？');
    expect(page.querySelector('#rerate-hint')).toBeUndefined();
  });
});
