/**
 * The ledgers the console exports (docs/ledgers.md): which records, in which order, which columns, how
 * each record becomes a row and what the totals row says. Rows are numbered by the use case (序号 first).
 *
 * - 订单台账 (`orders`): the orders placed in the period in the unit and below, by time placed.
 * - 回访台账 (`follow_ups`): the follow-ups that fell due in the period, recorded or not, by due time.
 * - 服务机构台账 (`providers`): the providers managed in the unit that had joined by the period's end, as
 *   they stand at the export.
 * - 诉求台账 (`concerns`): the concerns submitted in the period in the unit and below, by time submitted, as
 *   they stand at the export.
 */
import { can } from '../../auth/authorize';
import type { Actor } from '../../auth/roles';
import type { DatabasePort, Where } from '../../kernel/database.port';
import { formatShanghaiMinute } from '../../kernel/shanghai-time';
import {
  CONCERN_LEVELS,
  CONCERN_STATUSES,
  CONCERN_STATUS_LABELS,
  type ConcernLevel,
} from '../../lifecycle/concern.lifecycle';
import { ORDER_STATUSES, ORDER_STATUS_LABELS } from '../../lifecycle/order.status';
import { PROVIDER_STATUSES, PROVIDER_STATUS_LABELS } from '../../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../../model/collections.model';
import {
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_STATUS_LABELS,
  type FollowUp,
  type Order,
} from '../../model/order.model';
import {
  CONCERN_RECORD_KIND_LABELS,
  CONFIRMATION_OUTCOME_LABELS,
  type Concern,
} from '../../model/concern.model';
import { ORG_LEVEL_LABELS } from '../../org/org-levels';
import { publicTitleOf } from '../../auth/concern-access';
import type { Provider } from '../../model/provider.model';
import type { User } from '../../model/user.model';
import { maskPhone } from '../../privacy/phone-masking.policy';
import { FOLLOW_UP_CHANNEL_LABELS } from '../../schemas/order.fields';
import { serviceItems } from '../console-catalog';
import { communityOf } from '../console-orders.query';
import { withinRoot, type ScopeRoot } from '../console-scope';
import { unitNames } from '../console-units';
import { anyStatus, pagesById, pagesByTime } from './ledger-pages';
import type { LedgerCell, LedgerColumn, LedgerSheet } from './ledger.ports';

/** What one export reads: the worker, the place, the period (ms, end exclusive). */
export interface LedgerScope {
  readonly db: DatabasePort;
  readonly actor: Actor;
  readonly root: ScopeRoot;
  readonly start: number;
  readonly end: number;
  /**
   * Names of the communities met so far in this export, by path: read once each (the cache holds at most
   * one entry per community of the scope, whatever the number of rows).
   */
  readonly communityNames: Map<string, string>;
}

/** Running totals of one export, turned into the totals row at the end. */
export interface LedgerTally<T> {
  add(record: T): void;
  /** The totals row, without 序号 (the use case puts 合计 there). */
  cells(rows: number): LedgerCell[];
}

export interface LedgerSource<T> {
  /** The headers after 序号. */
  readonly columns: readonly LedgerColumn[];
  /** Whether the rows hold residents' phones (masked unless resident.phone.view). */
  readonly personalData: boolean;
  count(scope: LedgerScope): Promise<number>;
  pages(scope: LedgerScope): AsyncGenerator<T[]>;
  /** One row per record (after 序号), in the page's order. */
  rows(scope: LedgerScope, page: readonly T[]): Promise<LedgerCell[][]>;
  tally(): LedgerTally<T>;
  /** Small sheets written whole before the rows (the funds ledger's 收支汇总), under the export's own lines. */
  sheetsBefore?(scope: LedgerScope, subtitles: readonly string[]): Promise<LedgerSheet[]>;
}

