import { describePricing } from './pricing';
import type { OfferingPricing } from '../model/offering.model';

/** The price as the resident sees it: free, or the low fee with the market price beside it. */
export type PriceView =
  | { readonly free: true; readonly text: string }
  | {
      readonly free: false;
      readonly feeFen: number;
      readonly marketPriceFen: number;
      readonly unit: string;
      readonly text: string;
    };

export function priceView(pricing: OfferingPricing): PriceView {
  const text = describePricing(pricing);
  return pricing.kind === 'free'
    ? { free: true, text }
    : {
        free: false,
        feeFen: pricing.priceFen,
        marketPriceFen: pricing.marketPriceFen,
        unit: pricing.unit,
        text,
      };
}
