/**
 * The governance records of the seeded providers, built with the core's own builders (never a rule written
 * again here): the review records of their applications (the incubation centre's and each industry
 * regulator's assessment, core/providers/application-review.usecase.ts `assessmentRecord`), the signed
 * agreement (core/providers/agreement-sign.usecase.ts `agreementRecord`, the text hash of
 * core/providers/agreement.text.ts), their evaluations inside yearly (or, for a removed provider, ad hoc)
 * campaigns with the indicators of core/providers/evaluation-indicators.ts `indicatorsOf` over the seeded
 * orders of the period, the regulator report of a removal (core/providers/removal-steps.usecase.ts
 * `regulatorReportOf`) and the red-star board rows (core/providers/red-star-board.ts `boardRowsOf`).
 */
import type { ActingAs } from '../core/auth/roles';
import { CATALOG_CATEGORIES, CATALOG_ITEMS } from '../core/catalog/catalog.data';
import type { PlatformConfig } from '../core/kernel/platform.config';
import type {
  Agreement,
  Application,
  ApplicationAssessment,
  AssessmentSheet,
} from '../core/model/application.model';
import type {
  Evaluation,
  EvaluationCampaign,
  EvaluationKind,
  EvaluationOutcome,
  EvaluationReview,
  RegulatorReport,
} from '../core/model/evaluation.model';
import { industryOf, type Industry } from '../core/model/industry.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import { agreementRecord } from '../core/providers/agreement-sign.usecase';
import { agreementTextOf } from '../core/providers/agreement.text';
import { industriesOfItems } from '../core/providers/application-access';
import { assessmentRecord } from '../core/providers/application-review.usecase';
import { evaluationPeriod } from '../core/providers/evaluation-indicators';
import { regulatorPathsAbove } from '../core/providers/evaluation-support';
import { regulatorReportOf } from '../core/providers/removal-steps.usecase';
import type { EvaluationGrade } from '../core/reputation/reputation.formula';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_COUNTY_ID } from './demo.constants';
import type { Rng } from './prng';

const CATEGORY_INDUSTRY = new Map(CATALOG_CATEGORIES.map((c) => [c.id, industryOf(c)]));
const ITEM_CATEGORY = new Map(CATALOG_ITEMS.map((i) => [i.id, i.categoryId]));
export const ITEM_NAMES: ReadonlyMap<string, string> = new Map(CATALOG_ITEMS.map((i) => [i.id, i.name]));

/** The industry of a catalog item (its category's), as the use cases read it from the catalog. */
export function industryOfItem(itemId: string): Industry {
  return industryOf({ industry: CATEGORY_INDUSTRY.get(ITEM_CATEGORY.get(itemId) ?? '') ?? null });
}

/** The distinct industries of some items, sorted (what an application and its provider carry). */
export function industriesOfItemIds(itemIds: readonly string[]): Industry[] {
  return industriesOfItems(itemIds.map((itemId) => ({ industry: industryOfItem(itemId) })));
}

/** The unit id of a path's level (1 city, 2 county, 3 street, 4 community). */
function levelId(path: string, level: number): string {
  return path.split('/')[level] ?? '';
}

/**
 * The regulator of an industry for a unit: the demo identities where their grants reach (玉州区市场监督管理局
 * for market regulation in 玉州区, 玉林市民政局 for civil affairs everywhere), a simulated county regulator of
 * that industry elsewhere.
 */
export function regulatorOf(unitPath: string, industry: Industry): ActingAs {
  if (industry === 'civil_affairs') return { openid: 'demo-city-regulator-1', role: 'industry_regulator' };
  if (industry === 'market_regulation' && levelId(unitPath, 2) === DEMO_COUNTY_ID) {
    return { openid: 'demo-regulator-1', role: 'industry_regulator' };
  }
  return { openid: `sim-regulator-${levelId(unitPath, 2)}-${industry}`, role: 'industry_regulator' };
}

/** Who acted for a unit (a community): the demo identities in the demo community, simulated ones elsewhere. */
export function unitActor(role: 'worker' | 'leader', unitPath: string): ActingAs {
  const communityId = levelId(unitPath, 4) || levelId(unitPath, 3) || levelId(unitPath, 2);
  if (communityId === DEMO_COMMUNITY_ID) return { openid: `demo-community-${role}-1`, role };
  return { openid: `sim-${role}-${communityId}`, role };
}

const INCUBATION_COMMENTS = [
  '资质齐全，管理制度健全，收费低于市场价',
  '服务人员持证上岗，场地和设备满足需要',
  '服务承诺明确，辖区居民需求大，建议入驻',
] as const;
const REGULATOR_COMMENTS = [
  '符合行业管理要求，资质在有效期内',
  '行业资质和从业人员条件符合要求',
  '经核查无不良记录，同意入驻',
] as const;

