/**
 * provider.status.change: a leader or an industry regulator of the provider's unit suspends a provider
 * (暂停服务), reinstates it (恢复服务), orders it to rectify by a deadline (责令限期整改: with its problem list
 * and reason, the deadline defaulting to governance.rectifyDefaultDays; recorded on the provider as
 * `rectification`, so the timer step 'rectification' tells the unit's leaders when the re-check falls due, as
 * for an evaluation's rectification) or accepts the rectification, as the provider life cycle allows (core/lifecycle/provider.lifecycle.ts: who, from which
 * status, with a reason where one is required). Removal with the blacklist and exit are not offered here
 * (PROVIDER_STATUS_CHANGE_NOT_AVAILABLE).
 *
 * Matching reads only offerings, which carry a copy of their provider's status (`providerStatus`,
 * core/offerings/matchable-offerings.ts): every offering of the provider gets the new status in the same
 * transaction as the provider, so a suspended provider is offered to nobody from the moment the change
 * commits, and a reinstated one is offered again. The step is a provider event (its timeline), and, from
 * the console, an audit entry.
 *
 * A provider id that does not exist answers like one outside the caller's units (OUT_OF_SCOPE, or
 * PERMISSION_DENIED for a role that may not do this anywhere).
 */
import { orThrow } from '../kernel/outcome';
import { recordEvent, runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import type { StoredDocument } from '../kernel/database.port';
import {
  PROVIDER_LIFECYCLE,
  PROVIDER_STATUS_LABELS,
  startRectification,
  type ProviderStatus,
} from '../lifecycle/provider.lifecycle';
import type { TransitionResult } from '../lifecycle/state-machine';
import { COLLECTIONS } from '../model/collections.model';
import type { Provider, ProviderRectification } from '../model/provider.model';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import { parseCommand } from '../schemas/command.parser';
import { providerStatusChangeSchema, type ProviderStatusChangeCommand } from '../schemas/provider.schema';
import type { Actor, Role } from '../auth/roles';
import { isWithin } from '../org/org-path';
import type { AccessTarget } from '../auth/authorize';
import { providerIndustries, providerTarget } from './evaluation-support';
import { providerStatusError } from './provider-status.errors';
import type { ProviderStatusChangeResult } from './provider-status.reply';

const DAY_MS = 86_400_000;

/** The statuses this command moves a provider to. */
const CHANGEABLE: readonly ProviderStatus[] = ['suspended', 'active', 'rectifying'];

/** A provider has at most one offering per item. */
const MAX_OFFERINGS = 200;

export async function changeProviderStatus(input: UseCaseInput): Promise<ProviderStatusChangeResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(providerStatusChangeSchema, input.command);
  if (!CHANGEABLE.includes(command.to)) {
    throw providerStatusError('PROVIDER_STATUS_CHANGE_NOT_AVAILABLE', { to: command.to });
  }
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  return runCommand(ports, actor, 'provider.status.change', command, async ({ tx, now, audit }) => {
    const provider = await tx.get<Provider>(COLLECTIONS.providers, command.providerId);
    if (provider === null) refuseAsOutside(actor, command);
    const deadline = command.rectifyDeadline ?? now + config.governance.rectifyDefaultDays * DAY_MS;
    // A regulator acts on the providers of its industry (the matrix's `industry` scope).
    const target = providerTarget(provider, await providerIndustries(ports.db, provider));
    const step = transition(actor, provider, command, now, deadline, target);
    const rectifying = step.entity.status === 'rectifying';
    const rectification: ProviderRectification | null = rectifying
      ? {
          orderedAt: now,
          orderedBy: actor.openid,
          reason: step.event.reason ?? '',
          problems: command.problems,
          deadline,
          unitPath: orderingUnit(actor, step.event.actor.role, provider.orgPath),
          dueToldAt: null,
        }
      : null;
    await tx.update(COLLECTIONS.providers, provider._id, {
      status: step.entity.status,
      statusChangedAt: now,
      rectifyDeadline: rectifying ? deadline : null,
      ...(rectification === null ? {} : { rectification }),
      boardStale: true,
      updatedAt: now,
    });
    // What matching filters on: the status copied onto every offering, in this transaction.
    const offerings = await ports.db.find<StoredDocument>(
      COLLECTIONS.offerings,
      { providerId: provider._id },
      { fields: ['_id'], limit: MAX_OFFERINGS },
    );
    for (const o of offerings) {
      await tx.update(COLLECTIONS.offerings, o._id, { providerStatus: step.entity.status, updatedAt: now });
    }
    await recordEvent(tx, ports.ids, provider.orgPath, step.event);
    const reason = step.event.reason === null ? '' : `（原因：${step.event.reason}）`;
    audit({
      entityType: 'provider',
      entityId: provider._id,
      orgPath: provider.orgPath,
      role: step.event.actor.role,
      summary: `${step.rule.label}：${provider.name}${reason}`,
    });
    return {
      providerId: provider._id,
      status: step.entity.status,
      statusLabel: PROVIDER_STATUS_LABELS[step.entity.status],
      statusChangedAt: now,
      offeringsUpdated: offerings.length,
    };
  });
}

/** The step as the life cycle allows it (who, from which status, with a reason where one is required). */
function transition(
  actor: Actor,
  provider: Provider,
  command: ProviderStatusChangeCommand,
  now: number,
  deadline: number,
  target: AccessTarget,
): TransitionResult<Provider, ProviderStatus> {
  if (command.to !== 'rectifying') {
    return PROVIDER_LIFECYCLE.authorizeAndTransition(
      actor,
      provider,
      command.to,
      target,
      now,
      command.reason,
    );
  }
  const actingAs = orThrow(PROVIDER_LIFECYCLE.checkStep(actor, provider, 'rectifying', target));
  return startRectification(provider, actingAs, now, command.reason, deadline);
}

/** The unit of the grant the rectification was ordered under (the one covering the provider). */
function orderingUnit(actor: Actor, role: Role, providerPath: string): string {
  const grant = actor.grants.find(
    (g) => g.role === role && typeof g.orgPath === 'string' && isWithin(providerPath, g.orgPath),
  );
  return grant?.orgPath ?? providerPath;
}

/** No such provider: the answer someone gets for a provider outside their units (the matrix's refusal). */
function refuseAsOutside(actor: Actor, command: ProviderStatusChangeCommand): never {
  orThrow(PROVIDER_LIFECYCLE.checkStep(actor, { _id: command.providerId, status: 'active' }, command.to, {}));
  // Unreachable while every step is unit-scoped; a rule with scope `any` would need its own answer.
  throw new Error(`provider ${command.providerId} not found`);
}
