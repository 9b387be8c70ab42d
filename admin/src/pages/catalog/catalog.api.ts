/** admin-api's catalog routes (docs/people-and-places.md "Catalog"): categories and items, added, edited, hidden. */
import type { CatalogManageReply, CatalogSaveResult } from '../../../../core/catalog/catalog-manage.replies';
import { get, post, queryOf } from '../../api/http';

export const catalog = (orgUnitId?: string) =>
  get<CatalogManageReply>(`/console/api/catalog${queryOf({ orgUnitId: orgUnitId ?? '' })}`);

export interface CategorySave {
  readonly categoryId?: string;
  readonly name: string;
  readonly sortOrder: number;
  readonly clientRequestId: string;
}

export interface ItemSave {
  readonly itemId?: string;
  readonly categoryId: string;
  readonly orgUnitId?: string;
  readonly name: string;
  readonly description: string;
  readonly sortOrder: number;
  readonly clientRequestId: string;
}

export const saveCategory = (save: CategorySave) =>
  post<CatalogSaveResult>('/console/api/catalog/categories', save);
export const saveItem = (save: ItemSave) => post<CatalogSaveResult>('/console/api/catalog/items', save);
export const setVisibility = (
  kind: 'category' | 'item',
  targetId: string,
  active: boolean,
  clientRequestId: string,
) => post<CatalogSaveResult>('/console/api/catalog/visibility', { kind, targetId, active, clientRequestId });
