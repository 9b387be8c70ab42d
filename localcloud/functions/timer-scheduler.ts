/**
 * Timer triggers from each function's config.json, run on the local cloud's clock (UTC+8), as CloudBase does:
 * CloudBase's 7-field cron (second minute hour day month weekday year), SOURCE `wx_trigger`, a failed run
 * retried twice a minute apart. Triggers are at-least-once (a retry after a run that did its work, or two
 * overlapping runs), so every timer job must be idempotent: docs/decisions/0003-timers-at-least-once.md.
 *
 * Missed fire times are not replayed one by one: when the clock jumps, each trigger that is due runs once.
 */
import { CronExpressionParser } from 'cron-parser';
import { isClockTime, type ControllableClock } from '../clock';
import type { DeployedFunction, TimerTrigger } from './function-config';
import type { FunctionRunner } from './function-runner';

export const RETRY_DELAY_MS = 60_000;
export const MAX_RETRIES = 2;
const TZ = 'Asia/Shanghai';

export interface TimerRun {
  functionName: string;
  trigger: string;
  /** The scheduled fire time (ms). */
  scheduledAt: number;
  attempt: number;
  ok: boolean;
  error?: string;
  startedAt: number;
}

interface ScheduledTrigger {
  fn: DeployedFunction;
  trigger: TimerTrigger;
  years: Set<number> | undefined;
  cron: string;
  nextAt: number;
}

interface PendingRetry {
  st: ScheduledTrigger;
  scheduledAt: number;
  attempt: number;
  at: number;
}

/** Split CloudBase's 7-field cron into a 6-field expression and an optional year filter. */
export function parseCloudbaseCron(expr: string): { cron: string; years: Set<number> | undefined } {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 7)
    throw new Error(`定时触发器的 cron 表达式必须是 7 段(秒 分 时 日 月 星期 年):${expr}`);
  const year = fields[6]!;
  let years: Set<number> | undefined;
  if (year !== '*') {
    years = new Set<number>();
    for (const part of year.split(',')) {
      const m = /^(\d{4})(?:-(\d{4}))?$/.exec(part);
      if (!m) throw new Error(`不支持的年份字段:${year}`);
      const from = Number(m[1]);
      const to = Number(m[2] ?? m[1]);
      for (let y = from; y <= to; y++) years.add(y);
    }
  }
  const cron = fields.slice(0, 6).join(' ');
  CronExpressionParser.parse(cron, { tz: TZ }); // validate now, fail at start rather than at fire time
  return { cron, years };
}

