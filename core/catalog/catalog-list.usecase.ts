/**
 * catalog.list: the active service categories (by `sortOrder`, then `_id`) with their active items (by
 * `sortOrder`, then `_id`), optionally of one category, one page of items at a time; and for each item
 * whether a resident of the unit asked about would be shown a provider for it.
 *
 * The unit: `orgUnitId` when given (any unit of the tree; ORG_UNIT_NOT_FOUND when there is none), else the
 * caller's bound unit (their resident grant, the unit match.request matches for). With neither — a caller
 * who has not bound a grid or community yet and names no unit — every item is listed with `available:
 * false` and no offering is read: availability is only known for a place. With a unit, the items another
 * unit added for its own area (an `orgPath` that is neither the unit nor one of its ancestors) are not
 * listed: match.request refuses them there (CATALOG_ITEM_NOT_OFFERED_HERE).
 *
 * `available`: some offering of the item passes the filter matching applies to its pool (listed, provider
 * `active` and not blacklisted, as copied onto the offering) and serves the unit or one of its ancestors:
 * match.request, which widens up to the city, would find at least one provider. Only the offering's copies
 * are read; matching also reads the chosen providers, so an offering whose copy is stale may show an item
 * available that matching then finds no one for (the copies are refreshed by every writer of the provider).
 *
 * Paging: the items in display order (category by category) are cut into pages of `pageSize`; the reply
 * groups the page's items under their categories (a category with no item on the page is not listed) and
 * says whether another page follows.
 *
 * Reads per call, bounded whatever the size of the catalog and the number of providers:
 * - one query on `service_categories` (a handful of documents, read whole, at most 100);
 * - per active category, until the page is full: at most one query on `service_items` (index
 *   `categoryId_1_sortOrder_1`), and on pages after the first one count per category that lies wholly
 *   before the page (same index);
 * - with a unit: one `findOne` per item on the page (at most `pageSize`, ≤ 50) on `offerings`, index
 *   `itemId_1_servedPaths_1_providerStatus_1_active_1_reputation_-1` (itemId equal, servedPaths in the
 *   unit's ≤ 5 paths, providerStatus, active), which stops at the first match; run 10 at a time.
 * No writes.
 */
import { authorize } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import type { ServiceCategory, ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import type { Offering } from '../model/offering.model';
import { ancestorPaths, isOrgPath } from '../org/org-path';
import type { UseCaseInput } from '../kernel/use-case';
import { catalogListSchema } from '../schemas/catalog.schema';
import { parseCommand } from '../schemas/command.parser';
import type { DatabasePort, FindOptions, Where } from '../kernel/database.port';
import { matchableOfferingsWhere } from '../offerings/matchable-offerings';
import { catalogError } from './catalog.errors';
import { loadOrgUnit } from '../org/org-unit.reader';
import type { CatalogListReply } from './catalog.replies';

/** How many availability look-ups run at once. */
const AVAILABILITY_BATCH = 10;

const DISPLAY_ORDER: FindOptions['orderBy'] = [
  ['sortOrder', 'asc'],
  ['_id', 'asc'],
];

type CategoryRow = Pick<ServiceCategory, '_id' | 'name'>;
type ItemRow = Pick<ServiceItem, '_id' | 'name' | 'description'>;

/** The path of the unit the caller bound (their resident grant), or null before `profile.bind`. */
export function boundUnitPath(actor: Actor): string | null {
  const path = actor.grants.find((g) => g.role === 'resident' && g.orgPath !== undefined)?.orgPath;
  return isOrgPath(path) ? path : null;
}

/**
 * Whether matching would find an offering of `itemId` for a resident whose unit and ancestors are
 * `coverage`: the filter of match.request's pool query, reduced to "is there one".
 */
async function itemAvailable(
  db: DatabasePort,
  itemId: string,
  coverage: readonly string[],
): Promise<boolean> {
  const hit = await db.findOne<Pick<Offering, '_id' | 'itemId'>>(
    COLLECTIONS.offerings,
    matchableOfferingsWhere(db, itemId, coverage),
    { fields: ['itemId'] },
  );
  return hit !== null;
}

async function availability(
  db: DatabasePort,
  itemIds: readonly string[],
  coverage: readonly string[] | null,
): Promise<Set<string>> {
  const available = new Set<string>();
  if (coverage === null) return available;
  for (let start = 0; start < itemIds.length; start += AVAILABILITY_BATCH) {
    const batch = itemIds.slice(start, start + AVAILABILITY_BATCH);
    const found = await Promise.all(batch.map((itemId) => itemAvailable(db, itemId, coverage)));
    batch.forEach((itemId, i) => {
      if (found[i]) available.add(itemId);
    });
  }
  return available;
}

export async function listCatalog(input: UseCaseInput): Promise<CatalogListReply> {
  const { ports, actor } = input;
  const { db } = ports;
  const _ = db.command;
  const query = parseCommand(catalogListSchema, input.command);
  authorize(actor, 'catalog.read', {});

  const unitPath =
    query.orgUnitId === undefined ? boundUnitPath(actor) : (await loadOrgUnit(db, query.orgUnitId)).path;
  const coverage = unitPath === null ? null : ancestorPaths(unitPath, { includeSelf: true });

  const categories = await db.find<CategoryRow>(
    COLLECTIONS.serviceCategories,
    query.categoryId === undefined ? { active: true } : { _id: query.categoryId, active: true },
    { orderBy: DISPLAY_ORDER, fields: ['name'] },
  );
  if (query.categoryId !== undefined && categories.length === 0) {
    throw catalogError('CATALOG_CATEGORY_NOT_FOUND', { categoryId: query.categoryId });
  }

  const itemsOf = (categoryId: string): Where =>
    coverage === null ? { categoryId, active: true } : { categoryId, active: true, orgPath: _.in(coverage) };

  // One more than a page, to know whether another page follows.
  const wanted = query.pageSize + 1;
  let skip = (query.page - 1) * query.pageSize;
  const rows: { readonly categoryId: string; readonly item: ItemRow }[] = [];
  for (const category of categories) {
    if (rows.length >= wanted) break;
    if (skip > 0) {
      const inCategory = await db.count(COLLECTIONS.serviceItems, itemsOf(category._id));
      if (skip >= inCategory) {
        skip -= inCategory;
        continue;
      }
    }
    const items = await db.find<ItemRow>(COLLECTIONS.serviceItems, itemsOf(category._id), {
      orderBy: DISPLAY_ORDER,
      skip,
      limit: wanted - rows.length,
      fields: ['name', 'description'],
    });
    skip = 0;
    for (const item of items) rows.push({ categoryId: category._id, item });
  }

  const page = rows.slice(0, query.pageSize);
  const available = await availability(
    db,
    page.map((row) => row.item._id),
    coverage,
  );
  return {
    categories: categories
      .map((category) => ({
        _id: category._id,
        name: category.name,
        items: page
          .filter((row) => row.categoryId === category._id)
          .map(({ item }) => ({
            _id: item._id,
            name: item.name,
            description: item.description ?? '',
            available: available.has(item._id),
          })),
      }))
      .filter((category) => category.items.length > 0),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: rows.length > query.pageSize,
  };
}
