/**
 * The funding ledger's arithmetic as pure functions (core/accounting/fund.figures.ts, fund.money.ts): figures
 * of a period, the carried and closing balances, the roll-up by path prefix with each child's line, and the
 * exact conversion of typed yuan to fen.
 */
import {
  childPathOf,
  nextDay,
  rollUp,
  yearBounds,
  type FundGroup,
} from '../../../core/accounting/fund.figures';
import { fenToYuanText, yuanTextToFen } from '../../../core/accounting/fund.money';

const COUNTY = '/450900/450902/';
const STREET = '/450900/450902/450902001/';
const DONGMEN = '/450900/450902/450902001/450902001001/';
const GRID = '/450900/450902/450902001/450902001001/450902001001001/';
const NEIGHBOUR = '/450900/450902/450902001/450902001002/';
const OTHER_STREET = '/450900/450902/450902002/';

const income = (orgPath: string, source: string, amountFen: number, within = true): FundGroup => ({
  orgPath,
  within,
  direction: 'income',
  category: within ? source : null,
  amountFen,
});
const expense = (orgPath: string, use: string, amountFen: number, within = true): FundGroup => ({
  orgPath,
  within,
  direction: 'expense',
  category: within ? use : null,
  amountFen,
});

describe('the direct child a path rolls into', () => {
  test.each([
    ['the unit itself', STREET, STREET, ''],
    ['a community', DONGMEN, STREET, DONGMEN],
    ['a grid of a community', GRID, STREET, DONGMEN],
    ['a grid, seen from the county', GRID, COUNTY, STREET],
    ['another street', OTHER_STREET, STREET, null],
    ['a unit above', COUNTY, STREET, null],
    ['a path that only starts with the same digits', '/450900/450902/4509020011/', STREET, null],
  ])('%s', (_label, path, root, child) => {
    expect(childPathOf(path, root)).toBe(child);
  });
});

