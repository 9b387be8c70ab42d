/**
 * The profile use cases on the in-memory database: reading one's own profile (masked phone, the unit's full
 * name), binding a grid or community (only those; grants kept, the stored resident grant moved along;
 * idempotent), and the contact phone with consent, typed or exchanged from WeChat's code (failures refused
 * with PHONE_CODE_INVALID, a replay never exchanging the code twice). A refusal writes nothing.
 */
import { loadActor } from '../../../core/auth/actor.loader';
import { actorWithResidentGrant, type Actor } from '../../../core/auth/roles';
import { residentUnitPath } from '../../../core/matching/match-providers.usecase';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { User } from '../../../core/model/user.model';
import { unitIdOfPath } from '../../../core/org/org-path';
import { bindProfile } from '../../../core/profile/bind-profile.usecase';
import { getProfile } from '../../../core/profile/get-profile.usecase';
import { setPhone } from '../../../core/profile/set-phone.usecase';
import { type PhoneNumberResolver } from '../../../core/profile/phone-number.port';
import {
  CITY,
  COMMUNITY,
  COUNTY,
  GRID,
  OTHER_COMMUNITY,
  RESIDENT,
  STREET,
  T0,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedUser,
  staffActor,
  type World,
} from '../support/order-loop.fixture';

const NEWCOMER = 'o-newcomer';

/** A resolver answering from a table of codes, counting its calls. */
class FakePhoneNumbers implements PhoneNumberResolver {
  readonly calls: string[] = [];
  constructor(readonly numbers: Record<string, string | null> = {}) {}
  async resolve(code: string): Promise<string | null> {
    this.calls.push(code);
    return this.numbers[code] ?? null;
  }
}

const newcomer = (): Actor => actorWithResidentGrant(NEWCOMER, undefined, []);
const user = (world: World, openid: string) =>
  world.db.all<User>(COLLECTIONS.users).find((u) => u._id === openid);

function bind(world: World, actor: Actor, command: Record<string, unknown>) {
  return bindProfile({ ports: world.ports, actor, command });
}

function phone(
  world: World,
  actor: Actor,
  command: Record<string, unknown>,
  numbers = new FakePhoneNumbers(),
) {
  return setPhone({ ports: world.ports, actor, command, phoneNumbers: numbers });
}

describe('profile.get', () => {
  test('someone without a record is a resident who has not bound a unit', async () => {
    const world = createWorld();
    await expect(getProfile({ ports: world.ports, actor: newcomer(), command: {} })).resolves.toEqual({
      nickname: '',
      phone: null,
      homeUnitId: null,
      homeUnitName: null,
    });
  });

  test('the own record: phone masked, the unit from the path when only the path is stored, its full name', async () => {
    const world = createWorld();
    await expect(getProfile({ ports: world.ports, actor: residentActor(), command: {} })).resolves.toEqual({
      nickname: '黄阿姨',
      phone: '138****1234',
      homeUnitId: 'g1',
      homeUnitName: '金港小区',
    });
  });

  test('an openid in the input is ignored: identity is the actor', async () => {
    const world = createWorld();
    const reply = await getProfile({ ports: world.ports, actor: newcomer(), command: { openid: RESIDENT } });
    expect(reply.nickname).toBe('');
  });

  test('no identity: UNAUTHENTICATED', async () => {
    const world = createWorld();
    const actor: Actor = { openid: '', grants: [] };
    expect(await codeOf(getProfile({ ports: world.ports, actor, command: {} }))).toBe('UNAUTHENTICATED');
  });
});

