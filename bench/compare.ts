/**
 * How every benchmark compares two operations: warm both up, measure B then A sequentially, then in
 * alternating rounds (ABBA order, so drift within a pair of rounds cancels out); ratios are A / B. The verdicts
 * use the interleaved medians; the means and 95th percentiles are printed beside them.
 */
import { ratio, ratioRow, summarize, summaryRow, table, type Ratio, type Summary } from './stats';

export interface ComparePlan {
  readonly warmup: number;
  readonly sequential: number;
  readonly rounds: number;
  readonly roundOps: number;
}

export interface Comparison {
  sequential: [Summary, Summary];
  interleaved: [Summary, Summary];
  sequentialRatio: Ratio;
  interleavedRatio: Ratio;
}

/** Runs `n` operations of one side, pushing each one's microseconds into `samples` when given. */
export type RunOps = (n: number, samples?: number[]) => Promise<void>;

export async function compare(a: RunOps, b: RunOps, plan: ComparePlan): Promise<Comparison> {
  await a(plan.warmup);
  await b(plan.warmup);
  const seqA: number[] = [];
  const seqB: number[] = [];
  await b(plan.sequential, seqB);
  await a(plan.sequential, seqA);
  const intA: number[] = [];
  const intB: number[] = [];
  for (let r = 0; r < plan.rounds; r++) {
    if (r % 2 === 0) {
      await a(plan.roundOps, intA);
      await b(plan.roundOps, intB);
    } else {
      await b(plan.roundOps, intB);
      await a(plan.roundOps, intA);
    }
  }
  const sequential: [Summary, Summary] = [summarize(seqA), summarize(seqB)];
  const interleaved: [Summary, Summary] = [summarize(intA), summarize(intB)];
  return {
    sequential,
    interleaved,
    sequentialRatio: ratio(sequential[0], sequential[1]),
    interleavedRatio: ratio(interleaved[0], interleaved[1]),
  };
}

export function comparisonTable(
  c: Comparison,
  plan: ComparePlan,
  labelA: string,
  labelB: string,
  ratioLabel: string,
): string {
  return table(
    ['', 'ops', 'mean', 'median', 'p95'],
    [
      summaryRow(`${labelB}, sequential`, c.sequential[1]),
      summaryRow(`${labelA}, sequential`, c.sequential[0]),
      ratioRow(`  ${ratioLabel}, sequential`, c.sequentialRatio),
      summaryRow(`${labelB}, interleaved ${plan.rounds}x${plan.roundOps}`, c.interleaved[1]),
      summaryRow(`${labelA}, interleaved ${plan.rounds}x${plan.roundOps}`, c.interleaved[0]),
      ratioRow(`  ${ratioLabel}, interleaved`, c.interleavedRatio),
    ],
  );
}