describe('one unit’s figures', () => {
  const groups = [
    income(STREET, 'finance', 100_000),
    income(STREET, 'party_dues', 20_000),
    expense(STREET, 'staff_pay', 30_000),
    expense(STREET, 'platform', 5_005),
    income(STREET, '', 50_000, false),
    expense(STREET, '', 12_345, false),
  ];
  const { total, own } = rollUp(groups, STREET);

  test.each([
    ['income is the sum of the sources', total.incomeFen, 120_000],
    ['spending is the sum of the uses', total.expenseFen, 35_005],
    ['the period’s balance is income − spending', total.balanceFen, 84_995],
    ['the carried balance is income − spending before the period', total.carriedFen, 37_655],
    ['the closing balance is carried + the period’s', total.closingFen, 122_650],
    ['a source with no entry is 0', total.incomeBySource.donor, 0],
    ['a use is its own sum', total.expenseByUse.platform, 5_005],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('with no child, the unit’s own line is its total', () => {
    expect(own).toEqual(total);
  });

  test('a reversal (a negative amount) cancels its entry', () => {
    const reversed = rollUp([...groups, expense(STREET, 'platform', -5_005)], STREET).total;
    expect(reversed.expenseByUse.platform).toBe(0);
    expect(reversed.closingFen).toBe(total.closingFen + 5_005);
  });

  test('nothing at all is all zeros', () => {
    const empty = rollUp([], DONGMEN).total;
    expect([empty.incomeFen, empty.expenseFen, empty.balanceFen, empty.carriedFen, empty.closingFen]).toEqual(
      [0, 0, 0, 0, 0],
    );
  });
});

describe('the roll-up: a unit’s figures are its own plus each direct child’s, each child holding everything below it', () => {
  const groups = [
    income(COUNTY, 'finance', 1_000_000),
    expense(COUNTY, 'facilities', 400_000),
    income(STREET, 'street', 300_000),
    expense(STREET, 'community_work', 100_000),
    income(DONGMEN, 'donor', 60_000),
    expense(DONGMEN, 'service_fund', 18_600),
    income(GRID, 'community', 3_500),
    income(NEIGHBOUR, 'finance', 50_000, false),
    expense(NEIGHBOUR, 'staff_pay', 24_000),
    income(OTHER_STREET, 'party_dues', 8_000),
  ];

  test.each([
    ['the county', COUNTY, [STREET, OTHER_STREET]],
    ['the street', STREET, [DONGMEN, NEIGHBOUR]],
    ['the community', DONGMEN, [GRID]],
  ])('%s: total = own + children, for every figure', (_label, root, children) => {
    const within = groups.filter((g) => childPathOf(g.orgPath, root) !== null);
    const r = rollUp(within, root, children);
    const lines = [r.own, ...children.map((c) => r.children.get(c)!)];
    for (const key of ['incomeFen', 'expenseFen', 'balanceFen', 'carriedFen', 'closingFen'] as const) {
      expect(r.total[key]).toBe(lines.reduce((s, f) => s + f[key], 0));
    }
    for (const s of ['finance', 'party_dues', 'street', 'donor', 'community'] as const) {
      expect(r.total.incomeBySource[s]).toBe(lines.reduce((sum, f) => sum + f.incomeBySource[s], 0));
    }
  });

  test('the street’s line in the county is the street’s own total', () => {
    const county = rollUp(groups, COUNTY, [STREET, OTHER_STREET]);
    const street = rollUp(
      groups.filter((g) => childPathOf(g.orgPath, STREET) !== null),
      STREET,
      [DONGMEN, NEIGHBOUR],
    );
    expect(county.children.get(STREET)).toEqual(street.total);
    expect(street.total).toMatchObject({ incomeFen: 363_500, expenseFen: 142_600, carriedFen: 50_000 });
    expect(street.children.get(DONGMEN)).toMatchObject({ incomeFen: 63_500, expenseFen: 18_600 });
  });

  test('a child listed without entries has a line of zeros; one met but not listed gets its line too', () => {
    const r = rollUp([income(NEIGHBOUR, 'finance', 1)], STREET, [DONGMEN]);
    expect(r.children.get(DONGMEN)!.incomeFen).toBe(0);
    expect(r.children.get(NEIGHBOUR)!.incomeFen).toBe(1);
  });

  test('a group outside the unit is a bug of the query, never counted silently', () => {
    expect(() => rollUp([income(OTHER_STREET, 'finance', 1)], STREET)).toThrow(/outside/);
    expect(() => rollUp([income(STREET, 'lottery', 1)], STREET)).toThrow(/unknown category/);
  });
});

describe('days and years', () => {
  test.each([
    ['2025-12-31', '2026-01-01'],
    ['2024-02-28', '2024-02-29'],
    ['2025-02-28', '2025-03-01'],
    ['2026-06-30', '2026-07-01'],
  ])('the day after %s is %s', (day, next) => {
    expect(nextDay(day)).toBe(next);
  });

  test('a year is its first and last day', () => {
    expect(yearBounds(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('yuan as typed to fen, exactly (no floating point)', () => {
  test.each([
    ['12', 1_200],
    ['0.29', 29],
    ['0.3', 30],
    ['1.1', 110],
    ['19.99', 1_999],
    ['1234567.89', 123_456_789],
    [' 8.05 ', 805],
    ['0.01', 1],
  ])('%s 元 is %i 分', (text, fen) => {
    expect(yuanTextToFen(text)).toBe(fen);
  });

  test.each([['0'], ['0.00'], ['-5'], ['1.234'], ['1,000'], ['abc'], [''], ['.5'], ['1e3']])(
    '%s is not an amount',
    (text) => {
      expect(yuanTextToFen(text)).toBeNull();
    },
  );

  test.each([
    [0, '0.00'],
    [5, '0.05'],
    [123_456, '1,234.56'],
    [-50_005, '-500.05'],
    [100_000_000, '1,000,000.00'],
  ])('%i 分 reads %s 元', (fen, text) => {
    expect(fenToYuanText(fen)).toBe(text);
  });
});
