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
import type { Application, ApplicationObjection } from '../core/model/application.model';
import type { Evaluation } from '../core/model/evaluation.model';
import type { EventRecord } from '../core/model/event.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import type { BlacklistEntry, StaffInvite } from '../core/model/provider.model';
import type { EvaluationGrade } from '../core/reputation/reputation.formula';
import { CATALOG_ITEMS } from '../core/catalog/catalog.data';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_COUNTY_ID } from './demo.constants';
import { DEMO_PATHS, DEMO_REFS } from './demo-identities';
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

/** Who acted for a unit: the demo identities in their units, simulated workers elsewhere. */
function unitActor(role: 'worker' | 'leader', homeId: string): ActingAs {
  if (homeId === DEMO_COMMUNITY_ID) return { openid: `demo-community-${role}-1`, role };
  return { openid: `sim-${role}-${homeId}`, role };
}

function regulatorFor(plan: ProviderPlan): ActingAs {
  return plan.home.path.startsWith(DEMO_PATHS.county)
    ? { openid: 'demo-regulator-1', role: 'industry_regulator' }
    : { openid: `sim-regulator-${plan.home.path.split('/')[2]!}`, role: 'industry_regulator' };
}

export interface OnboardingData {
  readonly applications: Application[];
  readonly evaluations: Evaluation[];
  readonly blacklistEntries: BlacklistEntry[];
  readonly events: EventRecord[];
}

/** Application, evaluation, blacklist entry and events of each provider (in plan order). */
export function onboardingOf(plan: ProviderPlan, now: number, withEvents: boolean): OnboardingData {
  const application = signedApplicationOf(plan, withEvents);
  const evaluation = evaluationOf(plan, now);
  const regulator = regulatorFor(plan);
  return {
    applications: application === null ? [] : [application.application],
    evaluations: evaluation === null ? [] : [evaluation],
    blacklistEntries: plan.status === 'removed' ? [blacklistEntryOf(plan, regulator)] : [],
    events: [
      ...(application === null ? [] : application.events),
      ...(withEvents ? providerEvents(plan, regulator) : []),
    ],
  };
}

/** The signed application of a provider that came through the platform's onboarding, with its steps. */
function signedApplicationOf(
  plan: ProviderPlan,
  withEvents: boolean,
): { application: Application; events: EventRecord[] } | null {
  const applicationId = applicationIdOf(plan);
  if (applicationId === null) return null;
  const signedAt = plan.agreementSignedAt;
  const createdAt = signedAt - 20 * DAY_MS;
  const noticeStartedAt = signedAt - 8 * DAY_MS;
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
    noticeEndsAt: noticeStartedAt + 7 * DAY_MS,
    agreementSignedAt: signedAt,
    agreementFileId: null,
    providerId: plan.id,
    orgPath: plan.home.path,
    createdAt,
    updatedAt: signedAt,
  };
  if (!withEvents) return { application, events: [] };
  const worker = unitActor('worker', plan.home._id);
  const leader = unitActor('leader', plan.home._id);
  const events = applicationEvents(
    applicationId,
    plan.home.path,
    { openid: plan.managerOpenid, role: 'resident' },
    [
      { to: 'under_review', at: createdAt + DAY_MS, by: worker },
      { to: 'noticed', at: noticeStartedAt, by: leader },
      { to: 'agreement_signed', at: signedAt, by: worker },
    ],
    createdAt,
  );
  return { application, events };
}

const APPLICATION_RULES = '服务人员持证上岗，收费公示，服务后 3 日内回访，投诉 7 日内办结。';

/** The provider's latest yearly evaluation, when it had joined by then. */
function evaluationOf(plan: ProviderPlan, now: number): Evaluation | null {
  const grade = latestGradeOf(plan, now);
  if (grade === null) return null;
  const year = latestEvaluationYear(now);
  const evaluatedAt = Date.UTC(year, 11, 15, 2);
  return {
    _id: `ev-${plan.id.slice(4)}-${year}`,
    providerId: plan.id,
    providerName: plan.name,
    year,
    grade,
    problems: PROBLEMS[grade],
    summary: SUMMARIES[grade],
    evaluatorOpenid: unitActor('leader', plan.home._id).openid,
    rectifyDeadline: plan.status === 'rectifying' ? plan.rectifyDeadline : null,
    published: true,
    orgPath: plan.home.path,
    createdAt: evaluatedAt,
    updatedAt: evaluatedAt,
  };
}

const REMOVAL_REASON = '整改期满后服务问题依然存在，取消入驻资格并列入黑名单';
const RECTIFY_REASON = '年度考核评价不合格，责令限期整改';

/** A removed provider's blacklist entry, reported to the city and its county. */
function blacklistEntryOf(plan: ProviderPlan, regulator: ActingAs): BlacklistEntry {
  return {
    _id: `bl-${plan.id.slice(4)}`,
    creditCode: plan.creditCode,
    providerId: plan.id,
    providerName: plan.name,
    reason: REMOVAL_REASON,
    reportedToPaths: [DEMO_PATHS.city, `/${plan.home.path.split('/').slice(1, 3).join('/')}/`],
    createdBy: regulator.openid,
    createdAt: plan.statusChangedAt,
    orgPath: plan.home.path,
  };
}

/** The provider's own life-cycle events: created active, then suspended, rectifying or removed. */
function providerEvents(plan: ProviderPlan, regulator: ActingAs): EventRecord[] {
  const events: EventRecord[] = [];
  const push = (event: LifecycleEvent<ProviderStatus>) =>
    events.push({ _id: `evt-${plan.id}-${events.length}`, orgPath: plan.home.path, ...event });
  push(PROVIDER_LIFECYCLE.creationEvent(plan.id, unitActor('worker', plan.home._id), plan.agreementSignedAt));
  const entity = { _id: plan.id, status: 'active' as ProviderStatus };
  const changedAt = plan.statusChangedAt;
  if (plan.status === 'suspended') {
    const reason = '居民投诉较多，暂停服务接受调查';
    push(PROVIDER_LIFECYCLE.transition(entity, 'suspended', regulator, changedAt, reason).event);
  } else if (plan.status === 'rectifying') {
    push(startRectification(entity, regulator, changedAt, RECTIFY_REASON, plan.rectifyDeadline!).event);
  } else if (plan.status === 'removed') {
    const startedAt = changedAt - 45 * DAY_MS;
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
  const events: EventRecord[] = [];
  PENDING_SPECS.forEach((spec, i) => {
    const pending = pendingApplication(spec, i, { rng, community, county, now });
    applications.push(pending.application);
    if (withEvents) events.push(...pending.events);
  });
  return {
    applications,
    objections: [demoObjection(community, now)],
    staffInvites: [demoStaffInvite(community, now)],
    events,
  };
}

function pendingApplication(
  spec: PendingSpec,
  i: number,
  at: { rng: Rng; community: OrgUnit; county: OrgUnit; now: number },
): { application: Application; events: EventRecord[] } {
  const { rng, community, county, now } = at;
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
    noticeEndsAt: spec.status === 'noticed' ? noticeAt + 7 * DAY_MS : null,
    agreementSignedAt: null,
    agreementFileId: null,
    providerId: null,
    orgPath: community.path,
    createdAt,
    updatedAt: createdAt,
  };
  const steps: ApplicationStep[] = [];
  if (spec.status !== 'applied') steps.push({ to: 'under_review', at: reviewAt, by: PENDING_WORKER });
  if (spec.status === 'noticed') steps.push({ to: 'noticed', at: noticeAt, by: PENDING_LEADER });
  return { application, events: applicationEvents(id, community.path, applicant, steps, createdAt) };
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
