/**
 * 双报到 through the real `party` function on the local cloud (docs/party.md): a serving party member and a
 * party organisation's secretary apply to the demo community; the community's worker confirms (the record
 * and the `party_member` grant written together, the applicant told) or declines (a reason, no grant); the
 * refusals (bad input, a second pending request, another community's worker, the wrong role) write nothing;
 * a confirmed member claims a published concern through the real `concerns` function (and could not before);
 * the roster counts registered members and service and masks phones but for the community's workers and
 * leaders and the organisation's secretary; a member leaves (grant removed, record kept as left).
 */
import type { Action } from '../../core/auth/actions';
import { PERMISSION_MATRIX } from '../../core/auth/permissions.matrix';
import { GRANTABLE_ROLES, type Role, type RoleGrant } from '../../core/auth/roles';
import type { ConcernStepResult } from '../../core/concerns/concern.replies';
import type { DualRegistration, PartyMember, PartyOrg } from '../../core/model/party.model';
import type { User } from '../../core/model/user.model';
import type {
  PartyConfirmResult,
  PartyLeaveResult,
  PartyMemberRosterResult,
  PartyMineResult,
  PartyOrgRosterResult,
  PartyOrgsResult,
  PartyRegisterResult,
  RegistrationListResult,
} from '../../core/party/party.replies';
import { DEMO_COMMUNITY_ID, DEMO_GRID_ID, DEMO_STREET_ID } from '../../demo/demo.constants';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { functionCloud, type Reply } from './support/function-cloud';
import { ok } from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const WORKER = 'demo-community-worker-1';
const LEADER = 'demo-community-leader-1';
const RESIDENT = 'demo-resident-1';
/** Registered with the demo community through po-organ-01 (demo data), not a secretary. */
const DEMO_PARTY_MEMBER = 'demo-party-member-1';
const FAR_WORKER = 'party-far-worker';
const MEMBER = 'party-applicant-member';
const SECRETARY = 'party-applicant-secretary';
const ORG_MEMBER = 'party-applicant-org-member';
const DECLINED = 'party-applicant-declined';
const TEMPLATE = 'TPL_PARTY_REGISTRATION';
const MEMBER_PHONE = '13907758801';
const ORG_MEMBER_PHONE = '13907758802';

const call = <T>(openid: string | null, command: string, input: unknown = {}): Promise<Reply<T>> =>
  cloud.as(openid).call<T>('party', command, input);
const write = <T>(openid: string, command: string, input: Record<string, unknown>): Promise<Reply<T>> =>
  call<T>(openid, command, { ...input, clientRequestId: cloud.requestId(command.replace(/\W/g, '')) });

const MEMBER_FORM = {
  kind: 'party_member',
  communityId: DEMO_COMMUNITY_ID,
  name: '韦建明',
  workUnit: '玉林市财政局',
  contactPhone: MEMBER_PHONE,
  services: ['法律咨询', '政策宣讲'],
};
const ORG_FORM = {
  kind: 'party_org',
  communityId: DEMO_COMMUNITY_ID,
  name: '玉林市税务局第一党支部',
  orgType: 'organ',
  rank: 'branch',
  workUnit: '玉林市税务局',
  secretaryName: '黄丽萍',
  memberCount: 28,
  contactPhone: '0775-2831234',
  services: ['税收政策宣讲'],
};

const grantsOf = async (openid: string): Promise<readonly RoleGrant[]> =>
  (await cloud.get<User>('users', openid))?.grants ?? [];
const registrationOf = async (id: string) => (await cloud.get<DualRegistration>('dual_registrations', id))!;
const register = async (openid: string, form: Record<string, unknown>) =>
  ok(await write<PartyRegisterResult>(openid, 'party.register', form)).registrationId;
const confirm = async (registrationId: string, approve = true, reason = '') =>
  ok(await write<PartyConfirmResult>(WORKER, 'party.register.confirm', { registrationId, approve, reason }));

/** A published concern of the demo grid (submitted by the resident, approved, published). */
async function publishedConcern(): Promise<string> {
  const concerns = <T>(openid: string, command: string, input: Record<string, unknown>) =>
    cloud.as(openid).call<T>('concerns', command, { ...input, clientRequestId: cloud.requestId('pc') });
  const id = ok(
    await concerns<ConcernStepResult>(RESIDENT, 'concern.submit', {
      kind: 'wish',
      title: '想给小区老人办一次义诊',
      content: '小区老人多，希望有医生来量血压、讲讲常见病的注意事项。',
    }),
  ).concernId;
  ok(await concerns(LEADER, 'concern.review', { concernId: id, decision: 'approve' }));
  ok(await concerns(WORKER, 'concern.publish', { concernId: id }));
  return id;
}

