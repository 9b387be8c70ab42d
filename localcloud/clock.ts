/**
 * The local cloud's notion of "now". Real time by default; tests and demos can set or advance it, and
 * everything time-based on the local cloud (serverDate, transaction expiry, timer triggers) follows it.
 *
 * The clock stays within 1970-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z: four-digit years, which is
 * what ISO 8601 dates, CloudBase's cron year field and the timer scheduler can represent. Far outside it,
 * JavaScript dates stop existing (±8.64e15 ms) and cron evaluation throws.
 */
export const MIN_CLOCK_MS = Date.UTC(1970, 0, 1);
export const MAX_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether `ms` is a time the clock may show. */
export function isClockTime(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_CLOCK_MS && ms <= MAX_CLOCK_MS;
}

function checkClockTime(ms: number): void {
  if (!isClockTime(ms)) {
    throw new RangeError(`clock time out of range (1970-01-01 .. 9999-12-31 UTC): ${ms}`);
  }
}

export class ControllableClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  /** Jump to an absolute time; time keeps running from there unless frozen. RangeError outside the range. */
  set(ms: number, opts: { freeze?: boolean } = {}): void {
    checkClockTime(ms);
    if (opts.freeze) {
      this.frozenAt = ms;
    } else {
      this.frozenAt = undefined;
      this.offsetMs = ms - Date.now();
    }
  }

  /** Move forward (or back, for a negative ms); RangeError if that leaves the range. */
  advance(ms: number): void {
    checkClockTime(this.now() + ms);
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Back to the real wall clock. */
  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }

  get isReal(): boolean {
    return this.frozenAt === undefined && this.offsetMs === 0;
  }
}
