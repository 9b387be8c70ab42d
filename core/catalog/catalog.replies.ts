/**
 * What the `catalog` function answers (`catalog.list`, `org.children`; docs/functions.md): written once
 * here, read by the mini-program through `weimin-core` as types. Type-only and free of zod.
 */
import type { OrgLevel } from '../org/org-levels';

/**
 * What `catalog.list` answers: active categories with their active items, in display order; one page of
 * items, grouped under their categories (a category with no item on the page is left out).
 */
export interface CatalogListReply {
  readonly categories: readonly {
    readonly _id: string;
    readonly name: string;
    readonly items: readonly {
      readonly _id: string;
      readonly name: string;
      readonly description: string;
      /** Some provider serves it in the unit asked about (or nearby, after widening). */
      readonly available: boolean;
    }[];
  }[];
  /** The page asked for (items are paged, in display order, category by category). */
  readonly page: number;
  readonly pageSize: number;
  /** Another page of items follows. */
  readonly hasMore: boolean;
}

/** What `org.children` answers, in sibling order. */
export interface OrgChildrenReply {
  readonly units: readonly { readonly _id: string; readonly name: string; readonly level: OrgLevel }[];
}
