/**
 * Choosing the 3 to 5 providers for one ticked item (docs/product.md section 4), from the offerings that cover
 * the resident's unit. Pure: the use case reads the candidates (candidate-pool.reader.ts), this decides.
 *
 * - Distance: how many levels above the resident's own unit the provider's nearest covering service area
 *   lies (0: the resident's grid itself, 1: its community, 2: its street, 3: its county, 4: the city).
 * - Base: providers serving the resident's unit from `baseLevel` down (the grid or community), in
 *   reputation order.
 * - Widening: fewer than `min` in the base: add the providers found one level further up (street, then
 *   county, then city), each level in reputation order after the nearer ones, until there are `min`; these
 *   are marked `widened`. Still fewer than `min` after the city: a gap.
 * - Ties: equal scores are ordered by a hash of (rotation seed, offering id). The seed is the Shanghai day
 *   and the resident, so one resident sees a stable list all day, different residents see the tied
 *   providers in different orders, and the order changes every day: no provider always wins a tie.
 */
import { ancestorPaths, pathDepth } from '../org/org-path';
import { ORG_LEVELS, type OrgLevel } from '../org/org-levels';

export interface PoolOffering {
  readonly _id: string;
  readonly providerId: string;
  readonly reputation: number;
  readonly servedPaths: readonly string[];
}

export interface SelectionOptions {
  readonly residentPath: string;
  readonly baseLevel: OrgLevel;
  readonly minProviders: number;
  readonly maxProviders: number;
  readonly rotationSeed: string;
}

export interface SelectedOffering<T extends PoolOffering> {
  readonly offering: T;
  readonly distance: number;
  /** The level of the nearest service area that covers the resident. */
  readonly foundAt: OrgLevel;
  readonly widened: boolean;
}

export interface Selection<T extends PoolOffering> {
  readonly selected: readonly SelectedOffering<T>[];
  /** The widest level searched. */
  readonly searchedLevel: OrgLevel;
  /** The search went beyond the base level. */
  readonly widened: boolean;
  /** Fewer than `minProviders` even at the city level. */
  readonly gap: boolean;
}

/** FNV-1a, 32 bits: a cheap, well-spread hash for ordering ties (not for security). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function tieRotationKey(seed: string, offeringId: string): number {
  return fnv1a32(`${seed}|${offeringId}`);
}

/** The rotation seed of a resident on a day (Asia/Shanghai day number). */
export function rotationSeed(day: number, residentOpenid: string): string {
  return `${day}:${residentOpenid}`;
}

/**
 * Levels between the resident's unit and a service area covering it; null when no served path is the
 * resident's unit or one of its ancestors.
 */
export function coverageDistance(residentPath: string, servedPaths: readonly string[]): number | null {
  return distanceTo(distancesFrom(residentPath), servedPaths);
}

/** Each path covering the resident (its unit and ancestors) with its distance, once per selection. */
function distancesFrom(residentPath: string): ReadonlyMap<string, number> {
  const covering = ancestorPaths(residentPath, { includeSelf: true }); // city first
  return new Map(covering.map((path, i) => [path, covering.length - 1 - i]));
}

function distanceTo(distances: ReadonlyMap<string, number>, servedPaths: readonly string[]): number | null {
  let best: number | null = null;
  for (const path of servedPaths) {
    const distance = distances.get(path);
    if (distance !== undefined && (best === null || distance < best)) best = distance;
  }
  return best;
}

export function selectOfferings<T extends PoolOffering>(
  pool: readonly T[],
  options: SelectionOptions,
): Selection<T> {
  const depth = pathDepth(options.residentPath);
  const baseDepth = ORG_LEVELS.indexOf(options.baseLevel) + 1;
  const baseMax = Math.max(0, depth - baseDepth);
  const levelAt = (distance: number): OrgLevel => ORG_LEVELS[depth - 1 - distance]!;

  const distances = distancesFrom(options.residentPath);
  const keyed = pool.flatMap((offering) => {
    const distance = distanceTo(distances, offering.servedPaths);
    return distance === null
      ? []
      : [{ offering, distance, key: tieRotationKey(options.rotationSeed, offering._id) }];
  });
  type Keyed = (typeof keyed)[number];
  const byScore = (a: Keyed, b: Keyed): number =>
    b.offering.reputation - a.offering.reputation ||
    a.key - b.key ||
    (a.offering._id < b.offering._id ? -1 : a.offering._id > b.offering._id ? 1 : 0);

  // One entry per provider: its nearest, then best, offering of the item.
  const perProvider = new Map<string, Keyed>();
  for (const k of [...keyed].sort((a, b) => a.distance - b.distance || byScore(a, b))) {
    if (!perProvider.has(k.offering.providerId)) perProvider.set(k.offering.providerId, k);
  }
  const candidates = [...perProvider.values()];
  const tier = (from: number, to: number): Keyed[] =>
    candidates.filter((k) => k.distance >= from && k.distance <= to).sort(byScore);

  const chosen: Keyed[] = tier(0, baseMax).slice(0, options.maxProviders);
  let searched = baseMax;
  while (chosen.length < options.minProviders && searched < depth - 1) {
    searched += 1;
    chosen.push(...tier(searched, searched).slice(0, options.maxProviders - chosen.length));
  }
  return {
    selected: chosen.map((k) => ({
      offering: k.offering,
      distance: k.distance,
      foundAt: levelAt(k.distance),
      widened: k.distance > baseMax,
    })),
    searchedLevel: levelAt(searched),
    widened: searched > baseMax,
    gap: chosen.length < options.minProviders,
  };
}
