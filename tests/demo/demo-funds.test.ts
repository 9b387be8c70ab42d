/** The demo's funding ledger (demo/demo-funds.ts): what docs/funds.md promises of it. */
import { rollUp } from '../../core/accounting/fund.figures';
import { FUND_SOURCES, FUND_USES } from '../../core/schemas/operations.schema';
import { DEFAULT_DEMO_NOW } from '../../demo/demo.constants';
import { demoFundEntries } from '../../demo/demo-funds';

const entries = demoFundEntries(DEFAULT_DEMO_NOW);
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const STREET = '/450900/450902/450902001/';
const COUNTY = '/450900/450902/';

test('the community, its street and its county each have the five sources and the five uses', () => {
  for (const path of [COMMUNITY, STREET, COUNTY]) {
    const own = entries.filter((e) => e.orgPath === path);
    expect(new Set(own.flatMap((e) => (e.direction === 'income' ? [e.source] : [])))).toEqual(
      new Set(FUND_SOURCES),
    );
    expect(new Set(own.flatMap((e) => (e.direction === 'expense' ? [e.use] : [])))).toEqual(
      new Set(FUND_USES),
    );
  }
});

test('every spending has a receipt in the console’s file layout; amounts are whole fen; ids are unique', () => {
  for (const e of entries) {
    expect(Number.isInteger(e.amountFen)).toBe(true);
    if (e.direction === 'expense') {
      expect(e.attachments.length).toBeGreaterThan(0);
      for (const f of e.attachments) expect(f).toMatch(/\/console\/fund_receipt\/450900\//);
    }
  }
  expect(new Set(entries.map((e) => e._id)).size).toBe(entries.length);
});

test('one correction: the reversal cancels the original on its day, the corrected entry names it', () => {
  const reversal = entries.find((e) => e.reversesEntryId !== null)!;
  const original = entries.find((e) => e._id === reversal.reversesEntryId)!;
  const corrected = entries.find((e) => e.correctsEntryId === original._id)!;
  expect(reversal._id).toBe(`${original._id}-rev`);
  expect(reversal.amountFen).toBe(-original.amountFen);
  expect(reversal.date).toBe(original.date);
  expect(reversal.reason).not.toBe('');
  expect(corrected.amountFen).toBeLessThan(original.amountFen);
  expect(entries.filter((e) => e.reversesEntryId !== null)).toHaveLength(1);
});

test('every book ends the year with money left', () => {
  const groups = entries.map((e) => ({
    orgPath: e.orgPath,
    within: true,
    direction: e.direction,
    category: e.direction === 'income' ? e.source : e.use,
    amountFen: e.amountFen,
  }));
  const county = rollUp(groups, COUNTY, [STREET]);
  expect(county.own.closingFen).toBeGreaterThan(0);
  expect(county.children.get(STREET)!.closingFen).toBeGreaterThan(0);
  expect(
    rollUp(
      groups.filter((g) => g.orgPath.startsWith(COMMUNITY)),
      COMMUNITY,
    ).total.closingFen,
  ).toBeGreaterThan(0);
});
