/** 服务回访 on its real WXML: channel, what the resident said, problems and suggestions with handling. */
import { fakeCloud } from '../support/fake-cloud';
import { change, find, loadPage, openPage, tapButton, toastMessage } from '../support/page-harness';
import { stepReply } from '../support/replies';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

describe('服务回访', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/follow-up/follow-up');
  });

  beforeEach(() => fakeCloud.reset());
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should submit the follow-up with a problem and how it was handled', async () => {
    fakeCloud.ok('jobs', 'order.follow_up', {
      ...stepReply('followed_up'),
      followUpId: 'follow-up-1',
      onTime: true,
      wasOverdue: false,
    });
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const page = await openPage(pageId, { orderId: 'order-1' });

    await change(page, '#channel', { value: 'phone' });
    expect(find(page, '#channel-phone').data['checked']).toBe(true);
    await change(page, '#summary', { value: '基本满意' });
    await tapButton(page, '#add-problems');
    await change(page, '#problems-0 .entry__content', { value: '空调外机有点响' });
    await change(page, '#problems-0 .entry__handling', { value: '已约周五上门加固支架' });
    await tapButton(page, '#add-suggestions');
    await tapButton(page, '#submit');

    expect(fakeCloud.sent('order.follow_up')).toEqual([
      {
        name: 'jobs',
        command: 'order.follow_up',
        input: {
          orderId: 'order-1',
          channel: 'phone',
          summary: '基本满意',
          problems: [{ content: '空调外机有点响', handling: '已约周五上门加固支架' }],
          // The suggestion row was added but left empty: it is not sent.
          suggestions: [],
          clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        },
      },
    ]);
    expect(toastMessage(page)).toBe('回访记录已提交');
    expect(navigateBack).toHaveBeenCalled();
    navigateBack.mockRestore();
  });

  it('should ask for the channel before anything is sent', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await change(page, '#summary', { value: '满意' });
    await tapButton(page, '#submit');

    expect(toastMessage(page)).toBe('请选择回访方式');
    expect(fakeCloud.sent('order.follow_up')).toEqual([]);
  });

  it('should ask how a raised problem was handled', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await change(page, '#channel', { value: 'visit' });
    await change(page, '#summary', { value: '有意见' });
    await tapButton(page, '#add-problems');
    await change(page, '#problems-0 .entry__content', { value: '上门迟到半小时' });
    await tapButton(page, '#submit');

    expect(toastMessage(page)).toBe('请填写第 1 条反映的问题的处理情况');
    expect(fakeCloud.sent('order.follow_up')).toEqual([]);
  });

  it('should remove a row the staff member does not need', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await tapButton(page, '#add-problems');
    await tapButton(page, '#add-problems');
    expect(page.querySelectorAll('.entry')).toHaveLength(2);

    find(page, '#problems-0 .entry__remove').dispatchEvent('tap');
    await new Promise((r) => setTimeout(r, 0));
    expect(page.querySelectorAll('.entry')).toHaveLength(1);
  });
});
