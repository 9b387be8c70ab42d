/**
 * The funding ledger (经费台账, docs/funds.md) through the real admin-api on the local cloud: entries recorded
 * by the units' own workers; every unit's figures for the year equal the sums of the entries in the database,
 * at every level (a street's = its own + its communities', the county's = its own + its streets'); a correction
 * is a reversal plus the corrected entry, the original untouched, and an entry is corrected once; bad input and
 * other units' books are refused with their codes, nothing written; and the Excel ledger, read back with
 * exceljs, holds the same totals as the entries.
 */
import ExcelJS from 'exceljs';
import type { ConsoleSessionReply } from '../../../core/console/console.replies';
import type { LedgerExportListReply, LedgerExportReply } from '../../../core/console/ledgers/ledger.replies';
import type { FundFigures } from '../../../core/accounting/fund.figures';
import type {
  FundCorrectResult,
  FundListReply,
  FundRecordResult,
  FundSummaryReply,
} from '../../../core/funds/fund.replies';
import type { FundEntry } from '../../../core/model/operations.model';
import { FUND_SOURCES, FUND_USES } from '../../../core/schemas/operations.schema';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'funds');

const YEAR = 2025;
const COUNTY = { id: '450902', path: '/450900/450902/' };
const STREET = { id: '450902001', path: '/450900/450902/450902001/' };
const DONGMEN = { id: '450902001001', path: '/450900/450902/450902001/450902001001/' };
const GRID = { id: '450902001001001', path: '/450900/450902/450902001/450902001001/450902001001001/' };
const OTHER_STREET = '450981001';
/** A 1×1 PNG, a receipt's photo. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let community: ConsoleBrowser;
let street: ConsoleBrowser;

async function ok<T>(reply: Promise<{ code: string; message: string; data: T }>): Promise<T> {
  const r = await reply;
  expect({ code: r.code, message: r.message }).toEqual({ code: 'OK', message: '成功' });
  return r.data;
}

async function receipt(b: ConsoleBrowser, orgUnitId?: string): Promise<string> {
  const up = await ok(
    b.post<{ fileId: string }>('/console/api/files', {
      purpose: 'fund_receipt',
      fileName: '发票.png',
      content: PNG,
      ...(orgUnitId === undefined ? {} : { orgUnitId }),
    }),
  );
  return up.fileId;
}

function record(b: ConsoleBrowser, body: Record<string, unknown>) {
  return ok(b.post<FundRecordResult>('/console/api/funds/entries', { clientRequestId: rid('rec'), ...body }));
}

function summary(b: ConsoleBrowser, unitId: string, year = YEAR) {
  return ok(b.get<FundSummaryReply>(`/console/api/funds/summary?orgUnitId=${unitId}&year=${year}`));
}

const regexp = (prefix: string) => cloud.db.RegExp({ regexp: `^${prefix}`, options: '' });

/** Every entry stored at `path` and below, read straight from the database. */
async function entriesUnder(path: string): Promise<FundEntry[]> {
  const all: FundEntry[] = [];
  for (;;) {
    const page = await cloud.db
      .collection('fund_entries')
      .where({ orgPath: regexp(path) })
      .skip(all.length)
      .limit(1000)
      .get();
    all.push(...(page.data as FundEntry[]));
    if (page.data.length < 1000) return all;
  }
}

/** What the figures must be: the plain sums of the entries. */
function expectedFigures(entries: readonly FundEntry[], year = YEAR): FundFigures {
  const incomeBySource = Object.fromEntries(FUND_SOURCES.map((s) => [s, 0])) as Record<string, number>;
  const expenseByUse = Object.fromEntries(FUND_USES.map((u) => [u, 0])) as Record<string, number>;
  let carried = 0;
  for (const e of entries) {
    const y = Number(e.date.slice(0, 4));
    if (y > year) continue;
    if (y < year) carried += e.direction === 'income' ? e.amountFen : -e.amountFen;
    else if (e.direction === 'income') incomeBySource[e.source]! += e.amountFen;
    else expenseByUse[e.use]! += e.amountFen;
  }
  const incomeFen = Object.values(incomeBySource).reduce((a, b) => a + b, 0);
  const expenseFen = Object.values(expenseByUse).reduce((a, b) => a + b, 0);
  return {
    incomeBySource,
    expenseByUse,
    incomeFen,
    expenseFen,
    balanceFen: incomeFen - expenseFen,
    carriedFen: carried,
    closingFen: carried + incomeFen - expenseFen,
  } as FundFigures;
}

