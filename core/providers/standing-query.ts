/**
 * provider.standing: where the caller's provider stands, for its staff (provider.standing.view): star level
 * and reputation with the formula's parts and their explanations (core/reputation/reputation.formula.ts),
 * its 差评率, its rank on each board row it has (per item and unit of its service area), the latest
 * published evaluation, and tips computed from the parts: which part to raise and how many points the
 * score would gain (more five-star ratings, on-time follow-ups, a better grade, 差评 turned round).
 */
import { authorize, can } from '../auth/authorize';
import { staffProviderIds } from '../auth/roles';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { PROVIDER_STATUS_LABELS } from '../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Evaluation, RedStarBoardEntry } from '../model/evaluation.model';
import type { Provider } from '../model/provider.model';
import {
  followUpAggregateOf,
  providerReputation,
  ratingAggregateOf,
} from '../reputation/provider-reputation';
import { lowRatingShare } from '../reputation/rating-levels';
import { EVALUATION_GRADE_LABELS, starLevel, type Reputation } from '../reputation/reputation.formula';
import { parseCommand } from '../schemas/command.parser';
import { providerStandingSchema } from '../schemas/evaluation.schema';
import { configOf, outcomeLabelOf, rateOf } from './evaluation-support';
import { evaluationError } from './evaluation.errors';
import type { ProviderStanding, StandingRank, StandingTip } from './evaluation.replies';

/** How many future ratings / follow-ups a tip speaks of. */
const TIP_STEP = 5;
/** Five-star ratings looked at for the next star level at most. */
const MAX_RATINGS_TO_NEXT_STAR = 500;

const tenth = (x: number): number => Math.round(x * 10) / 10;

function gain(after: Reputation, before: Reputation): number {
  return tenth(after.score - before.score);
}

/** The tips, best gain first (only those with something to gain). */
export function standingTips(provider: Provider, config: PlatformConfig): StandingTip[] {
  const now = providerReputation(provider, config);
  const ratings = ratingAggregateOf(provider);
  const tips: StandingTip[] = [];

  // Ratings: the next five-star ratings, and how many it takes to the next star level.
  const fiveMore = providerReputation(provider, config, {
    ratings: {
      ratingCount: ratings.ratingCount + TIP_STEP,
      ratingSum: ratings.ratingSum + 5 * TIP_STEP,
      starCounts: ratings.starCounts,
    },
  });
  if (gain(fiveMore, now) > 0) {
    let toNext: number | null = null;
    if (now.starLevel < 5) {
      for (let k = 1; k <= MAX_RATINGS_TO_NEXT_STAR; k += 1) {
        const next = starLevel(
          { ratingCount: ratings.ratingCount + k, ratingSum: ratings.ratingSum + 5 * k },
          config.reputation.prior,
          config.reputation.policy,
        );
        if (next > now.starLevel) {
          toNext = k;
          break;
        }
      }
    }
    const star = toNext === null ? '' : `；再获得 ${toNext} 条五星评价可升到 ${now.starLevel + 1} 星`;
    tips.push({
      key: 'rating',
      text: `再获得 ${TIP_STEP} 条五星（非常满意）评价，“居民评价”可提高 ${gain(fiveMore, now)} 分${star}`,
      gain: gain(fiveMore, now),
    });
  }

  // 差评 turned round: the low ratings, had they been four stars (a resolved ticket, a second rating).
  const low = lowRatingShare(ratings.starCounts, config.governance.lowRatingAtMost);
  if (low.low > 0) {
    const lowSum = ratings.starCounts
      .slice(0, config.governance.lowRatingAtMost)
      .reduce((sum, c, i) => sum + c * (i + 1), 0);
    const turned = providerReputation(provider, config, {
      ratings: {
        ratingCount: ratings.ratingCount,
        ratingSum: ratings.ratingSum - lowSum + 4 * low.low,
        starCounts: ratings.starCounts,
      },
    });
    if (gain(turned, now) > 0) {
      tips.push({
        key: 'rating',
        text: `差评率 ${low.text}（${low.low} 条差评）：按时回访、整改到位，居民再次评价为“满意”后可提高 ${gain(turned, now)} 分`,
        gain: gain(turned, now),
      });
    }
  }

  return [...tips, ...otherTips(provider, config, now)].sort((a, b) => b.gain - a.gain);
}