describe('profile.bind', () => {
  test('a newcomer binds a grid: the record is created, and a replay answers the same and writes nothing', async () => {
    const world = createWorld();
    const command = { orgUnitId: 'g1', nickname: ' 小林 ', clientRequestId: rid() };
    const reply = await bind(world, newcomer(), command);
    expect(reply).toEqual({ nickname: '小林', phone: null, homeUnitId: 'g1', homeUnitName: '金港小区' });
    expect(user(world, NEWCOMER)).toMatchObject({
      _id: NEWCOMER,
      openid: NEWCOMER,
      nickname: '小林',
      homeUnitId: 'g1',
      homeOrgPath: GRID,
      phone: null,
      grants: [],
      demo: false,
      createdAt: T0,
    });
    // The functions build the actor from the record: the resident grant is now the grid.
    const actor = await loadActor(world.db, NEWCOMER);
    expect(residentUnitPath(actor)).toBe(GRID);

    const before = world.db.snapshot();
    await expect(bind(world, newcomer(), command)).resolves.toEqual(reply);
    expect(world.db.snapshot()).toBe(before);
  });

  test('a community may be bound too; no nickname keeps the current one', async () => {
    const world = createWorld();
    const reply = await bind(world, residentActor(), { orgUnitId: 'xm', clientRequestId: rid() });
    expect(reply).toEqual({
      nickname: '黄阿姨',
      phone: '138****1234',
      homeUnitId: 'xm',
      homeUnitName: '西门社区',
    });
    expect(user(world, RESIDENT)).toMatchObject({ homeUnitId: 'xm', homeOrgPath: OTHER_COMMUNITY });
  });

  test.each([
    ['a street', unitIdOfPath(STREET), 'ORG_UNIT_NOT_BINDABLE'],
    ['a county', unitIdOfPath(COUNTY), 'ORG_UNIT_NOT_BINDABLE'],
    ['the city', unitIdOfPath(CITY), 'ORG_UNIT_NOT_BINDABLE'],
    ['an unknown unit', 'nowhere', 'ORG_UNIT_NOT_FOUND'],
    ['a malformed id', 'a/b', 'INVALID_INPUT'],
  ])('%s is refused (%s) and nothing is written', async (_label, orgUnitId, code) => {
    const world = createWorld();
    const before = world.db.snapshot();
    expect(await codeOf(bind(world, newcomer(), { orgUnitId, clientRequestId: rid() }))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });

  test('a provider staff member binds: the staff grant is kept as it is', async () => {
    const world = createWorld();
    const grants = [
      { role: 'provider_staff' as const, providerId: 'p1', position: 'manager' as const, orgPath: COMMUNITY },
    ];
    seedUser(world.db, 'staff-p1', { nickname: '王师傅', grants });
    await bind(world, staffActor('p1', 'staff-p1', 'manager'), { orgUnitId: 'g2', clientRequestId: rid() });
    expect(user(world, 'staff-p1')).toMatchObject({ grants, homeUnitId: 'g2', nickname: '王师傅' });
  });

  test('a stored resident grant moves with the home; the other grants stay', async () => {
    const world = createWorld();
    seedUser(world.db, 'o-moving', {
      homeUnitId: 'g1',
      homeOrgPath: GRID,
      grants: [
        { role: 'resident', orgPath: GRID },
        { role: 'volunteer', orgPath: COMMUNITY, teamId: 't1', position: 'member' },
      ],
    });
    const actor = await loadActor(world.db, 'o-moving');
    await bind(world, actor, { orgUnitId: 'xm', clientRequestId: rid() });
    expect(user(world, 'o-moving')!.grants).toEqual([
      { role: 'resident', orgPath: OTHER_COMMUNITY },
      { role: 'volunteer', orgPath: COMMUNITY, teamId: 't1', position: 'member' },
    ]);
    expect(residentUnitPath(await loadActor(world.db, 'o-moving'))).toBe(OTHER_COMMUNITY);
  });

  test('the nickname goes through content security: risky refused, review accepted', async () => {
    const world = createWorld();
    world.contentSecurity.verdicts.set('坏名字', 'risky');
    world.contentSecurity.verdicts.set('存疑', 'review');
    const before = world.db.snapshot();
    expect(
      await codeOf(bind(world, newcomer(), { orgUnitId: 'g1', nickname: '坏名字', clientRequestId: rid() })),
    ).toBe('NICKNAME_RISKY');
    expect(world.db.snapshot()).toBe(before);
    await bind(world, newcomer(), { orgUnitId: 'g1', nickname: '存疑', clientRequestId: rid() });
    expect(user(world, NEWCOMER)!.nickname).toBe('存疑');
    expect(world.contentSecurity.calls.map((c) => c.scene)).toEqual(['profile', 'profile']);
  });

  test('the same request id for another unit: IDEMPOTENCY_KEY_REUSED', async () => {
    const world = createWorld();
    const clientRequestId = rid();
    await bind(world, newcomer(), { orgUnitId: 'g1', clientRequestId });
    expect(await codeOf(bind(world, newcomer(), { orgUnitId: 'g2', clientRequestId }))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(user(world, NEWCOMER)!.homeUnitId).toBe('g1');
  });

  test('an openid in the input changes nothing of that user', async () => {
    const world = createWorld();
    await bind(world, newcomer(), { orgUnitId: 'g2', openid: RESIDENT, clientRequestId: rid() });
    expect(user(world, RESIDENT)!.homeOrgPath).toBe(GRID);
    expect(user(world, NEWCOMER)!.homeUnitId).toBe('g2');
  });
});

describe('profile.phone.set', () => {
  test('typed with consent: stored with the consent time, answered masked; a replay writes nothing', async () => {
    const world = createWorld();
    world.clock.advance(60_000);
    const command = { method: 'typed', phone: '13977771234', consent: true, clientRequestId: rid() };
    const reply = await phone(world, newcomer(), command);
    expect(reply).toEqual({ nickname: '', phone: '139****1234', homeUnitId: null, homeUnitName: null });
    expect(user(world, NEWCOMER)).toMatchObject({
      phone: '13977771234',
      phoneConsentAt: T0 + 60_000,
      homeOrgPath: null,
    });
    const before = world.db.snapshot();
    await expect(phone(world, newcomer(), command)).resolves.toEqual(reply);
    expect(world.db.snapshot()).toBe(before);
  });

  test('an existing record keeps its unit and nickname', async () => {
    const world = createWorld();
    const reply = await phone(world, residentActor(), {
      method: 'typed',
      phone: '13700001111',
      consent: true,
      clientRequestId: rid(),
    });
    expect(reply).toEqual({
      nickname: '黄阿姨',
      phone: '137****1111',
      homeUnitId: 'g1',
      homeUnitName: '金港小区',
    });
  });

  test.each([
    ['no consent', { method: 'typed', phone: '13977771234' }],
    ['consent false', { method: 'typed', phone: '13977771234', consent: false }],
    ['a malformed number', { method: 'typed', phone: '1397777', consent: true }],
    ['a landline', { method: 'typed', phone: '0775-2345678', consent: true }],
    ['no method', { phone: '13977771234', consent: true }],
    ['wechat without a code', { method: 'wechat', consent: true }],
  ])('%s: INVALID_INPUT, nothing written', async (_label, input) => {
    const world = createWorld();
    const numbers = new FakePhoneNumbers({ any: '13900000000' });
    const before = world.db.snapshot();
    expect(await codeOf(phone(world, newcomer(), { ...input, clientRequestId: rid() }, numbers))).toBe(
      'INVALID_INPUT',
    );
    expect(world.db.snapshot()).toBe(before);
    expect(numbers.calls).toEqual([]);
  });

  test('wechat: the code is exchanged once; a replay answers the first reply without exchanging it again', async () => {
    const world = createWorld();
    const numbers = new FakePhoneNumbers({ 'code-ok': '13655556666' });
    const command = { method: 'wechat', phoneCode: 'code-ok', consent: true, clientRequestId: rid() };
    const reply = await phone(world, newcomer(), command, numbers);
    expect(reply.phone).toBe('136****6666');
    expect(user(world, NEWCOMER)).toMatchObject({ phone: '13655556666', phoneConsentAt: T0 });
    await expect(phone(world, newcomer(), command, numbers)).resolves.toEqual(reply);
    expect(numbers.calls).toEqual(['code-ok']);
  });

  test.each([
    ['no number for the code', 'code-bad'],
    ['a number that is not a mainland mobile', 'code-foreign'],
  ])('wechat, %s: PHONE_CODE_INVALID, nothing written', async (_label, phoneCode) => {
    const world = createWorld();
    const numbers = new FakePhoneNumbers({ 'code-foreign': '85291234567' });
    const before = world.db.snapshot();
    const command = { method: 'wechat', phoneCode, consent: true, clientRequestId: rid() };
    expect(await codeOf(phone(world, newcomer(), command, numbers))).toBe('PHONE_CODE_INVALID');
    expect(world.db.snapshot()).toBe(before);
  });

  test('the request id of another command: IDEMPOTENCY_KEY_REUSED, the code not exchanged', async () => {
    const world = createWorld();
    const numbers = new FakePhoneNumbers({ 'code-ok': '13655556666' });
    const clientRequestId = rid();
    await bind(world, newcomer(), { orgUnitId: 'g1', clientRequestId });
    const command = { method: 'wechat', phoneCode: 'code-ok', consent: true, clientRequestId };
    expect(await codeOf(phone(world, newcomer(), command, numbers))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(numbers.calls).toEqual([]);
  });
});
