/**
 * The state machine behind every life cycle, on what its callers read: the exact refusals of a step (code,
 * the Chinese message shown as is, the details) and which one wins when several apply, the events it
 * records, the steps it offers a role, and the table checks made when a life cycle is built.
 */
import type { Action } from '../../../core/auth/actions';
import type { AccessTarget } from '../../../core/auth/authorize';
import type { Actor, Role } from '../../../core/auth/roles';
import { ORDER_LIFECYCLE, type OrderStatus } from '../../../core/lifecycle/order.lifecycle';
import { Lifecycle, type TransitionRule } from '../../../core/lifecycle/state-machine';
import { DomainError } from '../../../core/kernel/errors';

const NOW = Date.UTC(2025, 2, 10, 2, 0, 0);
const COMMUNITY = '/yulin/yuzhou/yucheng/jinguan/';
const OTHER_COMMUNITY = '/yulin/fumian/x/y/';
const ORDER_TARGET: AccessTarget = { providerId: 'p1', ownerOpenid: 'o-res', orgPath: `${COMMUNITY}g1/` };

const resident: Actor = { openid: 'o-res', grants: [{ role: 'resident', orgPath: `${COMMUNITY}g1/` }] };
const staff: Actor = {
  openid: 'o-staff',
  grants: [
    { role: 'resident', orgPath: `${COMMUNITY}g2/` },
    { role: 'provider_staff', providerId: 'p1', position: 'member' },
  ],
};

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

const order = (status: OrderStatus | string) => ({ _id: 'ord-1', status: status as OrderStatus });

describe('transition: the refusals, word for word', () => {
  test('an illegal step names both statuses', () => {
    const err = thrown(() =>
      ORDER_LIFECYCLE.transition(order('created'), 'rated', { openid: 'o-res', role: 'resident' }, NOW),
    );
    expect(err).toMatchObject({
      code: 'ORDER_ILLEGAL_TRANSITION',
      message: '订单当前状态为“待接单”，不能变为“已评价”',
      details: { entityType: 'order', entityId: 'ord-1', from: 'created', to: 'rated', role: 'resident' },
    });
  });

  test('a status the table does not know is named as it is stored', () => {
    const err = thrown(() =>
      ORDER_LIFECYCLE.transition(
        order('archived'),
        'accepted',
        { openid: 'o-s', role: 'provider_staff' },
        NOW,
      ),
    );
    expect(err.code).toBe('ORDER_ILLEGAL_TRANSITION');
    expect(err.message).toBe('订单当前状态为“archived”，不能变为“已接单”');
  });

  test('a role the step does not allow is named, with the roles it does allow', () => {
    const err = thrown(() =>
      ORDER_LIFECYCLE.transition(order('created'), 'accepted', { openid: 'o-res', role: 'resident' }, NOW),
    );
    expect(err).toMatchObject({
      code: 'ORDER_ACTOR_NOT_ALLOWED',
      message: '居民不能将订单从“待接单”改为“已接单”',
      details: {
        entityType: 'order',
        entityId: 'ord-1',
        from: 'created',
        to: 'accepted',
        role: 'resident',
        allowedRoles: ['provider_staff'],
      },
    });
  });

  test('on an edge of two rules, the allowed roles of both are listed', () => {
    const err = thrown(() =>
      ORDER_LIFECYCLE.transition(order('rated'), 'closed', { openid: 'o-res', role: 'resident' }, NOW),
    );
    expect(err.details).toMatchObject({ allowedRoles: ['system', 'provider_staff'] });
  });

  test('a missing reason names the step', () => {
    const err = thrown(() =>
      ORDER_LIFECYCLE.transition(
        order('created'),
        'declined',
        { openid: 'o-s', role: 'provider_staff' },
        NOW,
        ' ',
      ),
    );
    expect(err).toMatchObject({
      code: 'ORDER_REASON_REQUIRED',
      message: '请填写“拒单”的原因',
      details: {
        entityType: 'order',
        entityId: 'ord-1',
        from: 'created',
        to: 'declined',
        role: 'provider_staff',
      },
    });
  });
});

