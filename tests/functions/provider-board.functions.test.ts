/**
 * The red-star board (红星榜) and a provider's standing through the real `provider-timers` and `providers`
 * functions on the local cloud (docs/reputation.md, docs/governance.md): the timer's snapshot equals a
 * direct computation from the `ratings` collection (recomputed here: stars per provider, the formula, the
 * board's rule), a second run writes nothing, the board per item and unit best first, and the staff's
 * standing with its parts, rank and tips.
 */
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import type { RedStarBoardEntry } from '../../core/model/evaluation.model';
import type { Offering } from '../../core/model/offering.model';
import type { Rating } from '../../core/model/order.model';
import type { Provider } from '../../core/model/provider.model';
import { ancestorPaths, unitIdOfPath } from '../../core/org/org-path';
import type { ProviderStanding, RedStarBoardResult } from '../../core/providers/evaluation.replies';
import { providerReputation } from '../../core/reputation/provider-reputation';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { functionCloud, type Reply } from './support/function-cloud';
import { DEMO_RESIDENT, ok } from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();
const config = DEFAULT_PLATFORM_CONFIG;
const MANAGER = 'board-manager-1';

function call<T>(openid: string, command: string, input: unknown = {}): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('providers', command, input);
}

async function runBoardTimer(): Promise<Record<string, number>> {
  const event = { Type: 'Timer', TriggerName: 'redelivered', Time: new Date(cloud.now()).toISOString() };
  const result = await cloud.started.cloud.runner.invoke('provider-timers', event, { SOURCE: 'wx_trigger' });
  const reply = JSON.parse(result.responseData) as Reply<{ steps: Record<string, Record<string, number>> }>;
  return ok(reply).steps.board!;
}

/** Every document of a collection, page by page. */
async function all<T>(collection: string): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = (await cloud.db.collection(collection).skip(skip).limit(1000).get()).data as unknown as T[];
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

interface Expected {
  readonly starLevel: number;
  readonly ratingCount: number;
  readonly lowRatingRate: number | null;
  readonly reputation: number;
}

/**
 * The board as the rule states it, from the ratings themselves: a provider's counted ratings give its stars
 * (with its follow-ups, grade and complaints, the formula); active, not blacklisted, at least
 * boardMinStars and redStarMinRatings ratings -> one row per listed item and outermost area unit.
 */
async function boardFromRatings(): Promise<Map<string, Expected>> {
  const [providers, ratings, offerings] = await Promise.all([
    all<Provider>('providers'),
    all<Rating>('ratings'),
    all<Offering & { review?: string }>('offerings'),
  ]);
  const rows = new Map<string, Expected>();
  for (const p of providers) {
    const own = ratings.filter((r) => r.providerId === p._id && r.counted !== false);
    const starCounts = [1, 2, 3, 4, 5].map((s) => own.filter((r) => r.stars === s).length);
    const sum = own.reduce((n, r) => n + r.stars, 0);
    const reputation = providerReputation(p, config, {
      ratings: { ratingCount: own.length, ratingSum: sum, starCounts: starCounts as never },
    });
    const onBoard =
      p.status === 'active' &&
      !p.blacklisted &&
      reputation.starLevel >= config.governance.boardMinStars &&
      own.length >= config.reputation.policy.redStarMinRatings;
    if (!onBoard) continue;
    const low = starCounts.slice(0, config.governance.lowRatingAtMost).reduce((n, c) => n + c, 0);
    const items = new Set(
      offerings
        .filter((o) => o.providerId === p._id && o.active && o.review !== 'pending')
        .map((o) => o.itemId),
    );
    const areas = p.serviceAreaPaths.filter(
      (a) => !p.serviceAreaPaths.some((b) => b !== a && a.startsWith(b)),
    );
    for (const itemId of items) {
      for (const area of new Set(areas)) {
        rows.set(`${p._id}~${itemId}~${unitIdOfPath(area)}`, {
          starLevel: reputation.starLevel,
          ratingCount: own.length,
          lowRatingRate: Math.round((low / own.length) * 10_000) / 10_000,
          reputation: p.reputation,
        });
      }
    }
  }
  return rows;
}

