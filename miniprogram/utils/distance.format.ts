/**
 * How far a provider is from the resident, in steps up the org tree (match.request's `distance`: 0 the
 * resident's own grid, 1 the community, 2 the street, 3 the county, 4 the city).
 */

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
