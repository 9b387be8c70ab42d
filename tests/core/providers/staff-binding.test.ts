/**
 * Provider staff binding by invite code (core/providers): a manager issues a code, a WeChat user binds with
 * it and becomes staff; every refusal has its stable code and writes nothing; replays answer the first reply.
 */
import { loadActor } from '../../../core/auth/actor.loader';
import { actorWithResidentGrant, type Actor, type RoleGrant } from '../../../core/auth/roles';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { StaffInvite } from '../../../core/model/provider.model';
import type { User } from '../../../core/model/user.model';
import { acceptOrder } from '../../../core/orders/accept-order.usecase';
import { listOrders } from '../../../core/orders/list-orders.usecase';
import { platformConfig } from '../../../core/kernel/platform.config';
import { INVITE_CODE_ALPHABET, inviteCodeFrom } from '../../../core/providers/staff-invite.policy';
import { bindStaff } from '../../../core/providers/staff-bind.usecase';
import { inviteStaff } from '../../../core/providers/staff-invite.usecase';
import type { IdGenerator } from '../../../core/kernel/ports';
import {
  COMMUNITY,
  DAY,
  GRID,
  OTHER_COMMUNITY,
  RESIDENT,
  T0,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  seedUser,
  staffActor,
  workerActor,
  type World,
} from '../support/order-loop.fixture';
import { placeOrder } from '../support/order-loop.steps';
import type { StaffInviteReply } from '../../../core/providers/staff.replies';

const MANAGER = 'o-manager-p1';
const OTHER_MANAGER = 'o-manager-p2';
const MEMBER = 'staff-p1';
const NEWCOMER = 'o-newcomer';
const CODE = new RegExp(`^[${INVITE_CODE_ALPHABET}]{8}$`);

function world2(config = platformConfig()): World {
  const world = createWorld(config);
  seedProvider(world, { id: 'p1', name: '玉林家电快修', serves: [COMMUNITY] });
  seedProvider(world, { id: 'p2', name: '西门家政', serves: [OTHER_COMMUNITY] });
  seedProvider(world, { id: 'p3', serves: [COMMUNITY] });
  seedUser(world.db, MANAGER, {
    nickname: '梁师傅',
    grants: [{ role: 'provider_staff', providerId: 'p1', position: 'manager', orgPath: COMMUNITY }],
  });
  seedUser(world.db, OTHER_MANAGER, {
    grants: [{ role: 'provider_staff', providerId: 'p2', position: 'manager', orgPath: OTHER_COMMUNITY }],
  });
  return world;
}

const managerOf = (providerId: string, openid: string): Actor => staffActor(providerId, openid, 'manager');

function invite(
  world: World,
  actor: Actor,
  input: Record<string, unknown> = {},
  config = world.config,
): Promise<StaffInviteReply> {
  return inviteStaff({
    ports: world.ports,
    actor,
    config,
    command: { providerId: 'p1', position: 'member', clientRequestId: rid(), ...input },
  });
}

function bind(world: World, actor: Actor, inviteCode: string, clientRequestId = rid()) {
  return bindStaff({
    ports: world.ports,
    actor,
    config: world.config,
    command: { inviteCode, clientRequestId },
  });
}

const newcomer = (openid = NEWCOMER): Actor => actorWithResidentGrant(openid, undefined, []);
const userOf = (world: World, openid: string) => world.db.get<User>(COLLECTIONS.users, openid);
const inviteOf = (world: World, id: string) => world.db.get<StaffInvite>(COLLECTIONS.staffInvites, id);

