/**
 * Reading applications: the applicant's own (provider.application.mine), the reviewers' list
 * (provider.application.list: the unit's workers and leaders over their units, a regulator only the
 * applications touching its industry), one application with its assessments, objections, agreement,
 * timeline and the caller's buttons (provider.application.detail), and the public notice (公示,
 * provider.notice.list) anyone signed in reads.
 *
 * Who sees what: the legal representative, the qualification numbers and the documents are for the
 * reviewers and the applicant (provider.application.view); an objection is shown to the applicant without
 * anything about who raised it, and its phone only to those who answer objections; the notice shows the
 * name, the items with their prices, the service area and the end of the notice, nothing personal.
 */
import { can } from '../auth/authorize';
import { listIndustries, listScope, narrowScope } from '../auth/list-scope';
import { ROLE_LABELS, type Actor } from '../auth/roles';
import type { DatabasePort, Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import {
  APPLICATION_LIFECYCLE,
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
} from '../lifecycle/application.lifecycle';
import {
  OBJECTION_STATUS_LABELS,
  type Agreement,
  type Application,
  type ApplicationAssessment,
  type ApplicationObjection,
} from '../model/application.model';
import { COLLECTIONS } from '../model/collections.model';
import type { EventRecord } from '../model/event.model';
import { DEFAULT_INDUSTRY, type Industry } from '../model/industry.model';
import type { OrgUnit } from '../model/org-unit.model';
import { describePricing } from '../offerings/pricing';
import { parseCommand } from '../schemas/command.parser';
import {
  applicationDetailSchema,
  applicationListSchema,
  applicationMineSchema,
  noticeListSchema,
} from '../schemas/provider.schema';
import {
  applicationTarget,
  canViewApplication,
  industryViews,
  itemFacts,
  type ItemFacts,
} from './application-access';
import { applicationError } from './application.errors';
import type {
  ApplicationActions,
  ApplicationDetail,
  ApplicationListResult,
  ApplicationMineResult,
  ApplicationSummary,
  ApplicationTimelineEntry,
  NoticeListResult,
} from './application.replies';
import { agreementTextOf } from './agreement.text';
import { assessorLabel } from './application-review.usecase';

const NEWEST = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
] as const;

/** The unit names of these ids, by id. */
async function unitNames(db: DatabasePort, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const units = await db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { _id: db.command.in(unique) },
    { fields: ['name'], limit: unique.length },
  );
  return new Map(units.map((u) => [u._id, u.name]));
}

/** Item facts by id, for every item of these applications. */
async function itemsOf(
  db: DatabasePort,
  applications: readonly Application[],
): Promise<Map<string, ItemFacts>> {
  const ids = [...new Set(applications.flatMap((a) => a.offerings.map((o) => o.itemId)))];
  const facts = await itemFacts(db, ids);
  return new Map(facts.filter((f): f is ItemFacts => f !== null).map((f) => [f.itemId, f]));
}

async function summaries(
  db: DatabasePort,
  applications: readonly Application[],
): Promise<ApplicationSummary[]> {
  const [names, items] = await Promise.all([
    unitNames(
      db,
      applications.map((a) => a.orgUnitId),
    ),
    itemsOf(db, applications),
  ]);
  return applications.map((a) => ({
    applicationId: a._id,
    name: a.name,
    orgUnitId: a.orgUnitId,
    orgUnitName: names.get(a.orgUnitId) ?? '',
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    industries: industryViews(a.industries ?? []),
    itemNames: a.offerings.map((o) => items.get(o.itemId)?.name ?? ''),
    paper: (a.paper ?? null) !== null,
    createdAt: a.createdAt,
    statusChangedAt: a.statusChangedAt,
    noticeEndsAt: a.noticeEndsAt,
    providerId: a.providerId,
  }));
}

/** provider.application.mine: the caller's own applications, newest first (at most 50). */
export async function myApplications(input: UseCaseInput): Promise<ApplicationMineResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  parseCommand(applicationMineSchema, input.command ?? {});
  const { db } = ports;
  const mine = await db.find<Application>(
    COLLECTIONS.applications,
    { applicantOpenid: actor.openid },
    { orderBy: NEWEST, limit: 50 },
  );
  return { items: await summaries(db, mine) };
}

