/**
 * match.request is index-backed: a bounded number of queries on `offerings` per ticked item, whatever the
 * number of providers. Every call the use case makes on its database port is counted through a counting
 * proxy around the in-memory database (production code untouched), for 1, 2 and 5 ticked items with 3, 200
 * and 800 providers offering every item, and in dense areas that make matching widen to the city.
 *
 * The bound (docs/orders.md, "Matching"): per request, one read of the resident's latest match (an identical
 * request within minutes is answered from it), one read of the ticked items; per ticked item at
 * most three queries on `offerings` (MAX_POOL_QUERIES_PER_ITEM): a page of the best covering the resident
 * at any distance (enough wherever the nearest providers rank within it), the rest of the levels the
 * selection depends on, and one last read completing them (the rest of a level it exhausted, the ties at a
 * level's boundary); one read of the chosen providers, one more per round in which a chosen provider's copy on its
 * offering was stale (once in these tests); then the match written, and a gap per short item unless the
 * resident's gap of the day for it exists.
 */
import { MAX_POOL_QUERIES_PER_ITEM } from '../../../core/matching/candidate-pool.reader';
import { matchProviders } from '../../../core/matching/match-providers.usecase';
import { COLLECTIONS } from '../../../core/model/collections.model';
import { MAX_QUERY_LIMIT } from '../../../core/kernel/database.port';
import type { DatabasePort, TransactionPort } from '../../../core/kernel/database.port';
import {
  CITY,
  COMMUNITY,
  COUNTY,
  ELDER_CARE,
  GRID,
  HAIRCUT,
  OTHER_COMMUNITY,
  OTHER_GRID,
  OTHER_STREET,
  REPAIR,
  STREET,
  createWorld,
  residentActor,
  seedItem,
  seedProvider,
  type World,
} from '../support/order-loop.fixture';
import type { MatchProvidersResult } from '../../../core/matching/match.reply';

/** One call on the port (or on a transaction it opened). */
interface Call {
  readonly op: string;
  readonly collection: string;
  /** `limit` of a find. */
  readonly limit?: number;
  /** Documents a find returned. */
  readonly returned?: number;
}

const READS = new Set(['get', 'findOne', 'find', 'count', 'tx.get']);
const PORT_OPS = new Set(['get', 'findOne', 'find', 'count', 'insert', 'update', 'updateWhere']);
const TX_OPS = new Set(['get', 'insert', 'update']);

/** A proxy of `db` that records every call before passing it on; `command` and the rest are untouched. */
function counting(db: DatabasePort): { db: DatabasePort; calls: Call[] } {
  const calls: Call[] = [];
  const wrapTx = (tx: TransactionPort): TransactionPort =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof prop !== 'string' || !TX_OPS.has(prop) || typeof value !== 'function') return value;
        return (collection: string, ...rest: unknown[]) => {
          calls.push({ op: `tx.${prop}`, collection });
          return (value as (...a: unknown[]) => unknown).call(target, collection, ...rest);
        };
      },
    });
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...a: unknown[]) => unknown;
      if (prop === 'runTransaction') {
        return (body: (tx: TransactionPort) => Promise<unknown>) => {
          calls.push({ op: 'runTransaction', collection: '*' });
          return fn.call(target, (tx: TransactionPort) => body(wrapTx(tx)));
        };
      }
      if (typeof prop !== 'string' || !PORT_OPS.has(prop)) return fn.bind(target);
      return async (collection: string, ...rest: unknown[]) => {
        const result = await fn.call(target, collection, ...rest);
        const options = prop === 'find' ? (rest[1] as { limit?: number } | undefined) : undefined;
        calls.push({
          op: prop,
          collection,
          ...(options?.limit !== undefined ? { limit: options.limit } : {}),
          ...(Array.isArray(result) ? { returned: result.length } : {}),
        });
        return result;
      };
    },
  });
  return { db: proxy, calls };
}

const CLEANING = 'item-home-cleaning';
const COOKING = 'item-cooking';
const ALL_ITEMS = [REPAIR, ELDER_CARE, HAIRCUT, CLEANING, COOKING];

/** Service areas in turn: five of every eight cover the resident's grid (itself or an ancestor). */
const AREAS = [GRID, COMMUNITY, STREET, COUNTY, CITY, OTHER_GRID, OTHER_COMMUNITY, OTHER_STREET];

