/**
 * The provider choice list: for each ticked item the 3-5 providers match.request ranked, with price and
 * market price, stars, reach (widened ones marked) and why each ranks where it does.
 */
import type { MatchProvidersResult, MatchedItem, MatchedProvider, ReputationComponent } from 'weimin-core';
import { reachLabel } from '../utils/distance.format';
import { formatPrice } from '../utils/price.format';
import { starsLabel, starsText } from '../utils/stars.format';

/** The fewest providers a resident should be offered (docs/product.md section 4). */
export const MIN_PROVIDERS = 3;

export interface ScorePartView {
  key: string;
  label: string;
  /** '+32.5 分' / '-2.0 分'. */
  points: string;
  /** '满分 40 分' (or '最多扣 10 分' for deductions). */
  weight: string;
  explanation: string;
}

export interface ProviderCardView {
  providerId: string;
  rank: number;
  name: string;
  contactPhone: string;
  free: boolean;
  price: string;
  unit: string;
  marketPrice: string;
  stars: string;
  starsLabel: string;
  newcomer: boolean;
  reputation: string;
  reach: string;
  widened: boolean;
  parts: ScorePartView[];
  /** The “why” panel is open. */
  open: boolean;
}

export interface ItemChoicesView {
  itemId: string;
  itemName: string;
  /** Said above the list: widened search, too few providers, none at all. */
  notice: string;
  providers: ProviderCardView[];
  /** The provider the resident chose for this item, '' until they choose. */
  chosenId: string;
  /** Set once the order for this item is placed: a second submit leaves it alone. */
  orderId: string;
}

function signed(points: number): string {
  const text = (Math.round(points * 10) / 10).toFixed(1);
  return points >= 0 ? `+${text}` : text;
}

export function toScorePart(part: ReputationComponent): ScorePartView {
  return {
    key: part.key,
    label: part.label,
    points: `${signed(part.points)} 分`,
    weight: part.weight >= 0 ? `满分 ${part.weight} 分` : `最多扣 ${-part.weight} 分`,
    explanation: part.explanation,
  };
}

export function toProviderCard(provider: MatchedProvider): ProviderCardView {
  const price = formatPrice(provider.price);
  return {
    providerId: provider.providerId,
    rank: provider.rank,
    name: provider.name,
    contactPhone: provider.contactPhone,
    free: price.free,
    price: price.price,
    unit: price.unit,
    marketPrice: price.marketPrice,
    stars: starsText(provider.starLevel),
    starsLabel: provider.newcomer ? '新入驻，评价较少' : starsLabel(provider.starLevel),
    newcomer: provider.newcomer,
    reputation: (Math.round(provider.reputation * 10) / 10).toFixed(1),
    reach: reachLabel(provider.distance, provider.widened),
    widened: provider.widened,
    parts: provider.scoreParts.map(toScorePart),
    open: false,
  };
}

export function itemNotice(item: MatchedItem): string {
  const found = item.providers.length;
  if (found === 0) return '附近暂无提供该服务的机构，我们已记录您的需求，社区将尽快协调';
  if (item.gap || found < MIN_PROVIDERS) {
    return `仅找到 ${found} 家服务机构，我们已记录您的需求，社区将尽快补充`;
  }
  if (item.providers.some((p) => p.widened)) return '本社区服务机构不足，已为您扩大范围查找';
  return '';
}

export function toProviderChoices(reply: MatchProvidersResult): ItemChoicesView[] {
  return reply.items.map((item) => ({
    itemId: item.itemId,
    itemName: item.itemName,
    notice: itemNotice(item),
    providers: item.providers.map((provider) => toProviderCard(provider)),
    chosenId: '',
    orderId: '',
  }));
}