/** The reviewers' grants only: a resident grant (everyone's) says nothing about which industries to list. */
function reviewerIndustries(actor: Actor): readonly string[] | null {
  const reviewer: Actor = { ...actor, grants: actor.grants.filter((g) => g.role !== 'resident') };
  return listIndustries(reviewer, 'provider.application.view');
}

/** provider.application.list: the applications the caller reviews, newest first. */
export async function listApplications(input: UseCaseInput): Promise<ApplicationListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(applicationListSchema, input.command ?? {});
  const scope = orThrow(listScope(actor, 'provider.application.view'));
  const industries = reviewerIndustries(actor);
  const { db } = ports;
  const base: Record<string, unknown> = {
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(industries === null ? {} : { industries: db.command.in([...industries]) }),
  };
  const wheres: Where[] = scope.all
    ? [base as Where]
    : scope.paths.map((p) => ({ ...base, orgPath: db.command.prefix(p) }) as Where);
  const end = query.page * query.pageSize;
  const parts = await Promise.all(
    wheres.map(async (where) => ({
      docs: await db.find<Application>(COLLECTIONS.applications, where, {
        orderBy: NEWEST,
        limit: Math.min(end, 1000),
      }),
      total: await db.count(COLLECTIONS.applications, where),
    })),
  );
  const seen = new Set<string>();
  const merged = parts
    .flatMap((p) => p.docs)
    .filter((a) => (seen.has(a._id) ? false : (seen.add(a._id), true)))
    .sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1));
  const total = parts.reduce((n, p) => n + p.total, 0);
  return {
    items: await summaries(db, merged.slice(end - query.pageSize, end)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    hasMore: end < total,
  };
}

/** The buttons the caller may use now. */
function actionsOf(
  actor: Actor,
  application: Application,
  missing: readonly string[],
  openObjections: number,
  now: number,
): ApplicationActions {
  const target = applicationTarget(application);
  const step = (to: ApplicationStatus) => APPLICATION_LIFECYCLE.checkStep(actor, application, to, target).ok;
  const noticed = application.status === 'noticed';
  const noticeOver = application.noticeEndsAt !== null && now >= application.noticeEndsAt;
  return {
    canAssess: application.status === 'under_review' && can(actor, 'provider.assess', target),
    canStartReview: application.status === 'applied' && step('under_review'),
    canReturn: application.status === 'under_review' && step('returned'),
    canReject: step('rejected'),
    canNotice: step('noticed') && missing.length === 0,
    canAnswerObjections: openObjections > 0 && can(actor, 'provider.objection.answer', target),
    canSign: noticed && noticeOver && openObjections === 0 && step('agreement_signed'),
    canWithdraw: step('withdrawn'),
    canObject:
      noticed &&
      !noticeOver &&
      application.applicantOpenid !== actor.openid &&
      can(actor, 'provider.object', {}, { roles: ['resident'] }),
    canResubmit:
      application.status === 'returned' &&
      ((application.paper ?? null) === null
        ? application.applicantOpenid === actor.openid
        : APPLICATION_LIFECYCLE.checkStep(actor, application, 'applied', target).ok),
  };
}

function timelineOf(events: readonly EventRecord[]): ApplicationTimelineEntry[] {
  return events.map((e) => {
    const from = e.from as ApplicationStatus | null;
    const to = e.to as ApplicationStatus;
    const rule =
      from === null
        ? null
        : APPLICATION_LIFECYCLE.rulesFor(from, to).find(
            (r) => r.action === e.action && r.roles.includes(e.actor.role),
          );
    const label =
      from === null
        ? e.details?.paper === true
          ? '录入纸质入驻申请'
          : '提交入驻申请'
        : (rule?.label ?? APPLICATION_STATUS_LABELS[to]);
    return {
      at: e.at,
      from,
      to,
      label,
      byRole: e.actor.role === 'resident' ? '申请人' : ROLE_LABELS[e.actor.role],
      reason: e.reason,
    };
  });
}

