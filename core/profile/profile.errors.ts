/**
 * Stable error codes of the profile use cases (`profile.bind`, `profile.phone.set`). Never change an existing
 * one: the mini-program and the functions' tests read them. Codes from other modules also reach callers:
 * INVALID_INPUT (core/schemas: a missing consent, a malformed number), UNAUTHENTICATED / PERMISSION_DENIED
 * (core/auth), ORG_UNIT_NOT_FOUND (core/catalog), IDEMPOTENCY_KEY_REUSED (core/idempotency).
 */
import { domainErrorsOf } from '../kernel/errors';

export const PROFILE_ERRORS = {
  /** The unit exists but is a city, county or street: residents bind a grid (小区/网格) or a community. */
  ORG_UNIT_NOT_BINDABLE: '请选择您所在的小区（网格）或社区',
  /** WeChat gave no usable number for the phone-number button's code (invalid, expired, used, or failed). */
  PHONE_CODE_INVALID: '获取手机号失败，请手动填写手机号码',
  /** Content security refused the nickname. */
  NICKNAME_RISKY: '称呼含有不适宜的内容，请修改后再提交',
} as const;

export type ProfileErrorCode = keyof typeof PROFILE_ERRORS;

export const profileError = domainErrorsOf(PROFILE_ERRORS);
