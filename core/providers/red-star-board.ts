/**
 * The red-star board (红星榜, docs/reputation.md and docs/governance.md): the providers of at least
 * `governance.boardMinStars` stars (the 1-5 satisfaction index) with at least the formula's
 * `redStarMinRatings` ratings, so the board praises what residents said rather than the prior, listed per
 * service item and per unit of their service area.
 *
 * `red_star_board` is a snapshot: one row per active, not blacklisted provider x listed offering x unit of
 * its service area (a unit inside another unit of the same area adds nothing). The timer step 'board'
 * rewrites the rows of the providers marked `boardStale` (every change of a provider's reputation, status or
 * offerings marks it: providerReputationPatch, the status steps, offering saves and reviews), clearing the
 * mark, and rebuilds the whole board only when the snapshot is empty (refreshBoard); an evaluation or a
 * removal rewrites the provider's own rows at once (refreshProviderRows). Only rows that changed are written,
 * so a run with nothing marked reads no provider and writes nothing. A renamed service item or unit reaches
 * the board with its providers' next change. Ranks are not stored: they follow from the order (reputation,
 * then provider) when read.
 */
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import type { TimerRun } from '../kernel/timer-run';
import type { ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import type { RedStarBoardEntry } from '../model/evaluation.model';
import type { Offering } from '../model/offering.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Provider } from '../model/provider.model';
import { isWithin, unitIdOfPath } from '../org/org-path';
import { lowRatingShare } from '../reputation/rating-levels';
import { MAX_OFFERINGS, rateOf } from './evaluation-support';
import type { ProviderTimerStepResult } from './provider-timer.step';

const PAGE = 100;

/** An offering residents can be offered (listed, not waiting for a worker's review of a new item). */
type ListedOffering = Pick<Offering, '_id' | 'itemId' | 'active'> & { readonly review?: string };

function isListed(o: ListedOffering): boolean {
  return o.active && o.review !== 'pending';
}

/** Whether the provider belongs on the board at all. */
export function onBoard(
  provider: Pick<Provider, 'status' | 'blacklisted' | 'starLevel' | 'ratingCount'>,
  config: PlatformConfig,
): boolean {
  return (
    provider.status === 'active' &&
    provider.blacklisted !== true &&
    provider.starLevel >= config.governance.boardMinStars &&
    (provider.ratingCount ?? 0) >= config.reputation.policy.redStarMinRatings
  );
}

/** The service-area paths of a provider, without those inside another of them. */
export function outerAreaPaths(paths: readonly string[]): string[] {
  const unique = [...new Set(paths)];
  return unique.filter((p) => !unique.some((q) => q !== p && isWithin(p, q))).sort();
}

/** Names the board rows show: items and units by id. */
export interface BoardNames {
  readonly items: ReadonlyMap<string, string>;
  readonly units: ReadonlyMap<string, string>;
}

/** The rows a provider should have now (none when it is not on the board). */
export function boardRowsOf(
  provider: Provider,
  offerings: readonly ListedOffering[],
  names: BoardNames,
  config: PlatformConfig,
  now: number,
): RedStarBoardEntry[] {
  if (!onBoard(provider, config)) return [];
  const itemIds = [...new Set(offerings.filter(isListed).map((o) => o.itemId))].sort();
  if (itemIds.length === 0) return [];
  const itemNames = itemIds.map((id) => names.items.get(id) ?? '');
  const low = lowRatingShare(provider.starCounts, config.governance.lowRatingAtMost);
  const rows: RedStarBoardEntry[] = [];
  for (const itemId of itemIds) {
    for (const path of outerAreaPaths(provider.serviceAreaPaths ?? [])) {
      const orgUnitId = unitIdOfPath(path);
      rows.push({
        _id: `${provider._id}~${itemId}~${orgUnitId}`,
        providerId: provider._id,
        providerName: provider.name,
        itemId,
        itemName: names.items.get(itemId) ?? '',
        orgUnitId,
        orgUnitName: names.units.get(orgUnitId) ?? '',
        starLevel: provider.starLevel,
        reputation: provider.reputation,
        ratingCount: provider.ratingCount ?? 0,
        lowRatingRate: rateOf(low.low, low.counted),
        items: itemNames,
        latestEvaluationGrade: provider.latestEvaluationGrade ?? null,
        orgPath: path,
        refreshedAt: now,
      });
    }
  }
  return rows;
}

/** A row as compared between runs (everything but the refresh mark). */
function sameRow(a: RedStarBoardEntry, b: RedStarBoardEntry): boolean {
  const { refreshedAt: _a, ...restA } = a;
  const { refreshedAt: _b, ...restB } = b;
  return (
    JSON.stringify(restA, Object.keys(restA).sort()) === JSON.stringify(restB, Object.keys(restB).sort())
  );
}

/** What one provider's rewrite did. */
interface RowChanges {
  written: number;
  removed: number;
}

/** Write the provider's rows that changed, remove those it no longer has. */
async function syncRows(
  db: DatabasePort,
  providerId: string,
  desired: readonly RedStarBoardEntry[],
): Promise<RowChanges> {
  const existing = await db.find<RedStarBoardEntry>(
    COLLECTIONS.redStarBoard,
    { providerId },
    { limit: 1000 },
  );
  const byId = new Map(existing.map((r) => [r._id, r]));
  let written = 0;
  for (const row of desired) {
    const old = byId.get(row._id);
    byId.delete(row._id);
    if (old !== undefined && sameRow(old, row)) continue;
    if (old === undefined) {
      const { _id, ...rest } = row;
      // A concurrent refresh may have inserted it since the read: then update it.
      if (!(await db.insert(COLLECTIONS.redStarBoard, row)))
        await db.update(COLLECTIONS.redStarBoard, _id, rest);
    } else {
      const { _id, ...rest } = row;
      await db.update(COLLECTIONS.redStarBoard, _id, rest);
    }
    written += 1;
  }
  const stale = [...byId.keys()];
  const removed =
    stale.length === 0 ? 0 : await db.removeWhere(COLLECTIONS.redStarBoard, { _id: db.command.in(stale) });
  return { written, removed };
}

/** Item and unit names for these providers' rows. */
async function namesFor(
  db: DatabasePort,
  providers: readonly Provider[],
  offerings: readonly ListedOffering[],
): Promise<BoardNames> {
  const itemIds = [...new Set(offerings.map((o) => o.itemId))];
  const unitIds = [...new Set(providers.flatMap((p) => (p.serviceAreaPaths ?? []).map(unitIdOfPath)))];
  const items = new Map<string, string>();
  for (let i = 0; i < itemIds.length; i += PAGE) {
    const page = await db.find<Pick<ServiceItem, '_id' | 'name'>>(
      COLLECTIONS.serviceItems,
      { _id: db.command.in(itemIds.slice(i, i + PAGE)) },
      { fields: ['name'], limit: PAGE },
    );
    for (const item of page) items.set(item._id, item.name);
  }
  const units = new Map<string, string>();
  for (let i = 0; i < unitIds.length; i += PAGE) {
    const page = await db.find<Pick<OrgUnit, '_id' | 'name'>>(
      COLLECTIONS.orgUnits,
      { _id: db.command.in(unitIds.slice(i, i + PAGE)) },
      { fields: ['name'], limit: PAGE },
    );
    for (const unit of page) units.set(unit._id, unit.name);
  }
  return { items, units };
}

async function offeringsOf(db: DatabasePort, providerIds: readonly string[]): Promise<ListedOffering[]> {
  if (providerIds.length === 0) return [];
  return db.find<ListedOffering & Pick<Offering, 'providerId'>>(
    COLLECTIONS.offerings,
    { providerId: db.command.in([...providerIds]) },
    {
      fields: ['providerId', 'itemId', 'active', 'review'],
      limit: Math.min(1000, providerIds.length * MAX_OFFERINGS),
    },
  );
}

/** Rewrite these providers' rows (after an evaluation or a removal, and page by page in the timer). */
async function refreshProviders(
  db: DatabasePort,
  config: PlatformConfig,
  providers: readonly Provider[],
  now: number,
): Promise<RowChanges> {
  const offerings = (await offeringsOf(
    db,
    providers.map((p) => p._id),
  )) as (ListedOffering & Pick<Offering, 'providerId'>)[];
  const names = await namesFor(db, providers, offerings);
  const total: RowChanges = { written: 0, removed: 0 };
  for (const provider of providers) {
    const own = offerings.filter((o) => o.providerId === provider._id);
    const changes = await syncRows(db, provider._id, boardRowsOf(provider, own, names, config, now));
    total.written += changes.written;
    total.removed += changes.removed;
  }
  return total;
}

/** One provider's rows, now (an evaluation or a removal changed its standing). */
export async function refreshProviderRows(
  db: DatabasePort,
  config: PlatformConfig,
  providerId: string,
  now: number,
): Promise<void> {
  const provider = await db.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider !== null) await refreshProviders(db, config, [provider], now);
}

