/**
 * How the HTTP kit answers (function-kit/http-function.ts, function-kit/console-session.ts): a refusal's HTTP
 * status by its code, the JSON answers, a write's JSON body, the same-origin test. No SDK and no state: plain
 * functions of a request.
 */
import { isDomainError } from '../core/kernel/errors';
import { jsonResponse, type HttpAccessResponse, type HttpRequest } from './http-event';

/** HTTP status of a refusal's code. */
const STATUS: Readonly<Record<string, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  SESSION_REQUIRED: 401,
  SESSION_EXPIRED: 401,
  SIGN_IN_FAILED: 401,
  ONE_TIME_PASSWORD_EXPIRED: 401,
  PERMISSION_DENIED: 403,
  OUT_OF_SCOPE: 403,
  CSRF_TOKEN_INVALID: 403,
  ORIGIN_NOT_ALLOWED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CONSOLE_ROLE_REQUIRED: 403,
  ACCOUNT_NOT_BELOW: 403,
  STATION_INSPECTOR_LEVEL: 403,
  STATION_DEMONSTRATOR_LEVEL: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  FILE_TOO_LARGE: 413,
  CONTENT_TYPE_NOT_ALLOWED: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/**
 * Status of a code: the table; a record that is not found (or not the caller's to see) 403, like one out of
 * scope, so the answer never tells whether an id is real; a step the record's state or a replay does not
 * allow 409; any other refusal of the input 400.
 */
export function statusOf(code: string): number {
  const listed = STATUS[code];
  if (listed !== undefined) return listed;
  if (code.endsWith('_NOT_FOUND')) return 403;
  if (/_(ILLEGAL_TRANSITION|ACTOR_NOT_ALLOWED|EXISTS|TAKEN)$|^IDEMPOTENCY_/.test(code)) return 409;
  return 400;
}

export function refusal(code: string, message: string, data?: unknown, headers?: Record<string, string>) {
  return jsonResponse(statusOf(code), { code, message, ...(data === undefined ? {} : { data }) }, headers);
}

/** A thrown refusal or bug as its HTTP answer. */
export function answerError(e: unknown): HttpAccessResponse {
  if (isDomainError(e)) return refusal(e.code, e.message, e.details ? { details: e.details } : undefined);
  console.error('unexpected failure', e);
  return refusal('INTERNAL', '系统繁忙，请稍后重试');
}

/** A write's body: a JSON object (415 for another content type, 400 for malformed JSON). */
export function jsonBody(request: HttpRequest): HttpAccessResponse | Record<string, unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return refusal('CONTENT_TYPE_NOT_ALLOWED', '请求体须为 JSON（Content-Type: application/json）');
  }
  try {
    const body: unknown = request.body.length === 0 ? {} : JSON.parse(request.body);
    if (body !== null && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  return refusal('INVALID_INPUT', '请求体必须是 JSON 对象');
}

/** Whether an Origin header names the host the request was sent to (any scheme the service speaks). */
export function sameOrigin(origin: string, host: string | undefined): boolean {
  const m = /^https?:\/\/([^/]+)$/i.exec(origin);
  return host !== undefined && m !== null && m[1]!.toLowerCase() === host.toLowerCase();
}

export function isResponse(x: unknown): x is HttpAccessResponse {
  return typeof x === 'object' && x !== null && 'statusCode' in x && 'isBase64Encoded' in x;
}
