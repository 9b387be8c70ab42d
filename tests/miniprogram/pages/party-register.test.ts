/**
 * 双报到 on its real WXML (packages/community/pages/register): the form for a serving party member (naming a
 * registered organisation or not) and for a party organisation's secretary, checked before sending; the
 * caller's registrations with what each means now and the community's reason when declined; someone without
 * a bound home sent to 我的; 我的 opens the page.
 */
import { fakeCloud } from './support/fake-cloud';
import { HOME, mine, registration, scriptPartyRegister as scriptParty } from './party-scenarios';
import {
  change,
  find,
  loadPage,
  noticeText,
  openPage,
  tapButton,
  tapCell,
  textOf,
} from './support/page-harness';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
};
const cloud = fakeCloud as unknown as Untyped;
const scriptPartyRegister = (state: 'form' | 'mine' | 'no-home') => scriptParty(fakeCloud, state);

const sent = (command: string) => fakeCloud.sent(command).map((c) => c.input);

beforeEach(() => fakeCloud.reset());
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

describe('双报到', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/register/register');
  });

  it('should send a member’s registration with the organisation named, and list it', async () => {
    scriptPartyRegister('form');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#community'))).toBe('报到社区：东门社区金港花园');
    expect(textOf(find(page, '#no-registrations'))).toBe('您还没有报到。');
    await change(page, '#name', { value: ' 韦建明 ' });
    await change(page, '#work-unit', { value: '玉林市财政局' });
    await change(page, '#phone', { value: '13907758801' });
    await change(page, '#services', { value: '法律咨询、政策宣讲' });
    await change(page, '#party-org', { value: 'po-organ-01' });
    cloud.ok('party', 'party.register', { registrationId: 'reg-1', status: 'pending' });
    cloud.ok('party', 'party.mine', mine([registration()]));
    await tapButton(page, '#submit');
    expect(sent('party.register')).toEqual([
      {
        kind: 'party_member',
        communityId: '450902001001001',
        name: '韦建明',
        workUnit: '玉林市财政局',
        contactPhone: '13907758801',
        services: ['法律咨询', '政策宣讲'],
        partyOrgId: 'po-organ-01',
        clientRequestId: expect.any(String),
      },
    ]);
    expect(noticeText(page)).toBe('已提交报到，社区确认后会通知您');
    expect(textOf(find(page, '#registration-reg-1'))).toContain('等待社区确认');
  });

  it('should ask an organisation for its type, rank, secretary and member count before sending', async () => {
    scriptPartyRegister('form');
    const page = await openPage(pageId);
    await change(page, '#kind', { value: 'party_org' });
    await change(page, '#name', { value: '玉林市税务局第一党支部' });
    await change(page, '#work-unit', { value: '玉林市税务局' });
    await change(page, '#phone', { value: '0775-2831234' });
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('请选择党组织类型');
    expect(sent('party.register')).toEqual([]);
    await change(page, '#org-type', { value: 'organ' });
    await change(page, '#rank', { value: 'branch' });
    await change(page, '#secretary', { value: '黄丽萍' });
    await change(page, '#member-count', { value: '28' });
    cloud.ok('party', 'party.register', { registrationId: 'reg-3', status: 'pending' });
    await tapButton(page, '#submit');
    expect(sent('party.register')[0]).toMatchObject({
      kind: 'party_org',
      orgType: 'organ',
      rank: 'branch',
      secretaryName: '黄丽萍',
      memberCount: 28,
    });
  });

  it('should show the server’s refusal as it is', async () => {
    scriptPartyRegister('form');
    const page = await openPage(pageId);
    await change(page, '#name', { value: '韦建明' });
    await change(page, '#work-unit', { value: '玉林市财政局' });
    await change(page, '#phone', { value: '13907758801' });
    cloud.fail(
      'party',
      'party.register',
      'PARTY_REGISTRATION_PENDING',
      '您在该社区已有待确认的报到申请，请等待社区确认后再提交',
    );
    await tapButton(page, '#submit');
    expect(noticeText(page)).toContain('已有待确认的报到申请');
  });

  it('should show what each registration means, and the community’s reason when declined', async () => {
    scriptPartyRegister('mine');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#registration-reg-1'))).toContain('待确认');
    expect(textOf(find(page, '#registration-reg-2'))).toContain('社区意见：请补充单位出具的报到函');
    expect(textOf(find(page, '#registration-reg-2'))).toContain('可按意见修改后重新报到');
  });

  it('should send someone without a bound home to 我的', async () => {
    scriptPartyRegister('no-home');
    const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation(() => undefined as never);
    const page = await openPage(pageId);
    expect(textOf(find(page, '#no-community'))).toContain('请先在“我的”中绑定');
    expect(page.querySelector('#submit')).toBeUndefined();
    await tapButton(page, '#go-profile');
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/profile/profile' });
  });
});

test('我的 opens 双报到', async () => {
  const pageId = loadPage('pages/profile/profile');
  cloud.ok('profile', 'profile.get', HOME);
  cloud.ok('profile', 'message.list', {
    items: [],
    total: 0,
    unread: 0,
    page: 1,
    pageSize: 1,
    hasMore: false,
  });
  const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
  const page = await openPage(pageId);
  await tapCell(page, '#party-register');
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/community/pages/register/register' });
});
