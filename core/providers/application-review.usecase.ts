/**
 * The review of an application: the incubation centre (the unit's workers and leaders: 孵化中心) and the
 * regulator of each of its industries assess it (provider.application.assess: the score sheet of five parts
 * of 0-20, a comment, a recommendation; one current assessment per assessor, a new one replaces the older,
 * which is kept); the unit moves it on (provider.application.decide): start the review, return it for
 * amendment or reject it (with a reason), or, the leader, choose it and publish the notice (公示, 择优选取，
 * 发布公示), which needs the incubation centre's assessment and one per industry (APPLICATION_ASSESSMENT_MISSING
 * names what is missing) and runs `config.governance.noticeDays`. During the notice an objection may send it
 * back to review, or end it. The applicant withdraws it (provider.application.withdraw) until signed.
 *
 * Each step is an event on the application's timeline, an audit entry from the console, and a notice to the
 * applicant (TPL_APPLICATION_PROGRESS).
 */
import { authorize } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { recordEvent, runCommand } from '../kernel/command.runner';
import type { TransactionPort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { APPLICATION_LIFECYCLE, type ApplicationStatus } from '../lifecycle/application.lifecycle';
import type {
  Application,
  ApplicationAssessment,
  AssessmentSheet,
  AssessorKind,
} from '../model/application.model';
import { COLLECTIONS } from '../model/collections.model';
import { INDUSTRY_LABELS, type Industry } from '../model/industry.model';
import { parseCommand } from '../schemas/command.parser';
import {
  applicationAssessSchema,
  applicationDecisionSchema,
  applicationWithdrawSchema,
} from '../schemas/provider.schema';
import {
  APPLICATION_PROGRESS_PHRASES,
  applicationTarget,
  loadApplication,
  notifyAfterCommit,
  progressMessage,
  statusLabelOf,
  unitName,
} from './application-access';
import { applicationError, assessmentMissingError } from './application.errors';
import type { ApplicationAssessResult, ApplicationStepResult } from './application.replies';

const DAY_MS = 86_400_000;

/** The statuses provider.application.decide moves an application to (signing and withdrawing have their own). */
const DECIDABLE: readonly ApplicationStatus[] = ['under_review', 'returned', 'rejected', 'noticed'];

export const INCUBATION_LABEL = '孵化中心';

/** 孵化中心, or 行业主管部门（民政）. */
export function assessorLabel(assessor: AssessorKind, industry: Industry | null): string {
  return assessor === 'incubation' || industry === null
    ? INCUBATION_LABEL
    : `行业主管部门（${INDUSTRY_LABELS[industry]}）`;
}

export function assessorKeyOf(assessor: AssessorKind, industry: Industry | null): string {
  return assessor === 'incubation' || industry === null ? 'incubation' : `regulator:${industry}`;
}

/** The id of the current assessment of one assessor. */
export function currentAssessmentId(applicationId: string, key: string): string {
  return `${applicationId}~${key}`;
}

/** The assessments still missing before the notice: 孵化中心 and each industry's regulator without one. */
export async function missingAssessments(
  tx: Pick<TransactionPort, 'get'>,
  application: Pick<Application, '_id' | 'industries'>,
): Promise<string[]> {
  const missing: string[] = [];
  const needed: [AssessorKind, Industry | null][] = [
    ['incubation', null],
    ...(application.industries ?? []).map((i): [AssessorKind, Industry] => ['regulator', i]),
  ];
  for (const [assessor, industry] of needed) {
    const id = currentAssessmentId(application._id, assessorKeyOf(assessor, industry));
    if ((await tx.get<ApplicationAssessment>(COLLECTIONS.applicationAssessments, id)) === null) {
      missing.push(assessorLabel(assessor, industry));
    }
  }
  return missing;
}

export function sheetTotal(sheet: AssessmentSheet): number {
  return sheet.qualification + sheet.management + sheet.service + sheet.price + sheet.capacity;
}

/** The current assessment record of one assessor (what provider.application.assess writes; the demo data too). */
export function assessmentRecord(
  application: Pick<Application, '_id' | 'orgPath'>,
  assessor: AssessorKind,
  industry: Industry | null,
  by: { readonly openid: string; readonly role: string },
  input: { readonly sheet: AssessmentSheet; readonly comment: string; readonly recommend: boolean },
  now: number,
): ApplicationAssessment {
  const key = assessorKeyOf(assessor, industry);
  return {
    _id: currentAssessmentId(application._id, key),
    applicationId: application._id,
    assessorKey: key,
    assessor,
    industry,
    assessorOpenid: by.openid,
    assessorRole: by.role,
    sheet: { ...input.sheet },
    total: sheetTotal(input.sheet),
    comment: input.comment,
    recommend: input.recommend,
    assessedAt: now,
    supersededAt: null,
    orgPath: application.orgPath,
  };
}

/** What the applicant hears of a step. */
const PHRASE_OF: Partial<
  Record<ApplicationStatus, (typeof APPLICATION_PROGRESS_PHRASES)[keyof typeof APPLICATION_PROGRESS_PHRASES]>
> = {
  under_review: APPLICATION_PROGRESS_PHRASES.under_review,
  returned: APPLICATION_PROGRESS_PHRASES.returned,
  rejected: APPLICATION_PROGRESS_PHRASES.rejected,
  noticed: APPLICATION_PROGRESS_PHRASES.noticed,
};

/** The fields a decision writes besides the status. */
function decisionPatch(
  config: PlatformConfig,
  application: Application,
  to: ApplicationStatus,
  reason: string | null,
  now: number,
): Record<string, unknown> {
  switch (to) {
    case 'noticed':
      return {
        noticeStartedAt: now,
        noticeEndsAt: now + config.governance.noticeDays * DAY_MS,
        noticeEndToldAt: null,
      };
    case 'returned':
    case 'rejected':
      return { lastReason: reason };
    case 'under_review':
      // Back from the notice (an objection): the notice is over; a new one starts if it is chosen again.
      return application.status === 'noticed' ? { noticeEndsAt: null, lastReason: reason } : {};
    default:
      return {};
  }
}

/** provider.application.decide: start the review, return, reject, or publish the notice. */
export async function decideApplication(input: UseCaseInput): Promise<ApplicationStepResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(applicationDecisionSchema, input.command);
  if (!DECIDABLE.includes(command.to)) {
    throw applicationError('APPLICATION_DECISION_NOT_AVAILABLE', { to: command.to });
  }
  return runCommand(ports, actor, 'provider.application.decide', command, async (ctx) => {
    const { tx, now } = ctx;
    const application = await loadApplication(tx, actor, command.applicationId);
    const step = APPLICATION_LIFECYCLE.authorizeAndTransition(
      actor,
      application,
      command.to,
      applicationTarget(application),
      now,
      command.reason,
    );
    if (command.to === 'noticed') {
      const missing = await missingAssessments(tx, application);
      if (missing.length > 0) throw assessmentMissingError(missing);
    }
    await tx.update(COLLECTIONS.applications, application._id, {
      status: command.to,
      statusChangedAt: now,
      updatedAt: now,
      ...decisionPatch(config, application, command.to, step.event.reason, now),
    });
    await recordEvent(tx, ports.ids, application.orgPath, step.event);
    const phrase = PHRASE_OF[command.to];
    if (phrase !== undefined) {
      const unit = await unitName(ports.db, application.orgUnitId);
      await notifyAfterCommit(
        ctx,
        ports,
        application._id,
        progressMessage(config, application, phrase, unit, now),
        now,
      );
    }
    const why = step.event.reason === null ? '' : `（${step.event.reason.slice(0, 60)}）`;
    ctx.audit({
      entityType: 'application',
      entityId: application._id,
      orgPath: application.orgPath,
      role: step.event.actor.role,
      summary: `${step.rule.label}：${application.name}${why}`,
    });
    return {
      applicationId: application._id,
      status: command.to,
      statusLabel: statusLabelOf(command.to),
      statusChangedAt: now,
    };
  });
}

