/**
 * match.request: for each ticked item, 3 to 5 providers that serve the resident's unit, active and neither
 * suspended nor blacklisted, in reputation order, each with its price, star level, distance in the org tree
 * and the parts of its score (DESIGN.md section 4). The selection rules are in match-selection.policy.ts.
 *
 * Reads per request, whatever the number of providers: one read of the ticked items; ONE query per item on
 * `offerings` (index `itemId_1_servedPaths_1_providerStatus_1_active_1_reputation_-1`: itemId equal,
 * servedPaths in the resident's unit and its ancestors, active, by the reputation copied onto the offering),
 * plus, only where more offerings cover the resident than the pool holds (`candidatePoolSize`), one per level
 * searched, nearest first (at most four more), so a nearby provider is never cut off by better-scored ones
 * further away, and one per level whose full query cut through a chosen score, so ties take their turn too;
 * one read of the chosen providers (contact phone and the aggregates behind the score parts; one more only
 * when a chosen provider's copy on its offering was stale and the next one is needed in its place). Writes,
 * in one transaction: the match (orders are made from it) and a gap record per item short of the minimum.
 */
import { authorize } from '../auth/authorize';

import type { Actor } from '../auth/roles';

import type { ServiceItem } from '../model/catalog.model';

import { COLLECTIONS } from '../model/collections.model';

import type { Offering } from '../model/offering.model';

import type { Match, MatchCandidate, MatchGap, MatchItemResult } from '../model/platform.model';

import type { Provider } from '../model/provider.model';

import { ancestorPaths, isOrgPath, isWithin, levelOfPath, pathDepth, unitIdOfPath } from '../org/org-path';

import { matchRequestSchema } from '../schemas/match.schema';

import { parseCommand } from '../schemas/command.parser';

import { ORG_LEVELS, type OrgLevel } from '../org/org-levels';

import { shanghaiDayNumber } from '../kernel/shanghai-time';

import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';

import { matchingError } from './matching.errors';

import type { UseCaseInput } from '../kernel/use-case';

import { requireIdentity } from '../kernel/identity';

import { PROVIDER_AGGREGATE_FIELDS, providerReputation } from '../reputation/provider-reputation';

import { priceView } from '../offerings/price.view';
import { MAX_QUERY_LIMIT } from '../kernel/database.port';

import { matchableOfferingsWhere } from '../offerings/matchable-offerings';

import { rotationSeed, selectOfferings, type Selection } from './match-selection.policy';

import type { MatchProvidersResult, MatchedItem, MatchedProvider } from './match.reply';

const HOUR_MS = 3_600_000;

type PoolRow = Pick<
  Offering,
  '_id' | 'providerId' | 'providerName' | 'itemId' | 'pricing' | 'servedPaths' | 'reputation' | 'starLevel'
>;

type ProviderRow = Pick<
  Provider,
  | '_id'
  | 'name'
  | 'contactPhone'
  | 'status'
  | 'blacklisted'
  | 'ratingCount'
  | 'ratingSum'
  | 'starCounts'
  | 'followUpsDue'
  | 'followUpsOnTime'
  | 'latestEvaluationGrade'
  | 'upheldComplaints'
>;

/**
 * The resident's coverage paths grouped as matching widens: the base level and below together (the grid and
 * its community), then one path per level above (street, county, city).
 */
export function coverageTiers(residentPath: string, baseLevel: OrgLevel): string[][] {
  const paths = ancestorPaths(residentPath, { includeSelf: true }); // city first
  const baseDepth = ORG_LEVELS.indexOf(baseLevel) + 1;
  const base = paths.filter((p) => pathDepth(p) >= baseDepth);
  const above = paths.filter((p) => pathDepth(p) < baseDepth).reverse();
  return [...(base.length > 0 ? [base] : []), ...above.map((p) => [p])];
}

/** Which of the tiers holds the resident's ancestor at `level` (0 when none does). */
function tierOfLevel(tiers: readonly (readonly string[])[], level: OrgLevel): number {
  return Math.max(
    0,
    tiers.findIndex((paths) => paths.some((p) => levelOfPath(p) === level)),
  );
}

function uniqueById<T extends { readonly _id: string }>(rows: readonly T[]): T[] {
  return [...new Map(rows.map((r) => [r._id, r])).values()];
}

