/**
 * Builds a data dir for the escalation-sweep benchmark (bench/concerns.ts) directly with the local cloud's
 * own store and the platform's declared indexes (database/indexes.json), with no SDK and no HTTP: the Yulin
 * demo data as `npm start` seeds it (scripts/seed-demo.ts: personal data sealed, the demo identities'
 * subscribe-message grants recorded), minus the demo's own concerns, plus `total` generated concerns on the
 * demo geography's real grids:
 *
 * - `overdue` of them published at community level past their claim deadline (`escalateAt` in the past),
 *   spread evenly over OVERDUE_COMMUNITIES communities: what the timer must push to the street;
 * - the rest in the mix a city holds after years of use: most closed, some claimed or under way, withdrawn
 *   or rejected (all with `escalateAt` null), and 5 % published and still waiting at their community
 *   (`escalateAt` in the future). None is resolved or confirmed, so the timer's closing job finds nothing
 *   either: the sweep's work is the overdue ones alone.
 *
 * Runs as its own process so the measuring process stays small; prints one JSON line (ConcernBuildResult).
 *
 *   node --import tsx bench/build-concern-data.ts <data-dir> <total> <overdue> <now>
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { claimDeadline } from '../core/lifecycle/concern.deadlines';
import type { Concern, ConcernRecordKind } from '../core/model/concern.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import { rollUpKey } from '../core/org/org-path';
import { sealDocument } from '../core/privacy/sealed-database';
import { simulatedResidentOpenid } from '../demo/demo-orders';
import { buildYulinGeography, type YulinGeography } from '../demo/yulin.geography';
import { DAY_MS, HOUR_MS } from '../demo/demo.constants';
import { loadIndexCatalog } from '../localcloud/db/index-catalog';
import { LocalDatabase } from '../localcloud/db/local-database';
import { decodeStored } from '../localcloud/protocol/ejson.codec';
import { SqliteStore } from '../localcloud/db/sqlite.store';
import { DEFAULT_INDEX_FILE } from '../localcloud/local-cloud';
import { localPersonalDataCipher, seedDemoData } from '../scripts/seed-demo';

/** Documents per insert call and per SQLite transaction. */
const INSERT_BATCH = 1000;
const TX_DOCS = 20_000;
/**
 * The concerns that are not overdue repeat with this period: `otherConcern` computes everything but the id
 * from the index modulo the period, so the first block is written by the store and the others are copied
 * from it in SQL. A multiple of 100, so each block holds the status mix exactly.
 */
const OTHER_BLOCK = 25_600;
/** SQLite page cache while building (kB): the concerns' indexes' pages stay in memory between inserts. */
const BUILD_CACHE_KB = 1024 * 1024;
/** The overdue concerns are spread over this many communities (evenly spaced over the city's). */
const OVERDUE_COMMUNITIES = 10;
/** How long the overdue ones have waited at their community (the claim deadline there is 72 hours). */
export const OVERDUE_WAITED_MS = 80 * HOUR_MS;
/** Distinct sealed resident names reused across the generated concerns (sealing a million costs minutes). */
const SEALED_NAME_POOL = 256;

export interface ConcernBuildResult {
  readonly total: number;
  readonly overdue: number;
  /** Documents per collection (the demo data and the generated concerns). */
  readonly counts: Record<string, number>;
  /** Concerns by status among the generated ones. */
  readonly byStatus: Record<string, number>;
  /** Concerns whose `escalateAt` is at or before `now` (checked in the store after the build). */
  readonly dueInStore: number;
  /** Concerns with an `escalateAt` at all (waiting below the city, overdue or not). */
  readonly withEscalateAt: number;
  /** Community paths the overdue ones live in (the benchmark puts them back there between sweeps). */
  readonly overdueCommunities: readonly string[];
  readonly loadMs: number;
  /** ...of which copying the blocks of concerns after the first in SQL... */
  readonly copyMs: number;
  /** ...and building the concerns' index b-trees at the end. */
  readonly indexMs: number;
  readonly bytes: number;
}

interface Text {
  readonly kind: ConcernRecordKind;
  readonly title: string;
  readonly content: string;
}

