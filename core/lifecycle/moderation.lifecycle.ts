/**
 * A held text's (or a held rating's) short life: pending until a worker of its unit approves it (it is shown,
 * or the rating counts) or rejects it with a reason (it stays hidden). The decision is the event; nothing
 * moves again afterwards. The item is created pending by the command that stored what it holds, in the same
 * transaction, so its creation is the platform's step, never a person's.
 */
import { Lifecycle, type TransitionRule } from './state-machine';

export const MODERATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export const MODERATION_STATUS_LABELS: Readonly<Record<ModerationStatus, string>> = {
  pending: '待审核',
  approved: '审核通过',
  rejected: '审核不通过',
};

const deciders = ['worker', 'leader'] as const;

const rules: TransitionRule<ModerationStatus>[] = [
  {
    from: 'pending',
    to: 'approved',
    action: 'moderation.decide',
    roles: deciders,
    reasonRequired: false,
    label: '审核通过',
  },
  {
    from: 'pending',
    to: 'rejected',
    action: 'moderation.decide',
    roles: deciders,
    reasonRequired: true,
    label: '审核不通过',
  },
];

export const MODERATION_LIFECYCLE = new Lifecycle<ModerationStatus>({
  entityType: 'moderation',
  entityLabel: '待审核内容',
  codePrefix: 'MODERATION',
  statuses: MODERATION_STATUSES,
  statusLabels: MODERATION_STATUS_LABELS,
  creation: { status: 'pending', action: 'moderation.decide', roles: ['system'], label: '送审' },
  rules,
});
