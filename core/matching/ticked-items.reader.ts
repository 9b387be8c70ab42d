/**
 * The items a resident ticked, read in one query for the whole request. Each must exist, be listed (hidden
 * neither itself nor through its category, which catalog.visibility.set copies onto its items as
 * `categoryHidden`) and be offered where the resident lives (the unit that added it covers the resident's
 * unit); otherwise the request is refused before any offering is read.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { ServiceItem } from '../model/catalog.model';
import { isWithin } from '../org/org-path';
import type { DatabasePort } from '../kernel/database.port';
import { matchingError } from './matching.errors';

export type TickedItem = Pick<ServiceItem, '_id' | 'name'>;

/** The items in the order ticked, or CATALOG_ITEM_NOT_FOUND / CATALOG_ITEM_NOT_OFFERED_HERE. */
export async function readTickedItems(
  db: DatabasePort,
  itemIds: readonly string[],
  residentPath: string,
): Promise<TickedItem[]> {
  const items = await db.find<ServiceItem>(
    COLLECTIONS.serviceItems,
    { _id: db.command.in(itemIds) },
    { limit: itemIds.length },
  );
  const byId = new Map(items.map((item) => [item._id, item]));
  return itemIds.map((itemId) => {
    const item = byId.get(itemId);
    if (item === undefined || !item.active || item.categoryHidden === true)
      throw matchingError('CATALOG_ITEM_NOT_FOUND', { itemId });
    if (!isWithin(residentPath, item.orgPath))
      throw matchingError('CATALOG_ITEM_NOT_OFFERED_HERE', { itemId });
    return item;
  });
}
