/**
 * Provider staff binding through the deployed functions on the local cloud (docs/functions.md "Binding
 * provider staff"): a manager issues an invite code (`provider-admin`), a WeChat user binds with it (`jobs`)
 * and works the provider's jobs at once; everyone else is refused with a stable code and nothing is written;
 * replays answer the first reply; codes expire and are used once.
 */
import type { OrderListResult } from '../../core/orders/order.replies';
import type { StaffBindReply, StaffInviteReply } from '../../core/providers/staff.replies';
import { DAY_MS, functionCloud, type Reply } from './support/function-cloud';
import { expectRefusedWritingNothing, platformMark } from './support/platform-writes';
import { APPLIANCE_REPAIR, ok, placeOrder, type StepReply } from './support/order-loop';

const cloud = functionCloud();

const PROVIDER = 'prv-000001';
const MANAGER = 'demo-provider-manager-1';
const MEMBER = 'demo-provider-member-1';
const OTHER_PROVIDER = 'prv-000002';
const OTHER_MANAGER = 'sim-staff-prv-000002';
const RESIDENT = 'demo-resident-1';
/** WeChat users with no record at all yet. */
const NEWCOMER = 't-bind-newcomer';
const SECOND = 't-bind-second';

type InviteReply = StaffInviteReply;
type BindReply = StaffBindReply;
type StaffList = OrderListResult;

interface Grant {
  role: string;
  providerId?: string;
  position?: string;
  orgPath?: string;
}

const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/;

function invite(openid: string, input: Record<string, unknown> = {}): Promise<Reply<InviteReply>> {
  return cloud.as(openid).call<InviteReply>('provider-admin', 'provider.staff.invite', {
    providerId: PROVIDER,
    position: 'member',
    clientRequestId: cloud.requestId('invite'),
    ...input,
  });
}

function bind(openid: string, inviteCode: string, clientRequestId = cloud.requestId('bind')) {
  return cloud.as(openid).jobs<BindReply>('provider.staff.bind', { inviteCode, clientRequestId });
}

const refused = async (call: () => Promise<Reply>, code: string): Promise<void> => {
  await expectRefusedWritingNothing(cloud, call, code);
};

const grantsOf = async (openid: string): Promise<Grant[] | null> =>
  (await cloud.get<{ grants: Grant[] }>('users', openid))?.grants ?? null;

