/** The rating form (1-5 stars and optional text), checked by the core's rules for order.rate. */
import { RATING_TEXT, checkRatingFields, ratingLevelLabel } from 'weimin-core';
import { MAX_STARS } from '../utils/stars.format';

export const RATING_TEXT_MAX = RATING_TEXT.max;

/**
 * What each star count means, said beside the stars and on each star button: the five levels of 政务服务
 * "好差评" (1 非常不满意 … 5 非常满意), the core's one label table (core/reputation/rating-levels.ts).
 */
export const RATING_TEXTS = Array.from({ length: MAX_STARS }, (_, i) => ratingLevelLabel(i + 1));

export interface StarLevelView {
  stars: number;
  /** '5 星：非常满意'. */
  text: string;
  chosen: boolean;
}

/** The five levels beside the stars, best first, the chosen one marked (✓ and in words, not by colour). */
export function starLevels(chosen: number): StarLevelView[] {
  return Array.from({ length: MAX_STARS }, (_, i) => MAX_STARS - i).map((stars) => ({
    stars,
    text: `${stars} 星：${RATING_TEXTS[stars - 1]}`,
    chosen: stars === chosen,
  }));
}

export interface StarChoiceView {
  stars: number;
  /** Drawn ★ (up to the chosen count) or ☆. */
  filled: boolean;
  /** This is the count chosen. */
  chosen: boolean;
  /** What a screen reader says: '4 星：满意'. */
  label: string;
}

/** The five star buttons with `chosen` stars chosen (0: none yet). */
export function starChoices(chosen: number): StarChoiceView[] {
  return Array.from({ length: MAX_STARS }, (_, i) => ({
    stars: i + 1,
    filled: i < chosen,
    chosen: i + 1 === chosen,
    label: `${i + 1} 星：${RATING_TEXTS[i]}`,
  }));
}

/** The choice in words under the stars. */
export function starsChosenText(stars: number): string {
  const meaning = RATING_TEXTS[stars - 1];
  return meaning === undefined ? '请点星星评分：1 星最不满意，5 星最满意' : `已选 ${stars} 星：${meaning}`;
}

export type RatingCheck = { ok: true; stars: number; text: string } | { ok: false; message: string };

/** `stars` as the star buttons give it: 0 until a star is tapped. */
export function checkRating(stars: number, text: string): RatingCheck {
  // No star tapped yet: a prompt about the stars, before the rule's own messages.
  if (stars === 0) return { ok: false, message: '请选择 1 到 5 星评分' };
  const check = checkRatingFields(stars, text);
  return check.ok ? { ok: true, ...check.value } : check;
}
