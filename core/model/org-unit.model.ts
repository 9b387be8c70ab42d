import type { OrgLevel } from '../org/org-levels';
import type { BaseDocument, Timestamps } from './common.model';

/**
 * What kind of unit it is within its level: a street-level unit is a 街道 (subdistrict) or a 镇 (town);
 * a community is urban (城市社区, under a 街道) or township (乡镇社区, under a 镇); a grid is a residential
 * estate (小区) or a numbered grid block (网格). City and county units have no kind.
 */
export const ORG_UNIT_KINDS = ['subdistrict', 'town', 'urban', 'township', 'estate', 'block'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_KIND_LABELS: Readonly<Record<OrgUnitKind, string>> = {
  subdistrict: '街道',
  town: '镇',
  urban: '城市社区',
  township: '乡镇社区',
  estate: '小区',
  block: '网格',
};

/** `org_units`: one node of the one org tree (city -> county -> street -> community -> grid). */
export interface OrgUnit extends BaseDocument, Timestamps {
  readonly name: string;
  readonly level: OrgLevel;
  /** The parent unit's `_id`; null for the city (the root). */
  readonly parentId: string | null;
  /** Root-to-node `_id`s joined by '/', with a leading and a trailing '/': `/450900/450902/450902001/`. */
  readonly path: string;
  /** The names root to node, e.g. 玉林市玉州区玉城街道东门社区, for lists and exports. */
  readonly fullName: string;
  readonly kind: OrgUnitKind | null;
  /** The official administrative division code where one exists (city and counties), else null. */
  readonly divisionCode: string | null;
  /** Display order among siblings. */
  readonly sortOrder: number;
}