describe('inviting and binding', () => {
  it('lets a manager invite, a new user bind, and that user list and accept the provider’s jobs', async () => {
    const order = await placeOrder(cloud, RESIDENT, APPLIANCE_REPAIR);
    const managers = await cloud.find<{ openid: string }>('users', {
      'grants.providerId': order.providerId,
      'grants.position': 'manager',
    });
    const manager = managers[0]!.openid;
    const provider = await cloud.get<{ name: string; orgPath: string }>('providers', order.providerId);

    const issued = ok(await invite(manager, { providerId: order.providerId }));
    expect(issued).toEqual({
      inviteCode: expect.stringMatching(CODE),
      position: 'member',
      expiresAt: expect.any(Number),
      providerId: order.providerId,
      providerName: provider!.name,
    });
    const stored = await cloud.get<Record<string, unknown>>('staff_invites', issued.inviteCode);
    expect(stored).toMatchObject({
      inviteCode: issued.inviteCode,
      providerId: order.providerId,
      createdBy: manager,
      usedBy: null,
      orgPath: provider!.orgPath,
      expiresAt: issued.expiresAt,
    });
    expect(issued.expiresAt - (stored!['createdAt'] as number)).toBe(7 * DAY_MS);

    expect(await cloud.get('users', NEWCOMER)).toBeNull();
    const bound = ok(await bind(NEWCOMER, issued.inviteCode));
    expect(bound).toEqual({ providerId: order.providerId, providerName: provider!.name, position: 'member' });
    expect(await grantsOf(NEWCOMER)).toEqual([
      {
        role: 'provider_staff',
        providerId: order.providerId,
        position: 'member',
        orgPath: provider!.orgPath,
      },
    ]);
    expect(await cloud.get('staff_invites', issued.inviteCode)).toMatchObject({ usedBy: NEWCOMER });
    expect(await cloud.staffOf(order.providerId)).toContain(NEWCOMER);

    const jobs = ok(
      await cloud.as(NEWCOMER).jobs<StaffList>('order.list', { as: 'provider_staff', status: 'created' }),
    );
    expect(jobs.items.map((j) => j.orderId)).toContain(order.orderId);
    expect(jobs.staff).toEqual({ providerId: order.providerId, position: 'member' });

    const accepted = ok(
      await cloud.as(NEWCOMER).jobs<StepReply>('order.accept', {
        orderId: order.orderId,
        clientRequestId: cloud.requestId('accept'),
      }),
    );
    expect(accepted.status).toBe('accepted');
    expect(await cloud.get('orders', order.orderId)).toMatchObject({ handlerOpenid: NEWCOMER });
  });

  it('tells a manager’s workbench it is a manager’s', async () => {
    const jobs = ok(await cloud.as(MANAGER).jobs<StaffList>('order.list', { as: 'provider_staff' }));
    expect(jobs.staff).toEqual({ providerId: PROVIDER, position: 'manager' });
    const mine = ok(await cloud.as(RESIDENT).orders<StaffList>('order.list', { as: 'resident' }));
    expect(mine.staff).toBeUndefined();
  });

  it('binds a resident with a record as a manager, keeping the record, and accepts a lower-case code', async () => {
    const issued = ok(await invite(MANAGER, { position: 'manager' }));
    const resident = 't-bind-resident';
    const template = await cloud.get<Record<string, unknown>>('users', RESIDENT);
    await cloud.insert('users', [
      { ...template!, _id: resident, openid: resident, nickname: '新负责人', demo: false },
    ]);

    const bound = ok(await bind(resident, issued.inviteCode.toLowerCase()));
    expect(bound.position).toBe('manager');
    const user = await cloud.get<{ nickname: string; homeOrgPath: string; grants: Grant[] }>(
      'users',
      resident,
    );
    expect(user).toMatchObject({ nickname: '新负责人', homeOrgPath: template!['homeOrgPath'] });
    expect(user!.grants.filter((g) => g.role === 'provider_staff')).toEqual([
      expect.objectContaining({ providerId: PROVIDER, position: 'manager' }),
    ]);
    // Now a manager: may invite in turn.
    expect(ok(await invite(resident)).inviteCode).toMatch(CODE);
  });

  it('binds with the demo data’s invite, stored under an _id of its own', async () => {
    const [demo] = await cloud.find<{ _id: string; usedBy: string | null }>('staff_invites', {
      inviteCode: 'HSDEMO01',
    });
    expect(demo).toMatchObject({ _id: 'inv-0001', usedBy: null });
    expect(ok(await bind('t-bind-demo', 'hsdemo01'))).toMatchObject({ providerId: PROVIDER });
    expect(await cloud.get('staff_invites', 'inv-0001')).toMatchObject({ usedBy: 't-bind-demo' });
  });

  it('replays an invite with the same request id: the same code, nothing written', async () => {
    const clientRequestId = cloud.requestId('invite-replay');
    const first = ok(await invite(MANAGER, { clientRequestId }));
    const before = platformMark(cloud);
    const again = await invite(MANAGER, { clientRequestId });
    expect(again.code).toBe('OK');
    expect(again.data).toEqual(first);
    expect(platformMark(cloud)).toEqual(before);
    expect(await cloud.count('staff_invites', { inviteCode: first.inviteCode })).toBe(1);
  });

  it('replays a bind with the same request id: the first reply, nothing written', async () => {
    const issued = ok(await invite(MANAGER));
    const clientRequestId = cloud.requestId('bind-replay');
    const first = ok(await bind(SECOND, issued.inviteCode, clientRequestId));
    const before = platformMark(cloud);
    const again = await bind(SECOND, issued.inviteCode, clientRequestId);
    expect({ code: again.code, data: again.data }).toEqual({ code: 'OK', data: first });
    expect(platformMark(cloud)).toEqual(before);
    expect((await grantsOf(SECOND))!.filter((g) => g.role === 'provider_staff')).toHaveLength(1);
    // A new request with the used code: the user is staff already.
    await refused(() => bind(SECOND, issued.inviteCode), 'ALREADY_STAFF');
  });
});

