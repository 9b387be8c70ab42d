/**
 * 评价 on its real WXML: five star buttons (each said in words, the choice shown by filled stars and in
 * words), the text, sent as order.rate; the thanks left for the order the resident goes back to, a
 * refusal said on the page.
 */
import { takeNotice } from '../../../miniprogram/utils/notice';
import { fakeCloud } from './support/fake-cloud';
import {
  ariaOf,
  change,
  find,
  loadPage,
  noticeText,
  openPage,
  tap,
  tapButton,
  textOf,
} from './support/page-harness';
import { stepReply } from './support/replies';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('评价', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('pages/rate/rate');
  });

  beforeEach(() => fakeCloud.reset());
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should submit the stars and the text, and thank the resident on the order they go back to', async () => {
    fakeCloud.ok('orders', 'order.rate', {
      ...stepReply('rated'),
      ratingId: 'rating-1',
      stars: 4,
      textVisible: true,
    });
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(find(page, '#submit').data['disabled']).toBe(true);
    expect(textOf(find(page, '#submit'))).toBe('请先点星星评分');

    await tap(page, '#star-4');
    expect(textOf(find(page, '#stars-text'))).toBe('已选 4 星：满意');
    expect(textOf(find(page, '#stars'))).toBe('★★★★☆');
    // The five levels of 政务服务"好差评" beside the stars, the chosen one marked in words.
    expect(textOf(find(page, '#level-4'))).toBe('✓ 4 星：满意（已选）');
    expect(textOf(find(page, '#level-1'))).toBe('1 星：非常不满意');
    expect(textOf(find(page, '#level-3'))).toBe('3 星：基本满意');
    await change(page, '#text', { value: '  师傅准时上门，修得很好  ' });
    await tapButton(page, '#submit');

    expect(fakeCloud.sent('order.rate')).toEqual([
      {
        name: 'orders',
        command: 'order.rate',
        input: {
          orderId: 'order-1',
          stars: 4,
          text: '师傅准时上门，修得很好',
          clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      },
    ]);
    expect(navigateBack).toHaveBeenCalled();
    expect(takeNotice('/pages/order-detail/order-detail')).toEqual({
      text: '感谢您的评价，评价已提交',
      kind: 'success',
    });
    navigateBack.mockRestore();
  });

  it('should say each star in words for screen readers, the chosen one checked', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await tap(page, '#star-2');

    expect(ariaOf(find(page, '#star-1'), 'ariaLabel')).toBe('1 星：非常不满意');
    expect(ariaOf(find(page, '#star-5'), 'ariaLabel')).toBe('5 星：非常满意');
    expect(ariaOf(find(page, '#star-2'), 'ariaRole')).toBe('radio');
    expect(ariaOf(find(page, '#star-2'), 'ariaChecked')).toBe(true);
    expect(ariaOf(find(page, '#star-3'), 'ariaChecked')).toBe(false);
  });

  it('should show why a rating was refused and stay on the page', async () => {
    fakeCloud.fail('orders', 'order.rate', 'CONTENT_RISKY', '评价内容含有不适宜发布的信息，请修改后再提交');
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const page = await openPage(pageId, { orderId: 'order-1' });
    await tap(page, '#star-1');
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('评价内容含有不适宜发布的信息，请修改后再提交');
    expect(navigateBack).not.toHaveBeenCalled();
    navigateBack.mockRestore();
  });

  it('should not send a rating without stars', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await (page.instance as unknown as { onSubmit(): Promise<void> }).onSubmit();
    expect(fakeCloud.sent('order.rate')).toEqual([]);
    expect(noticeText(page)).toBe('请选择 1 到 5 星评分');
  });

  it('should say so when opened without an order, with the way back', async () => {
    const navigateBack = jest.spyOn(wx, 'navigateBack').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, {});
    expect(textOf(find(page, '#state'))).toContain('没有找到要评价的订单');
    expect(page.querySelector('#submit')).toBeUndefined();
    await tapButton(find(page, '#state'), '#state-action');
    expect(navigateBack).toHaveBeenCalled();
    navigateBack.mockRestore();
  });
});
