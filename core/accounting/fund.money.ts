/**
 * Money as people type and read it, exact: yuan text to integer fen and back by splitting the decimal string,
 * never by multiplying a float (0.29 * 100 is 28.999999999999996). No imports, so the console's pages use it
 * as it is (docs/funds.md).
 */

/**
 * An amount in yuan as typed ('1234.5', '0.05', '12'), as integer fen without floating point: the decimal
 * string is split, never multiplied; null for anything that is not a positive amount with at most two decimals.
 */
export function yuanTextToFen(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (m === null) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

/** Fen as yuan text with two decimals and thousands separators ('-1,234.50'), without floating point. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