describe('transition: the event it records', () => {
  test('a reason given where none is needed is kept, trimmed; a blank one is no reason', () => {
    const accept = (reason?: string | null) =>
      ORDER_LIFECYCLE.transition(
        order('created'),
        'accepted',
        { openid: 'o-s', role: 'provider_staff' },
        NOW,
        reason,
      ).event.reason;
    expect(accept('  马上出发 ')).toBe('马上出发');
    expect(accept('   ')).toBeNull();
    expect(accept(null)).toBeNull();
    expect(accept()).toBeNull();
  });

  test('an event without details has no details field at all', () => {
    const { event } = ORDER_LIFECYCLE.transition(
      order('created'),
      'accepted',
      { openid: 'o-s', role: 'provider_staff' },
      NOW,
    );
    expect(event).not.toHaveProperty('details');
    expect(
      ORDER_LIFECYCLE.creationEvent('ord-1', { openid: 'o-res', role: 'resident' }, NOW),
    ).not.toHaveProperty('details');
  });

  test('the creation event carries its details', () => {
    expect(
      ORDER_LIFECYCLE.creationEvent('ord-1', { openid: 'o-res', role: 'resident' }, NOW, { itemId: 'i1' }),
    ).toStrictEqual({
      entityType: 'order',
      entityId: 'ord-1',
      from: null,
      to: 'created',
      action: 'order.create',
      actor: { openid: 'o-res', role: 'resident' },
      at: NOW,
      reason: null,
      details: { itemId: 'i1' },
    });
  });

  test('a role that may not create is told what it may not do', () => {
    const err = thrown(() =>
      ORDER_LIFECYCLE.creationEvent('ord-1', { openid: 'o-s', role: 'provider_staff' }, NOW),
    );
    expect(err).toMatchObject({
      code: 'ORDER_ACTOR_NOT_ALLOWED',
      message: '服务机构人员不能下单',
      details: { entityType: 'order', entityId: 'ord-1', to: 'created', role: 'provider_staff' },
    });
  });

  test('authorizeAndTransition passes the reason and the details on', () => {
    const { entity, event } = ORDER_LIFECYCLE.authorizeAndTransition(
      staff,
      order('accepted'),
      'cancelled',
      ORDER_TARGET,
      NOW,
      ' 师傅生病 ',
      { by: 'staff' },
    );
    expect(entity).toEqual({ _id: 'ord-1', status: 'cancelled', statusChangedAt: NOW });
    expect(event).toMatchObject({ reason: '师傅生病', details: { by: 'staff' }, action: 'order.cancel' });
  });
});

