/**
 * The provider's onboarding (入驻申请, docs/product.md section 3): applied -> under_review -> noticed (公示, open
 * to objections) -> agreement_signed, when the provider record is created in status `active` (see
 * provider.lifecycle.ts). Incomplete applications are returned for amendment rather than rejected.
 */
import { DomainError } from '../kernel/errors';
import { Lifecycle, type TransitionRule } from './state-machine';

export const APPLICATION_STATUSES = [
  'applied',
  'under_review',
  'returned',
  'noticed',
  'agreement_signed',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  applied: '已提交',
  under_review: '审核中',
  returned: '退回补充材料',
  noticed: '公示中',
  agreement_signed: '已签订服务协定',
  rejected: '未通过',
  withdrawn: '已撤回',
};

const rules: TransitionRule<ApplicationStatus>[] = [
  {
    from: 'applied',
    to: 'under_review',
    action: 'provider.review',
    roles: ['worker', 'leader'],
    reasonRequired: false,
    label: '开始审核',
  },
  {
    from: 'under_review',
    to: 'returned',
    action: 'provider.review',
    roles: ['worker', 'leader'],
    reasonRequired: true,
    label: '退回补充材料',
  },
  // A paper application (纸质申请) is amended and filed again by the unit's worker who entered it (tried first:
  // a worker also holds the resident grant, and acts here as the worker).
  {
    from: 'returned',
    to: 'applied',
    action: 'provider.apply',
    roles: ['worker', 'leader'],
    reasonRequired: false,
    label: '补录材料后重新提交',
  },
  {
    from: 'returned',
    to: 'applied',
    action: 'provider.apply',
    roles: ['resident'],
    reasonRequired: false,
    label: '补充材料后重新提交',
  },
  {
    from: 'under_review',
    to: 'rejected',
    action: 'provider.review',
    roles: ['leader'],
    reasonRequired: true,
    label: '审核不通过',
  },
  {
    from: 'under_review',
    to: 'noticed',
    action: 'provider.notice',
    roles: ['leader'],
    reasonRequired: false,
    label: '择优选取，发布公示',
    effects: ['publish_notice'],
  },
  // An objection during the notice sends it back to review, or (upheld) ends it.
  {
    from: 'noticed',
    to: 'under_review',
    action: 'provider.review',
    roles: ['worker', 'leader'],
    reasonRequired: true,
    label: '公示有异议，重新审核',
  },
  {
    from: 'noticed',
    to: 'rejected',
    action: 'provider.review',
    roles: ['leader'],
    reasonRequired: true,
    label: '异议成立，不予入驻',
  },
  {
    from: 'noticed',
    to: 'agreement_signed',
    action: 'provider.sign',
    roles: ['resident', 'worker', 'leader'],
    reasonRequired: false,
    label: '签订服务协定',
    effects: ['create_provider'],
  },
  ...(['applied', 'under_review', 'returned', 'noticed'] as const).map(
    (from): TransitionRule<ApplicationStatus> => ({
      from,
      to: 'withdrawn',
      action: 'provider.withdraw',
      roles: ['resident'],
      reasonRequired: false,
      label: '申请人撤回',
    }),
  ),
];

export const APPLICATION_LIFECYCLE = new Lifecycle<ApplicationStatus>({
  entityType: 'application',
  entityLabel: '入驻申请',
  codePrefix: 'APPLICATION',
  statuses: APPLICATION_STATUSES,
  statusLabels: APPLICATION_STATUS_LABELS,
  // The applicant in the mini-program, or the unit's worker or leader entering a paper form (纸质申请).
  creation: {
    status: 'applied',
    action: 'provider.apply',
    roles: ['resident', 'worker', 'leader'],
    label: '提交入驻申请',
  },
  rules,
});

/** Length of the public notice (公示期) before the agreement may be signed. */
export const DEFAULT_NOTICE_DAYS = 7;

/** Throws APPLICATION_NOTICE_NOT_OVER when the agreement is signed before the notice period has run. */
export function assertNoticePeriodOver(
  application: {
    readonly _id: string;
    readonly status: ApplicationStatus;
    readonly statusChangedAt: number;
    /** When the notice was published with its end (provider.application.decide); else from statusChangedAt. */
    readonly noticeEndsAt?: number | null;
  },
  now: number,
  noticeDays = DEFAULT_NOTICE_DAYS,
): void {
  if (application.status !== 'noticed') return;
  const endsAt = application.noticeEndsAt ?? application.statusChangedAt + noticeDays * 86_400_000;
  if (now < endsAt) {
    throw new DomainError(
      'APPLICATION_NOTICE_NOT_OVER',
      `公示期 ${noticeDays} 天尚未结束，暂不能签订服务协定`,
      {
        entityId: application._id,
        noticeEndsAt: endsAt,
      },
    );
  }
}
