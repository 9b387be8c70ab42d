/**
 * Failures as the user reads them. Functions reply with a stable code and a Chinese message ready to show;
 * transport failures and the few codes whose message is not for end users get a message here.
 */
import { CallError } from './cloud-api';

const MESSAGES: Readonly<Record<string, string>> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后重试',
  UNAUTHENTICATED: '登录状态已失效，请重新进入小程序',
  PERMISSION_DENIED: '您没有权限进行此操作',
  OUT_OF_SCOPE: '该内容不在您的服务范围内',
  UNKNOWN_COMMAND: '当前小程序版本过旧，请更新后重试',
  IDEMPOTENCY_KEY_REUSED: '请求已过期，请刷新页面后重试',
};

const GENERIC = '操作失败，请稍后重试';
const BUSY = '网络繁忙，请稍后重试';
const HAS_CHINESE = /[\u4e00-\u9fa5]/;

export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The call may have reached the function (no reply came back): a retry must reuse its request id. */
    readonly transport: boolean = false,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** The message to show for a code, preferring the function's own Chinese message. */
export function userMessage(code: string, message?: string): string {
  if (message !== undefined && HAS_CHINESE.test(message)) return message;
  if (code in MESSAGES) return MESSAGES[code]!;
  if (code.startsWith('CLOUD_') || code.startsWith('HTTP_')) return BUSY;
  return GENERIC;
}

/** Any failure from a service call, as a ServiceError with a message fit to show. */
export function toServiceError(e: unknown): ServiceError {
  if (e instanceof ServiceError) return e;
  if (e instanceof CallError) return new ServiceError(e.code, userMessage(e.code, e.message), true);
  return new ServiceError('CLIENT_ERROR', GENERIC);
}

/** What to show for any failure. */
export function messageOf(e: unknown): string {
  return toServiceError(e).message;
}
