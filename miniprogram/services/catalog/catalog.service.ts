/**
 * The `catalog` function: service categories and items, and the org tree to pick a grid from. Each call
 * answers the core's own reply type (weimin-core, types only).
 */
import type { CatalogListReply, OrgChildrenReply } from 'weimin-core';
import { query } from '../call';

/** One unit of the org tree, as `org.children` lists it. */
export type OrgUnitReply = OrgChildrenReply['units'][number];

/** The most items catalog.list answers in one page. */
export const CATALOG_PAGE_SIZE = 50;

/** One page (1-based) of the catalog's items, grouped under their categories. */
export function listCatalogPage(page: number): Promise<CatalogListReply> {
  return query<CatalogListReply>('catalog', 'catalog.list', { page, pageSize: CATALOG_PAGE_SIZE });
}

/** The units under `parentId` (the city's counties when absent). */
export function orgChildren(parentId?: string): Promise<OrgChildrenReply> {
  return query<OrgChildrenReply>('catalog', 'org.children', parentId === undefined ? {} : { parentId });
}