/** provider.application.withdraw: the applicant takes it back, until the agreement is signed. */
export async function withdrawApplication(input: UseCaseInput): Promise<ApplicationStepResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(applicationWithdrawSchema, input.command);
  return runCommand(ports, actor, 'provider.application.withdraw', command, async (ctx) => {
    const { tx, now } = ctx;
    const application = await loadApplication(tx, actor, command.applicationId);
    const step = APPLICATION_LIFECYCLE.authorizeAndTransition(
      actor,
      application,
      'withdrawn',
      applicationTarget(application),
      now,
      command.reason,
    );
    await tx.update(COLLECTIONS.applications, application._id, {
      status: 'withdrawn',
      statusChangedAt: now,
      updatedAt: now,
      noticeEndsAt: application.status === 'noticed' ? now : application.noticeEndsAt,
    });
    await recordEvent(tx, ports.ids, application.orgPath, step.event);
    ctx.audit({
      entityType: 'application',
      entityId: application._id,
      orgPath: application.orgPath,
      role: step.event.actor.role,
      summary: `${step.rule.label}：${application.name}`,
    });
    return {
      applicationId: application._id,
      status: 'withdrawn',
      statusLabel: statusLabelOf('withdrawn'),
      statusChangedAt: now,
    };
  });
}

