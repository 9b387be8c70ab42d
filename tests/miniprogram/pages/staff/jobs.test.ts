/** 服务机构工作台 on its real WXML: the provider's jobs (jobs → order.list) and reminder consent. */
import type { OrderStatus } from 'weimin-core';
import { fakeCloud } from '../support/fake-cloud';
import {
  find,
  loadPage,
  openPage,
  rootClasses,
  tap,
  tapButton,
  tapCell,
  textOf,
  toastMessage,
} from '../support/page-harness';
import { orderPage } from '../support/replies';

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
    expect(textOf(page)).toContain('没有更多了');
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
    expect(toastMessage(page)).toBe('已开启提醒');
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

  it('should show the workbench in 长辈模式 once the user turned it on', async () => {
    const stored = jest
      .spyOn(wx, 'getStorageSync')
      .mockImplementation((k: string) => (k === 'elderMode' ? 'on' : ''));
    const page = await openPage(pageId);
    expect(rootClasses(page)).toEqual(['page', 'elder']);
    stored.mockRestore();
  });
});
