/**
 * Service catalog: reading it, and workers adding or editing categories and items; and browsing the org
 * tree to pick a grid (public, like the catalog).
 */
import type { z } from 'zod';

import { bool, command, id, int, oneOf, optionalText, paging, query, text } from './fields.schema';

export const catalogListSchema = query({
  /** Whose availability to show; absent: the caller's bound unit. */
  orgUnitId: id('社区或网格').optional(),
  categoryId: id('服务类别').optional(),
  ...paging,
});
export type CatalogListQuery = z.output<typeof catalogListSchema>;

/** The units directly under `parentId`; absent: the city's counties. */
export const orgChildrenSchema = query({
  parentId: id('上级单位').optional(),
});
export type OrgChildrenQuery = z.output<typeof orgChildrenSchema>;

export const categorySaveSchema = command({
  /** Absent: a new category. */
  categoryId: id('服务类别').optional(),
  name: text('类别名称', { max: 20 }),
  sortOrder: int('排序', 0, 9999).default(0),
});
export type CategorySaveCommand = z.output<typeof categorySaveSchema>;

export const itemSaveSchema = command({
  /** Absent: a new item. */
  itemId: id('服务项目').optional(),
  categoryId: id('服务类别'),
  /**
   * A new item's area (the unit that adds it, or a unit within it): offered only there. Absent: the caller's
   * own unit. Ignored when editing (an item keeps its area).
   */
  orgUnitId: id('适用地区').optional(),
  name: text('项目名称', { max: 20 }),
  description: optionalText('项目说明', 200, { multiline: true }),
  sortOrder: int('排序', 0, 9999).default(0),
});
export type ItemSaveCommand = z.output<typeof itemSaveSchema>;

/** Hide (停用) or show again a category or an item: hidden ones are neither listed nor matched; orders keep them. */
export const catalogVisibilitySchema = command({
  kind: oneOf('类型', ['category', 'item'] as const),
  targetId: id('服务类别或项目'),
  active: bool('是否启用'),
});
export type CatalogVisibilityCommand = z.output<typeof catalogVisibilitySchema>;
