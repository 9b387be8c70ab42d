/**
 * How far a provider is from the resident, in steps up the org tree (match.request's `distance`: 0 the
 * resident's own grid, 1 the community, 2 the street, 3 the county, 4 the city).
 */
import type { OrgLevel } from 'weimin-core';

const LABELS = ['本小区', '本社区', '街道内', '县(市、区)内', '全市'] as const;

export const WIDENED_LABEL = '已扩大范围';

export function distanceLabel(distance: number): string {
  const step = Math.min(LABELS.length - 1, Math.max(0, Math.round(distance)));
  return LABELS[step]!;
}

/** What the provider card says about reach: '本社区', or '已扩大范围 · 街道内' when the search was widened. */
export function reachLabel(distance: number, widened: boolean): string {
  return widened ? `${WIDENED_LABEL} · ${distanceLabel(distance)}` : distanceLabel(distance);
}

/** Steps up from the resident's grid to each level of the org tree. */
const LEVEL_STEPS: Readonly<Record<OrgLevel, number>> = {
  grid: 0,
  community: 1,
  street: 2,
  county: 3,
  city: 4,
};

/** Where a match candidate was found (`foundAt`), said as reach: '本社区', '街道内'... */
export function foundAtLabel(level: OrgLevel): string {
  return distanceLabel(LEVEL_STEPS[level] ?? LABELS.length - 1);
}
