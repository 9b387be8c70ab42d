/**
 * How the demo city is served. The items most residents tick (the common items) reach at least 3 providers
 * in every community of Yulin, through service areas at county level (and city-wide for services done at a
 * distance, such as paying bills or booking a hospital appointment), not through hundreds of providers. The
 * other items are served in 玉州区 (most of them around the demo street) only, so rural counties show real
 * gaps; three of them are named below and seeded as the workers' gap record.
 *
 * Where coverage comes from, at the default 60 providers (demo-providers.ts places them):
 * - some core providers of the common kinds serve wider than their round: in round 0 (otherwise 玉州区) the
 *   housekeeping, clinic, travel, convenience, rescue and handyman ones serve the whole city, in round 1
 *   (otherwise 玉城街道) the appliance, housekeeping and handyman ones all of 玉州区;
 * - the demo staff's provider (prv-000001, a housekeeping centre) serves the demo community and the second
 *   demo resident's community in 北流市, so both demo residents are offered it;
 * - nine regional providers: home-services centres serving 玉州区 and three pairs of neighbouring counties,
 *   two per pair, and two city-wide convenience centres.
 */
import type { ProviderTemplate } from './provider-templates.data';

/**
 * The items most residents tick: the 家政服务 items done in the home and every 便民服务 item. Every community
 * reaches at least 3 active providers for each of them (美容美发 is a shop's trade and stays local).
 */
export const COMMON_ITEM_IDS = [
  'item-appliance-repair', // 家电维修
  'item-plumbing-electrical', // 水电维修
  'item-home-cleaning', // 家庭保洁
  'item-elderly-companion', // 陪护老年人
  'item-temporary-childcare', // 幼儿临时照料
  'item-hospital-appointment', // 预约挂号
  'item-emergency-help', // 紧急求助
  'item-ticket-booking', // 飞机票火车票预订
  'item-utility-payment', // 生活缴费
  'item-info-posting', // 信息发布
] as const;

/** A home-services centre: the 家政 common items under one roof. */
export const HOME_SERVICES_TEMPLATE: ProviderTemplate = {
  key: 'home-services',
  suffixes: ['家庭服务中心', '家政服务中心', '便民家政服务部'],
  creditPrefix: '91',
  itemIds: [
    'item-appliance-repair',
    'item-plumbing-electrical',
    'item-home-cleaning',
    'item-elderly-companion',
    'item-temporary-childcare',
  ],
  qualifications: [
    '家政服务员职业技能等级证书',
    '家用电子产品维修工职业技能等级证书',
    '特种作业操作证（电工）',
  ],
};

/**
 * The demo staff's provider: a housekeeping centre (cleaning, care for the elderly and small children, and
 * plumbing), so both demo residents are offered it for four common items. Not 家电维修: `npm run demo` orders
 * that from the best-ranked provider and shows one rating move its score, which a provider as busy as this
 * one (a third of all orders) would not show.
 */
export const DEMO_STAFF_TEMPLATE: ProviderTemplate = {
  key: 'home-care',
  suffixes: ['家政服务中心', '家庭服务中心'],
  creditPrefix: '91',
  itemIds: [
    'item-home-cleaning',
    'item-elderly-companion',
    'item-temporary-childcare',
    'item-plumbing-electrical',
  ],
  qualifications: ['家政服务员职业技能等级证书', '育婴员职业技能等级证书', '特种作业操作证（电工）'],
};

/**
 * A convenience hotline centre: the 便民 common items, done at a distance or dispatched by phone (bills,
 * appointments, tickets, notices, help in an emergency), so it serves the whole city.
 */
export const CONVENIENCE_CENTRE_TEMPLATE: ProviderTemplate = {
  key: 'convenience-centre',
  suffixes: ['便民服务中心', '便民热线服务中心'],
  creditPrefix: '91',
  itemIds: [
    'item-utility-payment',
    'item-hospital-appointment',
    'item-ticket-booking',
    'item-info-posting',
    'item-emergency-help',
  ],
  qualifications: ['代收代缴业务委托协议'],
};

