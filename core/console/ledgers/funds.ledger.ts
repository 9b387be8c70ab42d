/**
 * 经费台账 (`funds`, docs/funds.md "The Excel ledger"): a workbook of two sheets.
 *
 * - 收支汇总, written whole first: per unit, the balance carried from before the period, the period's income by
 *   each of the five sources, spending by each of the five uses, the period's balance and the closing balance;
 *   a line for the unit with everything below it, one for its own entries (本级), then one per direct child
 *   (含下级), the roll-up of core/accounting.
 * - 经费台账: every entry of the unit and below whose day is in the period, by day then id, with 收入 and 支出
 *   in two columns (a reversal's amount is negative, its kind 冲销 and the entry it cancels named; a corrected
 *   entry's kind 更正), and the totals: the column sums and the period's balance, equal to the summary's.
 *
 * Who: `ledger.export` and `fund.view` both (ledger-export.usecase.ts asks the second for this kind).
 */
import { nextDay, type FundFigures } from '../../accounting/fund.figures';
import { fundRollUpOf } from '../../accounting/fund.groups';
import { fenToYuanText } from '../../accounting/fund.money';
import type { DatabasePort } from '../../kernel/database.port';
import { formatShanghaiMinute } from '../../kernel/shanghai-time';
import { COLLECTIONS } from '../../model/collections.model';
import type { FundEntry } from '../../model/operations.model';
import type { OrgUnit } from '../../model/org-unit.model';
import { unitIdOfPath } from '../../org/org-path';
import { FUND_DIRECTION_LABELS } from '../../schemas/fund.schema';
import {
  FUND_SOURCES,
  FUND_SOURCE_LABELS,
  FUND_USES,
  FUND_USE_LABELS,
} from '../../schemas/operations.schema';
import { withinRoot } from '../console-scope';
import { pagesByTime } from './ledger-pages';
import type { LedgerScope, LedgerSource } from './ledger.kinds';
import type { LedgerCell, LedgerColumn, LedgerSheet } from './ledger.ports';

const yuan = (fen: number): number => fen / 100;
const MONEY = '#,##0.00';
const day = (ms: number): string => formatShanghaiMinute(ms).slice(0, 10);

/** The period's days, both included, from the scope's times. */
function periodOf(scope: LedgerScope): { from: string; to: string } {
  return { from: day(scope.start), to: day(scope.end - 1) };
}

const KIND_LABELS = { entry: '登记', reversal: '冲销', correction: '更正' } as const;

function kindOf(e: FundEntry): keyof typeof KIND_LABELS {
  if (e.reversesEntryId) return 'reversal';
  if (e.correctsEntryId) return 'correction';
  return 'entry';
}

// ---------- 收支汇总 ----------

export const FUND_SUMMARY_COLUMNS: readonly LedgerColumn[] = [
  { header: '单位', width: 22 },
  { header: '范围', width: 12 },
  { header: '期初结余（元）', width: 14, numFmt: MONEY },
  ...FUND_SOURCES.map((s) => ({ header: FUND_SOURCE_LABELS[s], width: 13, numFmt: MONEY })),
  { header: '收入合计（元）', width: 14, numFmt: MONEY },
  ...FUND_USES.map((u) => ({ header: FUND_USE_LABELS[u], width: 13, numFmt: MONEY })),
  { header: '支出合计（元）', width: 14, numFmt: MONEY },
  { header: '本期结余（元）', width: 14, numFmt: MONEY },
  { header: '期末结余（元）', width: 14, numFmt: MONEY },
];

function figureCells(f: FundFigures): LedgerCell[] {
  return [
    yuan(f.carriedFen),
    ...FUND_SOURCES.map((s) => yuan(f.incomeBySource[s])),
    yuan(f.incomeFen),
    ...FUND_USES.map((u) => yuan(f.expenseByUse[u])),
    yuan(f.expenseFen),
    yuan(f.balanceFen),
    yuan(f.closingFen),
  ];
}

/** The units the summary is of: the scope's unit, or every top unit for the whole platform. */
async function summaryUnits(db: DatabasePort, root: string | null): Promise<OrgUnit[]> {
  if (root !== null) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(root));
    return unit === null ? [] : [unit];
  }
  return db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { parentId: null },
    {
      orderBy: [
        ['sortOrder', 'asc'],
        ['_id', 'asc'],
      ],
    },
  );
}

