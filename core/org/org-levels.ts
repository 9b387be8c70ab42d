/** The levels of the one org tree, top down (docs/product.md section 2). */
export const ORG_LEVELS = ['city', 'county', 'street', 'community', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** Chinese names of the levels, for UI text and messages. */
export const ORG_LEVEL_LABELS: Readonly<Record<OrgLevel, string>> = {
  city: '市',
  county: '县(市、区)',
  street: '街道(镇)',
  community: '社区',
  grid: '小区(网格)',
};
