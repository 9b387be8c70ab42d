/**
 * Stable error codes of provider staff binding (invite codes). Never change an existing one: the mini-program
 * and the functions' tests read them. Codes from other modules also reach callers: INVALID_INPUT
 * (core/schemas), UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE (core/auth), IDEMPOTENCY_KEY_REUSED /
 * IDEMPOTENCY_CONFLICT (core/idempotency).
 */
import { domainErrorsOf } from '../kernel/errors';

export const PROVIDER_STAFF_ERRORS = {
  PROVIDER_NOT_FOUND: '服务机构不存在',
  /** Removed (blacklisted) or exited: it has no staff to add any more. */
  PROVIDER_CLOSED: '该服务机构已清退或已退出平台，不能再邀请或绑定人员',
  INVITE_NOT_FOUND: '邀请码不存在，请核对后重新输入',
  INVITE_EXPIRED: '邀请码已过期，请联系机构负责人重新生成',
  /** Used by someone else (each code binds one person, once). */
  INVITE_USED: '邀请码已被使用，请联系机构负责人重新生成',
  ALREADY_STAFF: '您已是该服务机构的人员，无需重复绑定',
  /** One WeChat user is staff of one provider at a time. */
  STAFF_OF_OTHER_PROVIDER: '您已绑定其他服务机构，一个微信号只能绑定一家服务机构',
} as const;

export type ProviderStaffErrorCode = keyof typeof PROVIDER_STAFF_ERRORS;

export const providerStaffError = domainErrorsOf(PROVIDER_STAFF_ERRORS);
