/**
 * The clocks of orders, concerns, applications and providers, by moving "now" rather than waiting.
 */
import { SYSTEM_ACTOR, SYSTEM_OPENID } from '../../../core/auth/roles';
import { assertNoticePeriodOver } from '../../../core/lifecycle/application.lifecycle';
import {
  claimDeadline,
  DEFAULT_CONCERN_DEADLINES,
  dueConcernTransition,
} from '../../../core/lifecycle/concern.deadlines';
import {
  CONCERN_LIFECYCLE,
  escalateConcern,
  nextConcernLevel,
} from '../../../core/lifecycle/concern.lifecycle';
import {
  acceptDeadline,
  DEFAULT_ORDER_DEADLINES,
  dueOrderTransition,
  followUpDueAt,
  followUpReminderAt,
  isFollowUpOnTime,
  isFollowUpOverdue,
  isFollowUpReminderDue,
  type OrderTiming,
} from '../../../core/lifecycle/order.deadlines';
import { ORDER_LIFECYCLE } from '../../../core/lifecycle/order.lifecycle';
import { isRectificationOverdue, startRectification } from '../../../core/lifecycle/provider.lifecycle';
import { DomainError } from '../../../core/kernel/errors';

const H = 3_600_000;
const T0 = Date.UTC(2024, 4, 1, 0, 0, 0);
const system = { openid: SYSTEM_OPENID, role: 'system' as const };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'none';
}

describe('order deadlines', () => {
  const created: OrderTiming = { status: 'created', createdAt: T0 };

  test('an unanswered order expires after the configured hours, not a millisecond before', () => {
    expect(acceptDeadline(created)).toBe(T0 + 24 * H);
    expect(dueOrderTransition(created, T0 + 24 * H - 1)).toBeNull();
    expect(dueOrderTransition(created, T0 + 24 * H)).toEqual({ to: 'expired', reason: '超过 24 小时未接单' });
    const custom = { ...DEFAULT_ORDER_DEADLINES, acceptWithinHours: 2 };
    expect(dueOrderTransition(created, T0 + 2 * H, custom)?.to).toBe('expired');
  });

  test('every decision of the timer is a legal system transition', () => {
    const cases: OrderTiming[] = [
      created,
      { status: 'done', createdAt: T0, doneAt: T0 },
      { status: 'followed_up', createdAt: T0, doneAt: T0, followedUpAt: T0 + H },
      { status: 'rated', createdAt: T0, doneAt: T0 },
      { status: 'rated', createdAt: T0, doneAt: T0, followedUpAt: T0 + H },
    ];
    for (const order of cases) {
      const decision = dueOrderTransition(order, T0 + 1000 * H);
      expect(decision).not.toBeNull();
      const { entity } = ORDER_LIFECYCLE.transition(
        { _id: 'o', status: order.status },
        decision!.to,
        system,
        T0,
        decision!.reason,
      );
      expect(entity.status).toBe(decision!.to);
    }
  });

  test('a rated and followed-up order closes at once; otherwise orders close a week after the job', () => {
    expect(
      dueOrderTransition({ status: 'rated', createdAt: T0, doneAt: T0, followedUpAt: T0 + H }, T0 + H),
    ).toEqual({
      to: 'closed',
      reason: null,
    });
    for (const status of ['done', 'followed_up', 'rated'] as const) {
      const order = { status, createdAt: T0, doneAt: T0 };
      expect(dueOrderTransition(order, T0 + 168 * H - 1)).toBeNull();
      expect(dueOrderTransition(order, T0 + 168 * H)?.to).toBe('closed');
    }
  });

  test('open or finished orders have nothing due', () => {
    for (const status of ['accepted', 'declined', 'expired', 'cancelled', 'closed'] as const) {
      expect(dueOrderTransition({ status, createdAt: T0, doneAt: T0 }, T0 + 10_000 * H)).toBeNull();
    }
  });

  test('an order past done without doneAt is a bug, not a silent skip', () => {
    expect(() => dueOrderTransition({ status: 'done', createdAt: T0 }, T0)).toThrow(/doneAt/);
  });

  test('follow-up: reminder a day before it is due, overdue after, on time up to the due moment', () => {
    const done: OrderTiming = { status: 'done', createdAt: T0, doneAt: T0 };
    expect(followUpDueAt(T0)).toBe(T0 + 72 * H);
    expect(followUpReminderAt(T0)).toBe(T0 + 48 * H);
    expect(isFollowUpReminderDue(done, T0 + 48 * H - 1)).toBe(false);
    expect(isFollowUpReminderDue(done, T0 + 48 * H)).toBe(true);
    expect(isFollowUpReminderDue(done, T0 + 72 * H)).toBe(true);
    expect(isFollowUpReminderDue(done, T0 + 72 * H + 1)).toBe(false);
    expect(isFollowUpReminderDue({ ...done, status: 'rated' }, T0 + 50 * H)).toBe(true);
    expect(isFollowUpReminderDue({ ...done, followedUpAt: T0 + H, status: 'followed_up' }, T0 + 50 * H)).toBe(
      false,
    );
    expect(isFollowUpOverdue(done, T0 + 72 * H)).toBe(false);
    expect(isFollowUpOverdue(done, T0 + 72 * H + 1)).toBe(true);
    expect(isFollowUpOverdue({ ...done, followedUpAt: T0 + 80 * H }, T0 + 81 * H)).toBe(true);
    expect(isFollowUpOverdue({ ...done, followedUpAt: T0 + 70 * H }, T0 + 1000 * H)).toBe(false);
    expect(isFollowUpOverdue({ status: 'accepted', createdAt: T0 }, T0 + 1000 * H)).toBe(false);
    expect(isFollowUpOnTime(T0, T0 + 72 * H)).toBe(true);
    expect(isFollowUpOnTime(T0, T0 + 72 * H + 1)).toBe(false);
  });
});

