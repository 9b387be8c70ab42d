/**
 * Notices (信息发布, docs/announcements.md): what a worker or leader of a unit publishes to that unit and every
 * unit below it: a 通知, a 公示 or a 结果公布, with text, up to nine images and a publish window. A draft is
 * seen by the unit's workers only; published, it is read by the residents of every community on its branch
 * while `publishAt <= now < visibleUntil`; withdrawn (with a reason), by nobody but the workers again.
 * A text WeChat's content check asks a person to look at keeps it `held` until a worker of the unit decides
 * in the moderation queue (decision 0051).
 */
import type { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_STATUSES } from '../schemas/announcement.fields';
import type { HeldTextKind } from './moderation.model';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

export const ANNOUNCEMENT_KIND_LABELS: Readonly<Record<AnnouncementKind, string>> = {
  notice: '通知',
  publicity: '公示',
  result: '结果公布',
};

/** draft -> published -> withdrawn; draft -> held -> published (approved) or back to draft (rejected). */
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

export const ANNOUNCEMENT_STATUS_LABELS: Readonly<Record<AnnouncementStatus, string>> = {
  draft: '草稿',
  held: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
};

/**
 * `visibleUntil` of an announcement without an end (2100-01-01): the residents' query is one range on it, since
 * the database has no "absent or later" condition.
 */
export const ANNOUNCEMENT_NO_END: Millis = 4_102_444_800_000;

/**
 * `announcements`: one notice. `orgPath` is the publishing unit's path (visible to it and every unit below);
 * `unitName` the unit's name as it was when written. `publishAt` is null in a draft meant to go out when
 * published (it is set then); `expireAt` null means it stays up. `heldTexts` names the fields waiting in the
 * moderation queue while `held`; `reviewNote` keeps a rejection's reason on the draft it went back to.
 * `revision` counts the times it was held (each hold's moderation items are new ones).
 */
export interface Announcement extends BaseDocument, Located, Timestamps {
  readonly orgUnitId: string;
  readonly unitName: string;
  readonly kind: AnnouncementKind;
  readonly title: string;
  readonly body: string;
  /** Cloud storage file ids, in the order shown. */
  readonly images: readonly string[];
  readonly publishAt: Millis | null;
  readonly expireAt: Millis | null;
  /** `expireAt`, or ANNOUNCEMENT_NO_END. */
  readonly visibleUntil: Millis;
  readonly pinned: boolean;
  readonly status: AnnouncementStatus;
  readonly authorOpenid: string;
  readonly publishedAt: Millis | null;
  readonly publishedBy: string | null;
  readonly withdrawnAt: Millis | null;
  readonly withdrawnBy: string | null;
  readonly withdrawReason: string | null;
  readonly heldTexts: readonly HeldTextKind[];
  readonly reviewNote: string | null;
  readonly revision: number;
}
