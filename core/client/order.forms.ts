/**
 * The order forms of the mini-program, checked by the rules of the commands they send (order.schema.ts):
 * the same verdict and, field by field, the same Chinese message. One difference, on purpose: a form
 * shows one message for all its rows, so a follow-up entry is named by its place ('第 2 条反映的问题')
 * where the function's reply names it by path (`problems.1.content`).
 */
import {
  checkInt,
  checkListLength,
  checkOneOf,
  checkOptionalText,
  checkText,
  type FieldCheck,
} from '../schemas/fields.rules';
import {
  DECLINE_REASON,
  FEEDBACK_ENTRY,
  FEEDBACK_LISTS,
  FOLLOW_UP_CHANNEL,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_SUMMARY,
  RATING_STARS,
  RATING_TEXT,
  type FeedbackKind,
  type FollowUpChannel,
} from '../schemas/order.fields';

/** order.decline's reason, trimmed. */
export function checkDeclineReason(reason: unknown): FieldCheck<string> {
  return checkText(DECLINE_REASON.label, DECLINE_REASON, reason);
}

export interface RatingFields {
  readonly stars: number;
  readonly text: string;
}

/** order.rate's stars and text (text trimmed; absent is ''). */
export function checkRatingFields(stars: unknown, text: unknown): FieldCheck<RatingFields> {
  const starsCheck = checkInt(RATING_STARS.label, RATING_STARS.min, RATING_STARS.max, stars);
  if (!starsCheck.ok) return starsCheck;
  const textCheck = checkOptionalText(RATING_TEXT.label, RATING_TEXT.max, text, RATING_TEXT);
  if (!textCheck.ok) return textCheck;
  return { ok: true, value: { stars: starsCheck.value, text: textCheck.value } };
}

export interface FeedbackEntryFields {
  readonly content: string;
  readonly handling: string;
}

export interface FollowUpFields {
  readonly channel: FollowUpChannel;
  readonly summary: string;
  readonly problems: FeedbackEntryFields[];
  readonly suggestions: FeedbackEntryFields[];
}

export interface FollowUpFormInput {
  readonly channel: unknown;
  readonly summary: unknown;
  readonly problems: readonly { readonly content: unknown; readonly handling: unknown }[];
  readonly suggestions: readonly { readonly content: unknown; readonly handling: unknown }[];
}

function checkFeedback(
  kind: FeedbackKind,
  entries: FollowUpFormInput['problems'],
): FieldCheck<FeedbackEntryFields[]> {
  const label = FEEDBACK_LISTS[kind];
  const count = checkListLength(label, { min: 0, max: FEEDBACK_ENTRY.maxEntries }, entries.length);
  if (!count.ok) return count;
  const checked: FeedbackEntryFields[] = [];
  for (const [i, entry] of entries.entries()) {
    const row = `第 ${i + 1} 条${label}`;
    const content = checkText(row, FEEDBACK_ENTRY, entry.content);
    if (!content.ok) return content;
    const handling = checkText(`${row}的${FEEDBACK_ENTRY.handlingLabel}`, FEEDBACK_ENTRY, entry.handling);
    if (!handling.ok) return handling;
    checked.push({ content: content.value, handling: handling.value });
  }
  return { ok: true, value: checked };
}

/** order.follow_up's fields, in the schema's order: channel, summary, problems, suggestions. */
export function checkFollowUpFields(input: FollowUpFormInput): FieldCheck<FollowUpFields> {
  const channel = checkOneOf(FOLLOW_UP_CHANNEL.label, FOLLOW_UP_CHANNELS, input.channel);
  if (!channel.ok) return channel;
  const summary = checkText(FOLLOW_UP_SUMMARY.label, FOLLOW_UP_SUMMARY, input.summary);
  if (!summary.ok) return summary;
  const problems = checkFeedback('problems', input.problems);
  if (!problems.ok) return problems;
  const suggestions = checkFeedback('suggestions', input.suggestions);
  if (!suggestions.ok) return suggestions;
  return {
    ok: true,
    value: {
      channel: channel.value,
      summary: summary.value,
      problems: problems.value,
      suggestions: suggestions.value,
    },
  };
}