/** `providers` providers, each offering all five items, spread over the areas and reputations. */
function worldWith(providers: number): World {
  const world = createWorld();
  seedItem(world.db, CLEANING);
  seedItem(world.db, COOKING);
  for (let n = 0; n < providers; n += 1) {
    seedProvider(world, {
      id: `p${String(n).padStart(3, '0')}`,
      serves: [AREAS[n % AREAS.length]!],
      items: ALL_ITEMS,
      ratings: { count: n % 11, sum: 5 * (n % 11) },
    });
  }
  return world;
}

async function countedMatch(
  world: World,
  itemIds: readonly string[],
): Promise<{ result: MatchProvidersResult; calls: Call[] }> {
  const { db, calls } = counting(world.db);
  const result = await matchProviders({
    ports: { ...world.ports, db },
    config: world.config,
    actor: residentActor(),
    command: { itemIds },
  });
  return { result, calls };
}

/** Offerings queries per ticked item at most: the base level, the levels above, one completing read. */
const PER_ITEM = MAX_POOL_QUERIES_PER_ITEM;
/**
 * The latest match once, items once; per item at most PER_ITEM offerings queries; the chosen providers twice
 * (one stale round).
 */
const readBound = (k: number) => 2 + k * PER_ITEM + 2;
const reads = (calls: readonly Call[]) => calls.filter((c) => READS.has(c.op));
const on = (calls: readonly Call[], collection: string) => calls.filter((c) => c.collection === collection);
/** What the use case asked, in order (the offerings queries with their limit). */
const shape = (calls: readonly Call[]) =>
  calls.map((c) => `${c.op} ${c.collection}${c.collection === COLLECTIONS.offerings ? ` ${c.limit}` : ''}`);

