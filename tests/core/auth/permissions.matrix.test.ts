/**
 * The authorization matrix, cell by cell: every role for every action, in scope and out of scope.
 */
import { ACTIONS, ACTION_LABELS, isAction } from '../../../core/auth/actions';
import { authorize, can, rolesFor } from '../../../core/auth/authorize';
import { isOrgPath, isWithin as isWithinUnit } from '../../../core/org/org-path';
import { PERMISSION_MATRIX, SCOPES } from '../../../core/auth/permissions.matrix';
import {
  actorWithResidentGrant,
  POSITIONS,
  ROLES,
  SYSTEM_OPENID,
  type Actor,
} from '../../../core/auth/roles';
import { DomainError } from '../../../core/kernel/errors';
import { actorWith, COMMUNITY, inScopeTarget, outOfScopeTarget, STREET } from './actors.builder';

function denialCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).message).toMatch(/[\u4e00-\u9fa5]/);
    return (e as DomainError).code;
  }
  return 'ALLOWED';
}

const cells = ACTIONS.flatMap((action) =>
  ROLES.map((role) => [action, role, PERMISSION_MATRIX[action][role]] as const),
);
const granted = cells
  .filter(([, , rule]) => rule !== undefined)
  .map(([a, r, rule]) => [a, r, rule!] as const);
const notGranted = cells.filter(([, , rule]) => rule === undefined).map(([a, r]) => [a, r] as const);

describe('every granted cell', () => {
  test.each(granted.map(([a, r, rule]) => [a, r, rule.scope, rule] as const))(
    '%s by %s (%s): allowed in scope',
    (action, role, _scope, rule) => {
      const actor = actorWith(role, rule.positions?.[0]);
      const result = authorize(actor, action, inScopeTarget(rule.scope, actor));
      expect(result.role).toBe(role);
      expect(result.rule).toBe(rule);
    },
  );

  const scoped = granted.filter(([, , rule]) => rule.scope !== 'any');
  test.each(scoped.map(([a, r, rule]) => [a, r, rule.scope, rule] as const))(
    '%s by %s (%s): refused out of scope',
    (action, role, scope, rule) => {
      const actor = actorWith(role, rule.positions?.[0]);
      expect(
        denialCode(() => authorize(actor, action, outOfScopeTarget(scope as Exclude<typeof scope, 'any'>))),
      ).toBe('OUT_OF_SCOPE');
      // A record that says nothing about where it belongs is refused too.
      expect(denialCode(() => authorize(actor, action, {}))).toBe('OUT_OF_SCOPE');
    },
  );

  const positional = granted.filter(([, , rule]) => rule.positions !== undefined);
  test.each(positional.map(([a, r, rule]) => [a, r, rule.positions!.join('/'), rule] as const))(
    '%s by %s: only as %s',
    (action, role, _positions, rule) => {
      for (const position of POSITIONS.filter((p) => !rule.positions!.includes(p))) {
        const actor = actorWith(role, position);
        expect(denialCode(() => authorize(actor, action, inScopeTarget(rule.scope, actor)))).toBe(
          'PERMISSION_DENIED',
        );
      }
      const noPosition = actorWith(role);
      expect(denialCode(() => authorize(noPosition, action, inScopeTarget(rule.scope, noPosition)))).toBe(
        'PERMISSION_DENIED',
      );
    },
  );
});

describe('every cell not granted', () => {
  test.each(notGranted)('%s by %s: permission denied, wherever the record is', (action, role) => {
    const actor = actorWith(role, 'manager');
    for (const scope of SCOPES) {
      expect(denialCode(() => authorize(actor, action, inScopeTarget(scope, actor)))).toBe(
        'PERMISSION_DENIED',
      );
    }
  });
});

describe('matrix shape', () => {
  test('every action has a Chinese label and at least one role', () => {
    for (const action of ACTIONS) {
      expect(ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fa5]/);
      expect(rolesFor(action).length).toBeGreaterThan(0);
    }
    expect(isAction('order.accept')).toBe(true);
    expect(isAction('order.steal')).toBe(false);
  });

  test('the system role is only used for timer steps, the system admin never acts on residents’ orders or concerns', () => {
    const systemActions = ACTIONS.filter((a) => PERMISSION_MATRIX[a].system !== undefined);
    expect(systemActions.sort()).toEqual([
      'concern.close',
      'concern.escalate',
      'order.close',
      'order.expire',
    ]);
    for (const action of ACTIONS.filter((a) => /^(order|concern)\.(?!view|browse)/.test(a))) {
      expect(PERMISSION_MATRIX[action].system_admin).toBeUndefined();
    }
  });

  test('the scenarios a reader of the case study expects', () => {
    const leader: Actor = { openid: 'o-l', grants: [{ role: 'leader', orgPath: COMMUNITY }] };
    expect(can(leader, 'concern.review', { orgPath: `${COMMUNITY}grid-1/` })).toBe(true);
    expect(can(leader, 'concern.review', { orgPath: STREET })).toBe(false);
    const countyRegulator: Actor = {
      openid: 'o-r',
      grants: [{ role: 'industry_regulator', orgPath: '/yulin/rongxian/' }],
    };
    expect(
      can(countyRegulator, 'provider.blacklist', { orgPath: '/yulin/rongxian/a/b/', providerId: 'p9' }),
    ).toBe(true);
    expect(
      can(countyRegulator, 'provider.blacklist', { orgPath: '/yulin/luchuan/a/', providerId: 'p9' }),
    ).toBe(false);
    const cityAdmin: Actor = { openid: 'o-a', grants: [{ role: 'system_admin', orgPath: '/yulin/' }] };
    expect(can(cityAdmin, 'order.rate', { ownerOpenid: 'o-x' })).toBe(false);
    expect(can(cityAdmin, 'dashboard.view', { orgPath: COMMUNITY })).toBe(true);
  });
});