const claim = (openid: string, concernId: string) =>
  cloud.as(openid).call('concerns', 'concern.claim', {
    concernId,
    claimAs: 'self',
    clientRequestId: cloud.requestId('cl'),
  });

beforeAll(async () => {
  await writeUser(cloud, FAR_WORKER, [{ role: 'worker', orgPath: DEMO_PATHS.secondCommunity }]);
  for (const openid of [MEMBER, SECRETARY, ORG_MEMBER, DECLINED]) {
    await writeUser(cloud, openid, []);
    cloud.grant(openid, TEMPLATE, 5);
  }
});

describe('a serving party member registers and is confirmed', () => {
  let registrationId = '';
  let concernId = '';

  test('the request is pending; a second one is refused; they cannot claim a concern yet', async () => {
    // Named by the grid they live in (as the mini-program sends their home): registered with its community.
    registrationId = await register(MEMBER, { ...MEMBER_FORM, communityId: DEMO_GRID_ID });
    expect(await registrationOf(registrationId)).toMatchObject({
      status: 'pending',
      kind: 'party_member',
      applicantOpenid: MEMBER,
      communityId: DEMO_COMMUNITY_ID,
      orgPath: DEMO_PATHS.community,
    });
    await expectRefusedWritingNothing(
      cloud,
      () => write(MEMBER, 'party.register', MEMBER_FORM),
      'PARTY_REGISTRATION_PENDING',
    );
    // Two sent at once: one of them at most is stored (the other answers pending).
    const twins = await Promise.all(
      [1, 2].map(() =>
        write<PartyRegisterResult>(DECLINED, 'party.register', { ...MEMBER_FORM, name: '覃文' }),
      ),
    );
    expect(twins.map((r) => r.code).sort()).toEqual(['OK', 'PARTY_REGISTRATION_PENDING']);
    expect(await cloud.count('dual_registrations', { applicantOpenid: DECLINED, status: 'pending' })).toBe(1);

    concernId = await publishedConcern();
    await expectRefusedWritingNothing(cloud, () => claim(MEMBER, concernId), 'PERMISSION_DENIED');
  });

  test('the worker’s pending list shows it; another community’s worker and a resident cannot confirm', async () => {
    const pending = ok(
      await call<RegistrationListResult>(WORKER, 'party.registrations.list', {
        status: 'pending',
        pageSize: 50,
      }),
    );
    const item = pending.items.find((i) => i.registrationId === registrationId);
    expect(item).toMatchObject({
      kind: 'party_member',
      kindLabel: '在职党员',
      name: '韦建明',
      contactPhone: MEMBER_PHONE,
      statusLabel: '待确认',
      communityName: expect.any(String),
    });
    const farList = ok(await call<RegistrationListResult>(FAR_WORKER, 'party.registrations.list', {}));
    expect(farList.items.map((i) => i.registrationId)).not.toContain(registrationId);
    await expectRefusedWritingNothing(
      cloud,
      () => write(FAR_WORKER, 'party.register.confirm', { registrationId, approve: true }),
      // Another community's request answers as a missing one.
      'PARTY_REGISTRATION_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'party.register.confirm', { registrationId, approve: true }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => call(RESIDENT, 'party.registrations.list', {}),
      'PERMISSION_DENIED',
    );
  });

  test('confirmed: the member record and the grant are written together, the applicant is told', async () => {
    const result = await confirm(registrationId);
    expect(result.status).toBe('confirmed');
    const member = (await cloud.get<PartyMember>('party_members', result.registrantId!))!;
    expect(member).toMatchObject({
      openid: MEMBER,
      memberType: 'in_service',
      orgPath: DEMO_PATHS.community,
      serviceCount: 0,
      leftAt: null,
    });
    // Not named: the community's own party organisation.
    const org = (await cloud.get<PartyOrg>('party_orgs', member.partyOrgId))!;
    expect(org).toMatchObject({ type: 'community', orgUnitId: DEMO_COMMUNITY_ID });
    expect(await grantsOf(MEMBER)).toEqual([
      { role: 'party_member', orgPath: DEMO_PATHS.community, partyOrgId: member.partyOrgId },
    ]);
    expect(await registrationOf(registrationId)).toMatchObject({
      status: 'confirmed',
      registrantId: member._id,
      decidedBy: WORKER,
    });
    const sent = cloud.outbox({ touser: MEMBER, templateId: TEMPLATE });
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0])).toContain('已确认');
    expect(await cloud.count('inbox_messages', { touser: MEMBER, templateId: TEMPLATE })).toBe(1);
    // Decided once.
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'party.register.confirm', { registrationId, approve: false, reason: '重复' }),
      'PARTY_REGISTRATION_DECIDED',
    );
    const mine = ok(await call<PartyMineResult>(MEMBER, 'party.mine'));
    expect(mine.items.map((i) => [i.registrationId, i.status, i.left])).toEqual([
      [registrationId, 'confirmed', false],
    ]);
  });

  test('now a party member of the community, they claim the published concern through `concerns`', async () => {
    ok(await claim(MEMBER, concernId));
    const concern = (await cloud.get<{ assigneeOpenid: string | null }>('concerns', concernId))!;
    expect(concern.assigneeOpenid).toBe(MEMBER);
    // A second registration with the same community is refused: they are registered.
    await expectRefusedWritingNothing(
      cloud,
      () => write(MEMBER, 'party.register', MEMBER_FORM),
      'PARTY_ALREADY_REGISTERED',
    );
  });
});

