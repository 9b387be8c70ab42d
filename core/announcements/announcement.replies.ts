/**
 * What the notices' commands answer (docs/announcements.md): written once here, type-only and free of zod;
 * core/client re-exports them to the mini-program.
 */
import type { AnnouncementKind, AnnouncementStatus } from '../model/announcement.model';

/** One notice in a list. */
export interface AnnouncementSummary {
  readonly announcementId: string;
  readonly kind: AnnouncementKind;
  /** 通知, 公示, 结果公布. */
  readonly kindLabel: string;
  readonly title: string;
  /** The first characters of the body, one line. */
  readonly excerpt: string;
  /** The publishing unit's name (e.g. 玉州区, 东门社区). */
  readonly unitName: string;
  readonly orgPath: string;
  readonly pinned: boolean;
  readonly status: AnnouncementStatus;
  readonly statusLabel: string;
  /** Null in a draft that goes out when published. */
  readonly publishAt: number | null;
  /** 'YYYY-MM-DD HH:mm' Asia/Shanghai, or '' while none. */
  readonly publishText: string;
  readonly expireAt: number | null;
  readonly expireText: string;
  readonly imageCount: number;
}

/** announcement.list: one page. */
export interface AnnouncementListResult {
  readonly items: readonly AnnouncementSummary[];
  /** How many there are in all (the console's pages). */
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
}

export interface AnnouncementImage {
  readonly fileId: string;
  /** A temporary https URL ('' where storage gave none; the mini-program can also show the fileId). */
  readonly url: string;
}

/** What the workers of the unit may do with it now (the console's buttons). */
export type AnnouncementAction = 'edit' | 'publish' | 'withdraw';

/** announcement.detail. */
export interface AnnouncementDetail extends AnnouncementSummary {
  readonly orgUnitId: string;
  readonly body: string;
  readonly images: readonly AnnouncementImage[];
  /** The workers' view only (empty or null for residents). */
  readonly actions: readonly AnnouncementAction[];
  readonly publishedAt: number | null;
  readonly withdrawnAt: number | null;
  readonly withdrawReason: string | null;
  /** The fields waiting for a person's review while held. */
  readonly heldTexts: readonly string[];
  /** Why the moderation queue sent it back to draft. */
  readonly reviewNote: string | null;
}

/** announcement.save, publish and withdraw. */
export interface AnnouncementWriteResult {
  readonly announcementId: string;
  readonly status: AnnouncementStatus;
  /** publish: ANNOUNCEMENT_HELD_FOR_REVIEW with its message when the text waits for a person's review. */
  readonly notice: { readonly code: string; readonly message: string } | null;
}
