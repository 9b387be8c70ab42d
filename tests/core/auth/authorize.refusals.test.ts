/**
 * What `checkAccess` answers besides yes: the three refusals, in their order (no identity, then no
 * permission at all, then not this record), with the message the user reads and the details a caller logs;
 * and the edges of the scope rules where a grant or a record leaves a field out.
 */
import { authorize, can, checkAccess, rolesFor } from '../../../core/auth/authorize';
import type { Action } from '../../../core/auth/actions';
import { PERMISSION_MATRIX } from '../../../core/auth/permissions.matrix';
import { SYSTEM_ACTOR, type Actor } from '../../../core/auth/roles';
import { DomainError } from '../../../core/kernel/errors';

const COMMUNITY = '/yulin/yuzhou/yucheng/jinguan/';
const OTHER_COMMUNITY = '/yulin/fumian/x/y/';

const staff = (openid: string, providerId?: string): Actor => ({
  openid,
  grants: [
    { role: 'resident', orgPath: `${COMMUNITY}g1/` },
    { role: 'provider_staff', position: 'member', ...(providerId === undefined ? {} : { providerId }) },
  ],
});

/** The refusal as a plain value ('ALLOWED by <role>' when there is none). */
function answer(actor: Actor, action: Action, target: object, roles?: Actor['grants'][number]['role'][]) {
  const outcome = checkAccess(actor, action, target, roles === undefined ? {} : { roles });
  return outcome.ok ? `ALLOWED by ${outcome.value.role}` : outcome.refusal;
}

