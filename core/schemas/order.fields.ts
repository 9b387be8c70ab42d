/**
 * The order commands' form fields without zod: labels, limits and the follow-up channels. order.schema.ts
 * builds its schemas from them and core/client checks the mini-program's forms with them. `multiline`: typed
 * in a text area, line breaks allowed (every other text is a single line).
 */

export const FOLLOW_UP_CHANNELS = ['phone', 'visit', 'message'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];
export const FOLLOW_UP_CHANNEL_LABELS: Readonly<Record<FollowUpChannel, string>> = {
  phone: '电话回访',
  visit: '上门回访',
  message: '留言回访',
};

/** order.decline: the reason the resident and the workers read. */
export const DECLINE_REASON = { label: '拒单原因', max: 200, multiline: true } as const;

/** order.rate: 1-5 stars and an optional text. */
export const RATING_STARS = { label: '评分', min: 1, max: 5 } as const;
export const RATING_TEXT = { label: '评价内容', max: 500, multiline: true } as const;

/** order.follow_up: how the resident was reached, what they said, and each problem or suggestion raised. */
export const FOLLOW_UP_CHANNEL = { label: '回访方式' } as const;
export const FOLLOW_UP_SUMMARY = { label: '回访情况', max: 500, multiline: true } as const;
export const FEEDBACK_LISTS = { problems: '反映的问题', suggestions: '提出的建议' } as const;
export type FeedbackKind = keyof typeof FEEDBACK_LISTS;
/** Each list holds up to `maxEntries`; each entry's content and its handling up to `max` characters. */
export const FEEDBACK_ENTRY = {
  max: 300,
  maxEntries: 10,
  handlingLabel: '处理情况',
  multiline: true,
} as const;
