/** What admin-api answers for the catalog screen (docs/people-and-places.md "Catalog"). Type-only. */

export interface CatalogItemRow {
  readonly itemId: string;
  readonly categoryId: string;
  readonly name: string;
  readonly description: string;
  readonly sortOrder: number;
  /** False: hidden (停用): not listed to residents nor matched; orders keep it. */
  readonly active: boolean;
  /** Where it is offered: the unit that added it and everything below. */
  readonly orgPath: string;
  readonly areaName: string;
  /** One of the case study's items (the seeded catalog). */
  readonly fromCaseStudy: boolean;
  /** The caller may edit, hide and show it (its area lies within the caller's unit). */
  readonly editable: boolean;
}

export interface CatalogCategoryRow {
  readonly categoryId: string;
  readonly name: string;
  readonly sortOrder: number;
  readonly active: boolean;
  readonly items: readonly CatalogItemRow[];
}

export interface CatalogManageReply {
  /** The unit whose catalog this is (its own items, its area's, and those of the units below); null: all. */
  readonly unit: { readonly orgPath: string; readonly fullName: string } | null;
  readonly categories: readonly CatalogCategoryRow[];
  /** Categories are the city's: only its workers and leaders (and administrators) edit them. */
  readonly canManageCategories: boolean;
}

export interface CatalogSaveResult {
  readonly created: boolean;
  readonly kind: 'category' | 'item';
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  /** The item's area; null for a category. */
  readonly orgPath: string | null;
}
