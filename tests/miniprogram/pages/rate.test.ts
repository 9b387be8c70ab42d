/** 评价 on its real WXML: t-rate 1-5 stars and text, sent as order.rate. */
import { fakeCloud } from './support/fake-cloud';
import { change, find, loadPage, openPage, tapButton, textOf, toastMessage } from './support/page-harness';
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

  it('should submit the stars and the text of the rating', async () => {
    fakeCloud.ok('orders', 'order.rate', {
      ...stepReply('rated'),
      ratingId: 'rating-1',
      stars: 4,
      textVisible: true,
    });
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(find(page, '#submit').data['disabled']).toBe(true);

    await change(page, '#stars', { value: 4 });
    expect(textOf(page)).toContain('满意');
    expect(find(page, '#stars').data['value']).toBe(4);
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
    expect(toastMessage(page)).toBe('感谢您的评价');
    expect(navigateBack).toHaveBeenCalled();
    navigateBack.mockRestore();
  });

  it('should show why a rating was refused and stay on the page', async () => {
    fakeCloud.fail('orders', 'order.rate', 'CONTENT_RISKY', '评价内容含有不适宜发布的信息，请修改后再提交');
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const page = await openPage(pageId, { orderId: 'order-1' });
    await change(page, '#stars', { value: 1 });
    await tapButton(page, '#submit');

    expect(toastMessage(page)).toBe('评价内容含有不适宜发布的信息，请修改后再提交');
    expect(navigateBack).not.toHaveBeenCalled();
    navigateBack.mockRestore();
  });

  it('should not send a rating without stars', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    (page.instance as unknown as { onSubmit(): Promise<void> }).onSubmit();
    expect(fakeCloud.sent('order.rate')).toEqual([]);
    expect(toastMessage(page)).toBe('请选择 1 到 5 星评分');
  });
});
