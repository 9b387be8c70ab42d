/**
 * The two identity checks every use case starts with: a person must have an identity (an OPENID from the
 * WeChat context, or a console session), and timer jobs must be the platform itself. Refusals are
 * DomainErrors because they end the use case (decision 0011).
 */
import { AUTH_ERROR_CODES } from '../auth/authorize';
import { SYSTEM_OPENID, type Actor } from '../auth/roles';
import { DomainError } from './errors';

export function requireIdentity(actor: Actor): void {
  if (typeof actor.openid !== 'string' || actor.openid.length === 0) {
    throw new DomainError(AUTH_ERROR_CODES.unauthenticated, '请先登录');
  }
}

/** Timer jobs act as the platform only (a person's stored `system` grant counts for nothing). */
export function requireSystemActor(actor: Actor): void {
  if (actor.openid !== SYSTEM_OPENID || !actor.grants.some((g) => g.role === 'system')) {
    throw new DomainError(AUTH_ERROR_CODES.permissionDenied, '只有平台定时任务可以执行此操作');
  }
}
