/**
 * The offerings one ticked item is chosen from, read nearest level first and no further than the selection
 * needs: the base level (grid and community) first, the levels above together only when too few are near,
 * then at most one query to complete what the selection still depends on. Each query is one sorted,
 * limited page of an index range, so the cost does not grow with the number of providers.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { Offering } from '../model/offering.model';
import { ancestorPaths, levelOfPath, pathDepth } from '../org/org-path';
import { ORG_LEVELS, type OrgLevel } from '../org/org-levels';
import { MAX_QUERY_LIMIT, type DatabasePort, type FindOptions, type Where } from '../kernel/database.port';
import type { MatchingConfig } from '../kernel/platform.config';
import { matchableOfferingsWhere } from '../offerings/matchable-offerings';
import { selectOfferings, type Selection, type SelectionOptions } from './match-selection.policy';

export type PoolRow = Pick<Offering, '_id' | 'providerId' | 'pricing' | 'servedPaths' | 'reputation'>;

const POOL_FIELDS = ['providerId', 'pricing', 'servedPaths', 'reputation'] as const;

/** Offerings queries per ticked item, at most (docs/orders.md, "Matching"). */
export const MAX_POOL_QUERIES_PER_ITEM = 3;

/** What has been read of one tier's matchable offerings. */
interface TierKnowledge {
  /**
   * Every offering of the tier scoring above this is in the pool; -Infinity: every offering of the tier;
   * null: nothing read yet.
   */
  above: number | null;
  /** The offerings scoring exactly `above` are all in the pool too. */
  tiesRead: boolean;
}

/** One item's offerings read so far, and how far each tier is known. */
export interface CandidatePool {
  readonly itemId: string;
  rows: PoolRow[];
  readonly known: TierKnowledge[];
  queries: number;
}

/** The next read a selection needs: a page of some tiers below a score, or the ties of one tier at a score. */
type PoolRead =
  | {
      readonly kind: 'page';
      readonly tiers: readonly number[];
      readonly atMost: number | null;
      readonly limit: number;
    }
  | { readonly kind: 'ties'; readonly tier: number; readonly score: number };

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

export class CandidatePoolReader {
  private readonly tiers: string[][];
  private readonly options: SelectionOptions;

  constructor(
    private readonly db: DatabasePort,
    private readonly matching: MatchingConfig,
    residentPath: string,
    rotationSeed: string,
  ) {
    const { baseLevel, minProviders, maxProviders } = matching;
    this.options = { residentPath, baseLevel, minProviders, maxProviders, rotationSeed };
    this.tiers = coverageTiers(residentPath, baseLevel);
  }

  /**
   * The first query: the best-scored offerings covering the resident at any distance (all there is, where
   * fewer than a page cover the resident's unit).
   */
  async open(itemId: string): Promise<CandidatePool> {
    const known = this.tiers.map((): TierKnowledge => ({ above: null, tiesRead: false }));
    const pool: CandidatePool = { itemId, rows: [], known, queries: 0 };
    const tiers = this.tiers.map((_, t) => t);
    await this.read(pool, { kind: 'page', tiers, atMost: null, limit: this.pageSize });
    return pool;
  }

  /**
   * The selection among the usable rows, reading first what it depends on and the pool lacks (within the
   * query budget): the levels above when too few are near, the rest of a level the selection exhausted, the
   * ties at a level's boundary (a page always stops at the same offerings of a tied score, so without them
   * the day's rotation would skip the rest).
   */
  async select(pool: CandidatePool, usable: (row: PoolRow) => boolean): Promise<Selection<PoolRow>> {
    for (;;) {
      const selection = selectOfferings(pool.rows.filter(usable), this.options);
      const next = pool.queries < MAX_POOL_QUERIES_PER_ITEM ? this.nextRead(pool, selection) : undefined;
      if (next === undefined) return selection;
      await this.read(pool, next);
    }
  }

  /**
   * What the selection depends on that is not read yet; undefined when it is exact. A tier the selection
   * filled (took as many as it had room for) is exact when its last choice scores above what is unread, or
   * at it with the ties read; a tier it took everything from is exact only when nothing of it is unread.
   * The budget's last query completes every such tier at once, with the largest page the database allows.
   */
  private nextRead(pool: CandidatePool, selection: Selection<PoolRow>): PoolRead | undefined {
    const last = this.tierOf(selection.searchedLevel);
    if (pool.known.slice(0, last + 1).some((k) => k.above === null)) {
      return { kind: 'page', tiers: this.unreadTiers(pool), atMost: null, limit: this.pageSize };
    }
    const unsure = this.unsureTiers(pool, selection, last);
    if (unsure.length === 0) return undefined;
    const atMost = Math.max(...unsure.map((u) => pool.known[u.tier]!.above!));
    const tiers = unsure.map((u) => u.tier);
    if (pool.queries === MAX_POOL_QUERIES_PER_ITEM - 1) {
      return { kind: 'page', tiers, atMost, limit: MAX_QUERY_LIMIT };
    }
    const first = unsure[0]!;
    if (first.needs === 'ties') return { kind: 'ties', tier: first.tier, score: atMost };
    const pages = unsure.filter((u) => u.needs === 'page').map((u) => u.tier);
    return { kind: 'page', tiers: pages, atMost, limit: this.pageSize };
  }