describe('a party organisation registers; its members count; the roster', () => {
  let orgId = '';
  let memberId = '';

  test('its secretary applies; confirmed: the organisation and the secretary’s grant', async () => {
    const id = await register(SECRETARY, ORG_FORM);
    const result = await confirm(id);
    orgId = result.registrantId!;
    expect(await cloud.get<PartyOrg>('party_orgs', orgId)).toMatchObject({
      name: ORG_FORM.name,
      type: 'organ',
      rank: 'branch',
      workUnit: '玉林市税务局',
      secretaryName: '黄丽萍',
      secretaryOpenid: SECRETARY,
      memberCount: 0,
      declaredMemberCount: 28,
      orgPath: DEMO_PATHS.community,
    });
    expect(await grantsOf(SECRETARY)).toEqual([
      { role: 'party_member', orgPath: DEMO_PATHS.community, partyOrgId: orgId, position: 'secretary' },
    ]);
  });

  test('a member naming it is counted once confirmed', async () => {
    // The organisations a member may name: the registered ones, not the community's own.
    const named = ok(
      await call<PartyOrgsResult>(ORG_MEMBER, 'party.orgs', { communityId: DEMO_COMMUNITY_ID, pageSize: 50 }),
    );
    expect(named.items.find((o) => o.partyOrgId === orgId)).toEqual({
      partyOrgId: orgId,
      name: ORG_FORM.name,
      typeLabel: '机关党组织',
      workUnit: '玉林市税务局',
    });
    expect(named.items.map((o) => o.partyOrgId)).not.toContain(`po-c-${DEMO_COMMUNITY_ID}`);
    const id = await register(ORG_MEMBER, {
      ...MEMBER_FORM,
      name: '李志强',
      workUnit: '玉林市税务局',
      contactPhone: ORG_MEMBER_PHONE,
      partyOrgId: orgId,
    });
    memberId = (await confirm(id)).registrantId!;
    expect((await cloud.get<PartyMember>('party_members', memberId))!.partyOrgId).toBe(orgId);
    expect((await cloud.get<PartyOrg>('party_orgs', orgId))!.memberCount).toBe(1);
    expect(await grantsOf(ORG_MEMBER)).toEqual([
      { role: 'party_member', orgPath: DEMO_PATHS.community, partyOrgId: orgId },
    ]);
  });

  test('the roster: phones in full to the worker and the secretary, masked to another member', async () => {
    const phoneSeenBy = async (openid: string) => {
      const roster = ok(
        await call<PartyMemberRosterResult>(openid, 'party.roster', {
          communityId: DEMO_COMMUNITY_ID,
          view: 'members',
          pageSize: 50,
        }),
      );
      const item = roster.items.find((i) => i.memberId === memberId)!;
      expect(item).toMatchObject({ name: '李志强', partyOrgId: orgId, serviceCount: 0, claimedConcerns: 0 });
      return [item.phone, item.phoneMasked];
    };
    expect(await phoneSeenBy(WORKER)).toEqual([ORG_MEMBER_PHONE, false]);
    expect(await phoneSeenBy(SECRETARY)).toEqual([ORG_MEMBER_PHONE, false]);
    expect(await phoneSeenBy(DEMO_PARTY_MEMBER)).toEqual(['139****8802', true]);

    const orgs = ok(
      await call<PartyOrgRosterResult>(DEMO_PARTY_MEMBER, 'party.roster', { view: 'orgs', pageSize: 50 }),
    );
    expect(orgs.communityId).toBe(DEMO_COMMUNITY_ID);
    expect(orgs.items.find((o) => o.partyOrgId === orgId)).toMatchObject({
      memberCount: 1,
      typeLabel: '机关党组织',
      contactPhone: expect.stringContaining('*'),
      phoneMasked: true,
    });
    // The member who claimed a concern shows it counted.
    const all = ok(
      await call<PartyMemberRosterResult>(WORKER, 'party.roster', {
        communityId: DEMO_COMMUNITY_ID,
        pageSize: 50,
      }),
    );
    expect(all.items.find((i) => i.name === '韦建明')?.claimedConcerns).toBe(1);
    // The demo data's registered members are on it too (demo-party-member-1 is pm-0001).
    expect(all.items.map((i) => i.memberId)).toContain('pm-0001');
    await expectRefusedWritingNothing(
      cloud,
      () => call(RESIDENT, 'party.roster', { communityId: DEMO_COMMUNITY_ID }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => call(FAR_WORKER, 'party.roster', { communityId: DEMO_COMMUNITY_ID }),
      'OUT_OF_SCOPE',
    );
  });

  test('a member leaves: the grant goes, the record stays as left, the count follows', async () => {
    await expectRefusedWritingNothing(
      cloud,
      () => write(DEMO_PARTY_MEMBER, 'party.member.leave', { memberId }),
      // Another's member record answers as a missing one.
      'PARTY_MEMBER_NOT_FOUND',
    );
    const left = ok(
      await write<PartyLeaveResult>(ORG_MEMBER, 'party.member.leave', { memberId, reason: '工作调动' }),
    );
    expect(left.memberId).toBe(memberId);
    expect(await cloud.get<PartyMember>('party_members', memberId)).toMatchObject({
      leftBy: ORG_MEMBER,
      leftReason: '工作调动',
      leftAt: expect.any(Number),
    });
    expect(await grantsOf(ORG_MEMBER)).toEqual([]);
    expect((await cloud.get<PartyOrg>('party_orgs', orgId))!.memberCount).toBe(0);
    const roster = ok(
      await call<PartyMemberRosterResult>(WORKER, 'party.roster', {
        communityId: DEMO_COMMUNITY_ID,
        pageSize: 50,
      }),
    );
    expect(roster.items.map((i) => i.memberId)).not.toContain(memberId);
    expect(ok(await call<PartyMineResult>(ORG_MEMBER, 'party.mine')).items[0]!.left).toBe(true);
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'party.member.leave', { memberId }),
      'PARTY_MEMBER_LEFT',
    );
  });
});

