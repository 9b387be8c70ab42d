/**
 * Stable error codes of a provider's status changes (suspend, reinstate, rectify). Never change an existing
 * one. PROVIDER_ILLEGAL_TRANSITION / PROVIDER_ACTOR_NOT_ALLOWED / PROVIDER_REASON_REQUIRED /
 * PROVIDER_RECTIFY_DEADLINE_INVALID (core/lifecycle), PERMISSION_DENIED / OUT_OF_SCOPE (core/auth) and
 * INVALID_INPUT also reach callers.
 */
import { domainErrorsOf } from '../kernel/errors';

export const PROVIDER_STATUS_ERRORS = {
  /** Removal (清退 with the blacklist and the report to the regulators) and exit come with governance. */
  PROVIDER_STATUS_CHANGE_NOT_AVAILABLE: '清退和退出平台需通过服务机构考核评价流程办理，暂不能在此直接操作',
} as const;

export const providerStatusError = domainErrorsOf(PROVIDER_STATUS_ERRORS);
