/**
 * Times are stored as milliseconds since the epoch and shown in Asia/Shanghai (UTC+8 all year: China has
 * no daylight saving, so a fixed offset is exact).
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai: what subscribe messages (`time` keys) and lists show. */
export function formatShanghaiMinute(millis: number): string {
  const d = new Date(millis + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The Asia/Shanghai calendar day as a day number (days since 1970-01-01 there). */
export function shanghaiDayNumber(millis: number): number {
  return Math.floor((millis + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The first millisecond of an Asia/Shanghai calendar day 'YYYY-MM-DD' (a date range's start). */
export function shanghaiDayStart(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS;
}

/** The first millisecond after an Asia/Shanghai calendar day (a date range's end, exclusive). */
export function shanghaiDayEnd(date: string): number {
  return shanghaiDayStart(date) + DAY_MS;
}
