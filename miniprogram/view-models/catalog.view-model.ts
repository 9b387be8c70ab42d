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

export function toCatalogView(reply: CatalogListReply): CatalogCategoryView[] {
  return reply.categories
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
