/**
 * The indicators of an evaluation (考核指标), computed from the data of the period when a campaign starts
 * (docs/governance.md "Evaluation, rectification and removal"):
 * - ratings given in the period that count (not held, not taken out by an upheld appeal): how many, their
 *   average stars, and the 差评率 (ratings of at most `governance.lowRatingAtMost` stars over all of them,
 *   the rule of core/reputation/rating-levels.ts applied to the period's star counts);
 * - follow-up punctuality: follow-ups that fell due in the period (and before now), and how many of them were
 *   recorded by their due time;
 * - complaints upheld in the period;
 * - orders offered to the provider in the period, and the shares that expired unanswered or that it declined.
 * Each figure is a count query served by an index on `providerId` (no document is read in bulk), so the
 * cost per provider is constant whatever its history.
 */
import type { DatabasePort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { COLLECTIONS } from '../model/collections.model';
import type { StoredEvaluationIndicators } from '../model/evaluation.model';
import { lowRatingShare } from '../reputation/rating-levels';
import type { StarCounts } from '../reputation/ratings.aggregate';
import { rateOf } from './evaluation-support';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The evaluated period: a yearly campaign covers its calendar year (Asia/Shanghai) up to now; an ad hoc
 * one the twelve months before now.
 */
export function evaluationPeriod(
  kind: 'yearly' | 'ad_hoc',
  year: number,
  now: number,
): { readonly from: number; readonly to: number } {
  if (kind === 'ad_hoc') return { from: now - 365 * DAY_MS, to: now };
  const from = Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS;
  const end = Date.UTC(year + 1, 0, 1) - SHANGHAI_OFFSET_MS;
  return { from, to: Math.max(from, Math.min(end, now)) };
}

/** The counts the indicators are made of (each a count query in computeIndicators). */
export interface IndicatorCounts {
  /** Counted ratings of the period per star, 1 to 5. */
  readonly starCounts: StarCounts;
  readonly followUpsDue: number;
  readonly followUpsOnTime: number;
  readonly upheldComplaints: number;
  readonly ordersOffered: number;
  readonly ordersExpired: number;
  readonly ordersDeclined: number;
}

/** The indicators from their counts (pure: the demo data builds its evaluations' indicators with it too). */
export function indicatorsOf(
  counts: IndicatorCounts,
  config: PlatformConfig,
  period: { readonly from: number; readonly to: number },
): StoredEvaluationIndicators {
  const { starCounts, followUpsDue, followUpsOnTime, upheldComplaints } = counts;
  const { ordersOffered, ordersExpired, ordersDeclined } = counts;
  const ratingCount = starCounts.reduce((sum, c) => sum + c, 0);
  const starSum = starCounts.reduce((sum, c, i) => sum + c * (i + 1), 0);
  const low = lowRatingShare(starCounts, config.governance.lowRatingAtMost);
  return {
    periodFrom: period.from,
    periodTo: period.to,
    ratingCount,
    averageStars: ratingCount === 0 ? null : Math.round((starSum / ratingCount) * 100) / 100,
    lowRatingCount: low.low,
    lowRatingRate: rateOf(low.low, low.counted),
    followUpsDue,
    followUpsOnTime,
    followUpPunctuality: rateOf(followUpsOnTime, followUpsDue),
    upheldComplaints,
    ordersOffered,
    ordersExpired,
    ordersDeclined,
    expiryRate: rateOf(ordersExpired, ordersOffered),
    declineRate: rateOf(ordersDeclined, ordersOffered),
  };
}

export async function computeIndicators(
  db: DatabasePort,
  config: PlatformConfig,
  providerId: string,
  period: { readonly from: number; readonly to: number },
): Promise<StoredEvaluationIndicators> {
  const _ = db.command;
  const within = (from: number, to: number) => _.and([_.gte(from), _.lt(to)]);
  const inPeriod = within(period.from, period.to);

  // Ratings per star (held or appealed ones do not count).
  const starCounts: number[] = [];
  for (let stars = 1; stars <= 5; stars += 1) {
    const all = await db.count(COLLECTIONS.ratings, { providerId, stars, createdAt: inPeriod });
    const notCounted = await db.count(COLLECTIONS.ratings, {
      providerId,
      stars,
      createdAt: inPeriod,
      counted: false,
    });
    starCounts.push(all - notCounted);
  }

  const followUpsDue = await db.count(COLLECTIONS.followUps, {
    providerId,
    dueAt: inPeriod,
    status: _.in(['recorded', 'overdue']),
  });
  const followUpsOnTime = await db.count(COLLECTIONS.followUps, {
    providerId,
    dueAt: inPeriod,
    onTime: true,
  });

  const upheldComplaints = await db.count(COLLECTIONS.complaints, {
    providerId,
    status: 'upheld',
    handledAt: inPeriod,
  });

  const ordersOffered = await db.count(COLLECTIONS.orders, { providerId, createdAt: inPeriod });
  const ordersExpired = await db.count(COLLECTIONS.orders, {
    providerId,
    status: 'expired',
    createdAt: inPeriod,
  });
  const ordersDeclined = await db.count(COLLECTIONS.orders, {
    providerId,
    status: 'declined',
    createdAt: inPeriod,
  });

  const counts: IndicatorCounts = {
    starCounts: starCounts as unknown as StarCounts,
    followUpsDue,
    followUpsOnTime,
    upheldComplaints,
    ordersOffered,
    ordersExpired,
    ordersDeclined,
  };
  return indicatorsOf(counts, config, period);
}
