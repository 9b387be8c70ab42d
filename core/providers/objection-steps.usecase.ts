/**
 * Objections to a public notice (公示异议). Anyone signed in may object while an application is noticed and
 * its notice has not ended (provider.application.object): the text goes through content security, the
 * unit's workers and leaders are told, the applicant hears that there is one, never who raised it. The
 * unit's worker or leader answers each (provider.objection.answer: upheld or dismissed, with a reply the
 * applicant reads, content-checked like the objection; the objector is told the outcome); the agreement cannot be signed while one is open. An upheld objection does not move the
 * application by itself: the unit then sends it back to review or, the leader, rejects it
 * (provider.application.decide), with its reason.
 */
import { authorize, can } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { SubscribeMessage } from '../kernel/notifier.port';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import {
  OBJECTION_STATUS_LABELS,
  type Application,
  type ApplicationObjection,
} from '../model/application.model';
import { COLLECTIONS } from '../model/collections.model';
import { fitThing } from '../messaging/template-values';
import { parseCommand } from '../schemas/command.parser';
import { applicationObjectionSchema, objectionAnswerSchema } from '../schemas/provider.schema';
import {
  APPLICATION_PROGRESS_PHRASES,
  APPLICATION_TODO_PHRASES,
  applicationTarget,
  canViewApplication,
  notifyAfterCommit,
  progressMessage,
  reviewersAt,
  todoMessages,
  unitName,
} from './application-access';
import { applicationError } from './application.errors';
import type { ObjectionAnswerResult, ObjectionSubmitResult } from './application.replies';

/** Open to objections: noticed, and the notice has not ended. */
function objectionRefusal(
  actor: UseCaseInput['actor'],
  application: Application | null,
  applicationId: string,
  now: number,
): Error | null {
  if (application === null) return applicationError('APPLICATION_NOT_FOUND', { applicationId });
  const noticed =
    application.status === 'noticed' && (application.noticeEndsAt === null || now < application.noticeEndsAt);
  if (!noticed) {
    // An application not on notice is not public: only those who may see it learn why.
    return canViewApplication(actor, application)
      ? applicationError('APPLICATION_NOT_NOTICED', { status: application.status })
      : applicationError('APPLICATION_NOT_FOUND', { applicationId });
  }
  if (application.applicantOpenid === actor.openid) return applicationError('APPLICATION_OWN');
  return null;
}

/** provider.application.object: an objection during the notice, anonymous to the applicant. */
export async function objectToApplication(input: UseCaseInput): Promise<ObjectionSubmitResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(applicationObjectionSchema, input.command);
  authorize(actor, 'provider.object', {}, { roles: ['resident'] });
  const { db } = ports;
  const before = await db.get<Application>(COLLECTIONS.applications, command.applicationId);
  const early = objectionRefusal(actor, before, command.applicationId, ports.clock.now());
  if (early !== null) throw early;
  const verdict = await ports.contentSecurity.check(command.content, actor.openid, 'comment');
  if (verdict === 'risky') throw applicationError('OBJECTION_TEXT_RISKY');
  const reviewers = await reviewersAt(db, before!.orgPath);
  const unit = await unitName(db, before!.orgUnitId);

  return runCommand(ports, actor, 'provider.application.object', command, async (ctx) => {
    const { tx, now } = ctx;
    const application = await tx.get<Application>(COLLECTIONS.applications, command.applicationId);
    const refusal = objectionRefusal(actor, application, command.applicationId, now);
    if (refusal !== null) throw refusal;
    const found = application!;
    const objection: ApplicationObjection = {
      _id: ports.ids.next(),
      applicationId: found._id,
      objectorOpenid: actor.openid,
      content: command.content,
      contactPhone: command.contactPhone ?? null,
      status: 'open',
      reply: null,
      answeredAt: null,
      answeredBy: null,
      contentFlagged: verdict === 'review',
      orgPath: found.orgPath,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.applicationObjections, objection);
    await tx.update(COLLECTIONS.applications, found._id, {
      openObjections: ports.db.command.inc(1),
      updatedAt: now,
    });
    await notifyAfterCommit(
      ctx,
      ports,
      found._id,
      [
        ...todoMessages(config, reviewers, found, APPLICATION_TODO_PHRASES.objection, unit, now),
        ...progressMessage(config, found, APPLICATION_PROGRESS_PHRASES.objection, unit, now),
      ],
      now,
    );
    ctx.audit({
      entityType: 'application',
      entityId: found._id,
      orgPath: found.orgPath,
      summary: `对入驻公示提出异议：${found.name}`,
    });
    return {
      objectionId: objection._id,
      applicationId: found._id,
      status: 'open',
      statusLabel: OBJECTION_STATUS_LABELS.open,
    };
  });
}

