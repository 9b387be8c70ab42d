import type { ProviderStatus } from '../lifecycle/provider.lifecycle';
import type { BaseDocument, Fen, Located, Timestamps } from './common.model';

/**
 * Price of an offering: free, or a low fee strictly below the market price the provider states
 * (低收费服务需低于市场价). Same shape as the `pricing` of the command schemas.
 */
export type OfferingPricing =
  | { readonly kind: 'free' }
  | {
      readonly kind: 'low_fee';
      readonly priceFen: Fen;
      readonly marketPriceFen: Fen;
      /** What the price is per: 次, 小时, 月... */
      readonly unit: string;
    };

/**
 * `offerings`: 服务报价, one provider's price for one service item. Matching reads only this collection, so
 * what it filters and sorts on is copied here from the provider (`servedPaths`, `providerStatus`,
 * `reputation`...) by every writer that changes the provider.
 */
export interface Offering extends BaseDocument, Timestamps, Located {
  readonly providerId: string;
  readonly providerName: string;
  readonly itemId: string;
  readonly categoryId: string;
  readonly pricing: OfferingPricing;
  readonly description: string;
  /** The provider lists it (上架); an unlisted offering is kept for the orders that point at it. */
  readonly active: boolean;
  /** The provider's `serviceAreaPaths` (a multikey index serves "covers this resident"). */
  readonly servedPaths: readonly string[];
  readonly providerStatus: ProviderStatus;
  readonly providerBlacklisted: boolean;
  readonly reputation: number;
  readonly starLevel: number;
  readonly ratingCount: number;
}
