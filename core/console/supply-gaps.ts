/**
 * Supply gaps (工作台): per community of the scope (or the scope's own unit, below the community level) and
 * per active service item, how many providers matching may offer there without widening: matchable
 * offerings (core/offerings/matchable-offerings.ts) whose service area is the unit or one above it. Fewer
 * than `supplyGapBelow`: a gap, where residents are shown too few providers or providers from further away.
 *
 * Two queries per item, whatever the number of communities: the offerings serving the scope's root or a
 * unit above it (they cover every community of the scope), and those serving a unit within the root (they
 * cover the communities below them); both served by `itemId_1_servedPaths_1_providerStatus_1_active_1_...`.
 */
import type { DatabasePort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { COLLECTIONS } from '../model/collections.model';
import type { Offering } from '../model/offering.model';
import type { OrgUnit } from '../model/org-unit.model';
import { matchableOfferingsWhere } from '../offerings/matchable-offerings';
import { ancestorPaths, depthOfLevel, isWithin, pathDepth } from '../org/org-path';
import { serviceItems } from './console-catalog';
import type { ScopeRoot } from './console-scope';
import { unitRefOf, unitAt } from './console-units';
import type { SupplyGapRow, UnitRef } from './console.replies';

const CITY_ROOT_LIMIT = 1000;
const SHOWN = 20;

type Served = Pick<Offering, '_id' | 'providerId' | 'servedPaths'>;

/** The units gaps are counted in: the communities within the root, or the root itself below that level. */
async function unitsOf(db: DatabasePort, root: ScopeRoot): Promise<UnitRef[]> {
  if (root !== null && pathDepth(root) >= depthOfLevel('community')) {
    const unit = await unitAt(db, root);
    return unit === null ? [] : [unit];
  }
  const units = await db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { level: 'community', ...(root === null ? {} : { path: db.command.prefix(root) }) },
    { orderBy: [['path', 'asc']], limit: CITY_ROOT_LIMIT },
  );
  return units.map(unitRefOf);
}

/** The offerings of one item that may cover some unit of the root. */
async function servingOfferings(db: DatabasePort, itemId: string, root: ScopeRoot): Promise<Served[]> {
  const fields = ['providerId', 'servedPaths'];
  if (root === null) {
    // The whole platform: every matchable offering of the item, wherever it serves.
    const { servedPaths: _anywhere, ...matchable } = matchableOfferingsWhere(db, itemId, []);
    return db.find<Served>(COLLECTIONS.offerings, matchable, { fields, limit: CITY_ROOT_LIMIT });
  }
  const above = matchableOfferingsWhere(db, itemId, ancestorPaths(root, { includeSelf: true }));
  const below = { ...above, servedPaths: db.command.prefix(root) };
  const [a, b] = await Promise.all([
    db.find<Served>(COLLECTIONS.offerings, above, { fields, limit: CITY_ROOT_LIMIT }),
    db.find<Served>(COLLECTIONS.offerings, below, { fields, limit: CITY_ROOT_LIMIT }),
  ]);
  return [...a, ...b];
}

/** Distinct providers with a service area at the unit or above it. */
function providersCovering(unit: UnitRef, offerings: readonly Served[]): number {
  const providers = new Set<string>();
  for (const o of offerings) {
    if (o.servedPaths.some((p) => isWithin(unit.orgPath, p))) providers.add(o.providerId);
  }
  return providers.size;
}

export async function supplyGaps(
  db: DatabasePort,
  root: ScopeRoot,
  config: PlatformConfig,
): Promise<{ items: SupplyGapRow[]; total: number; communities: number }> {
  const [units, items] = await Promise.all([unitsOf(db, root), serviceItems(db)]);
  const active = items.filter((i) => i.active);
  const perItem = await Promise.all(active.map((item) => servingOfferings(db, item._id, root)));
  const gaps: SupplyGapRow[] = [];
  active.forEach((item, i) => {
    for (const unit of units) {
      const providerCount = providersCovering(unit, perItem[i]!);
      if (providerCount < config.console.supplyGapBelow) {
        gaps.push({ unit, itemId: item._id, itemName: item.name, providerCount });
      }
    }
  });
  gaps.sort(
    (a, b) =>
      a.providerCount - b.providerCount ||
      a.unit.orgPath.localeCompare(b.unit.orgPath) ||
      a.itemId.localeCompare(b.itemId),
  );
  return { items: gaps.slice(0, SHOWN), total: gaps.length, communities: units.length };
}