const minute = (ms: number | null | undefined): string => (ms ? formatShanghaiMinute(ms) : '');
const yuan = (fen: number): number => Math.round(fen) / 100;
const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${((part * 100) / whole).toFixed(1)}%`;

/** Whether the worker may see the residents' phones of records at this path (cached per path). */
export function phoneViewer(actor: Actor): (orgPath: string) => boolean {
  const cache = new Map<string, boolean>();
  return (orgPath) => {
    let visible = cache.get(orgPath);
    if (visible === undefined) {
      visible = can(actor, 'resident.phone.view', { orgPath });
      cache.set(orgPath, visible);
    }
    return visible;
  };
}

/** Names of the communities of one page's records, each read once per export (scope.communityNames). */
async function communityNames(scope: LedgerScope, paths: readonly string[]): Promise<Map<string, string>> {
  const known = scope.communityNames;
  const missing = [...new Set(paths.map(communityOf))].filter((p) => !known.has(p));
  if (missing.length > 0) {
    const found = await unitNames(scope.db, missing);
    // An unknown path is remembered as '' so it is not read again.
    for (const p of missing) known.set(p, found.get(p) ?? '');
  }
  return known;
}

async function itemNames(db: DatabasePort): Promise<Map<string, string>> {
  return new Map((await serviceItems(db)).map((i) => [i._id, i.name]));
}

async function phonesOf(db: DatabasePort, openids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(openids)];
  if (unique.length === 0) return new Map();
  const users = await db.find<User>(
    COLLECTIONS.users,
    { _id: db.command.in(unique) },
    { limit: unique.length, fields: ['phone'] },
  );
  return new Map(users.filter((u) => u.phone).map((u) => [u._id, u.phone!]));
}

function scoped(scope: LedgerScope, statuses: readonly string[]): Where {
  return { ...withinRoot(scope.db, scope.root), ...anyStatus(scope.db, statuses) };
}

// ---------- 订单台账 ----------

const ORDER_FIELDS = [
  'orgPath',
  'createdAt',
  'itemName',
  'providerName',
  'residentName',
  'residentOpenid',
  'status',
  'acceptedAt',
  'doneAt',
  'stars',
  'pricing',
];

const DONE_STATUSES = new Set(['done', 'followed_up', 'rated', 'closed']);

export const ORDERS_LEDGER: LedgerSource<Order> = {
  columns: [
    { header: '下单时间', width: 17 },
    { header: '所在社区', width: 14 },
    { header: '服务项目', width: 14 },
    { header: '服务机构', width: 22 },
    { header: '居民', width: 10 },
    { header: '联系电话', width: 14 },
    { header: '状态', width: 10 },
    { header: '接单时间', width: 17 },
    { header: '完成时间', width: 17 },
    { header: '评分（星）', width: 10, numFmt: '0.0' },
    { header: '收费（元）', width: 11, numFmt: '0.00' },
    { header: '订单编号', width: 26 },
  ],
  personalData: true,
  count: (scope) =>
    scope.db.count(COLLECTIONS.orders, {
      ...scoped(scope, ORDER_STATUSES),
      createdAt: scope.db.command.and([scope.db.command.gte(scope.start), scope.db.command.lt(scope.end)]),
    }),
  pages: (scope) =>
    pagesByTime<Order>(scope.db, {
      collection: COLLECTIONS.orders,
      where: scoped(scope, ORDER_STATUSES),
      field: 'createdAt',
      start: scope.start,
      end: scope.end,
      fields: ORDER_FIELDS,
    }),
  async rows(scope, page) {
    const [names, phones] = await Promise.all([
      communityNames(
        scope,
        page.map((o) => o.orgPath),
      ),
      phonesOf(
        scope.db,
        page.map((o) => o.residentOpenid),
      ),
    ]);
    const visible = phoneViewer(scope.actor);
    return page.map((o) => {
      const phone = phones.get(o.residentOpenid) ?? '';
      return [
        minute(o.createdAt),
        names.get(communityOf(o.orgPath)) ?? '',
        o.itemName,
        o.providerName,
        o.residentName,
        phone === '' ? '' : visible(o.orgPath) ? phone : maskPhone(phone),
        ORDER_STATUS_LABELS[o.status] ?? o.status,
        minute(o.acceptedAt),
        minute(o.doneAt),
        o.stars ?? null,
        o.pricing?.kind === 'low_fee' ? yuan(o.pricing.priceFen) : 0,
        o._id,
      ];
    });
  },
  tally() {
    let done = 0;
    let rated = 0;
    let stars = 0;
    let fee = 0;
    return {
      add(o) {
        if (DONE_STATUSES.has(o.status)) done += 1;
        if (typeof o.stars === 'number') {
          rated += 1;
          stars += o.stars;
        }
        if (o.pricing?.kind === 'low_fee') fee += o.pricing.priceFen;
      },
      cells: (rows) => [
        `共 ${rows} 单`,
        '',
        '',
        '',
        '',
        '',
        `办结 ${done} 单`,
        '',
        `办结率 ${percent(done, rows)}`,
        rated === 0 ? null : Math.round((stars / rated) * 10) / 10,
        yuan(fee),
        `已评价 ${rated} 单`,
      ],
    };
  },
};

// ---------- 回访台账 ----------

const FOLLOW_UP_FIELDS = [
  'orgPath',
  'orderId',
  'providerId',
  'itemId',
  'status',
  'dueAt',
  'recordedAt',
  'onTime',
  'channel',
  'summary',
  'problems',
  'suggestions',
  'heldTexts',
];

/** What a held text (waiting for a worker's review) prints as. */
const HELD = '（待审核）';

async function providerNames(db: DatabasePort, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const providers = await db.find<Provider>(
    COLLECTIONS.providers,
    { _id: db.command.in(unique) },
    { limit: unique.length, fields: ['name'] },
  );
  return new Map(providers.map((p) => [p._id, p.name]));
}

/** One follow-up's row (after 序号). */
function followUpRow(
  f: FollowUp,
  names: ReadonlyMap<string, string>,
  providers: ReadonlyMap<string, string>,
  items: ReadonlyMap<string, string>,
): LedgerCell[] {
  const held = (kind: string) => f.heldTexts?.includes(kind as never) === true;
  const entries = (list: FollowUp['problems']) =>
    (list ?? []).map((e) => (e.handling ? `${e.content}（处理：${e.handling}）` : e.content)).join('；');
  return [
    minute(f.dueAt),
    minute(f.recordedAt),
    FOLLOW_UP_STATUS_LABELS[f.status] ?? f.status,
    f.onTime === null || f.onTime === undefined ? '' : f.onTime ? '按时' : '逾期',
    f.channel ? FOLLOW_UP_CHANNEL_LABELS[f.channel] : '',
    names.get(communityOf(f.orgPath)) ?? '',
    items.get(f.itemId) ?? '',
    providers.get(f.providerId) ?? '',
    held('follow_up_summary') ? HELD : (f.summary ?? ''),
    held('follow_up_problems') ? HELD : entries(f.problems),
    held('follow_up_suggestions') ? HELD : entries(f.suggestions),
    f.orderId,
  ];
}

export function followUpsLedger(): LedgerSource<FollowUp> {
  let items: Promise<Map<string, string>> | null = null;
  return {
    columns: [
      { header: '应回访时间', width: 17 },
      { header: '回访时间', width: 17 },
      { header: '状态', width: 8 },
      { header: '是否按时', width: 9 },
      { header: '回访方式', width: 9 },
      { header: '所在社区', width: 14 },
      { header: '服务项目', width: 14 },
      { header: '服务机构', width: 22 },
      { header: '回访情况', width: 30 },
      { header: '反映的问题', width: 30 },
      { header: '提出的建议', width: 30 },
      { header: '订单编号', width: 26 },
    ],
    personalData: false,
    count: (scope) =>
      scope.db.count(COLLECTIONS.followUps, {
        ...scoped(scope, FOLLOW_UP_STATUSES),
        dueAt: scope.db.command.and([scope.db.command.gte(scope.start), scope.db.command.lt(scope.end)]),
      }),
    pages: (scope) =>
      pagesByTime<FollowUp>(scope.db, {
        collection: COLLECTIONS.followUps,
        where: scoped(scope, FOLLOW_UP_STATUSES),
        field: 'dueAt',
        start: scope.start,
        end: scope.end,
        fields: FOLLOW_UP_FIELDS,
      }),
    async rows(scope, page) {
      items ??= itemNames(scope.db);
      const [names, providers, itemName] = await Promise.all([
        communityNames(
          scope,
          page.map((f) => f.orgPath),
        ),
        providerNames(
          scope.db,
          page.map((f) => f.providerId),
        ),
        items,
      ]);
      return page.map((f) => followUpRow(f, names, providers, itemName));
    },
    tally() {
      let recorded = 0;
      let onTime = 0;
      return {
        add(f) {
          if (f.status === 'recorded') recorded += 1;
          if (f.onTime === true) onTime += 1;
        },
        cells: (rows) => [
          `共 ${rows} 次`,
          `已回访 ${recorded} 次`,
          '',
          `按时 ${onTime} 次`,
          `按时率 ${percent(onTime, rows)}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
      };
    },
  };
}

