/**
 * The resident's latest match, when it answers a new request as well (decision 0013): made within
 * `reuseWithinMinutes` for the same unit and the same items (in any order: ticking is a set), still
 * orderable, nothing ordered from it yet (a request after ordering is a new need), stored with what it showed,
 * and still true: every offering it showed is listed at the price and score shown, every provider still
 * available and none the caller now works for. Otherwise null, and matching runs afresh. At most three reads
 * (the latest match, its offerings, their providers), against one to three per item for a new match, and no
 * write.
 */
import { canonicalJson } from '../idempotency/request.fingerprint';
import { COLLECTIONS } from '../model/collections.model';
import type { Offering } from '../model/offering.model';
import type { Match } from '../model/platform.model';
import type { DatabasePort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { ChosenProviders } from './chosen-providers.reader';
import type { MatchedItem } from './match.reply';

const MINUTE_MS = 60_000;

export interface MatchRequest {
  readonly openid: string;
  readonly residentPath: string;
  readonly itemIds: readonly string[];
  readonly now: number;
  /** Providers the caller works for: a match showing one of them is not reused. */
  readonly ownProviders: ReadonlySet<string>;
}

export async function reusableMatch(
  db: DatabasePort,
  config: PlatformConfig,
  request: MatchRequest,
): Promise<Match<MatchedItem> | null> {
  const { reuseWithinMinutes } = config.matching;
  if (reuseWithinMinutes <= 0) return null;
  const latest = await db.findOne<Match<MatchedItem>>(
    COLLECTIONS.matches,
    {
      residentOpenid: request.openid,
      createdAt: db.command.gte(request.now - reuseWithinMinutes * MINUTE_MS),
    },
    { orderBy: [['createdAt', 'desc']] },
  );
  if (latest === null || !answersRequest(latest, request)) return null;
  return (await stillTrue(db, latest, request.ownProviders)) ? latest : null;
}

function answersRequest(match: Match<MatchedItem>, request: MatchRequest): boolean {
  const sameItems = [...match.itemIds].sort().join('\n') === [...request.itemIds].sort().join('\n');
  const untouched = Object.keys(match.latestOrderByItem ?? {}).length === 0;
  return (
    match.shown !== undefined &&
    sameItems &&
    untouched &&
    match.orgPath === request.residentPath &&
    request.now < match.expiresAt
  );
}

type OfferingCopy = Pick<
  Offering,
  '_id' | 'pricing' | 'active' | 'providerStatus' | 'providerBlacklisted' | 'reputation'
>;

/** What the match showed is still what a new match would be made of (its providers, prices and scores). */
async function stillTrue(
  db: DatabasePort,
  match: Match<MatchedItem>,
  ownProviders: ReadonlySet<string>,
): Promise<boolean> {
  const candidates = match.results.flatMap((r) => r.candidates);
  if (candidates.some((c) => ownProviders.has(c.providerId))) return false;
  if (candidates.length === 0) return true;
  const offerings = await db.find<OfferingCopy>(
    COLLECTIONS.offerings,
    { _id: db.command.in(candidates.map((c) => c.offeringId)) },
    {
      limit: candidates.length,
      fields: ['pricing', 'active', 'providerStatus', 'providerBlacklisted', 'reputation'],
    },
  );
  const byId = new Map(offerings.map((o) => [o._id, o]));
  const unchanged = candidates.every((c) => {
    const o = byId.get(c.offeringId);
    return (
      o !== undefined &&
      o.active &&
      o.providerStatus === 'active' &&
      !o.providerBlacklisted &&
      o.reputation === c.reputation &&
      canonicalJson(o.pricing) === canonicalJson(c.pricing)
    );
  });
  // The provider record has the last word on status (a copy on an offering may be stale).
  return unchanged && !(await new ChosenProviders(db).read(candidates.map((c) => c.providerId)));
}
