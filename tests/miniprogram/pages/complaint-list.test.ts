/**
 * 我的投诉 on its real WXML: the resident's complaints (complaint.list view mine), each with its status and the
 * community's answer once given, the order it was opened from marked 本订单, more pages on demand; none yet:
 * where to complain; a list that could not be read, with a retry.
 */
import {
  complaintPage,
  complaintView,
  providersFail,
  providersOk,
  upheldComplaint,
} from './complaint-support';
import { fakeCloud } from './support/fake-cloud';
import { find, loadPage, openPage, tapButton, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('我的投诉', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/concerns/pages/complaints/complaints');
  });

  beforeEach(() => fakeCloud.reset());
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should list the resident’s complaints with their status and the community’s answer', async () => {
    providersOk('complaint.list', complaintPage([complaintView(), upheldComplaint()]));
    const page = await openPage(pageId, { orderId: 'order-1' });
    expect(fakeCloud.sent('complaint.list')).toEqual([
      { name: 'providers', command: 'complaint.list', input: { view: 'mine', page: 1, pageSize: 20 } },
    ]);
    const waiting = textOf(find(page, '#complaint-cmp-1'));
    expect(waiting).toContain('本订单 · 家电维修 · 玉州区邻里家电维修服务部');
    expect(waiting).toContain('待核实');
    expect(waiting).toContain('等待社区工作人员核实');
    const upheld = textOf(find(page, '#complaint-cmp-2'));
    expect(upheld).not.toContain('本订单');
    expect(upheld).toContain('投诉属实');
    expect(upheld).toContain('附照片 2 张');
    expect(textOf(find(page, '#reply-cmp-2'))).toContain('经核实情况属实，已责成服务机构上门返工');
    expect(textOf(find(page, '#no-more'))).toBe('已显示全部 2 条');
  });

  it('should read the next page on 加载更多 and add it below', async () => {
    providersOk('complaint.list', complaintPage([complaintView()], true));
    const page = await openPage(pageId, {});
    providersOk('complaint.list', complaintPage([upheldComplaint()]));
    await tapButton(page, '#more');
    expect(fakeCloud.sent('complaint.list').map((c) => c.input['page'])).toEqual([1, 2]);
    expect(page.querySelector('#complaint-cmp-1')).toBeDefined();
    expect(page.querySelector('#complaint-cmp-2')).toBeDefined();
  });

  it('should say where to complain when there is none, and why when the list cannot be read', async () => {
    providersOk('complaint.list', complaintPage([]));
    const empty = await openPage(pageId, {});
    expect(textOf(find(empty, '#state'))).toContain('您还没有投诉过');

    providersFail('complaint.list', 'INTERNAL', '系统繁忙，请稍后再试');
    const failed = await openPage(pageId, {});
    expect(textOf(find(failed, '#state'))).toContain('系统繁忙，请稍后再试');
  });
});
