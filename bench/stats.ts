/**
 * Latency samples and their summary (microseconds per operation), and the report table.
 */

export interface Summary {
  n: number;
  mean: number;
  median: number;
  p95: number;
}

export function summarize(samplesUs: readonly number[]): Summary {
  const sorted = [...samplesUs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, mean, median: at(0.5), p95: at(0.95) };
}

export interface Ratio {
  mean: number;
  median: number;
  p95: number;
}

export function ratio(a: Summary, b: Summary): Ratio {
  return { mean: a.mean / b.mean, median: a.median / b.median, p95: a.p95 / b.p95 };
}

/** Time one awaited call, in microseconds. */
export async function timeUs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1000;
}

export function fmtUs(us: number): string {
  return us >= 10_000 ? `${(us / 1000).toFixed(1)} ms` : `${us.toFixed(0)} µs`;
}

export function fmtX(x: number): string {
  return `${x.toFixed(2)}x`;
}

export function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

/** A plain-text table; the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - [...cell].length);
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('   ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('   '), ...rows.map(line)].join('\n');
}

export function summaryRow(label: string, s: Summary): string[] {
  return [label, String(s.n), fmtUs(s.mean), fmtUs(s.median), fmtUs(s.p95)];
}

export function ratioRow(label: string, r: Ratio): string[] {
  return [label, '', fmtX(r.mean), fmtX(r.median), fmtX(r.p95)];
}
