/**
 * Everything around a provider's place on the platform: its application (入驻申请) and the steps it went
 * through, yearly evaluations (考核评价), rectification and blacklisting with their events, three
 * applications still under way in the demo community, an objection, and a staff invite.
 */
import type { ActingAs } from '../core/auth/roles';
import { APPLICATION_LIFECYCLE, type ApplicationStatus } from '../core/lifecycle/application.lifecycle';
import {
  PROVIDER_LIFECYCLE,
  startRectification,
  type ProviderStatus,
} from '../core/lifecycle/provider.lifecycle';
import type { LifecycleEvent } from '../core/lifecycle/state-machine';
import type {
  Agreement,
  Application,
  ApplicationAssessment,
  ApplicationObjection,
} from '../core/model/application.model';
import type { Evaluation, RegulatorReport } from '../core/model/evaluation.model';
import type { Provider } from '../core/model/provider.model';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../core/kernel/platform.config';
import { indicatorsOf, type IndicatorCounts } from '../core/providers/evaluation-indicators';
import type { EventRecord } from '../core/model/event.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import type { BlacklistEntry, StaffInvite } from '../core/model/provider.model';
import type { EvaluationGrade } from '../core/reputation/reputation.formula';
import { CATALOG_ITEMS } from '../core/catalog/catalog.data';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_COUNTY_ID } from './demo.constants';
import {
  agreementOf,
  assessmentsOf,
  evaluationSpecOf,
  industriesOfItemIds,
  regulatorOf,
  removalReportOf,
  reviewsOf,
  unitActor,
  type CampaignCollector,
  type EvaluationSpec,
} from './demo-governance';
import { DEMO_REFS } from './demo-identities';
import {
  applicationIdOf,
  demoCreditCode,
  latestEvaluationYear,
  latestGradeOf,
  type ProviderPlan,
} from './demo-providers';
import { landline, mobilePhone, personName } from './names.data';
import { Rng } from './prng';
import type { YulinGeography } from './yulin.geography';

const PROBLEMS: Readonly<Record<EvaluationGrade, readonly string[]>> = {
  excellent: [],
  qualified: ['回访记录个别内容过于简单'],
  basically_qualified: ['部分订单未在 3 日内回访', '收费公示不够醒目'],
  unqualified: ['多次超时未接单', '回访记录缺失', '居民投诉经核实属实'],
};

const SUMMARIES: Readonly<Record<EvaluationGrade, string>> = {
  excellent: '服务规范，居民满意度高，予以表彰',
  qualified: '服务总体规范，居民评价良好',
  basically_qualified: '服务基本规范，需改进回访和收费公示',
  unqualified: '服务问题较多，责令限期整改',
};

/** The regulator who acted on a provider (suspension, rectification, removal): its first industry's. */
function regulatorFor(plan: ProviderPlan): ActingAs {
  const [industry = 'civil_affairs'] = industriesOfItemIds(plan.offerings.map((o) => o.itemId));
  return regulatorOf(plan.home.path, industry);
}

/** A removed provider's rectification started this long before its removal (its re-check failed). */
const RECTIFICATION_BEFORE_REMOVAL_MS = 45 * DAY_MS;

/**
 * The evaluation the provider's latest grade comes from (null: none, it joined after it), so its period is
 * known before the orders are generated (ProviderStats counts what falls in it).
 */
export function evaluationSpecFor(plan: ProviderPlan, now: number): EvaluationSpec | null {
  const grade = latestGradeOf(plan, now);
  if (grade === null) return null;
  return evaluationSpecOf(plan, grade, latestEvaluationYear(now), {
    statusChangedAt: plan.statusChangedAt,
    rectifyDeadline: plan.rectifyDeadline,
    rectificationStartedAt:
      plan.status === 'removed' ? plan.statusChangedAt - RECTIFICATION_BEFORE_REMOVAL_MS : null,
  });
}

export interface OnboardingData {
  readonly applications: Application[];
  readonly assessments: ApplicationAssessment[];
  readonly agreements: Agreement[];
  readonly evaluations: Evaluation[];
  readonly blacklistEntries: BlacklistEntry[];
  readonly regulatorReports: RegulatorReport[];
  readonly events: EventRecord[];
}