// ---------- 服务机构台账 ----------

const PROVIDER_FIELDS = [
  'name',
  'creditCode',
  'contactName',
  'contactPhone',
  'address',
  'status',
  'starLevel',
  'reputation',
  'ratingCount',
  'followUpsDue',
  'followUpsOnTime',
  'createdAt',
];

export const PROVIDERS_LEDGER: LedgerSource<Provider> = {
  columns: [
    { header: '机构名称', width: 26 },
    { header: '统一社会信用代码', width: 21 },
    { header: '联系人', width: 10 },
    { header: '联系电话', width: 14 },
    { header: '地址', width: 30 },
    { header: '状态', width: 12 },
    { header: '星级', width: 6, numFmt: '0' },
    { header: '信誉分', width: 8, numFmt: '0.0' },
    { header: '评价数', width: 8, numFmt: '0' },
    { header: '回访按时率', width: 11 },
    { header: '入驻时间', width: 17 },
  ],
  // A provider's contact is its business's published contact, not a resident's personal data.
  personalData: false,
  count: (scope) =>
    scope.db.count(COLLECTIONS.providers, {
      ...scoped(scope, PROVIDER_STATUSES),
      createdAt: scope.db.command.lt(scope.end),
    }),
  pages: (scope) =>
    pagesById<Provider>(
      scope.db,
      COLLECTIONS.providers,
      { ...scoped(scope, PROVIDER_STATUSES), createdAt: scope.db.command.lt(scope.end) },
      PROVIDER_FIELDS,
    ),
  async rows(_scope, page) {
    return page.map((p) => [
      p.name,
      p.creditCode ?? '',
      p.contactName ?? '',
      p.contactPhone ?? '',
      p.address ?? '',
      PROVIDER_STATUS_LABELS[p.status] ?? p.status,
      p.starLevel ?? 0,
      Math.round((p.reputation ?? 0) * 10) / 10,
      p.ratingCount ?? 0,
      percent(p.followUpsOnTime ?? 0, p.followUpsDue ?? 0),
      minute(p.createdAt),
    ]);
  },
  tally() {
    let active = 0;
    let reputation = 0;
    let ratings = 0;
    return {
      add(p) {
        if (p.status === 'active') active += 1;
        reputation += p.reputation ?? 0;
        ratings += p.ratingCount ?? 0;
      },
      cells: (rows) => [
        `共 ${rows} 家`,
        '',
        '',
        '',
        '',
        `正常服务 ${active} 家`,
        '',
        rows === 0 ? null : Math.round((reputation / rows) * 10) / 10,
        ratings,
        '',
        '',
      ],
    };
  },
};