/**
 * The objector hears how their objection was answered (TPL_APPLICATION_PROGRESS: 异议成立 / 异议不成立), in
 * their message centre and as a subscribe message, opening the public notices; the applicant is never told
 * who objected, and the objector is told nothing of the application beyond its name and unit.
 */
function objectorMessage(
  config: PlatformConfig,
  objection: Pick<ApplicationObjection, 'objectorOpenid'>,
  application: Pick<Application, 'name'>,
  decision: 'upheld' | 'dismissed',
  unit: string,
  at: number,
): SubscribeMessage[] {
  if (objection.objectorOpenid.length === 0) return [];
  const phrase =
    decision === 'upheld'
      ? APPLICATION_PROGRESS_PHRASES.objectionUpheld
      : APPLICATION_PROGRESS_PHRASES.objectionDismissed;
  return [
    {
      touser: objection.objectorOpenid,
      templateId: config.templates.applicationProgress,
      page: config.pages.noticeBoard,
      data: {
        thing1: { value: fitThing(application.name) },
        phrase2: { value: phrase },
        thing3: { value: fitThing(unit, '社区') },
        time4: { value: formatShanghaiMinute(at) },
      },
    },
  ];
}

/**
 * provider.objection.answer: the unit's worker or leader upholds or dismisses an objection, with a reply. The
 * reply goes through content security as the objection did (scene 'comment': OBJECTION_REPLY_RISKY, nothing
 * written; held for review: `replyFlagged`), only for a caller who may answer it (anyone else learns nothing).
 */
export async function answerObjection(input: UseCaseInput): Promise<ObjectionAnswerResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(objectionAnswerSchema, input.command);
  const { db } = ports;
  const before = await db.get<ApplicationObjection>(COLLECTIONS.applicationObjections, command.objectionId);
  const beforeApp =
    before === null ? null : await db.get<Application>(COLLECTIONS.applications, before.applicationId);
  const mayAnswer =
    beforeApp !== null && can(actor, 'provider.objection.answer', applicationTarget(beforeApp));
  const verdict = mayAnswer
    ? await ports.contentSecurity.check(command.reply, actor.openid, 'comment')
    : 'pass';
  if (verdict === 'risky') throw applicationError('OBJECTION_REPLY_RISKY');
  const unit = beforeApp === null ? '' : await unitName(db, beforeApp.orgUnitId);
  return runCommand(ports, actor, 'provider.objection.answer', command, async (ctx) => {
    const { tx, now } = ctx;
    const objection = await tx.get<ApplicationObjection>(
      COLLECTIONS.applicationObjections,
      command.objectionId,
    );
    const application =
      objection === null
        ? null
        : await tx.get<Application>(COLLECTIONS.applications, objection.applicationId);
    if (objection === null || application === null || !canViewApplication(actor, application)) {
      throw applicationError('OBJECTION_NOT_FOUND', { objectionId: command.objectionId });
    }
    const { role } = authorize(actor, 'provider.objection.answer', applicationTarget(application));
    if (objection.status !== 'open') {
      throw applicationError('OBJECTION_ALREADY_ANSWERED', { status: objection.status });
    }
    await tx.update(COLLECTIONS.applicationObjections, objection._id, {
      status: command.decision,
      reply: command.reply,
      replyFlagged: verdict === 'review',
      answeredAt: now,
      answeredBy: actor.openid,
      updatedAt: now,
    });
    const open = Math.max(0, (application.openObjections ?? 1) - 1);
    await tx.update(COLLECTIONS.applications, application._id, { openObjections: open, updatedAt: now });
    await notifyAfterCommit(
      ctx,
      ports,
      application._id,
      objectorMessage(config, objection, application, command.decision, unit, now),
      now,
    );
    ctx.audit({
      entityType: 'application',
      entityId: application._id,
      orgPath: application.orgPath,
      role,
      summary: `答复公示异议（${OBJECTION_STATUS_LABELS[command.decision]}）：${application.name}`,
    });
    return {
      objectionId: objection._id,
      applicationId: application._id,
      status: command.decision,
      statusLabel: OBJECTION_STATUS_LABELS[command.decision],
      openObjections: open,
    };
  });
}