/** What the governance records of one provider are built from. */
export interface OnboardingInput {
  readonly seed: number;
  readonly now: number;
  readonly withEvents: boolean;
  readonly config: PlatformConfig;
  /** The provider as written (its aggregates summed from the orders). */
  readonly provider: Provider;
  /** Its evaluation's campaign and decision (evaluationSpecFor), and the counts of the period. */
  readonly evaluation: { readonly spec: EvaluationSpec; readonly counts: IndicatorCounts } | null;
  readonly campaigns: CampaignCollector;
  /** Unit names by id (the report's addressees). */
  readonly unitNames: ReadonlyMap<string, string>;
}

/**
 * Application (with its review records and agreement), evaluation (in its campaign), blacklist entry and
 * regulator report, and the events, of each provider (in plan order).
 */
export function onboardingOf(plan: ProviderPlan, input: OnboardingInput): OnboardingData {
  const rng = Rng.derive(input.seed, 'governance', plan.index);
  const application = signedApplicationOf(plan, input, rng);
  const evaluation = evaluationOf(plan, input, rng);
  if (evaluation !== null) input.campaigns.add(input.evaluation!.spec, evaluation._id);
  const regulator = regulatorFor(plan);
  const removal = plan.status === 'removed' ? removalOf(plan, input, evaluation, regulator) : null;
  return {
    applications: application === null ? [] : [application.application],
    assessments: application === null ? [] : application.assessments,
    agreements: application === null ? [] : [application.agreement],
    evaluations: evaluation === null ? [] : [evaluation],
    blacklistEntries: removal === null ? [] : [removal.entry],
    regulatorReports: removal === null ? [] : [removal.report],
    events: [
      ...(application === null ? [] : application.events),
      ...(input.withEvents ? providerEvents(plan, regulator) : []),
    ],
  };
}

/**
 * The signed application of a provider that came through the platform's onboarding, with its review
 * records, its agreement (signed by the applicant in the mini-program, as provider.application.sign records
 * it) and its steps.
 */
function signedApplicationOf(
  plan: ProviderPlan,
  input: OnboardingInput,
  rng: Rng,
): {
  application: Application;
  assessments: ApplicationAssessment[];
  agreement: Agreement;
  events: EventRecord[];
} | null {
  const applicationId = applicationIdOf(plan);
  if (applicationId === null) return null;
  const { config } = input;
  const noticeDays = config.governance.noticeDays;
  const signedAt = plan.agreementSignedAt;
  // Signed the day after the notice ended; the review took the days before the notice.
  const noticeStartedAt = signedAt - (noticeDays + 1) * DAY_MS;
  const createdAt = noticeStartedAt - 12 * DAY_MS;
  const industries = industriesOfItemIds(plan.offerings.map((o) => o.itemId));
  const application: Application = {
    _id: applicationId,
    applicantOpenid: plan.managerOpenid,
    orgUnitId: plan.home._id,
    name: plan.name,
    creditCode: plan.creditCode,
    legalRepresentative: plan.legalRepresentative,
    contactName: plan.contactName,
    contactPhone: plan.contactPhone,
    address: plan.address,
    introduction: `${plan.name}申请入驻“为民红绳”服务平台。`,
    managementRules: APPLICATION_RULES,
    qualifications: [{ name: '营业执照', number: plan.creditCode, fileIds: [] }],
    serviceAreaUnitIds: plan.area.map((u) => u._id),
    serviceAreaPaths: plan.area.map((u) => u.path),
    offerings: plan.offerings.map((o) => ({
      itemId: o.itemId,
      pricing: o.pricing,
      description: o.description,
    })),
    status: 'agreement_signed',
    statusChangedAt: signedAt,
    noticeStartedAt,
    noticeEndsAt: noticeStartedAt + noticeDays * DAY_MS,
    agreementSignedAt: signedAt,
    agreementFileId: null,
    providerId: plan.id,
    industries,
    openObjections: 0,
    // The timer told the applicant once the notice was over (公示期满，请签署服务协定).
    noticeEndToldAt: noticeStartedAt + noticeDays * DAY_MS,
    agreementId: null,
    orgPath: plan.home.path,
    createdAt,
    updatedAt: signedAt,
  };
  const reviewAt = createdAt + DAY_MS;
  const assessments = assessmentsOf(
    application,
    industries,
    { startedAt: reviewAt, noticeAt: noticeStartedAt, quality: plan.quality },
    rng,
  );
  const applicant = { openid: plan.managerOpenid, name: plan.managerName };
  const agreement = agreementOf(application, plan.id, applicant, signedAt, config);
  const signed: Application = { ...application, agreementId: agreement._id };
  if (!input.withEvents) return { application: signed, assessments, agreement, events: [] };
  const worker = unitActor('worker', plan.home.path);
  const leader = unitActor('leader', plan.home.path);
  const events = applicationEvents(
    applicationId,
    plan.home.path,
    { openid: plan.managerOpenid, role: 'resident' },
    [
      { to: 'under_review', at: reviewAt, by: worker },
      { to: 'noticed', at: noticeStartedAt, by: leader },
      { to: 'agreement_signed', at: signedAt, by: { openid: plan.managerOpenid, role: 'resident' } },
    ],
    createdAt,
  );
  return { application: signed, assessments, agreement, events };
}