const TEXTS: readonly Text[] = [
  {
    kind: 'worry',
    title: '楼道灯坏了，晚上上下楼不安全',
    content: '单元楼三楼到六楼的楼道灯坏了快一个月，家里有老人，晚上上下楼很不安全，希望尽快修好。',
  },
  {
    kind: 'wish',
    title: '腿脚不便，想请人上门理发',
    content: '老伴行动不便出不了门，想请志愿者上门帮忙理个发。',
  },
  {
    kind: 'worry',
    title: '小区门口路面积水，雨天出行难',
    content: '小区门口一段路每逢下雨就积水没过脚踝，排水口堵塞，居民出行和车辆进出都很困难。',
  },
  {
    kind: 'wish',
    title: '想学用智能手机预约挂号',
    content: '子女不在身边，想学会用手机预约挂号和视频通话。',
  },
  {
    kind: 'worry',
    title: '楼上邻居晚上噪音很大',
    content: '楼上住户经常深夜搬动家具，影响休息，沟通过几次没有效果。',
  },
  {
    kind: 'wish',
    title: '希望给小区健身器材换新',
    content: '小区健身路径的器材用了十几年，有几件已经坏了，希望能换新。',
  },
  {
    kind: 'urgent',
    title: '独居老人家中水管爆裂',
    content: '独居老人厨房水管爆裂漏水，自己无法处理，请社区帮忙联系维修。',
  },
  {
    kind: 'worry',
    title: '垃圾清运不及时，气味很大',
    content: '小区垃圾站这两周经常两三天才清运一次，天热气味很大，蚊蝇也多。',
  },
  {
    kind: 'wish',
    title: '希望暑假开设青少年托管班',
    content: '双职工家庭多，暑假孩子无人照看，希望社区能开设托管班或者读书角。',
  },
  {
    kind: 'worry',
    title: '电动车在楼道充电有安全隐患',
    content: '有住户把电动车推进楼道充电，电线拉得到处都是，担心引发火灾。',
  },
];

const NAMES = ['黄阿姨', '陈先生', '李奶奶', '覃大爷', '梁女士', '韦师傅', '周阿婆', '莫先生'];

/** The id of the i-th concern that is not overdue (`cn-0000000`...; the overdue ones are `cn-od-...`). */
function otherConcernId(i: number): string {
  return `cn-${String(i).padStart(7, '0')}`;
}

/** The mix of the concerns that are not overdue, by `i % 100`. */
type OtherState = 'closed' | 'claimed' | 'in_progress' | 'withdrawn' | 'rejected' | 'published';
function otherState(i: number): OtherState {
  const r = i % 100;
  if (r < 75) return 'closed';
  if (r < 83) return 'claimed';
  if (r < 90) return 'in_progress';
  if (r < 93) return 'withdrawn';
  if (r < 95) return 'rejected';
  return 'published';
}

/** Fields every generated concern shares, given where it lives and when it was submitted. */
function base(
  id: string,
  i: number,
  grid: OrgUnit,
  createdAt: number,
  sealedNames: readonly string[],
): Omit<
  Concern,
  | 'status'
  | 'statusChangedAt'
  | 'claimDeadline'
  | 'escalateAt'
  | 'claim'
  | 'assigneeOpenid'
  | 'review'
  | 'confirmation'
  | 'resolutionSummary'
  | 'resolvedAt'
  | 'confirmedAt'
  | 'closedAt'
  | 'updatedAt'
> {
  const text = TEXTS[i % TEXTS.length]!;
  const resident = simulatedResidentOpenid(grid._id, 1 + (i % 8));
  return {
    _id: id,
    kind: text.kind,
    title: text.title,
    content: text.content,
    images: [],
    orgUnitId: grid._id,
    residentOpenid: resident,
    residentName: sealedNames[i % sealedNames.length]!,
    filedBy: resident,
    onBehalfOf: null,
    crossDepartment: false,
    anonymous: i % 10 === 0,
    sensitive: false,
    sensitiveConsentAt: null,
    publicSummary: null,
    contentFlagged: false,
    supportCount: i % 7,
    level: 'community',
    levelPath: rollUpKey(grid.path, 'community')!,
    assigneeTeamId: null,
    assigneePartyOrgId: null,
    assigneeUnitId: null,
    jointMeetingId: null,
    departments: [],
    leadDepartment: null,
    jointCase: null,
    taskCheckAt: null,
    unresolvedCount: 0,
    leaderAttention: false,
    orgPath: grid.path,
    createdAt,
  };
}

function approvedBy(grid: OrgUnit, at: number): Concern['review'] {
  return { decision: 'approve', reason: '', by: `sim-leader-${grid.parentId!}`, at };
}