/**
 * Kinds of round-0 core provider that serve the whole city instead of 玉州区: the big 玉州区 firms of the
 * common items (housekeeping, repairs) and the services done at a distance or run city-wide (appointments,
 * tickets, payments, the emergency rescue team).
 */
export const CITY_WIDE_CORE_KINDS: ReadonlySet<string> = new Set([
  'housekeeping',
  'clinic',
  'travel',
  'convenience',
  'rescue',
  'handyman',
]);

/** Kinds of round-1 core provider that serve the whole of 玉州区 instead of 玉城街道 (home repairs and care). */
export const DISTRICT_WIDE_CORE_KINDS: ReadonlySet<string> = new Set([
  'appliance',
  'housekeeping',
  'handyman',
]);

export interface RegionalProviderSpec {
  readonly template: ProviderTemplate;
  /** The community it is based in. */
  readonly homeId: string;
  /** The units it serves (counties, or the city). */
  readonly areaIds: readonly string[];
}

const YULIN = '450900';
const YUZHOU = '450902';
const FUMIAN = '450903';
const RONG = '450921';
const LUCHUAN = '450922';
const BOBAI = '450923';
const XINGYE = '450924';
const BEILIU = '450981';

/** The providers placed right after the core ones, in this order. */
export const REGIONAL_PROVIDERS: readonly RegionalProviderSpec[] = [
  // 玉州区 beyond the demo street (名山街道名山社区).
  { template: HOME_SERVICES_TEMPLATE, homeId: '450902002001', areaIds: [YUZHOU] },
  // 福绵区 and 兴业县 (福绵镇, 石南镇).
  { template: HOME_SERVICES_TEMPLATE, homeId: '450903101001', areaIds: [FUMIAN, XINGYE] },
  { template: HOME_SERVICES_TEMPLATE, homeId: '450924101001', areaIds: [XINGYE, FUMIAN] },
  // 北流市 and 容县 (北流城南街道城南社区, 容州镇).
  { template: HOME_SERVICES_TEMPLATE, homeId: '450981002001', areaIds: [BEILIU, RONG] },
  { template: HOME_SERVICES_TEMPLATE, homeId: '450921101001', areaIds: [RONG, BEILIU] },
  // 陆川县 and 博白县 (温泉镇, 博白镇).
  { template: HOME_SERVICES_TEMPLATE, homeId: '450922101001', areaIds: [LUCHUAN, BOBAI] },
  { template: HOME_SERVICES_TEMPLATE, homeId: '450923101001', areaIds: [BOBAI, LUCHUAN] },
  // City-wide convenience centres (玉州南江社区, 北流城北社区).
  { template: CONVENIENCE_CENTRE_TEMPLATE, homeId: '450902003001', areaIds: [YULIN] },
  { template: CONVENIENCE_CENTRE_TEMPLATE, homeId: '450981003001', areaIds: [YULIN] },
];

export interface DeliberateGap {
  /** A grid of a rural town, where a resident looked for the item. */
  readonly gridId: string;
  readonly itemId: string;
  readonly itemName: string;
  /** When the resident looked, days before now. */
  readonly daysAgo: number;
}

/**
 * Rare items no provider offers anywhere near a rural town: residents there looked for them in vain (matching
 * finds no provider up to the city), and the seeded gap record (match_gaps) shows it on the workers'
 * dashboard.
 */
export const DELIBERATE_GAPS: readonly DeliberateGap[] = [
  // 容县容州镇城东社区第一网格: 婚姻介绍.
  { gridId: '450921101001001', itemId: 'item-matchmaking', itemName: '婚姻介绍', daysAgo: 3 },
  // 兴业县石南镇城东社区第一网格: 托育托管.
  { gridId: '450924101001001', itemId: 'item-childcare', itemName: '托育托管', daysAgo: 6 },
  // 博白县博白镇城东社区第一网格: 影视.
  { gridId: '450923101001001', itemId: 'item-film', itemName: '影视', daysAgo: 9 },
];