function sheetOf(rng: Rng, quality: number): AssessmentSheet {
  // Accepted applicants score well; the better the provider turned out, the higher it started.
  const low = quality >= 4.3 ? 16 : quality >= 3.6 ? 14 : 12;
  return {
    qualification: rng.int(low, 20),
    management: rng.int(low, 20),
    service: rng.int(low, 20),
    price: rng.int(low, 20),
    capacity: rng.int(low - 1, 19),
  };
}

/**
 * The review records of an application: the incubation centre (a worker of the unit) and one assessment per
 * industry of its items, by that industry's regulator, between the review's start and the notice.
 */
export function assessmentsOf(
  application: Pick<Application, '_id' | 'orgPath'>,
  industries: readonly Industry[],
  review: { readonly startedAt: number; readonly noticeAt: number; readonly quality: number },
  rng: Rng,
  which: 'all' | 'incubation' = 'all',
): ApplicationAssessment[] {
  const span = Math.max(1, review.noticeAt - review.startedAt);
  const at = (k: number) => review.startedAt + Math.floor((span * k) / (industries.length + 2));
  const out = [
    assessmentRecord(
      application,
      'incubation',
      null,
      unitActor('worker', application.orgPath),
      { sheet: sheetOf(rng, review.quality), comment: rng.pick(INCUBATION_COMMENTS), recommend: true },
      at(1),
    ),
  ];
  if (which === 'incubation') return out;
  industries.forEach((industry, k) => {
    const regulator = regulatorOf(application.orgPath, industry);
    out.push(
      assessmentRecord(
        application,
        'regulator',
        industry,
        regulator,
        { sheet: sheetOf(rng, review.quality), comment: rng.pick(REGULATOR_COMMENTS), recommend: true },
        at(k + 2),
      ),
    );
  });
  return out;
}

/** The agreement record of a signed application, signed in the mini-program by its applicant. */
export function agreementOf(
  application: Pick<Application, '_id' | 'orgPath'>,
  providerId: string,
  signer: { readonly openid: string; readonly name: string },
  signedAt: number,
  config: PlatformConfig,
): Agreement {
  const text = agreementTextOf(config.governance.agreementVersion);
  if (text === null) throw new Error(`no agreement text of ${config.governance.agreementVersion}`);
  return agreementRecord(
    application,
    { _id: providerId },
    text,
    {},
    { openid: signer.openid, name: signer.name, recordedBy: signer.openid },
    signedAt,
  );
}

/** What a grade leads to in the demo's evaluations. */
const OUTCOME_OF: Readonly<Record<EvaluationGrade, EvaluationOutcome>> = {
  excellent: 'commend',
  qualified: 'grade_change',
  basically_qualified: 'notice',
  unqualified: 'rectify',
};

/** The campaign (and the decision) an evaluation of a provider belongs to. */
export interface EvaluationSpec {
  readonly campaignId: string;
  readonly campaignTitle: string;
  readonly kind: EvaluationKind;
  readonly year: number;
  readonly unit: OrgUnit;
  readonly startedAt: number;
  readonly decidedAt: number;
  readonly period: { readonly from: number; readonly to: number };
  readonly grade: EvaluationGrade;
  readonly outcome: EvaluationOutcome;
  readonly rectifyDeadline: number | null;
}

const shanghaiYear = (t: number): number => new Date(t + 8 * 3_600_000).getUTCFullYear();

/**
 * The evaluation of a provider: a yearly one in its unit's campaign of `year` (started 1 December, decided
 * 15 December; a rectifying provider's when its rectification started), or for a removed provider the ad
 * hoc one that ordered the rectification it then failed (`rectificationStartedAt`).
 */
