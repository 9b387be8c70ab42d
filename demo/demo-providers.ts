/**
 * Providers and their offerings. Generation is in two steps so that 100,000 providers and 1,000,000 orders
 * stay consistent without holding the orders: `planProviders` fixes who each provider is, where it serves,
 * what it offers and how good it is; the orders are generated from the plans while their rating and
 * follow-up counts are summed per provider (ProviderStats); then `providerDocuments` writes the providers
 * with those exact aggregates and the formula's reputation.
 */
import type { OrgUnit } from '../core/model/org-unit.model';
import type { OfferingPricing, Offering } from '../core/model/offering.model';
import type { Provider, Qualification } from '../core/model/provider.model';
import type { ProviderStatus } from '../core/lifecycle/provider.lifecycle';
import type { EvaluationGrade, RatingPrior } from '../core/reputation/reputation.formula';
import type { StarCounts } from '../core/reputation/ratings.aggregate';
import { computeReputation } from '../core/reputation/reputation.formula';
import type { IndicatorCounts } from '../core/providers/evaluation-indicators';
import { industriesOfItemIds } from './demo-governance';
import { CATALOG_ITEMS } from '../core/catalog/catalog.data';
import { BRAND_WORDS, ROAD_NAMES, landline, mobilePhone, personName } from './names.data';
import { Rng } from './prng';
import {
  OFFERING_DESCRIPTIONS,
  PRICE_PROFILES,
  PROVIDER_TEMPLATES,
  type ProviderTemplate,
} from './provider-templates.data';
import type { YulinGeography } from './yulin.geography';
import {
  CITY_WIDE_CORE_KINDS,
  DISTRICT_WIDE_CORE_KINDS,
  DEMO_STAFF_TEMPLATE,
  REGIONAL_PROVIDERS,
} from './service-coverage.data';
import {
  CITY_ID,
  DAY_MS,
  DEMO_COMMUNITY_ID,
  DEMO_SECOND_COMMUNITY_ID,
  DEMO_PROVIDER_MANAGER_OPENID,
  DEMO_PROVIDER_MEMBER_OPENID,
} from './demo.constants';

/** The first providers (three rounds of every template) all serve the demo community in 玉州区. */
export const DEMO_CORE_PROVIDER_COUNT = PROVIDER_TEMPLATES.length * 3;

/**
 * The core providers and then the regional ones (service-coverage.data.ts): placed, not drawn, and active,
 * so every community reaches the common items at the default size. Later providers are drawn at random.
 */
export const PLANNED_PROVIDER_COUNT = DEMO_CORE_PROVIDER_COUNT + REGIONAL_PROVIDERS.length;

const CATEGORY_OF_ITEM = new Map(CATALOG_ITEMS.map((item) => [item.id, item.categoryId]));
const ITEM_NAMES = new Map(CATALOG_ITEMS.map((item) => [item.id, item.name]));

export interface PlannedOffering {
  readonly id: string;
  readonly itemId: string;
  readonly categoryId: string;
  readonly pricing: OfferingPricing;
  readonly description: string;
}

export interface ProviderPlan {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly template: ProviderTemplate;
  readonly creditCode: string;
  readonly legalRepresentative: string;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly address: string;
  readonly home: OrgUnit;
  readonly area: readonly OrgUnit[];
  readonly offerings: readonly PlannedOffering[];
  readonly status: ProviderStatus;
  readonly statusChangedAt: number;
  readonly rectifyDeadline: number | null;
  readonly agreementSignedAt: number;
  /** The mean stars its residents give (what the simulated ratings centre on). */
  readonly quality: number;
  /** Share of follow-ups recorded on time. */
  readonly punctuality: number;
  /** Relative share of orders. */
  readonly popularity: number;
  readonly evaluationGrade: EvaluationGrade | null;
  readonly managerOpenid: string;
  readonly memberOpenid: string | null;
  readonly managerName: string;
}

