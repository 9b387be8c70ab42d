/**
 * 服务回访 on its real WXML: channel, what the resident said, problems and suggestions with handling (each
 * row's 删除这一条 a named button); the thanks left for the job; opened without a job, the way back.
 */
import { takeNotice } from '../../../../miniprogram/utils/notice';
import { fakeCloud } from '../support/fake-cloud';
import {
  ariaOf,
  change,
  find,
  loadPage,
  noticeText,
  openPage,
  tapButton,
  textOf,
} from '../support/page-harness';
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
    // The thanks wait on the job the staff member goes back to.
    expect(noticeText(page)).toBe('');
    expect(takeNotice('/packages/staff/pages/job-detail/job-detail')).toEqual({
      text: '回访记录已提交',
      kind: 'success',
    });
    expect(navigateBack).toHaveBeenCalled();
    navigateBack.mockRestore();
  });

  it('should ask for the channel before anything is sent', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await change(page, '#summary', { value: '满意' });
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('请选择回访方式');
    expect(fakeCloud.sent('order.follow_up')).toEqual([]);
  });

  it('should ask how a raised problem was handled', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await change(page, '#channel', { value: 'visit' });
    await change(page, '#summary', { value: '有意见' });
    await tapButton(page, '#add-problems');
    await change(page, '#problems-0 .entry__content', { value: '上门迟到半小时' });
    await tapButton(page, '#submit');

    expect(noticeText(page)).toBe('请填写第 1 条反映的问题的处理情况');
    expect(fakeCloud.sent('order.follow_up')).toEqual([]);
  });

  it('should remove a row the staff member does not need', async () => {
    const page = await openPage(pageId, { orderId: 'order-1' });
    await tapButton(page, '#add-problems');
    await tapButton(page, '#add-problems');
    expect(page.querySelectorAll('.entry')).toHaveLength(2);

    const remove = find(page, '#problems-1 .entry__remove');
    expect(ariaOf(remove, 'ariaRole')).toBe('button');
    expect(ariaOf(remove, 'ariaLabel')).toBe('删除第 2 条问题');
    find(page, '#problems-0 .entry__remove').dispatchEvent('tap');
    await new Promise((r) => setTimeout(r, 0));
    expect(page.querySelectorAll('.entry')).toHaveLength(1);
  });
  it('should say so when opened without a job, with the way back', async () => {
    const navigateBack = jest.spyOn(wx, 'navigateBack').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, {});
    expect(textOf(find(page, '#state'))).toContain('没有找到要回访的订单');
    expect(page.querySelector('#submit')).toBeUndefined();
    await tapButton(find(page, '#state'), '#state-action');
    expect(navigateBack).toHaveBeenCalled();
    navigateBack.mockRestore();
  });
});