describe('provider.staff.invite', () => {
  test('a manager issues a one-time code for the provider, valid for the configured days', async () => {
    const world = world2();
    const reply = await invite(world, managerOf('p1', MANAGER), { position: 'manager' });

    expect(reply).toEqual({
      inviteCode: expect.stringMatching(CODE),
      position: 'manager',
      expiresAt: T0 + 7 * DAY,
      providerId: 'p1',
      providerName: '玉林家电快修',
    });
    expect(await inviteOf(world, reply.inviteCode)).toEqual({
      _id: reply.inviteCode,
      providerId: 'p1',
      position: 'manager',
      inviteCode: reply.inviteCode,
      createdBy: MANAGER,
      createdAt: T0,
      expiresAt: T0 + 7 * DAY,
      usedBy: null,
      usedAt: null,
      orgPath: COMMUNITY,
    });
  });

  test('the validity comes from the configuration', async () => {
    const world = world2(platformConfig({ staff: { inviteValidDays: 2 } }));
    const reply = await invite(world, managerOf('p1', MANAGER));
    expect(reply.expiresAt).toBe(T0 + 2 * DAY);
    expect(() => platformConfig({ staff: { inviteValidDays: 0 } })).toThrow('must be > 0');
  });

  test('codes use no look-alike characters and differ from one invite to the next', async () => {
    const world = world2();
    const codes = new Set<string>();
    for (let i = 0; i < 20; i += 1) codes.add((await invite(world, managerOf('p1', MANAGER))).inviteCode);
    expect(codes.size).toBe(20);
    for (const code of codes) expect(code).not.toMatch(/[01OI]/);
  });

  test('a code already taken is drawn again inside the transaction', async () => {
    const world = world2();
    const script = ['same', 'same', 'other'];
    const ids: IdGenerator = { next: () => script.shift() ?? 'spare' };
    const ports = { ...world.ports, ids };
    const run = () =>
      inviteStaff({
        ports,
        actor: managerOf('p1', MANAGER),
        command: { providerId: 'p1', position: 'member', clientRequestId: rid() },
      });
    const first = await run();
    const second = await run();
    expect(first.inviteCode).toBe(inviteCodeFrom('same'));
    expect(second.inviteCode).toBe(inviteCodeFrom('other'));
    expect(world.db.all(COLLECTIONS.staffInvites)).toHaveLength(2);
  });

  test('ids that keep repeating fail loudly and write nothing', async () => {
    const world = world2();
    await invite(world, managerOf('p1', MANAGER));
    const stuck: IdGenerator = { next: () => 'id-00001' };
    // The fixture's first id was 'id-00001': every attempt draws the code already issued.
    expect(world.db.all<StaffInvite>(COLLECTIONS.staffInvites)[0]!._id).toBe(inviteCodeFrom('id-00001'));
    const before = world.db.snapshot();
    await expect(
      inviteStaff({
        ports: { ...world.ports, ids: stuck },
        actor: managerOf('p1', MANAGER),
        command: { providerId: 'p1', position: 'member', clientRequestId: rid() },
      }),
    ).rejects.toThrow('no free invite code');
    expect(world.db.snapshot()).toBe(before);
  });

  test('a replay with the same request id answers the same code and writes nothing more', async () => {
    const world = world2();
    const clientRequestId = rid();
    const first = await invite(world, managerOf('p1', MANAGER), { clientRequestId });
    const after = world.db.snapshot();
    world.clock.advance(1000);
    expect(await invite(world, managerOf('p1', MANAGER), { clientRequestId })).toEqual(first);
    expect(world.db.snapshot()).toBe(after);
    expect(
      await codeOf(invite(world, managerOf('p1', MANAGER), { clientRequestId, position: 'manager' })),
    ).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  test.each<[string, () => Actor, string]>([
    ['a member of the provider', () => staffActor('p1', MEMBER, 'member'), 'PERMISSION_DENIED'],
    ['the manager of another provider', () => managerOf('p2', OTHER_MANAGER), 'OUT_OF_SCOPE'],
    ['a resident', () => residentActor(), 'PERMISSION_DENIED'],
    ['a community worker', () => workerActor(COMMUNITY), 'PERMISSION_DENIED'],
    ['nobody (no openid)', () => ({ openid: '', grants: [] }), 'UNAUTHENTICATED'],
  ])('%s cannot invite: %s, nothing written', async (_who, actor, code) => {
    const world = world2();
    const before = world.db.snapshot();
    expect(await codeOf(invite(world, actor()))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });

  test.each([
    ['removed', { status: 'removed' as const }, 'PROVIDER_CLOSED'],
    ['exited', { status: 'exited' as const }, 'PROVIDER_CLOSED'],
    ['blacklisted', { blacklisted: true }, 'PROVIDER_CLOSED'],
  ])('a %s provider takes on no staff', async (_status, spec, code) => {
    const world = createWorld();
    seedProvider(world, { id: 'p1', ...spec });
    const before = world.db.snapshot();
    expect(await codeOf(invite(world, managerOf('p1', MANAGER)))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });

  test('a suspended or rectifying provider still takes on staff (its jobs in hand need people)', async () => {
    const world = createWorld();
    seedProvider(world, { id: 'p1', status: 'suspended' });
    seedProvider(world, { id: 'p2', status: 'rectifying' });
    await expect(invite(world, managerOf('p1', MANAGER))).resolves.toMatchObject({ providerId: 'p1' });
    await expect(invite(world, managerOf('p2', MANAGER), { providerId: 'p2' })).resolves.toMatchObject({
      providerId: 'p2',
    });
  });

  test('a grant for a provider that does not exist: PROVIDER_NOT_FOUND', async () => {
    const world = world2();
    expect(await codeOf(invite(world, managerOf('p9', MANAGER), { providerId: 'p9' }))).toBe(
      'PROVIDER_NOT_FOUND',
    );
  });

  test.each([
    [{ position: 'boss' }, 'position'],
    [{ providerId: '' }, 'providerId'],
    [{ clientRequestId: 'short' }, 'clientRequestId'],
  ])('bad input %j is INVALID_INPUT naming %s', async (input, path) => {
    const world = world2();
    const before = world.db.snapshot();
    await expect(invite(world, managerOf('p1', MANAGER), input)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: expect.arrayContaining([expect.objectContaining({ path })]) },
    });
    expect(world.db.snapshot()).toBe(before);
  });
});

describe('provider.staff.bind', () => {
  async function issued(world: World, position: 'manager' | 'member' = 'member'): Promise<string> {
    return (await invite(world, managerOf('p1', MANAGER), { position })).inviteCode;
  }

  test('a new WeChat user binds, gets a record with the grant, and works the provider’s jobs', async () => {
    const world = world2();
    const code = await issued(world);
    world.clock.advance(DAY);

    const reply = await bind(world, newcomer(), code.toLowerCase());
    expect(reply).toEqual({ providerId: 'p1', providerName: '玉林家电快修', position: 'member' });

    const grant: RoleGrant = {
      role: 'provider_staff',
      providerId: 'p1',
      position: 'member',
      orgPath: COMMUNITY,
    };
    expect(await userOf(world, NEWCOMER)).toEqual({
      _id: NEWCOMER,
      openid: NEWCOMER,
      nickname: '',
      realName: null,
      phone: null,
      phoneConsentAt: null,
      homeUnitId: null,
      homeOrgPath: null,
      grants: [grant],
      demo: false,
      createdAt: T0 + DAY,
      updatedAt: T0 + DAY,
    });
    expect(await inviteOf(world, code)).toMatchObject({ usedBy: NEWCOMER, usedAt: T0 + DAY });

    // As the functions build the actor: from the stored record.
    const actor = await loadActor(world.db, NEWCOMER);
    const placed = await placeOrder(world, { providerId: 'p1' });
    const jobs = await listOrders({
      ports: world.ports,
      actor,
      command: { as: 'provider_staff', status: 'created' },
    });
    expect(jobs.items.map((j) => j.orderId)).toEqual([placed.orderId]);
    expect(jobs.staff).toEqual({ providerId: 'p1', position: 'member' });
    await expect(
      acceptOrder({
        ports: world.ports,
        actor,
        command: { orderId: placed.orderId, clientRequestId: rid() },
      }),
    ).resolves.toMatchObject({ status: 'accepted' });
  });

  test('a resident with a record keeps it and gains the grant', async () => {
    const world = world2();
    const code = await issued(world, 'manager');
    await bind(world, residentActor(), code);
    const user = await userOf(world, RESIDENT);
    expect(user).toMatchObject({ nickname: '黄阿姨', homeOrgPath: GRID, updatedAt: T0 });
    expect(user!.grants).toEqual([
      { role: 'provider_staff', providerId: 'p1', position: 'manager', orgPath: COMMUNITY },
    ]);
    const jobs = await listOrders({
      ports: world.ports,
      actor: await loadActor(world.db, RESIDENT),
      command: { as: 'provider_staff' },
    });
    expect(jobs.staff).toEqual({ providerId: 'p1', position: 'manager' });
    // And the new manager may invite in turn.
    await expect(invite(world, await loadActor(world.db, RESIDENT))).resolves.toMatchObject({
      providerId: 'p1',
    });
  });

  test('a resident’s list says nothing about staff', async () => {
    const world = world2();
    const mine = await listOrders({
      ports: world.ports,
      actor: residentActor(),
      command: { as: 'resident' },
    });
    expect(mine).not.toHaveProperty('staff');
  });

  test('a replay with the same request id answers the first reply and writes nothing', async () => {
    const world = world2();
    const code = await issued(world);
    const clientRequestId = rid();
    const first = await bind(world, newcomer(), code, clientRequestId);
    const after = world.db.snapshot();
    expect(await bind(world, newcomer(), code, clientRequestId)).toEqual(first);
    expect(world.db.snapshot()).toBe(after);
    // A new request with the same code: the user is staff already.
    expect(await codeOf(bind(world, newcomer(), code))).toBe('ALREADY_STAFF');
    expect(world.db.snapshot()).toBe(after);
  });

  test('a used code is refused to anyone else', async () => {
    const world = world2();
    const code = await issued(world);
    await bind(world, newcomer(), code);
    const before = world.db.snapshot();
    expect(await codeOf(bind(world, newcomer('o-second'), code))).toBe('INVITE_USED');
    expect(world.db.snapshot()).toBe(before);
  });

  test('two people binding one code at once: one wins, the other is INVITE_USED', async () => {
    const world = world2();
    const code = await issued(world);
    const outcomes = await Promise.allSettled([
      bind(world, newcomer('o-a'), code),
      bind(world, newcomer('o-b'), code),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'INVITE_USED' });
    const bound = world.db
      .all<User>(COLLECTIONS.users)
      .filter((u) => ['o-a', 'o-b'].includes(u._id) && u.grants.some((g) => g.providerId === 'p1'));
    expect(bound).toHaveLength(1);
    expect((await inviteOf(world, code))!.usedBy).toBe(bound[0]!._id);
  });

  test('a code expires after its days: valid up to the last millisecond before', async () => {
    const world = world2();
    const a = await issued(world);
    const b = await issued(world);
    world.clock.advance(7 * DAY - 1);
    await expect(bind(world, newcomer('o-a'), a)).resolves.toMatchObject({ providerId: 'p1' });
    world.clock.advance(1);
    const before = world.db.snapshot();
    expect(await codeOf(bind(world, newcomer('o-b'), b))).toBe('INVITE_EXPIRED');
    expect(world.db.snapshot()).toBe(before);
  });

  test('staff of this provider already: ALREADY_STAFF, and the code stays unused', async () => {
    const world = world2();
    const code = await issued(world);
    const before = world.db.snapshot();
    expect(await codeOf(bind(world, staffActor('p1', MEMBER), code))).toBe('ALREADY_STAFF');
    expect(await codeOf(bind(world, managerOf('p1', MANAGER), code))).toBe('ALREADY_STAFF');
    expect(world.db.snapshot()).toBe(before);
  });

  test('a manager’s code makes a member of the provider a manager', async () => {
    const world = world2();
    const code = await issued(world, 'manager');
    const reply = await bind(world, staffActor('p1', MEMBER), code);
    expect(reply.position).toBe('manager');
    expect((await userOf(world, MEMBER))!.grants).toEqual([
      { role: 'provider_staff', providerId: 'p1', position: 'manager', orgPath: COMMUNITY },
    ]);
  });

  test('staff of another provider cannot bind (one provider at a time)', async () => {
    const world = world2();
    const code = await issued(world);
    const before = world.db.snapshot();
    expect(await codeOf(bind(world, managerOf('p2', OTHER_MANAGER), code))).toBe('STAFF_OF_OTHER_PROVIDER');
    expect(world.db.snapshot()).toBe(before);
  });

  test('a provider removed after the code was issued takes nobody on', async () => {
    const world = world2();
    const code = await issued(world);
    await world.db.update(COLLECTIONS.providers, 'p1', { status: 'removed', blacklisted: true });
    const before = world.db.snapshot();
    expect(await codeOf(bind(world, newcomer(), code))).toBe('PROVIDER_CLOSED');
    expect(world.db.snapshot()).toBe(before);
  });

  test('invites stored under another _id (the demo data’s) are found by their code', async () => {
    const world = world2();
    const demo: StaffInvite = {
      _id: 'inv-0001',
      providerId: 'p1',
      position: 'member',
      inviteCode: 'HSDEMO01',
      createdBy: MANAGER,
      createdAt: T0,
      expiresAt: T0 + DAY,
      usedBy: null,
      usedAt: null,
      orgPath: COMMUNITY,
    };
    world.db.seed(COLLECTIONS.staffInvites, [demo]);
    await expect(bind(world, newcomer(), 'hsdemo01')).resolves.toMatchObject({ providerId: 'p1' });
    expect(await inviteOf(world, 'inv-0001')).toMatchObject({ usedBy: NEWCOMER });
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['an unknown code', { inviteCode: 'ZZZZ9999' }, 'INVITE_NOT_FOUND'],
    ['a code with other characters', { inviteCode: 'AB-12345' }, 'INVALID_INPUT'],
    ['a code too short', { inviteCode: 'AB12' }, 'INVALID_INPUT'],
    ['no code', { inviteCode: undefined }, 'INVALID_INPUT'],
    ['no request id', { clientRequestId: undefined }, 'INVALID_INPUT'],
  ])('%s: %s, nothing written', async (_what, input, code) => {
    const world = world2();
    await issued(world);
    const before = world.db.snapshot();
    const result = bindStaff({
      ports: world.ports,
      actor: newcomer(),
      command: { inviteCode: 'ZZZZ9999', clientRequestId: rid(), ...input },
    });
    expect(await codeOf(result)).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });

  test('the platform’s own actor cannot bind', async () => {
    const world = world2();
    const code = await issued(world);
    expect(await codeOf(bind(world, { openid: 'system:platform', grants: [{ role: 'system' }] }, code))).toBe(
      'PERMISSION_DENIED',
    );
  });
});