describe('authorize()', () => {
  test('no identity: UNAUTHENTICATED', () => {
    expect(
      denialCode(() => authorize({ openid: '', grants: [{ role: 'resident' }] }, 'catalog.read', {})),
    ).toBe('UNAUTHENTICATED');
  });

  test('paths are compared segment-wise: "/a/b/" is not inside "/a/bc/"', () => {
    expect(isWithinUnit('/yulin/yu/', '/yulin/yuzhou/')).toBe(false);
    expect(isWithinUnit('/yulin/yuzhou/x/', '/yulin/yuzhou/')).toBe(true);
    expect(isWithinUnit('/yulin/yuzhou/', '/yulin/yuzhou/')).toBe(true);
    expect(isWithinUnit('/yulin/yuzhoux/', '/yulin/yuzhou')).toBe(false);
    for (const bad of ['', '/', 'yulin/', '/yulin', '/yulin//x/', undefined])
      expect(isOrgPath(bad)).toBe(false);
    const worker: Actor = { openid: 'o-w', grants: [{ role: 'worker', orgPath: '/yulin/yu' }] };
    expect(can(worker, 'dashboard.view', { orgPath: '/yulin/yuzhou/' })).toBe(false);
  });

  test('the first grant that fits wins, and its role is reported', () => {
    const actor: Actor = {
      openid: 'o-multi',
      grants: [
        { role: 'worker', orgPath: '/yulin/fumian/' },
        { role: 'leader', orgPath: COMMUNITY },
        { role: 'worker', orgPath: COMMUNITY },
      ],
    };
    const result = authorize(actor, 'concern.publish', { orgPath: COMMUNITY });
    expect(result.role).toBe('leader');
    expect(result.grant.orgPath).toBe(COMMUNITY);
    expect(authorize(actor, 'concern.publish', { orgPath: COMMUNITY }, { roles: ['worker'] }).grant).toBe(
      actor.grants[2],
    );
    expect(
      denialCode(() => authorize(actor, 'concern.publish', { orgPath: COMMUNITY }, { roles: ['resident'] })),
    ).toBe('PERMISSION_DENIED');
  });

  test('a stored "system" grant means nothing to anyone but the platform itself', () => {
    const impostor: Actor = { openid: 'o-evil', grants: [{ role: 'system' }] };
    expect(denialCode(() => authorize(impostor, 'order.expire', {}))).toBe('PERMISSION_DENIED');
    expect(authorize({ openid: SYSTEM_OPENID, grants: [{ role: 'system' }] }, 'order.expire', {}).role).toBe(
      'system',
    );
  });

  test('assigned scope accepts the claimer, their team or their party organisation', () => {
    const member: Actor = {
      openid: 'o-pm',
      grants: [{ role: 'party_member', orgPath: COMMUNITY, partyOrgId: 'po1' }],
    };
    expect(can(member, 'concern.update', { assigneeOpenid: 'o-pm' })).toBe(true);
    expect(can(member, 'concern.update', { assigneePartyOrgId: 'po1' })).toBe(true);
    expect(can(member, 'concern.update', { assigneePartyOrgId: 'po2' })).toBe(false);
    const volunteer: Actor = {
      openid: 'o-v',
      grants: [{ role: 'volunteer', teamId: 't1', position: 'member', orgPath: COMMUNITY }],
    };
    expect(can(volunteer, 'concern.update', { assigneeTeamId: 't1' })).toBe(true);
    expect(can(volunteer, 'concern.release', { assigneeTeamId: 't1' })).toBe(false); // leaders only
  });

  test('every user is a resident: actorWithResidentGrant adds the grant once', () => {
    const a = actorWithResidentGrant('o1', `${COMMUNITY}g1/`, [{ role: 'worker', orgPath: COMMUNITY }]);
    expect(a.grants).toEqual([
      { role: 'resident', orgPath: `${COMMUNITY}g1/` },
      { role: 'worker', orgPath: COMMUNITY },
    ]);
    const b = actorWithResidentGrant('o1', undefined, []);
    expect(b.grants).toEqual([{ role: 'resident' }]);
    const c = actorWithResidentGrant('o1', undefined, [{ role: 'resident', orgPath: COMMUNITY }]);
    expect(c.grants).toHaveLength(1);
    expect(can(b, 'profile.bind', { ownerOpenid: 'o1' })).toBe(true);
  });

  test('can() rethrows bugs rather than hiding them', () => {
    const broken = {
      openid: 'o1',
      get grants(): never {
        throw new TypeError('boom');
      },
    } as unknown as Actor;
    expect(() => can(broken, 'catalog.read', {})).toThrow(TypeError);
  });
});