const added = (a: readonly FundFigures[]) => ({
  incomeFen: a.reduce((s, f) => s + f.incomeFen, 0),
  expenseFen: a.reduce((s, f) => s + f.expenseFen, 0),
  carriedFen: a.reduce((s, f) => s + f.carriedFen, 0),
  closingFen: a.reduce((s, f) => s + f.closingFen, 0),
});
const main = (f: FundFigures) => ({
  incomeFen: f.incomeFen,
  expenseFen: f.expenseFen,
  carriedFen: f.carriedFen,
  closingFen: f.closingFen,
});

/** Another community of 玉城街道 than 东门社区 (its entries are put straight in the database). */
let neighbour = { id: '', path: '' };
let spendingId = '';

beforeAll(async () => {
  community = await cloud.signIn('community.worker');
  street = await cloud.signIn('street.worker');
  const [unit] = await cloud.find<{ _id: string; path: string }>(
    'org_units',
    { parentId: STREET.id, _id: cloud.db.command.neq(DONGMEN.id) },
    1,
  );
  neighbour = { id: unit!._id, path: unit!.path };
  const base = {
    orgUnitId: neighbour.id,
    orgPath: neighbour.path,
    note: '',
    counterparty: '',
    recordedBy: 'fixture',
    recordedByName: 'fixture',
    createdAt: cloud.started.cloud.clock.now(),
    reversesEntryId: null,
    correctsEntryId: null,
    reason: '',
  };
  await cloud.db.collection('fund_entries').add({
    ...base,
    _id: 'fund-fixture-1',
    direction: 'income',
    source: 'donor',
    amountFen: 300_000,
    date: '2025-01-15',
    attachments: [],
  });
  await cloud.db.collection('fund_entries').add({
    ...base,
    _id: 'fund-fixture-2',
    direction: 'expense',
    use: 'facilities',
    amountFen: 99_999,
    date: '2024-11-20',
    attachments: [],
  });
});

beforeEach(() => cloud.nextMinute());

