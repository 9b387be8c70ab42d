/**
 * The concern life cycle (忧心事 / 微心愿, docs/product.md section 3): submitted -> approved | rejected -> published
 * -> claimed -> in_progress -> resolved -> confirmed -> closed. Unclaimed past its deadline a concern is
 * escalated one level up (community -> street -> county -> city); a cross-department concern is referred
 * to the joint meeting of its level. See docs/life-cycles.md.
 */
import type { ActingAs } from '../auth/roles';
import type { OrgLevel } from '../org/org-levels';
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import { DomainError } from '../kernel/errors';
import { Lifecycle, type StatefulEntity, type TransitionResult, type TransitionRule } from './state-machine';

export const CONCERN_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'published',
  'escalated',
  'referred',
  'claimed',
  'in_progress',
  'resolved',
  'confirmed',
  'closed',
  'withdrawn',
] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const CONCERN_STATUS_LABELS: Readonly<Record<ConcernStatus, string>> = {
  submitted: '待审核',
  approved: '审核通过',
  rejected: '未通过审核',
  published: '已发布待认领',
  escalated: '已逐级推送',
  referred: '已提交联席会议',
  claimed: '已认领',
  in_progress: '办理中',
  resolved: '已办结',
  confirmed: '居民已确认',
  closed: '已关闭',
  withdrawn: '已撤回',
};

/** The levels a concern moves through when nobody claims it, bottom up. */
export const CONCERN_LEVELS = [
  'community',
  'street',
  'county',
  'city',
] as const satisfies readonly OrgLevel[];
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

/** As whom a concern is claimed: the person, their volunteer team, their party organisation, or their unit. */
export const CLAIM_AS = ['self', 'team', 'party_org', 'unit'] as const;

const claimers = ['party_member', 'volunteer', 'worker', 'leader'] as const;
const handlers = ['party_member', 'volunteer', 'worker', 'leader', 'joint_meeting_office'] as const;
const escalators = ['worker', 'leader', 'system'] as const;

const rules: TransitionRule<ConcernStatus>[] = [
  {
    from: 'submitted',
    to: 'approved',
    action: 'concern.review',
    roles: ['leader'],
    reasonRequired: false,
    label: '审核通过',
  },
  {
    from: 'submitted',
    to: 'rejected',
    action: 'concern.review',
    roles: ['leader'],
    reasonRequired: true,
    label: '审核不通过',
  },
  {
    from: 'approved',
    to: 'published',
    action: 'concern.publish',
    roles: ['worker', 'leader'],
    reasonRequired: false,
    label: '发布',
  },
  // The resident (or the worker who filed it for them) may withdraw it until somebody has claimed it.
  ...(['submitted', 'approved', 'published', 'escalated'] as const).map(
    (from): TransitionRule<ConcernStatus> => ({
      from,
      to: 'withdrawn',
      action: 'concern.withdraw',
      roles: ['resident', 'worker'],
      reasonRequired: false,
      label: '撤回',
    }),
  ),
  {
    from: 'published',
    to: 'claimed',
    action: 'concern.claim',
    roles: claimers,
    reasonRequired: false,
    label: '认领',
  },
  {
    from: 'escalated',
    to: 'claimed',
    action: 'concern.claim',
    roles: claimers,
    reasonRequired: false,
    label: '认领',
  },
  // Escalation is a transition of its own, repeated once per level; the event's details carry the new level.
  {
    from: 'published',
    to: 'escalated',
    action: 'concern.escalate',
    roles: escalators,
    reasonRequired: true,
    label: '推送上一级',
    effects: ['notify_level_organisations'],
  },
  {
    from: 'escalated',
    to: 'escalated',
    action: 'concern.escalate',
    roles: escalators,
    reasonRequired: true,
    label: '继续推送上一级',
    effects: ['notify_level_organisations'],
  },
  // Cross-department concerns go to the joint meeting (联席会议) of the concern's current level.
  {
    from: 'published',
    to: 'referred',
    action: 'concern.refer',
    roles: ['worker', 'leader'],
    reasonRequired: true,
    label: '提交联席会议',
    effects: ['notify_joint_meeting_office'],
  },
  {
    from: 'escalated',
    to: 'referred',
    action: 'concern.refer',
    roles: ['worker', 'leader'],
    reasonRequired: true,
    label: '提交联席会议',
    effects: ['notify_joint_meeting_office'],
  },
  {
    from: 'referred',
    to: 'referred',
    action: 'concern.escalate',
    roles: escalators,
    reasonRequired: true,
    label: '提交上一级联席会议',
    effects: ['notify_joint_meeting_office'],
  },
  {
    from: 'referred',
    to: 'claimed',
    action: 'joint_meeting.take',
    roles: ['joint_meeting_office'],
    reasonRequired: false,
    label: '联席会议承接',
  },
  // A joint meeting that let a department's task run past its second deadline: the next level's joint meeting.
  ...(['claimed', 'in_progress'] as const).map((from): TransitionRule<ConcernStatus> => ({
    from,
    to: 'referred',
    action: 'concern.escalate',
    roles: ['system'],
    reasonRequired: true,
    label: '部门任务逾期，提交上一级联席会议',
    effects: ['notify_joint_meeting_office'],
  })),
  // A claimer who cannot go on hands it back, with a reason; it is open again at its current level.
  {
    from: 'claimed',
    to: 'published',
    action: 'concern.release',
    roles: claimers,
    reasonRequired: true,
    label: '退回认领',
  },
  {
    from: 'claimed',
    to: 'escalated',
    action: 'concern.release',
    roles: claimers,
    reasonRequired: true,
    label: '退回认领',
  },
  // Progress updates are transitions too (in_progress -> in_progress), so each shows on the timeline; the
  // reason is the update text.
  {
    from: 'claimed',
    to: 'in_progress',
    action: 'concern.update',
    roles: handlers,
    reasonRequired: true,
    label: '开始办理',
  },
  {
    from: 'in_progress',
    to: 'in_progress',
    action: 'concern.update',
    roles: handlers,
    reasonRequired: true,
    label: '更新进展',
  },
  {
    from: 'claimed',
    to: 'resolved',
    action: 'concern.resolve',
    roles: handlers,
    reasonRequired: true,
    label: '办结',
  },
  {
    from: 'in_progress',
    to: 'resolved',
    action: 'concern.resolve',
    roles: handlers,
    reasonRequired: true,
    label: '办结',
  },
  {
    from: 'resolved',
    to: 'confirmed',
    action: 'concern.confirm',
    roles: ['resident', 'worker'],
    reasonRequired: false,
    label: '居民确认办结',
  },
  // Not satisfied: back to the handler, with the resident's reason.
  {
    from: 'resolved',
    to: 'in_progress',
    action: 'concern.confirm',
    roles: ['resident', 'worker'],
    reasonRequired: true,
    label: '居民不满意，重新办理',
  },
  {
    from: 'confirmed',
    to: 'closed',
    action: 'concern.close',
    roles: ['worker', 'leader', 'system'],
    reasonRequired: false,
    label: '关闭',
  },
  // The resident never answered: closed by the timer (or a worker) with the reason on record.
  {
    from: 'resolved',
    to: 'closed',
    action: 'concern.close',
    roles: ['worker', 'leader', 'system'],
    reasonRequired: true,
    label: '居民未确认，关闭',
  },
];