const APPLICATION_RULES = '服务人员持证上岗，收费公示，服务后 3 日内回访，投诉 7 日内办结。';

/** The provider's latest evaluation in its campaign, published, when it had joined by then. */
function evaluationOf(plan: ProviderPlan, input: OnboardingInput, rng: Rng): Evaluation | null {
  if (input.evaluation === null) return null;
  const { spec, counts } = input.evaluation;
  const industries = industriesOfItemIds(plan.offerings.map((o) => o.itemId));
  const decidedAt = spec.decidedAt;
  return {
    _id: `ev-${plan.id.slice(4)}-${spec.year}`,
    providerId: plan.id,
    providerName: plan.name,
    year: spec.year,
    grade: spec.grade,
    problems: PROBLEMS[spec.grade],
    summary: SUMMARIES[spec.grade],
    evaluatorOpenid: unitActor('leader', plan.home.path).openid,
    rectifyDeadline: spec.rectifyDeadline,
    published: true,
    campaignId: spec.campaignId,
    campaignTitle: spec.campaignTitle,
    kind: spec.kind,
    status: 'published',
    outcome: spec.outcome,
    indicators: indicatorsOf(counts, input.config, spec.period),
    reviews: reviewsOf(plan.home.path, industries, spec.grade, { from: spec.startedAt, to: decidedAt }, rng),
    industries,
    publishedAt: decidedAt,
    // A removed provider's re-check fell due and its unit was told (the timer's mark).
    recheckDueNotifiedAt:
      plan.status === 'removed' && spec.rectifyDeadline !== null ? spec.rectifyDeadline : null,
    orgPath: plan.home.path,
    createdAt: spec.startedAt,
    updatedAt: decidedAt,
  };
}

const REMOVAL_REASON = '整改期满后服务问题依然存在，取消入驻资格并列入黑名单';
const RECTIFY_REASON = '年度考核评价不合格，责令限期整改';

/**
 * A removed provider's blacklist entry and its report to the city and county regulators, as provider.recheck
 * (not fixed) writes them: the entry keyed by the credit code, the report by the core's builder from the
 * provider as it was (rectifying) and its evaluation.
 */
function removalOf(
  plan: ProviderPlan,
  input: OnboardingInput,
  evaluation: Evaluation | null,
  regulator: ActingAs,
): { entry: BlacklistEntry; report: RegulatorReport } {
  const reasons = [`整改期限届满验收未通过，问题依然存在：${REMOVAL_REASON}`];
  const before = { ...input.provider, status: 'rectifying' as const };
  const report = removalReportOf(
    before,
    plan.offerings.map((o) => o.itemId),
    evaluation === null ? [] : [evaluation],
    reasons,
    regulator,
    plan.statusChangedAt,
    input.unitNames,
  );
  const entry: BlacklistEntry = {
    _id: `bl-${plan.creditCode}`,
    creditCode: plan.creditCode,
    providerId: plan.id,
    providerName: plan.name,
    reason: reasons.join('；'),
    reportedToPaths: report.reportedToPaths,
    createdBy: regulator.openid,
    createdAt: plan.statusChangedAt,
    orgPath: plan.home.path,
  };
  return { entry, report };
}

