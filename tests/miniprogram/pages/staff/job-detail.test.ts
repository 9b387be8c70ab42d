/**
 * 订单详情 (provider staff) on its real WXML: accept, decline with a reason, done, on to the follow-up and
 * back with its thanks; the resident's phone as a named button once it may be dialled; an order that could
 * not be read, with a retry.
 */
import { leaveNotice } from '../../../../miniprogram/utils/notice';
import { fakeCloud } from '../support/fake-cloud';
import {
  ariaOf,
  change,
  find,
  loadPage,
  noticeText,
  openPage,
  showAgain,
  tapButton,
  tapCell,
  textOf,
} from '../support/page-harness';
import { asStaff, orderDetail, stepReply, timelineEntry } from '../support/replies';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

const REQUEST_ID = expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);

describe('订单详情（服务机构）', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/job-detail/job-detail');
  });

  beforeEach(() => fakeCloud.reset());
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should accept a new job and then show the resident phone in full', async () => {
    fakeCloud.ok(
      'jobs',
      'order.detail',
      asStaff(
        orderDetail({ serviceAddress: null, serviceAddressHidden: true }, ['order.accept', 'order.decline']),
      ),
    );
    fakeCloud.ok('jobs', 'order.accept', stepReply('accepted'));
    const page = await openPage(pageId, { orderId: 'order-1' });

    expect(fakeCloud.sent('order.detail')[0]).toEqual({
      name: 'jobs',
      command: 'order.detail',
      input: { orderId: 'order-1' },
    });
    expect(textOf(find(page, '#resident-phone'))).toContain('138****1234');
    expect(textOf(find(page, '#resident-phone'))).toContain('接单后可见完整号码');
    expect(textOf(find(page, '#service-address'))).toContain('接单后可见');

    fakeCloud.ok(
      'jobs',
      'order.detail',
      asStaff(
        orderDetail(
          { status: 'accepted', residentPhone: '13812341234', serviceAddress: '金港花园 3 栋 2 单元 501' },
          ['order.done'],
          [timelineEntry('created', 0, 'resident'), timelineEntry('accepted', 10, 'provider_staff')],
        ),
      ),
    );
    await tapButton(page, '#accept');

    expect(fakeCloud.sent('order.accept')).toEqual([
      { name: 'jobs', command: 'order.accept', input: { orderId: 'order-1', clientRequestId: REQUEST_ID } },
    ]);
    expect(noticeText(page)).toBe('已接单，请及时联系居民');
    expect(textOf(find(page, '#status'))).toBe('已接单');
    expect(textOf(find(page, '#resident-phone'))).toContain('13812341234');
    expect(textOf(find(page, '#service-address'))).toContain('金港花园 3 栋 2 单元 501');
    expect(page.querySelector('#accept')).toBeUndefined();
    expect(textOf(find(page, '#finish'))).toBe('完成服务');
    expect(textOf(find(page, '#timeline'))).toContain('服务机构已接单');
  });

  it('should decline only with a reason', async () => {
    fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({}, ['order.accept', 'order.decline'])));
    fakeCloud.ok('jobs', 'order.decline', { ...stepReply('declined'), nextOffer: null });
    const page = await openPage(pageId, { orderId: 'order-1' });

    await tapButton(page, '#decline');
    await tapButton(page, '#decline-confirm');
    expect(noticeText(page)).toBe('请填写拒单原因');
    expect(fakeCloud.sent('order.decline')).toEqual([]);

    await change(page, '#decline-reason', { value: '师傅今天都已排满' });
    fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({ status: 'declined' }, [])));
    await tapButton(page, '#decline-confirm');

    expect(fakeCloud.sent('order.decline')).toEqual([
      {
        name: 'jobs',
        command: 'order.decline',
        input: { orderId: 'order-1', reason: '师傅今天都已排满', clientRequestId: REQUEST_ID },
      },
    ]);
    expect(textOf(find(page, '#status'))).toBe('已拒单');
    expect(page.querySelector('#decline-form')).toBeUndefined();
  });

  it('should mark the job done after asking for the follow-up reminder', async () => {
    fakeCloud.ok(
      'jobs',
      'order.detail',
      asStaff(orderDetail({ status: 'accepted', residentPhone: '13812341234' }, ['order.done'])),
    );
    const followUpDueAt = Date.UTC(2026, 11, 2, 2, 0);
    fakeCloud.ok('jobs', 'order.done', { ...stepReply('done'), followUpDueAt });
    const page = await openPage(pageId, { orderId: 'order-1' });

    fakeCloud.ok(
      'jobs',
      'order.detail',
      asStaff(orderDetail({ status: 'done', followUpDueAt }, ['order.follow_up'])),
    );
    await tapButton(page, '#finish');

    expect(fakeCloud.subscribeRequests).toEqual([['TPL_FOLLOWUP_DUE']]);
    expect(fakeCloud.sent('order.done')[0]!.input).toEqual({
      orderId: 'order-1',
      note: '',
      clientRequestId: REQUEST_ID,
    });
    expect(textOf(page)).toContain('回访截止 2026-12-02 10:00');
    expect(textOf(find(page, '#follow-up'))).toBe('填写回访');
  });

  it('should show why an action was refused', async () => {
    fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({}, ['order.accept'])));
    fakeCloud.fail('jobs', 'order.accept', 'ORDER_ILLEGAL_TRANSITION', '订单当前状态不能接单');
    const page = await openPage(pageId, { orderId: 'order-1' });
    await tapButton(page, '#accept');

    expect(noticeText(page)).toBe('订单当前状态不能接单');
    expect(textOf(find(page, '#status'))).toBe('待接单');
  });
  it('should thank the staff member for the follow-up when they come back from it', async () => {
    fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({ status: 'done' }, ['order.follow_up'])));
    const page = await openPage(pageId, { orderId: 'order-1' });
    fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({ status: 'followed_up' })));
    leaveNotice('/packages/staff/pages/job-detail/job-detail', '回访记录已提交');

    await showAgain(page);

    expect(noticeText(page)).toBe('回访记录已提交');
    expect(page.querySelector('#follow-up')).toBeUndefined();
  });

  it('should make the phone a named button once it may be dialled', async () => {
    fakeCloud.ok(
      'jobs',
      'order.detail',
      asStaff(orderDetail({ status: 'accepted', residentPhone: '13812341234' }, ['order.done'])),
    );
    const call = jest.spyOn(wx, 'makePhoneCall').mockImplementation(() => undefined as never);
    const page = await openPage(pageId, { orderId: 'order-1' });
    const phone = find(page, '#resident-phone');
    expect(ariaOf(phone, 'ariaLabel')).toBe('拨打居民电话 13812341234');

    await tapCell(page, '#resident-phone');
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13812341234' });
    call.mockRestore();
  });

  it('should say why the job could not be read, and read it again on 重新加载', async () => {
    fakeCloud.fail('jobs', 'order.detail', 'NOT_FOUND', '订单不存在');
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(textOf(find(page, '#state'))).toContain('订单不存在');
    expect(page.querySelector('#accept')).toBeUndefined();

    fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({}, ['order.accept'])));
    await tapButton(find(page, '#state'), '#state-action');
    expect(textOf(find(page, '#accept'))).toBe('接单');
  });
});
