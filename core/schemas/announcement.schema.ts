/**
 * Notices (信息发布, docs/announcements.md): a worker's draft, its publication and withdrawal; the two lists
 * (the residents' of their community's branch, the workers' of their units) and the detail.
 */
import type { z } from 'zod';
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_MAX_IMAGES, ANNOUNCEMENT_STATUSES } from './announcement.fields';
import { bool, command, fileId, id, instant, list, oneOf, paging, query, text } from './fields.schema';

export { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_MAX_IMAGES, ANNOUNCEMENT_STATUSES };

const announcementRef = { announcementId: id('信息') };

export const announcementSaveSchema = command({
  /** Absent: a new draft. */
  announcementId: id('信息').optional(),
  /** The publishing unit: it and every unit below it see the notice. */
  orgUnitId: id('发布单位'),
  kind: oneOf('信息类型', ANNOUNCEMENT_KINDS),
  title: text('标题', { max: 60 }),
  body: text('正文', { max: 4000, multiline: true }),
  images: list('图片', fileId, { min: 0, max: ANNOUNCEMENT_MAX_IMAGES, unique: true }).default([]),
  /** Absent: from the moment it is published. */
  publishAt: instant('发布时间').optional(),
  /** Absent: it stays up until withdrawn. */
  expireAt: instant('截止时间').optional(),
  pinned: bool('是否置顶').default(false),
}).superRefine((cmd, ctx) => {
  if (cmd.expireAt !== undefined && cmd.publishAt !== undefined && cmd.expireAt <= cmd.publishAt) {
    ctx.addIssue({ code: 'custom', path: ['expireAt'], message: '截止时间应晚于发布时间' });
  }
});
export type AnnouncementSaveCommand = z.output<typeof announcementSaveSchema>;

export const announcementPublishSchema = command({ ...announcementRef });
export type AnnouncementPublishCommand = z.output<typeof announcementPublishSchema>;

export const announcementWithdrawSchema = command({
  ...announcementRef,
  reason: text('撤回原因', { max: 200, multiline: true }),
});
export type AnnouncementWithdrawCommand = z.output<typeof announcementWithdrawSchema>;

/** community: what a resident reads (published, in its window, on their branch); unit: a worker's units'. */
export const ANNOUNCEMENT_LIST_VIEWS = ['community', 'unit'] as const;

export const announcementListSchema = query({
  view: oneOf('列表类型', ANNOUNCEMENT_LIST_VIEWS).default('community'),
  /** The workers' view: one status only. */
  status: oneOf('状态', ANNOUNCEMENT_STATUSES).optional(),
  ...paging,
});
export type AnnouncementListQuery = z.output<typeof announcementListSchema>;

export const announcementDetailSchema = query({ ...announcementRef });
export type AnnouncementDetailQuery = z.output<typeof announcementDetailSchema>;