/** What the detail reads besides the application. */
async function detailReads(db: DatabasePort, application: Application) {
  const [assessments, objections, events, agreement, items, names] = await Promise.all([
    db.find<ApplicationAssessment>(
      COLLECTIONS.applicationAssessments,
      { applicationId: application._id },
      { orderBy: [['assessedAt', 'asc']], limit: 100 },
    ),
    db.find<ApplicationObjection>(
      COLLECTIONS.applicationObjections,
      { applicationId: application._id },
      { orderBy: [['createdAt', 'asc']], limit: 200 },
    ),
    db.find<EventRecord>(
      COLLECTIONS.events,
      { entityType: 'application', entityId: application._id },
      {
        orderBy: [
          ['at', 'asc'],
          ['_id', 'asc'],
        ],
        limit: 200,
      },
    ),
    application.agreementId ? db.get<Agreement>(COLLECTIONS.agreements, application.agreementId) : null,
    itemsOf(db, [application]),
    unitNames(db, [application.orgUnitId, ...application.serviceAreaUnitIds]),
  ]);
  return { assessments, objections, events, agreement, items, names };
}

/** The assessments still missing before the notice, from the current ones. */
function missingOf(current: readonly ApplicationAssessment[], industries: readonly Industry[]): string[] {
  return [
    ...(current.some((a) => a.assessor === 'incubation') ? [] : [assessorLabel('incubation', null)]),
    ...industries
      .filter((i) => !current.some((a) => a.assessor === 'regulator' && a.industry === i))
      .map((i) => assessorLabel('regulator', i)),
  ];
}

function assessmentViews(current: readonly ApplicationAssessment[]): ApplicationDetail['assessments'] {
  return current.map((a) => ({
    assessmentId: a._id,
    assessor: a.assessor,
    assessorLabel: assessorLabel(a.assessor, a.industry),
    industry: a.industry,
    sheet: a.sheet,
    total: a.total,
    comment: a.comment,
    recommend: a.recommend,
    assessedAt: a.assessedAt,
  }));
}

/** Anonymous to the applicant: no objector, and the phone only for those who answer objections. */
function objectionViews(
  objections: readonly ApplicationObjection[],
  actor: Actor,
  answerer: boolean,
): ApplicationDetail['objections'] {
  return objections.map((o) => ({
    objectionId: o._id,
    content: o.content,
    status: o.status,
    statusLabel: OBJECTION_STATUS_LABELS[o.status],
    reply: o.reply,
    createdAt: o.createdAt,
    answeredAt: o.answeredAt ?? null,
    contactPhone: answerer ? o.contactPhone : null,
    mine: o.objectorOpenid === actor.openid,
  }));
}

function offeringViews(
  application: Application,
  items: ReadonlyMap<string, ItemFacts>,
): ApplicationDetail['offerings'] {
  return application.offerings.map((o) => {
    const item = items.get(o.itemId);
    return {
      itemId: o.itemId,
      itemName: item?.name ?? '',
      industry: item?.industry ?? DEFAULT_INDUSTRY,
      pricing: o.pricing,
      priceText: describePricing(o.pricing),
      description: o.description,
    };
  });
}

function agreementView(agreement: Agreement | null): ApplicationDetail['agreement'] {
  if (agreement === null) return null;
  return {
    version: agreement.version,
    signerName: agreement.signerName,
    signedAt: agreement.signedAt,
    paper: agreement.paper !== null,
  };
}

/** The text to sign while noticed, the signed version's afterwards. */
function agreementTextView(
  application: Application,
  agreement: Agreement | null,
  config: PlatformConfig,
): ApplicationDetail['agreementText'] {
  if (application.status !== 'noticed' && application.status !== 'agreement_signed') return null;
  const text = agreementTextOf(agreement?.version ?? config.governance.agreementVersion);
  return text === null ? null : { version: text.version, title: text.title, text: text.text };
}

