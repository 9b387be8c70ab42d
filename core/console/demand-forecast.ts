/**
 * Next month's demand (orders placed) per service item, from its monthly history: a seasonal naive
 * forecast blended with a recent mean.
 *
 *   forecast(t) = ½ · y(t − 12) + ½ · mean(y(t − 3), y(t − 2), y(t − 1))    when a year of history exists
 *               =       mean of the last (up to) 3 months                    otherwise
 *
 * Why this one: community demand has a yearly rhythm (助浴 in winter, 家电维修 in summer, holidays) that the
 * same month last year carries, while the recent months carry the level (a new provider, a new estate);
 * each alone is noisy at tens of orders a month, their mean less so. It needs nothing fitted, so a worker
 * can check it by hand, and its error on past months (`backtest`) is shown beside it together with the
 * error of the plainest forecast ("the same as last month"), so nobody has to take it on trust.
 *
 * Pure: numbers in, numbers out.
 */

export const SEASON_MONTHS = 12;
export const RECENT_MONTHS = 3;
export const SEASONAL_WEIGHT = 0.5;
/** Months the backtest forecasts (each from the months before it only). */
export const BACKTEST_MONTHS = 6;

export const FORECAST_METHOD =
  '季节性朴素法与近期均值各占一半：预测值 = ½ × 去年同月订单数 + ½ × 最近 3 个月平均订单数；' +
  '不足一年历史时取最近 3 个月平均。误差为回测：对最近 6 个月逐月只用此前数据预测，' +
  '与实际订单数比较（MAE 平均绝对误差，MAPE 平均绝对百分比误差，只计有订单的月份）；' +
  '并列出“与上月相同”这一最简单预测的 MAE 作对照。';

const round1 = (x: number): number => Math.round(x * 10) / 10;

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * The forecast for the month after `history` (oldest first, one number per month, no gaps). Null without
 * any history.
 */
export function forecastNext(history: readonly number[]): number | null {
  const n = history.length;
  if (n === 0) return null;
  const recent = mean(history.slice(Math.max(0, n - RECENT_MONTHS)));
  if (n < SEASON_MONTHS) return recent;
  const lastYear = history[n - SEASON_MONTHS]!;
  return SEASONAL_WEIGHT * lastYear + (1 - SEASONAL_WEIGHT) * recent;
}

export interface BacktestResult {
  /** Index into the history of each month tested, with its actual value and forecast. */
  readonly points: readonly { readonly index: number; readonly actual: number; readonly forecast: number }[];
  readonly mae: number | null;
  readonly mape: number | null;
  readonly naiveMae: number | null;
}

/**
 * The forecast's error on the last `months` months of `history`: each forecast from the months before it
 * only (at least one), never from the month itself or later.
 */
export function backtest(history: readonly number[], months = BACKTEST_MONTHS): BacktestResult {
  const points: { index: number; actual: number; forecast: number }[] = [];
  const naiveErrors: number[] = [];
  for (let t = Math.max(1, history.length - months); t < history.length; t += 1) {
    const past = history.slice(0, t);
    const forecast = forecastNext(past)!;
    points.push({ index: t, actual: history[t]!, forecast: round1(forecast) });
    naiveErrors.push(Math.abs(history[t]! - past[past.length - 1]!));
  }
  if (points.length === 0) return { points, mae: null, mape: null, naiveMae: null };
  const errors = points.map((p) => Math.abs(p.actual - forecastNext(history.slice(0, p.index))!));
  const withOrders = points
    .map((p, i) => ({ p, e: errors[i]! }))
    .filter(({ p }) => p.actual > 0)
    .map(({ p, e }) => (e / p.actual) * 100);
  return {
    points,
    mae: round1(mean(errors)),
    mape: withOrders.length === 0 ? null : round1(mean(withOrders)),
    naiveMae: round1(mean(naiveErrors)),
  };
}

/** The forecast rounded for showing (one decimal), 0 without history. */
export function shownForecast(history: readonly number[]): number {
  return round1(forecastNext(history) ?? 0);
}
