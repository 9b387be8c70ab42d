/**
 * The complaint form and 我的投诉 (complaint.submit / complaint.list view mine, docs/governance.md). The
 * content is checked by the rule of the command (core/schemas/order.schema.ts `complaintSubmitSchema`:
 * 投诉内容, at most 500 characters, several lines) with the core's own field check (weimin-core); the server
 * checks it again and screens it (content security). Photos: concern-photo.rules.ts, the concerns' limits.
 */
import { checkText, type ComplaintView, type FieldCheck } from 'weimin-core';
import type { TagTheme } from '../../../utils/status.format';
import { formatShanghaiShort } from '../../../utils/time.format';

export const COMPLAINT_CONTENT = { label: '投诉内容', max: 500, multiline: true } as const;

export function checkComplaintContent(content: string): FieldCheck<string> {
  return checkText(COMPLAINT_CONTENT.label, COMPLAINT_CONTENT, content);
}

const THEMES: Readonly<Record<ComplaintView['status'], TagTheme>> = {
  submitted: 'warning',
  upheld: 'success',
  dismissed: 'default',
};

export interface ComplaintRowView {
  id: string;
  orderId: string;
  /** '家电维修 · 玉州区邻里家电维修服务部'. */
  title: string;
  content: string;
  statusLabel: string;
  statusTheme: TagTheme;
  /** '提交于 03-14 10:00'. */
  submitted: string;
  /** '附照片 2 张', or ''. */
  photos: string;
  /** The unit's answer ('' while it waits). */
  reply: string;
  /** '答复于 03-15 09:30', or ''. */
  answered: string;
  /** What a screen reader says for the row. */
  label: string;
}

export function toComplaintRow(c: ComplaintView, now: number): ComplaintRowView {
  const title = [c.itemName, c.providerName].filter((s) => s !== '').join(' · ') || '服务订单';
  const submitted = `提交于 ${formatShanghaiShort(c.createdAt, now)}`;
  const answered = c.handledAt === null ? '' : `答复于 ${formatShanghaiShort(c.handledAt, now)}`;
  const reply = c.reply ?? '';
  return {
    id: c.complaintId,
    orderId: c.orderId,
    title,
    content: c.content,
    statusLabel: c.statusLabel,
    statusTheme: THEMES[c.status],
    submitted,
    photos: c.images.length === 0 ? '' : `附照片 ${c.images.length} 张`,
    reply,
    answered,
    label: `${title}，${c.statusLabel}，${submitted}${reply === '' ? '，等待社区核实' : `，社区答复：${reply}`}`,
  };
}
