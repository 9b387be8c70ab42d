/**
 * The concern forms of the mini-program, checked by the rules of the commands they send
 * (core/schemas/concern.schema.ts) with the core's own field checks (weimin-core): the same verdict and the
 * same Chinese message, field by field. The limits (40, 1000, 300, 500...) are the schema's, written once
 * more here because the schema is zod and does not ship to phones; tests/miniprogram/view-models/
 * concern.forms.test.ts runs both on the same input, so they cannot drift apart unnoticed.
 */
import { checkOneOf, checkOptionalText, checkText, type FieldCheck } from 'weimin-core';
import { CONFIRM_OPTIONS, type ConfirmOutcome } from './concern.view-model';

export const CONCERN_KIND_OPTIONS = [
  { value: 'worry', label: '忧心事', hint: '生活中遇到的难处、烦心事' },
  { value: 'wish', label: '微心愿', hint: '希望得到的一点帮助' },
] as const;
export type ConcernKindValue = (typeof CONCERN_KIND_OPTIONS)[number]['value'];

export const CONCERN_TITLE = { label: '标题', max: 40 } as const;
export const CONCERN_CONTENT = { label: '具体内容', max: 1000, multiline: true } as const;
const WITHDRAW_REASON = { label: '撤回原因', max: 200 } as const;
const RELEASE_REASON = { label: '退回原因', max: 300, multiline: true } as const;
const PROGRESS_TEXT = { label: '进展说明', max: 500, multiline: true } as const;
const RESOLVE_SUMMARY = { label: '办结说明', max: 500, multiline: true } as const;
const CONFIRM_REASON = { label: '原因', max: 300 } as const;

export const SENSITIVE_CONSENT_MESSAGE = '涉及敏感个人信息的诉求，请先单独同意《敏感个人信息处理说明》';

export interface ConcernDraft {
  kind: string;
  title: string;
  content: string;
  sensitive: boolean;
  sensitiveConsent: boolean;
}

export interface ConcernFields {
  kind: ConcernKindValue;
  title: string;
  content: string;
}

/** The form's kind, title and content (trimmed), in the schema's order of fields, or the first message. */
export function checkConcernDraft(draft: ConcernDraft): FieldCheck<ConcernFields> {
  const kinds = CONCERN_KIND_OPTIONS.map((k) => k.value);
  const kind = checkOneOf('事项类型', kinds, draft.kind === '' ? undefined : draft.kind);
  if (!kind.ok) return kind;
  const title = checkText(CONCERN_TITLE.label, CONCERN_TITLE, draft.title);
  if (!title.ok) return title;
  const content = checkText(CONCERN_CONTENT.label, CONCERN_CONTENT, draft.content);
  if (!content.ok) return content;
  if (draft.sensitive && !draft.sensitiveConsent) return { ok: false, message: SENSITIVE_CONSENT_MESSAGE };
  return { ok: true, value: { kind: kind.value, title: title.value, content: content.value } };
}

export function checkWithdrawReason(reason: string): FieldCheck<string> {
  return checkOptionalText(WITHDRAW_REASON.label, WITHDRAW_REASON.max, reason, { multiline: true });
}

export function checkReleaseReason(reason: string): FieldCheck<string> {
  return checkText(RELEASE_REASON.label, RELEASE_REASON, reason);
}

export function checkProgressText(text: string): FieldCheck<string> {
  return checkText(PROGRESS_TEXT.label, PROGRESS_TEXT, text);
}

export function checkResolveSummary(summary: string): FieldCheck<string> {
  return checkText(RESOLVE_SUMMARY.label, RESOLVE_SUMMARY, summary);
}

export interface ConfirmFields {
  outcome: ConfirmOutcome;
  reason: string;
}

export function checkConfirmation(outcome: string, reason: string): FieldCheck<ConfirmFields> {
  const values = CONFIRM_OPTIONS.map((o) => o.value);
  const chosen = checkOneOf('办理结果', values, outcome === '' ? undefined : outcome);
  if (!chosen.ok) return chosen;
  const text = checkOptionalText(CONFIRM_REASON.label, CONFIRM_REASON.max, reason, { multiline: true });
  if (!text.ok) return text;
  if (chosen.value === 'unresolved' && text.value === '') return { ok: false, message: '未解决时请填写原因' };
  return { ok: true, value: { outcome: chosen.value, reason: text.value } };
}