export function evaluationSpecOf(
  provider: { readonly id: string; readonly home: OrgUnit; readonly status: string },
  grade: EvaluationGrade,
  year: number,
  at: {
    readonly statusChangedAt: number;
    readonly rectifyDeadline: number | null;
    readonly rectificationStartedAt: number | null;
  },
): EvaluationSpec {
  const unit = provider.home;
  if (provider.status === 'removed' && at.rectificationStartedAt !== null) {
    const decidedAt = at.rectificationStartedAt;
    const startedAt = decidedAt - 14 * DAY_MS;
    const adHocYear = shanghaiYear(startedAt);
    return {
      campaignId: `camp-adhoc-${provider.id.slice(4)}`,
      campaignTitle: `${adHocYear}年专项考核（${unit.name}）`,
      kind: 'ad_hoc',
      year: adHocYear,
      unit,
      startedAt,
      decidedAt,
      period: evaluationPeriod('ad_hoc', adHocYear, startedAt),
      grade,
      outcome: OUTCOME_OF[grade],
      rectifyDeadline: decidedAt + 30 * DAY_MS,
    };
  }
  // 1 December 09:00 and 15 December 10:00, Asia/Shanghai.
  const startedAt = Date.UTC(year, 11, 1, 1);
  const decidedAt =
    provider.status === 'rectifying' ? Math.max(at.statusChangedAt, startedAt) : Date.UTC(year, 11, 15, 2);
  return {
    campaignId: `camp-${unit._id}-${year}`,
    campaignTitle: `${year}年度服务机构考核评价`,
    kind: 'yearly',
    year,
    unit,
    startedAt,
    decidedAt,
    period: evaluationPeriod('yearly', year, startedAt),
    grade,
    outcome: OUTCOME_OF[grade],
    rectifyDeadline: provider.status === 'rectifying' ? at.rectifyDeadline : null,
  };
}

/** Reviewers' input (0-100): the unit's worker and each industry's regulator, around the grade. */
export function reviewsOf(
  unitPath: string,
  industries: readonly Industry[],
  grade: EvaluationGrade,
  between: { readonly from: number; readonly to: number },
  rng: Rng,
): EvaluationReview[] {
  const [low, high] = {
    excellent: [90, 98],
    qualified: [80, 89],
    basically_qualified: [65, 79],
    unqualified: [42, 58],
  }[grade] as [number, number];
  const comments: Readonly<Record<EvaluationGrade, string>> = {
    excellent: '服务及时规范，居民评价高',
    qualified: '服务总体规范，回访较及时',
    basically_qualified: '回访不够及时，收费公示需改进',
    unqualified: '超时未接单较多，差评整改不到位',
  };
  const reviewers: { actor: ActingAs; industry: Industry | null }[] = [
    { actor: unitActor('worker', unitPath), industry: null },
    ...industries.map((industry) => ({ actor: regulatorOf(unitPath, industry), industry })),
  ];
  const span = Math.max(1, between.to - between.from);
  return reviewers.map(({ actor, industry }, k) => ({
    openid: actor.openid,
    role: actor.role,
    industry,
    score: rng.int(low, high),
    comment: comments[grade],
    at: between.from + Math.floor((span * (k + 1)) / (reviewers.length + 1)),
  }));
}

/** The evaluation campaigns, gathered while the evaluations are written (one per unit and year). */
export class CampaignCollector {
  private readonly campaigns = new Map<string, { campaign: EvaluationCampaign; ids: string[] }>();

  add(spec: EvaluationSpec, evaluationId: string): void {
    const existing = this.campaigns.get(spec.campaignId);
    if (existing !== undefined) {
      existing.ids.push(evaluationId);
      return;
    }
    const campaign: EvaluationCampaign = {
      _id: spec.campaignId,
      orgUnitId: spec.unit._id,
      year: spec.year,
      kind: spec.kind,
      title: spec.campaignTitle,
      periodFrom: spec.period.from,
      periodTo: spec.period.to,
      evaluationIds: [],
      createdBy: unitActor('worker', spec.unit.path).openid,
      orgPath: spec.unit.path,
      createdAt: spec.startedAt,
      updatedAt: spec.startedAt,
    };
    this.campaigns.set(spec.campaignId, { campaign, ids: [evaluationId] });
  }

  all(): EvaluationCampaign[] {
    return [...this.campaigns.values()]
      .map(({ campaign, ids }) => ({ ...campaign, evaluationIds: ids }))
      .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }
}

/** The report a removal wrote, from the provider as it was (rectifying) and its published evaluation. */
export function removalReportOf(
  provider: Parameters<typeof regulatorReportOf>[0],
  itemIds: readonly string[],
  evaluations: readonly Evaluation[],
  reasons: readonly string[],
  remover: ActingAs,
  removedAt: number,
  unitNames: ReadonlyMap<string, string>,
): RegulatorReport {
  const reportedToPaths = regulatorPathsAbove(provider.orgPath);
  const nameAt = (path: string) => unitNames.get(path.split('/').filter(Boolean).pop() ?? '') ?? '';
  const itemNames = [...new Set(itemIds.map((id) => ITEM_NAMES.get(id) ?? ''))].sort();
  return regulatorReportOf(provider, { evaluations, itemNames }, reasons, {
    _id: `rr-${provider._id.slice(4)}`,
    unitName: nameAt(provider.orgPath),
    reportedToPaths,
    reportedToNames: reportedToPaths.map(nameAt),
    createdBy: remover.openid,
    createdByRole: remover.role,
    createdAt: removedAt,
  });
}
