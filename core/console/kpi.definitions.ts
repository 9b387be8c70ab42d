/**
 * The dashboard's figures (数据看板), each defined once: the words the console shows beside its chart and
 * docs/dashboard.md repeats, and the aggregation conditions dashboard.query.ts counts with. A rate is
 * numerator / denominator over one Asia/Shanghai calendar month, in the way 12345 接诉即办 reports
 * 响应率 / 解决率 / 满意率: what is counted, out of what, in which month, and what "in time" means.
 *
 * Every record is counted in the month of one of its own times (the "period" of each figure) and in the
 * unit of its `orgPath` (the resident's grid or community), so a unit's figure is the sum of its children's.
 */
import type { AggregateExpression } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import type { KpiDefinition, KpiKey } from './dashboard.replies';

const HOUR_MS = 3_600_000;

export const KPI_KEYS: readonly KpiKey[] = [
  'services',
  'response',
  'completion',
  'satisfaction',
  'followUp',
  'matchGaps',
];

/** The definitions as the console shows them; the limits come from the platform configuration. */
export function kpiDefinitions(config: PlatformConfig): readonly KpiDefinition[] {
  const acceptHours = config.deadlines.acceptWithinHours;
  const followUpHours = config.deadlines.followUpWithinHours;
  const minProviders = config.matching.minProviders;
  const gapBelow = config.console.supplyGapBelow;
  return [
    {
      key: 'services',
      name: '服务人次',
      kind: 'count',
      numerator: '当月下单、服务机构已标记完成服务的订单数',
      denominator: '当月下单的订单数（仅作参照）',
      period: '按订单下单时间所在月份（上海时间）',
      inTime: '不考核时限',
    },
    {
      key: 'response',
      name: '响应率',
      kind: 'rate',
      numerator: `应响应订单中，在下单后 ${acceptHours} 小时内被服务机构接单的订单数`,
      denominator: `当月下单、需要服务机构答复的订单数：不含居民在答复前取消的订单，也不含仍在 ${acceptHours} 小时答复时限内等待接单的订单`,
      period: '按订单下单时间所在月份（上海时间）',
      inTime: `接单时间 − 下单时间 ≤ ${acceptHours} 小时（平台配置的接单时限，超时订单自动转为“超时未接”）；拒单、超时未接计入分母不计入分子`,
    },
    {
      key: 'completion',
      name: '办结率',
      kind: 'rate',
      numerator: '已接单订单中，服务机构已标记完成服务的订单数',
      denominator: '当月下单并被接单的订单数（含接单后取消的订单）',
      period: '按订单下单时间所在月份（上海时间）；当月尚在服务中的订单计入分母，完成后比率随之上升',
      inTime: '不考核时限，以是否完成服务为准',
    },
    {
      key: 'satisfaction',
      name: '满意率',
      kind: 'rate',
      numerator: '4 星、5 星评价数',
      denominator: '当月提交的评价数（不含因异常暂缓计入的评价）',
      period: '按评价提交时间所在月份（上海时间）',
      inTime: '不考核时限',
    },
    {
      key: 'followUp',
      name: '回访及时率',
      kind: 'rate',
      numerator: '到期回访中，在到期时间之前（含）已记录的回访数',
      denominator: '回访到期时间在当月且到期时间已过的回访数（服务完成后应回访的订单）',
      period: '按回访到期时间所在月份（上海时间）',
      inTime: `回访记录时间 ≤ 到期时间（服务完成后 ${followUpHours} 小时）`,
    },
    {
      key: 'matchGaps',
      name: '供给缺口',
      kind: 'count',
      numerator: `居民匹配服务时，逐级扩大到全市仍不足 ${minProviders} 家可选服务机构的次数（同一居民、同一服务项目每天只计一次）`,
      denominator: '—',
      period: `按匹配时间所在月份（上海时间）；另列当前各社区可匹配服务机构少于 ${gapBelow} 家的服务项目`,
      inTime: '不考核时限',
    },
  ];
}

// ---- the conditions, as aggregation expressions over one document -------------------------------------

/** 1 when the condition holds, else 0 (a conditional count inside `$sum`). */
export function countIf(condition: AggregateExpression): AggregateExpression {
  return { $cond: [condition, 1, 0] };
}

/** The time field is set (a positive number; null or missing is not). */
export function isSet(field: string): AggregateExpression {
  return { $gt: [{ $ifNull: [`$${field}`, 0] }, 0] };
}

/** Orders: the sums each order adds to its month and unit. */
export function orderSums(config: PlatformConfig, now: number): Record<string, AggregateExpression> {
  const acceptMs = config.deadlines.acceptWithinHours * HOUR_MS;
  const accepted = isSet('acceptedAt');
  return {
    placed: { $sum: 1 },
    done: { $sum: countIf(isSet('doneAt')) },
    // Needed an answer: not withdrawn by the resident before one, not still inside its answer window.
    due: {
      $sum: countIf({
        $and: [
          { $or: [{ $ne: ['$status', 'cancelled'] }, accepted] },
          { $or: [{ $ne: ['$status', 'created'] }, { $lte: ['$createdAt', now - acceptMs] }] },
        ],
      }),
    },
    answered: {
      $sum: countIf({ $and: [accepted, { $lte: [{ $subtract: ['$acceptedAt', '$createdAt'] }, acceptMs] }] }),
    },
    accepted: { $sum: countIf(accepted) },
  };
}

/** Ratings: all counted ones, and those of 4-5 stars. */
export const RATING_SUMS: Record<string, AggregateExpression> = {
  rated: { $sum: 1 },
  good: { $sum: countIf({ $gte: ['$stars', 4] }) },
};

/** Follow-ups that fell due: all, and those recorded by their due time. */
export const FOLLOW_UP_SUMS: Record<string, AggregateExpression> = {
  fell: { $sum: 1 },
  onTime: { $sum: countIf({ $and: [isSet('recordedAt'), { $lte: ['$recordedAt', '$dueAt'] }] }) },
};

/** Match gaps: how many. */
export const GAP_SUMS: Record<string, AggregateExpression> = { gaps: { $sum: 1 } };