let rows: RedStarBoardEntry[];

beforeAll(async () => {
  await runBoardTimer();
  rows = await all<RedStarBoardEntry>('red_star_board');
});

test('the board equals a direct computation from the ratings; a second run writes nothing', async () => {
  const expected = await boardFromRatings();
  expect(expected.size).toBeGreaterThan(0);
  expect(rows.map((r) => r._id).sort()).toEqual([...expected.keys()].sort());
  for (const row of rows) {
    const want = expected.get(row._id)!;
    expect({
      starLevel: row.starLevel,
      ratingCount: row.ratingCount,
      lowRatingRate: row.lowRatingRate,
      reputation: row.reputation,
    }).toEqual(want);
    expect(row.starLevel).toBeGreaterThanOrEqual(config.governance.boardMinStars);
  }
  const board = () => cloud.writeMark().red_star_board;
  const before = board();
  expect(await runBoardTimer()).toEqual({ rowsWritten: 0, rowsRemoved: 0, providersRead: 0 });
  expect(board()).toEqual(before);
});

test('provider.board: one item for one community, best first; the caller’s home by default', async () => {
  const community = DEMO_PATHS.community;
  const serving = new Set(ancestorPaths(community, { includeSelf: true }));
  const counts = new Map<string, number>();
  for (const r of rows.filter((x) => serving.has(x.orgPath)))
    counts.set(r.itemId, (counts.get(r.itemId) ?? 0) + 1);
  const [itemId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const want = rows
    .filter((r) => r.itemId === itemId && serving.has(r.orgPath))
    .sort((a, b) => b.reputation - a.reputation || (a.providerId < b.providerId ? -1 : 1));
  const page = ok(
    await call<RedStarBoardResult>(DEMO_RESIDENT, 'provider.board', {
      itemId,
      orgUnitId: unitIdOfPath(community),
      pageSize: 50,
    }),
  );
  expect(page.total).toBe(want.length);
  expect(page.items.map((i) => i.providerId)).toEqual(want.map((r) => r.providerId));
  expect(page.items.map((i) => i.rank)).toEqual(want.map((_, i) => i + 1));
  expect(page.items.every((i) => i.starLevel >= config.governance.boardMinStars && i.items.length > 0)).toBe(
    true,
  );

  // The demo resident lives in a grid of that community: by default, the providers serving their home.
  const home = new Set(ancestorPaths(DEMO_PATHS.grid, { includeSelf: true }));
  const mine = ok(await call<RedStarBoardResult>(DEMO_RESIDENT, 'provider.board', { itemId, pageSize: 50 }));
  expect(mine.total).toBe(rows.filter((r) => r.itemId === itemId && home.has(r.orgPath)).length);

  await expectRefusedWritingNothing(
    cloud,
    () => call(DEMO_RESIDENT, 'provider.board', { pageSize: 51 }),
    'INVALID_INPUT',
  );
  await expectRefusedWritingNothing(
    cloud,
    () => call(DEMO_RESIDENT, 'provider.board', { orgUnitId: 'no-such-unit' }),
    'EVALUATION_UNIT_NOT_FOUND',
  );
});

test('provider.standing: the parts, the 差评率, the rank on each board row, and tips that say by how much', async () => {
  const providerId = rows[0]!.providerId;
  await writeUser(cloud, MANAGER, [{ role: 'provider_staff', providerId, position: 'manager' }]);
  const provider = (await cloud.get<Provider>('providers', providerId))!;
  const standing = ok(await call<ProviderStanding>(MANAGER, 'provider.standing', {}));
  expect(standing).toMatchObject({
    providerId,
    reputation: provider.reputation,
    starLevel: provider.starLevel,
  });
  const sum = standing.parts.reduce((n, p) => n + p.points, 0);
  expect(Math.round(sum * 10) / 10).toBeCloseTo(standing.reputation, 1);
  expect(standing.parts.map((p) => p.key)).toEqual(['rating', 'punctuality', 'evaluation', 'complaints']);
  const own = rows.filter((r) => r.providerId === providerId);
  expect(standing.ranks).toHaveLength(own.length);
  for (const rank of standing.ranks) {
    const group = rows.filter((r) => r.itemId === rank.itemId && unitIdOfPath(r.orgPath) === rank.orgUnitId);
    const mineRow = group.find((r) => r.providerId === providerId)!;
    expect(rank.of).toBe(group.length);
    expect(rank.rank).toBe(1 + group.filter((r) => r.reputation > mineRow.reputation).length);
  }
  expect(standing.tips.length).toBeGreaterThan(0);
  const gains = standing.tips.map((t) => t.gain);
  expect(gains).toEqual([...gains].sort((a, b) => b - a));
  for (const tip of standing.tips) expect(tip.text).toMatch(/分/);

  await expectRefusedWritingNothing(
    cloud,
    () => call(DEMO_RESIDENT, 'provider.standing', {}),
    'PERMISSION_DENIED',
  );
});

test('the step reads only the providers marked since its last run; an empty board is rebuilt whole', async () => {
  const mark = () => {
    const m = cloud.writeMark();
    return { board: m.red_star_board, providers: m.providers };
  };
  // Nothing changed: no provider read, nothing written (the board and the providers alike).
  const quiet = mark();
  expect(await runBoardTimer()).toEqual({ rowsWritten: 0, rowsRemoved: 0, providersRead: 0 });
  expect(mark()).toEqual(quiet);

  // The manager unlists one of the provider's items on the board: marked, and its rows go at the next run.
  const row = rows[0]!;
  const manager = 'board-unlisting-manager';
  await writeUser(cloud, manager, [
    { role: 'provider_staff', providerId: row.providerId, position: 'manager' },
  ]);
  const [offering] = await cloud.find<Offering>('offerings', {
    providerId: row.providerId,
    itemId: row.itemId,
  });
  ok(
    await cloud.as(manager).call('providers', 'provider.offering.save', {
      providerId: row.providerId,
      itemId: row.itemId,
      pricing: offering!.pricing,
      active: false,
      clientRequestId: cloud.requestId('board-unlist'),
    }),
  );
  expect((await cloud.get<Provider>('providers', row.providerId))!.boardStale).toBe(true);
  const itemRows = () => cloud.count('red_star_board', { providerId: row.providerId, itemId: row.itemId });
  expect(await itemRows()).toBeGreaterThan(0);
  const step = await runBoardTimer();
  expect(step).toMatchObject({ providersRead: 1 });
  expect(step['rowsRemoved']).toBeGreaterThan(0);
  expect(await itemRows()).toBe(0);
  expect((await cloud.get<Provider>('providers', row.providerId))!.boardStale).toBe(false);
  const after = mark();
  expect(await runBoardTimer()).toEqual({ rowsWritten: 0, rowsRemoved: 0, providersRead: 0 });
  expect(mark()).toEqual(after);

  // A wiped board (a new deployment): rebuilt whole from every provider, as it was.
  const before = (await all<RedStarBoardEntry>('red_star_board')).map((r) => r._id).sort();
  await cloud.db
    .collection('red_star_board')
    .where({ providerId: cloud.db.command.exists(true) })
    .remove();
  expect(await cloud.count('red_star_board')).toBe(0);
  expect(await runBoardTimer()).toMatchObject({ fullRebuild: 1, rowsWritten: before.length });
  expect((await all<RedStarBoardEntry>('red_star_board')).map((r) => r._id).sort()).toEqual(before);
});
