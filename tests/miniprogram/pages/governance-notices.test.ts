/**
 * 入驻公示 on its real WXML: loading, empty, error with a retry; the rows of provider.notice.list, one opened
 * in place with its items and prices; the objection form says the applicant is never told who objected,
 * refuses empty content and a malformed phone before sending, and sends provider.application.object with the
 * content (and the phone only when given); 长辈模式.
 */
import { noticeItem, providersFail, providersOk } from './governance-support';
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
  tapCell,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const page1 = (n: number) => ({
  items: Array.from({ length: n }, (_, i) => noticeItem({ applicationId: `app-${i + 1}` })),
  total: n,
  page: 1,
  pageSize: 20,
  hasMore: false,
});

describe('入驻公示', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/providers/pages/notices/notices');
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
    providersOk('provider.notice.list', page1(0));
    expect(textOf(find(openWithoutSettling(pageId), '#state'))).toContain('正在读取入驻公示');
  });

  it('should say when nothing is under notice', async () => {
    providersOk('provider.notice.list', page1(0));
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('现在没有正在公示的服务机构');
  });

  it('should say why the list could not be read, with a retry', async () => {
    providersFail('provider.notice.list', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');
    providersOk('provider.notice.list', page1(1));
    await tapButton(find(page, '#state'), '#state-action');
    expect(find(page, '#notice-app-1')).toBeDefined();
  });

  it('should open one in place with its items, prices and notice period', async () => {
    providersOk('provider.notice.list', page1(2));
    const page = await openPage(pageId);
    expect(fakeCloud.sent('provider.notice.list').map((c) => c.input)).toEqual([{ page: 1, pageSize: 20 }]);
    expect(page.querySelector('#detail-app-1')).toBeUndefined();
    await tapCell(page, '#open-app-1');
    const detail = textOf(find(page, '#detail-app-1'));
    expect(detail).toContain('家庭保洁：20元/次（市场价 50元/次）');
    expect(detail).toContain('服务范围：城南社区');
    expect(detail).toContain('行业主管部门：民政');
    expect(page.querySelector('#detail-app-2')).toBeUndefined();
  });

  it('should say the objector stays anonymous, refuse bad input before sending, and send the objection', async () => {
    providersOk('provider.notice.list', page1(1));
    providersOk('provider.application.object', {
      objectionId: 'obj-1',
      applicationId: 'app-1',
      status: 'open',
      statusLabel: '待答复',
    });
    const page = await openPage(pageId);
    await tapCell(page, '#open-app-1');
    await tapButton(page, '#object');
    expect(textOf(find(page, '#anonymous-note'))).toContain('不会告诉申请机构');

    await tapButton(page, '#send-objection');
    expect(noticeText(page)).toBe('请填写异议内容');
    await change(page, '#objection-content', { value: ' 该机构在别的小区收费高于公示价 ' });
    await change(page, '#objection-phone', { value: '12345' });
    await tapButton(page, '#send-objection');
    expect(noticeText(page)).toBe('请输入手机号码或带区号的固定电话');
    expect(fakeCloud.sent('provider.application.object')).toEqual([]);

    await change(page, '#objection-phone', { value: '' });
    await tapButton(page, '#send-objection');
    expect(fakeCloud.sent('provider.application.object').map((c) => c.input)).toEqual([
      {
        applicationId: 'app-1',
        content: '该机构在别的小区收费高于公示价',
        clientRequestId: expect.stringMatching(REQUEST_ID),
      },
    ]);
    expect(noticeText(page)).toContain('异议已提交');
    expect(textOf(find(page, '#objected-app-1'))).toContain('您已对该机构提出异议');
    expect(page.querySelector('#objection-form')).toBeUndefined();
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('provider.notice.list', page1(1));
    expect(rootClasses(await openPage(pageId))).toContain('elder');
  });
});