describe('recording, and the balances of every unit and level', () => {
  test('a community worker records income by source and spending by use, in exact fen, spending with its receipt', async () => {
    const income = await record(community, {
      direction: 'income',
      source: 'finance',
      amountFen: 123_456,
      date: '2025-02-01',
      note: '一季度专项经费',
      counterparty: '玉州区财政局',
    });
    expect(income.entry).toMatchObject({
      orgUnitId: DONGMEN.id,
      unitName: '东门社区',
      direction: 'income',
      categoryLabel: '财政安排',
      amountFen: 123_456,
      kind: 'entry',
      kindLabel: '登记',
      recordedByName: 'community.worker',
      correctable: true,
    });
    const fileId = await receipt(community);
    const spending = await record(community, {
      direction: 'expense',
      use: 'service_fund',
      amountFen: 50_005,
      date: '2025-02-03',
      note: '慰问困难群众',
      attachments: [fileId],
    });
    spendingId = spending.entry.entryId;
    expect(spending.entry).toMatchObject({ use: 'service_fund', attachments: [fileId], amountFen: 50_005 });
    const stored = await cloud.db.collection('fund_entries').doc(spendingId).get();
    expect(stored.data[0]).toMatchObject({ orgPath: DONGMEN.path, amountFen: 50_005, reversesEntryId: null });
    const audit = await cloud.find<{ summary: string }>('audit_entries', { entityId: spendingId }, 5);
    expect(audit.map((a) => a.summary)).toEqual([
      '登记经费：东门社区 支出·服务群众专项经费 500.05 元（2025-02-03）',
    ]);
  });

  test('a grid, the street and a leader keep their own books too', async () => {
    const grid = await cloud.signIn('grid.worker');
    await record(grid, { direction: 'income', source: 'community', amountFen: 20_000, date: '2025-01-20' });
    await record(street, { direction: 'income', source: 'street', amountFen: 800_000, date: '2025-01-05' });
    const fileId = await receipt(street);
    await record(street, {
      direction: 'expense',
      use: 'platform',
      amountFen: 150_000,
      date: '2025-03-01',
      attachments: [fileId],
    });
    const leader = await cloud.signIn('community.leader');
    await record(leader, {
      direction: 'income',
      source: 'party_dues',
      amountFen: 66_600,
      date: '2024-12-28',
    });
  });

  test('each unit’s year equals the sums of its entries and below, carried balance included', async () => {
    for (const [b, unit] of [
      [community, DONGMEN],
      [street, STREET],
      [await cloud.signIn('county.worker'), COUNTY],
    ] as const) {
      const s = await summary(b, unit.id);
      const entries = await entriesUnder(unit.path);
      expect(s.total).toEqual(expectedFigures(entries));
      expect(s.own).toEqual(expectedFigures(entries.filter((e) => e.orgPath === unit.path)));
      expect(s.total.incomeFen).toBeGreaterThan(0);
      expect(s.total.carriedFen).not.toBe(0);
    }
  });

  test('a street’s figures are its own plus each community’s, the county’s its own plus each street’s', async () => {
    const s = await summary(street, STREET.id);
    expect(main(s.total)).toEqual(added([s.own, ...s.children.map((c) => c.figures)]));
    const dongmen = s.children.find((c) => c.unit.unitId === DONGMEN.id)!;
    expect(dongmen.figures).toEqual((await summary(community, DONGMEN.id)).total);
    const next = s.children.find((c) => c.unit.unitId === neighbour.id)!;
    expect(next.figures).toMatchObject({ incomeFen: 300_000, carriedFen: -99_999 });
    expect(s.canRecord).toBe(true);
    expect(s.trail.map((u) => u.unitId)).toEqual([STREET.id]);

    const county = await summary(await cloud.signIn('county.worker'), COUNTY.id);
    expect(main(county.total)).toEqual(added([county.own, ...county.children.map((c) => c.figures)]));
    expect(county.children.find((c) => c.unit.unitId === STREET.id)!.figures).toEqual(s.total);
    // The grid's entry rolls into 东门社区's line, not the street's own.
    const dm = await summary(community, DONGMEN.id);
    expect(dm.children.find((c) => c.unit.unitId === GRID.id)!.figures.incomeBySource.community).toBe(20_000);
    expect(s.own.incomeBySource.community).toBe(0);
  });

  test('the list pages the entries of a unit and below by year, direction and source', async () => {
    const list = await ok(
      street.get<FundListReply>(`/console/api/funds/entries?year=${YEAR}&direction=income&pageSize=2&page=1`),
    );
    const inYear = (await entriesUnder(STREET.path)).filter(
      (e) => e.date.startsWith(String(YEAR)) && e.direction === 'income',
    );
    expect(list.total).toBe(inYear.length);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.date >= list.items[1]!.date).toBe(true);
    // A street worker reads a community's entries but does not keep its books.
    expect(list.items.every((i) => i.correctable === (i.orgUnitId === STREET.id))).toBe(true);
    const bySource = await ok(
      street.get<FundListReply>(
        `/console/api/funds/entries?orgUnitId=${DONGMEN.id}&source=finance&year=${YEAR}`,
      ),
    );
    expect(bySource.items.map((i) => i.categoryLabel)).toEqual(bySource.items.map(() => '财政安排'));
    expect(bySource.items.map((i) => i.amountFen)).toContain(123_456);
  });
});

