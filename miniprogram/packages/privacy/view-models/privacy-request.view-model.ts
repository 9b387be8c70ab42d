/**
 * 个人信息申请: the resident's requests (weimin-core's PrivacyRequestView) as rows, and the form's kinds and
 * check (the same rule and message as the function's schema).
 */
import {
  PRIVACY_REQUEST_CONTENT,
  PRIVACY_REQUEST_KIND_LABELS,
  PRIVACY_REQUEST_KINDS,
  checkText,
  type FieldCheck,
  type PrivacyRequestKind,
  type PrivacyRequestView,
} from 'weimin-core';
import { formatShanghaiMinute } from '../../../utils/time.format';

export interface RequestRow {
  id: string;
  kind: string;
  status: string;
  /** The tag's colour: waiting, done, refused, late. */
  theme: 'primary' | 'success' | 'danger' | 'warning';
  content: string;
  submitted: string;
  /** 答复期限 while waiting; when it was answered otherwise. */
  when: string;
  reply: string;
}

export const REQUEST_KIND_OPTIONS: ReadonlyArray<{ value: PrivacyRequestKind; label: string }> =
  PRIVACY_REQUEST_KINDS.map((value) => ({ value, label: PRIVACY_REQUEST_KIND_LABELS[value] }));

export function isRequestKind(value: string | undefined): value is PrivacyRequestKind {
  return (PRIVACY_REQUEST_KINDS as readonly string[]).includes(value ?? '');
}

function themeOf(r: PrivacyRequestView): RequestRow['theme'] {
  if (r.status === 'completed') return 'success';
  if (r.status === 'refused') return 'danger';
  return r.overdue ? 'warning' : 'primary';
}

export function toRequestRow(r: PrivacyRequestView): RequestRow {
  const pending = r.status === 'pending';
  return {
    id: r.requestId,
    kind: r.kindLabel,
    status: pending && r.overdue ? '已超过答复期限' : r.statusLabel,
    theme: themeOf(r),
    content: r.content,
    submitted: formatShanghaiMinute(r.createdAt),
    when: pending ? `${formatShanghaiMinute(r.dueAt)} 前答复` : `${formatShanghaiMinute(r.decidedAt)} 答复`,
    reply: r.reply ?? '',
  };
}

/** The content as the function's schema takes it, or its first message. */
export function checkRequestContent(input: string): FieldCheck<string> {
  return checkText(PRIVACY_REQUEST_CONTENT.label, PRIVACY_REQUEST_CONTENT, input);
}
