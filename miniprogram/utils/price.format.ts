/**
 * Prices as the resident sees them: 免费, or the low fee with the market price beside it, struck through.
 * Money travels in fen (integers); yuan are only ever text.
 */

/** A price as match.request replies it (docs/functions.md). */
export type PriceReply =
  { free: true } | { free: false; feeFen: number; marketPriceFen: number; unit?: string };

export interface PriceLabel {
  free: boolean;
  /** '免费' or '¥12.00'. */
  price: string;
  /** '/次' when the offering names a unit, else ''. */
  unit: string;
  /** '¥30.00', shown struck through after “市场价”; '' when free. */
  marketPrice: string;
}

/** 1200 -> '¥12.00'. Integer arithmetic only: no float rounding on money. */
export function formatFen(fen: number): string {
  const whole = Math.max(0, Math.round(fen));
  const yuan = Math.floor(whole / 100);
  const cents = String(whole % 100).padStart(2, '0');
  return `¥${yuan}.${cents}`;
}

export function formatPrice(price: PriceReply): PriceLabel {
  if (price.free) return { free: true, price: '免费', unit: '', marketPrice: '' };
  return {
    free: false,
    price: formatFen(price.feeFen),
    unit: price.unit ? `/${price.unit}` : '',
    marketPrice: formatFen(price.marketPriceFen),
  };
}