export class TimerScheduler {
  private triggers: ScheduledTrigger[] = [];
  private retries: PendingRetry[] = [];
  private readonly history: TimerRun[] = [];
  private interval: NodeJS.Timeout | undefined;
  private ticking: Promise<TimerRun[]> | undefined;
  /** The clock's time at the last load or tick: a later tick that sees an earlier time reschedules. */
  private lastSeenAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly runner: FunctionRunner,
    private readonly clock: ControllableClock,
    private readonly log: (line: string) => void = () => {},
  ) {}

  load(fns: DeployedFunction[]): void {
    const now = this.clock.now();
    this.lastSeenAt = now;
    this.triggers = [];
    for (const fn of fns) {
      for (const trigger of fn.config.triggers) {
        const { cron, years } = parseCloudbaseCron(trigger.config);
        const st: ScheduledTrigger = { fn, trigger, years, cron, nextAt: 0 };
        st.nextAt = this.nextFireAfter(st, now);
        this.triggers.push(st);
      }
    }
  }

  list(): Array<{ functionName: string; trigger: string; cron: string; nextAt: number }> {
    return this.triggers.map((t) => ({
      functionName: t.fn.name,
      trigger: t.trigger.name,
      cron: t.trigger.config,
      nextAt: t.nextAt,
    }));
  }

  runs(): readonly TimerRun[] {
    return this.history;
  }

  /** Poll the clock every second (what `npm start` does); tests drive `runDue()` themselves. */
  startPolling(periodMs = 1000): void {
    this.stopPolling();
    // A failed tick is logged, never left unhandled: an unhandled rejection would end the whole process.
    this.interval = setInterval(() => {
      this.runDue().catch((e: unknown) => this.log(`定时触发器轮询失败:${errorText(e)}`));
    }, periodMs);
    this.interval.unref();
  }

  stopPolling(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
  }

  /** Run every trigger and retry that is due at the clock's now; resolves with the runs it made. */
  runDue(): Promise<TimerRun[]> {
    // One tick at a time; a tick asked for while one runs waits for it and then runs.
    // `ticking` only orders the ticks and never rejects (the caller of runDue gets the failure).
    const previous = this.ticking ?? Promise.resolve([]);
    const next = previous.then(() => this.tick());
    const settled: Promise<TimerRun[]> = next
      .catch((): TimerRun[] => [])
      .finally(() => {
        if (this.ticking === settled) this.ticking = undefined;
      });
    this.ticking = settled;
    return next;
  }

  private async tick(): Promise<TimerRun[]> {
    const now = this.clock.now();
    if (now < this.lastSeenAt) {
      // The clock was set back (a test or a demo replaying a day): each trigger's next time is computed
      // again from the new now, as if the local cloud had just started then. Pending retries keep their times.
      for (const st of this.triggers) st.nextAt = this.nextFireAfter(st, now);
    }
    this.lastSeenAt = now;
    const jobs: Array<Promise<TimerRun>> = [];
    for (const st of this.triggers) {
      if (st.nextAt <= now) {
        const scheduledAt = this.lastFireAtOrBefore(st, now);
        st.nextAt = this.nextFireAfter(st, now);
        jobs.push(this.fire(st, scheduledAt, 0));
      }
    }
    const dueRetries = this.retries.filter((r) => r.at <= now);
    this.retries = this.retries.filter((r) => r.at > now);
    for (const r of dueRetries) jobs.push(this.fire(r.st, r.scheduledAt, r.attempt));
    return Promise.all(jobs);
  }

  private async fire(st: ScheduledTrigger, scheduledAt: number, attempt: number): Promise<TimerRun> {
    const startedAt = this.clock.now();
    let run: TimerRun;
    try {
      const event = {
        Type: 'Timer',
        TriggerName: st.trigger.name,
        Time: new Date(scheduledAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Message: '',
      };
      await this.runner.invoke(st.fn.name, event, { SOURCE: 'wx_trigger' });
      run = { functionName: st.fn.name, trigger: st.trigger.name, scheduledAt, attempt, ok: true, startedAt };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      run = {
        functionName: st.fn.name,
        trigger: st.trigger.name,
        scheduledAt,
        attempt,
        ok: false,
        error,
        startedAt,
      };
      if (attempt < MAX_RETRIES) {
        this.retries.push({ st, scheduledAt, attempt: attempt + 1, at: this.clock.now() + RETRY_DELAY_MS });
      }
      this.log(`定时触发器 ${st.fn.name}/${st.trigger.name} 第 ${attempt + 1} 次执行失败:${error}`);
    }
    this.history.push(run);
    if (this.history.length > 1000) this.history.splice(0, this.history.length - 1000);
    return run;
  }

  /** The next fire time after `after`; never, when there is none the clock can reach (or cron fails). */
  private nextFireAfter(st: ScheduledTrigger, after: number): number {
    try {
      const it = CronExpressionParser.parse(st.cron, { currentDate: new Date(after), tz: TZ });
      for (let i = 0; i < 10_000; i++) {
        const t = it.next().getTime();
        if (!isClockTime(t)) break;
        if (!st.years || st.years.has(yearInShanghai(t))) return t;
      }
    } catch (e) {
      this.log(`定时触发器 ${st.fn.name}/${st.trigger.name} 无法计算下次执行时间:${errorText(e)}`);
    }
    return Number.POSITIVE_INFINITY;
  }

  private lastFireAtOrBefore(st: ScheduledTrigger, at: number): number {
    try {
      const it = CronExpressionParser.parse(st.cron, { currentDate: new Date(at + 1), tz: TZ });
      return it.prev().getTime();
    } catch {
      return at;
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function yearInShanghai(ms: number): number {
  return new Date(ms + 8 * 3600_000).getUTCFullYear();
}
