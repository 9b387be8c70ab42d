/**
 * 差评回访工单 on its real WXML: loading, empty, error; tickets with their clocks (late ones said in words);
 * only the steps a ticket's `actions` allow; the contact form refuses a missing channel before sending and
 * sends feedback.ticket.contact; an appeal sends rating.appeal with the ticket's rating; 长辈模式.
 */
import { providersFail, providersOk, ticketView } from './governance-support';
import { openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  change,
  fakeStorage,
  find,
  loadPage,
  noticeText,
  openPage,
  rootClasses,
  tapButton,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const page = (items = [ticketView()]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  hasMore: false,
});

describe('差评回访工单', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/tickets/tickets');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeStorage();
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
    jest.restoreAllMocks();
  });

  it('should say what it reads while loading', () => {
    providersOk('feedback.ticket.list', page());
    expect(textOf(find(openWithoutSettling(pageId), '#state'))).toContain('正在读取差评回访工单');
  });

  it('should say when there is no ticket, and why a list could not be read', async () => {
    providersOk('feedback.ticket.list', page([]));
    expect(textOf(find(await openPage(pageId), '#state'))).toContain('本机构没有差评回访工单');
    providersFail('feedback.ticket.list', 'INTERNAL', '系统繁忙，请稍后重试');
    expect(textOf(find(await openPage(pageId), '#state'))).toContain('系统繁忙，请稍后重试');
  });

  it('should show each ticket with its clocks, a late one said in words, and only its allowed steps', async () => {
    providersOk(
      'feedback.ticket.list',
      page([
        ticketView(),
        ticketView({
          ticketId: 'ticket-2',
          contactOverdue: true,
          actions: { canContact: false, canResolve: true },
        }),
      ]),
    );
    const p = await openPage(pageId);
    expect(fakeCloud.sent('feedback.ticket.list').map((c) => c.input)).toEqual([
      { view: 'provider', page: 1, pageSize: 20 },
    ]);
    const first = textOf(find(p, '#ticket-ticket-1'));
    expect(first).toContain('家电维修 · 2 星：不满意');
    expect(first).toContain('居民说：师傅迟到了一个小时');
    expect(first).toMatch(/联系居民：.+ 前/);
    expect(first).not.toContain('已超时');
    expect(textOf(find(p, '#contact-clock-ticket-2'))).toContain('（已超时）');
    expect(p.querySelector('#contact-ticket-1')).toBeDefined();
    expect(p.querySelector('#resolve-ticket-1')).toBeUndefined();
    expect(p.querySelector('#contact-ticket-2')).toBeUndefined();
    expect(p.querySelector('#resolve-ticket-2')).toBeDefined();
  });

  it('should refuse a contact without its channel, then send it and read the list again', async () => {
    providersOk('feedback.ticket.list', page());
    providersOk('feedback.ticket.contact', {
      ticketId: 'ticket-1',
      status: 'contacted',
      statusLabel: '已联系',
      at: Date.now(),
      late: false,
    });
    const p = await openPage(pageId);
    await tapButton(p, '#contact-ticket-1');
    await change(p, '#note', { value: '已电话致歉，约好明天上门' });
    await tapButton(p, '#send');
    expect(noticeText(p)).toBe('请选择联系方式');
    expect(fakeCloud.sent('feedback.ticket.contact')).toEqual([]);

    await change(p, '#channel', { value: 'phone' });
    await tapButton(p, '#send');
    expect(fakeCloud.sent('feedback.ticket.contact').map((c) => c.input)).toEqual([
      {
        ticketId: 'ticket-1',
        channel: 'phone',
        note: '已电话致歉，约好明天上门',
        clientRequestId: expect.stringMatching(REQUEST_ID),
      },
    ]);
    expect(noticeText(p)).toContain('已记录联系情况');
    expect(fakeCloud.sent('feedback.ticket.list')).toHaveLength(2);
  });

  it('should appeal the ticket’s rating with a reason', async () => {
    providersOk('feedback.ticket.list', page());
    providersOk('rating.appeal', {
      appealId: 'appeal-1',
      ratingId: 'rating-1',
      status: 'pending',
      statusLabel: '待裁定',
    });
    const p = await openPage(pageId);
    await tapButton(p, '#appeal-ticket-1');
    await change(p, '#note', { value: '该居民并未下单本项服务' });
    await tapButton(p, '#send');
    expect(fakeCloud.sent('rating.appeal').map((c) => c.input)).toEqual([
      {
        ratingId: 'rating-1',
        reason: '该居民并未下单本项服务',
        clientRequestId: expect.stringMatching(REQUEST_ID),
      },
    ]);
    expect(noticeText(p)).toContain('由社区工作人员裁定');
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('feedback.ticket.list', page());
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
