/**
 * The paged-list behavior's options on 我的投诉's real WXML (miniprogram/behaviors/paged-list.behavior.ts):
 * a next page that failed waits for 重新加载 (scrolling does not read it again), and a pull-down that fails
 * shows the error alone, not the rows read before.
 */
import {
  complaintPage,
  complaintView,
  providersFail,
  providersOk,
  upheldComplaint,
} from './complaint-support';
import { fakeCloud } from './support/fake-cloud';
import { fakeStorage, find, loadPage, openPage, settle, tapButton, textOf } from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

interface ListInstance {
  onReachBottom(): void;
  onPullDownRefresh(): void;
}
const listOf = (page: Awaited<ReturnType<typeof openPage>>) => page.instance as unknown as ListInstance;
const pagesSent = () => fakeCloud.sent('complaint.list').map((c) => c.input['page']);

describe('我的投诉, a page at a time', () => {
  let complaints: string;

  beforeAll(() => {
    complaints = loadPage('packages/concerns/pages/complaints/complaints');
  });
  beforeEach(() => {
    fakeCloud.reset();
    fakeStorage();
  });
  afterEach(() => {
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should show the error alone when 我的投诉 cannot be read again, and wait for 重新加载 after a failed next page', async () => {
    providersOk('complaint.list', complaintPage([complaintView()], true));
    const page = await openPage(complaints);
    providersFail('complaint.list', 'INTERNAL', '系统繁忙，请稍后再试');
    listOf(page).onReachBottom();
    await settle();
    expect(textOf(find(page, '#more-error'))).toContain('系统繁忙，请稍后再试');
    listOf(page).onReachBottom(); // not read again by scrolling: its 重新加载 does
    await settle();
    expect(pagesSent()).toEqual([1, 2]);

    providersOk('complaint.list', complaintPage([upheldComplaint()]));
    await tapButton(page, '#more-retry');
    expect(pagesSent()).toEqual([1, 2, 2]);
    expect(find(page, '#complaint-cmp-2')).toBeDefined();

    providersFail('complaint.list', 'INTERNAL', '系统繁忙，请稍后再试');
    listOf(page).onPullDownRefresh();
    await settle();
    expect(page.querySelector('#complaint-cmp-1')).toBeUndefined();
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后再试');
  });
});