/** provider.application.detail: one application as the caller may see it. */
export async function applicationDetail(input: UseCaseInput): Promise<ApplicationDetail> {
  const { ports, actor } = input;
  const config: PlatformConfig = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const query = parseCommand(applicationDetailSchema, input.command);
  const { db } = ports;
  const application = await db.get<Application>(COLLECTIONS.applications, query.applicationId);
  if (application === null || !canViewApplication(actor, application)) {
    throw applicationError('APPLICATION_NOT_FOUND', { applicationId: query.applicationId });
  }
  const now = ports.clock.now();
  const reads = await detailReads(db, application);
  const current = reads.assessments.filter((a) => a.supersededAt === null);
  const industries = (application.industries ?? []) as Industry[];
  const missing = missingOf(current, industries);
  const openObjections = reads.objections.filter((o) => o.status === 'open').length;
  const answerer = can(actor, 'provider.objection.answer', applicationTarget(application));
  return {
    applicationId: application._id,
    status: application.status,
    statusLabel: APPLICATION_STATUS_LABELS[application.status],
    orgUnitId: application.orgUnitId,
    orgUnitName: reads.names.get(application.orgUnitId) ?? '',
    name: application.name,
    creditCode: application.creditCode,
    legalRepresentative: application.legalRepresentative,
    contactName: application.contactName,
    contactPhone: application.contactPhone,
    address: application.address,
    introduction: application.introduction,
    managementRules: application.managementRules,
    qualifications: application.qualifications.map((q) => ({
      name: q.name,
      number: q.number,
      validUntil: q.validUntil ?? null,
      fileIds: q.fileIds,
    })),
    serviceAreas: application.serviceAreaUnitIds.map((id) => ({
      orgUnitId: id,
      name: reads.names.get(id) ?? '',
    })),
    offerings: offeringViews(application, reads.items),
    industries: industryViews(industries),
    paperReceivedOn: application.paper?.receivedOn ?? null,
    createdAt: application.createdAt,
    statusChangedAt: application.statusChangedAt,
    lastReason: application.lastReason ?? null,
    noticeStartedAt: application.noticeStartedAt,
    noticeEndsAt: application.noticeEndsAt,
    assessments: assessmentViews(current),
    missingAssessments: missing,
    objections: objectionViews(reads.objections, actor, answerer),
    openObjections,
    agreement: agreementView(reads.agreement),
    agreementText: agreementTextView(application, reads.agreement, config),
    providerId: application.providerId,
    timeline: timelineOf(reads.events),
    actions: actionsOf(actor, application, missing, openObjections, now),
  };
}

/** provider.notice.list: the applications in their public notice (公示), the newest first. */
export async function listNotices(input: UseCaseInput): Promise<NoticeListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(noticeListSchema, input.command ?? {});
  const { db } = ports;
  let where: Where = { status: 'noticed' };
  if (query.orgUnitId !== undefined) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, query.orgUnitId);
    const narrowed = orThrow(narrowScope({ all: true }, unit?.path ?? null, 'provider.view'));
    where = { ...where, orgPath: db.command.prefix(narrowed.all ? '/' : narrowed.paths[0]!) };
  }
  const [docs, total] = await Promise.all([
    db.find<Application>(COLLECTIONS.applications, where, {
      orderBy: [
        ['noticeStartedAt', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
    db.count(COLLECTIONS.applications, where),
  ]);
  const [items, names] = await Promise.all([
    itemsOf(db, docs),
    unitNames(db, [...docs.map((a) => a.orgUnitId), ...docs.flatMap((a) => a.serviceAreaUnitIds)]),
  ]);
  return {
    items: docs.map((a) => ({
      applicationId: a._id,
      name: a.name,
      orgUnitId: a.orgUnitId,
      orgUnitName: names.get(a.orgUnitId) ?? '',
      introduction: a.introduction,
      items: a.offerings.map((o) => ({
        itemId: o.itemId,
        itemName: items.get(o.itemId)?.name ?? '',
        priceText: describePricing(o.pricing),
        pricing: o.pricing,
      })),
      serviceAreaNames: a.serviceAreaUnitIds.map((id) => names.get(id) ?? ''),
      industries: industryViews(a.industries ?? []),
      noticeStartedAt: a.noticeStartedAt ?? a.statusChangedAt,
      noticeEndsAt: a.noticeEndsAt ?? a.statusChangedAt,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    hasMore: query.page * query.pageSize < total,
  };
}
