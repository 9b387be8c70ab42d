/** The `catalog` function: service categories and items, and the org tree to pick a grid from. */
import { query } from '../call';

export interface CatalogItemReply {
  _id: string;
  name: string;
  description?: string;
  /** Offered in the caller's community (some provider serves it there or nearby). */
  available: boolean;
}

export interface CatalogCategoryReply {
  _id: string;
  name: string;
  items: CatalogItemReply[];
}

export interface CatalogListReply {
  categories: CatalogCategoryReply[];
  /** Items are paged (display order, category by category); with pageSize 50 the seeded catalog is one page. */
  page?: number;
  pageSize?: number;
  hasMore?: boolean;
}

export interface OrgUnitReply {
  _id: string;
  name: string;
  level: 'city' | 'county' | 'street' | 'community' | 'grid';
}

export interface OrgChildrenReply {
  units: OrgUnitReply[];
}

/** The whole catalog in one page: a few dozen items at most. */
export function listCatalog(): Promise<CatalogListReply> {
  return query<CatalogListReply>('catalog', 'catalog.list', { pageSize: 50 });
}

/** The units under `parentId` (the city's counties when absent). */
export function orgChildren(parentId?: string): Promise<OrgChildrenReply> {
  return query<OrgChildrenReply>('catalog', 'org.children', parentId === undefined ? {} : { parentId });
}