const PERIOD_FIELDS = [
  'followUpsDue',
  'followUpsOnTime',
  'upheldComplaints',
  'ordersOffered',
  'ordersExpired',
  'ordersDeclined',
] as const;

/** Integer aggregates per provider, summed while the orders are generated. */
export class ProviderStats {
  readonly ratingCount: Int32Array;
  readonly ratingSum: Int32Array;
  readonly starCounts: Int32Array;
  readonly followUpsDue: Int32Array;
  readonly followUpsOnTime: Int32Array;
  readonly upheldComplaints: Int32Array;
  /**
   * The evaluated period of each provider's latest evaluation ([from, to), NaN: none) and what fell in it,
   * counted as core/providers/evaluation-indicators.ts counts them: counted ratings per star by their time,
   * follow-ups by their due time (due: recorded or overdue; on time), complaints upheld by their handling
   * time, orders offered / expired / declined by their creation (statuses as of now).
   */
  readonly periodFrom: Float64Array;
  readonly periodTo: Float64Array;
  readonly periodStars: Int32Array;
  /** Per provider: followUpsDue, followUpsOnTime, upheldComplaints, ordersOffered, ordersExpired, ordersDeclined. */
  readonly periodCounts: Int32Array;

  constructor(readonly size: number) {
    this.ratingCount = new Int32Array(size);
    this.ratingSum = new Int32Array(size);
    this.starCounts = new Int32Array(size * 5);
    this.followUpsDue = new Int32Array(size);
    this.followUpsOnTime = new Int32Array(size);
    this.upheldComplaints = new Int32Array(size);
    this.periodFrom = new Float64Array(size).fill(Number.NaN);
    this.periodTo = new Float64Array(size).fill(Number.NaN);
    this.periodStars = new Int32Array(size * 5);
    this.periodCounts = new Int32Array(size * PERIOD_FIELDS.length);
  }

  setPeriod(provider: number, period: { readonly from: number; readonly to: number }): void {
    this.periodFrom[provider] = period.from;
    this.periodTo[provider] = period.to;
  }

  private inPeriod(provider: number, at: number): boolean {
    return at >= this.periodFrom[provider]! && at < this.periodTo[provider]!;
  }

  private count(provider: number, field: (typeof PERIOD_FIELDS)[number]): void {
    this.periodCounts[provider * PERIOD_FIELDS.length + PERIOD_FIELDS.indexOf(field)]! += 1;
  }

  addPeriodRating(provider: number, at: number, stars: number): void {
    if (this.inPeriod(provider, at)) this.periodStars[provider * 5 + stars - 1]! += 1;
  }

  addPeriodFollowUp(provider: number, dueAt: number, due: boolean, onTime: boolean): void {
    if (!this.inPeriod(provider, dueAt)) return;
    if (due) this.count(provider, 'followUpsDue');
    if (onTime) this.count(provider, 'followUpsOnTime');
  }

  addPeriodUpheldComplaint(provider: number, handledAt: number): void {
    if (this.inPeriod(provider, handledAt)) this.count(provider, 'upheldComplaints');
  }

  addPeriodOrder(provider: number, createdAt: number, status: string): void {
    if (!this.inPeriod(provider, createdAt)) return;
    this.count(provider, 'ordersOffered');
    if (status === 'expired') this.count(provider, 'ordersExpired');
    if (status === 'declined') this.count(provider, 'ordersDeclined');
  }

  /** The counts of provider `i`'s period, as the indicators are made of. */
  periodCountsOf(provider: number): IndicatorCounts {
    const at = (field: (typeof PERIOD_FIELDS)[number]) =>
      this.periodCounts[provider * PERIOD_FIELDS.length + PERIOD_FIELDS.indexOf(field)]!;
    const s = this.periodStars;
    const i = provider * 5;
    return {
      starCounts: [s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!, s[i + 4]!],
      followUpsDue: at('followUpsDue'),
      followUpsOnTime: at('followUpsOnTime'),
      upheldComplaints: at('upheldComplaints'),
      ordersOffered: at('ordersOffered'),
      ordersExpired: at('ordersExpired'),
      ordersDeclined: at('ordersDeclined'),
    };
  }

