/**
 * Stable error codes of the workers' console (docs/console.md "Codes"). Never change an existing one.
 * INVALID_INPUT (core/schemas), UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE (core/auth) and
 * RATE_LIMITED (core/kernel/rate-limit.ts, sign-in attempts) also reach the console.
 */
import { domainErrorsOf } from '../kernel/errors';

export const CONSOLE_ERRORS = {
  /** Unknown account or wrong password: one answer for both, so the answer never says which names exist. */
  SIGN_IN_FAILED: '账号或密码错误',
  ACCOUNT_LOCKED: '密码连续输错次数过多，账号已暂时锁定，请稍后再试',
  /** The one-time password of a new (or reset) account has run out: a higher-level worker issues another. */
  ONE_TIME_PASSWORD_EXPIRED: '初始密码已过期，请联系上级工作人员重新开设',
  /** The account's person no longer holds a role the console serves (grants withdrawn). */
  CONSOLE_ROLE_REQUIRED: '您当前没有可使用管理后台的角色，请联系上级工作人员',
  /** No session, or one that has ended (expired, signed out, revoked). */
  SESSION_REQUIRED: '请先登录管理后台',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  /** A write without the session's CSRF token (or with another one). */
  CSRF_TOKEN_INVALID: '页面已过期，请刷新页面后重试',
  /** Until the one-time password is changed, nothing else may be done. */
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码',
  CURRENT_PASSWORD_WRONG: '当前密码不正确',
  PASSWORD_REUSED: '新密码不能与当前密码相同',
  PASSWORD_TOO_WEAK: '新密码至少 10 位，须同时包含字母和数字，且不能包含账号名',
  ACCOUNT_NAME_TAKEN: '该账号名已被使用',
  ACCOUNT_EXISTS: '该人员已有管理后台账号',
  /** The person the account is for: unknown, or not someone the caller may make an account for. */
  ACCOUNT_PERSON_NOT_FOUND: '人员不存在或不在您的权限范围内',
  /** Accounts are made only for people strictly below the caller (a lower unit, or a worker of one's own). */
  ACCOUNT_NOT_BELOW: '只能为下级单位或本单位的工作人员开设账号',
  ACCOUNT_NOT_FOUND: '账号不存在或不在您的权限范围内',
  PROVIDER_NOT_FOUND: '服务机构不存在或不在您的管理范围内',
} as const;

export type ConsoleErrorCode = keyof typeof CONSOLE_ERRORS;

export const consoleError = domainErrorsOf(CONSOLE_ERRORS);
