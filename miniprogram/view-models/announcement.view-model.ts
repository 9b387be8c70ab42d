/**
 * 通知公告 (信息发布): a notice (the core's AnnouncementSummary / AnnouncementDetail) mapped once into what the
 * home page, the list and the detail page render: its kind, title, who published it and when, pinned or not,
 * what a screen reader says; the detail's paragraphs and the images' URLs to show and to preview (a temporary
 * URL, or the cloud file id, which <image> and wx.previewImage take as well).
 */
import type { AnnouncementDetail, AnnouncementSummary } from 'weimin-core';

export interface NoticeRow {
  readonly id: string;
  readonly title: string;
  readonly kindLabel: string;
  /** 东门社区 · 2025-03-10 10:00 */
  readonly meta: string;
  readonly excerpt: string;
  readonly pinned: boolean;
  readonly ariaLabel: string;
}

export interface NoticeView {
  readonly id: string;
  readonly title: string;
  readonly kindLabel: string;
  readonly meta: string;
  /** Until when it is up ('' when it has no end). */
  readonly until: string;
  readonly paragraphs: readonly string[];
  readonly images: readonly string[];
}

function metaOf(n: Pick<AnnouncementSummary, 'unitName' | 'publishText'>): string {
  return n.publishText === '' ? n.unitName : `${n.unitName} · ${n.publishText}`;
}

export function toNoticeRow(n: AnnouncementSummary): NoticeRow {
  const meta = metaOf(n);
  return {
    id: n.announcementId,
    title: n.title,
    kindLabel: n.kindLabel,
    meta,
    excerpt: n.excerpt,
    pinned: n.pinned,
    ariaLabel: `${n.pinned ? '置顶' : ''}${n.kindLabel}：${n.title}，${meta}。点按查看全文`,
  };
}

export function toNoticeView(n: AnnouncementDetail): NoticeView {
  return {
    id: n.announcementId,
    title: n.title,
    kindLabel: n.kindLabel,
    meta: metaOf(n),
    until: n.expireText === '' ? '' : `有效期至 ${n.expireText}`,
    paragraphs: n.body
      .split(/\n+/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
    images: n.images.map((i) => (i.url === '' ? i.fileId : i.url)),
  };
}