/** The 收支汇总 sheet: each unit's total, own and children's lines. */
export async function fundSummarySheet(
  scope: LedgerScope,
  subtitles: readonly string[],
): Promise<LedgerSheet> {
  const { from, to } = periodOf(scope);
  const units = await summaryUnits(scope.db, scope.root);
  const rows: LedgerCell[][] = [];
  for (const unit of units) {
    const { rollUp, children } = await fundRollUpOf(scope.db, unit, from, to);
    rows.push([unit.name, '合计（含下级）', ...figureCells(rollUp.total)]);
    rows.push([unit.name, '本级', ...figureCells(rollUp.own)]);
    const named = new Map(children.map((c) => [c.path, c.name]));
    for (const [path, figures] of rollUp.children) {
      rows.push([named.get(path) ?? '（已撤销的单位）', '含下级', ...figureCells(figures)]);
    }
  }
  const name = units.length === 1 ? units[0]!.name : '全平台';
  return {
    sheetName: '收支汇总',
    title: `${name}经费收支汇总 ${from} 至 ${to}`,
    subtitles: [...subtitles],
    columns: FUND_SUMMARY_COLUMNS,
    rows,
  };
}

// ---------- 经费台账 (the entries) ----------

/** Names of the units of one page's entries, each read once per export (scope.communityNames). */
async function unitNames(scope: LedgerScope, paths: readonly string[]): Promise<Map<string, string>> {
  const known = scope.communityNames;
  const missing = [...new Set(paths)].filter((p) => !known.has(p));
  const units = await Promise.all(
    missing.map((p) => scope.db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(p))),
  );
  missing.forEach((p, i) => known.set(p, units[i]?.name ?? ''));
  return known;
}

function related(e: FundEntry): string {
  if (e.reversesEntryId) return `冲销 ${e.reversesEntryId}`;
  if (e.correctsEntryId) return `更正 ${e.correctsEntryId}`;
  return '';
}

const FUND_FIELDS = [
  'orgPath',
  'direction',
  'source',
  'use',
  'amountFen',
  'date',
  'note',
  'counterparty',
  'attachments',
  'reversesEntryId',
  'correctsEntryId',
  'reason',
  'recordedByName',
  'createdAt',
];

export const FUNDS_LEDGER: LedgerSource<FundEntry> = {
  columns: [
    { header: '日期', width: 11 },
    { header: '单位', width: 14 },
    { header: '类型', width: 7 },
    { header: '收支', width: 6 },
    { header: '经费来源/用途', width: 16 },
    { header: '收入（元）', width: 13, numFmt: MONEY },
    { header: '支出（元）', width: 13, numFmt: MONEY },
    { header: '对方单位', width: 20 },
    { header: '说明', width: 28 },
    { header: '凭证（张）', width: 9, numFmt: '0' },
    { header: '冲销/更正的记录', width: 22 },
    { header: '更正原因', width: 24 },
    { header: '登记人', width: 14 },
    { header: '登记时间', width: 17 },
    { header: '记录编号', width: 22 },
  ],
  personalData: false,
  count(scope) {
    const { from, to } = periodOf(scope);
    const _ = scope.db.command;
    return scope.db.count(COLLECTIONS.fundEntries, {
      ...withinRoot(scope.db, scope.root),
      date: _.and([_.gte(from), _.lt(nextDay(to))]),
    });
  },
  pages(scope) {
    const { from, to } = periodOf(scope);
    return pagesByTime<FundEntry>(scope.db, {
      collection: COLLECTIONS.fundEntries,
      where: withinRoot(scope.db, scope.root),
      field: 'date',
      start: from,
      end: nextDay(to),
      fields: FUND_FIELDS,
    });
  },
  async rows(scope, page) {
    const names = await unitNames(
      scope,
      page.map((e) => e.orgPath),
    );
    return page.map((e) => {
      const income = e.direction === 'income';
      return [
        e.date,
        names.get(e.orgPath) ?? '',
        KIND_LABELS[kindOf(e)],
        FUND_DIRECTION_LABELS[e.direction],
        income ? FUND_SOURCE_LABELS[e.source] : FUND_USE_LABELS[e.use],
        income ? yuan(e.amountFen) : null,
        income ? null : yuan(e.amountFen),
        e.counterparty ?? '',
        e.note,
        (e.attachments ?? []).length,
        related(e),
        e.reason ?? '',
        e.recordedByName ?? '',
        formatShanghaiMinute(e.createdAt),
        e._id,
      ];
    });
  },
  tally() {
    let income = 0;
    let expense = 0;
    let reversals = 0;
    let receipts = 0;
    return {
      add(e) {
        if (e.direction === 'income') income += e.amountFen;
        else expense += e.amountFen;
        if (e.reversesEntryId) reversals += 1;
        receipts += (e.attachments ?? []).length;
      },
      cells: (rows) => [
        `共 ${rows} 笔`,
        '',
        `冲销 ${reversals} 笔`,
        '',
        `结余 ${fenToYuanText(income - expense)} 元`,
        yuan(income),
        yuan(expense),
        '',
        '',
        receipts,
        '',
        '',
        '',
        '',
      ],
    };
  },
  sheetsBefore: async (scope, subtitles) => [await fundSummarySheet(scope, subtitles)],
};