/** The unit the resident bound (their resident grant), or PROFILE_UNIT_REQUIRED. */
export function residentUnitPath(actor: Actor): string {
  const path = actor.grants.find((g) => g.role === 'resident' && g.orgPath !== undefined)?.orgPath;
  if (!isOrgPath(path)) throw matchingError('PROFILE_UNIT_REQUIRED');
  return path;
}

export async function matchProviders(input: UseCaseInput): Promise<MatchProvidersResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const { db } = ports;
  const _ = db.command;
  requireIdentity(actor);
  const { itemIds } = parseCommand(matchRequestSchema, input.command);
  authorize(actor, 'match.request', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  const residentPath = residentUnitPath(actor);
  const now = ports.clock.now();

  const items = await db.find<ServiceItem>(
    COLLECTIONS.serviceItems,
    { _id: _.in(itemIds) },
    { limit: itemIds.length },
  );
  const itemsById = new Map(items.map((item) => [item._id, item]));
  for (const itemId of itemIds) {
    const item = itemsById.get(itemId);
    if (item === undefined || !item.active) throw matchingError('CATALOG_ITEM_NOT_FOUND', { itemId });
    if (!isWithin(residentPath, item.orgPath)) {
      throw matchingError('CATALOG_ITEM_NOT_OFFERED_HERE', { itemId });
    }
  }

  const { matching } = config;
  const coverage = ancestorPaths(residentPath, { includeSelf: true });
  const seed = rotationSeed(shanghaiDayNumber(now), actor.openid);
  const poolOf = (itemId: string, paths: readonly string[]): Promise<PoolRow[]> =>
    db.find<PoolRow>(COLLECTIONS.offerings, matchableOfferingsWhere(db, itemId, paths), {
      orderBy: [
        ['reputation', 'desc'],
        ['_id', 'asc'],
      ],
      limit: matching.candidatePoolSize,
      fields: ['providerId', 'providerName', 'itemId', 'pricing', 'servedPaths', 'reputation', 'starLevel'],
    });
  const selectionOptions = {
    residentPath,
    baseLevel: matching.baseLevel,
    minProviders: matching.minProviders,
    maxProviders: matching.maxProviders,
    rotationSeed: seed,
  };
  const tiers = coverageTiers(residentPath, matching.baseLevel);
  const lastTier = tiers.length - 1;
  // Per item: the pool, and up to which tier it holds every offering the selection could want. One query
  // covers all tiers unless it comes back full (a dense area: the pool keeps the best scores at any distance,
  // so nearer providers with lower scores may have been cut off); then the tiers are read on their own,
  // nearest first, as far as the selection searches.
  // A full level query also cuts through the scores equal to its last one, always at the same `_id`s; when
  // such a score is among the chosen, its ties on that level are read in full (once), so the day's rotation
  // runs over every tied provider, not the same few.
  const tiesOf = (itemId: string, paths: readonly string[], score: number): Promise<PoolRow[]> =>
    db.find<PoolRow>(
      COLLECTIONS.offerings,
      { ...matchableOfferingsWhere(db, itemId, paths), reputation: score },
      {
        orderBy: [['_id', 'asc']],
        limit: MAX_QUERY_LIMIT,
        fields: ['providerId', 'providerName', 'itemId', 'pricing', 'servedPaths', 'reputation', 'starLevel'],
      },
    );
  interface ItemPool {
    rows: PoolRow[];
    /** Up to which tier every offering the selection could want is in `rows`. */
    readTo: number;
    /** Per tier read on its own: the last score of its query when the query came back full, else null. */
    cutAt: Map<number, number | null>;
    /** Tiers whose cut-off ties have been read. */
    tiesRead: Set<number>;
  }
  const pools: ItemPool[] = [];
  for (const itemId of itemIds) {
    const rows = await poolOf(itemId, coverage);
    const dense = rows.length === matching.candidatePoolSize;
    pools.push({ rows, readTo: dense ? -1 : lastTier, cutAt: new Map(), tiesRead: new Set() });
  }

  // The provider record is the authority: a stale copy on an offering must not show a suspended provider,
  // nor take the place of one who may be shown. Select, read the chosen providers, and select again without
  // the ones that turned out unavailable (only when a copy was stale: normally one read).
  const known = new Map<string, ProviderRow | null>();
  const select = async (): Promise<Selection<PoolRow>[]> => {
    const out: Selection<PoolRow>[] = [];
    for (const [i, pool] of pools.entries()) {
      let selection: Selection<PoolRow>;
      for (;;) {
        const usable = pool.rows.filter((o) => known.get(o.providerId) !== null);
        selection = selectOfferings(usable, selectionOptions);
        if (pool.readTo < lastTier && tierOfLevel(tiers, selection.searchedLevel) > pool.readTo) {
          pool.readTo += 1;
          const level = await poolOf(itemIds[i]!, tiers[pool.readTo]!);
          const full = level.length === matching.candidatePoolSize;
          pool.cutAt.set(pool.readTo, full ? level[level.length - 1]!.reputation : null);
          pool.rows = uniqueById([...pool.rows, ...level]);
          continue;
        }
        const cut = selection.selected
          .map((s) => ({ tier: tierOfLevel(tiers, s.foundAt), score: s.offering.reputation }))
          .find(({ tier, score }) => pool.cutAt.get(tier) === score && !pool.tiesRead.has(tier));
        if (cut === undefined) break;
        pool.tiesRead.add(cut.tier);
        pool.rows = uniqueById([...pool.rows, ...(await tiesOf(itemIds[i]!, tiers[cut.tier]!, cut.score))]);
      }
      out.push(selection);
    }
    return out;
  };
  let selections = await select();
  for (;;) {
    const unread = [
      ...new Set(selections.flatMap((s) => s.selected.map((x) => x.offering.providerId))),
    ].filter((id) => !known.has(id));
    if (unread.length === 0) break;
    const rows = await db.find<ProviderRow>(
      COLLECTIONS.providers,
      { _id: _.in(unread) },
      {
        limit: unread.length,
        fields: ['name', 'contactPhone', 'status', 'blacklisted', ...PROVIDER_AGGREGATE_FIELDS],
      },
    );
    const byId = new Map(rows.map((p) => [p._id, p]));
    let excluded = false;
    for (const id of unread) {
      const p = byId.get(id);
      const matchable = p !== undefined && p.status === 'active' && p.blacklisted !== true;
      known.set(id, matchable ? p : null);
      if (!matchable) excluded = true;
    }
    if (!excluded) break;
    selections = await select();
  }

  const matchId = ports.ids.next();
  const redStarMinRatings = config.reputation.policy.redStarMinRatings;
  const shownByItem = selections.map((selection) => selection.selected);
  const resultItems: MatchedItem[] = itemIds.map((itemId, i) => {
    const providersOfItem = shownByItem[i]!.map((s, index): MatchedProvider => {
      const provider = known.get(s.offering.providerId)!;
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
        newcomer: reputation.ratingCount < redStarMinRatings,
        distance: s.distance,
        foundAt: s.foundAt,
        widened: s.widened,
        scoreParts: reputation.components,
      };
    });
    return {
      itemId,
      itemName: itemsById.get(itemId)!.name,
      searchedLevel: selections[i]!.searchedLevel,
      widened: selections[i]!.widened,
      gap: providersOfItem.length < matching.minProviders,
      providers: providersOfItem,
    };
  });

  const expiresAt = now + matching.matchValidHours * HOUR_MS;
  const match: Match = {
    _id: matchId,
    orgPath: residentPath,
    residentOpenid: actor.openid,
    itemIds,
    results: resultItems.map((item, i): MatchItemResult => ({
      itemId: item.itemId,
      itemName: item.itemName,
      searchedLevel: item.searchedLevel,
      candidates: item.providers.map((p, k): MatchCandidate => ({
        providerId: p.providerId,
        offeringId: p.offeringId,
        providerName: p.name,
        rank: p.rank,
        reputation: p.reputation,
        starLevel: p.starLevel,
        pricing: shownByItem[i]![k]!.offering.pricing,
        foundAt: p.foundAt,
      })),
    })),
    createdAt: now,
    expiresAt,
  };
  const gaps = resultItems
    .filter((item) => item.gap)
    .map((item): MatchGap => ({
      _id: ports.ids.next(),
      orgPath: residentPath,
      orgUnitId: unitIdOfPath(residentPath),
      itemId: item.itemId,
      wanted: matching.minProviders,
      found: item.providers.length,
      searchedLevel: item.searchedLevel,
      matchId,
      createdAt: now,
    }));
  // The match and its gaps are written together or not at all.
  await db.runTransaction(async (tx) => {
    await tx.insert(COLLECTIONS.matches, match);
    for (const gap of gaps) await tx.insert(COLLECTIONS.matchGaps, gap);
  });

  return { matchId, orgPath: residentPath, expiresAt, items: resultItems };
}
