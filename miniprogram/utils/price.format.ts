/**
 * Prices as the resident sees them: 免费, or the low fee with the market price beside it, struck through.
 * Money travels in fen (integers); yuan are only ever text. Replies carry a price either as the core's
 * `PriceView` (match.request, order.list, order.detail) or as an offering's stored `OfferingPricing` (the
 * next offer of an ended order); both read into the same label.
 */
import type { OfferingPricing, PriceView } from 'weimin-core';

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

const FREE: PriceLabel = { free: true, price: '免费', unit: '', marketPrice: '' };

function feeLabel(feeFen: number, marketPriceFen: number, unit: string): PriceLabel {
  return {
    free: false,
    price: formatFen(feeFen),
    unit: unit ? `/${unit}` : '',
    marketPrice: formatFen(marketPriceFen),
  };
}

export function formatPrice(price: PriceView): PriceLabel {
  return price.free ? FREE : feeLabel(price.feeFen, price.marketPriceFen, price.unit);
}

export function formatPricing(pricing: OfferingPricing): PriceLabel {
  return pricing.kind === 'free' ? FREE : feeLabel(pricing.priceFen, pricing.marketPriceFen, pricing.unit);
}
