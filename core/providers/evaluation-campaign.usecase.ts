/**
 * evaluation.campaign.start: a unit's worker or leader opens a yearly (or ad hoc) evaluation round (考核) for
 * every provider the unit manages (its `orgPath` within the unit) that is active or rectifying. Each
 * provider gets a draft evaluation carrying its indicators for the period, computed from the data
 * (core/providers/evaluation-indicators.ts); reviewers then add their input (evaluation.input) and the
 * unit decides (provider.evaluate).
 *
 * An industry regulator whose grant names an industry starts a round of that industry's providers in the unit
 * only (the campaign records its `industries`); a grant without an industry covers every industry.
 *
 * A yearly round exists once per unit, year and industries (EVALUATION_CAMPAIGN_EXISTS); ad hoc rounds as
 * often as needed. A unit the caller does not act for answers like one that does not exist
 * (EVALUATION_UNIT_NOT_FOUND).
 */
import { can } from '../auth/authorize';
import { listIndustries, listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { INDUSTRY_LABELS, isIndustry } from '../model/industry.model';
import { runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { Evaluation, EvaluationCampaign, StoredEvaluationIndicators } from '../model/evaluation.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Provider } from '../model/provider.model';
import { parseCommand } from '../schemas/command.parser';
import {
  evaluationCampaignStartSchema,
  type EvaluationCampaignStartCommand,
} from '../schemas/evaluation.schema';
import { computeIndicators, evaluationPeriod } from './evaluation-indicators';
import { configOf, providerIndustries } from './evaluation-support';
import { evaluationError } from './evaluation.errors';
import type { EvaluationCampaignStartResult } from './evaluation.replies';

/** Providers one round evaluates at most (a community manages a few dozen). */
const MAX_PROVIDERS_PER_CAMPAIGN = 200;

export async function startEvaluationCampaign(input: UseCaseInput): Promise<EvaluationCampaignStartResult> {
  const { ports, actor } = input;
  const config = configOf(input);
  requireIdentity(actor);
  const command = parseCommand(evaluationCampaignStartSchema, input.command);
  orThrow(listScope(actor, 'provider.evaluate'));
  const unit = await ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, command.orgUnitId);
  const covered = unit === null ? undefined : campaignIndustries(actor, unit.path);
  if (unit === null || covered === undefined) {
    throw evaluationError('EVALUATION_UNIT_NOT_FOUND', { orgUnitId: command.orgUnitId });
  }
  const _ = ports.db.command;
  const candidates = await ports.db.find<Provider>(
    COLLECTIONS.providers,
    { orgPath: _.prefix(unit.path), status: _.in(['active', 'rectifying']) },
    { orderBy: [['_id', 'asc']], limit: MAX_PROVIDERS_PER_CAMPAIGN },
  );

  // The figures are read before the transaction (queries never take part in one): a retried attempt
  // writes the same drafts.
  const now0 = ports.clock.now();
  const period = evaluationPeriod(command.kind, command.year, now0);
  const drafts: { provider: Provider; industries: string[]; indicators: StoredEvaluationIndicators }[] = [];
  for (const provider of candidates) {
    const industries = await providerIndustries(ports.db, provider);
    // A regulator's round: its industries' providers only.
    if (covered !== null && !industries.some((i) => covered.includes(i))) continue;
    drafts.push({
      provider,
      industries,
      indicators: await computeIndicators(ports.db, config, provider._id, period),
    });
  }
  if (drafts.length === 0) throw evaluationError('EVALUATION_NO_PROVIDERS', { orgUnitId: unit._id });

  return runCommand(ports, actor, 'evaluation.campaign.start', command, async ({ tx, now, audit }) => {
    const industryPart = covered === null ? '' : `-${covered.join('-')}`;
    const campaignId =
      command.kind === 'yearly'
        ? `camp-${unit._id}-${command.year}${industryPart}`
        : `camp-${ports.ids.next()}`;
    if ((await tx.get<EvaluationCampaign>(COLLECTIONS.evaluationCampaigns, campaignId)) !== null) {
      throw evaluationError('EVALUATION_CAMPAIGN_EXISTS', { campaignId });
    }
    const evaluationIds: string[] = [];
    for (const { provider, industries, indicators } of drafts) {
      const evaluation = draftEvaluation({
        _id: `ev-${ports.ids.next()}`,
        provider,
        industries,
        indicators,
        campaignId,
        command,
        now,
      });
      await tx.insert(COLLECTIONS.evaluations, evaluation);
      evaluationIds.push(evaluation._id);
    }
    const campaign: EvaluationCampaign = {
      _id: campaignId,
      orgUnitId: unit._id,
      year: command.year,
      kind: command.kind,
      title: command.title,
      periodFrom: period.from,
      periodTo: period.to,
      evaluationIds,
      createdBy: actor.openid,
      industries: covered,
      orgPath: unit.path,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.evaluationCampaigns, campaign);
    audit({
      entityType: 'evaluation_campaign',
      entityId: campaignId,
      orgPath: unit.path,
      summary: `发起考核：${command.title}（${unit.name}${industryLabel(covered)}，${evaluationIds.length} 家服务机构）`,
    });
    return { campaignId, title: command.title, evaluationIds, evaluationCount: evaluationIds.length };
  });
}

/**
 * The industries a round the actor starts in the unit covers: null for every industry (a grant acting for
 * every industry there: a worker, a leader, a regulator without an industry), else the industries of the
 * actor's regulator grants covering the unit; undefined when the actor may not evaluate there at all.
 */
function campaignIndustries(actor: Actor, unitPath: string): readonly string[] | null | undefined {
  if (can(actor, 'provider.evaluate', { orgPath: unitPath })) return null;
  const industries = (listIndustries(actor, 'provider.evaluate') ?? []).filter((industry) =>
    can(actor, 'provider.evaluate', { orgPath: unitPath, industries: [industry] }),
  );
  return industries.length === 0 ? undefined : industries;
}

function industryLabel(industries: readonly string[] | null): string {
  if (industries === null) return '';
  return `，${industries.map((i) => (isIndustry(i) ? INDUSTRY_LABELS[i] : i)).join('、')}`;
}

/** A provider's draft in a campaign: no grade yet, its indicators, open to reviewers' input. */
function draftEvaluation(draft: {
  readonly _id: string;
  readonly provider: Provider;
  readonly industries: readonly string[];
  readonly indicators: StoredEvaluationIndicators;
  readonly campaignId: string;
  readonly command: EvaluationCampaignStartCommand;
  readonly now: number;
}): Evaluation {
  const { provider, command, now } = draft;
  return {
    _id: draft._id,
    providerId: provider._id,
    providerName: provider.name,
    year: command.year,
    grade: null,
    problems: [],
    summary: '',
    evaluatorOpenid: '',
    rectifyDeadline: null,
    published: false,
    campaignId: draft.campaignId,
    campaignTitle: command.title,
    kind: command.kind,
    status: 'draft',
    outcome: null,
    indicators: draft.indicators,
    reviews: [],
    industries: draft.industries,
    publishedAt: null,
    recheckDueNotifiedAt: null,
    orgPath: provider.orgPath,
    createdAt: now,
    updatedAt: now,
  };
}