describe('concern escalation', () => {
  const published = { _id: 'c1', status: 'published' as const, level: 'community' as const };

  test('levels go community -> street -> county -> city, then stop', () => {
    expect(nextConcernLevel('community')).toBe('street');
    expect(nextConcernLevel('street')).toBe('county');
    expect(nextConcernLevel('county')).toBe('city');
    expect(nextConcernLevel('city')).toBeNull();
  });

  test('each escalation is a recorded transition carrying the new level', () => {
    let concern: {
      _id: string;
      status: 'published' | 'escalated';
      level: 'community' | 'street' | 'county' | 'city';
    } = published;
    const seen: string[] = [];
    for (const expected of ['street', 'county', 'city'] as const) {
      const { entity, event } = escalateConcern(concern, system, T0, '超期无人认领');
      expect(entity.level).toBe(expected);
      expect(entity.status).toBe('escalated');
      expect(event.details).toMatchObject({ fromLevel: concern.level, level: expected });
      expect(event.action).toBe('concern.escalate');
      seen.push(`${event.from}->${event.to}`);
      concern = { ...entity, status: 'escalated' };
    }
    expect(seen).toEqual(['published->escalated', 'escalated->escalated', 'escalated->escalated']);
    expect(codeOf(() => escalateConcern(concern, system, T0, '超期'))).toBe('CONCERN_AT_TOP_LEVEL');
  });

  test('a concern at the joint meeting goes to the next level’s joint meeting', () => {
    const { entity, event } = escalateConcern(
      { _id: 'c2', status: 'referred', level: 'street' },
      system,
      T0,
      '未承接',
    );
    expect(entity).toMatchObject({ status: 'referred', level: 'county' });
    expect(event.from).toBe('referred');
  });

  test('claimed or closed concerns are not escalated, and escalation needs a reason', () => {
    expect(codeOf(() => escalateConcern({ ...published, status: 'claimed' }, system, T0, 'x'))).toBe(
      'CONCERN_ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => escalateConcern(published, system, T0, ' '))).toBe('CONCERN_REASON_REQUIRED');
    expect(codeOf(() => escalateConcern(published, { openid: 'o-r', role: 'resident' }, T0, 'x'))).toBe(
      'CONCERN_ACTOR_NOT_ALLOWED',
    );
  });

  test('the timer escalates unclaimed concerns when their level’s deadline passes, and restarts the clock', () => {
    const c = { status: 'published' as const, level: 'community' as const, statusChangedAt: T0 };
    expect(claimDeadline(c)).toBe(T0 + 72 * H);
    expect(dueConcernTransition(c, T0 + 72 * H - 1)).toBeNull();
    const due = dueConcernTransition(c, T0 + 72 * H);
    expect(due).toEqual({
      kind: 'escalate',
      toLevel: 'street',
      reason: '社区级 72 小时内无人认领，推送至街道(镇)级',
    });
    const atCounty = { status: 'escalated' as const, level: 'county' as const, statusChangedAt: T0 };
    expect(dueConcernTransition(atCounty, T0 + 119 * H)).toBeNull();
    expect(dueConcernTransition(atCounty, T0 + 120 * H)).toMatchObject({ kind: 'escalate', toLevel: 'city' });
    expect(dueConcernTransition({ ...atCounty, level: 'city' }, T0 + 10_000 * H)).toBeNull();
    expect(
      dueConcernTransition({ status: 'referred', level: 'community', statusChangedAt: T0 }, T0 + 72 * H),
    ).toMatchObject({
      reason: expect.stringContaining('联席会议未承接'),
    });
  });

  test('resolved concerns close when the resident does not confirm in time; confirmed ones close at once', () => {
    const resolved = { status: 'resolved' as const, level: 'community' as const, statusChangedAt: T0 };
    const week = DEFAULT_CONCERN_DEADLINES.confirmWithinHours * H;
    expect(dueConcernTransition(resolved, T0 + week - 1)).toBeNull();
    const due = dueConcernTransition(resolved, T0 + week);
    expect(due?.kind).toBe('close');
    // The decision is a legal system transition with its reason.
    const { entity } = CONCERN_LIFECYCLE.transition(
      { _id: 'c', status: 'resolved' },
      'closed',
      system,
      T0,
      due!.reason,
    );
    expect(entity.status).toBe('closed');
    expect(dueConcernTransition({ ...resolved, status: 'confirmed' }, T0)).toEqual({
      kind: 'close',
      reason: null,
    });
    for (const status of ['submitted', 'approved', 'claimed', 'in_progress', 'closed'] as const) {
      expect(dueConcernTransition({ ...resolved, status }, T0 + 10_000 * H)).toBeNull();
    }
  });
});

describe('provider rectification and application notice', () => {
  const actor = { openid: 'o-leader', role: 'leader' as const };

  test('rectification needs a future deadline, recorded on the entity and the event', () => {
    const provider = { _id: 'p1', status: 'active' as const };
    expect(codeOf(() => startRectification(provider, actor, T0, '问题清单', T0))).toBe(
      'PROVIDER_RECTIFY_DEADLINE_INVALID',
    );
    expect(codeOf(() => startRectification(provider, actor, T0, '', T0 + H))).toBe(
      'PROVIDER_REASON_REQUIRED',
    );
    const { entity, event } = startRectification(provider, actor, T0, '问题清单', T0 + 30 * 24 * H);
    expect(entity).toMatchObject({ status: 'rectifying', rectifyDeadline: T0 + 30 * 24 * H });
    expect(event.details).toEqual({ deadline: T0 + 30 * 24 * H });
    expect(isRectificationOverdue(entity, T0 + 30 * 24 * H)).toBe(false);
    expect(isRectificationOverdue(entity, T0 + 30 * 24 * H + 1)).toBe(true);
    expect(isRectificationOverdue({ status: 'active', rectifyDeadline: T0 }, T0 + H)).toBe(false);
    expect(codeOf(() => startRectification({ _id: 'p1', status: 'removed' }, actor, T0, 'x', T0 + H))).toBe(
      'PROVIDER_ILLEGAL_TRANSITION',
    );
  });

  test('the agreement may be signed only after the notice period', () => {
    const application = { _id: 'a1', status: 'noticed' as const, statusChangedAt: T0 };
    expect(codeOf(() => assertNoticePeriodOver(application, T0 + 7 * 24 * H - 1))).toBe(
      'APPLICATION_NOTICE_NOT_OVER',
    );
    expect(() => assertNoticePeriodOver(application, T0 + 7 * 24 * H)).not.toThrow();
    expect(() => assertNoticePeriodOver({ ...application, status: 'under_review' }, T0)).not.toThrow();
    expect(() => assertNoticePeriodOver(application, T0 + 3 * 24 * H, 3)).not.toThrow();
  });

  test('SYSTEM_ACTOR holds only the system grant', () => {
    expect(SYSTEM_ACTOR.grants).toEqual([{ role: 'system' }]);
  });
});