/** An overdue one: published at its community OVERDUE_WAITED_MS ago (+ up to 19 hours), never claimed. */
function overdueConcern(j: number, grid: OrgUnit, now: number, sealedNames: readonly string[]): Concern {
  const statusChangedAt = now - OVERDUE_WAITED_MS - (j % 20) * HOUR_MS;
  const createdAt = statusChangedAt - 6 * HOUR_MS;
  const deadline = claimDeadline({ status: 'published', level: 'community', statusChangedAt });
  return {
    ...base(`cn-od-${grid.parentId!}-${String(j).padStart(5, '0')}`, j, grid, createdAt, sealedNames),
    status: 'published',
    statusChangedAt,
    claimDeadline: deadline,
    escalateAt: deadline,
    claim: null,
    assigneeOpenid: null,
    review: approvedBy(grid, createdAt + 4 * HOUR_MS),
    confirmation: null,
    resolutionSummary: null,
    resolvedAt: null,
    confirmedAt: null,
    closedAt: null,
    updatedAt: statusChangedAt,
  };
}

/**
 * The i-th of the rest, submitted up to three years ago, in the state `otherState` gives it. Everything but
 * its id repeats with the period OTHER_BLOCK (the bulk load copies the first block), and its grid is spread
 * over the whole city.
 */
function otherConcern(
  index: number,
  geo: YulinGeography,
  now: number,
  sealedNames: readonly string[],
): Concern {
  const id = otherConcernId(index);
  const i = index % OTHER_BLOCK;
  const grid = geo.grids[(i * 37) % geo.grids.length]!;
  const state = otherState(i);
  if (state === 'published') {
    // Waiting at its community for less than the 72 hours it has: the deadline is still ahead.
    const statusChangedAt = now - (i % 60) * HOUR_MS - HOUR_MS;
    const createdAt = statusChangedAt - 5 * HOUR_MS;
    const deadline = claimDeadline({ status: 'published', level: 'community', statusChangedAt });
    return {
      ...base(id, i, grid, createdAt, sealedNames),
      status: 'published',
      statusChangedAt,
      claimDeadline: deadline,
      escalateAt: deadline,
      claim: null,
      assigneeOpenid: null,
      review: approvedBy(grid, createdAt + 4 * HOUR_MS),
      confirmation: null,
      resolutionSummary: null,
      resolvedAt: null,
      confirmedAt: null,
      closedAt: null,
      updatedAt: statusChangedAt,
    };
  }
  const createdAt = now - (5 + ((i * 7919) % 1090)) * DAY_MS - (i % 24) * HOUR_MS;
  const reviewedAt = createdAt + 4 * HOUR_MS;
  const claimedAt = reviewedAt + 20 * HOUR_MS;
  const claimer = `sim-party_member-${grid.parentId!}`;
  const claim = { as: 'self' as const, name: '党员志愿者', by: claimer, at: claimedAt };
  const common = {
    ...base(id, i, grid, createdAt, sealedNames),
    claimDeadline: null,
    escalateAt: null,
    confirmation: null,
    resolutionSummary: null,
    resolvedAt: null,
    confirmedAt: null,
    closedAt: null,
  };
  switch (state) {
    case 'withdrawn':
      return {
        ...common,
        status: 'withdrawn',
        statusChangedAt: createdAt + HOUR_MS,
        claim: null,
        assigneeOpenid: null,
        review: null,
        updatedAt: createdAt + HOUR_MS,
      };
    case 'rejected':
      return {
        ...common,
        status: 'rejected',
        statusChangedAt: reviewedAt,
        claim: null,
        assigneeOpenid: null,
        review: {
          decision: 'reject',
          reason: '属物业服务范围，已转物业处理',
          by: `sim-leader-${grid.parentId!}`,
          at: reviewedAt,
        },
        updatedAt: reviewedAt,
      };
    case 'claimed':
    case 'in_progress':
      return {
        ...common,
        status: state,
        statusChangedAt: claimedAt,
        claim,
        assigneeOpenid: claimer,
        review: approvedBy(grid, reviewedAt),
        updatedAt: claimedAt,
      };
    case 'closed': {
      const resolvedAt = claimedAt + 3 * DAY_MS;
      const confirmedAt = resolvedAt + DAY_MS;
      return {
        ...common,
        status: 'closed',
        statusChangedAt: confirmedAt + HOUR_MS,
        claim,
        assigneeOpenid: claimer,
        review: approvedBy(grid, reviewedAt),
        confirmation: { outcome: 'resolved', reason: '', by: common.residentOpenid!, at: confirmedAt },
        resolutionSummary: '已上门处理完毕，居民表示满意',
        resolvedAt,
        confirmedAt,
        closedAt: confirmedAt + HOUR_MS,
        updatedAt: confirmedAt + HOUR_MS,
      };
    }
  }
}

