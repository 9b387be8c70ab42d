/**
 * The follow-up (回访) form: how the resident was reached, what they said, the problems and suggestions
 * they raised and how each was handled. Checked by the core's rules for order.follow_up (weimin-core), so
 * the staff member sees the function's own message beside the form before anything is sent.
 */
import {
  FEEDBACK_ENTRY,
  FOLLOW_UP_CHANNELS as CHANNELS,
  FOLLOW_UP_CHANNEL_LABELS,
  FOLLOW_UP_SUMMARY,
  checkFollowUpFields,
  type FeedbackEntryFields,
  type FeedbackKind,
  type FollowUpChannel,
} from 'weimin-core';
import type { FollowUpInput } from '../services/jobs.service';

export type { FeedbackKind };

export const FOLLOW_UP_CHANNELS: ReadonlyArray<{ value: FollowUpChannel; label: string }> = CHANNELS.map(
  (value) => ({ value, label: FOLLOW_UP_CHANNEL_LABELS[value] }),
);

export const SUMMARY_MAX = FOLLOW_UP_SUMMARY.max;
export const ENTRY_MAX = FEEDBACK_ENTRY.max;
export const ENTRIES_MAX = FEEDBACK_ENTRY.maxEntries;

/** One row of the form as it is typed (the fields of an entry, editable). */
export type FeedbackDraft = { -readonly [K in keyof FeedbackEntryFields]: FeedbackEntryFields[K] };

export interface FollowUpDraft {
  channel: FollowUpChannel | '';
  summary: string;
  problems: FeedbackDraft[];
  suggestions: FeedbackDraft[];
}

export function emptyFollowUp(): FollowUpDraft {
  return { channel: '', summary: '', problems: [], suggestions: [] };
}

export type FollowUpCheck = { ok: true; input: FollowUpInput } | { ok: false; message: string };

/** Rows added and left empty are not entries: they are dropped, not refused. */
function filled(entries: readonly FeedbackDraft[]): FeedbackDraft[] {
  return entries.filter((e) => e.content.trim() !== '' || e.handling.trim() !== '');
}

export function checkFollowUp(orderId: string, draft: FollowUpDraft): FollowUpCheck {
  const check = checkFollowUpFields({
    // No channel picked yet is a missing channel ('请选择回访方式').
    channel: draft.channel === '' ? undefined : draft.channel,
    summary: draft.summary,
    problems: filled(draft.problems),
    suggestions: filled(draft.suggestions),
  });
  return check.ok ? { ok: true, input: { orderId, ...check.value } } : check;
}
