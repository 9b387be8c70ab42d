/**
 * The follow-up (回访) form: how the resident was reached, what they said, the problems and suggestions
 * they raised and how each was handled. Checked here with the limits of the core's followUpRecordSchema so
 * the staff member sees the message beside the form before anything is sent.
 */
import type { FeedbackEntry, FollowUpChannel, FollowUpInput } from '../services/jobs/jobs.service';

export const FOLLOW_UP_CHANNELS: ReadonlyArray<{ value: FollowUpChannel; label: string }> = [
  { value: 'phone', label: '电话回访' },
  { value: 'visit', label: '上门回访' },
  { value: 'message', label: '留言回访' },
];

export const SUMMARY_MAX = 500;
export const ENTRY_MAX = 300;
export const ENTRIES_MAX = 10;

export type FeedbackKind = 'problems' | 'suggestions';

export interface FollowUpDraft {
  channel: FollowUpChannel | '';
  summary: string;
  problems: FeedbackEntry[];
  suggestions: FeedbackEntry[];
}

export function emptyFollowUp(): FollowUpDraft {
  return { channel: '', summary: '', problems: [], suggestions: [] };
}

const KIND_LABELS: Readonly<Record<FeedbackKind, string>> = {
  problems: '反映的问题',
  suggestions: '提出的建议',
};

export type FollowUpCheck = { ok: true; input: FollowUpInput } | { ok: false; message: string };

function checkEntries(kind: FeedbackKind, entries: readonly FeedbackEntry[]): FeedbackEntry[] | string {
  const label = KIND_LABELS[kind];
  const kept = entries
    .map((e) => ({ content: e.content.trim(), handling: e.handling.trim() }))
    .filter((e) => e.content !== '' || e.handling !== '');
  if (kept.length > ENTRIES_MAX) return `${label}最多 ${ENTRIES_MAX} 项`;
  for (const [i, e] of kept.entries()) {
    if (e.content === '') return `请填写第 ${i + 1} 条${label}`;
    if (e.handling === '') return `请填写第 ${i + 1} 条${label}的处理情况`;
    if (e.content.length > ENTRY_MAX || e.handling.length > ENTRY_MAX) {
      return `第 ${i + 1} 条${label}不能超过 ${ENTRY_MAX} 个字`;
    }
  }
  return kept;
}

export function checkFollowUp(orderId: string, draft: FollowUpDraft): FollowUpCheck {
  if (draft.channel === '') return { ok: false, message: '请选择回访方式' };
  const summary = draft.summary.trim();
  if (summary === '') return { ok: false, message: '请填写回访情况' };
  if (summary.length > SUMMARY_MAX) return { ok: false, message: `回访情况不能超过 ${SUMMARY_MAX} 个字` };
  const problems = checkEntries('problems', draft.problems);
  if (typeof problems === 'string') return { ok: false, message: problems };
  const suggestions = checkEntries('suggestions', draft.suggestions);
  if (typeof suggestions === 'string') return { ok: false, message: suggestions };
  return { ok: true, input: { orderId, channel: draft.channel, summary, problems, suggestions } };
}
