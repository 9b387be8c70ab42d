/**
 * Every life cycle, straight from its table: each allowed transition for each allowed role, each illegal
 * pair (all pairs of statuses not in the table), each wrong role, each missing reason.
 */
import { ROLES, SYSTEM_OPENID, type ActingAs, type Role } from '../../../core/auth/roles';
import { LIFECYCLES } from '../../../core/lifecycle/lifecycle.table';
import { Lifecycle } from '../../../core/lifecycle/state-machine';
import { DomainError } from '../../../core/kernel/errors';

const NOW = Date.UTC(2024, 4, 1, 2, 0, 0);

function actingAs(role: Role): ActingAs {
  return { openid: role === 'system' ? SYSTEM_OPENID : `o-${role}`, role };
}

function expectDomainError(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const err = e as DomainError;
    expect(err.code).toBe(code);
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    return err;
  }
  throw new Error(`expected DomainError ${code}, nothing was thrown`);
}

type AnyLifecycle = Lifecycle<string>;
const machines = Object.entries(LIFECYCLES) as [string, AnyLifecycle][];

describe.each(machines)('%s life cycle', (_name, lifecycle) => {
  const codes = lifecycle.codes;
  const statuses = lifecycle.statuses;

  const allowed = lifecycle.rules.flatMap((rule) =>
    rule.roles.map((role) => [rule.from, rule.to, role, rule] as const),
  );
  test.each(allowed)('%s -> %s is allowed to %s', (from, to, role, rule) => {
    const entity = { _id: 'e1', status: from, other: 'kept' };
    const reason = rule.reasonRequired ? '  测试原因  ' : undefined;
    const {
      entity: next,
      event,
      rule: applied,
    } = lifecycle.transition(entity, to, actingAs(role), NOW, reason);
    expect(next).toEqual({ _id: 'e1', status: to, other: 'kept', statusChangedAt: NOW });
    expect(entity.status).toBe(from); // pure: the input is untouched
    expect(event).toEqual({
      entityType: lifecycle.entityType,
      entityId: 'e1',
      from,
      to,
      action: rule.action,
      actor: actingAs(role),
      at: NOW,
      reason: rule.reasonRequired ? '测试原因' : null,
    });
    expect(applied).toBe(rule);
  });

  const legal = new Set(lifecycle.rules.map((r) => `${r.from}->${r.to}`));
  const illegal = statuses
    .flatMap((from) => statuses.map((to) => [from, to] as const))
    .filter(([f, t]) => !legal.has(`${f}->${t}`));
  test.each(illegal)('%s -> %s is illegal', (from, to) => {
    for (const role of ROLES) {
      const err = expectDomainError(
        () => lifecycle.transition({ _id: 'e1', status: from }, to, actingAs(role), NOW, '原因'),
        codes.illegalTransition,
      );
      expect(err.details).toMatchObject({ from, to, entityId: 'e1' });
    }
    expect(lifecycle.isLegal(from, to)).toBe(false);
  });

  const edges = [...new Set(lifecycle.rules.map((r) => `${r.from}->${r.to}`))].map(
    (e) => e.split('->') as [string, string],
  );
  const wrongActors = edges.flatMap(([from, to]) => {
    const onEdge = lifecycle.rulesFor(from, to).flatMap((r) => r.roles);
    return ROLES.filter((role) => !onEdge.includes(role)).map((role) => [from, to, role] as const);
  });
  test.each(wrongActors)('%s -> %s is refused to %s', (from, to, role) => {
    const err = expectDomainError(
      () => lifecycle.transition({ _id: 'e1', status: from }, to, actingAs(role), NOW, '原因'),
      codes.actorNotAllowed,
    );
    expect(err.details).toMatchObject({ role });
  });

  const needReason = lifecycle.rules
    .filter((r) => r.reasonRequired)
    .map((r) => [r.from, r.to, r.roles[0]!] as const);
  if (needReason.length > 0) {
    test.each(needReason)('%s -> %s needs a reason', (from, to, role) => {
      for (const reason of [undefined, null, '', '   ']) {
        expectDomainError(
          () => lifecycle.transition({ _id: 'e1', status: from }, to, actingAs(role), NOW, reason),
          codes.reasonRequired,
        );
      }
    });
  }

  test('the system role is refused to anyone but the platform itself', () => {
    const systemRule = lifecycle.rules.find((r) => r.roles.includes('system'));
    if (systemRule === undefined) return;
    expectDomainError(
      () =>
        lifecycle.transition(
          { _id: 'e1', status: systemRule.from },
          systemRule.to,
          { openid: 'o-someone', role: 'system' },
          NOW,
          '原因',
        ),
      codes.actorNotAllowed,
    );
  });

  test('every status is reachable from the initial one', () => {
    const reached = new Set<string>([lifecycle.definition.creation.status]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of lifecycle.rules) {
        if (reached.has(r.from) && !reached.has(r.to)) {
          reached.add(r.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...statuses].sort());
  });

  test('creation event is recorded from null, only for the creating roles', () => {
    const creation = lifecycle.definition.creation;
    for (const role of ROLES) {
      if (creation.roles.includes(role)) {
        expect(lifecycle.creationEvent('e9', actingAs(role), NOW)).toEqual({
          entityType: lifecycle.entityType,
          entityId: 'e9',
          from: null,
          to: creation.status,
          action: creation.action,
          actor: actingAs(role),
          at: NOW,
          reason: null,
        });
      } else {
        expectDomainError(() => lifecycle.creationEvent('e9', actingAs(role), NOW), codes.actorNotAllowed);
      }
    }
  });

  test('details are carried into the event', () => {
    const rule = lifecycle.rules[0]!;
    const { event } = lifecycle.transition(
      { _id: 'e1', status: rule.from },
      rule.to,
      actingAs(rule.roles[0]!),
      NOW,
      '原因',
      {
        note: 1,
      },
    );
    expect(event.details).toEqual({ note: 1 });
  });

  test('every status has a Chinese label', () => {
    for (const status of statuses) expect(lifecycle.label(status)).toMatch(/[\u4e00-\u9fa5]/);
    for (const rule of lifecycle.rules) expect(rule.label).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('terminal statuses', () => {
  test.each([
    ['order', ['declined', 'expired', 'cancelled', 'closed']],
    ['concern', ['rejected', 'closed', 'withdrawn']],
    ['application', ['agreement_signed', 'rejected', 'withdrawn']],
    ['provider', ['removed', 'exited']],
  ] as const)('%s ends in %j', (name, terminal) => {
    const lifecycle = LIFECYCLES[name] as AnyLifecycle;
    expect(lifecycle.statuses.filter((s) => lifecycle.isTerminal(s)).sort()).toEqual([...terminal].sort());
  });
});

describe('the table itself is checked when a life cycle is built', () => {
  // The constructor guards against typos and ambiguous edges; these are bugs, not domain errors.
  const LifecycleClass = Lifecycle;
  const base = {
    entityType: 'order' as const,
    entityLabel: '测试',
    codePrefix: 'TEST',
    statuses: ['a', 'b'] as const,
    statusLabels: { a: '甲', b: '乙' },
    creation: {
      status: 'a' as const,
      action: 'order.create' as const,
      roles: ['resident'] as Role[],
      label: '新建',
    },
  };
  test('an unknown status is refused', () => {
    expect(
      () =>
        new LifecycleClass<'a' | 'b'>({
          ...base,
          rules: [
            {
              from: 'a',
              to: 'c' as 'b',
              action: 'order.accept',
              roles: ['provider_staff'],
              reasonRequired: false,
              label: 'x',
            },
          ],
        }),
    ).toThrow(/unknown status/);
  });
  test('two rules of one edge sharing a role are refused', () => {
    expect(
      () =>
        new LifecycleClass<'a' | 'b'>({
          ...base,
          rules: [
            {
              from: 'a',
              to: 'b',
              action: 'order.accept',
              roles: ['provider_staff'],
              reasonRequired: false,
              label: 'x',
            },
            {
              from: 'a',
              to: 'b',
              action: 'order.done',
              roles: ['provider_staff'],
              reasonRequired: false,
              label: 'y',
            },
          ],
        }),
    ).toThrow(/overlap/);
  });
  test('a rule without roles is refused', () => {
    expect(
      () =>
        new LifecycleClass<'a' | 'b'>({
          ...base,
          rules: [
            { from: 'a', to: 'b', action: 'order.accept', roles: [], reasonRequired: false, label: 'x' },
          ],
        }),
    ).toThrow(/no role/);
  });
});
