/**
 * 通知公告's scripted replies (the `announcements` function's, typed with the core's reply types through
 * weimin-core): a notice in a list, a page of them, one notice in full.
 */
import type { AnnouncementDetail, AnnouncementListResult, AnnouncementSummary } from 'weimin-core';

export function noticeItem(over: Partial<AnnouncementSummary> = {}): AnnouncementSummary {
  return {
    announcementId: 'ann-1',
    kind: 'notice',
    kindLabel: '通知',
    title: '东门社区周六开展义诊活动',
    excerpt: '本周六上午8:30至11:30，社区在广场开展义诊、量血压。',
    unitName: '东门社区',
    orgPath: '/450900/450902/450902001/450902001001/',
    pinned: false,
    status: 'published',
    statusLabel: '已发布',
    publishAt: Date.UTC(2025, 2, 10, 2, 0),
    publishText: '2025-03-10 10:00',
    expireAt: null,
    expireText: '',
    imageCount: 0,
    ...over,
  };
}

export function noticePage(
  items: AnnouncementSummary[],
  over: Partial<AnnouncementListResult> = {},
): AnnouncementListResult {
  return { items, total: items.length, page: 1, pageSize: 20, hasMore: false, ...over };
}

export function noticeDetail(over: Partial<AnnouncementDetail> = {}): AnnouncementDetail {
  return {
    ...noticeItem(),
    orgUnitId: '450902001001',
    body: '各位居民：\n本周六上午8:30至11:30，社区在广场开展义诊、量血压。\n\n行动不便的老人可联系网格员。',
    images: [],
    actions: [],
    publishedAt: Date.UTC(2025, 2, 10, 2, 0),
    withdrawnAt: null,
    withdrawReason: null,
    heldTexts: [],
    reviewNote: null,
    ...over,
  };
}
