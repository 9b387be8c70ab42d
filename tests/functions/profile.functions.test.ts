/**
 * The `profile` function on the local cloud, through the real SDK as the callers themselves: reading one's
 * own profile before and after binding, binding a grid or a community (a street, a county or an unknown unit
 * refused with nothing written), replays, grants kept, the contact phone with consent (typed; WeChat's code,
 * which the local cloud cannot exchange, refused with PHONE_CODE_INVALID; stored sealed), and identity taken
 * from the WeChat context only.
 */
import {
  DEMO_COMMUNITY_ID,
  DEMO_COUNTY_ID,
  DEMO_GRID_ID,
  DEMO_PROVIDER_MEMBER_OPENID,
  DEMO_STREET_ID,
} from '../../demo/demo.constants';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { functionCloud, type Reply } from './support/function-cloud';
import { expectRefusedWritingNothing, platformMark } from './support/platform-writes';
import { APPLIANCE_REPAIR, DEMO_RESIDENT, ok } from './support/order-loop';
import type { MatchProvidersResult as MatchReply } from '../../core/matching/match.reply';
import type { ProfileGetReply } from '../../core/profile/profile.reply';
import type { OrderListResult as OrderList } from '../../core/orders/order.replies';

const cloud = functionCloud();

type Profile = ProfileGetReply;

interface UserDoc {
  _id: string;
  openid: string;
  nickname: string;
  phone: string | null;
  phoneHash?: string | null;
  phoneConsentAt: number | null;
  homeUnitId: string | null;
  homeOrgPath: string | null;
  grants: Array<Record<string, unknown>>;
}

const profile = <T = Profile>(openid: string | null, command: string, input: unknown = {}) =>
  cloud.as(openid).call<T>('profile', command, input);
const rid = (label: string) => cloud.requestId(label);

async function fullName(unitId: string): Promise<string> {
  const unit = await cloud.get<{ fullName: string }>('org_units', unitId);
  if (unit === null) throw new Error(`no unit ${unitId}`);
  return unit.fullName;
}

const refusedWithNothingWritten = (call: () => Promise<Reply>, code: string): Promise<Reply> =>
  expectRefusedWritingNothing(cloud, call, code);

