/**
 * 再次评价 (rating.rerate, function `providers`): after the provider resolved the 差评 ticket of the rating,
 * the resident rates the order once more; the new stars replace the old in the provider's aggregates.
 */
import type { RerateResult } from 'weimin-core';
import { write } from '../call';

export function rerateOrder(orderId: string, stars: number, text: string): Promise<RerateResult> {
  return write<RerateResult>('providers', 'rating.rerate', `rating.rerate:${orderId}`, {
    orderId,
    stars,
    text,
  });
}
