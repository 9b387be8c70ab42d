/** The demand forecast (core/console/demand-forecast.ts): the method as written, and its backtest. */
import { backtest, forecastNext, shownForecast } from '../../../core/console/demand-forecast';

describe('forecastNext', () => {
  test.each([
    ['no history', [], null],
    ['one month: that month', [7], 7],
    ['under a year: the mean of the last 3 months', [1, 2, 3, 4, 8], 5],
    // 12 months: the same month last year is history[0] = 12; the last 3 are 3, 3, 6 (mean 4): (12 + 4) / 2.
    ['a year: half last year’s month, half the recent mean', [12, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 6], 8],
    // 13 months: last year's month for month 14 is history[1] = 20.
    ['13 months: the month a year before the target', [0, 20, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2], 11],
  ])('%s', (_name, history, expected) => {
    expect(forecastNext(history)).toBe(expected);
  });

  test('a flat series is forecast exactly, a seasonal one follows its season', () => {
    expect(forecastNext(new Array(24).fill(5))).toBe(5);
    const seasonal = [...new Array(12).fill(2), ...new Array(12).fill(2)];
    seasonal[12] = 30; // a winter peak last year, in the month the forecast is for (index 24 - 12)
    expect(forecastNext(seasonal)).toBeGreaterThan(forecastNext(new Array(24).fill(2))!);
  });

  test('shownForecast rounds to one decimal and says 0 without history', () => {
    expect(shownForecast([1, 1, 2])).toBe(1.3);
    expect(shownForecast([])).toBe(0);
  });
});

describe('backtest', () => {
  test('forecasts each of the last months from the months before it only', () => {
    const history = [10, 10, 10, 10, 10, 10, 10, 40];
    const b = backtest(history, 3);
    expect(b.points.map((p) => p.index)).toEqual([5, 6, 7]);
    expect(b.points.map((p) => p.forecast)).toEqual([10, 10, 10]);
    // Errors 0, 0, 30: MAE 10; MAPE (0 + 0 + 75%) / 3 = 25.
    expect(b.mae).toBe(10);
    expect(b.mape).toBe(25);
    // "Same as last month" misses the same jump by 30 too.
    expect(b.naiveMae).toBe(10);
  });

  test('a month without orders is left out of MAPE, not divided by', () => {
    const b = backtest([4, 4, 0, 4], 2);
    expect(b.points.map((p) => p.actual)).toEqual([0, 4]);
    expect(b.mape).not.toBeNull();
    expect(Number.isFinite(b.mape!)).toBe(true);
    expect(backtest([0, 0, 0], 2).mape).toBeNull();
  });

  test('no month to test: no error figures', () => {
    expect(backtest([5], 6)).toEqual({ points: [], mae: null, mape: null, naiveMae: null });
  });

  test('changing a month never changes the forecasts of the months before it (no look-ahead)', () => {
    const a = backtest([3, 5, 4, 6, 5, 7, 6, 8], 6);
    const b = backtest([3, 5, 4, 6, 5, 7, 6, 80], 6);
    expect(b.points.map((p) => p.forecast)).toEqual(a.points.map((p) => p.forecast));
  });
});