/** The communities the overdue concerns live in: evenly spaced over the city's (so over several counties). */
function overdueCommunities(geo: YulinGeography): OrgUnit[] {
  const step = Math.floor(geo.communities.length / OVERDUE_COMMUNITIES);
  return Array.from({ length: OVERDUE_COMMUNITIES }, (_, k) => geo.communities[k * step]!);
}

/** The store's tables of the concerns collection: the documents, each index's rows, their b-trees. */
interface ConcernTables {
  readonly docs: string;
  readonly indexTables: ReadonlyArray<{ readonly name: string; readonly keyColumns: readonly string[] }>;
  readonly btrees: ReadonlyArray<{ readonly name: string; readonly sql: string }>;
}

function concernTables(sqlite: SqliteStore['db']): ConcernTables {
  const docs = (
    sqlite.prepare(`SELECT tbl FROM collections WHERE name = 'concerns'`).get() as { tbl: string }
  ).tbl;
  const names = (
    sqlite.prepare(`SELECT tbl FROM indexes WHERE collection = 'concerns'`).all() as Array<{ tbl: string }>
  ).map((r) => r.tbl);
  const indexTables = names.map((name) => ({
    name,
    keyColumns: (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((c) => c !== 'id'),
  }));
  const btrees = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ` +
        `(${names.map(() => '?').join(', ')})`,
    )
    .all(...names) as Array<{ name: string; sql: string }>;
  return { docs, indexTables, btrees };
}

/**
 * Copy the first block of the others (`cn-0000000`... as the store wrote them) until there are `others` in
 * all: the concern `cn-<i>` of the first block becomes `cn-<offset + i>` for each offset, its document with
 * that `_id` (the document text starts with it: the generator puts `_id` first) and a revision of its own,
 * its rows in every index table with that id. One statement per table, the offsets the outer loop, so the
 * new ids come in order.
 */
function copyBlocks(sqlite: SqliteStore['db'], tables: ConcernTables, block: number, others: number): void {
  sqlite.exec('CREATE TEMP TABLE copy_offsets (o INTEGER PRIMARY KEY)');
  const offset = sqlite.prepare('INSERT INTO copy_offsets (o) VALUES (?)');
  for (let o = block; o < others; o += block) offset.run(o);
  const seq = `CAST(substr(t.id, 4) AS INTEGER)`;
  const newId = `printf('cn-%07d', ${seq} + c.o)`;
  const from = `FROM copy_offsets c CROSS JOIN "%TABLE%" t WHERE t.id BETWEEN 'cn-0000000' AND @last AND ${seq} + c.o < @others`;
  const params = { last: otherConcernId(block - 1), others };
  const { low, high } = sqlite
    .prepare(`SELECT min(rev) AS low, max(rev) AS high FROM "${tables.docs}"`)
    .get() as { low: number; high: number };
  const prefix = '{"_id":"';
  sqlite
    .prepare(
      `INSERT INTO "${tables.docs}" (id, doc, rev) SELECT ${newId}, '${prefix}' || ${newId} || ` +
        `substr(t.doc, ${prefix.length + otherConcernId(0).length + 1}), t.rev + (c.o / @block) * @span ` +
        from.replace('%TABLE%', tables.docs),
    )
    .run({ ...params, block, span: high - low + 1 });
  for (const index of tables.indexTables) {
    const keys = index.keyColumns.map((c) => `t."${c}"`).join(', ');
    const columns = index.keyColumns.map((c) => `"${c}"`).join(', ');
    sqlite
      .prepare(
        `INSERT INTO "${index.name}" (${columns}, id) SELECT ${keys}, ${newId} ${from.replace('%TABLE%', index.name)}`,
      )
      .run(params);
  }
  sqlite.exec('DROP TABLE copy_offsets');
}

function main(): void {
  const [dataDir, totalText, overdueText, nowText] = process.argv.slice(2);
  const total = Number(totalText);
  const overdue = Number(overdueText);
  const now = Number(nowText);
  if (!dataDir || !Number.isInteger(total) || !Number.isInteger(overdue) || overdue > total || !(now > 0)) {
    console.error('usage: build-concern-data.ts <data-dir> <total> <overdue> <now>');
    process.exit(2);
  }
  const t0 = performance.now();
  const catalog = loadIndexCatalog(DEFAULT_INDEX_FILE);
  const store = new SqliteStore({ dataDir, catalog });
  // A build is redone from scratch if anything fails: no syncing, and index pages kept in memory.
  store.db.pragma('synchronous = OFF');
  store.db.pragma(`cache_size = -${BUILD_CACHE_KB}`);
  const db = new LocalDatabase(store, () => now);
  for (const name of Object.keys(catalog)) db.ensureCollection(name);
  const cipher = localPersonalDataCipher();
  const seeded = seedDemoData(db, () => now, undefined, cipher);
  // The demo's own concerns would add overdue ones of their own: the generated ones replace them.
  db.remove('concerns', {}, true);
  const counts: Record<string, number> = { ...seeded.counts, concerns: 0 };

  const geo = buildYulinGeography(now - 900 * DAY_MS);
  const sealedNames = Array.from(
    { length: SEALED_NAME_POOL },
    (_, k) => sealDocument(cipher, 'concerns', { residentName: NAMES[k % NAMES.length]! }).residentName,
  );
  const odCommunities = overdueCommunities(geo);
  const byStatus: Record<string, number> = {};
  const at = (k: number): Concern => {
    if (k < overdue) {
      const community = odCommunities[k % odCommunities.length]!;
      const grids = geo.gridsOfCommunity.get(community._id)!;
      const j = Math.floor(k / odCommunities.length);
      return overdueConcern(j, grids[j % grids.length]!, now, sealedNames);
    }
    return otherConcern(k - overdue, geo, now, sealedNames);
  };
  const others = total - overdue;
  const block = Math.min(others, OTHER_BLOCK);
  const tables = concernTables(store.db);
  // Bulk load. The store writes the overdue concerns and the first block of the others itself (`insert`:
  // the documents and their index rows), with the SQLite b-trees over the concerns' index tables dropped
  // first. The others repeat with the block's period (otherConcern), so the later blocks are the first one's
  // rows, documents and index rows alike, copied in SQL under their own ids. Then the b-trees are built
  // again from their own DDL: one sort per index instead of a million random inserts into each.
  for (const index of tables.btrees) store.db.exec(`DROP INDEX "${index.name}"`);
  const firstRows = overdue + block;
  for (let start = 0; start < firstRows; start += TX_DOCS) {
    store.atomically(() => {
      const end = Math.min(firstRows, start + TX_DOCS);
      for (let k = start; k < end; k += INSERT_BATCH) {
        const batch: Concern[] = [];
        for (let m = k; m < Math.min(end, k + INSERT_BATCH); m++) batch.push(at(m));
        db.insert('concerns', batch as unknown as Record<string, unknown>[]);
      }
    });
  }
  const tCopy = performance.now();
  if (others > block) store.atomically(() => copyBlocks(store.db, tables, block, others));
  const copyMs = performance.now() - tCopy;
  const tIndex = performance.now();
  store.atomically(() => {
    for (const index of tables.btrees) store.db.exec(index.sql);
  });
  const indexMs = performance.now() - tIndex;
  for (let k = 0; k < total; k++) {
    const status = k < overdue ? 'published' : otherState((k - overdue) % OTHER_BLOCK);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  counts['concerns'] = store.count('concerns');
  const loadMs = performance.now() - t0;
  // What the store holds is what the generator makes: a sample of copied concerns read back whole.
  for (const k of [overdue, firstRows, total - 1, overdue + Math.floor(others / 2)]) {
    if (k >= total) continue;
    const expected = at(k);
    const [stored] = db.find('concerns', { _id: expected._id }, { limit: 1 });
    if (stored === undefined || !isDeepStrictEqual(decodeStored(stored), structuredClone(expected))) {
      throw new Error(`concern ${expected._id} stored as ${String(stored).slice(0, 300)}`);
    }
  }
  const dueInStore = db.count('concerns', { escalateAt: { $lte: now } });
  const withEscalateAt = db.count('concerns', { escalateAt: { $gt: 0 } });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const bytes = readdirSync(dataDir).reduce((s, f) => s + statSync(join(dataDir, f)).size, 0);
  const result: ConcernBuildResult = {
    total,
    overdue,
    counts,
    byStatus,
    dueInStore,
    withEscalateAt,
    overdueCommunities: odCommunities.map((c) => c.path),
    loadMs,
    copyMs,
    indexMs,
    bytes,
  };
  console.log(JSON.stringify(result));
}

if (require.main === module) main();