/** The provider's own life-cycle events: created active, then suspended, rectifying or removed. */
function providerEvents(plan: ProviderPlan, regulator: ActingAs): EventRecord[] {
  const events: EventRecord[] = [];
  const push = (event: LifecycleEvent<ProviderStatus>) =>
    events.push({ _id: `evt-${plan.id}-${events.length}`, orgPath: plan.home.path, ...event });
  push(
    PROVIDER_LIFECYCLE.creationEvent(plan.id, unitActor('worker', plan.home.path), plan.agreementSignedAt),
  );
  const entity = { _id: plan.id, status: 'active' as ProviderStatus };
  const changedAt = plan.statusChangedAt;
  if (plan.status === 'suspended') {
    const reason = '居民投诉较多，暂停服务接受调查';
    push(PROVIDER_LIFECYCLE.transition(entity, 'suspended', regulator, changedAt, reason).event);
  } else if (plan.status === 'rectifying') {
    push(startRectification(entity, regulator, changedAt, RECTIFY_REASON, plan.rectifyDeadline!).event);
  } else if (plan.status === 'removed') {
    const startedAt = changedAt - RECTIFICATION_BEFORE_REMOVAL_MS;
    const rectifying = startRectification(
      entity,
      regulator,
      startedAt,
      RECTIFY_REASON,
      startedAt + 30 * DAY_MS,
    );
    push(rectifying.event);
    const removing = { _id: plan.id, status: rectifying.entity.status };
    push(PROVIDER_LIFECYCLE.transition(removing, 'removed', regulator, changedAt, REMOVAL_REASON).event);
  }
  return events;
}

interface ApplicationStep {
  readonly to: ApplicationStatus;
  readonly at: number;
  readonly by: ActingAs;
}

function applicationEvents(
  id: string,
  orgPath: string,
  applicant: ActingAs,
  steps: readonly ApplicationStep[],
  createdAt: number,
): EventRecord[] {
  const out: EventRecord[] = [];
  const push = (event: LifecycleEvent<ApplicationStatus>) =>
    out.push({ _id: `evt-${id}-${out.length}`, orgPath, ...event });
  push(APPLICATION_LIFECYCLE.creationEvent(id, applicant, createdAt));
  let status: ApplicationStatus = 'applied';
  for (const step of steps) {
    push(APPLICATION_LIFECYCLE.transition({ _id: id, status }, step.to, step.by, step.at).event);
    status = step.to;
  }
  return out;
}

export interface PendingOnboardingData {
  readonly applications: Application[];
  readonly assessments: ApplicationAssessment[];
  readonly objections: ApplicationObjection[];
  readonly staffInvites: StaffInvite[];
  readonly events: EventRecord[];
}

interface PendingSpec {
  readonly status: 'applied' | 'under_review' | 'noticed';
  readonly name: string;
  readonly items: readonly string[];
  readonly daysAgo: number;
}

const PENDING_SPECS: readonly PendingSpec[] = [
  {
    status: 'applied',
    name: '玉林市玉州区暖心家政服务有限公司',
    items: ['item-home-cleaning', 'item-elderly-companion'],
    daysAgo: 1,
  },
  { status: 'under_review', name: '玉林市玉州区乐童托育中心', items: ['item-childcare'], daysAgo: 5 },
  {
    status: 'noticed',
    name: '玉林市玉州区康泰理疗养生馆',
    items: ['item-health-consultation'],
    daysAgo: 12,
  },
];

/** Three applications in the demo community still being handled (applied, under review, in public notice). */
export function pendingOnboarding(
  seed: number,
  geo: YulinGeography,
  now: number,
  withEvents: boolean,
): PendingOnboardingData {
  const rng = Rng.derive(seed, 'pending-applications');
  const community = geo.byId.get(DEMO_COMMUNITY_ID)!;
  const county = geo.byId.get(DEMO_COUNTY_ID)!;
  const applications: Application[] = [];
  const assessments: ApplicationAssessment[] = [];
  const events: EventRecord[] = [];
  PENDING_SPECS.forEach((spec, i) => {
    const pending = pendingApplication(spec, i, { seed, rng, community, county, now });
    applications.push(pending.application);
    assessments.push(...pending.assessments);
    if (withEvents) events.push(...pending.events);
  });
  return {
    applications,
    assessments,
    objections: [demoObjection(community, now)],
    staffInvites: [demoStaffInvite(community, now)],
    events,
  };
}