/** Tips on follow-ups, the grade and complaints. */
function otherTips(provider: Provider, config: PlatformConfig, now: Reputation): StandingTip[] {
  const followUps = followUpAggregateOf(provider);
  const tips: StandingTip[] = [];
  // Follow-ups on time.
  const onTime = providerReputation(provider, config, {
    followUps: { due: followUps.due + TIP_STEP, onTime: followUps.onTime + TIP_STEP },
  });
  if (gain(onTime, now) > 0) {
    tips.push({
      key: 'punctuality',
      text: `接下来 ${TIP_STEP} 次回访都按时完成，“回访及时”可提高 ${gain(onTime, now)} 分`,
      gain: gain(onTime, now),
    });
  }

  // The evaluation grade.
  if (provider.latestEvaluationGrade !== 'excellent') {
    const excellent = providerReputation({ ...provider, latestEvaluationGrade: 'excellent' }, config);
    if (gain(excellent, now) > 0) {
      tips.push({
        key: 'evaluation',
        text: `下次考核评价获评“优秀”，“考核评价”可提高 ${gain(excellent, now)} 分`,
        gain: gain(excellent, now),
      });
    }
  }

  // Upheld complaints.
  if ((provider.upheldComplaints ?? 0) > 0) {
    const none = providerReputation({ ...provider, upheldComplaints: 0 }, config);
    tips.push({
      key: 'complaints',
      text: `经核实属实的投诉 ${provider.upheldComplaints} 次，共扣 ${gain(none, now)} 分：投诉移出统计期后分数恢复，请避免新的属实投诉`,
      gain: gain(none, now),
    });
  }
  return tips;
}

async function ranksOf(db: DatabasePort, providerId: string): Promise<StandingRank[]> {
  const rows = await db.find<RedStarBoardEntry>(COLLECTIONS.redStarBoard, { providerId }, { limit: 200 });
  const ranks: StandingRank[] = [];
  for (const row of rows) {
    const same = { itemId: row.itemId, orgPath: row.orgPath };
    const [better, of] = await Promise.all([
      db.count(COLLECTIONS.redStarBoard, { ...same, reputation: db.command.gt(row.reputation) }),
      db.count(COLLECTIONS.redStarBoard, same),
    ]);
    ranks.push({
      itemId: row.itemId,
      itemName: row.itemName,
      orgUnitId: row.orgUnitId,
      orgUnitName: row.orgUnitName,
      rank: better + 1,
      of,
    });
  }
  return ranks.sort(
    (a, b) => a.itemName.localeCompare(b.itemName) || a.orgUnitName.localeCompare(b.orgUnitName),
  );
}

export async function providerStanding(input: UseCaseInput): Promise<ProviderStanding> {
  const { ports, actor } = input;
  const config = configOf(input);
  requireIdentity(actor);
  const query = parseCommand(providerStandingSchema, input.command);
  const own = [...staffProviderIds(actor)].sort();
  // No provider's staff: the matrix's refusal (PERMISSION_DENIED), as for any role it does not allow.
  if (own.length === 0) authorize(actor, 'provider.standing.view', {});
  const providerId = query.providerId ?? own[0]!;
  const provider = await ports.db.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null || !can(actor, 'provider.standing.view', { providerId })) {
    throw evaluationError('PROVIDER_NOT_FOUND', { providerId });
  }
  const reputation = providerReputation(provider, config);
  const low = lowRatingShare(provider.starCounts, config.governance.lowRatingAtMost);
  const latest = await ports.db.findOne<Evaluation>(
    COLLECTIONS.evaluations,
    { providerId, published: true },
    {
      orderBy: [
        ['year', 'desc'],
        ['createdAt', 'desc'],
      ],
    },
  );
  return {
    providerId,
    providerName: provider.name,
    status: provider.status,
    statusLabel: PROVIDER_STATUS_LABELS[provider.status],
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    redStar: reputation.redStar,
    ratingCount: reputation.ratingCount,
    lowRatingRate: rateOf(low.low, low.counted),
    parts: reputation.components.map((c) => ({
      key: c.key,
      label: c.label,
      points: c.points,
      weight: c.weight,
      explanation: c.explanation,
    })),
    ranks: await ranksOf(ports.db, providerId),
    boardMinStars: config.governance.boardMinStars,
    tips: standingTips(provider, config),
    latestEvaluation:
      latest === null || latest.grade === null
        ? null
        : {
            evaluationId: latest._id,
            year: latest.year,
            gradeLabel: EVALUATION_GRADE_LABELS[latest.grade],
            outcomeLabel: outcomeLabelOf(latest.outcome),
            problems: latest.problems,
            rectifyDeadline: latest.rectifyDeadline,
          },
  };
}
