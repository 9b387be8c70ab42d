/**
 * Stable error codes of moderation. Never change an existing one. An item outside the worker's unit is
 * MODERATION_ITEM_NOT_FOUND, as one that does not exist. INVALID_INPUT (core/schemas), UNAUTHENTICATED /
 * PERMISSION_DENIED (core/auth), MODERATION_ILLEGAL_TRANSITION (decided already) and
 * MODERATION_REASON_REQUIRED (a rejection without a reason, core/lifecycle) also reach callers.
 */
import { domainErrorsOf } from '../kernel/errors';

export const MODERATION_ERRORS = {
  MODERATION_ITEM_NOT_FOUND: '待审核内容不存在或不在您的管辖范围内',
} as const;

export const moderationError = domainErrorsOf(MODERATION_ERRORS);