/**
 * The whole board from the providers' stored reputation, page by page over every provider (a provider that
 * left the board loses its rows). Idempotent: a second run finds nothing changed and writes nothing.
 */
export async function refreshBoard(
  db: DatabasePort,
  config: PlatformConfig,
  now: number,
): Promise<RowChanges> {
  const total: RowChanges = { written: 0, removed: 0 };
  let after = '';
  for (;;) {
    const providers = await db.find<Provider>(
      COLLECTIONS.providers,
      after === '' ? {} : { _id: db.command.gt(after) },
      { orderBy: [['_id', 'asc']], limit: PAGE },
    );
    if (providers.length === 0) break;
    const changes = await refreshProviders(db, config, providers, now);
    total.written += changes.written;
    total.removed += changes.removed;
    after = providers[providers.length - 1]!._id;
    if (providers.length < PAGE) break;
  }
  return total;
}

/** Mark the provider's board rows for the next refresh (its offerings changed), in the caller's transaction. */
export async function markBoardStale(tx: TransactionPort, providerId: string, now: number): Promise<void> {
  await tx.update(COLLECTIONS.providers, providerId, { boardStale: true, updatedAt: now });
}

/**
 * The marked providers' rows rewritten, one batch, each mark cleared only if the provider did not change
 * again since it was read (then the next run looks at it again).
 */
