/**
 * evaluation.list and evaluation.detail. Reviewers (whoever may evaluate: the unit's workers and leaders, the
 * regulators of the provider's industries) see the evaluations of their units, drafts included. Published
 * evaluations are public (公示): anyone signed in may list those of one provider (`providerId`), which is
 * what the mini-program's provider page and the provider's own staff read. Anything else the caller may not
 * see answers EVALUATION_NOT_FOUND (detail) or PERMISSION_DENIED (a list without a provider).
 */
import { can } from '../auth/authorize';
import { listIndustries, listScope } from '../auth/list-scope';
import { ROLE_LABELS, type Actor, type Role } from '../auth/roles';
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { refusalError } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { PROVIDER_STATUS_LABELS } from '../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import { EVALUATION_KIND_LABELS, EVALUATION_STATUS_LABELS, type Evaluation } from '../model/evaluation.model';
import { INDUSTRY_LABELS, isIndustry } from '../model/industry.model';
import type { Provider } from '../model/provider.model';
import { EVALUATION_GRADE_LABELS } from '../reputation/reputation.formula';
import { parseCommand } from '../schemas/command.parser';
import { evaluationDetailSchema, evaluationListSchema } from '../schemas/evaluation.schema';
import { averageScore } from './evaluation-steps.usecase';
import { outcomeLabelOf, providerTarget } from './evaluation-support';
import { evaluationError } from './evaluation.errors';
import type {
  EvaluationDetail,
  EvaluationListItem,
  EvaluationListResult,
  EvaluationReviewView,
} from './evaluation.replies';
import { pageOfUnion } from './feedback-common';

function targetOf(e: Evaluation) {
  return providerTarget({ _id: e.providerId, orgPath: e.orgPath }, e.industries ?? []);
}

/** Whether the caller reviews this evaluation (drafts, reviewers' input). */
function reviews(actor: Actor, e: Evaluation): boolean {
  return can(actor, 'provider.evaluate', targetOf(e));
}

function isPublished(e: Evaluation): boolean {
  return (e.status ?? 'published') === 'published' && e.published;
}

/** A list row; the reviewers' figures only for those who review it (`reviewer`). */
export function listItemOf(e: Evaluation, reviewer = true): EvaluationListItem {
  const status = e.status ?? 'published';
  const kind = e.kind ?? 'yearly';
  return {
    evaluationId: e._id,
    campaignId: e.campaignId ?? null,
    campaignTitle: e.campaignTitle ?? null,
    providerId: e.providerId,
    providerName: e.providerName,
    year: e.year,
    kind,
    kindLabel: EVALUATION_KIND_LABELS[kind],
    status,
    statusLabel: EVALUATION_STATUS_LABELS[status],
    grade: e.grade,
    gradeLabel: e.grade === null ? null : EVALUATION_GRADE_LABELS[e.grade],
    outcome: e.outcome ?? null,
    outcomeLabel: outcomeLabelOf(e.outcome) || null,
    reviewCount: reviewer ? (e.reviews ?? []).length : null,
    reviewerScore: reviewer ? averageScore(e.reviews ?? []) : null,
    rectifyDeadline: e.rectifyDeadline,
    publishedAt: e.publishedAt ?? (status === 'published' ? e.updatedAt : null),
    createdAt: e.createdAt,
  };
}

export async function listEvaluations(input: UseCaseInput): Promise<EvaluationListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(evaluationListSchema, input.command);
  const _ = ports.db.command;
  const filter: Record<string, unknown> = {};
  if (query.campaignId !== undefined) filter.campaignId = query.campaignId;
  if (query.providerId !== undefined) filter.providerId = query.providerId;
  // `published` is the flag the public reads; older records carry no `status`.
  if (query.status === 'published') filter.published = true;
  else if (query.status !== undefined) filter.status = query.status;

  const scope = listScope(actor, 'provider.evaluate');
  let wheres: Where[];
  if (scope.ok) {
    const industries = listIndustries(actor, 'provider.evaluate');
    const extra: Where = {
      ...(filter as Where),
      ...(industries === null ? {} : { industries: _.in([...industries]) }),
    };
    wheres = scope.value.all ? [extra] : scope.value.paths.map((p) => ({ orgPath: _.prefix(p), ...extra }));
    // A provider outside the reviewer's units: its published evaluations, as anyone sees them.
    if (query.providerId !== undefined && query.status !== 'draft') {
      wheres.push({ providerId: query.providerId, published: true });
    }
  } else if (query.providerId !== undefined) {
    if (query.status === 'draft')
      return { items: [], total: 0, page: query.page, pageSize: query.pageSize, hasMore: false };
    wheres = [{ ...(filter as Where), published: true }];
  } else {
    throw refusalError(scope.refusal);
  }
  return pageOfUnion<Evaluation, EvaluationListItem>(ports.db, COLLECTIONS.evaluations, wheres, query, (e) =>
    listItemOf(e, reviews(actor, e)),
  );
}

function reviewView(r: NonNullable<Evaluation['reviews']>[number]): EvaluationReviewView {
  const role = ROLE_LABELS[r.role as Role] ?? r.role;
  const industry = r.industry !== null && isIndustry(r.industry) ? `（${INDUSTRY_LABELS[r.industry]}）` : '';
  return { byLabel: `${role}${industry}`, score: r.score, comment: r.comment, at: r.at };
}

export async function evaluationDetail(input: UseCaseInput): Promise<EvaluationDetail> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(evaluationDetailSchema, input.command);
  const e = await ports.db.get<Evaluation>(COLLECTIONS.evaluations, query.evaluationId);
  if (e === null) throw evaluationError('EVALUATION_NOT_FOUND', { evaluationId: query.evaluationId });
  const reviewer = reviews(actor, e);
  if (!reviewer && !isPublished(e)) {
    throw evaluationError('EVALUATION_NOT_FOUND', { evaluationId: query.evaluationId });
  }
  const provider = await ports.db.get<Provider>(COLLECTIONS.providers, e.providerId);
  const providerStatus = provider?.status ?? 'removed';
  const target = targetOf(e);
  const draft = (e.status ?? 'published') === 'draft';
  return {
    ...listItemOf(e, reviewer),
    // The figures and the reviewers' input are the reviewers'; the public sees the result.
    indicators: reviewer ? (e.indicators ?? null) : null,
    reviews: reviewer ? (e.reviews ?? []).map(reviewView) : [],
    problems: e.problems,
    summary: e.summary,
    providerStatus,
    providerStatusLabel: PROVIDER_STATUS_LABELS[providerStatus],
    actions: {
      canInput: draft && reviewer,
      canEvaluate: draft && reviewer,
      canRecheck:
        providerStatus === 'rectifying' && e.outcome === 'rectify' && can(actor, 'provider.rectify', target),
      canRemove:
        ['active', 'suspended', 'rectifying'].includes(providerStatus) &&
        can(actor, 'provider.blacklist', target),
    },
  };
}
