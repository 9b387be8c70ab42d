/**
 * The dashboard's figures counted directly (docs/dashboard.md): every document of the unit and month read
 * through the SDK and counted in this file by the written definitions, never by the dashboard's code. The
 * API test and the browser test compare the dashboard with it.
 */
import type { KpiFigures, KpiKey } from '../../../core/console/dashboard.replies';
import { HOUR_MS, type FunctionCloud } from '../../functions/support/function-cloud';

export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** The platform's default accept limit (deadlines.acceptWithinHours). */
export const ACCEPT_MS = 24 * HOUR_MS;
export const KPI_KEYS: readonly KpiKey[] = [
  'services',
  'response',
  'completion',
  'satisfaction',
  'followUp',
  'matchGaps',
];

export type Doc = Record<string, unknown> & { _id: string };
export type Pairs = Record<KpiKey, number[]>;

/** The first millisecond of a month in Asia/Shanghai (month 13 is next January). */
export const monthStart = (y: number, m: number): number => Date.UTC(y, m - 1, 1) - SHANGHAI_OFFSET_MS;

/** The bounds of a 'YYYY-MM' month. */
export function monthBounds(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [monthStart(y, m), monthStart(y, m + 1)];
}

export function prefixOf(cloud: FunctionCloud, prefix: string) {
  return cloud.db.RegExp({ regexp: `^${prefix}`, options: '' });
}

/** Every document matching, a page of 1000 at a time. */
export async function allDocs(
  cloud: FunctionCloud,
  collection: string,
  where: Record<string, unknown>,
): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await cloud.db
      .collection(collection)
      .where(where)
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get();
    const page = res.data as unknown as Doc[];
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The [numerator, denominator] of each figure of the unit at `prefix` over [from, to), as of `now`. */
export async function directCount(
  cloud: FunctionCloud,
  prefix: string,
  from: number,
  to: number,
  now: number,
): Promise<Pairs> {
  const _ = cloud.db.command;
  const range = _.and([_.gte(from), _.lt(to)]);
  const orgPath = prefixOf(cloud, prefix);
  const [orders, ratings, followUps, gaps] = await Promise.all([
    allDocs(cloud, 'orders', { orgPath, createdAt: range }),
    allDocs(cloud, 'ratings', { orgPath, createdAt: range }),
    allDocs(cloud, 'follow_ups', { orgPath, dueAt: range }),
    allDocs(cloud, 'match_gaps', { orgPath, createdAt: range }),
  ]);
  const accepted = orders.filter((o) => n(o['acceptedAt']) > 0);
  const due = orders.filter(
    (o) =>
      !(o['status'] === 'cancelled' && n(o['acceptedAt']) === 0) &&
      !(o['status'] === 'created' && n(o['createdAt']) > now - ACCEPT_MS),
  );
  const counted = ratings.filter((r) => r['counted'] !== false);
  const fell = followUps.filter((f) => n(f['dueAt']) <= now);
  return {
    services: [orders.filter((o) => n(o['doneAt']) > 0).length, orders.length],
    response: [
      accepted.filter((o) => n(o['acceptedAt']) - n(o['createdAt']) <= ACCEPT_MS).length,
      due.length,
    ],
    completion: [orders.filter((o) => n(o['doneAt']) > 0).length, accepted.length],
    satisfaction: [counted.filter((r) => n(r['stars']) >= 4).length, counted.length],
    followUp: [
      fell.filter((f) => n(f['recordedAt']) > 0 && n(f['recordedAt']) <= n(f['dueAt'])).length,
      fell.length,
    ],
    matchGaps: [gaps.length, 0],
  };
}

/** The dashboard's figures as [numerator, denominator] pairs. */
export const pairsOf = (f: KpiFigures): Pairs =>
  Object.fromEntries(KPI_KEYS.map((k) => [k, [f[k].numerator, f[k].denominator]])) as Pairs;

/** The pairs of several figures added up. */
export function sumOf(figures: readonly KpiFigures[]): Pairs {
  const out = Object.fromEntries(KPI_KEYS.map((k) => [k, [0, 0]])) as Pairs;
  for (const f of figures)
    for (const k of KPI_KEYS) {
      out[k]![0]! += f[k].numerator;
      out[k]![1]! += f[k].denominator;
    }
  return out;
}