// ---------- 诉求台账 ----------

const CONCERN_FIELDS = [
  'orgPath',
  'createdAt',
  'kind',
  'title',
  'sensitive',
  'publicSummary',
  'level',
  'status',
  'claim',
  'resolvedAt',
  'confirmation',
];

/** Steps up from the community: every push (by hand, by the timer, a joint meeting's referral) is one level. */
export const pushesOf = (level: ConcernLevel): number => Math.max(0, CONCERN_LEVELS.indexOf(level));

/**
 * 诉求台账 (`concerns`): the concerns submitted in the period in the unit and below, by time submitted. The
 * title of a sensitive worry is its public summary (a printed ledger is read by many); no resident's name or
 * phone is in it.
 */
export const CONCERNS_LEDGER: LedgerSource<Concern> = {
  columns: [
    { header: '编号', width: 22 },
    { header: '类型', width: 9 },
    { header: '标题', width: 30 },
    { header: '社区', width: 14 },
    { header: '当前层级', width: 9 },
    { header: '状态', width: 13 },
    { header: '提交时间', width: 17 },
    { header: '认领方', width: 22 },
    { header: '认领时间', width: 17 },
    { header: '办结时间', width: 17 },
    { header: '居民确认结果', width: 12 },
    { header: '推送次数', width: 9, numFmt: '0' },
  ],
  personalData: false,
  count: (scope) =>
    scope.db.count(COLLECTIONS.concerns, {
      ...scoped(scope, CONCERN_STATUSES),
      createdAt: scope.db.command.and([scope.db.command.gte(scope.start), scope.db.command.lt(scope.end)]),
    }),
  pages: (scope) =>
    pagesByTime<Concern>(scope.db, {
      collection: COLLECTIONS.concerns,
      where: scoped(scope, CONCERN_STATUSES),
      field: 'createdAt',
      start: scope.start,
      end: scope.end,
      fields: CONCERN_FIELDS,
    }),
  async rows(scope, page) {
    const names = await communityNames(
      scope,
      page.map((c) => c.orgPath),
    );
    return page.map((c) => [
      c._id,
      CONCERN_RECORD_KIND_LABELS[c.kind] ?? c.kind,
      publicTitleOf(c),
      names.get(communityOf(c.orgPath)) ?? '',
      ORG_LEVEL_LABELS[c.level] ?? c.level,
      CONCERN_STATUS_LABELS[c.status] ?? c.status,
      minute(c.createdAt),
      c.claim?.name ?? '',
      minute(c.claim?.at),
      minute(c.resolvedAt),
      c.confirmation ? CONFIRMATION_OUTCOME_LABELS[c.confirmation.outcome] : '',
      pushesOf(c.level),
    ]);
  },
  tally() {
    let claimed = 0;
    let resolved = 0;
    let satisfied = 0;
    let pushes = 0;
    return {
      add(c) {
        if (c.claim) claimed += 1;
        if (c.resolvedAt) resolved += 1;
        if (c.confirmation?.outcome === 'resolved') satisfied += 1;
        pushes += pushesOf(c.level);
      },
      cells: (rows) => [
        `共 ${rows} 件`,
        '',
        '',
        '',
        '',
        '',
        '',
        `已认领 ${claimed} 件`,
        '',
        `已办结 ${resolved} 件`,
        `确认解决 ${satisfied} 件`,
        pushes,
      ],
    };
  },
};
