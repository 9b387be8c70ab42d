/** What `GET /console/api/dashboard` answers (数据看板, docs/dashboard.md). Types only. */
import type { OrgLevel } from '../org/org-levels';
import type { SupplyGapRow, UnitRef } from './console.replies';

export type KpiKey = 'services' | 'response' | 'completion' | 'satisfaction' | 'followUp' | 'matchGaps';

/** One rate or count as written beside its chart (core/console/kpi.definitions.ts). */
export interface KpiDefinition {
  readonly key: KpiKey;
  readonly name: string;
  /** A rate is numerator / denominator; a count is its numerator (the denominator is for reference). */
  readonly kind: 'rate' | 'count';
  readonly numerator: string;
  readonly denominator: string;
  readonly period: string;
  readonly inTime: string;
}

/** A figure: the rate (0-1) is null when nothing fell in the denominator, and for counts. */
export interface KpiFigure {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

export type KpiFigures = Readonly<Record<KpiKey, KpiFigure>>;

/** A unit's figures: over the whole period and per month (`months` order). */
export interface DashboardUnitFigures {
  readonly unit: UnitRef;
  readonly total: KpiFigures;
  readonly months: readonly KpiFigures[];
}

/** Orders placed per child unit, service item and month; only cells with orders. */
export interface DemandHeatMap {
  readonly units: readonly UnitRef[];
  readonly items: readonly { readonly itemId: string; readonly itemName: string }[];
  /** [unit index, item index, month index, orders placed] */
  readonly cells: readonly (readonly [number, number, number, number])[];
}

export interface BacktestPoint {
  readonly month: string;
  readonly actual: number;
  readonly forecast: number;
}

/** A forecast's error on past months: each month forecast from the months before it only. */
export interface BacktestError {
  readonly points: readonly BacktestPoint[];
  /** Mean absolute error, orders per month; null without a month to test on. */
  readonly mae: number | null;
  /** Mean absolute percentage error over the months with orders (percent); null when there is none. */
  readonly mape: number | null;
  /** The same months forecast by "the last month again", for comparison. */
  readonly naiveMae: number | null;
}

export interface ItemForecast {
  readonly itemId: string;
  readonly itemName: string;
  /** Orders per month of `historyMonths`. */
  readonly history: readonly number[];
  /** Orders expected in `targetMonth`. */
  readonly forecast: number;
  readonly backtest: BacktestError;
}

export interface DemandForecastReply {
  /** The method in words (core/console/demand-forecast.ts). */
  readonly method: string;
  readonly targetMonth: string;
  /** The complete months the forecast is made from, oldest first. */
  readonly historyMonths: readonly string[];
  /** Items with orders in the history, most demanded first. */
  readonly items: readonly ItemForecast[];
  /** All items together (the sum of their forecasts), with its own backtest. */
  readonly overall: { readonly forecast: number; readonly backtest: BacktestError };
}

export interface DashboardReply {
  /** The unit shown (null: the whole platform). */
  readonly unit: UnitRef | null;
  readonly now: number;
  /** 'YYYY-MM' months of the period, oldest first (Asia/Shanghai). */
  readonly months: readonly string[];
  readonly definitions: readonly KpiDefinition[];
  /** The unit itself: its figures over the period and per month. */
  readonly total: KpiFigures;
  readonly monthly: readonly KpiFigures[];
  /** The level of the units one below (a street's communities), null below the grid. */
  readonly childLevel: OrgLevel | null;
  /** Each unit one level down, by path. Their sums equal the unit's own figures. */
  readonly children: readonly DashboardUnitFigures[];
  readonly heatMap: DemandHeatMap;
  readonly forecast: DemandForecastReply;
  /** Now: items fewer than `supplyGapBelow` matchable providers cover in a community (the workbench's). */
  readonly supplyGaps: {
    readonly below: number;
    readonly total: number;
    readonly communities: number;
    readonly items: readonly SupplyGapRow[];
  };
}
