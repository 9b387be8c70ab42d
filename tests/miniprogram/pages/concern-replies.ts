/**
 * Replies of the `concerns` function as it sends them, typed with the core's reply types (weimin-core), built
 * per test: what the concerns pages' scripted function answers with, and what the view-model tests map.
 */
import type {
  ConcernActions,
  ConcernDetail,
  ConcernListItem,
  ConcernListResult,
  ConcernStepResult,
  ConcernTimelineEntry,
} from 'weimin-core';
import { T0 } from './support/replies';

const HOUR = 3_600_000;

export function listItem(overrides: Partial<ConcernListItem> = {}): ConcernListItem {
  return {
    concernId: 'concern-1',
    kind: 'worry',
    kindLabel: '忧心事',
    title: '楼道灯坏了很久，晚上上下楼不安全',
    status: 'published',
    statusLabel: '已发布待认领',
    level: 'community',
    levelLabel: '社区',
    residentName: '黄**',
    claimerName: null,
    supportCount: 3,
    sensitive: false,
    crossDepartment: false,
    claimDeadline: T0 + 48 * HOUR,
    overdue: false,
    leaderAttention: false,
    createdAt: T0,
    statusChangedAt: T0 + HOUR,
    ...overrides,
  };
}

export function listPage(items: ConcernListItem[], total = items.length, page = 1): ConcernListResult {
  return { items, total, page, pageSize: 20, hasMore: (page - 1) * 20 + items.length < total };
}

/** `count` rows numbered from `from` (concern-<n>). */
export function rows(from: number, count: number): ConcernListItem[] {
  return Array.from({ length: count }, (_, i) =>
    listItem({ concernId: `concern-${from + i}`, title: `第 ${from + i} 件诉求` }),
  );
}

export const NO_ACTIONS: ConcernActions = {
  canWithdraw: false,
  canReview: false,
  canPublish: false,
  canClaim: false,
  claimAs: [],
  canRelease: false,
  canUpdate: false,
  canResolve: false,
  canConfirm: false,
  canEscalate: false,
  canRefer: false,
  canTake: false,
  canSupport: false,
};

export function step(
  to: ConcernTimelineEntry['to'],
  hours: number,
  label: string,
  extra: Partial<ConcernTimelineEntry> = {},
): ConcernTimelineEntry {
  return {
    at: T0 + hours * HOUR,
    from: null,
    to,
    label,
    byRole: '居民',
    reason: null,
    levelLabel: null,
    images: [],
    ...extra,
  };
}

export function detail(
  overrides: Partial<ConcernDetail> = {},
  actions: Partial<ConcernActions> = {},
): ConcernDetail {
  return {
    ...listItem(),
    content: '3 栋 2 单元三楼到六楼的楼道灯坏了快一个月，家里有老人，晚上上下楼很不安全。',
    images: ['cloud://env.bucket/concerns/a.jpg'],
    anonymous: false,
    publicSummary: null,
    onBehalfOf: null,
    reviewReason: null,
    contentFlagged: false,
    resolutionSummary: null,
    confirmation: null,
    unresolvedCount: 0,
    jointCase: null,
    supportedByMe: false,
    timeline: [
      step('submitted', 0, '提交事项'),
      step('approved', 4, '审核通过', { byRole: '社区负责人' }),
      step('published', 5, '发布', { byRole: '社区工作人员' }),
    ],
    actions: { ...NO_ACTIONS, ...actions },
    ...overrides,
  };
}

export function stepResult(status: ConcernStepResult['status'], statusLabel: string): ConcernStepResult {
  return { concernId: 'concern-1', status, statusLabel, level: 'community', statusChangedAt: T0 + 6 * HOUR };
}