describe('corrections: a reversal and the corrected entry, never an edit', () => {
  let before: FundEntry;
  let corrected: FundCorrectResult;
  let summaryBefore: FundSummaryReply;

  beforeAll(async () => {
    before = (await cloud.db.collection('fund_entries').doc(spendingId).get()).data[0] as FundEntry;
    summaryBefore = await summary(community, DONGMEN.id);
    corrected = await ok(
      community.post<FundCorrectResult>(`/console/api/funds/entries/${spendingId}/correct`, {
        clientRequestId: rid('fix'),
        reason: '金额按发票更正',
        replacement: { use: 'service_fund', amountFen: 5_005, date: '2025-02-03', note: '慰问困难群众' },
      }),
    );
  });

  test('writes the reversal (the negative, naming the original, with the reason) and the corrected entry', async () => {
    expect(corrected.reversal).toMatchObject({
      entryId: `${spendingId}-rev`,
      amountFen: -50_005,
      kind: 'reversal',
      kindLabel: '冲销',
      reversesEntryId: spendingId,
      reason: '金额按发票更正',
      date: '2025-02-03',
    });
    expect(corrected.replacement).toMatchObject({
      amountFen: 5_005,
      kind: 'correction',
      correctsEntryId: spendingId,
      attachments: before.attachments,
    });
    const after = (await cloud.db.collection('fund_entries').doc(spendingId).get()).data[0];
    expect(after).toEqual(before);
  });

  test('moves the balance by the difference, and the list says who corrected what', async () => {
    const now = await summary(community, DONGMEN.id);
    expect(now.total.expenseFen).toBe(summaryBefore.total.expenseFen - 50_005 + 5_005);
    expect(now.total).toEqual(expectedFigures(await entriesUnder(DONGMEN.path)));
    const list = await ok(
      community.get<FundListReply>(`/console/api/funds/entries?year=${YEAR}&direction=expense`),
    );
    const original = list.items.find((i) => i.entryId === spendingId)!;
    expect(original).toMatchObject({
      correctable: false,
      correctedBy: {
        reversalId: `${spendingId}-rev`,
        replacementId: corrected.replacement!.entryId,
        reason: '金额按发票更正',
      },
    });
  });

  test('an entry is corrected once; a reversal is never corrected; a superior does not correct a unit’s books', async () => {
    await expectRefused(
      community,
      `/console/api/funds/entries/${spendingId}/correct`,
      { reason: '再改一次' },
      400,
      'FUND_ENTRY_ALREADY_CORRECTED',
    );
    await expectRefused(
      community,
      `/console/api/funds/entries/${spendingId}-rev/correct`,
      { reason: '冲错了' },
      400,
      'FUND_REVERSAL_NOT_CORRECTABLE',
    );
    await expectRefused(
      street,
      `/console/api/funds/entries/${corrected.replacement!.entryId}/correct`,
      { reason: '街道代改' },
      400,
      'FUND_OWN_UNIT_ONLY',
    );
    // The corrected entry itself may be corrected (here: reversed only, no new entry).
    const again = await ok(
      community.post<FundCorrectResult>(
        `/console/api/funds/entries/${corrected.replacement!.entryId}/correct`,
        { clientRequestId: rid('fix'), reason: '该笔支出已退回' },
      ),
    );
    expect(again.replacement).toBeNull();
    expect(again.reversal.amountFen).toBe(-5_005);
  });
});

test('two corrections of one entry at the same moment: one reversal, the other refused', async () => {
  const { entry } = await record(community, {
    direction: 'income',
    source: 'donor',
    amountFen: 7_777,
    date: '2025-02-10',
  });
  const replies = await Promise.all(
    [1, 2, 3].map((n) =>
      community.post(`/console/api/funds/entries/${entry.entryId}/correct`, {
        clientRequestId: rid('race'),
        reason: `重复登记 ${n}`,
      }),
    ),
  );
  expect(replies.filter((r) => r.code === 'OK')).toHaveLength(1);
  for (const r of replies.filter((x) => x.code !== 'OK')) {
    expect({ status: r.status, code: r.code }).toEqual({ status: 400, code: 'FUND_ENTRY_ALREADY_CORRECTED' });
  }
  expect(await cloud.count('fund_entries', { reversesEntryId: entry.entryId })).toBe(1);
});

