/**
 * A provider as an access target: its unit and the industries of its items (what an industry regulator's
 * `industry` scope reads, decision 0026). Shared by the governance use cases and the console's provider pages.
 */
import type { DatabasePort } from '../kernel/database.port';
import type { ServiceCategory } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import { industryOf } from '../model/industry.model';
import type { Offering } from '../model/offering.model';
import type { Provider } from '../model/provider.model';
import type { AccessTarget } from './authorize';

/** A provider offers at most one price per item. */
const MAX_OFFERINGS = 200;

/**
 * The industries of a provider: those stored on it (a provider created from an application), else those of
 * its offerings' service categories.
 */
export async function providerIndustries(
  db: DatabasePort,
  provider: Pick<Provider, '_id'> & { readonly industries?: readonly string[] },
): Promise<string[]> {
  if (Array.isArray(provider.industries) && provider.industries.length > 0) return [...provider.industries];
  const offerings = await db.find<Pick<Offering, '_id' | 'categoryId'>>(
    COLLECTIONS.offerings,
    { providerId: provider._id },
    { fields: ['categoryId'], limit: MAX_OFFERINGS },
  );
  const categoryIds = [...new Set(offerings.map((o) => o.categoryId))];
  if (categoryIds.length === 0) return [];
  const categories = await db.find<Pick<ServiceCategory, '_id' | 'industry'>>(
    COLLECTIONS.serviceCategories,
    { _id: db.command.in(categoryIds) },
    { fields: ['industry'], limit: categoryIds.length },
  );
  return [...new Set(categories.map((c) => industryOf(c)))].sort();
}

/** A provider as the matrix sees it: its unit, and its industries for a regulator's `industry` scope. */
export function providerTarget(
  provider: Pick<Provider, '_id' | 'orgPath'>,
  industries: readonly string[],
): AccessTarget {
  return { orgPath: provider.orgPath, providerId: provider._id, industries };
}