  /** The tiers up to `last` whose unread offerings could change the selection, and what each lacks. */
  private unsureTiers(
    pool: CandidatePool,
    selection: Selection<PoolRow>,
    last: number,
  ): { tier: number; needs: 'page' | 'ties' }[] {
    const unsure: { tier: number; needs: 'page' | 'ties' }[] = [];
    let chosenBefore = 0;
    for (let t = 0; t <= last; t += 1) {
      const k = pool.known[t]!;
      const scores = selection.selected
        .filter((s) => this.tierOf(s.foundAt) === t)
        .map((s) => s.offering.reputation);
      const room = this.options.maxProviders - chosenBefore;
      chosenBefore += scores.length;
      if (k.above === -Infinity || k.above === null) continue;
      const lowest = Math.min(...scores);
      if (scores.length < room || lowest < k.above) unsure.push({ tier: t, needs: 'page' });
      else if (lowest === k.above && !k.tiesRead) unsure.push({ tier: t, needs: 'ties' });
    }
    return unsure;
  }

  private get pageSize(): number {
    return this.matching.candidatePoolSize;
  }

  /** The tiers nothing has been read of (the levels above the base, read together). */
  private unreadTiers(pool: CandidatePool): number[] {
    return pool.known.flatMap((k, t) => (k.above === null ? [t] : []));
  }

  private async read(pool: CandidatePool, next: PoolRead): Promise<void> {
    pool.queries += 1;
    if (next.kind === 'ties') {
      const ties = await this.query(pool.itemId, this.tiers[next.tier]!, { equal: next.score });
      pool.rows = uniqueById([...pool.rows, ...ties]);
      pool.known[next.tier]!.tiesRead = true;
      return;
    }
    const paths = next.tiers.flatMap((t) => this.tiers[t]!);
    const rows = await this.query(pool.itemId, paths, { atMost: next.atMost, limit: next.limit });
    pool.rows = uniqueById([...pool.rows, ...rows]);
    const full = rows.length === next.limit;
    const lastScore = full ? rows[rows.length - 1]!.reputation : -Infinity;
    for (const t of next.tiers) {
      const k = pool.known[t]!;
      const above = Math.min(k.above ?? Infinity, lastScore);
      pool.known[t] = { above, tiesRead: above === k.above && k.tiesRead };
    }
  }

  /**
   * Matchable offerings of the item covering the resident through `paths`: a page of the best
   * `candidatePoolSize` by reputation (scoring at most `atMost` when given; the index's order, so the
   * database reads no further than the page), or every one scoring exactly `equal` (at most 1,000).
   */
  private query(
    itemId: string,
    paths: readonly string[],
    score: { readonly atMost?: number | null; readonly equal?: number; readonly limit?: number },
  ): Promise<PoolRow[]> {
    const where: Where = matchableOfferingsWhere(this.db, itemId, paths);
    if (score.equal !== undefined) {
      const options: FindOptions = { orderBy: [['_id', 'asc']], limit: MAX_QUERY_LIMIT, fields: POOL_FIELDS };
      return this.db.find<PoolRow>(COLLECTIONS.offerings, { ...where, reputation: score.equal }, options);
    }
    const bounded =
      score.atMost === null || score.atMost === undefined
        ? where
        : { ...where, reputation: this.db.command.lte(score.atMost) };
    const options: FindOptions = {
      orderBy: [['reputation', 'desc']],
      limit: score.limit ?? this.pageSize,
      fields: POOL_FIELDS,
    };
    return this.db.find<PoolRow>(COLLECTIONS.offerings, bounded, options);
  }

  /** Which tier holds the resident's ancestor at `level` (0 when none does). */
  private tierOf(level: OrgLevel): number {
    return Math.max(
      0,
      this.tiers.findIndex((paths) => paths.some((p) => levelOfPath(p) === level)),
    );
  }
}

function uniqueById<T extends { readonly _id: string }>(rows: readonly T[]): T[] {
  return [...new Map(rows.map((r) => [r._id, r])).values()];
}
