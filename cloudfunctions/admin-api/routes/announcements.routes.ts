/**
 * admin-api's routes for 信息发布 (docs/announcements.md): the workers' list of their units' notices (all
 * statuses), one notice with its images, a draft written or edited, publishing and withdrawing; the same core
 * use cases as the `announcements` function's reads, with the actor of the console session.
 */
import { announcementDetail, listAnnouncements } from '../../../core/announcements/announcement-queries';
import {
  publishAnnouncement,
  saveAnnouncement,
  withdrawAnnouncement,
} from '../../../core/announcements/announcement-write.usecase';
import { fileStore } from '../../../function-kit/file-store';
import type { HttpRoute, RoutedRequest } from '../../../function-kit/http-function';

/** A write on one notice: its body with the notice named by the path. */
const on = (r: RoutedRequest) => ({ ...r.body, ...r.params });

/** The workers' list: the page numbers as the numbers their decimal text spells (a URL carries text). */
function unitListQuery(query: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query, view: 'unit' };
  for (const key of ['page', 'pageSize']) {
    const value = query[key];
    if (value !== undefined && /^\d{1,9}$/.test(value)) out[key] = Number(value);
  }
  return out;
}

export const announcementsRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/announcements': (ctx, r) =>
    listAnnouncements({ ...ctx, command: unitListQuery(r.query) }),
  'POST /console/api/announcements': (ctx, r) => saveAnnouncement({ ...ctx, command: r.body }),
  'GET /console/api/announcements/:announcementId': (ctx, r) =>
    announcementDetail({ ...ctx, command: r.params, files: fileStore() }),
  'POST /console/api/announcements/:announcementId': (ctx, r) => saveAnnouncement({ ...ctx, command: on(r) }),
  'POST /console/api/announcements/:announcementId/publish': (ctx, r) =>
    publishAnnouncement({ ...ctx, command: on(r) }),
  'POST /console/api/announcements/:announcementId/withdraw': (ctx, r) =>
    withdrawAnnouncement({ ...ctx, command: on(r) }),
};