describe('declined, and bad input', () => {
  test('declined with a reason: no record, no grant; the applicant is told why', async () => {
    const [id] = (
      await cloud.find<DualRegistration>('dual_registrations', {
        applicantOpenid: DECLINED,
        status: 'pending',
      })
    ).map((r) => r._id);
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'party.register.confirm', { registrationId: id, approve: false }),
      'INVALID_INPUT',
    );
    const result = await confirm(id!, false, '工作单位信息与组织关系不符，请核实后重新报到');
    expect(result).toMatchObject({ status: 'rejected', registrantId: null });
    expect(await registrationOf(id!)).toMatchObject({
      status: 'rejected',
      reason: '工作单位信息与组织关系不符，请核实后重新报到',
    });
    expect(await grantsOf(DECLINED)).toEqual([]);
    expect(await cloud.count('party_members', { openid: DECLINED })).toBe(0);
    expect(JSON.stringify(cloud.outbox({ touser: DECLINED, templateId: TEMPLATE })[0])).toContain('未通过');
    // A new request may follow a decision.
    expect(await register(DECLINED, { ...MEMBER_FORM, name: '覃文' })).not.toBe(id);
  });

  test.each([
    [
      'an organisation without its type, rank, member count and secretary',
      { ...ORG_FORM, orgType: undefined },
    ],
    ['a member without a work unit', { ...MEMBER_FORM, workUnit: '' }],
    ['a phone that is not one', { ...MEMBER_FORM, contactPhone: '12345' }],
    ['an unknown kind', { ...MEMBER_FORM, kind: 'club' }],
    ['a name too long', { ...MEMBER_FORM, name: '党'.repeat(61) }],
  ])('%s: INVALID_INPUT, nothing written', async (_label, form) => {
    const reply = await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'party.register', form),
      'INVALID_INPUT',
    );
    expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('a unit that is not a community or grid, an organisation not registered there, no identity', async () => {
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'party.register', { ...MEMBER_FORM, communityId: DEMO_STREET_ID }),
      'PARTY_COMMUNITY_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'party.register', { ...MEMBER_FORM, partyOrgId: 'po-nowhere' }),
      'PARTY_ORG_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => call(null, 'party.register', { ...MEMBER_FORM, clientRequestId: cloud.requestId('anon') }),
      'UNAUTHENTICATED',
    );
  });
});

