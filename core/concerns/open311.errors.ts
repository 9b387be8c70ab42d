/**
 * Stable error codes of the open-data endpoint (Open311 GeoReport v2 over published concerns, docs/open-data.md).
 * Never change an existing code: civic tools read them. The endpoint answers each as GeoReport's error list
 * `[{ "code": ..., "description": ... }]` with the HTTP status given here.
 *
 * GeoReport v2 says an error's `code` should in most cases be the HTTP status; ours is a stable upper-snake
 * code instead (the platform's rule for every refusal), and the HTTP status carries the number.
 */
import { DomainError } from '../kernel/errors';

interface Open311ErrorSpec {
  readonly status: number;
  readonly description: string;
}

export const OPEN311_ERRORS = {
  OPEN311_JURISDICTION_UNKNOWN: {
    status: 400,
    description: 'jurisdiction_id 不正确：本接口只提供玉林市的数据',
  },
  OPEN311_SERVICE_CODE_UNKNOWN: {
    status: 400,
    description:
      'service_code 不正确：可选 worry（忧心事）、wish（微心愿）、urgent（急难愁盼），多个用英文逗号分隔',
  },
  OPEN311_STATUS_UNKNOWN: {
    status: 400,
    description: 'status 不正确：可选 open（办理中）、closed（已办结），多个用英文逗号分隔',
  },
  OPEN311_DATE_INVALID: {
    status: 400,
    description:
      '日期格式不正确：请使用 W3C 格式的时间，如 2025-03-01T00:00:00+08:00 或 2025-03-01T00:00:00Z',
  },
  OPEN311_DATE_RANGE_INVALID: { status: 400, description: 'start_date 不能晚于 end_date' },
  OPEN311_DATE_RANGE_TOO_LONG: { status: 400, description: 'start_date 与 end_date 相隔不能超过 90 天' },
  OPEN311_PAGE_INVALID: {
    status: 400,
    description: '分页参数不正确：page 为 1 至 1000 的整数，page_size 为 1 至 1000 的整数',
  },
  OPEN311_REQUEST_ID_INVALID: {
    status: 400,
    description: 'service_request_id 不正确：编号由字母、数字、下划线或连字符组成，一次最多 100 个',
  },
  OPEN311_REQUEST_NOT_FOUND: { status: 404, description: '没有这条已公开的诉求' },
  OPEN311_NOT_FOUND: {
    status: 404,
    description:
      '没有这个地址：可用 /open311/v2/services.json、/open311/v2/requests.json、/open311/v2/requests/{编号}.json',
  },
  OPEN311_METHOD_NOT_ALLOWED: { status: 405, description: '开放数据接口只读，只接受 GET 请求' },
  RATE_LIMITED: { status: 429, description: '请求太频繁，请稍后再试' },
  INTERNAL: { status: 500, description: '系统繁忙，请稍后重试' },
} as const satisfies Readonly<Record<string, Open311ErrorSpec>>;

export type Open311ErrorCode = keyof typeof OPEN311_ERRORS;

/** One entry of GeoReport's error list. */
export interface Open311Error {
  readonly code: string;
  readonly description: string;
}

export function open311Error(code: Open311ErrorCode, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, OPEN311_ERRORS[code].description, details);
}

export function isOpen311ErrorCode(code: string): code is Open311ErrorCode {
  return Object.prototype.hasOwnProperty.call(OPEN311_ERRORS, code);
}

/** The HTTP status and GeoReport error list of a refusal's code (an unknown code is a bug: 500). */
export function open311Refusal(
  code: string,
  description?: string,
): { readonly status: number; readonly errors: readonly Open311Error[] } {
  const known = isOpen311ErrorCode(code) ? code : 'INTERNAL';
  const spec = OPEN311_ERRORS[known];
  return { status: spec.status, errors: [{ code: known, description: description ?? spec.description }] };
}
