/**
 * Working days (工作日) in Asia/Shanghai: Monday to Friday. The 差评 follow-up clocks (contact within 1 working
 * day, fix or explain within 5) and the appeal window count them.
 *
 * Public holidays (法定节假日) and the weekend days worked in their place (调休) are NOT known to this module
 * yet: the State Council publishes them each winter for the next year, and until a calendar of them is kept
 * (configuration or a collection), a holiday on a weekday counts as a working day. The deadlines are then
 * earlier than the official ones, never later.
 */
import { shanghaiDayNumber } from './shanghai-time';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Day of the week of an Asia/Shanghai day number: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day of the week in Asia/Shanghai: 0 = Sunday ... 6 = Saturday. */
export function shanghaiWeekday(millis: number): number {
  return weekdayOfDayNumber(shanghaiDayNumber(millis));
}

export function isWorkingDay(millis: number): boolean {
  const weekday = shanghaiWeekday(millis);
  return weekday !== 0 && weekday !== 6;
}

/** The last millisecond of an Asia/Shanghai day number. */
function endOfDay(day: number): number {
  return (day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1;
}

/**
 * The deadline `n` working days after `start`: the last millisecond (23:59:59.999, Asia/Shanghai) of the n-th
 * working day after the day of `start`. The day of `start` itself does not count, whatever the hour: a rating
 * on Friday afternoon with one working day to answer is due by the end of Monday; one on Saturday too.
 * `n` = 0: the end of `start`'s own day if it is a working day, else of the next working day.
 */
export function addWorkingDays(start: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0: ${n}`);
  let day = shanghaiDayNumber(start);
  if (n === 0) {
    while (!isWorkingDayNumber(day)) day += 1;
    return endOfDay(day);
  }
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  return endOfDay(day);
}

function isWorkingDayNumber(day: number): boolean {
  const weekday = weekdayOfDayNumber(day);
  return weekday !== 0 && weekday !== 6;
}

/** Whether `at` is within `n` working days of `start` (by the deadline `addWorkingDays(start, n)`). */
export function withinWorkingDays(start: number, n: number, at: number): boolean {
  return at <= addWorkingDays(start, n);
}