describe('bad input and other units’ books: a code, a Chinese message, nothing written', () => {
  const income = { direction: 'income', source: 'finance', amountFen: 10_000, date: '2025-02-01' };

  test.each([
    ['a zero amount', { amountFen: 0 }],
    ['a negative amount', { amountFen: -100 }],
    ['a fraction of a fen', { amountFen: 12.5 }],
    ['an amount as text', { amountFen: '100.00' }],
    ['an unknown source', { source: 'lottery' }],
    ['neither income nor expense', { direction: 'loan' }],
    ['a date that is not one', { date: '2025-02-30' }],
  ])('%s is INVALID_INPUT', async (_label, change) => {
    await expectRefused(
      community,
      '/console/api/funds/entries',
      { ...income, ...change },
      400,
      'INVALID_INPUT',
    );
  });

  test('spending needs a known use and a receipt uploaded for the unit', async () => {
    const spend = { direction: 'expense', use: 'staff_pay', amountFen: 10_000, date: '2025-02-01' };
    await expectRefused(community, '/console/api/funds/entries', spend, 400, 'INVALID_INPUT');
    const reply = await community.post('/console/api/funds/entries', { clientRequestId: rid('x'), ...spend });
    expect(reply.message).toContain('支出须上传凭证');
    await expectRefused(
      community,
      '/console/api/funds/entries',
      { ...spend, attachments: [] },
      400,
      'INVALID_INPUT',
    );
    const unknownUse = { ...spend, use: 'banquet', attachments: [await receipt(community)] };
    await expectRefused(community, '/console/api/funds/entries', unknownUse, 400, 'INVALID_INPUT');
    const streetReceipt = await receipt(street);
    // A receipt uploaded by the street is on 东门社区's branch; one of another street is not.
    const foreign =
      'cloud://local.local-bucket/console/fund_receipt/450900/450981/450981001/20250301-abc.png';
    await expectRefused(
      community,
      '/console/api/funds/entries',
      { ...spend, attachments: [foreign] },
      400,
      'FILE_NOT_OF_RECORD',
    );
    expect(streetReceipt).toContain('/console/fund_receipt/450900/450902/450902001/');
  });

  test('a day after today is refused', async () => {
    await expectRefused(
      community,
      '/console/api/funds/entries',
      { ...income, date: '2025-03-11' },
      400,
      'FUND_DATE_IN_FUTURE',
    );
  });

  test('a community worker records neither for the street nor for another community, nor reads another’s', async () => {
    await expectRefused(
      community,
      '/console/api/funds/entries',
      { ...income, orgUnitId: STREET.id },
      403,
      'OUT_OF_SCOPE',
    );
    await expectRefused(
      community,
      '/console/api/funds/entries',
      { ...income, orgUnitId: neighbour.id },
      403,
      'OUT_OF_SCOPE',
    );
    await expectRefused(
      street,
      '/console/api/funds/entries',
      { ...income, orgUnitId: DONGMEN.id },
      400,
      'FUND_OWN_UNIT_ONLY',
    );
    for (const path of [
      `/console/api/funds/summary?orgUnitId=${neighbour.id}`,
      `/console/api/funds/entries?orgUnitId=${STREET.id}`,
      `/console/api/funds/summary?orgUnitId=${OTHER_STREET}`,
    ]) {
      const reply = await community.get(path);
      expect({ status: reply.status, code: reply.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    }
    const list = await ok(community.get<FundListReply>('/console/api/funds/entries?pageSize=50'));
    expect(list.items.every((i) => i.orgUnitId === DONGMEN.id || i.orgUnitId === GRID.id)).toBe(true);
    await expectRefused(
      community,
      `/console/api/funds/entries/fund-fixture-1/correct`,
      { reason: '改' },
      403,
      'FUND_ENTRY_NOT_FOUND',
    );
  });

  test('regulators do not read the funds', async () => {
    const regulator = await cloud.signIn('regulator');
    const reply = await regulator.get('/console/api/funds/summary');
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 403, code: 'PERMISSION_DENIED' });
    const kinds = await ok(regulator.get<LedgerExportListReply>('/console/api/ledgers/exports'));
    expect(kinds.kinds.map((k) => k.value)).not.toContain('funds');
    // The menu opens 经费台账 to those who read the funds only.
    const menuOf = async (b: ConsoleBrowser) =>
      (await ok(b.get<ConsoleSessionReply>('/console/api/session'))).menu.funds;
    expect([await menuOf(regulator), await menuOf(community), await menuOf(street)]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe('the Excel ledger', () => {
  let job: LedgerExportReply;
  let workbook: ExcelJS.Workbook;
  const FROM = `${YEAR}-01-01`;
  const TO = `${YEAR}-12-31`;

  beforeAll(async () => {
    job = await ok(
      street.post<LedgerExportReply>('/console/api/ledgers/exports', { kind: 'funds', from: FROM, to: TO }),
    );
    const res = await fetch(job.downloadUrl!);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
  });

  const values = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
  const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100);

  test('has the summary and the entries, the entries’ totals equal to the entries of the year', async () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['收支汇总', '经费台账']);
    const sheet = workbook.getWorksheet('经费台账')!;
    const headers = values(sheet, 5).map(String);
    const rows: unknown[][] = [];
    for (let r = 6; r < sheet.rowCount; r++) rows.push(values(sheet, r));
    const totals = values(sheet, sheet.rowCount);
    const entries = (await entriesUnder(STREET.path)).filter((e) => e.date.startsWith(String(YEAR)));
    expect(job).toMatchObject({ status: 'done', rowsTotal: entries.length, rowsWritten: entries.length });
    expect(rows).toHaveLength(entries.length);
    const col = (h: string) => headers.indexOf(h);
    const income = rows.reduce((s, r) => s + fen(r[col('收入（元）')]), 0);
    const expense = rows.reduce((s, r) => s + fen(r[col('支出（元）')]), 0);
    const expected = expectedFigures(entries);
    expect({ income, expense }).toEqual({ income: expected.incomeFen, expense: expected.expenseFen });
    expect(fen(totals[col('收入（元）')])).toBe(expected.incomeFen);
    expect(fen(totals[col('支出（元）')])).toBe(expected.expenseFen);
    expect(totals[0]).toBe('合计');
    const reversal = rows.find((r) => r[col('记录编号')] === `${spendingId}-rev`)!;
    expect(reversal[col('类型')]).toBe('冲销');
    expect(reversal[col('冲销/更正的记录')]).toBe(`冲销 ${spendingId}`);
    expect(fen(reversal[col('支出（元）')])).toBe(-50_005);
    expect(reversal[col('更正原因')]).toBe('金额按发票更正');
  });

  test('the summary sheet holds the roll-up the screen shows', async () => {
    const s = await summary(street, STREET.id);
    const sheet = workbook.getWorksheet('收支汇总')!;
    expect(String(values(sheet, 1)[0])).toBe(`玉城街道经费收支汇总 ${FROM} 至 ${TO}`);
    const headers = values(sheet, 5).map(String);
    const col = (h: string) => headers.indexOf(h);
    const line = (r: number) => ({
      carriedFen: fen(values(sheet, r)[col('期初结余（元）')]),
      incomeFen: fen(values(sheet, r)[col('收入合计（元）')]),
      expenseFen: fen(values(sheet, r)[col('支出合计（元）')]),
      closingFen: fen(values(sheet, r)[col('期末结余（元）')]),
    });
    expect(values(sheet, 6).slice(0, 2)).toEqual(['玉城街道', '合计（含下级）']);
    expect(line(6)).toEqual(main(s.total));
    expect(values(sheet, 7).slice(0, 2)).toEqual(['玉城街道', '本级']);
    expect(line(7)).toEqual(main(s.own));
    const dongmenRow = s.children.findIndex((c) => c.unit.unitId === DONGMEN.id);
    expect(values(sheet, 8 + dongmenRow)[0]).toBe('东门社区');
    expect(line(8 + dongmenRow)).toEqual(main(s.children[dongmenRow]!.figures));
    expect(fen(values(sheet, 6)[col('财政安排')])).toBe(s.total.incomeBySource.finance);
  });

  test('a regulator may export other ledgers but not the funds', async () => {
    const regulator = await cloud.signIn('regulator');
    const before = cloud.wholeMark();
    const reply = await regulator.post('/console/api/ledgers/exports', { kind: 'funds', from: FROM, to: TO });
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 403, code: 'PERMISSION_DENIED' });
    expect(cloud.wholeMark()).toEqual(before);
  });
});
