/**
 * match.request: for each ticked item, 3 to 5 providers that serve the resident's unit, active and neither
 * suspended nor blacklisted, in reputation order, widened one level at a time when too few are near
 * (docs/product.md section 4). What it reads, and how little, is in docs/orders.md ("Matching").
 */
import { authorize } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { isOrgPath } from '../org/org-path';
import { matchRequestSchema } from '../schemas/match.schema';
import { parseCommand } from '../schemas/command.parser';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import { shanghaiDayNumber } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import { CandidatePoolReader, type CandidatePool, type PoolRow } from './candidate-pool.reader';
import { ChosenProviders } from './chosen-providers.reader';
import { gapRecords, itemOutcome, matchRecord } from './match.record';
import { rotationSeed, type Selection } from './match-selection.policy';
import type { MatchProvidersResult } from './match.reply';
import { matchingError } from './matching.errors';
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
  const { itemIds } = parseCommand(matchRequestSchema, input.command);
  authorize(actor, 'match.request', { ownerOpenid: actor.openid }, { roles: ['resident'] });
  const residentPath = residentUnitPath(actor);
  const now = ports.clock.now();
  const items = await readTickedItems(db, itemIds, residentPath);

  const seed = rotationSeed(shanghaiDayNumber(now), actor.openid);
  const candidates = new CandidatePoolReader(db, config.matching, residentPath, seed);
  const pools: CandidatePool[] = [];
  for (const item of items) pools.push(await candidates.open(item._id));
  const providers = new ChosenProviders(db);
  const selections = await chooseAvailable(candidates, pools, providers);

  const outcomes = items.map((item, i) => itemOutcome(item, selections[i]!, providers, config));
  const stamp = { matchId: ports.ids.next(), residentOpenid: actor.openid, residentPath, now };
  const match = matchRecord(stamp, outcomes, config);
  const gaps = gapRecords(stamp, outcomes, config, () => ports.ids.next());
  await db.runTransaction(async (tx) => {
    await tx.insert(COLLECTIONS.matches, match);
    for (const gap of gaps) await tx.insert(COLLECTIONS.matchGaps, gap);
  });
  return {
    matchId: match._id,
    orgPath: residentPath,
    expiresAt: match.expiresAt,
    items: outcomes.map((o) => o.reply),
  };
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
): Promise<Selection<PoolRow>[]> {
  for (;;) {
    const selections: Selection<PoolRow>[] = [];
    const usable = (row: PoolRow) => providers.mayShow(row.providerId);
    for (const pool of pools) selections.push(await candidates.select(pool, usable));
    const chosen = selections.flatMap((s) => s.selected.map((x) => x.offering.providerId));
    if (!(await providers.read(chosen))) return selections;
  }
}
