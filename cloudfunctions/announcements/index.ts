/**
 * `announcements`: the residents' reads of notices (信息发布, docs/announcements.md): the published notices
 * of every unit on the path down to the caller's grid or community (pinned first, then the newest), and one
 * notice with its images' temporary URLs. Workers write, publish and withdraw in the console (admin-api's
 * announcements routes), through the same core use cases.
 */
import { announcementDetail, listAnnouncements } from '../../core/announcements/announcement-queries';
import { commandFunction } from '../../function-kit/command-function';
import { fileStore } from '../../function-kit/file-store';

export const main = commandFunction({
  'announcement.list': (ctx, command) => listAnnouncements({ ...ctx, command }),
  'announcement.detail': (ctx, command) => announcementDetail({ ...ctx, command, files: fileStore() }),
});
