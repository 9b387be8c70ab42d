/** The service items as the console's filters offer them (the catalog is small: a few dozen items). */
import type { DatabasePort } from '../kernel/database.port';
import { COLLECTIONS } from '../model/collections.model';
import type { ServiceItem } from '../model/catalog.model';
import type { FilterOption } from './console.replies';

const MAX_ITEMS = 500;

/** Every item, active or hidden (old orders point at hidden ones too), in catalog order. */
export async function serviceItems(db: DatabasePort): Promise<ServiceItem[]> {
  return db.find<ServiceItem>(
    COLLECTIONS.serviceItems,
    {},
    {
      orderBy: [
        ['categoryId', 'asc'],
        ['sortOrder', 'asc'],
        ['_id', 'asc'],
      ],
      limit: MAX_ITEMS,
      fields: ['name', 'categoryId', 'sortOrder', 'active'],
    },
  );
}

export function itemOptionsOf(items: readonly ServiceItem[]): FilterOption[] {
  return items.map((i) => ({ value: i._id, label: i.active ? i.name : `${i.name}（已停用）` }));
}
