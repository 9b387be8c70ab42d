/**
 * A signed-in provider's life (docs/product.md section 3 and the case study's 考核评价机制): active; suspended
 * (pending an investigation) and reinstated; rectifying with a deadline after an evaluation, then active
 * again or removed (取消入驻资格, blacklisted and reported to the city and county regulators). A provider may
 * also leave the platform of its own accord while in good standing.
 */
import type { ActingAs } from '../auth/roles';
import { DomainError } from '../kernel/errors';
import { Lifecycle, type StatefulEntity, type TransitionResult, type TransitionRule } from './state-machine';

export const PROVIDER_STATUSES = ['active', 'suspended', 'rectifying', 'removed', 'exited'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export const PROVIDER_STATUS_LABELS: Readonly<Record<ProviderStatus, string>> = {
  active: '正常服务',
  suspended: '暂停服务',
  rectifying: '限期整改',
  removed: '已清退（黑名单）',
  exited: '已退出',
};

/** Only active providers are matched to residents (suspended, rectifying... are not). */
export const MATCHABLE_PROVIDER_STATUSES: readonly ProviderStatus[] = ['active'];

const regulators = ['leader', 'industry_regulator'] as const;
const removal = {
  to: 'removed',
  action: 'provider.blacklist',
  roles: regulators,
  reasonRequired: true,
  effects: ['blacklist', 'report_to_regulators'],
} as const;

const rules: TransitionRule<ProviderStatus>[] = [
  {
    from: 'active',
    to: 'suspended',
    action: 'provider.suspend',
    roles: regulators,
    reasonRequired: true,
    label: '暂停服务',
  },
  {
    from: 'rectifying',
    to: 'suspended',
    action: 'provider.suspend',
    roles: regulators,
    reasonRequired: true,
    label: '整改期间暂停服务',
  },
  {
    from: 'suspended',
    to: 'active',
    action: 'provider.reinstate',
    roles: regulators,
    reasonRequired: false,
    label: '恢复服务',
  },
  {
    from: 'active',
    to: 'rectifying',
    action: 'provider.rectify',
    roles: regulators,
    reasonRequired: true,
    label: '责令限期整改',
  },
  {
    from: 'rectifying',
    to: 'active',
    action: 'provider.rectify',
    roles: regulators,
    reasonRequired: false,
    label: '整改验收通过',
  },
  { from: 'rectifying', ...removal, label: '整改后问题依然存在，清退并列入黑名单' },
  // Serious violations need no rectification round first.
  { from: 'active', ...removal, label: '严重违规，清退并列入黑名单' },
  { from: 'suspended', ...removal, label: '严重违规，清退并列入黑名单' },
  // Leaving is only possible in good standing, so a provider cannot dodge a blacklist by quitting.
  {
    from: 'active',
    to: 'exited',
    action: 'provider.exit',
    roles: ['provider_staff', 'leader'],
    reasonRequired: true,
    label: '退出平台',
  },
];

export const PROVIDER_LIFECYCLE = new Lifecycle<ProviderStatus>({
  entityType: 'provider',
  entityLabel: '服务机构',
  codePrefix: 'PROVIDER',
  statuses: PROVIDER_STATUSES,
  statusLabels: PROVIDER_STATUS_LABELS,
  creation: {
    status: 'active',
    action: 'provider.sign',
    roles: ['resident', 'worker', 'leader'],
    label: '签订服务协定，入驻平台',
  },
  rules,
});

/**
 * Order a provider to rectify by `deadline` (active -> rectifying). The deadline must lie in the future;
 * the entity gets `rectifyDeadline`, and the event carries it. Passing the deadline changes nothing by
 * itself: the leader or regulator then accepts the rectification or removes the provider.
 */
export function startRectification<E extends StatefulEntity<ProviderStatus>>(
  provider: E,
  actor: ActingAs,
  now: number,
  reason: string,
  deadline: number,
): TransitionResult<E & { readonly rectifyDeadline: number }, ProviderStatus> {
  if (!Number.isFinite(deadline) || deadline <= now) {
    throw new DomainError('PROVIDER_RECTIFY_DEADLINE_INVALID', '整改期限必须晚于当前时间', {
      entityId: provider._id,
      deadline,
    });
  }
  const result = PROVIDER_LIFECYCLE.transition(provider, 'rectifying', actor, now, reason, { deadline });
  return { ...result, entity: { ...result.entity, rectifyDeadline: deadline } };
}

export function isRectificationOverdue(
  provider: { readonly status: ProviderStatus; readonly rectifyDeadline?: number | null },
  now: number,
): boolean {
  return (
    provider.status === 'rectifying' &&
    typeof provider.rectifyDeadline === 'number' &&
    now > provider.rectifyDeadline
  );
}
