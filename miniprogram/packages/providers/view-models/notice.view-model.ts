/**
 * 入驻公示 as the page shows it: each application under public notice (provider.notice.list: no legal
 * representative, documents or phones) with its items and prices, service area, industries and notice
 * period; and the objection form, checked by provider.application.object's rules (core/schemas/
 * provider.schema.ts: content up to 500 characters, an optional contact phone) with the core's field checks.
 */
import {
  CONTACT_PHONE_PATTERN,
  checkText,
  fieldMessages,
  type FieldCheck,
  type NoticeListItem,
} from 'weimin-core';
import { formatShanghaiMinute } from '../../../utils/time.format';

export const OBJECTION_CONTENT = { label: '异议内容', max: 500, multiline: true } as const;

export interface NoticeRowView {
  id: string;
  name: string;
  unitName: string;
  introduction: string;
  items: Array<{ id: string; name: string; price: string }>;
  areas: string;
  industries: string;
  /** '公示至 12月6日 14:30'. */
  endsAt: string;
  period: string;
  label: string;
}

export function toNoticeRow(item: NoticeListItem): NoticeRowView {
  const endsAt = `公示至 ${formatShanghaiMinute(item.noticeEndsAt)}`;
  return {
    id: item.applicationId,
    name: item.name,
    unitName: item.orgUnitName,
    introduction: item.introduction,
    items: item.items.map((i) => ({ id: i.itemId, name: i.itemName, price: i.priceText })),
    areas: item.serviceAreaNames.join('、'),
    industries: item.industries.map((i) => i.label).join('、'),
    endsAt,
    period: `${formatShanghaiMinute(item.noticeStartedAt)} 至 ${formatShanghaiMinute(item.noticeEndsAt)}`,
    label: `${item.name}，申请入驻${item.orgUnitName}，${endsAt}，查看详情`,
  };
}

export interface ObjectionFields {
  content: string;
  /** '' when none is given. */
  contactPhone: string;
}

export function checkObjection(content: string, contactPhone: string): FieldCheck<ObjectionFields> {
  const text = checkText(OBJECTION_CONTENT.label, OBJECTION_CONTENT, content);
  if (!text.ok) return text;
  const phone = contactPhone.trim();
  if (phone !== '' && !CONTACT_PHONE_PATTERN.test(phone))
    return { ok: false, message: fieldMessages.contactPhone };
  return { ok: true, value: { content: text.value, contactPhone: phone } };
}
