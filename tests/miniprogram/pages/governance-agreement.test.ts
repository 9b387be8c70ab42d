/**
 * 签署服务协定 and 我的入驻申请 on their real WXML. The agreement page: loading, error, opened without an
 * application, the text and version from the reply, signing refused until the box is ticked, the version
 * SHOWN sent with provider.application.sign, the manager's next steps after it, an outdated version read
 * again, and why it cannot be signed yet (the notice not over); 长辈模式.
 */
import {
  AGREEMENT_TEXT,
  NO_ACTIONS,
  T0,
  applicationDetail,
  providersFail,
  providersOk,
} from './governance-support';
import { openWithoutSettling } from './concern-support';
import { fakeCloud } from './support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  noticeKind,
  noticeText,
  openPage,
  rootClasses,
  tapButton,
  tapCheckbox,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

describe('签署服务协定', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/staff/pages/agreement/agreement');
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
    providersOk('provider.application.detail', applicationDetail());
    const page = openWithoutSettling(pageId, { applicationId: 'app-1' });
    expect(textOf(find(page, '#state'))).toContain('正在读取服务协定');
  });

  it('should say where to come from when opened without an application', async () => {
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('没有找到要签署的申请');
    expect(fakeCloud.calls).toEqual([]);
  });

  it('should say why it could not read the agreement, with a retry', async () => {
    providersFail('provider.application.detail', 'APPLICATION_NOT_FOUND', '入驻申请不存在或您无权查看');
    const page = await openPage(pageId, { applicationId: 'app-1' });
    expect(textOf(find(page, '#state'))).toContain('入驻申请不存在或您无权查看');

    providersOk('provider.application.detail', applicationDetail());
    await tapButton(find(page, '#state'), '#state-action');
    expect(textOf(find(page, '#agreement-text'))).toContain(AGREEMENT_TEXT.title);
  });

  it('should show the text and version of the reply, and refuse to sign until the box is ticked', async () => {
    providersOk('provider.application.detail', applicationDetail());
    const page = await openPage(pageId, { applicationId: 'app-1' });
    const text = textOf(find(page, '#agreement-text'));
    expect(text).toContain('版本：2026-1');
    expect(text).toContain('第一条 服务机构按公示的价格提供服务。');
    expect(text).toContain('第二条 低收费服务的价格低于市场价。');

    await tapButton(page, '#sign');
    expect(noticeText(page)).toBe('请先阅读服务协定，并勾选“我已阅读并同意”');
    expect(fakeCloud.sent('provider.application.sign')).toEqual([]);
  });

  it('should send the version it showed, then list the manager’s next steps', async () => {
    providersOk(
      'provider.application.detail',
      applicationDetail({ agreementText: { ...AGREEMENT_TEXT, version: '2026-3' } }),
    );
    providersOk('provider.application.sign', {
      applicationId: 'app-1',
      providerId: 'prov-9',
      status: 'agreement_signed',
      statusLabel: '已签订服务协定',
      agreementId: 'agr-1',
      agreementVersion: '2026-3',
      signedAt: T0,
      offerings: 1,
      managerGranted: true,
    });
    const page = await openPage(pageId, { applicationId: 'app-1' });
    await tapCheckbox(page, '#accept');
    await tapButton(page, '#sign');

    expect(fakeCloud.sent('provider.application.sign').map((c) => c.input)).toEqual([
      {
        applicationId: 'app-1',
        agreementVersion: '2026-3',
        accept: true,
        clientRequestId: expect.stringMatching(REQUEST_ID),
      },
    ]);
    expect(noticeKind(page)).toBe('success');
    expect(noticeText(page)).toContain('服务协定已签署');
    const signed = textOf(find(page, '#signed'));
    expect(signed).toContain('您已成为本机构的负责人');
    expect(signed).toContain('邀请同事加入');
    const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation(() => undefined as never);
    await tapButton(page, '#to-offerings');
    expect(redirect).toHaveBeenCalledWith({
      url: '/packages/staff/pages/offerings/offerings?providerId=prov-9',
    });
  });

  it('should say an outdated version and show the version in force', async () => {
    let version = '2026-1';
    providersOk('provider.application.detail', () =>
      applicationDetail({ agreementText: { ...AGREEMENT_TEXT, version } }),
    );
    providersFail(
      'provider.application.sign',
      'AGREEMENT_VERSION_OUTDATED',
      '服务协定已更新，请阅读最新版本后再签署',
    );
    const page = await openPage(pageId, { applicationId: 'app-1' });
    await tapCheckbox(page, '#accept');
    version = '2026-2';
    await tapButton(page, '#sign');

    expect(noticeText(page)).toBe('服务协定已更新，请阅读最新版本后再签署');
    expect(textOf(find(page, '#version'))).toContain('2026-2');
    expect(page.data['accepted']).toBe(false);
  });

  it('should say why it cannot be signed while the notice runs, with no way to sign', async () => {
    providersOk(
      'provider.application.detail',
      applicationDetail({ noticeEndsAt: Date.now() + 86_400_000, actions: NO_ACTIONS }),
    );
    const page = await openPage(pageId, { applicationId: 'app-1' });
    expect(textOf(find(page, '#why'))).toContain('期满后才能签署');
    expect(page.querySelector('#sign')).toBeUndefined();
  });

  it('should follow 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    providersOk('provider.application.detail', applicationDetail());
    const page = await openPage(pageId, { applicationId: 'app-1' });
    expect(rootClasses(page)).toContain('elder');
  });
});
