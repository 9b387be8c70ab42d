/**
 * 消息中心: a notice (the core's InboxItemView) mapped once into what the page renders, flat and small: its
 * title, its lines as “label：value” text, the time, read or not, what a screen reader says, and the page it
 * opens (a path from the mini-program root, as wx.navigateTo wants it).
 */
import type { InboxItemView } from 'weimin-core';
import { formatShanghaiShort } from '../utils/time.format';

export interface MessageRow {
  readonly id: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly time: string;
  readonly unread: boolean;
  /** The page it opens ('' when it names none). */
  readonly url: string;
  readonly ariaLabel: string;
}

/** A notice's page as wx.navigateTo takes it: from the root, with a leading '/'. */
export function pageUrl(page: string): string {
  const trimmed = page.trim();
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function toMessageRow(item: InboxItemView, now: number): MessageRow {
  const lines = item.lines.map((l) => `${l.label}：${l.value}`);
  const time = formatShanghaiShort(item.createdAt, now);
  const state = item.read ? '已读' : '未读';
  return {
    id: item.messageId,
    title: item.title,
    lines,
    time,
    unread: !item.read,
    url: pageUrl(item.page),
    ariaLabel: `${state}消息：${item.title}，${lines.join('，')}，${time}。点按查看详情`,
  };
}

/** The badge's text: '' for none, the number up to 99, then '99+'. */
export function unreadBadge(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The row once read (the tap that opened it marked it). */
export function asRead(row: MessageRow): MessageRow {
  return { ...row, unread: false, ariaLabel: row.ariaLabel.replace(/^未读/, '已读') };
}

/** The filters of the list: every notice, or the unread ones. */
export const MESSAGE_FILTERS = [
  { value: 'all', label: '全部' },
  { value: 'unread', label: '未读' },
] as const;
export type MessageFilter = (typeof MESSAGE_FILTERS)[number]['value'];

export function isMessageFilter(value: string): value is MessageFilter {
  return MESSAGE_FILTERS.some((f) => f.value === value);
}

/** The tab bar's pages (app.json): wx.navigateTo cannot open them, wx.switchTab can (without a query). */
const TAB_PAGES = ['/pages/home/home', '/pages/orders/orders', '/pages/profile/profile'];

/** How a notice's page is opened. */
export function openMode(url: string): { readonly how: 'none' | 'tab' | 'page'; readonly url: string } {
  if (url === '') return { how: 'none', url };
  const path = url.split('?')[0] ?? url;
  return TAB_PAGES.includes(path) ? { how: 'tab', url: path } : { how: 'page', url };
}
