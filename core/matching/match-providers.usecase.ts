/**
 * match.request: for each ticked item, 3 to 5 providers that serve the resident's unit, active and neither
 * suspended nor blacklisted, in reputation order, widened one level at a time when too few are near
 * (docs/product.md section 4). What it reads, and how little, is in docs/orders.md ("Matching").
 *
 * A provider's staff are never offered their own provider. An identical request (same resident, unit and
 * items as a set) within `reuseWithinMinutes` of a match not yet ordered from is answered with that match,
 * writing nothing; a gap is recorded once per resident, item and Asia/Shanghai day.
 */
import { authorize } from '../auth/authorize';
import { staffProviderIds, type Actor } from '../auth/roles';
import { isOrgPath } from '../org/org-path';
import { matchRequestSchema } from '../schemas/match.schema';
import { parseCommand } from '../schemas/command.parser';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import { shanghaiDayNumber } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { Match } from '../model/platform.model';
import type { User } from '../model/user.model';
import { CandidatePoolReader, type CandidatePool, type PoolRow } from './candidate-pool.reader';
import { ChosenProviders } from './chosen-providers.reader';
import { gapRecords, itemOutcome, matchRecord } from './match.record';
import { rotationSeed, type Selection } from './match-selection.policy';
import type { MatchedItem, MatchProvidersResult } from './match.reply';
import { matchingError } from './matching.errors';
import { reusableMatch } from './recent-match.reader';
import { readTickedItems } from './ticked-items.reader';

/** The unit the resident bound (their resident grant), or PROFILE_UNIT_REQUIRED. */
export function residentUnitPath(actor: Actor): string {
  const path = actor.grants.find((g) => g.role === 'resident' && g.orgPath !== undefined)?.orgPath;
  if (!isOrgPath(path)) throw matchingError('PROFILE_UNIT_REQUIRED');
  return path;
}

export async function matchProviders(input: UseCaseInput): Promise<MatchProvidersResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const { db } = ports;
  requireIdentity(actor);
  const { itemIds, residentId } = parseCommand(matchRequestSchema, input.command);
  const forResident = residentId === undefined ? null : await residentActedFor(input, residentId);
  if (forResident === null) {
    authorize(actor, 'match.request', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  }
  const residentPath = forResident?.homeOrgPath ?? residentUnitPath(actor);
  const openid = forResident?._id ?? actor.openid;
  const now = ports.clock.now();
  const ownProviders = staffProviderIds(actor);
  const request = { openid, residentPath, itemIds, now, ownProviders };
  // A match asked for by a worker is theirs to order from: never one the resident made, nor reused.
  // The items first, even for a reused match: an item (or category) hidden since is refused at once.
  const items = await readTickedItems(db, itemIds, residentPath);
  const recent = forResident === null ? await reusableMatch(db, config, request) : null;
  if (recent !== null) return replyOf(recent);

  const seed = rotationSeed(shanghaiDayNumber(now), openid);
  const candidates = new CandidatePoolReader(db, config.matching, residentPath, seed);
  const pools: CandidatePool[] = [];
  for (const item of items) pools.push(await candidates.open(item._id));
  const providers = new ChosenProviders(db);
  const selections = await chooseAvailable(candidates, pools, providers, ownProviders);

  const outcomes = items.map((item, i) => itemOutcome(item, selections[i]!, providers, config));
  const stamp = { matchId: ports.ids.next(), residentOpenid: openid, residentPath, now };
  const made = matchRecord(stamp, outcomes, config);
  const match = forResident === null ? made : { ...made, requestedBy: actor.openid };
  await db.insert(COLLECTIONS.matches, match);
  // A gap counts once per resident, item and day: its _id says so, and an existing one is left alone.
  for (const gap of gapRecords(stamp, outcomes, config, shanghaiDayNumber(now))) {
    await db.insert(COLLECTIONS.matchGaps, gap);
  }
  return replyOf(match);
}

/**
 * 代下单: the resident a worker matches for, when the worker may place orders for residents of the resident's
 * unit (`order.place_for_resident`); anyone else, a resident without a unit, or no such resident: the
 * matrix's refusal (OUT_OF_SCOPE for a resident outside the worker's units or one that does not exist).
 */
async function residentActedFor(
  input: UseCaseInput,
  residentId: string,
): Promise<User & { readonly homeOrgPath: string }> {
  const { actor, ports } = input;
  const resident = await ports.db.get<User>(COLLECTIONS.users, residentId);
  const home = resident?.homeOrgPath ?? undefined;
  authorize(
    actor,
    'order.place_for_resident',
    { orgPath: resident === null ? undefined : home },
    {
      roles: ['worker'],
    },
  );
  if (resident === null || !isOrgPath(home) || (resident.deletedAt ?? null) !== null) {
    throw matchingError('PROFILE_UNIT_REQUIRED');
  }
  return { ...resident, homeOrgPath: home };
}

function replyOf(match: Match<MatchedItem>): MatchProvidersResult {
  return { matchId: match._id, orgPath: match.orgPath, expiresAt: match.expiresAt, items: match.shown ?? [] };
}

/**
 * Choose for every item, read the chosen providers, and choose again without any the provider record rules
 * out (only when a copy on an offering was stale: normally once), so none is shown and none takes the place
 * of one who may be.
 */
async function chooseAvailable(
  candidates: CandidatePoolReader,
  pools: readonly CandidatePool[],
  providers: ChosenProviders,
  ownProviders: ReadonlySet<string>,
): Promise<Selection<PoolRow>[]> {
  for (;;) {
    const selections: Selection<PoolRow>[] = [];
    const usable = (row: PoolRow) => providers.mayShow(row.providerId) && !ownProviders.has(row.providerId);
    for (const pool of pools) selections.push(await candidates.select(pool, usable));
    const chosen = selections.flatMap((s) => s.selected.map((x) => x.offering.providerId));
    if (!(await providers.read(chosen))) return selections;
  }
}
