/**
 * 我的入驻申请 on its real WXML: loading, empty (with the way to apply), error, rows with what to do next,
 * one application with only the buttons its `actions` allow (and its objections' answers, never who raised
 * them); 长辈模式. (A file of its own: miniprogram-simulate registers a page's components per load.)
 */
import {
  NO_ACTIONS,
  T0,
  applicationDetail,
  applicationSummary,
  providersFail,
  providersOk,
} from './governance-support';
import { openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  openPage,
  rootClasses,
  tapButton,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

describe('我的入驻申请', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/application/application');
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
    providersOk('provider.application.mine', { items: [] });
    const page = openWithoutSettling(pageId);
    expect(textOf(find(page, '#state'))).toContain('正在读取您的入驻申请');
  });

  it('should offer to apply when there is no application', async () => {
    providersOk('provider.application.mine', { items: [] });
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('您还没有提交过入驻申请');
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    await tapButton(find(page, '#state'), '#state-action');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/staff/pages/apply/apply' });
  });

  it('should say why the list could not be read', async () => {
    providersFail('provider.application.mine', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');
  });

  it('should list the applications with their status and what to do next', async () => {
    providersOk('provider.application.mine', {
      items: [
        applicationSummary({ applicationId: 'app-1', status: 'returned', statusLabel: '退回补充材料' }),
        applicationSummary({
          applicationId: 'app-2',
          status: 'noticed',
          statusLabel: '公示中',
          noticeEndsAt: Date.now() - 1000,
        }),
      ],
    });
    const page = await openPage(pageId);
    expect(textOf(find(page, '#application-app-1'))).toContain('请按退回意见修改后重新提交');
    expect(textOf(find(page, '#application-app-2'))).toContain('公示期满，请签署服务协定');
  });

  it('should show one application with only the buttons its actions allow', async () => {
    providersOk(
      'provider.application.detail',
      applicationDetail({
        status: 'returned',
        statusLabel: '退回补充材料',
        lastReason: '请补充食品经营许可证',
        actions: { ...NO_ACTIONS, canResubmit: true, canWithdraw: true },
        objections: [
          {
            objectionId: 'obj-1',
            content: '该机构曾多次收费不规范',
            status: 'dismissed',
            statusLabel: '不成立',
            reply: '经核实不属实',
            createdAt: T0,
            answeredAt: T0,
            contactPhone: null,
            mine: false,
          },
        ],
      }),
    );
    const page = await openPage(pageId, { applicationId: 'app-1' });
    expect(textOf(find(page, '#last-reason'))).toContain('请补充食品经营许可证');
    expect(page.querySelector('#resubmit')).toBeDefined();
    expect(page.querySelector('#withdraw')).toBeDefined();
    expect(page.querySelector('#sign')).toBeUndefined();
    expect(textOf(find(page, '#objections'))).toContain('经核实不属实');
    expect(textOf(find(page, '#timeline'))).toContain('发布公示');

    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    await tapButton(page, '#resubmit');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/staff/pages/apply/apply?applicationId=app-1' });
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('provider.application.mine', { items: [] });
    const page = await openPage(pageId);
    expect(rootClasses(page)).toContain('elder');
  });
});