  addRating(provider: number, stars: number): void {
    this.ratingCount[provider]! += 1;
    this.ratingSum[provider]! += stars;
    this.starCounts[provider * 5 + stars - 1]! += 1;
  }

  addFollowUp(provider: number, onTime: boolean): void {
    this.followUpsDue[provider]! += 1;
    if (onTime) this.followUpsOnTime[provider]! += 1;
  }

  totals(): { ratingCount: number; ratingSum: number } {
    let ratingCount = 0;
    let ratingSum = 0;
    for (let i = 0; i < this.size; i += 1) {
      ratingCount += this.ratingCount[i]!;
      ratingSum += this.ratingSum[i]!;
    }
    return { ratingCount, ratingSum };
  }
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A well-formed 统一社会信用代码 (GB 32100-2015 check character), unique per `serial`. Fake, of course. */
export function demoCreditCode(prefix: string, regionCode: string, serial: number, rng: Rng): string {
  let body = '';
  let n = serial;
  for (let i = 0; i < 7; i += 1) {
    body = CREDIT_CHARS[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = prefix + regionCode + CREDIT_CHARS[rng.int(0, 30)]! + CREDIT_CHARS[rng.int(0, 30)]! + body;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return first17 + CREDIT_CHARS[check]!;
}

export function providerId(index: number): string {
  return `prv-${String(index + 1).padStart(6, '0')}`;
}

function planPricing(itemId: string, rng: Rng): OfferingPricing {
  const profile = PRICE_PROFILES[itemId];
  if (profile === undefined || rng.chance(profile.freeShare)) return { kind: 'free' };
  const marketYuan = rng.int(profile.marketMinYuan, profile.marketMaxYuan);
  let priceYuan = Math.max(1, Math.floor(marketYuan * (0.5 + rng.next() * 0.4)));
  if (priceYuan >= marketYuan) priceYuan = marketYuan - 1;
  return { kind: 'low_fee', priceFen: priceYuan * 100, marketPriceFen: marketYuan * 100, unit: profile.unit };
}

function gradeFor(quality: number, status: ProviderStatus): EvaluationGrade {
  if (status === 'rectifying' || status === 'removed') return 'unqualified';
  if (quality >= 4.5) return 'excellent';
  if (quality >= 3.8) return 'qualified';
  return 'basically_qualified';
}

interface StatusPlan {
  readonly status: ProviderStatus;
  readonly changedAgoDays: number;
}

function statusFor(index: number, count: number, rng: Rng): StatusPlan {
  // The last three are fixed so every size has one of each for tests and the demo.
  if (index === count - 1) return { status: 'removed', changedAgoDays: 40 };
  if (index === count - 2) return { status: 'suspended', changedAgoDays: 15 };
  if (index === count - 3) return { status: 'rectifying', changedAgoDays: 10 };
  if (index < PLANNED_PROVIDER_COUNT) return { status: 'active', changedAgoDays: 0 };
  const roll = rng.next();
  if (roll < 0.01) return { status: 'suspended', changedAgoDays: rng.int(3, 60) };
  if (roll < 0.02) return { status: 'rectifying', changedAgoDays: rng.int(3, 25) };
  if (roll < 0.03) return { status: 'removed', changedAgoDays: rng.int(10, 200) };
  return { status: 'active', changedAgoDays: 0 };
}

/** What planning shares across providers: the places of the demo layout, and names already taken. */
interface PlanningContext {
  readonly seed: number;
  readonly count: number;
  readonly geo: YulinGeography;
  readonly now: number;
  readonly city: OrgUnit;
  readonly yuzhou: OrgUnit;
  readonly demoCommunity: OrgUnit;
  readonly demoStreet: OrgUnit;
  readonly demoStreetCommunities: readonly OrgUnit[];
  readonly yuzhouUrban: readonly OrgUnit[];
  readonly usedNames: Set<string>;
  readonly branches: Map<string, number>;
}

/**
 * Who every provider is. `count` providers; provider i depends only on (seed, i) and, for the last three,
 * on `count` (their statuses). Names are unique within one call.
 */
export function planProviders(seed: number, count: number, geo: YulinGeography, now: number): ProviderPlan[] {
  const yuzhou = geo.counties[0]!;
  const demoCommunity = geo.byId.get(DEMO_COMMUNITY_ID)!;
  const demoStreet = geo.byId.get(demoCommunity.parentId!)!;
  const ctx: PlanningContext = {
    seed,
    count,
    geo,
    now,
    city: geo.byId.get(CITY_ID)!,
    yuzhou,
    demoCommunity,
    demoStreet,
    demoStreetCommunities: geo.communities.filter((c) => c.parentId === demoStreet._id),
    yuzhouUrban: geo.communities.filter((c) => c.path.startsWith(yuzhou.path) && c.kind === 'urban'),
    usedNames: new Set<string>(),
    branches: new Map<string, number>(),
  };
  const plans: ProviderPlan[] = [];
  for (let index = 0; index < count; index += 1) plans.push(planProvider(ctx, index));
  return plans;
}

/** Where a provider is based and the units it serves. */
interface Placement {
  readonly template: ProviderTemplate;
  readonly home: OrgUnit;
  readonly area: readonly OrgUnit[];
}

/**
 * The core providers around the demo community, by round: 玉州区, 玉城街道, then 东门社区 and a neighbour; the
 * kinds that carry the common items serve wider in rounds 0 and 1 (service-coverage.data.ts). The first is
 * the demo staff's housekeeping centre, serving the communities of both demo residents.
 */
function placeCoreProvider(ctx: PlanningContext, index: number): Placement {
  const { yuzhouUrban, demoStreetCommunities, demoCommunity } = ctx;
  if (index === 0) {
    const second = ctx.geo.byId.get(DEMO_SECOND_COMMUNITY_ID)!;
    return { template: DEMO_STAFF_TEMPLATE, home: demoCommunity, area: [demoCommunity, second] };
  }
  const template = PROVIDER_TEMPLATES[index % PROVIDER_TEMPLATES.length]!;
  const round = Math.floor(index / PROVIDER_TEMPLATES.length);
  if (round === 0) {
    const area = CITY_WIDE_CORE_KINDS.has(template.key) ? ctx.city : ctx.yuzhou;
    return { template, home: yuzhouUrban[index % yuzhouUrban.length]!, area: [area] };
  }
  if (round === 1) {
    const area = DISTRICT_WIDE_CORE_KINDS.has(template.key) ? ctx.yuzhou : ctx.demoStreet;
    return { template, home: demoStreetCommunities[index % demoStreetCommunities.length]!, area: [area] };
  }
  const neighbour = demoStreetCommunities[1 + (index % (demoStreetCommunities.length - 1))]!;
  return { template, home: demoCommunity, area: [demoCommunity, neighbour] };
}

/** The regional providers that carry the common items beyond 玉州区 (service-coverage.data.ts). */
function placeRegionalProvider({ geo }: PlanningContext, index: number): Placement {
  const spec = REGIONAL_PROVIDERS[index - DEMO_CORE_PROVIDER_COUNT]!;
  return {
    template: spec.template,
    home: geo.byId.get(spec.homeId)!,
    area: spec.areaIds.map((id) => geo.byId.get(id)!),
  };
}

function placeProvider(ctx: PlanningContext, index: number, rng: Rng): Placement {
  if (index < DEMO_CORE_PROVIDER_COUNT) return placeCoreProvider(ctx, index);
  if (index < PLANNED_PROVIDER_COUNT) return placeRegionalProvider(ctx, index);
  return placeRandomProvider(ctx, rng);
}

/** Any other provider: a random kind in a random community, serving it, its street or its county. */
function placeRandomProvider({ geo }: PlanningContext, rng: Rng): Placement {
  const template = rng.pick(PROVIDER_TEMPLATES);
  const home = rng.pick(geo.communities);
  const roll = rng.next();
  const street = geo.byId.get(home.parentId!)!;
  const area = roll < 0.4 ? [home] : roll < 0.75 ? [street] : [geo.byId.get(street.parentId!)!];
  return { template, home, area };
}

/** A name unique within the plans: county prefix, brand word, the kind's suffix; numbered branches past that. */
function uniqueName(ctx: PlanningContext, prefix: string, template: ProviderTemplate, rng: Rng): string {
  let name = '';
  for (let attempt = 0; attempt < 5 && (name === '' || ctx.usedNames.has(name)); attempt += 1) {
    name = `${prefix}${rng.pick(BRAND_WORDS)}${rng.pick(template.suffixes)}`;
  }
  if (ctx.usedNames.has(name)) {
    // Past a few thousand providers the plain names run out: number the branches (二号店...).
    const branch = (ctx.branches.get(name) ?? 1) + 1;
    ctx.branches.set(name, branch);
    name = `${name}（${branch}号店）`;
  }
  ctx.usedNames.add(name);
  return name;
}

/** What the provider offers: every item of its kind for the planned ones, a random subset for the rest. */
function planOfferings(id: string, itemIds: readonly string[], rng: Rng): PlannedOffering[] {
  return itemIds.map((itemId, k): PlannedOffering => {
    const pricing = planPricing(itemId, rng);
    return {
      id: `off-${id.slice(4)}-${k + 1}`,
      itemId,
      categoryId: CATEGORY_OF_ITEM.get(itemId)!,
      pricing,
      description: rng.pick(
        pricing.kind === 'free' ? OFFERING_DESCRIPTIONS.free : OFFERING_DESCRIPTIONS.lowFee,
      ),
    };
  });
}

/** How good the provider is (what simulated ratings centre on), fixed for the providers tests rely on. */
function qualityOf(index: number, status: ProviderStatus, rng: Rng): number {
  const drawn = 3.3 + 1.65 * Math.pow(rng.next(), 0.6);
  if (status === 'removed') return 2.4;
  if (status === 'rectifying') return 3.0;
  if (status === 'suspended') return 3.3;
  return index === 0 ? 4.6 : drawn;
}

function planProvider(ctx: PlanningContext, index: number): ProviderPlan {
  const { geo, now } = ctx;
  const rng = Rng.derive(ctx.seed, 'provider', index);
  const id = providerId(index);
  const planned = index < PLANNED_PROVIDER_COUNT;
  const { template, home, area } = placeProvider(ctx, index, rng);
  const homeStreet = geo.byId.get(home.parentId!)!;
  const county = geo.byId.get(homeStreet.parentId!)!;
  const countySeed = geo.countySeeds.get(county._id)!;
  const name = uniqueName(ctx, countySeed.namePrefix, template, rng);
  const itemIds = planned
    ? [...template.itemIds]
    : template.itemIds.filter((_, i) => i === 0 || rng.chance(0.7));
  const offerings = planOfferings(id, itemIds, rng);
  const { status, changedAgoDays } = statusFor(index, ctx.count, rng);
  const quality = qualityOf(index, status, rng);
  const punctuality = status === 'rectifying' || status === 'removed' ? 0.55 : 0.75 + rng.next() * 0.24;
  const agreementSignedAt = now - (400 + rng.int(0, 500)) * DAY_MS - rng.int(0, 86_399) * 1000;
  const statusChangedAt =
    status === 'active' ? agreementSignedAt : now - changedAgoDays * DAY_MS - rng.int(0, 86_399) * 1000;
  const demoStaff = index === 0;
  return {
    index,
    id,
    name,
    template,
    creditCode: demoCreditCode(template.creditPrefix, county.divisionCode ?? county._id, index, rng),
    legalRepresentative: personName(rng),
    contactName: personName(rng),
    contactPhone: rng.chance(0.4) ? landline(rng) : mobilePhone(rng),
    address: `${countySeed.namePrefix}${homeStreet.name}${rng.pick(ROAD_NAMES)}${rng.int(1, 388)}号`,
    home,
    area,
    offerings,
    status,
    statusChangedAt,
    rectifyDeadline: status === 'rectifying' ? statusChangedAt + 30 * DAY_MS : null,
    agreementSignedAt,
    quality,
    punctuality,
    popularity: 0.3 + rng.next() * 1.7,
    evaluationGrade: gradeFor(quality, status),
    managerOpenid: demoStaff ? DEMO_PROVIDER_MANAGER_OPENID : `sim-staff-${id}`,
    memberOpenid: demoStaff ? DEMO_PROVIDER_MEMBER_OPENID : null,
    managerName: demoStaff ? '梁志强' : personName(rng),
  };
}

/** The year whose evaluation is the latest one on `now`'s date (the previous calendar year). */
export function latestEvaluationYear(now: number): number {
  return new Date(now + 8 * 3_600_000).getUTCFullYear() - 1;
}

/** The grade of the provider's latest yearly evaluation, or null when it joined after that evaluation. */
export function latestGradeOf(plan: ProviderPlan, now: number): EvaluationGrade | null {
  const year = latestEvaluationYear(now);
  return plan.evaluationGrade !== null && plan.agreementSignedAt < Date.UTC(year, 11, 1)
    ? plan.evaluationGrade
    : null;
}

function qualificationsOf(plan: ProviderPlan, year: number): Qualification[] {
  return [
    { name: '营业执照', number: plan.creditCode, fileIds: [] },
    ...plan.template.qualifications.map((name, i): Qualification => ({
      name,
      number: `桂${plan.creditCode.slice(8, 14)}${String(i + 1).padStart(2, '0')}`,
      validUntil: `${year + 3}-12-31`,
      fileIds: [],
    })),
  ];
}

const MANAGEMENT_RULES =
  '一、服务人员持证上岗，统一着装、亮证服务；二、服务项目和收费标准在社区公示栏公示；三、服务完成后 3 日内回访；四、投诉 24 小时内响应、7 日内办结；五、服务台账按月报送社区。';

export interface ProviderDocuments {
  readonly provider: Provider;
  readonly offerings: Offering[];
}

/** The provider and its offerings, with the aggregates summed from the generated orders. */
export function providerDocuments(
  plan: ProviderPlan,
  stats: ProviderStats,
  prior: RatingPrior,
  now: number,
  evaluation: LatestEvaluation | null = defaultLatestEvaluation(plan, now),
): ProviderDocuments {
  const provider = providerDocument(plan, stats, prior, evaluation, now);
  return { provider, offerings: offeringDocuments(plan, provider, now) };
}

type ProviderAggregates = Pick<
  Provider,
  'ratingCount' | 'ratingSum' | 'starCounts' | 'followUpsDue' | 'followUpsOnTime' | 'upheldComplaints'
>;

/** The aggregates of provider `i`, as the reputation formula and the provider record hold them. */
function aggregatesOf(stats: ProviderStats, i: number): ProviderAggregates {
  return {
    ratingCount: stats.ratingCount[i]!,
    ratingSum: stats.ratingSum[i]!,
    starCounts: [
      stats.starCounts[i * 5]!,
      stats.starCounts[i * 5 + 1]!,
      stats.starCounts[i * 5 + 2]!,
      stats.starCounts[i * 5 + 3]!,
      stats.starCounts[i * 5 + 4]!,
    ] as StarCounts,
    followUpsDue: stats.followUpsDue[i]!,
    followUpsOnTime: stats.followUpsOnTime[i]!,
    upheldComplaints: stats.upheldComplaints[i]!,
  };
}

/** The grade and year of a provider's latest published evaluation. */
export interface LatestEvaluation {
  readonly grade: EvaluationGrade;
  readonly year: number;
}

function defaultLatestEvaluation(plan: ProviderPlan, now: number): LatestEvaluation | null {
  const grade = latestGradeOf(plan, now);
  return grade === null ? null : { grade, year: latestEvaluationYear(now) };
}

function providerDocument(
  plan: ProviderPlan,
  stats: ProviderStats,
  prior: RatingPrior,
  evaluation: LatestEvaluation | null,
  now: number,
): Provider {
  const { ratingCount, ratingSum, starCounts, followUpsDue, followUpsOnTime, upheldComplaints } =
    aggregatesOf(stats, plan.index);
  const evaluationYear = latestEvaluationYear(now);
  const grade = evaluation?.grade ?? null;
  const reputation = computeReputation(
    {
      ratings: { ratingCount, ratingSum },
      followUps: { due: followUpsDue, onTime: followUpsOnTime },
      latestEvaluationGrade: grade,
      upheldComplaints,
    },
    prior,
  );
  const itemNames = plan.offerings.map((o) => ITEM_NAMES.get(o.itemId) ?? '').join('、');
  return {
    _id: plan.id,
    name: plan.name,
    creditCode: plan.creditCode,
    legalRepresentative: plan.legalRepresentative,
    contactName: plan.contactName,
    contactPhone: plan.contactPhone,
    address: plan.address,
    introduction: `${plan.name}位于${plan.address}，主要为辖区居民提供${itemNames}等服务。`,
    managementRules: MANAGEMENT_RULES,
    qualifications: qualificationsOf(plan, evaluationYear),
    orgPath: plan.home.path,
    serviceAreaUnitIds: plan.area.map((u) => u._id),
    serviceAreaPaths: plan.area.map((u) => u.path),
    itemIds: plan.offerings.map((o) => o.itemId),
    status: plan.status,
    statusChangedAt: plan.statusChangedAt,
    rectifyDeadline: plan.rectifyDeadline,
    blacklisted: plan.status === 'removed',
    applicationId: applicationIdOf(plan),
    agreementSignedAt: plan.agreementSignedAt,
    ratingCount,
    ratingSum,
    starCounts,
    followUpsDue,
    followUpsOnTime,
    latestEvaluationGrade: grade,
    latestEvaluationYear: evaluation?.year ?? null,
    upheldComplaints,
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    redStar: reputation.redStar,
    reputationUpdatedAt: now,
    // As the agreement's activation writes it (the Provider type does not name it yet).
    ...({ industries: industriesOfItemIds(plan.offerings.map((o) => o.itemId)) } as object),
    createdAt: plan.agreementSignedAt,
    updatedAt: Math.max(plan.statusChangedAt, plan.agreementSignedAt),
  };
}

/** The offerings, with the copies of the provider's area, status and score that matching filters on. */
function offeringDocuments(plan: ProviderPlan, provider: Provider, now: number): Offering[] {
  return plan.offerings.map((o): Offering => ({
    _id: o.id,
    providerId: plan.id,
    providerName: plan.name,
    itemId: o.itemId,
    categoryId: o.categoryId,
    pricing: o.pricing,
    description: o.description,
    active: true,
    servedPaths: provider.serviceAreaPaths,
    providerStatus: plan.status,
    providerBlacklisted: provider.blacklisted,
    reputation: provider.reputation,
    starLevel: provider.starLevel,
    ratingCount: provider.ratingCount,
    orgPath: plan.home.path,
    createdAt: plan.agreementSignedAt,
    updatedAt: now,
  }));
}

/** Providers up to this index come with their (signed) application record; later ones were imported. */
export const PROVIDERS_WITH_APPLICATIONS = 500;

export function applicationIdOf(plan: Pick<ProviderPlan, 'index' | 'id'>): string | null {
  return plan.index < PROVIDERS_WITH_APPLICATIONS ? `app-${plan.id.slice(4)}` : null;
}
