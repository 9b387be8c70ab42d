/**
 * Notices (信息发布) in the `announcements` function: the published notices of the resident's branch (their
 * community, street, county and city), pinned first then the newest, a page at a time, and one notice with its
 * images' temporary URLs (docs/announcements.md). Replies are the core's types (weimin-core, types only).
 */
import type { AnnouncementDetail, AnnouncementListResult } from 'weimin-core';
import { query } from './call';

export const NOTICE_PAGE_SIZE = 20;
/** How many the home page shows. */
export const HOME_NOTICES = 3;

export function listAnnouncements(
  page: number,
  pageSize = NOTICE_PAGE_SIZE,
): Promise<AnnouncementListResult> {
  return query<AnnouncementListResult>('announcements', 'announcement.list', { page, pageSize });
}

export function announcementDetail(announcementId: string): Promise<AnnouncementDetail> {
  return query<AnnouncementDetail>('announcements', 'announcement.detail', { announcementId });
}