async function refreshMarked(
  db: DatabasePort,
  config: PlatformConfig,
  now: number,
): Promise<RowChanges & { providers: number; hasMore: boolean }> {
  const marked = await db.find<Provider>(
    COLLECTIONS.providers,
    { boardStale: true },
    { orderBy: [['_id', 'asc']], limit: config.timerBatchSize },
  );
  const changes =
    marked.length === 0 ? { written: 0, removed: 0 } : await refreshProviders(db, config, marked, now);
  for (const p of marked) {
    await db.updateWhere(
      COLLECTIONS.providers,
      { _id: p._id, boardStale: true, updatedAt: p.updatedAt },
      { boardStale: false },
    );
  }
  return { ...changes, providers: marked.length, hasMore: marked.length === config.timerBatchSize };
}

/**
 * The timer step 'board': the whole board when the snapshot is empty (a new deployment, a wiped collection),
 * else only the providers marked since the last run.
 */
export async function boardStep(run: TimerRun): Promise<ProviderTimerStepResult> {
  const { db, config, now } = run;
  if ((await db.count(COLLECTIONS.redStarBoard, {})) === 0) {
    // The marks stay: the next run reads the marked providers once more and finds nothing to write.
    const changes = await refreshBoard(db, config, now);
    return {
      counts: { rowsWritten: changes.written, rowsRemoved: changes.removed, fullRebuild: 1 },
      hasMore: false,
    };
  }
  const changes = await refreshMarked(db, config, now);
  return {
    counts: { rowsWritten: changes.written, rowsRemoved: changes.removed, providersRead: changes.providers },
    hasMore: changes.hasMore,
  };
}
