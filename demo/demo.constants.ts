/** Fixed facts of the demo data: the default seed and clock, and the units the demo identities live in. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const DEFAULT_DEMO_SEED = 20210701;

/** The default "now" of the demo: 2025-01-01 00:00 Asia/Shanghai. Seeding passes the clock's now instead. */
export const DEFAULT_DEMO_NOW = Date.UTC(2024, 11, 31, 16, 0, 0);

export const DEFAULT_DEMO_PROVIDERS = 60;
export const DEFAULT_DEMO_ORDERS = 1500;
export const MIN_DEMO_PROVIDERS = 30;

export const CITY_ID = '450900';
export const DEMO_COUNTY_ID = '450902';
/** 玉城街道 (玉州区). */
export const DEMO_STREET_ID = '450902001';
/** 玉城街道东门社区: where most demo identities live and work. */
export const DEMO_COMMUNITY_ID = '450902001001';
/** 东门社区's first grid (a residential estate). */
export const DEMO_GRID_ID = '450902001001001';
/** 北流市陵城街道陵城社区, for a second resident far from the first. */
export const DEMO_SECOND_COMMUNITY_ID = '450981001001';
export const DEMO_SECOND_GRID_ID = '450981001001001';

export const DEMO_PROVIDER_MANAGER_OPENID = 'demo-provider-manager-1';
export const DEMO_PROVIDER_MEMBER_OPENID = 'demo-provider-member-1';
export const DEMO_RESIDENT_OPENID = 'demo-resident-1';
export const DEMO_SECOND_RESIDENT_OPENID = 'demo-resident-2';