describe('profile.get and profile.bind', () => {
  const NEWCOMER = 't-profile-newcomer';

  test('before binding: a resident with no unit, and reading writes nothing', async () => {
    const before = platformMark(cloud);
    expect(ok(await profile(NEWCOMER, 'profile.get'))).toEqual({
      nickname: '',
      phone: null,
      homeUnitId: null,
      homeUnitName: null,
    });
    expect(platformMark(cloud)).toEqual(before);
    expect(await cloud.get('users', NEWCOMER)).toBeNull();
  });

  test('binding a grid creates the record; get answers it; a replay answers the same and writes nothing', async () => {
    const input = { orgUnitId: DEMO_GRID_ID, nickname: '新来的邻居', clientRequestId: rid('bind-grid') };
    const bound = ok(await profile(NEWCOMER, 'profile.bind', input));
    const expected = {
      nickname: '新来的邻居',
      phone: null,
      homeUnitId: DEMO_GRID_ID,
      homeUnitName: await fullName(DEMO_GRID_ID),
    };
    expect(bound).toEqual(expected);
    expect(expected.homeUnitName).toMatch(/^玉林市玉州区.+街道.+社区.+$/);
    expect(ok(await profile(NEWCOMER, 'profile.get'))).toEqual(expected);
    expect(await cloud.get<UserDoc>('users', NEWCOMER)).toMatchObject({
      openid: NEWCOMER,
      homeUnitId: DEMO_GRID_ID,
      homeOrgPath: DEMO_PATHS.grid,
      grants: [],
      phone: null,
    });

    const before = platformMark(cloud);
    expect(ok(await profile(NEWCOMER, 'profile.bind', input))).toEqual(expected);
    expect(platformMark(cloud)).toEqual(before);
  });

  test('once bound, match.request matches for the bound unit', async () => {
    const match = ok(
      await cloud.as(NEWCOMER).orders<MatchReply>('match.request', { itemIds: [APPLIANCE_REPAIR] }),
    );
    expect(match.orgPath).toBe(DEMO_PATHS.grid);
    expect(match.items[0]!.providers.length).toBeGreaterThan(0);
  });

  test('rebinding to a community: the unit changes, the nickname stays when none is given', async () => {
    const reply = ok(
      await profile(NEWCOMER, 'profile.bind', {
        orgUnitId: DEMO_COMMUNITY_ID,
        clientRequestId: rid('bind-comm'),
      }),
    );
    expect(reply).toEqual({
      nickname: '新来的邻居',
      phone: null,
      homeUnitId: DEMO_COMMUNITY_ID,
      homeUnitName: await fullName(DEMO_COMMUNITY_ID),
    });
    expect((await cloud.get<UserDoc>('users', NEWCOMER))!.homeOrgPath).toBe(DEMO_PATHS.community);
  });

  test.each([
    ['a street', DEMO_STREET_ID, 'ORG_UNIT_NOT_BINDABLE'],
    ['a county', DEMO_COUNTY_ID, 'ORG_UNIT_NOT_BINDABLE'],
    ['an unknown unit', '450902999999', 'ORG_UNIT_NOT_FOUND'],
    ['a malformed id', '../users', 'INVALID_INPUT'],
  ])('binding %s is refused (%s) and nothing is written', async (_label, orgUnitId, code) => {
    await refusedWithNothingWritten(
      () => profile(NEWCOMER, 'profile.bind', { orgUnitId, clientRequestId: rid('bind-bad') }),
      code,
    );
  });

  test('a sensitive nickname is refused (content security) and nothing is written', async () => {
    await refusedWithNothingWritten(
      () =>
        profile('t-profile-gambler', 'profile.bind', {
          orgUnitId: DEMO_GRID_ID,
          nickname: '网络博彩代理',
          clientRequestId: rid('bind-risky'),
        }),
      'NICKNAME_RISKY',
    );
  });

  test('the same request id for another unit: IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
    const clientRequestId = rid('bind-reuse');
    ok(await profile('t-profile-reuser', 'profile.bind', { orgUnitId: DEMO_GRID_ID, clientRequestId }));
    await refusedWithNothingWritten(
      () => profile('t-profile-reuser', 'profile.bind', { orgUnitId: DEMO_COMMUNITY_ID, clientRequestId }),
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  test('a provider staff member binds: their staff grant is kept and their jobs still open', async () => {
    const staff = DEMO_PROVIDER_MEMBER_OPENID;
    const original = (await cloud.get<UserDoc>('users', staff))!;
    expect(original.grants.some((g) => g['role'] === 'provider_staff')).toBe(true);
    ok(await profile(staff, 'profile.bind', { orgUnitId: DEMO_GRID_ID, clientRequestId: rid('bind-staff') }));
    const after = (await cloud.get<UserDoc>('users', staff))!;
    expect(after.grants).toEqual(original.grants);
    expect(after).toMatchObject({
      homeUnitId: DEMO_GRID_ID,
      homeOrgPath: DEMO_PATHS.grid,
      nickname: original.nickname,
    });
    ok(await cloud.as(staff).jobs<OrderList>('order.list', { as: 'provider_staff' }));
  });
});

describe('identity comes from the WeChat context', () => {
  test('an openid in the input is ignored: the caller binds themself, the named user is untouched', async () => {
    const victim = (await cloud.get<UserDoc>('users', DEMO_RESIDENT))!;
    const reply = ok(
      await profile('t-profile-impostor', 'profile.bind', {
        orgUnitId: DEMO_COMMUNITY_ID,
        openid: DEMO_RESIDENT,
        clientRequestId: rid('bind-impostor'),
      }),
    );
    expect(reply.homeUnitId).toBe(DEMO_COMMUNITY_ID);
    expect(await cloud.get<UserDoc>('users', DEMO_RESIDENT)).toEqual(victim);
    expect((await cloud.get<UserDoc>('users', 't-profile-impostor'))!.homeUnitId).toBe(DEMO_COMMUNITY_ID);
  });

  test('an openid or userInfo next to the command does not change who reads', async () => {
    const reply = ok(
      await cloud.as('t-profile-nobody').raw<Profile>('profile', {
        command: 'profile.get',
        input: { openid: DEMO_RESIDENT },
        openid: DEMO_RESIDENT,
        userInfo: { openId: DEMO_RESIDENT },
      }),
    );
    expect(reply).toEqual({ nickname: '', phone: null, homeUnitId: null, homeUnitName: null });
  });

  test('no WeChat identity: UNAUTHENTICATED, nothing written', async () => {
    await refusedWithNothingWritten(
      () => profile(null, 'profile.bind', { orgUnitId: DEMO_GRID_ID, clientRequestId: rid('bind-anon') }),
      'UNAUTHENTICATED',
    );
  });
});

describe('profile.phone.set', () => {
  const CALLER = 't-profile-phone';

  beforeAll(async () => {
    ok(
      await profile(CALLER, 'profile.bind', {
        orgUnitId: DEMO_GRID_ID,
        nickname: '林女士',
        clientRequestId: rid('p-bind'),
      }),
    );
  });

  test('typed with consent: stored with the consent time, shown masked; a replay writes nothing', async () => {
    const input = {
      method: 'typed',
      phone: '13977751234',
      consent: true,
      clientRequestId: rid('phone-typed'),
    };
    const at = cloud.now();
    const reply = ok(await profile(CALLER, 'profile.phone.set', input));
    expect(reply).toEqual({
      nickname: '林女士',
      phone: '139****1234',
      homeUnitId: DEMO_GRID_ID,
      homeUnitName: await fullName(DEMO_GRID_ID),
    });
    // Stored sealed (the local cloud's development key), with its blind index beside it.
    const stored = (await cloud.get<UserDoc>('users', CALLER))!;
    expect(stored.phone).toMatch(/^pii1:aes-256-gcm:dev-local:/);
    expect(stored.phoneHash).toMatch(/^pii1h:hmac-sha256:dev-local:/);
    expect(JSON.stringify(stored)).not.toMatch(/13977751234|林女士/);
    expect(stored.phoneConsentAt).toBeGreaterThanOrEqual(at);
    expect(ok(await profile(CALLER, 'profile.get')).phone).toBe('139****1234');

    const before = platformMark(cloud);
    expect(ok(await profile(CALLER, 'profile.phone.set', input))).toEqual(reply);
    expect(platformMark(cloud)).toEqual(before);
  });

  test('someone without a record may set a phone first: a resident with no unit yet', async () => {
    const reply = ok(
      await profile('t-profile-phone-first', 'profile.phone.set', {
        method: 'typed',
        phone: '13577750000',
        consent: true,
        clientRequestId: rid('phone-first'),
      }),
    );
    expect(reply).toEqual({ nickname: '', phone: '135****0000', homeUnitId: null, homeUnitName: null });
  });

  test.each([
    ['no consent', { method: 'typed', phone: '13977750000' }],
    ['consent false', { method: 'typed', phone: '13977750000', consent: false }],
    ['a malformed number', { method: 'typed', phone: '139777', consent: true }],
    ['an unknown method', { method: 'sms', phone: '13977750000', consent: true }],
  ])('%s: INVALID_INPUT, nothing written', async (_label, input) => {
    const reply = await refusedWithNothingWritten(
      () => profile(CALLER, 'profile.phone.set', { ...input, clientRequestId: rid('phone-bad') }),
      'INVALID_INPUT',
    );
    expect((reply.data as { details: { issues: unknown[] } }).details.issues.length).toBeGreaterThan(0);
  });

  test('wechat: the local cloud cannot exchange the code, so PHONE_CODE_INVALID and nothing written', async () => {
    const reply = await refusedWithNothingWritten(
      () =>
        profile(CALLER, 'profile.phone.set', {
          method: 'wechat',
          phoneCode: 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144',
          consent: true,
          clientRequestId: rid('phone-wx'),
        }),
      'PHONE_CODE_INVALID',
    );
    expect(reply.message).toBe('获取手机号失败，请手动填写手机号码');
    expect(ok(await profile(CALLER, 'profile.get')).phone).toBe('139****1234');
  });
});
