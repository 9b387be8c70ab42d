/**
 * What `match.request` answers (docs/functions.md): written once here, returned by the use case, read by
 * the mini-program through `weimin-core` as types. Type-only and free of zod.
 */
import type { OrgLevel } from '../org/org-levels';
import type { PriceView } from '../offerings/price.view';
import type { ReputationComponent } from '../reputation/reputation.formula';

export interface MatchedProvider {
  /** 1-based position in the item's list. */
  readonly rank: number;
  readonly providerId: string;
  readonly offeringId: string;
  readonly name: string;
  /** The provider's public business number. */
  readonly contactPhone: string;
  readonly price: PriceView;
  /** 0-100, from the provider's aggregates; `scoreParts` add up to it. */
  readonly reputation: number;
  readonly starLevel: number;
  readonly ratingCount: number;
  /** Too few ratings for the red-star board yet: the mini-program shows “新入驻”. */
  readonly newcomer: boolean;
  /** Levels between the resident's unit and the provider's nearest service area covering it. */
  readonly distance: number;
  readonly foundAt: OrgLevel;
  /** Found only by widening the search beyond the resident's community. */
  readonly widened: boolean;
  readonly scoreParts: readonly ReputationComponent[];
}

export interface MatchedItem {
  readonly itemId: string;
  readonly itemName: string;
  readonly searchedLevel: OrgLevel;
  /** The search went beyond the resident's community. */
  readonly widened: boolean;
  /** Fewer than the minimum even city-wide; recorded for the workers' dashboard. */
  readonly gap: boolean;
  readonly providers: readonly MatchedProvider[];
}

export interface MatchProvidersResult {
  readonly matchId: string;
  readonly orgPath: string;
  readonly expiresAt: number;
  readonly items: readonly MatchedItem[];
}
