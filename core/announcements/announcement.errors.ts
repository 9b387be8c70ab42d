/**
 * Stable error codes of notices (信息发布, docs/announcements.md). Never change an existing one: the
 * mini-program, the console and the tests read them. Codes from other modules also reach callers:
 * INVALID_INPUT (core/schemas), UNAUTHENTICATED / PERMISSION_DENIED (core/auth), ANNOUNCEMENT_TITLE_RISKY /
 * ANNOUNCEMENT_BODY_RISKY (core/kernel/text-screening.ts), IDEMPOTENCY_KEY_REUSED, RATE_LIMITED.
 *
 * A notice the caller may not see (another branch's, a draft, one outside its window, a withdrawn one) is
 * ANNOUNCEMENT_NOT_FOUND, the same answer as for one that does not exist.
 */
import { domainErrorsOf } from '../kernel/errors';

export const ANNOUNCEMENT_ERRORS = {
  ANNOUNCEMENT_NOT_FOUND: '该信息不存在、已撤回或已过期',
  /** The caller has no community yet (a resident who has not bound one). */
  ANNOUNCEMENT_COMMUNITY_REQUIRED: '请先在“我的”中绑定所在小区（网格），再查看本社区的通知公告',
  /** The unit named does not exist or is not one the caller publishes for. */
  ANNOUNCEMENT_UNIT_NOT_FOUND: '所选发布单位不存在或不在您的管辖范围内',
  /** Only a draft is edited; a published notice is withdrawn and written again. */
  ANNOUNCEMENT_NOT_EDITABLE: '只有草稿可以修改，已发布的信息请撤回后重新发布',
  ANNOUNCEMENT_NOT_DRAFT: '只有草稿可以发布',
  ANNOUNCEMENT_NOT_PUBLISHED: '只有已发布的信息可以撤回',
  /** The window is over before it starts: nobody would ever see it. */
  ANNOUNCEMENT_ALREADY_EXPIRED: '截止时间已过，请修改截止时间后再发布',
  /**
   * Not a refusal: publish's answer (`notice`) when WeChat's content check asks a person to look first. The
   * notice waits in the moderation queue and goes out when a worker of the unit approves it.
   */
  ANNOUNCEMENT_HELD_FOR_REVIEW: '内容需人工审核，审核通过后自动发布',
} as const;

export type AnnouncementErrorCode = keyof typeof ANNOUNCEMENT_ERRORS;

export const announcementError = domainErrorsOf(ANNOUNCEMENT_ERRORS);
