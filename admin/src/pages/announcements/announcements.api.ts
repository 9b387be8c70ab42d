/**
 * admin-api's 信息发布 routes (cloudfunctions/admin-api/routes/announcements.routes.ts, docs/announcements.md),
 * typed with the core's replies: the units' notices, one notice with its images, a draft written or edited,
 * publishing and withdrawing.
 */
import type {
  AnnouncementDetail,
  AnnouncementListResult,
  AnnouncementWriteResult,
} from '../../../../core/announcements/announcement.replies';
import type { AnnouncementKind } from '../../../../core/model/announcement.model';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

const BASE = '/console/api/announcements';
const one = (id: string) => encodeURIComponent(id);

export interface AnnouncementForm {
  orgUnitId: string;
  kind: AnnouncementKind;
  title: string;
  body: string;
  images: string[];
  publishAt?: number;
  expireAt?: number;
  pinned: boolean;
  clientRequestId: string;
}

export const unitAnnouncements = (filters: Filters) =>
  get<AnnouncementListResult>(`${BASE}${queryOf(filters)}`);
export const announcementDetail = (id: string) => get<AnnouncementDetail>(`${BASE}/${one(id)}`);
export const createAnnouncement = (form: AnnouncementForm) => post<AnnouncementWriteResult>(BASE, form);
export const editAnnouncement = (id: string, form: AnnouncementForm) =>
  post<AnnouncementWriteResult>(`${BASE}/${one(id)}`, form);
export const publishAnnouncement = (id: string, clientRequestId: string) =>
  post<AnnouncementWriteResult>(`${BASE}/${one(id)}/publish`, { clientRequestId });
export const withdrawAnnouncement = (id: string, reason: string, clientRequestId: string) =>
  post<AnnouncementWriteResult>(`${BASE}/${one(id)}/withdraw`, { reason, clientRequestId });

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** '2026-12-10 09:00' typed in Asia/Shanghai, as milliseconds; undefined when it is not such a time. */
export function parseShanghaiMinute(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (m === null) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi) - SHANGHAI_OFFSET_MS;
  const back = new Date(at + SHANGHAI_OFFSET_MS);
  return back.getUTCDate() === d && back.getUTCHours() === h ? at : undefined;
}
