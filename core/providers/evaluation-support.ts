/**
 * What the evaluation, rectification, removal and board use cases share: the provider as an access target
 * (its unit and industries), the city and county units above it, who hears of a step
 * (TPL_GOVERNANCE_NOTICE), and small number helpers.
 */
import { can } from '../auth/authorize';
import { providerIndustries, providerTarget } from '../auth/provider-access';
import type { Action } from '../auth/actions';
import type { Actor, Role } from '../auth/roles';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import { fitThing } from '../messaging/template-values';
import { COLLECTIONS } from '../model/collections.model';
import {
  EVALUATION_OUTCOME_LABELS,
  type Evaluation,
  type EvaluationCampaign,
  type EvaluationOutcome,
} from '../model/evaluation.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Provider } from '../model/provider.model';
import type { User } from '../model/user.model';
import { rollUpKey, unitIdOfPath } from '../org/org-path';
import { evaluationError } from './evaluation.errors';

/** A provider offers at most one price per item. */
export const MAX_OFFERINGS = 200;

/** People one governance notice goes to at most. */
const MAX_RECIPIENTS = 50;

export function configOf(input: Pick<UseCaseInput, 'config'>): PlatformConfig {
  return input.config ?? DEFAULT_PLATFORM_CONFIG;
}

/** The label of an outcome, '' for none (a draft, or history from before outcomes were kept). */
export function outcomeLabelOf(outcome: EvaluationOutcome | null | undefined): string {
  return outcome === null || outcome === undefined ? '' : EVALUATION_OUTCOME_LABELS[outcome];
}

/** The unit that evaluates: the campaign's, else (history from before campaigns) the provider's. */
export async function evaluatingUnitPath(
  reader: Pick<TransactionPort, 'get'>,
  evaluation: Pick<Evaluation, 'campaignId' | 'orgPath'>,
): Promise<string> {
  const id = evaluation.campaignId ?? null;
  const campaign =
    id === null ? null : await reader.get<EvaluationCampaign>(COLLECTIONS.evaluationCampaigns, id);
  return campaign?.orgPath ?? evaluation.orgPath;
}

/** A rate with four decimals, or null when there was nothing to judge. */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** A provider with the industries of its items (what a regulator's `industry` scope reads). */
export interface ProviderInScope {
  readonly provider: Provider;
  readonly industries: readonly string[];
}

export { providerIndustries, providerTarget };

/**
 * The provider, when the actor may do `action` on it; PROVIDER_NOT_FOUND both for a provider that does not
 * exist and for one outside the actor's units or industries (no hint of existence).
 */
export async function providerFor(
  db: DatabasePort,
  actor: Actor,
  providerId: string,
  action: Action,
): Promise<ProviderInScope> {
  const provider = await db.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null) throw evaluationError('PROVIDER_NOT_FOUND', { providerId });
  const industries = await providerIndustries(db, provider);
  if (!can(actor, action, providerTarget(provider, industries))) {
    throw evaluationError('PROVIDER_NOT_FOUND', { providerId });
  }
  return { provider, industries };
}

/** The paths of the city and the county above (or at) `orgPath`: the regulators a removal is reported to. */
export function regulatorPathsAbove(orgPath: string): string[] {
  const paths = [rollUpKey(orgPath, 'city'), rollUpKey(orgPath, 'county')].filter(
    (p): p is string => p !== null,
  );
  return [...new Set(paths)];
}

/** The names of the units at these paths, same order ('' for one that is gone). */
export async function unitNames(db: DatabasePort, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const ids = paths.map(unitIdOfPath);
  const units = await db.find<Pick<OrgUnit, '_id' | 'name'>>(
    COLLECTIONS.orgUnits,
    { _id: db.command.in(ids) },
    { fields: ['name'], limit: ids.length },
  );
  const byId = new Map(units.map((u) => [u._id, u.name]));
  return ids.map((id) => byId.get(id) ?? '');
}

/** People holding `role` exactly at `unitPath` (a unit's leaders, say). */
export async function holdersAt(db: DatabasePort, unitPath: string, role: Role): Promise<string[]> {
  const users = await db.find<Pick<User, '_id' | 'grants'>>(
    COLLECTIONS.users,
    { 'grants.role': role, 'grants.orgPath': unitPath },
    { fields: ['grants'], orderBy: [['_id', 'asc']], limit: MAX_RECIPIENTS },
  );
  return users
    .filter((u) => u.grants.some((g) => g.role === role && g.orgPath === unitPath))
    .map((u) => u._id);
}

/** The provider's managers (provider_staff grants with position manager). */
export async function providerManagers(db: DatabasePort, providerId: string): Promise<string[]> {
  const users = await db.find<Pick<User, '_id' | 'grants'>>(
    COLLECTIONS.users,
    { 'grants.providerId': providerId },
    { fields: ['grants'], orderBy: [['_id', 'asc']], limit: MAX_RECIPIENTS },
  );
  return users
    .filter((u) =>
      u.grants.some(
        (g) => g.role === 'provider_staff' && g.providerId === providerId && g.position === 'manager',
      ),
    )
    .map((u) => u._id);
}

/** The short word of TPL_GOVERNANCE_NOTICE (`phrase`: at most five characters). */
export const GOVERNANCE_PHRASES = {
  published: '考核已公布',
  rectify: '限期整改',
  recheckDue: '整改到期',
  accepted: '整改通过',
  removed: '已清退',
} as const;
export type GovernancePhrase = (typeof GOVERNANCE_PHRASES)[keyof typeof GOVERNANCE_PHRASES];

/** TPL_GOVERNANCE_NOTICE to each recipient, opening the provider's standing page. */
export function governanceNotices(
  config: PlatformConfig,
  recipients: readonly string[],
  provider: Pick<Provider, '_id' | 'name'>,
  phrase: GovernancePhrase,
  unitName: string,
  at: number,
): SubscribeMessage[] {
  return [...new Set(recipients)].map((touser) => ({
    touser,
    templateId: config.templates.governanceNotice,
    page: `${config.pages.providerStanding}?providerId=${encodeURIComponent(provider._id)}`,
    data: {
      thing1: { value: fitThing(provider.name) },
      phrase2: { value: phrase },
      thing3: { value: fitThing(unitName, '本单位') },
      time4: { value: formatShanghaiMinute(at) },
    },
  }));
}
