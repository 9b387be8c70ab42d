/** What `GET /console/api/dashboard/concerns` answers (数据看板 · 诉求, docs/dashboard.md). Types only. */
import type { ConcernLevel } from '../lifecycle/concern.lifecycle';
import type { UnitRef } from './console.replies';
import type { KpiFigure } from './dashboard.replies';

export type ConcernKpiKey = 'received' | 'claimedInTime' | 'resolved' | 'satisfied' | 'overdueAtCity';

/** One figure as written beside its chart (core/console/concern-kpi.definitions.ts). */
export interface ConcernKpiDefinition {
  readonly key: ConcernKpiKey;
  readonly name: string;
  /** A rate is numerator / denominator; a count is its numerator (the denominator is for reference). */
  readonly kind: 'rate' | 'count';
  readonly numerator: string;
  readonly denominator: string;
  readonly period: string;
  /** Which level a concern is counted at. */
  readonly level: string;
  readonly inTime: string;
}

export type ConcernFigures = Readonly<Record<ConcernKpiKey, KpiFigure>>;

export interface ConcernLevelFigures {
  readonly level: ConcernLevel;
  readonly levelLabel: string;
  readonly total: ConcernFigures;
  readonly months: readonly ConcernFigures[];
}

export interface ConcernDashboardReply {
  /** The unit shown (null: the whole platform). */
  readonly unit: UnitRef | null;
  readonly now: number;
  /** 'YYYY-MM' months of the period, oldest first (Asia/Shanghai). */
  readonly months: readonly string[];
  readonly definitions: readonly ConcernKpiDefinition[];
  /** All levels together: over the period and per month. */
  readonly total: ConcernFigures;
  readonly monthly: readonly ConcernFigures[];
  /** Community, street, county, city: their sums are the totals. */
  readonly levels: readonly ConcernLevelFigures[];
  /** Now: concerns waiting at the city past their claim deadline (nothing is above the city to push to). */
  readonly overdueAtCityNow: number;
}
