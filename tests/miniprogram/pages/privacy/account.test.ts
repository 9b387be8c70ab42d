/**
 * 注销账号 on its real WXML: nothing happens before the resident ticks that they understood and confirms;
 * a refusal that needs a person offers a deletion request; once deleted, what was kept is said and the
 * address this phone remembered is cleared.
 */
import { fakeCloud } from '../support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  openPage,
  tapButton,
  tapCheckbox,
  textOf,
  noticeText,
} from '../support/page-harness';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

const ADDRESS_KEY = 'weimin.lastServiceAddress';
const OPEN_ORDERS =
  '您还有进行中的订单，请先取消或等服务完成后再注销；也可以提交注销申请，由社区工作人员协助办理';

function answerModal(confirm: boolean) {
  return jest.spyOn(wx, 'showModal').mockImplementation((o: WechatMiniprogram.ShowModalOption) => {
    o.success?.({ confirm, cancel: !confirm, content: '', errMsg: 'showModal:ok' });
    return undefined as never;
  });
}

describe('注销账号', () => {
  let pageId: string;
  let storage: Map<string, unknown>;

  beforeAll(() => {
    pageId = loadPage('packages/privacy/pages/account/account');
  });

  beforeEach(() => {
    fakeCloud.reset();
    storage = fakeStorage();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should ask for the tick and the confirmation before deleting anything', async () => {
    answerModal(false);
    const page = await openPage(pageId);
    await tapButton(page, '#delete');
    expect(noticeText(page)).toBe('请先阅读说明并勾选确认');
    await tapCheckbox(page, '#understood');
    await tapButton(page, '#delete');
    expect(fakeCloud.calls).toEqual([]);
  });

  it('should say what was kept and clear the address this phone remembered', async () => {
    answerModal(true);
    storage.set(ADDRESS_KEY, '金港花园 3 栋 502');
    fakeCloud.ok('profile', 'profile.delete', { deletedAt: 1, ordersKept: 9, concernsKept: 0 });
    const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);

    await tapCheckbox(page, '#understood');
    await tapButton(page, '#delete');

    expect(fakeCloud.sent('profile.delete')[0]!.input).toMatchObject({ confirm: true });
    expect(textOf(find(page, '#done'))).toContain('您的9 个服务订单已去除称呼、地址和备注，按规定留存');
    expect(storage.has(ADDRESS_KEY)).toBe(false);
    await tapButton(page, '#back');
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/profile/profile' });
  });

  it('should offer a deletion request when a person must decide', async () => {
    answerModal(true);
    fakeCloud.fail('profile', 'profile.delete', 'ACCOUNT_HAS_OPEN_ORDERS', OPEN_ORDERS);
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);

    await tapCheckbox(page, '#understood');
    await tapButton(page, '#delete');

    expect(textOf(find(page, '#refusal'))).toContain(OPEN_ORDERS);
    expect(page.querySelector('#done')).toBeUndefined();
    await tapButton(page, '#request-deletion');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/privacy/pages/requests/requests?kind=deletion' });
  });
});
