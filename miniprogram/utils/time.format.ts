/**
 * Times arrive as milliseconds since the epoch and are shown in Asia/Shanghai whatever the phone's time
 * zone (UTC+8 all year: China has no daylight saving, so a fixed offset is exact).
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number): string => String(n).padStart(2, '0');

function shanghai(millis: number): Date {
  return new Date(millis + SHANGHAI_OFFSET_MS);
}

/** 'YYYY-MM-DD HH:mm'; '' for a missing time. */
export function formatShanghaiMinute(millis: number | null | undefined): string {
  if (typeof millis !== 'number' || !Number.isFinite(millis)) return '';
  const d = shanghai(millis);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 'MM-DD HH:mm' for the same year as `now`, else the full minute: what lists show. */
export function formatShanghaiShort(millis: number | null | undefined, now: number): string {
  const full = formatShanghaiMinute(millis);
  if (full === '') return '';
  return full.slice(0, 4) === formatShanghaiMinute(now).slice(0, 4) ? full.slice(5) : full;
}