describe('the refusals and their order', () => {
  const cases: [string, Actor, Action, object, unknown][] = [
    [
      'no identity, whatever the grants and the record',
      { openid: '', grants: [{ role: 'provider_staff', providerId: 'p1' }] },
      'order.accept',
      { providerId: 'p1' },
      { code: 'UNAUTHENTICATED', message: '请先登录', details: { action: 'order.accept' } },
    ],
    [
      'an identity that is not a string at all',
      { openid: undefined as unknown as string, grants: [{ role: 'resident' }] },
      'catalog.read',
      {},
      { code: 'UNAUTHENTICATED', message: '请先登录', details: { action: 'catalog.read' } },
    ],
    [
      'no role that may do it: denied before the record is looked at, listing the roles held',
      {
        openid: 'o-r',
        grants: [
          { role: 'resident', orgPath: COMMUNITY },
          { role: 'volunteer', teamId: 't1' },
        ],
      },
      'order.accept',
      { providerId: 'p9' },
      {
        code: 'PERMISSION_DENIED',
        message: '您没有“接单”的权限',
        details: { action: 'order.accept', roles: ['resident', 'volunteer'] },
      },
    ],
    [
      'no grants at all',
      { openid: 'o-new', grants: [] },
      'order.view',
      {},
      {
        code: 'PERMISSION_DENIED',
        message: '您没有“查看订单”的权限',
        details: { action: 'order.view', roles: [] },
      },
    ],
    [
      'a role that may, but not on this record: out of scope, listing the roles that may',
      staff('o-s', 'p1'),
      'order.view',
      { providerId: 'p2', ownerOpenid: 'o-x' },
      {
        code: 'OUT_OF_SCOPE',
        message: '该记录不在您的权限范围内，不能“查看订单”',
        details: { action: 'order.view', roles: ['resident', 'provider_staff'] },
      },
    ],
  ];
  test.each(cases)('%s', (_name, actor, action, target, expected) => {
    expect(answer(actor, action, target)).toEqual(expected);
    expect(can(actor, action, target)).toBe(false);
    let thrown: unknown;
    try {
      authorize(actor, action, target);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject(expected as object);
  });

  test('what is allowed answers with the grant, its role and the matrix rule', () => {
    const actor = staff('o-s', 'p1');
    const result = authorize(actor, 'order.accept', { providerId: 'p1' });
    expect(result).toEqual({
      grant: actor.grants[1],
      role: 'provider_staff',
      rule: PERMISSION_MATRIX['order.accept'].provider_staff,
    });
    expect(can(actor, 'order.accept', { providerId: 'p1' })).toBe(true);
  });
});

describe('which grant answers', () => {
  const twoUnits: Actor = {
    openid: 'o-w',
    grants: [
      { role: 'worker', orgPath: OTHER_COMMUNITY },
      { role: 'worker', orgPath: COMMUNITY },
    ],
  };

  test('a grant out of scope is passed over for a later one in scope', () => {
    const outcome = checkAccess(twoUnits, 'concern.publish', { orgPath: `${COMMUNITY}g2/` });
    expect(outcome.ok && outcome.value.grant).toBe(twoUnits.grants[1]);
    const first = checkAccess(twoUnits, 'concern.publish', { orgPath: OTHER_COMMUNITY });
    expect(first.ok && first.value.grant).toBe(twoUnits.grants[0]);
  });

  test('only the roles asked for are considered; refused as if the others were not held', () => {
    const actor = staff('o-s', 'p1');
    const ownOrder = { ownerOpenid: 'o-s', providerId: 'p1' };
    expect(answer(actor, 'order.view', ownOrder)).toBe('ALLOWED by resident');
    expect(answer(actor, 'order.view', ownOrder, ['provider_staff'])).toBe('ALLOWED by provider_staff');
    expect(answer(actor, 'order.view', { ownerOpenid: 'o-s', providerId: 'p2' }, ['provider_staff'])).toEqual(
      {
        code: 'OUT_OF_SCOPE',
        message: '该记录不在您的权限范围内，不能“查看订单”',
        details: { action: 'order.view', roles: ['provider_staff'] },
      },
    );
    expect(answer(actor, 'order.view', ownOrder, ['worker'])).toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  test('the platform itself acts as the system; a person with a stored system grant is denied', () => {
    expect(answer(SYSTEM_ACTOR, 'order.expire', {})).toBe('ALLOWED by system');
    expect(answer({ openid: 'o-evil', grants: [{ role: 'system' }] }, 'order.expire', {})).toEqual({
      code: 'PERMISSION_DENIED',
      message: '您没有“订单超时未接”的权限',
      details: { action: 'order.expire', roles: ['system'] },
    });
  });
});

describe('a grant or a record that leaves the field out', () => {
  test('a staff grant naming no provider reaches no record, not even one naming none', () => {
    const unattached = staff('o-s');
    expect(answer(unattached, 'order.accept', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(answer(unattached, 'order.accept', { providerId: 'p1' })).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  test('a volunteer without a team reaches no team record, not even one naming none', () => {
    const loner: Actor = { openid: 'o-v', grants: [{ role: 'volunteer', orgPath: COMMUNITY }] };
    expect(answer(loner, 'volunteer.service.log', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
    const teamed: Actor = {
      openid: 'o-v',
      grants: [{ role: 'volunteer', orgPath: COMMUNITY, teamId: 't1' }],
    };
    expect(answer(teamed, 'volunteer.service.log', { teamId: 't1' })).toBe('ALLOWED by volunteer');
    expect(answer(teamed, 'volunteer.service.log', { teamId: 't2' })).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  test('assigned: the claimer, their team or their party organisation; a missing one matches nothing', () => {
    const member: Actor = { openid: 'o-pm', grants: [{ role: 'party_member', orgPath: COMMUNITY }] };
    const volunteer: Actor = {
      openid: 'o-v',
      grants: [{ role: 'volunteer', orgPath: COMMUNITY, position: 'member' }],
    };
    // Neither has a team or a party organisation; a concern claimed by nobody in particular.
    expect(answer(member, 'concern.update', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(answer(volunteer, 'concern.update', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(answer(member, 'concern.update', { assigneeOpenid: 'o-pm' })).toBe('ALLOWED by party_member');
    expect(answer(volunteer, 'concern.update', { assigneeOpenid: 'o-v' })).toBe('ALLOWED by volunteer');
    expect(answer(member, 'concern.update', { assigneeOpenid: 'o-other' })).toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    const teamed: Actor = {
      openid: 'o-v2',
      grants: [{ role: 'volunteer', orgPath: COMMUNITY, position: 'member', teamId: 't1' }],
    };
    expect(answer(teamed, 'concern.update', { assigneeTeamId: 't1' })).toBe('ALLOWED by volunteer');
    expect(answer(teamed, 'concern.update', { assigneeTeamId: 't2' })).toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  test('own: a record naming no owner is nobody’s', () => {
    const resident: Actor = { openid: 'o-r', grants: [{ role: 'resident', orgPath: COMMUNITY }] };
    expect(answer(resident, 'order.rate', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(answer(resident, 'order.rate', { ownerOpenid: 'o-r' })).toBe('ALLOWED by resident');
  });

  test('any: public reads are allowed whatever the record says', () => {
    const resident: Actor = { openid: 'o-r', grants: [{ role: 'resident' }] };
    expect(answer(resident, 'catalog.read', { orgPath: OTHER_COMMUNITY, providerId: 'p9' })).toBe(
      'ALLOWED by resident',
    );
  });
});

describe('rolesFor', () => {
  test('the roles that may do an action at all, in the matrix’s column order', () => {
    expect(rolesFor('order.view')).toEqual([
      'resident',
      'provider_staff',
      'worker',
      'leader',
      'industry_regulator',
      'system_admin',
    ]);
    expect(rolesFor('order.expire')).toEqual(['system']);
    expect(rolesFor('resident.phone.view')).toEqual(['resident', 'provider_staff', 'worker']);
  });
});
