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
import { computeReputation } from '../core/reputation/reputation.formula';
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
  DAY_MS,
  DEMO_COMMUNITY_ID,
  DEMO_PROVIDER_MANAGER_OPENID,
  DEMO_PROVIDER_MEMBER_OPENID,
} from './demo.constants';

/** The first providers (three rounds of every template) all serve the demo community in 玉州区. */
export const DEMO_CORE_PROVIDER_COUNT = PROVIDER_TEMPLATES.length * 3;

const CATEGORY_OF_ITEM = new Map(CATALOG_ITEMS.map((item) => [item.id, item.categoryId]));

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

/** Integer aggregates per provider, summed while the orders are generated. */
export class ProviderStats {
  readonly ratingCount: Int32Array;
  readonly ratingSum: Int32Array;
  readonly starCounts: Int32Array;
  readonly followUpsDue: Int32Array;
  readonly followUpsOnTime: Int32Array;
  readonly upheldComplaints: Int32Array;

  constructor(readonly size: number) {
    this.ratingCount = new Int32Array(size);
    this.ratingSum = new Int32Array(size);
    this.starCounts = new Int32Array(size * 5);
    this.followUpsDue = new Int32Array(size);
    this.followUpsOnTime = new Int32Array(size);
    this.upheldComplaints = new Int32Array(size);
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
  if (index < DEMO_CORE_PROVIDER_COUNT) return { status: 'active', changedAgoDays: 0 };
  const roll = rng.next();
  if (roll < 0.01) return { status: 'suspended', changedAgoDays: rng.int(3, 60) };
  if (roll < 0.02) return { status: 'rectifying', changedAgoDays: rng.int(3, 25) };
  if (roll < 0.03) return { status: 'removed', changedAgoDays: rng.int(10, 200) };
  return { status: 'active', changedAgoDays: 0 };
}

/**
 * Who every provider is. `count` providers; provider i depends only on (seed, i) and, for the last three,
 * on `count` (their statuses). Names are unique within one call.
 */
export function planProviders(seed: number, count: number, geo: YulinGeography, now: number): ProviderPlan[] {
  const yuzhou = geo.counties[0]!;
  const demoCommunity = geo.byId.get(DEMO_COMMUNITY_ID)!;
  const demoStreet = geo.byId.get(demoCommunity.parentId!)!;
  const demoStreetCommunities = geo.communities.filter((c) => c.parentId === demoStreet._id);
  const yuzhouUrban = geo.communities.filter((c) => c.path.startsWith(yuzhou.path) && c.kind === 'urban');
  const usedNames = new Set<string>();
  const branches = new Map<string, number>();
  const plans: ProviderPlan[] = [];

  for (let index = 0; index < count; index += 1) {
    const rng = Rng.derive(seed, 'provider', index);
    const id = providerId(index);
    const core = index < DEMO_CORE_PROVIDER_COUNT;
    const template = core
      ? PROVIDER_TEMPLATES[index % PROVIDER_TEMPLATES.length]!
      : rng.pick(PROVIDER_TEMPLATES);

    let home: OrgUnit;
    let area: OrgUnit[];
    if (core) {
      const round = Math.floor(index / PROVIDER_TEMPLATES.length);
      if (round === 0) {
        home = yuzhouUrban[index % yuzhouUrban.length]!;
        area = [yuzhou];
      } else if (round === 1) {
        home = demoStreetCommunities[index % demoStreetCommunities.length]!;
        area = [demoStreet];
      } else {
        home = demoCommunity;
        area = [demoCommunity, demoStreetCommunities[1 + (index % (demoStreetCommunities.length - 1))]!];
      }
    } else {
      home = rng.pick(geo.communities);
      const roll = rng.next();
      const street = geo.byId.get(home.parentId!)!;
      area = roll < 0.4 ? [home] : roll < 0.75 ? [street] : [geo.byId.get(street.parentId!)!];
    }
    const homeStreet = geo.byId.get(home.parentId!)!;
    const county = geo.byId.get(homeStreet.parentId!)!;
    const countySeed = geo.countySeeds.get(county._id)!;

    let name = '';
    for (let attempt = 0; attempt < 5 && (name === '' || usedNames.has(name)); attempt += 1) {
      name = `${countySeed.namePrefix}${rng.pick(BRAND_WORDS)}${rng.pick(template.suffixes)}`;
    }
    if (usedNames.has(name)) {
      // Past a few thousand providers the plain names run out: number the branches (二号店...).
      const branch = (branches.get(name) ?? 1) + 1;
      branches.set(name, branch);
      name = `${name}（${branch}号店）`;
    }
    usedNames.add(name);

    const itemIds = core
      ? [...template.itemIds]
      : template.itemIds.filter((_, i) => i === 0 || rng.chance(0.7));
    const offerings = itemIds.map((itemId, k): PlannedOffering => {
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

    const statusPlan = statusFor(index, count, rng);
    const status = statusPlan.status;
    let quality = 3.3 + 1.65 * Math.pow(rng.next(), 0.6);
    if (index === 0) quality = 4.6;
    if (status === 'removed') quality = 2.4;
    if (status === 'rectifying') quality = 3.0;
    if (status === 'suspended') quality = 3.3;
    const punctuality = status === 'rectifying' || status === 'removed' ? 0.55 : 0.75 + rng.next() * 0.24;
    const agreementSignedAt = now - (400 + rng.int(0, 500)) * DAY_MS - rng.int(0, 86_399) * 1000;
    const statusChangedAt =
      status === 'active'
        ? agreementSignedAt
        : now - statusPlan.changedAgoDays * DAY_MS - rng.int(0, 86_399) * 1000;

    plans.push({
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
      managerOpenid: index === 0 ? DEMO_PROVIDER_MANAGER_OPENID : `sim-staff-${id}`,
      memberOpenid: index === 0 ? DEMO_PROVIDER_MEMBER_OPENID : null,
      managerName: index === 0 ? '梁志强' : personName(rng),
    });
  }
  return plans;
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
): ProviderDocuments {
  const i = plan.index;
  const ratingCount = stats.ratingCount[i]!;
  const ratingSum = stats.ratingSum[i]!;
  const followUpsDue = stats.followUpsDue[i]!;
  const followUpsOnTime = stats.followUpsOnTime[i]!;
  const upheldComplaints = stats.upheldComplaints[i]!;
  const evaluationYear = latestEvaluationYear(now);
  const grade = latestGradeOf(plan, now);
  const reputation = computeReputation(
    {
      ratings: { ratingCount, ratingSum },
      followUps: { due: followUpsDue, onTime: followUpsOnTime },
      latestEvaluationGrade: grade,
      upheldComplaints,
    },
    prior,
  );
  const itemNames = plan.offerings
    .map((o) => CATALOG_ITEMS.find((item) => item.id === o.itemId)?.name ?? '')
    .join('、');
  const provider: Provider = {
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
    starCounts: [
      stats.starCounts[i * 5]!,
      stats.starCounts[i * 5 + 1]!,
      stats.starCounts[i * 5 + 2]!,
      stats.starCounts[i * 5 + 3]!,
      stats.starCounts[i * 5 + 4]!,
    ],
    followUpsDue,
    followUpsOnTime,
    latestEvaluationGrade: grade,
    latestEvaluationYear: grade === null ? null : evaluationYear,
    upheldComplaints,
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    redStar: reputation.redStar,
    reputationUpdatedAt: now,
    createdAt: plan.agreementSignedAt,
    updatedAt: Math.max(plan.statusChangedAt, plan.agreementSignedAt),
  };
  const offerings = plan.offerings.map((o): Offering => ({
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
    ratingCount,
    orgPath: plan.home.path,
    createdAt: plan.agreementSignedAt,
    updatedAt: now,
  }));
  return { provider, offerings };
}

/** Providers up to this index come with their (signed) application record; later ones were imported. */
export const PROVIDERS_WITH_APPLICATIONS = 500;

export function applicationIdOf(plan: Pick<ProviderPlan, 'index' | 'id'>): string | null {
  return plan.index < PROVIDERS_WITH_APPLICATIONS ? `app-${plan.id.slice(4)}` : null;
}
