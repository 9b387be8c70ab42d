/**
 * The 15-working-day clock of privacy requests (core/privacy/working-days.ts): weekends skipped, the State
 * Council's public holidays skipped and its make-up working days counted, the day of the request not counted,
 * the deadline at the end of the last day in Asia/Shanghai.
 */
import { isWorkingDay, workingDaysLater } from '../../../core/privacy/working-days';

const DAY = 86_400_000;
/** Milliseconds of 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
const at = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+08:00`);
const dayOf = (date: string) => Math.floor((at(date) + 8 * 3_600_000) / DAY);
const endOf = (date: string) => at(date, '00:00') + DAY;

test.each([
  ['a Monday', '2025-03-10', true],
  ['a Saturday', '2025-03-15', false],
  ['a Sunday', '2025-03-16', false],
  ['National Day', '2025-10-01', false],
  ['the eighth day of the 2025 National Day break', '2025-10-08', false],
  ['a Saturday worked after it (调休上班)', '2025-10-11', true],
  ['a Sunday worked before the 2025 Spring Festival', '2025-01-26', true],
  ['Spring Festival eve 2026', '2026-02-16', false],
  ['a Saturday worked after the 2026 Spring Festival', '2026-02-28', true],
  ['a weekday of a year without a table', '2027-03-10', true],
])('%s (%s) is a working day: %s', (_label, date, working) => {
  expect(isWorkingDay(dayOf(date))).toBe(working);
});

test.each([
  ['three plain weeks: Monday 10 March 2025 + 15 → Monday 31 March', '2025-03-10', '2025-03-31'],
  ['a request on a Saturday counts from Monday, and skips Qingming', '2025-03-15', '2025-04-07'],
  ['Qingming and Labour Day 2025 (with the Sunday worked) in between', '2025-04-21', '2025-05-14'],
  ['across the eight days of National Day 2025 and both days worked around it', '2025-09-26', '2025-10-23'],
  ['across the 2026 Spring Festival and both Saturdays worked', '2026-02-10', '2026-03-09'],
])('%s', (_label, from, due) => {
  expect(workingDaysLater(at(from), 15)).toBe(endOf(due));
});