function pendingApplication(
  spec: PendingSpec,
  i: number,
  at: { seed: number; rng: Rng; community: OrgUnit; county: OrgUnit; now: number },
): { application: Application; assessments: ApplicationAssessment[]; events: EventRecord[] } {
  const { rng, community, county, now } = at;
  const noticeDays = DEFAULT_PLATFORM_CONFIG.governance.noticeDays;
  const industries = industriesOfItemIds(spec.items);
  const id = `app-new-${i + 1}`;
  const applicant: ActingAs = { openid: `sim-applicant-${i + 1}`, role: 'resident' };
  const createdAt = now - spec.daysAgo * DAY_MS;
  const reviewAt = createdAt + DAY_MS;
  const noticeAt = createdAt + 3 * DAY_MS;
  const creditCode = demoCreditCode('91', county._id, 9_000_000 + i, rng);
  const itemNames = spec.items.map((itemId) => CATALOG_ITEMS.find((item) => item.id === itemId)?.name ?? '');
  const application: Application = {
    _id: id,
    applicantOpenid: applicant.openid,
    orgUnitId: community._id,
    name: spec.name,
    creditCode,
    legalRepresentative: personName(rng),
    contactName: personName(rng),
    contactPhone: rng.chance(0.5) ? mobilePhone(rng) : landline(rng),
    address: `玉林市玉州区玉城街道人民中路${rng.int(1, 300)}号`,
    introduction: `${spec.name}申请为东门社区居民提供${itemNames.join('、')}服务。`,
    managementRules: APPLICATION_RULES,
    qualifications: [{ name: '营业执照', number: creditCode, fileIds: [] }],
    serviceAreaUnitIds: [community._id],
    serviceAreaPaths: [community.path],
    offerings: spec.items.map((itemId) => ({
      itemId,
      pricing: { kind: 'low_fee', priceFen: 3000, marketPriceFen: 5000, unit: '次' },
      description: '低于市场价收费',
    })),
    status: spec.status,
    statusChangedAt:
      spec.status === 'applied' ? createdAt : spec.status === 'under_review' ? reviewAt : noticeAt,
    noticeStartedAt: spec.status === 'noticed' ? noticeAt : null,
    noticeEndsAt: spec.status === 'noticed' ? noticeAt + noticeDays * DAY_MS : null,
    agreementSignedAt: null,
    agreementFileId: null,
    providerId: null,
    industries,
    paper: null,
    lastReason: null,
    // The demo resident's objection (demoObjection) is still open.
    openObjections: spec.status === 'noticed' ? 1 : 0,
    noticeEndToldAt: null,
    agreementId: null,
    orgPath: community.path,
    createdAt,
    updatedAt: createdAt,
  };
  const steps: ApplicationStep[] = [];
  if (spec.status !== 'applied') steps.push({ to: 'under_review', at: reviewAt, by: PENDING_WORKER });
  if (spec.status === 'noticed') steps.push({ to: 'noticed', at: noticeAt, by: PENDING_LEADER });
  // Under review: the incubation centre has assessed, the regulator not yet; in notice: both had.
  const assessments =
    spec.status === 'applied'
      ? []
      : assessmentsOf(
          application,
          industries,
          { startedAt: reviewAt, noticeAt: spec.status === 'noticed' ? noticeAt : now, quality: 4 },
          Rng.derive(at.seed, 'pending-assessments', i),
          spec.status === 'noticed' ? 'all' : 'incubation',
        );
  const events = applicationEvents(id, community.path, applicant, steps, createdAt);
  return { application, assessments, events };
}

const PENDING_WORKER: ActingAs = { openid: 'demo-community-worker-1', role: 'worker' };
const PENDING_LEADER: ActingAs = { openid: 'demo-community-leader-1', role: 'leader' };

/** The demo resident's objection to the application in public notice. */
function demoObjection(community: OrgUnit, now: number): ApplicationObjection {
  return {
    _id: 'obj-0001',
    applicationId: 'app-new-3',
    objectorOpenid: 'demo-resident-1',
    content: '这家店此前在小区门口经营时曾有夸大宣传，请核实其资质。',
    contactPhone: null,
    status: 'open',
    reply: null,
    orgPath: community.path,
    createdAt: now - 2 * DAY_MS,
    updatedAt: now - 2 * DAY_MS,
  };
}

/** An unused invite of the demo staff's provider, for a new member to bind with. */
function demoStaffInvite(community: OrgUnit, now: number): StaffInvite {
  return {
    _id: 'inv-0001',
    providerId: DEMO_REFS.providerId,
    position: 'member',
    inviteCode: 'HSDEMO01',
    createdBy: 'demo-provider-manager-1',
    createdAt: now - DAY_MS,
    expiresAt: now + 6 * DAY_MS,
    usedBy: null,
    usedAt: null,
    orgPath: community.path,
  };
}
