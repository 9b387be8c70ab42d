/**
 * provider.recheck and provider.remove (docs/governance.md "Evaluation, rectification and removal"):
 * - recheck, once a rectifying provider's deadline is near or past: fixed -> active again (整改验收通过), its
 *   offerings matchable again; not fixed -> removed, as below.
 * - remove: a serious violation, from active or suspended, without a rectification round.
 *
 * A removal is one transaction: the provider removed and blacklisted (the life cycle's step: leaders and
 * regulators only, with a reason); every offering's copy of the status set to removed and
 * `providerBlacklisted` (out of matching from the commit); the blacklist entry for its credit code (an
 * application with that code is refused); and the report to the regulators (`regulator_reports`, 报市、县
 * 两级监管部门备案) addressed to the city and county units above the provider, with the reasons, the problem
 * list it failed to fix and its evaluation history — the Word document is generated from it on request
 * (provider.report.document). The provider's managers are told; the provider's waiting and accepted orders
 * are ended by the `order-timers` function and their residents offered the next provider
 * (core/orders/release-stopped-provider-orders.usecase.ts).
 */
import { handRectificationInForce } from '../lifecycle/provider-rectification';
import { listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { recordEvent, runCommand, type CommandTransaction } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { PlatformConfig } from '../kernel/platform.config';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import {
  PROVIDER_LIFECYCLE,
  PROVIDER_STATUS_LABELS,
  type ProviderStatus,
} from '../lifecycle/provider.lifecycle';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { COLLECTIONS } from '../model/collections.model';
import type { Evaluation, RegulatorReport } from '../model/evaluation.model';
import type { Offering } from '../model/offering.model';
import type { BlacklistEntry, Provider } from '../model/provider.model';
import type { ServiceItem } from '../model/catalog.model';
import { EVALUATION_GRADE_LABELS } from '../reputation/reputation.formula';
import { parseCommand } from '../schemas/command.parser';
import { providerRecheckSchema, providerRemoveSchema } from '../schemas/evaluation.schema';
import {
  configOf,
  GOVERNANCE_PHRASES,
  governanceNotices,
  MAX_OFFERINGS,
  outcomeLabelOf,
  providerFor,
  providerManagers,
  providerTarget,
  regulatorPathsAbove,
  unitNames,
} from './evaluation-support';
import { evaluationError } from './evaluation.errors';
import type { ProviderGovernanceStepResult } from './evaluation.replies';
import { refreshProviderRows } from './red-star-board';

/** Evaluations a report lists at most (newest first). */
const HISTORY_LIMIT = 20;

export async function recheckProvider(input: UseCaseInput): Promise<ProviderGovernanceStepResult> {
  const { ports, actor } = input;
  const config = configOf(input);
  requireIdentity(actor);
  const command = parseCommand(providerRecheckSchema, input.command);
  orThrow(listScope(actor, 'provider.rectify'));
  const { industries } = await providerFor(ports.db, actor, command.providerId, 'provider.rectify');
  const facts = command.fixed ? null : await removalFacts(ports, command.providerId);
  return runCommand(ports, actor, 'provider.recheck', command, async (ctx) => {
    const provider = await ctx.tx.get<Provider>(COLLECTIONS.providers, command.providerId);
    if (provider === null) throw evaluationError('PROVIDER_NOT_FOUND', { providerId: command.providerId });
    if (provider.status !== 'rectifying') {
      throw evaluationError('PROVIDER_NOT_RECTIFYING', { providerId: provider._id, status: provider.status });
    }
    if (facts !== null) {
      const reasons = [`整改期限届满验收未通过，问题依然存在：${command.reason}`];
      return removeInTransaction({ ports, config, actor, ctx, provider, industries, reasons, facts });
    }
    const target = providerTarget(provider, industries);
    const step = PROVIDER_LIFECYCLE.authorizeAndTransition(
      actor,
      provider,
      'active',
      target,
      ctx.now,
      command.reason,
    );
    await ctx.tx.update(COLLECTIONS.providers, provider._id, {
      status: 'active',
      statusChangedAt: ctx.now,
      rectifyDeadline: null,
      boardStale: true,
      updatedAt: ctx.now,
    });
    const offeringsUpdated = await copyStatusToOfferings(ports, ctx, provider._id, {
      providerStatus: 'active',
    });
    await recordEvent(ctx.tx, ports.ids, provider.orgPath, step.event);
    await notifyManagers(ports, config, ctx, provider, GOVERNANCE_PHRASES.accepted);
    ctx.afterCommit(() => refreshProviderRows(ports.db, config, provider._id, ctx.now));
    ctx.audit({
      entityType: 'provider',
      entityId: provider._id,
      orgPath: provider.orgPath,
      role: step.event.actor.role,
      summary: `${step.rule.label}：${provider.name}（${command.reason}）`,
    });
    return stepResult(provider._id, 'active', ctx.now, false, null, offeringsUpdated);
  });
}

export async function removeProvider(input: UseCaseInput): Promise<ProviderGovernanceStepResult> {
  const { ports, actor } = input;
  const config = configOf(input);
  requireIdentity(actor);
  const command = parseCommand(providerRemoveSchema, input.command);
  orThrow(listScope(actor, 'provider.blacklist'));
  const { industries } = await providerFor(ports.db, actor, command.providerId, 'provider.blacklist');
  const facts = await removalFacts(ports, command.providerId);
  return runCommand(ports, actor, 'provider.remove', command, async (ctx) => {
    const provider = await ctx.tx.get<Provider>(COLLECTIONS.providers, command.providerId);
    if (provider === null) throw evaluationError('PROVIDER_NOT_FOUND', { providerId: command.providerId });
    const reasons = [`严重违规：${command.reason}`];
    return removeInTransaction({ ports, config, actor, ctx, provider, industries, reasons, facts });
  });
}

/** What a removal reads before its transaction (queries never take part in one). */
interface RemovalFacts {
  readonly evaluations: readonly Evaluation[];
  readonly itemNames: readonly string[];
}

async function removalFacts(ports: PlatformPorts, providerId: string): Promise<RemovalFacts> {
  const evaluations = await ports.db.find<Evaluation>(
    COLLECTIONS.evaluations,
    { providerId },
    {
      orderBy: [
        ['year', 'desc'],
        ['createdAt', 'desc'],
      ],
      limit: HISTORY_LIMIT,
    },
  );
  const offerings = await ports.db.find<Pick<Offering, '_id' | 'itemId'>>(
    COLLECTIONS.offerings,
    { providerId },
    { fields: ['itemId'], limit: MAX_OFFERINGS },
  );
  const itemIds = [...new Set(offerings.map((o) => o.itemId))];
  const items =
    itemIds.length === 0
      ? []
      : await ports.db.find<Pick<ServiceItem, '_id' | 'name'>>(
          COLLECTIONS.serviceItems,
          { _id: ports.db.command.in(itemIds) },
          { fields: ['name'], limit: itemIds.length },
        );
  return {
    evaluations: evaluations.filter((e) => e.published && e.grade !== null),
    itemNames: items.map((i) => i.name).sort(),
  };
}

interface Removal {
  readonly ports: PlatformPorts;
  readonly config: PlatformConfig;
  readonly actor: Actor;
  readonly ctx: CommandTransaction;
  readonly provider: Provider;
  readonly industries: readonly string[];
  readonly reasons: readonly string[];
  readonly facts: RemovalFacts;
}

async function removeInTransaction(removal: Removal): Promise<ProviderGovernanceStepResult> {
  const { ports, config, actor, ctx, provider, industries, reasons } = removal;
  const { tx, now } = ctx;
  const target = providerTarget(provider, industries);
  const step = PROVIDER_LIFECYCLE.authorizeAndTransition(
    actor,
    provider,
    'removed',
    target,
    now,
    reasons.join('；'),
  );
  await tx.update(COLLECTIONS.providers, provider._id, {
    status: 'removed',
    statusChangedAt: now,
    rectifyDeadline: null,
    blacklisted: true,
    boardStale: true,
    updatedAt: now,
  });
  const offeringsUpdated = await copyStatusToOfferings(ports, ctx, provider._id, {
    providerStatus: 'removed',
    providerBlacklisted: true,
  });

  const reportedToPaths = regulatorPathsAbove(provider.orgPath);
  const [unitName = '', ...reportedToNames] = await unitNames(ports.db, [
    provider.orgPath,
    ...reportedToPaths,
  ]);
  await writeBlacklistEntry(tx, {
    _id: `bl-${provider.creditCode}`,
    creditCode: provider.creditCode,
    providerId: provider._id,
    providerName: provider.name,
    reason: reasons.join('；'),
    reportedToPaths,
    createdBy: actor.openid,
    createdAt: now,
    orgPath: provider.orgPath,
  });
  const reportId = `rr-${ports.ids.next()}`;
  const report = reportOf(removal, {
    _id: reportId,
    unitName,
    reportedToPaths,
    reportedToNames,
    createdByRole: step.event.actor.role,
  });
  await tx.insert(COLLECTIONS.regulatorReports, report);
  await recordEvent(tx, ports.ids, provider.orgPath, {
    ...step.event,
    details: { reportId, reportedToPaths },
  });
  await notifyManagers(ports, config, ctx, provider, GOVERNANCE_PHRASES.removed);
  ctx.afterCommit(() => refreshProviderRows(ports.db, config, provider._id, now));
  ctx.audit({
    entityType: 'provider',
    entityId: provider._id,
    orgPath: provider.orgPath,
    role: step.event.actor.role,
    summary: `${step.rule.label}：${provider.name}（${reasons.join('；')}），已报${reportedToNames.join('、')}备案`,
  });
  return stepResult(provider._id, 'removed', now, true, reportId, offeringsUpdated);
}

/** The blacklist entry of the credit code (one per code: a second removal of the same code replaces it). */
async function writeBlacklistEntry(tx: CommandTransaction['tx'], entry: BlacklistEntry): Promise<void> {
  if ((await tx.get<BlacklistEntry>(COLLECTIONS.blacklistEntries, entry._id)) === null) {
    await tx.insert(COLLECTIONS.blacklistEntries, entry);
  } else {
    const { _id, ...rest } = entry;
    await tx.update(COLLECTIONS.blacklistEntries, _id, rest);
  }
}

/** The report to the regulators, from the provider as it was and what was read before the transaction. */
function reportOf(
  removal: Removal,
  facts: Pick<RegulatorReport, '_id' | 'unitName' | 'reportedToPaths' | 'reportedToNames' | 'createdByRole'>,
): RegulatorReport {
  const { actor, ctx, provider, reasons } = removal;
  return regulatorReportOf(provider, removal.facts, reasons, {
    ...facts,
    createdBy: actor.openid,
    createdAt: ctx.now,
  });
}

/**
 * The `regulator_reports` record of a removal (pure: the demo data's removed providers get theirs from it):
 * `provider` as it was before the removal, its published evaluations (newest first) and item names.
 */
export function regulatorReportOf(
  provider: Pick<
    Provider,
    '_id' | 'name' | 'creditCode' | 'legalRepresentative' | 'address' | 'contactPhone' | 'status' | 'orgPath'
  > &
    Partial<Pick<Provider, 'rectification' | 'rectifyDeadline'>>,
  facts: { readonly evaluations: readonly Evaluation[]; readonly itemNames: readonly string[] },
  reasons: readonly string[],
  record: Pick<
    RegulatorReport,
    '_id' | 'unitName' | 'reportedToPaths' | 'reportedToNames' | 'createdBy' | 'createdByRole' | 'createdAt'
  >,
): RegulatorReport {
  // The problems it failed to fix: those of the rectification in force, ordered by the latest evaluation that
  // ordered one, or by hand (provider.status.change) after it.
  const rectifying = facts.evaluations.find((e) => e.outcome === 'rectify' || e.rectifyDeadline !== null);
  const byHand = handRectificationInForce(
    { rectifyDeadline: provider.rectifyDeadline ?? null, rectification: provider.rectification ?? null },
    rectifying === undefined ? null : (rectifying.publishedAt ?? rectifying.createdAt),
  );
  const problems = byHand !== null ? byHand.problems : (rectifying?.problems ?? []);
  return {
    ...record,
    providerId: provider._id,
    providerName: provider.name,
    creditCode: provider.creditCode,
    legalRepresentative: provider.legalRepresentative ?? '',
    address: provider.address ?? '',
    contactPhone: provider.contactPhone ?? '',
    itemNames: facts.itemNames,
    reasons,
    problems: provider.status === 'rectifying' ? [...problems] : [],
    evaluationHistory: facts.evaluations.map((e) => ({
      year: e.year,
      gradeLabel: e.grade === null ? '' : EVALUATION_GRADE_LABELS[e.grade],
      outcomeLabel: outcomeLabelOf(e.outcome),
      summary: e.summary,
      at: e.publishedAt ?? e.createdAt,
    })),
    orgPath: provider.orgPath,
  };
}

/** The provider's status (and blacklist flag) copied onto every offering, in the transaction. */
async function copyStatusToOfferings(
  ports: PlatformPorts,
  ctx: CommandTransaction,
  providerId: string,
  patch: { readonly providerStatus: ProviderStatus; readonly providerBlacklisted?: boolean },
): Promise<number> {
  const offerings = await ports.db.find<Pick<Offering, '_id'>>(
    COLLECTIONS.offerings,
    { providerId },
    { fields: ['_id'], limit: MAX_OFFERINGS },
  );
  for (const o of offerings)
    await ctx.tx.update(COLLECTIONS.offerings, o._id, { ...patch, updatedAt: ctx.now });
  return offerings.length;
}

async function notifyManagers(
  ports: PlatformPorts,
  config: PlatformConfig,
  ctx: CommandTransaction,
  provider: Provider,
  phrase: (typeof GOVERNANCE_PHRASES)[keyof typeof GOVERNANCE_PHRASES],
): Promise<void> {
  const [unitName = ''] = await unitNames(ports.db, [provider.orgPath]);
  const managers = await providerManagers(ports.db, provider._id);
  const stored = await enqueueMessages(
    ctx.tx,
    ports.ids,
    provider._id,
    governanceNotices(config, managers, provider, phrase, unitName, ctx.now),
    ctx.now,
  );
  ctx.afterCommit(async () => {
    await deliverMessages(ports.db, ports.notifier, stored, ctx.now);
  });
}

function stepResult(
  providerId: string,
  status: ProviderStatus,
  at: number,
  blacklisted: boolean,
  reportId: string | null,
  offeringsUpdated: number,
): ProviderGovernanceStepResult {
  return {
    providerId,
    status,
    statusLabel: PROVIDER_STATUS_LABELS[status],
    statusChangedAt: at,
    blacklisted,
    reportId,
    offeringsUpdated,
  };
}