describe('every role, by the matrix (the rows the permission-matrix test leaves to this file)', () => {
  /** A grant of `role` in the demo community (or the second one), with the position the role's cells ask. */
  function grantOf(role: Role, orgPath: string): RoleGrant {
    switch (role) {
      case 'provider_staff':
        return { role, orgPath, providerId: DEMO_REFS.providerId, position: 'manager' };
      case 'volunteer':
        return { role, orgPath, teamId: DEMO_REFS.teamId, position: 'leader' };
      case 'party_member':
        return { role, orgPath, partyOrgId: 'po-matrix-none', position: 'secretary' };
      default:
        return { role, orgPath };
    }
  }

  // Each command on a record that does not exist in the caller's place (nothing can be written): a role the
  // matrix allows is told so by the use case's own code, any other PERMISSION_DENIED; the same roles in another
  // community are OUT_OF_SCOPE where the command names a place.
  const ROWS: readonly [string, Action, Record<string, unknown>, string, boolean][] = [
    [
      'party.register.confirm',
      'party.register.confirm',
      { registrationId: 'reg-none', approve: true },
      'PARTY_REGISTRATION_NOT_FOUND',
      true,
    ],
    ['party.member.leave', 'party.member.leave', { memberId: 'pm-none' }, 'PARTY_MEMBER_NOT_FOUND', true],
    ['party.registrations.list', 'party.registration.view', { communityId: DEMO_COMMUNITY_ID }, 'OK', false],
    ['party.roster', 'party.roster.view', { communityId: DEMO_COMMUNITY_ID }, 'OK', false],
  ];
  let seq = 0;

  test('party.orgs: offered to every role (each caller is also a resident, who may apply)', async () => {
    for (const role of GRANTABLE_ROLES) {
      seq += 1;
      const user = await writeUser(
        cloud,
        `party-role-${seq}`,
        role === 'resident' ? [] : [grantOf(role, DEMO_PATHS.secondCommunity)],
      );
      const reply = await call(user.openid, 'party.orgs', { communityId: DEMO_COMMUNITY_ID });
      expect([role, reply.code]).toEqual([role, 'OK']);
    }
  });

  test.each(ROWS)('%s', async (command, action, input, allowedCode, writes) => {
    for (const role of GRANTABLE_ROLES) {
      for (const place of [DEMO_PATHS.community, DEMO_PATHS.secondCommunity]) {
        seq += 1;
        const user = await writeUser(
          cloud,
          `party-role-${seq}`,
          role === 'resident' ? [] : [grantOf(role, place)],
        );
        const allowed = PERMISSION_MATRIX[action][role] !== undefined;
        const expected = !allowed
          ? 'PERMISSION_DENIED'
          : place === DEMO_PATHS.community || writes
            ? allowedCode
            : 'OUT_OF_SCOPE';
        const send = () => (writes ? write(user.openid, command, input) : call(user.openid, command, input));
        if (expected === 'OK') {
          expect([role, (await send()).code]).toEqual([role, 'OK']);
        } else {
          await expectRefusedWritingNothing(cloud, send, expected);
        }
      }
    }
  });
});
