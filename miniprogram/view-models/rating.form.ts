/** The rating form (1-5 stars and optional text), checked by the core's rules for order.rate. */
import { RATING_TEXT, checkRatingFields } from 'weimin-core';

export const RATING_TEXT_MAX = RATING_TEXT.max;

/** What each star count means, shown beside t-rate. */
export const RATING_TEXTS = ['很不满意', '不满意', '一般', '满意', '非常满意'];

export type RatingCheck = { ok: true; stars: number; text: string } | { ok: false; message: string };

/** `stars` as t-rate gives it: 0 until a star is tapped. */
export function checkRating(stars: number, text: string): RatingCheck {
  // No star tapped yet: a prompt about the widget, before the rule's own messages.
  if (stars === 0) return { ok: false, message: '请选择 1 到 5 星评分' };
  const check = checkRatingFields(stars, text);
  return check.ok ? { ok: true, ...check.value } : check;
}
