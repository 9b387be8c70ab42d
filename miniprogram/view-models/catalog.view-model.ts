/** The home page's catalog: the three categories of the case study first, each with items to tick. */
import type { CatalogListReply } from 'weimin-core';

/** The case study's three categories (section 二(二)一), in its order, before any others. */
export const FEATURED_CATEGORIES = ['家政服务', '休闲活动', '便民服务'] as const;

/** match.request takes at most 10 items. */
export const MAX_TICKED_ITEMS = 10;

export interface CatalogItemView {
  id: string;
  name: string;
  /** What the item covers, or why it cannot be ticked here. */
  note: string;
  available: boolean;
}

export interface CatalogCategoryView {
  id: string;
  name: string;
  items: CatalogItemView[];
}

function rank(name: string): number {
  const at = (FEATURED_CATEGORIES as readonly string[]).indexOf(name);
  return at >= 0 ? at : FEATURED_CATEGORIES.length;
}

type CatalogCategory = CatalogListReply['categories'][number];
type CatalogItem = CatalogCategory['items'][number];

/** The categories of every page of catalog.list, a category split across pages made one again. */
function mergePages(pages: readonly CatalogListReply[]): CatalogCategory[] {
  const merged = new Map<string, { _id: string; name: string; items: CatalogItem[] }>();
  for (const { categories } of pages) {
    for (const category of categories) {
      const known = merged.get(category._id);
      if (known === undefined) merged.set(category._id, { ...category, items: [...category.items] });
      else known.items.push(...category.items.filter((item) => !known.items.some((k) => k._id === item._id)));
    }
  }
  return [...merged.values()];
}

/** The whole catalog from its pages (catalog.list pages its items, category by category). */
export function toCatalogView(pages: readonly CatalogListReply[]): CatalogCategoryView[] {
  return mergePages(pages)
    .map((category, order) => ({ category, order }))
    .filter(({ category }) => category.items.length > 0)
    .sort((a, b) => rank(a.category.name) - rank(b.category.name) || a.order - b.order)
    .map(({ category }) => ({
      id: category._id,
      name: category.name,
      items: category.items.map((item) => ({
        id: item._id,
        name: item.name,
        note: item.available ? item.description : '您所在的社区暂未开放',
        available: item.available,
      })),
    }));
}

/** The ticked item ids, in the order they were ticked. */
export function tickedItemIds(checked: Readonly<Record<string, boolean>>): string[] {
  return Object.keys(checked).filter((id) => checked[id] === true);
}
