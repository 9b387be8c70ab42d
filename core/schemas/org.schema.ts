/**
 * Keeping the org tree from the console (docs/people-and-places.md): add or rename a community or a grid,
 * move a grid to another community. The rules (who, where, which levels) live in core/console/org-units.usecase.ts.
 */
import type { z } from 'zod';
import { consolePaging } from './console.schema';
import { command, id, oneOf, optionalText, query, text } from './fields.schema';

/** Kinds of the units the console adds: a community (城市社区 / 乡镇社区) or a grid (小区 / 网格). */
export const MANAGED_UNIT_KINDS = ['urban', 'township', 'estate', 'block'] as const;

export const orgUnitSaveSchema = command({
  /** Absent: a new unit under `parentId`. */
  unitId: id('单位').optional(),
  /** The new unit's parent (a street for a community, a community for a grid); ignored when renaming. */
  parentId: id('上级单位').optional(),
  name: text('单位名称', { max: 30 }),
  kind: oneOf('单位类型', MANAGED_UNIT_KINDS).optional(),
}).superRefine((c, ctx) => {
  if (c.unitId === undefined && c.parentId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['parentId'], message: '请选择上级单位' });
  }
});
export type OrgUnitSaveCommand = z.output<typeof orgUnitSaveSchema>;

export const orgUnitMoveSchema = command({
  unitId: id('网格'),
  toParentId: id('新的所属社区'),
});
export type OrgUnitMoveCommand = z.output<typeof orgUnitMoveSchema>;

/** The places screen: the units directly under `parentId`; absent: the caller's own top units. */
export const placesQuerySchema = query({
  parentId: id('上级单位').optional(),
});
export type PlacesQuery = z.output<typeof placesQuerySchema>;

/** The people screen: staff (people holding a role in the unit) or residents bound to it, by name or phone. */
export const peopleQuerySchema = query({
  orgUnitId: id('单位').optional(),
  kind: oneOf('人员类别', ['staff', 'residents'] as const).default('staff'),
  q: optionalText('姓名或手机号', 20),
  ...consolePaging,
});
export type PeopleQuery = z.output<typeof peopleQuerySchema>;

/** The catalog screen (every category and item, hidden ones too, of the caller's area). */
export const catalogManageQuerySchema = query({
  orgUnitId: id('单位').optional(),
});
export type CatalogManageQuery = z.output<typeof catalogManageQuerySchema>;
