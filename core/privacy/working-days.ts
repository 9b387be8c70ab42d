/**
 * Working days in mainland China, for the 15-working-day answer to a resident's privacy request: Monday to
 * Friday, minus the public holidays the State Council's General Office announces each year (国务院办公厅关于
 * 部分节假日安排的通知), plus the weekend days it makes working days (调休上班). Years without a table
 * count weekends only: add each year's notice here when it is published (usually in November).
 */
import { shanghaiDayNumber } from '../kernel/shanghai-time';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** One year's notice: the days off and the weekend days worked, as 'MM-DD'. */
export interface HolidayNotice {
  readonly off: readonly string[];
  readonly worked: readonly string[];
}

const range = (month: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, '0')}`);

export const CHINA_HOLIDAYS: Readonly<Record<number, HolidayNotice>> = {
  // 国务院办公厅关于2025年部分节假日安排的通知
  2025: {
    off: [
      '01-01',
      ...range('01', 28, 31),
      ...range('02', 1, 4),
      ...range('04', 4, 6),
      ...range('05', 1, 5),
      '05-31',
      ...range('06', 1, 2),
      ...range('10', 1, 8),
    ],
    worked: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
  2026: {
    off: [
      ...range('01', 1, 3),
      ...range('02', 15, 23),
      ...range('04', 4, 6),
      ...range('05', 1, 5),
      ...range('06', 19, 21),
      ...range('09', 25, 27),
      ...range('10', 1, 7),
    ],
    worked: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

/** The Shanghai calendar date of a day number: year and 'MM-DD', and the weekday (0 Sunday). */
function calendarOf(day: number): { year: number; monthDay: string; weekday: number } {
  const d = new Date(day * DAY_MS);
  const monthDay = `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return { year: d.getUTCFullYear(), monthDay, weekday: d.getUTCDay() };
}

/** Whether a Shanghai day (day number) is a working day. */
export function isWorkingDay(
  day: number,
  holidays: Readonly<Record<number, HolidayNotice>> = CHINA_HOLIDAYS,
): boolean {
  const { year, monthDay, weekday } = calendarOf(day);
  const notice = holidays[year];
  if (notice?.worked.includes(monthDay)) return true;
  if (notice?.off.includes(monthDay)) return false;
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline `workingDays` working days after `from`: the end (24:00 Asia/Shanghai) of the n-th working
 * day after the day of `from` (the day of the request does not count).
 */
export function workingDaysLater(
  from: number,
  workingDays: number,
  holidays: Readonly<Record<number, HolidayNotice>> = CHINA_HOLIDAYS,
): number {
  let day = shanghaiDayNumber(from);
  for (let counted = 0; counted < workingDays;) {
    day += 1;
    if (isWorkingDay(day, holidays)) counted += 1;
  }
  return (day + 1) * DAY_MS - SHANGHAI_OFFSET_MS;
}