describe('match.request reads: a bounded number of offerings queries per ticked item, whatever the number of providers', () => {
  const small = worldWith(3);
  const large = worldWith(200);
  const larger = worldWith(800);

  test('the large world has far more matchable offerings than one query may return', () => {
    const covering = large.db
      .all<{ itemId: string; servedPaths: string[] }>(COLLECTIONS.offerings)
      .filter((o) => o.itemId === REPAIR && AREAS.slice(0, 5).includes(o.servedPaths[0]!));
    expect(covering).toHaveLength(125);
    expect(covering.length).toBeGreaterThan(large.config.matching.candidatePoolSize);
  });

  test.each([1, 2, 5])('%i ticked item(s): 3, 200 and 800 providers', async (k) => {
    const itemIds = ALL_ITEMS.slice(0, k);
    const pool = small.config.matching.candidatePoolSize;
    const runs = [
      await countedMatch(small, itemIds),
      await countedMatch(large, itemIds),
      await countedMatch(larger, itemIds),
    ];
    for (const [i, { result, calls }] of runs.entries()) {
      // Everything was found (no gap, no widening needed with 200; all three with 3).
      expect(result.items.map((item) => item.providers.length)).toEqual(itemIds.map(() => (i === 0 ? 3 : 5)));

      // One `find` on offerings per ticked item. With 200 and 800 providers more offerings cover the resident
      // than a page holds (full), but the nearest providers rank within it and the page's last score is
      // below the fifth one's, so nothing unread could change the choice.
      const perItem = 1;
      const offerings = on(calls, COLLECTIONS.offerings);
      expect(offerings.map((c) => c.op)).toEqual(itemIds.flatMap(() => Array<string>(perItem).fill('find')));
      for (const c of offerings) {
        expect(c.limit).toBe(pool);
        expect(c.returned).toBeLessThanOrEqual(c.limit!);
      }
      expect(offerings[0]!.returned).toBe(i === 0 ? 3 : pool);

      // The reads: the latest match and the items once, one query per item, the chosen providers once (no
      // per-provider reads).
      expect(on(calls, COLLECTIONS.matches).map((c) => c.op)).toEqual(['findOne', 'insert']);
      expect(on(calls, COLLECTIONS.serviceItems).map((c) => c.op)).toEqual(['find']);
      const providerReads = on(calls, COLLECTIONS.providers);
      expect(providerReads.map((c) => c.op)).toEqual(['find']);
      const shown = new Set(result.items.flatMap((item) => item.providers.map((p) => p.providerId)));
      expect(providerReads[0]!.limit).toBe(shown.size);
      expect(reads(calls)).toHaveLength(2 + k * perItem + 1);
      expect(reads(calls).length).toBeLessThanOrEqual(readBound(k));

      // The writes: the match (and no gap: nothing is short).
      expect(calls.filter((c) => !READS.has(c.op)).map((c) => `${c.op} ${c.collection}`)).toEqual([
        `insert ${COLLECTIONS.matches}`,
      ]);
    }
    // The count does not grow with the providers: 200 and 800 make the same calls in the same order.
    expect(shape(runs[2]!.calls)).toEqual(shape(runs[1]!.calls));
  });

  test.each([1, 2, 5])(
    '%i ticked item(s), stale copies among the best: one more read of providers, no more offerings queries',
    async (k) => {
      const world = worldWith(200);
      // The best three (on every item) were suspended or blacklisted after their offerings were copied.
      for (const id of ['best-1', 'best-2', 'best-3']) {
        seedProvider(world, { id, serves: [GRID], items: ALL_ITEMS, ratings: { count: 50, sum: 250 } });
      }
      await world.db.update(COLLECTIONS.providers, 'best-1', { status: 'suspended' });
      await world.db.update(COLLECTIONS.providers, 'best-2', { blacklisted: true });
      await world.db.update(COLLECTIONS.providers, 'best-3', { status: 'removed' });
      const itemIds = ALL_ITEMS.slice(0, k);
      const { result, calls } = await countedMatch(world, itemIds);

      for (const item of result.items) {
        expect(item.providers).toHaveLength(5);
        expect(item.providers.some((p) => p.providerId.startsWith('best-'))).toBe(false);
      }
      // Per item: one page, from which the selection is made again without the stale providers.
      expect(on(calls, COLLECTIONS.offerings)).toHaveLength(k);
      expect(on(calls, COLLECTIONS.providers).map((c) => c.op)).toEqual(['find', 'find']);
      expect(reads(calls)).toHaveLength(2 + k + 2);
      expect(reads(calls).length).toBeLessThanOrEqual(readBound(k));
    },
  );

  test.each([1, 2])(
    '%i ticked item(s) in a dense area with nothing near: three queries per item, every tied provider read',
    async (k) => {
      const itemIds = ALL_ITEMS.slice(0, k);
      // More city-wide providers than a page holds, all scoring the same and better than the one nearby: the
      // first page holds only them, the second the base level's one, and the completing read takes the rest
      // of street and county and the city's ties at once, so every tied provider takes its turn.
      const denseWorld = (cityWide: number) => {
        const world = createWorld();
        seedItem(world.db, CLEANING);
        seedItem(world.db, COOKING);
        seedProvider(world, { id: 'near', serves: [GRID], items: ALL_ITEMS });
        for (let n = 0; n < cityWide; n += 1) {
          const id = `y${String(n).padStart(3, '0')}`;
          seedProvider(world, { id, serves: [CITY], items: ALL_ITEMS, ratings: { count: 30, sum: 150 } });
        }
        return world;
      };
      const runs = [
        await countedMatch(denseWorld(150), itemIds),
        await countedMatch(denseWorld(400), itemIds),
      ];
      for (const { result, calls } of runs) {
        for (const item of result.items) {
          expect(item.providers.map((p) => p.foundAt)).toEqual(['grid', 'city', 'city', 'city', 'city']);
          expect(item.searchedLevel).toBe('city');
        }
        const offerings = on(calls, COLLECTIONS.offerings);
        expect(offerings).toHaveLength(k * PER_ITEM);
        expect(offerings.filter((c) => c.limit === MAX_QUERY_LIMIT)).toHaveLength(k);
        expect(offerings.filter((c) => c.limit === MAX_QUERY_LIMIT).map((c) => c.returned)).toEqual(
          itemIds.map(() => (calls === runs[0]!.calls ? 150 : 400)),
        );
        expect(on(calls, COLLECTIONS.providers)).toHaveLength(1);
        expect(reads(calls).length).toBeLessThanOrEqual(readBound(k));
      }
      expect(shape(runs[1]!.calls)).toEqual(shape(runs[0]!.calls));
    },
  );
});
