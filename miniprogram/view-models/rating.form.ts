/** The rating form (1-5 stars and optional text), checked with the core's ratingSubmitSchema limits. */

export const RATING_TEXT_MAX = 500;

/** What each star count means, shown beside t-rate. */
export const RATING_TEXTS = ['很不满意', '不满意', '一般', '满意', '非常满意'];

export type RatingCheck = { ok: true; stars: number; text: string } | { ok: false; message: string };

export function checkRating(stars: number, text: string): RatingCheck {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5)
    return { ok: false, message: '请选择 1 到 5 星评分' };
  const trimmed = text.trim();
  if (trimmed.length > RATING_TEXT_MAX) {
    return { ok: false, message: `评价内容不能超过 ${RATING_TEXT_MAX} 个字` };
  }
  return { ok: true, stars, text: trimmed };
}
