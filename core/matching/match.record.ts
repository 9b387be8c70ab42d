/**
 * What a match request produces from its selections: per item the reply the resident sees (price, stars,
 * distance in the org tree, score parts) with the stored copy orders are made from, then the match itself
 * and a gap record per item short of the minimum, for the workers' dashboard.
 */
import type { ServiceItem } from '../model/catalog.model';
import type { Match, MatchCandidate, MatchGap, MatchItemResult } from '../model/platform.model';
import { unitIdOfPath } from '../org/org-path';
import type { PlatformConfig } from '../kernel/platform.config';
import { priceView } from '../offerings/price.view';
import { providerReputation } from '../reputation/provider-reputation';
import type { ChosenProviders } from './chosen-providers.reader';
import type { PoolRow } from './candidate-pool.reader';
import type { Selection } from './match-selection.policy';
import type { MatchedItem, MatchedProvider } from './match.reply';

const HOUR_MS = 3_600_000;

/** One ticked item's outcome: what the reply shows and what the match stores. */
export interface ItemOutcome {
  readonly reply: MatchedItem;
  readonly result: MatchItemResult;
}

/** Who asked, where, and when: what the match and its gaps are stamped with. */
export interface MatchStamp {
  readonly matchId: string;
  readonly residentOpenid: string;
  readonly residentPath: string;
  readonly now: number;
}

export function itemOutcome(
  item: Pick<ServiceItem, '_id' | 'name'>,
  selection: Selection<PoolRow>,
  providers: ChosenProviders,
  config: PlatformConfig,
): ItemOutcome {
  const shown = selection.selected.map((s, index): MatchedProvider => {
    const provider = providers.record(s.offering.providerId);
    const reputation = providerReputation(provider, config);
    return {
      rank: index + 1,
      providerId: provider._id,
      offeringId: s.offering._id,
      name: provider.name,
      contactPhone: provider.contactPhone,
      price: priceView(s.offering.pricing),
      reputation: reputation.score,
      starLevel: reputation.starLevel,
      ratingCount: reputation.ratingCount,
      newcomer: reputation.ratingCount < config.reputation.policy.redStarMinRatings,
      distance: s.distance,
      foundAt: s.foundAt,
      widened: s.widened,
      scoreParts: reputation.components,
    };
  });
  const reply: MatchedItem = {
    itemId: item._id,
    itemName: item.name,
    searchedLevel: selection.searchedLevel,
    widened: selection.widened,
    gap: shown.length < config.matching.minProviders,
    providers: shown,
  };
  const candidates = shown.map((p, k): MatchCandidate => ({
    providerId: p.providerId,
    offeringId: p.offeringId,
    providerName: p.name,
    rank: p.rank,
    reputation: p.reputation,
    starLevel: p.starLevel,
    pricing: selection.selected[k]!.offering.pricing,
    foundAt: p.foundAt,
  }));
  return {
    reply,
    result: { itemId: item._id, itemName: item.name, searchedLevel: selection.searchedLevel, candidates },
  };
}

/**
 * The match: what the resident was shown (kept whole, so an identical request soon after is answered from
 * it), orderable for `matchValidHours`.
 */
export function matchRecord(
  stamp: MatchStamp,
  outcomes: readonly ItemOutcome[],
  config: PlatformConfig,
): Match<MatchedItem> {
  return {
    _id: stamp.matchId,
    orgPath: stamp.residentPath,
    residentOpenid: stamp.residentOpenid,
    itemIds: outcomes.map((o) => o.reply.itemId),
    results: outcomes.map((o) => o.result),
    createdAt: stamp.now,
    expiresAt: stamp.now + config.matching.matchValidHours * HOUR_MS,
    shown: outcomes.map((o) => o.reply),
  };
}

/** The gap's `_id`: one per resident, item and Asia/Shanghai day (`day`: shanghaiDayNumber). */
export function gapId(day: number, itemId: string, residentOpenid: string): string {
  return `gap:${day}:${itemId}:${residentOpenid}`;
}

/** A gap per item with fewer than `minProviders` even city-wide, in item order, for the resident's `day`. */
export function gapRecords(
  stamp: MatchStamp,
  outcomes: readonly ItemOutcome[],
  config: PlatformConfig,
  day: number,
): MatchGap[] {
  return outcomes
    .filter((o) => o.reply.gap)
    .map(({ reply }): MatchGap => ({
      _id: gapId(day, reply.itemId, stamp.residentOpenid),
      orgPath: stamp.residentPath,
      orgUnitId: unitIdOfPath(stamp.residentPath),
      itemId: reply.itemId,
      wanted: config.matching.minProviders,
      found: reply.providers.length,
      searchedLevel: reply.searchedLevel,
      matchId: stamp.matchId,
      createdAt: stamp.now,
    }));
}
