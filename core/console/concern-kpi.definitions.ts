/**
 * The concerns' figures on the dashboard (数据看板 · 诉求), each defined once: the words the console shows
 * beside its chart and docs/dashboard.md repeats, and the conditions concern-dashboard.query.ts counts with.
 * Like the orders' figures (kpi.definitions.ts) each is counted in the Asia/Shanghai month of one of the
 * concern's own times, within the unit of its `orgPath` (where the resident lives), and here also at a
 * concern level (社区, 街道, 县级, 市级).
 */
import type { AggregateExpression } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import type { ConcernKpiDefinition, ConcernKpiKey } from './concern-dashboard.replies';
import { countIf } from './kpi.definitions';

export const CONCERN_KPI_KEYS: readonly ConcernKpiKey[] = [
  'received',
  'claimedInTime',
  'resolved',
  'satisfied',
  'overdueAtCity',
];

/** The definitions as the console shows them; the claim limits come from the platform configuration. */
export function concernKpiDefinitions(config: PlatformConfig): readonly ConcernKpiDefinition[] {
  const hours = config.concerns.deadlines.claimWithinHours;
  const limits = `社区 ${hours.community} 小时、街道 ${hours.street} 小时、县级 ${hours.county} 小时、市级 ${hours.city} 小时`;
  return [
    {
      key: 'received',
      name: '收到诉求',
      kind: 'count',
      numerator: '当月提交的忧心事、微心愿数（含工作人员代办；含此后撤回或未通过审核的）',
      denominator: '—',
      period: '按提交时间所在月份（上海时间）',
      level: '诉求当前所在层级',
      inTime: '不考核时限',
    },
    {
      key: 'claimedInTime',
      name: '按时认领率',
      kind: 'rate',
      numerator: '当月认领的诉求中，认领时未超过所在层级认领时限的诉求数',
      denominator: '当月认领的诉求数（退回后再次认领的，按最近一次认领计）',
      period: '按认领时间所在月份（上海时间）',
      level: '认领时所在层级',
      inTime: `自到达该层级（或退回后重新等待）起：${limits}。社区、街道、县级超时未认领的诉求由定时任务（每 10 分钟）推送上一级，故在这三级认领的均计为按时；市级以到达市级的时间判断`,
    },
    {
      key: 'resolved',
      name: '办结数',
      kind: 'count',
      numerator: '当月办结的诉求数（认领方提交办结说明）',
      denominator: '—',
      period: '按办结时间所在月份（上海时间）',
      level: '办结时所在层级',
      inTime: '不考核时限',
    },
    {
      key: 'satisfied',
      name: '居民确认解决率',
      kind: 'rate',
      numerator: '居民确认结果为“已解决”的诉求数',
      denominator: '当月居民作出确认的诉求数（已解决、部分解决、未解决；不含到期未确认、由系统关闭的）',
      period: '按居民确认时间所在月份（上海时间）',
      level: '确认时所在层级',
      inTime: `办结后 ${config.concerns.deadlines.confirmWithinHours / 24} 天内未确认的由系统关闭，不计入`,
    },
    {
      key: 'overdueAtCity',
      name: '市级超时未认领',
      kind: 'count',
      numerator: `已推送到市级、超过市级认领时限（${hours.city} 小时）仍无人认领（或联席会议未承接）的诉求数`,
      denominator: '—',
      period: '按超时时刻所在月份（上海时间）；另列当前仍超时的诉求数',
      level: '市级',
      inTime: `到达市级后 ${hours.city} 小时`,
    },
  ];
}

// ---- the conditions, as aggregation expressions over one concern -------------------------------------------

/** Received: each concern once. */
export const RECEIVED_SUMS: Record<string, AggregateExpression> = { received: { $sum: 1 } };

/**
 * Claimed: all, and those claimed below the city (in time by construction: the timer pushes an unclaimed
 * concern up at its deadline). Claims at the city are judged against their arrival there (the query).
 */
export const CLAIM_SUMS: Record<string, AggregateExpression> = {
  claimed: { $sum: 1 },
  claimedBelowCity: { $sum: countIf({ $ne: ['$level', 'city'] }) },
};

export const RESOLVED_SUMS: Record<string, AggregateExpression> = { resolved: { $sum: 1 } };

/** Residents' answers (the timer's `not_confirmed` is matched out), and the "resolved" ones. */
export const CONFIRMATION_SUMS: Record<string, AggregateExpression> = {
  answered: { $sum: 1 },
  satisfied: { $sum: countIf({ $eq: ['$confirmation.outcome', 'resolved'] }) },
};

export const OVERDUE_SUMS: Record<string, AggregateExpression> = { overdue: { $sum: 1 } };
