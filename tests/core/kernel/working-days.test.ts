/**
 * Working days in Asia/Shanghai (core/kernel/working-days.ts): Monday to Friday, deadlines at the end of the
 * n-th working day after the start's own day. Public holidays are not known to it (documented).
 */
import {
  addWorkingDays,
  isWorkingDay,
  shanghaiWeekday,
  withinWorkingDays,
} from '../../../core/kernel/working-days';
import { formatShanghaiMinute } from '../../../core/kernel/shanghai-time';

/** Millis of 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
function sh(text: string): number {
  const [date, time] = text.split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh - 8, mm);
}

const END = (date: string) => sh(`${date} 23:59`) + 59_999;

describe('shanghaiWeekday / isWorkingDay', () => {
  test.each([
    ['2025-03-10 10:00', 1, true], // Monday
    ['2025-03-14 15:00', 5, true], // Friday
    ['2025-03-15 09:00', 6, false], // Saturday
    ['2025-03-16 23:59', 0, false], // Sunday
    // 00:30 Monday in Shanghai is still Sunday in UTC: the Shanghai day counts.
    ['2025-03-17 00:30', 1, true],
  ])('%s is weekday %d (working: %s)', (at, weekday, working) => {
    expect(shanghaiWeekday(sh(at))).toBe(weekday);
    expect(isWorkingDay(sh(at))).toBe(working);
  });
});

describe('addWorkingDays', () => {
  test.each([
    // A Friday-afternoon 差评: contact by the end of Monday, fix by the end of next Friday.
    ['2025-03-14 15:00', 1, '2025-03-17'],
    ['2025-03-14 15:00', 5, '2025-03-21'],
    // Monday morning: the day itself does not count.
    ['2025-03-10 09:00', 1, '2025-03-11'],
    ['2025-03-10 09:00', 5, '2025-03-17'],
    // Weekend starts: the next working days.
    ['2025-03-15 11:00', 1, '2025-03-17'],
    ['2025-03-16 23:00', 1, '2025-03-17'],
    ['2025-03-16 23:00', 5, '2025-03-21'],
    // Late Friday in Shanghai (early Friday afternoon UTC) still counts from Friday.
    ['2025-03-14 23:30', 1, '2025-03-17'],
    // n = 0: the end of the day if it is a working day, else of the next one.
    ['2025-03-12 08:00', 0, '2025-03-12'],
    ['2025-03-15 08:00', 0, '2025-03-17'],
  ])('%s + %d working days -> end of %s', (start, n, date) => {
    const due = addWorkingDays(sh(start), n);
    expect(due).toBe(END(date));
    expect(formatShanghaiMinute(due)).toBe(`${date} 23:59`);
  });

  test('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(sh('2025-03-10 09:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(sh('2025-03-10 09:00'), 1.5)).toThrow(RangeError);
  });

  test('withinWorkingDays: up to and including the deadline', () => {
    const start = sh('2025-03-14 15:00');
    expect(withinWorkingDays(start, 5, END('2025-03-21'))).toBe(true);
    expect(withinWorkingDays(start, 5, END('2025-03-21') + 1)).toBe(false);
  });
});