export const CONCERN_LIFECYCLE = new Lifecycle<ConcernStatus>({
  entityType: 'concern',
  entityLabel: '事项',
  codePrefix: 'CONCERN',
  statuses: CONCERN_STATUSES,
  statusLabels: CONCERN_STATUS_LABELS,
  creation: {
    status: 'submitted',
    action: 'concern.submit',
    roles: ['resident', 'worker'],
    label: '提交事项',
  },
  rules,
});

/** The level above, or null at the top (city). */
export function nextConcernLevel(level: ConcernLevel): ConcernLevel | null {
  const i = CONCERN_LEVELS.indexOf(level);
  return i < 0 || i === CONCERN_LEVELS.length - 1 ? null : CONCERN_LEVELS[i + 1]!;
}

export interface EscalatableConcern extends StatefulEntity<ConcernStatus> {
  /** The level whose organisations the concern is currently offered to. */
  readonly level: ConcernLevel;
}

/**
 * Push an unclaimed concern one level up: published / escalated -> escalated, or, for a concern at the
 * joint meeting, referred -> referred (the joint meeting of the next level). The returned entity and the
 * event's details carry the new level; the caller resolves the unit of that level and notifies it.
 * Throws CONCERN_AT_TOP_LEVEL at city level.
 */
export function escalateConcern<E extends EscalatableConcern>(
  concern: E,
  actor: ActingAs,
  now: number,
  reason: string,
): TransitionResult<E & { readonly level: ConcernLevel }, ConcernStatus> {
  if (concern.status !== 'published' && concern.status !== 'escalated' && concern.status !== 'referred') {
    throw new DomainError(
      CONCERN_LIFECYCLE.codes.illegalTransition,
      `事项当前状态为“${CONCERN_LIFECYCLE.label(concern.status)}”，不能向上推送`,
      { entityType: 'concern', entityId: concern._id, from: concern.status },
    );
  }
  const to: ConcernStatus = concern.status === 'referred' ? 'referred' : 'escalated';
  const level = nextConcernLevel(concern.level);
  if (level === null) {
    throw new DomainError('CONCERN_AT_TOP_LEVEL', '事项已推送到市级，不能再向上推送', {
      entityId: concern._id,
      level: concern.level,
    });
  }
  const result = CONCERN_LIFECYCLE.transition(concern, to, actor, now, reason, {
    fromLevel: concern.level,
    level,
    levelLabel: ORG_LEVEL_LABELS[level],
  });
  return { ...result, entity: { ...result.entity, level } };
}