describe('checkStep: which refusal a caller gets', () => {
  const stepCode = (actor: Actor, status: OrderStatus, to: OrderStatus, target = ORDER_TARGET) => {
    const outcome = ORDER_LIFECYCLE.checkStep(actor, order(status), to, target);
    return outcome.ok ? `ALLOWED as ${outcome.value.role}` : outcome.refusal;
  };

  test('the order’s own staff cancelling before acceptance: the step is the resident’s, not theirs', () => {
    expect(stepCode(staff, 'created', 'cancelled')).toEqual({
      code: 'ORDER_ACTOR_NOT_ALLOWED',
      message: '您不能将订单从“待接单”改为“已取消”',
      details: {
        entityType: 'order',
        entityId: 'ord-1',
        from: 'created',
        to: 'cancelled',
        // 代下单: a worker may cancel for the resident an order placed for them.
        allowedRoles: ['resident', 'worker'],
      },
    });
  });

  test('the resident rating too early: an illegal step, with the facts and nothing about roles', () => {
    expect(stepCode(resident, 'accepted', 'rated')).toEqual({
      code: 'ORDER_ILLEGAL_TRANSITION',
      message: '订单当前状态为“已接单”，不能变为“已评价”',
      details: { entityType: 'order', entityId: 'ord-1', from: 'accepted', to: 'rated' },
    });
  });

  test('staff closing a done order themselves: only the system closes it from there', () => {
    // They may close a rated order (a late follow-up does), so they are no stranger to "closed".
    expect(stepCode(staff, 'rated', 'closed')).toBe('ALLOWED as provider_staff');
    expect(stepCode(staff, 'done', 'closed')).toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  test('the role a step is made in is the one the table allows, not the first grant held', () => {
    expect(stepCode(staff, 'created', 'accepted')).toBe('ALLOWED as provider_staff');
    const ownerAndStaff: Actor = {
      openid: 'o-res',
      grants: [...resident.grants, { role: 'provider_staff', providerId: 'p1', position: 'member' }],
    };
    expect(stepCode(ownerAndStaff, 'accepted', 'cancelled')).toBe('ALLOWED as resident');
    expect(stepCode(ownerAndStaff, 'accepted', 'done')).toBe('ALLOWED as provider_staff');
  });

  test('a stranger is refused the same whatever the status, before the step is looked at', () => {
    const far: Actor = { openid: 'o-w', grants: [{ role: 'worker', orgPath: OTHER_COMMUNITY }] };
    for (const status of ORDER_LIFECYCLE.statuses) {
      expect(stepCode(far, status, 'accepted')).toMatchObject({ code: 'PERMISSION_DENIED' });
      expect(stepCode(resident, status, 'accepted')).toMatchObject({ code: 'PERMISSION_DENIED' });
    }
  });
});

describe('steps offered', () => {
  test('from a status: all steps, or those of one role, in table order', () => {
    const names = (rules: readonly TransitionRule<OrderStatus>[]) => rules.map((r) => `${r.to}:${r.label}`);
    expect(names(ORDER_LIFECYCLE.next('created'))).toEqual([
      'accepted:接单',
      'declined:拒单',
      'expired:超时未接单',
      'cancelled:居民取消订单',
      'cancelled:工作人员代居民取消订单',
    ]);
    expect(names(ORDER_LIFECYCLE.next('created', 'provider_staff'))).toEqual([
      'accepted:接单',
      'declined:拒单',
    ]);
    expect(names(ORDER_LIFECYCLE.next('created', 'resident'))).toEqual(['cancelled:居民取消订单']);
    expect(names(ORDER_LIFECYCLE.next('rated', 'provider_staff'))).toEqual([
      'closed:评价后补录回访，订单完结',
    ]);
    expect(ORDER_LIFECYCLE.next('closed')).toEqual([]);
    expect(ORDER_LIFECYCLE.isTerminal('closed')).toBe(true);
    expect(ORDER_LIFECYCLE.isTerminal('rated')).toBe(false);
  });

  test('an edge with no rule has none', () => {
    expect(ORDER_LIFECYCLE.rulesFor('closed', 'created')).toEqual([]);
    expect(ORDER_LIFECYCLE.rulesFor('rated', 'closed').map((r) => r.action)).toEqual([
      'order.close',
      'order.follow_up',
    ]);
  });

  test('the life cycle tells its entity type, statuses, rules and status names', () => {
    expect(ORDER_LIFECYCLE.entityType).toBe('order');
    expect(ORDER_LIFECYCLE.statuses).toBe(ORDER_LIFECYCLE.definition.statuses);
    expect(ORDER_LIFECYCLE.rules).toBe(ORDER_LIFECYCLE.definition.rules);
    expect(ORDER_LIFECYCLE.label('followed_up')).toBe('已回访');
    expect(ORDER_LIFECYCLE.codes).toEqual({
      illegalTransition: 'ORDER_ILLEGAL_TRANSITION',
      actorNotAllowed: 'ORDER_ACTOR_NOT_ALLOWED',
      reasonRequired: 'ORDER_REASON_REQUIRED',
    });
  });
});

/** A small life cycle of our own, for what the platform's tables do not exercise. */
function machine<S extends string>(statuses: readonly S[], rules: TransitionRule<S>[]): Lifecycle<S> {
  return new Lifecycle<S>({
    entityType: 'moderation',
    entityLabel: '测试项',
    codePrefix: 'TEST',
    statuses,
    statusLabels: Object.fromEntries(statuses.map((s) => [s, `状态${s}`])) as Record<S, string>,
    creation: { status: statuses[0]!, action: 'catalog.read', roles: ['resident'], label: '新建' },
    rules,
  });
}

const rule = <S extends string>(from: S, to: S, action: Action, roles: Role[]): TransitionRule<S> => ({
  from,
  to,
  action,
  roles,
  reasonRequired: false,
  label: `${from}到${to}`,
});

describe('tables', () => {
  test('statuses whose names run together are not confused', () => {
    const m = machine(['a', 'ab', 'bc', 'c'], [rule('a', 'bc', 'catalog.read', ['resident'])]);
    expect(m.isLegal('a', 'bc')).toBe(true);
    expect(m.isLegal('ab', 'c')).toBe(false);
  });

  test('an unknown first status is refused when the life cycle is built', () => {
    expect(
      () =>
        new Lifecycle<'a' | 'b'>({
          entityType: 'moderation',
          entityLabel: '测试项',
          codePrefix: 'TEST',
          statuses: ['a', 'b'],
          statusLabels: { a: '甲', b: '乙' },
          creation: { status: 'z' as 'a', action: 'catalog.read', roles: ['resident'], label: '新建' },
          rules: [],
        }),
    ).toThrow('TEST: unknown initial status');
  });

  test.each([
    ['from', rule('z' as 'a', 'b', 'catalog.read', ['resident']), 'TEST: rule z -> b uses an unknown status'],
    ['to', rule('a', 'z' as 'b', 'catalog.read', ['resident']), 'TEST: rule a -> z uses an unknown status'],
    ['roles', rule('a', 'b', 'catalog.read', []), 'TEST: rule a -> b has no role'],
  ])('a rule with a bad %s is refused, naming it', (_field, bad, message) => {
    expect(() => machine(['a', 'b'], [bad])).toThrow(message);
  });

  test('two rules of one edge may share no role, not even one of several', () => {
    expect(() =>
      machine(
        ['a', 'b'],
        [
          rule('a', 'b', 'catalog.read', ['resident', 'worker']),
          rule('a', 'b', 'order.view', ['worker', 'leader']),
        ],
      ),
    ).toThrow('TEST: rules a -> b overlap in roles');
    expect(
      machine(
        ['a', 'b'],
        [rule('a', 'b', 'catalog.read', ['resident']), rule('a', 'b', 'order.view', ['worker', 'leader'])],
      ).rulesFor('a', 'b'),
    ).toHaveLength(2);
  });

  test('refused on every rule of an edge, the more telling OUT_OF_SCOPE is the answer', () => {
    // b is reached from a (the system closes, a worker of the unit views) or from c (anyone reads).
    const m = machine(
      ['a', 'b', 'c'],
      [
        rule('a', 'b', 'order.close', ['system']),
        rule('a', 'b', 'order.view', ['worker']),
        rule('c', 'b', 'catalog.read', ['resident']),
      ],
    );
    const actor: Actor = {
      openid: 'o-x',
      grants: [{ role: 'resident' }, { role: 'worker', orgPath: OTHER_COMMUNITY }],
    };
    const outcome = m.checkStep(actor, { _id: 'x1', status: 'a' }, 'b', { orgPath: COMMUNITY });
    expect(outcome.ok ? 'ALLOWED' : outcome.refusal.code).toBe('OUT_OF_SCOPE');
    const fromC = m.checkStep(actor, { _id: 'x1', status: 'c' }, 'b', { orgPath: COMMUNITY });
    expect(fromC.ok && fromC.value).toEqual({ openid: 'o-x', role: 'resident' });
  });
});
