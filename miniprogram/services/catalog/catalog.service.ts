/**
 * The `catalog` function: service categories and items, and the org tree to pick a grid from. Each call
 * answers the core's own reply type (weimin-core, types only).
 */
import type { CatalogListReply, OrgChildrenReply } from 'weimin-core';
import { query } from '../call';

/** One unit of the org tree, as `org.children` lists it. */
export type OrgUnitReply = OrgChildrenReply['units'][number];

/** The whole catalog in one page: a few dozen items at most. */
export function listCatalog(): Promise<CatalogListReply> {
  return query<CatalogListReply>('catalog', 'catalog.list', { pageSize: 50 });
}

/** The units under `parentId` (the city's counties when absent). */
export function orgChildren(parentId?: string): Promise<OrgChildrenReply> {
  return query<OrgChildrenReply>('catalog', 'org.children', parentId === undefined ? {} : { parentId });
}
