/**
 * Life cycles and the authorization matrix tell one story: the roles a table allows for a step are the
 * roles the matrix gives the step's action, and `authorizeAndTransition` applies both.
 */
import { PERMISSION_MATRIX } from '../../../core/auth/permissions.matrix';
import { ROLES, SYSTEM_ACTOR, type Actor, type Role } from '../../../core/auth/roles';
import type { Action } from '../../../core/auth/actions';
import { LIFECYCLES } from '../../../core/lifecycle/lifecycle.table';
import { CONCERN_LIFECYCLE } from '../../../core/lifecycle/concern.lifecycle';
import { ORDER_LIFECYCLE, type OrderStatus } from '../../../core/lifecycle/order.lifecycle';
import { PROVIDER_LIFECYCLE } from '../../../core/lifecycle/provider.lifecycle';
import type { Lifecycle } from '../../../core/lifecycle/state-machine';
import { DomainError } from '../../../core/kernel/errors';

const NOW = Date.UTC(2024, 4, 1);
const machines = Object.values(LIFECYCLES) as Lifecycle<string>[];

function rolesOf(action: Action): Role[] {
  return ROLES.filter((r) => PERMISSION_MATRIX[action][r] !== undefined);
}

describe('life-cycle tables agree with the authorization matrix', () => {
  const rules = machines.flatMap((m) => [
    ...m.rules.map((r) => [m.entityType, `${r.from} -> ${r.to}`, r.action, r.roles] as const),
    [
      m.entityType,
      `(new) -> ${m.definition.creation.status}`,
      m.definition.creation.action,
      m.definition.creation.roles,
    ] as const,
  ]);
  test.each(rules)('%s %s (%s): its roles hold the action in the matrix', (_type, _edge, action, roles) => {
    for (const role of roles) expect(rolesOf(action)).toContain(role);
  });

  const actions = [
    ...new Set(machines.flatMap((m) => [...m.rules.map((r) => r.action), m.definition.creation.action])),
  ];
  test.each(actions)('every matrix role of %s can make some step with it', (action) => {
    const stepRoles = new Set(
      machines.flatMap((m) => [
        ...m.rules.filter((r) => r.action === action).flatMap((r) => r.roles),
        ...(m.definition.creation.action === action ? m.definition.creation.roles : []),
      ]),
    );
    expect(rolesOf(action).filter((r) => !stepRoles.has(r))).toEqual([]);
  });
});

function expectCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).code).toBe(code);
}

const COMMUNITY = '/yulin/yuzhou/yucheng/jinguan/';
const staffOf = (providerId: string, position: 'manager' | 'member' = 'member'): Actor => ({
  openid: `o-staff-${providerId}`,
  grants: [{ role: 'resident' }, { role: 'provider_staff', providerId, position }],
});
const resident = (openid: string): Actor => ({
  openid,
  grants: [{ role: 'resident', orgPath: `${COMMUNITY}g1/` }],
});