describe('refusals: a stable code, nothing written', () => {
  it('refuses a member of the provider', async () => {
    await refused(() => invite(MEMBER), 'PERMISSION_DENIED');
  });

  it('refuses the manager of another provider', async () => {
    expect(await grantsOf(OTHER_MANAGER)).toEqual([
      expect.objectContaining({ role: 'provider_staff', providerId: OTHER_PROVIDER, position: 'manager' }),
    ]);
    await refused(() => invite(OTHER_MANAGER), 'OUT_OF_SCOPE');
    await refused(() => invite(MANAGER, { providerId: OTHER_PROVIDER }), 'OUT_OF_SCOPE');
  });

  it('refuses a resident and a community worker', async () => {
    await refused(() => invite(RESIDENT), 'PERMISSION_DENIED');
    await refused(() => invite('demo-community-worker-1'), 'PERMISSION_DENIED');
  });

  it('refuses a call without a WeChat identity', async () => {
    await refused(
      () => cloud.as(null).call('provider-admin', 'provider.staff.invite', {}),
      'UNAUTHENTICATED',
    );
  });

  it('refuses bad invite input', async () => {
    await refused(() => invite(MANAGER, { position: 'boss' }), 'INVALID_INPUT');
    await refused(() => invite(MANAGER, { clientRequestId: 'x' }), 'INVALID_INPUT');
    await refused(
      () => cloud.as(MANAGER).call('provider-admin', 'provider.staff.bind', {}),
      'UNKNOWN_COMMAND',
    );
    await refused(() => cloud.as(MANAGER).jobs('provider.staff.invite', {}), 'UNKNOWN_COMMAND');
  });

  it('refuses malformed and unknown codes', async () => {
    const reply = await cloud.as(NEWCOMER).jobs('provider.staff.bind', {
      inviteCode: 'AB-12345',
      clientRequestId: cloud.requestId('bad'),
    });
    expect(reply).toMatchObject({
      code: 'INVALID_INPUT',
      message: '邀请码为 6 到 12 位字母或数字',
      data: { details: { issues: [{ path: 'inviteCode' }] } },
    });
    await refused(() => bind('t-bind-stranger', 'AB-12345'), 'INVALID_INPUT');
    await refused(() => bind('t-bind-stranger', 'ABC'), 'INVALID_INPUT');
    await refused(() => bind('t-bind-stranger', 'ZZZZ9999'), 'INVITE_NOT_FOUND');
    expect(await cloud.get('users', 't-bind-stranger')).toBeNull();
  });

  it('refuses a used code to a second user', async () => {
    const issued = ok(await invite(MANAGER));
    ok(await bind('t-bind-first', issued.inviteCode));
    await refused(() => bind('t-bind-late', issued.inviteCode), 'INVITE_USED');
    expect(await cloud.get('users', 't-bind-late')).toBeNull();
  });

  it('refuses staff of another provider (one provider at a time)', async () => {
    const issued = ok(await invite(MANAGER));
    await refused(() => bind(OTHER_MANAGER, issued.inviteCode), 'STAFF_OF_OTHER_PROVIDER');
  });

  // Last: it moves the clock a week on.
  it('refuses a code past its expiry, and takes one until then', async () => {
    const early = ok(await invite(MANAGER));
    const late = ok(await invite(MANAGER));
    cloud.shiftClock(late.expiresAt - cloud.now() - 60_000);
    ok(await bind('t-bind-in-time', early.inviteCode));
    cloud.shiftClock(60_000);
    await refused(() => bind('t-bind-too-late', late.inviteCode), 'INVITE_EXPIRED');
    expect(await cloud.get('users', 't-bind-too-late')).toBeNull();
  });
});
