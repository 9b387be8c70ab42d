/**
 * The local cloud's notion of "now". Real time by default; tests and demos can set or advance it, and
 * everything time-based on the local cloud (serverDate, transaction expiry, timer triggers) follows it.
 */
export class ControllableClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  /** Jump to an absolute time; time keeps running from there unless frozen. */
  set(ms: number, opts: { freeze?: boolean } = {}): void {
    if (opts.freeze) {
      this.frozenAt = ms;
    } else {
      this.frozenAt = undefined;
      this.offsetMs = ms - Date.now();
    }
  }

  advance(ms: number): void {
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
