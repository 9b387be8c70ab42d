/**
 * Stable error codes of the message centre. Never change an existing one. Another person's notice is
 * MESSAGE_NOT_FOUND, as one that does not exist (no hint that it does). INVALID_INPUT (core/schemas) and
 * UNAUTHENTICATED / PERMISSION_DENIED (core/auth) also reach callers.
 */
import { domainErrorsOf } from '../kernel/errors';

export const INBOX_ERRORS = {
  MESSAGE_NOT_FOUND: '消息不存在或已被删除',
} as const;

export const inboxError = domainErrorsOf(INBOX_ERRORS);