/**
 * Which assessor(s) the caller assesses as: a worker or leader of the unit, the incubation centre; a
 * regulator, its industry's (a regulator grant without an industry assesses for each industry of the
 * application). The matrix decides (provider.assess; a regulator only for an industry of the application).
 */
function assessorsOf(
  actor: Actor,
  application: Application,
): { role: string; assessors: [AssessorKind, Industry | null][] } {
  const { grant } = authorize(actor, 'provider.assess', applicationTarget(application));
  if (grant.role !== 'industry_regulator') return { role: grant.role, assessors: [['incubation', null]] };
  const industries = application.industries ?? [];
  const own = grant.industry === undefined ? industries : industries.filter((i) => i === grant.industry);
  return { role: grant.role, assessors: own.map((i): [AssessorKind, Industry] => ['regulator', i]) };
}

/** provider.application.assess: the score sheet, comment and recommendation of one assessor. */
export async function assessApplication(input: UseCaseInput): Promise<ApplicationAssessResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(applicationAssessSchema, input.command);
  return runCommand(ports, actor, 'provider.application.assess', command, async (ctx) => {
    const { tx, now } = ctx;
    const application = await loadApplication(tx, actor, command.applicationId);
    const { role, assessors } = assessorsOf(actor, application);
    if (application.status !== 'under_review' || assessors.length === 0) {
      throw applicationError('APPLICATION_NOT_ASSESSABLE', { status: application.status });
    }
    const total = sheetTotal(command.sheet);
    let replaced = false;
    let firstId = '';
    for (const [assessor, industry] of assessors) {
      const record = assessmentRecord(
        application,
        assessor,
        industry,
        { openid: actor.openid, role },
        command,
        now,
      );
      const id = record._id;
      const current = await tx.get<ApplicationAssessment>(COLLECTIONS.applicationAssessments, id);
      if (current === null) {
        await tx.insert(COLLECTIONS.applicationAssessments, record);
      } else {
        // The older one is kept as its own record, marked superseded.
        const older: ApplicationAssessment = { ...current, _id: ports.ids.next(), supersededAt: now };
        await tx.insert(COLLECTIONS.applicationAssessments, older);
        const { _id: _same, ...fields } = record;
        await tx.update(COLLECTIONS.applicationAssessments, id, fields);
        replaced = true;
      }
      if (firstId === '') firstId = id;
    }
    const [assessor, industry] = assessors[0]!;
    const missing = await missingAssessmentsAfter(tx, application, assessors);
    ctx.audit({
      entityType: 'application',
      entityId: application._id,
      orgPath: application.orgPath,
      summary: `评估入驻申请（${assessorLabel(assessor, industry)}，${total} 分，${command.recommend ? '推荐' : '不推荐'}）：${application.name}`,
    });
    return {
      assessmentId: firstId,
      applicationId: application._id,
      assessor,
      assessorLabel: assessorLabel(assessor, industry),
      industry,
      total,
      missingAssessments: missing,
      replaced,
    };
  });
}

/** What is still missing once these assessors' records are written (reads in a transaction see its own writes? not on every port: count them as present). */
async function missingAssessmentsAfter(
  tx: Pick<TransactionPort, 'get'>,
  application: Application,
  written: readonly [AssessorKind, Industry | null][],
): Promise<string[]> {
  const done = new Set(written.map(([a, i]) => assessorLabel(a, i)));
  return (await missingAssessments(tx, application)).filter((label) => !done.has(label));
}
