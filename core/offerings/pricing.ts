/**
 * Offering prices: free, or a low fee strictly below the market price the provider states
 * (服务具有一定公益性质，分为免费服务和低收费服务，低收费服务需低于市场价). Money is integer fen.
 */
import type { Fen } from '../model/common.model';
import type { OfferingPricing } from '../model/offering.model';
import { accepted, orThrow, refused, type Outcome } from '../kernel/outcome';

export const PRICING_ERROR_CODES = {
  notBelowMarket: 'OFFERING_PRICE_NOT_BELOW_MARKET',
  invalidAmount: 'OFFERING_PRICE_INVALID',
} as const;

function isFen(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Whether the pricing keeps the rule: OFFERING_PRICE_INVALID or OFFERING_PRICE_NOT_BELOW_MARKET when not. */
export function checkPricing(pricing: OfferingPricing): Outcome<OfferingPricing> {
  if (pricing.kind === 'free') return accepted(pricing);
  const amounts = { priceFen: pricing.priceFen, marketPriceFen: pricing.marketPriceFen };
  if (!isFen(pricing.priceFen) || !isFen(pricing.marketPriceFen) || pricing.priceFen === 0) {
    return refused(PRICING_ERROR_CODES.invalidAmount, '价格必须是大于 0 的整数（单位：分）', amounts);
  }
  if (pricing.priceFen >= pricing.marketPriceFen) {
    return refused(PRICING_ERROR_CODES.notBelowMarket, '低收费服务的价格必须低于市场价', amounts);
  }
  return accepted(pricing);
}

/** `checkPricing` for use cases: throws its refusal as a DomainError. */
export function assertValidPricing(pricing: OfferingPricing): void {
  orThrow(checkPricing(pricing));
}

export function isValidPricing(pricing: OfferingPricing): boolean {
  return checkPricing(pricing).ok;
}

/** 3000 -> '30元', 1250 -> '12.50元'. */
export function formatFen(fen: Fen): string {
  const yuan = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return cents === 0 ? `${yuan}元` : `${yuan}.${String(cents).padStart(2, '0')}元`;
}

/** How a price is shown to a resident: '免费', or '30元/次（市场价 50元/次）'. */
export function describePricing(pricing: OfferingPricing): string {
  if (pricing.kind === 'free') return '免费';
  const unit = pricing.unit.length > 0 ? `/${pricing.unit}` : '';
  return `${formatFen(pricing.priceFen)}${unit}（市场价 ${formatFen(pricing.marketPriceFen)}${unit}）`;
}

/** Whole percent saved against the market price (0 for free offerings, which state none). */
export function discountPercent(pricing: OfferingPricing): number {
  if (pricing.kind === 'free' || pricing.marketPriceFen === 0) return 0;
  return Math.round(((pricing.marketPriceFen - pricing.priceFen) * 100) / pricing.marketPriceFen);
}
