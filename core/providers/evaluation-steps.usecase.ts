/**
 * The steps of an evaluation after its campaign started (docs/governance.md):
 * - evaluation.input: a reviewer (the unit's worker or leader, or the regulator of one of the provider's
 *   industries) gives a 0-100 score and a comment; one input per reviewer, a new one replaces the older.
 * - provider.evaluate: the unit decides the grade and the outcome (通报表扬 / 通报批评 / 调整等级 /
 *   限期整改 with a deadline and a problem list). In one transaction: the evaluation is published (the
 *   mini-program's provider page and the console list it), the grade is copied onto the provider and its
 *   reputation recomputed and copied to every offering (what matching reads); for rectify the provider
 *   moves to rectifying (the life cycle's step, so only a leader or a regulator can order it) and out of
 *   matching. The provider's managers are told (TPL_GOVERNANCE_NOTICE); its board rows are rewritten after
 *   the commit.
 *
 * An evaluation the caller may not act on answers like one that does not exist (EVALUATION_NOT_FOUND).
 */
import { checkAccess } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { recordEvent, runCommand, type CommandTransaction } from '../kernel/command.runner';
import type { TransactionPort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { PlatformConfig } from '../kernel/platform.config';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import {
  PROVIDER_LIFECYCLE,
  PROVIDER_STATUS_LABELS,
  startRectification,
  type ProviderStatus,
} from '../lifecycle/provider.lifecycle';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { COLLECTIONS } from '../model/collections.model';
import { EVALUATION_OUTCOME_LABELS, type Evaluation, type EvaluationReview } from '../model/evaluation.model';
import type { Offering } from '../model/offering.model';
import type { Provider } from '../model/provider.model';
import {
  copyReputationToOfferings,
  providerReputation,
  providerReputationPatch,
} from '../reputation/provider-reputation';
import { EVALUATION_GRADE_LABELS, type Reputation } from '../reputation/reputation.formula';
import { parseCommand } from '../schemas/command.parser';
import {
  evaluationInputSchema,
  providerEvaluateSchema,
  type ProviderEvaluateCommand,
} from '../schemas/evaluation.schema';
import {
  configOf,
  evaluatingUnitPath,
  GOVERNANCE_PHRASES,
  governanceNotices,
  MAX_OFFERINGS,
  providerManagers,
  providerTarget,
  unitNames,
} from './evaluation-support';
import { evaluationError } from './evaluation.errors';
import type { EvaluationInputResult, ProviderEvaluateResult } from './evaluation.replies';
import { refreshProviderRows } from './red-star-board';

const DAY_MS = 86_400_000;

/** The evaluation as the transaction reads it, when the actor may evaluate its provider; else NOT_FOUND. */
export async function evaluationFor(
  tx: Pick<TransactionPort, 'get'>,
  actor: Actor,
  evaluationId: string,
): Promise<{ evaluation: Evaluation; role: string; industry: string | null }> {
  const evaluation = await tx.get<Evaluation>(COLLECTIONS.evaluations, evaluationId);
  if (evaluation === null) throw evaluationError('EVALUATION_NOT_FOUND', { evaluationId });
  const access = checkAccess(
    actor,
    'provider.evaluate',
    providerTarget({ _id: evaluation.providerId, orgPath: evaluation.orgPath }, evaluation.industries ?? []),
  );
  if (!access.ok) throw evaluationError('EVALUATION_NOT_FOUND', { evaluationId });
  return { evaluation, role: access.value.role, industry: access.value.grant.industry ?? null };
}

/** The average of the reviewers' scores, one decimal. */
export function averageScore(reviews: readonly EvaluationReview[]): number | null {
  if (reviews.length === 0) return null;
  return Math.round((reviews.reduce((sum, r) => sum + r.score, 0) / reviews.length) * 10) / 10;
}

export async function inputEvaluation(input: UseCaseInput): Promise<EvaluationInputResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(evaluationInputSchema, input.command);
  orThrow(listScope(actor, 'provider.evaluate'));
  return runCommand(ports, actor, 'evaluation.input', command, async ({ tx, now, audit }) => {
    const { evaluation, role, industry } = await evaluationFor(tx, actor, command.evaluationId);
    if ((evaluation.status ?? 'published') !== 'draft') {
      throw evaluationError('EVALUATION_ALREADY_PUBLISHED', { evaluationId: evaluation._id });
    }
    const review: EvaluationReview = {
      openid: actor.openid,
      role,
      industry,
      score: command.reviewerScore,
      comment: command.comment,
      at: now,
    };
    const reviews = [...(evaluation.reviews ?? []).filter((r) => r.openid !== actor.openid), review];
    await tx.update(COLLECTIONS.evaluations, evaluation._id, { reviews, updatedAt: now });
    audit({
      entityType: 'evaluation',
      entityId: evaluation._id,
      orgPath: evaluation.orgPath,
      summary: `考核评审意见：${evaluation.providerName}（${command.reviewerScore} 分）`,
    });
    return {
      evaluationId: evaluation._id,
      reviewCount: reviews.length,
      reviewerScore: averageScore(reviews)!,
    };
  });
}

