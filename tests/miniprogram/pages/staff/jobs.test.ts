/**
 * 服务机构工作台 on its real WXML: the provider's jobs (jobs → order.list) and reminder consent; the place
 * kept when coming back from a job, the binding's confirmation, the error and empty states; the ways to the
 * provider's pages: 服务报价 and 本机构星级 for every staff member, 邀请同事 and 差评回访 for managers.
 */
import type { OrderStatus } from 'weimin-core';
import { leaveNotice } from '../../../../miniprogram/utils/notice';
import { fakeCloud } from '../support/fake-cloud';
import {
  find,
  loadPage,
  openPage,
  rootClasses,
  showAgain,
  tap,
  tapButton,
  tapCell,
  textOf,
  noticeText,
} from '../support/page-harness';
import { asStaff, orderDetail, orderPage } from '../support/replies';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

describe('服务机构工作台', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/jobs/jobs');
  });

  beforeEach(() => {
    fakeCloud.reset();
    fakeCloud.ok('jobs', 'order.list', (input: { status?: OrderStatus }) =>
      orderPage(0, 3, 3, input.status ?? 'accepted'),
    );
  });

  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should list the jobs waiting for an answer first', async () => {
    const page = await openPage(pageId);

    expect(fakeCloud.sent('order.list')).toEqual([
      {
        name: 'jobs',
        command: 'order.list',
        input: { as: 'provider_staff', status: 'created', page: 1, pageSize: 20 },
      },
    ]);
    expect(textOf(find(page, '#job-order-0'))).toContain('待接单');
    expect(textOf(find(page, '#no-more'))).toBe('已显示全部 3 个订单');
  });

  it('should show every job under 全部', async () => {
    const page = await openPage(pageId);
    await tap(page, '#filter-all');
    expect(fakeCloud.sent('order.list')[1]!.input).toEqual({ as: 'provider_staff', page: 1, pageSize: 20 });
  });

  it('should ask for new-order and follow-up reminders', async () => {
    fakeCloud.answerSubscribe({ TPL_ORDER_NEW: 'accept', TPL_FOLLOWUP_DUE: 'accept' });
    const page = await openPage(pageId);
    await tapButton(page, '#alerts');

    expect(fakeCloud.subscribeRequests).toEqual([['TPL_ORDER_NEW', 'TPL_FOLLOWUP_DUE']]);
    expect(noticeText(page)).toBe('已开启提醒：有新订单或回访快到期时，微信会通知您');
  });

  it('should open a job', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await openPage(pageId);
    await tapCell(page, '#job-order-1');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/staff/pages/job-detail/job-detail?orderId=order-1' }),
    );
    navigateTo.mockRestore();
  });

  it('should offer a manager the invite page of their provider', async () => {
    fakeCloud.ok('jobs', 'order.list', {
      ...orderPage(0, 1, 1),
      staff: { providerId: 'prov-1', position: 'manager' },
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await openPage(pageId);
    await tapButton(page, '#invite');
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/staff/pages/invite/invite?providerId=prov-1' }),
    );
    navigateTo.mockRestore();
  });

  it('should not offer members the invite page', async () => {
    fakeCloud.ok('jobs', 'order.list', {
      ...orderPage(0, 1, 1),
      staff: { providerId: 'prov-1', position: 'member' },
    });
    const page = await openPage(pageId);
    expect(page.querySelector('#invite-section')).toBeUndefined();
  });

  it('should give a manager 服务报价, 差评回访 and 本机构星级 of their provider', async () => {
    fakeCloud.ok('jobs', 'order.list', {
      ...orderPage(0, 1, 1),
      staff: { providerId: 'prov-1', position: 'manager' },
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#manage-section'))).toContain('本机构的服务报价、差评回访和星级');
    await tapButton(page, '#to-offerings');
    await tapButton(page, '#to-tickets');
    await tapButton(page, '#to-standing');
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/staff/pages/offerings/offerings?providerId=prov-1',
      '/packages/staff/pages/tickets/tickets',
      '/packages/staff/pages/standing/standing',
    ]);
    navigateTo.mockRestore();
  });

  it('should give a member 服务报价 (read-only there) and 本机构星级, but not 差评回访', async () => {
    fakeCloud.ok('jobs', 'order.list', {
      ...orderPage(0, 1, 1),
      staff: { providerId: 'prov-1', position: 'member' },
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#manage-section'))).toContain('报价由机构负责人修改');
    expect(page.querySelector('#to-tickets')).toBeUndefined();
    await tapButton(page, '#to-offerings');
    await tapButton(page, '#to-standing');
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/staff/pages/offerings/offerings?providerId=prov-1',
      '/packages/staff/pages/standing/standing',
    ]);
    navigateTo.mockRestore();
  });

  it('should offer none of the provider’s pages before the list names the provider', async () => {
    const page = await openPage(pageId);
    expect(page.querySelector('#manage-section')).toBeUndefined();
  });

  it('should say the binding is done when the bind page opens it', async () => {
    leaveNotice('/packages/staff/pages/jobs/jobs', '已绑定邻里家电维修服务部，可以接单了');
    const page = await openPage(pageId);
    expect(noticeText(page)).toBe('已绑定邻里家电维修服务部，可以接单了');
  });

  it('should refresh only the job opened when coming back from it', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    fakeCloud.reset();
    fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({ orderId: 'order-1', status: 'accepted' })));

    await tapCell(page, '#job-order-1');
    await showAgain(page);

    expect(fakeCloud.calls.map((c) => c.command)).toEqual(['order.detail']);
    expect(textOf(find(page, '#job-order-1'))).toContain('已接单');
    expect((page.data['jobs'] as unknown[]).length).toBe(3);
    navigateTo.mockRestore();
  });

  it('should say why the jobs could not be read, with a retry and the way to bind', async () => {
    fakeCloud.fail('jobs', 'order.list', 'PERMISSION_DENIED', '您没有权限进行此操作');
    const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    const state = find(page, '#state');
    expect(textOf(state)).toContain('您没有权限进行此操作');

    await tapButton(state, '#state-secondary');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/bind/bind' });
    fakeCloud.ok('jobs', 'order.list', orderPage(0, 2, 2));
    await tapButton(state, '#state-action');
    expect((page.data['jobs'] as unknown[]).length).toBe(2);
    navigateTo.mockRestore();
  });

  it('should point to 全部 when a filter has no jobs', async () => {
    fakeCloud.ok('jobs', 'order.list', orderPage(0, 0, 0));
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('可以点上面的“全部”查看所有订单');
  });

  it('should show the workbench in 长辈模式 once the user turned it on', async () => {
    const stored = jest
      .spyOn(wx, 'getStorageSync')
      .mockImplementation((k: string) => (k === 'elderMode' ? 'on' : ''));
    const page = await openPage(pageId);
    expect(rootClasses(page)).toEqual(['page', 'elder']);
    stored.mockRestore();
  });
});