describe('authorizeAndTransition', () => {
  const order = { _id: 'order-1', status: 'created' as const };
  const target = { providerId: 'p1', ownerOpenid: 'o-res', orgPath: `${COMMUNITY}g1/` };

  test('staff of the order’s provider accept it, recorded under their staff role', () => {
    const { entity, event } = ORDER_LIFECYCLE.authorizeAndTransition(
      staffOf('p1'),
      order,
      'accepted',
      target,
      NOW,
    );
    expect(entity.status).toBe('accepted');
    expect(event.actor).toEqual({ openid: 'o-staff-p1', role: 'provider_staff' });
    expect(event.action).toBe('order.accept');
  });

  test('staff of another provider are out of scope', () => {
    expectCode(
      () => ORDER_LIFECYCLE.authorizeAndTransition(staffOf('p2'), order, 'accepted', target, NOW),
      'OUT_OF_SCOPE',
    );
  });

  test('a resident cannot accept at all', () => {
    expectCode(
      () => ORDER_LIFECYCLE.authorizeAndTransition(resident('o-res'), order, 'accepted', target, NOW),
      'PERMISSION_DENIED',
    );
  });

  test('the owner cancels before acceptance without a reason; another resident is out of scope', () => {
    const { event } = ORDER_LIFECYCLE.authorizeAndTransition(
      resident('o-res'),
      order,
      'cancelled',
      target,
      NOW,
    );
    expect(event.actor.role).toBe('resident');
    expectCode(
      () => ORDER_LIFECYCLE.authorizeAndTransition(resident('o-other'), order, 'cancelled', target, NOW),
      'OUT_OF_SCOPE',
    );
  });

  test('provider staff may cancel only after acceptance, and then only with a reason', () => {
    expectCode(
      () =>
        ORDER_LIFECYCLE.authorizeAndTransition(staffOf('p1'), order, 'cancelled', target, NOW, '临时有事'),
      'ORDER_ACTOR_NOT_ALLOWED',
    );
    const accepted = { ...order, status: 'accepted' as const };
    expectCode(
      () => ORDER_LIFECYCLE.authorizeAndTransition(staffOf('p1'), accepted, 'cancelled', target, NOW),
      'ORDER_REASON_REQUIRED',
    );
    const { event } = ORDER_LIFECYCLE.authorizeAndTransition(
      staffOf('p1'),
      accepted,
      'cancelled',
      target,
      NOW,
      '师傅生病',
    );
    expect(event.reason).toBe('师傅生病');
  });

  test('for someone who may make the step, an illegal step is reported as such', () => {
    // The owner may rate their order, just not before it is done: what tells them is the order's state.
    expectCode(
      () => ORDER_LIFECYCLE.authorizeAndTransition(resident('o-res'), order, 'rated', target, NOW),
      'ORDER_ILLEGAL_TRANSITION',
    );
  });

  test('a stranger learns nothing of the order’s state: one refusal per step whatever its status', () => {
    const codeOf = (actor: Actor, status: OrderStatus, to: OrderStatus): string => {
      try {
        ORDER_LIFECYCLE.authorizeAndTransition(actor, { _id: 'order-1', status }, to, target, NOW);
        return 'ALLOWED';
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    const cases: [Actor, OrderStatus, string][] = [
      [resident('o-x'), 'cancelled', 'OUT_OF_SCOPE'],
      [resident('o-x'), 'rated', 'OUT_OF_SCOPE'],
      [resident('o-x'), 'accepted', 'PERMISSION_DENIED'],
      [staffOf('p2'), 'accepted', 'OUT_OF_SCOPE'],
      [staffOf('p2'), 'done', 'OUT_OF_SCOPE'],
      [staffOf('p2'), 'cancelled', 'OUT_OF_SCOPE'],
    ];
    for (const [actor, to, expected] of cases) {
      const codes = new Set(ORDER_LIFECYCLE.statuses.map((status) => codeOf(actor, status, to)));
      expect([actor.openid, to, [...codes]]).toEqual([actor.openid, to, [expected]]);
    }
  });

  test('a rated order is closed by the system, or by staff recording a late follow-up (two rules, one edge)', () => {
    const rated = { _id: 'order-1', status: 'rated' as const };
    expect(
      ORDER_LIFECYCLE.authorizeAndTransition(SYSTEM_ACTOR, rated, 'closed', target, NOW).event.action,
    ).toBe('order.close');
    expect(
      ORDER_LIFECYCLE.authorizeAndTransition(staffOf('p1'), rated, 'closed', target, NOW).event.action,
    ).toBe('order.follow_up');
    expectCode(
      () => ORDER_LIFECYCLE.authorizeAndTransition(staffOf('p2'), rated, 'closed', target, NOW),
      'OUT_OF_SCOPE',
    );
  });

  test('a person holding a stored "system" grant is not the system', () => {
    const impostor: Actor = { openid: 'o-evil', grants: [{ role: 'system' }] };
    expectCode(
      () => ORDER_LIFECYCLE.authorizeAndTransition(impostor, order, 'expired', target, NOW),
      'PERMISSION_DENIED',
    );
    expect(
      ORDER_LIFECYCLE.authorizeAndTransition(SYSTEM_ACTOR, order, 'expired', target, NOW).event.actor.role,
    ).toBe('system');
  });

  test('a provider member cannot take the provider off the platform; the manager can', () => {
    const provider = { _id: 'p1', status: 'active' as const };
    const t = { providerId: 'p1', orgPath: COMMUNITY };
    expectCode(
      () =>
        PROVIDER_LIFECYCLE.authorizeAndTransition(
          staffOf('p1', 'member'),
          provider,
          'exited',
          t,
          NOW,
          '停业',
        ),
      'PERMISSION_DENIED',
    );
    const { event } = PROVIDER_LIFECYCLE.authorizeAndTransition(
      staffOf('p1', 'manager'),
      provider,
      'exited',
      t,
      NOW,
      '停业',
    );
    expect(event.actor.role).toBe('provider_staff');
  });

  test('a leader reviews concerns of their unit only', () => {
    const concern = { _id: 'c1', status: 'submitted' as const };
    const leader: Actor = {
      openid: 'o-leader',
      grants: [{ role: 'leader', orgPath: '/yulin/yuzhou/yucheng/' }],
    };
    const inside = { orgPath: COMMUNITY, ownerOpenid: 'o-res' };
    const outside = { orgPath: '/yulin/fumian/x/y/', ownerOpenid: 'o-res' };
    expect(
      CONCERN_LIFECYCLE.authorizeAndTransition(leader, concern, 'approved', inside, NOW).entity.status,
    ).toBe('approved');
    expectCode(
      () => CONCERN_LIFECYCLE.authorizeAndTransition(leader, concern, 'approved', outside, NOW),
      'OUT_OF_SCOPE',
    );
    // A worker may publish, but reviewing is the leader's.
    const worker: Actor = { openid: 'o-worker', grants: [{ role: 'worker', orgPath: COMMUNITY }] };
    expectCode(
      () => CONCERN_LIFECYCLE.authorizeAndTransition(worker, concern, 'approved', inside, NOW),
      'PERMISSION_DENIED',
    );
  });

  test('a party member of the community claims its concerns and those pushed up to its street', () => {
    const member: Actor = { openid: 'o-pm', grants: [{ role: 'party_member', orgPath: COMMUNITY }] };
    const published = { _id: 'c1', status: 'published' as const };
    const escalated = { _id: 'c1', status: 'escalated' as const };
    expect(
      CONCERN_LIFECYCLE.authorizeAndTransition(member, published, 'claimed', { orgPath: COMMUNITY }, NOW)
        .event.actor.role,
    ).toBe('party_member');
    expect(
      CONCERN_LIFECYCLE.authorizeAndTransition(
        member,
        escalated,
        'claimed',
        { orgPath: '/yulin/yuzhou/yucheng/' },
        NOW,
      ).entity.status,
    ).toBe('claimed');
    expectCode(
      () =>
        CONCERN_LIFECYCLE.authorizeAndTransition(
          member,
          published,
          'claimed',
          { orgPath: '/yulin/yuzhou/yucheng/other/' },
          NOW,
        ),
      'OUT_OF_SCOPE',
    );
  });
});