export async function decideEvaluation(input: UseCaseInput): Promise<ProviderEvaluateResult> {
  const { ports, actor } = input;
  const config = configOf(input);
  requireIdentity(actor);
  const command = parseCommand(providerEvaluateSchema, input.command);
  orThrow(listScope(actor, 'provider.evaluate'));
  return runCommand(ports, actor, 'provider.evaluate', command, async (ctx) => {
    const { tx, now } = ctx;
    const { evaluation } = await evaluationFor(tx, actor, command.evaluationId);
    if ((evaluation.status ?? 'published') !== 'draft') {
      throw evaluationError('EVALUATION_ALREADY_PUBLISHED', { evaluationId: evaluation._id });
    }
    const provider = await tx.get<Provider>(COLLECTIONS.providers, evaluation.providerId);
    if (provider === null || (provider.status !== 'active' && provider.status !== 'rectifying')) {
      throw evaluationError('EVALUATION_PROVIDER_NOT_EVALUABLE', { providerId: evaluation.providerId });
    }
    const decision: Decision = { ports, config, actor, ctx, command, evaluation, provider };
    const { status, rectifyDeadline } = await rectifyIfOrdered(decision);
    const reputation = await copyGrade(decision, status, rectifyDeadline);
    await tx.update(COLLECTIONS.evaluations, evaluation._id, {
      grade: command.grade,
      outcome: command.outcome,
      problems: command.problems,
      summary: command.summary,
      evaluatorOpenid: actor.openid,
      rectifyDeadline,
      published: true,
      status: 'published',
      publishedAt: now,
      recheckDueNotifiedAt: null,
      updatedAt: now,
    });
    await tellManagers(decision);

    const gradeLabel = EVALUATION_GRADE_LABELS[command.grade];
    const outcomeLabel = EVALUATION_OUTCOME_LABELS[command.outcome];
    ctx.audit({
      entityType: 'evaluation',
      entityId: evaluation._id,
      orgPath: evaluation.orgPath,
      summary: `公布考核结果：${provider.name}，${gradeLabel}，${outcomeLabel}`,
    });
    return {
      evaluationId: evaluation._id,
      providerId: provider._id,
      grade: command.grade,
      gradeLabel,
      outcome: command.outcome,
      outcomeLabel,
      status: 'published',
      publishedAt: now,
      providerStatus: status,
      providerStatusLabel: PROVIDER_STATUS_LABELS[status],
      rectifyDeadline,
      reputation: reputation.score,
      starLevel: reputation.starLevel,
    };
  });
}

/** What the steps of one decision work with. */
interface Decision {
  readonly ports: PlatformPorts;
  readonly config: PlatformConfig;
  readonly actor: Actor;
  readonly ctx: CommandTransaction;
  readonly command: ProviderEvaluateCommand;
  readonly evaluation: Evaluation;
  readonly provider: Provider;
}

/** Rectify: the life cycle's step (leaders and regulators only; from active), with its deadline. */
async function rectifyIfOrdered(
  d: Decision,
): Promise<{ status: ProviderStatus; rectifyDeadline: number | null }> {
  const { ports, config, actor, ctx, command, evaluation, provider } = d;
  if (command.outcome !== 'rectify') return { status: provider.status, rectifyDeadline: null };
  const deadline = command.rectifyDeadline ?? ctx.now + config.governance.rectifyDefaultDays * DAY_MS;
  const target = providerTarget(provider, evaluation.industries ?? []);
  const actingAs = orThrow(PROVIDER_LIFECYCLE.checkStep(actor, provider, 'rectifying', target));
  const reason = `考核评价责令限期整改：${command.problems.join('；')}`;
  const step = startRectification(provider, actingAs, ctx.now, reason, deadline);
  await recordEvent(ctx.tx, ports.ids, provider.orgPath, {
    ...step.event,
    details: { ...step.event.details, evaluationId: evaluation._id },
  });
  return { status: step.entity.status, rectifyDeadline: deadline };
}

/**
 * The grade onto the provider (and a new status), the reputation recomputed from it and copied to the
 * offerings with the status (what matching reads), in the transaction.
 */
async function copyGrade(
  d: Decision,
  status: ProviderStatus,
  rectifyDeadline: number | null,
): Promise<Reputation> {
  const { ports, config, ctx, command, evaluation, provider } = d;
  const { tx, now } = ctx;
  const reputation = providerReputation({ ...provider, latestEvaluationGrade: command.grade }, config);
  await tx.update(COLLECTIONS.providers, provider._id, {
    latestEvaluationGrade: command.grade,
    latestEvaluationYear: evaluation.year,
    ...(status === provider.status ? {} : { status, statusChangedAt: now, rectifyDeadline }),
    ...providerReputationPatch(reputation, now),
  });
  await copyReputationToOfferings(tx, ports.db, provider._id, reputation, now);
  if (status !== provider.status) {
    const offerings = await ports.db.find<Pick<Offering, '_id'>>(
      COLLECTIONS.offerings,
      { providerId: provider._id },
      { fields: ['_id'], limit: MAX_OFFERINGS },
    );
    for (const o of offerings) await tx.update(COLLECTIONS.offerings, o._id, { providerStatus: status });
  }
  return reputation;
}

/** The provider's managers told (after the commit), and its board rows rewritten. */
async function tellManagers(d: Decision): Promise<void> {
  const { ports, config, ctx, command, evaluation, provider } = d;
  const [unitName = ''] = await unitNames(ports.db, [await evaluatingUnitPath(ctx.tx, evaluation)]);
  const managers = await providerManagers(ports.db, provider._id);
  const phrase = command.outcome === 'rectify' ? GOVERNANCE_PHRASES.rectify : GOVERNANCE_PHRASES.published;
  const stored = await enqueueMessages(
    ctx.tx,
    ports.ids,
    evaluation._id,
    governanceNotices(config, managers, provider, phrase, unitName, ctx.now),
    ctx.now,
  );
  ctx.afterCommit(async () => {
    await deliverMessages(ports.db, ports.notifier, stored, ctx.now);
    await refreshProviderRows(ports.db, config, provider._id, ctx.now);
  });
}
