/**
 * Field builders for command schemas: every string and list gets limits and Chinese messages in one
 * place. Pure zod (no Node API), so the mini-program can validate forms with the very same schemas.
 * Lengths count UTF-16 code units: one per Chinese character, two per emoji.
 */
import { z } from 'zod';

type RawIssue = { readonly input?: unknown };

/** "请填写X" when the field is missing, "X必须是..." when it has the wrong type. */
function typeError(label: string, kind: string, verb = '填写'): (issue: RawIssue) => string {
  return (issue) =>
    issue.input === undefined || issue.input === null ? `请${verb}${label}` : `${label}必须是${kind}`;
}

// Control characters other than tab and line breaks have no place in user text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface TextLimits {
  readonly max: number;
  /** Minimum length after trimming; default 1 (required). */
  readonly min?: number;
}

/** A required, trimmed text of 1 (or `min`) to `max` characters. */
export function text(label: string, limits: TextLimits) {
  const min = limits.min ?? 1;
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(limits.max, { error: `${label}不能超过 ${limits.max} 个字` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: `${label}包含不允许的控制字符` });
}

/** An optional trimmed text up to `max` characters; absent gives ''. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: `${label}包含不允许的控制字符` })
    .default('');
}

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** A record id (database `_id`): 1-64 letters, digits, '_' or '-'. */
export function id(label: string) {
  return z
    .string({ error: typeError(label, '文字', '选择') })
    .min(1, { error: `请选择${label}` })
    .max(64, { error: `${label}编号过长` })
    .regex(ID_PATTERN, { error: `${label}编号格式不正确` });
}

/** The client's idempotency key: every writing command carries one (8-64 letters, digits, '_' or '-'). */
export const clientRequestId = z
  .string({ error: typeError('请求编号', '文字', '提供') })
  .min(8, { error: '请求编号应为 8 到 64 个字符' })
  .max(64, { error: '请求编号应为 8 到 64 个字符' })
  .regex(ID_PATTERN, { error: '请求编号只能包含字母、数字、下划线和短横线' });

/** An integer in [min, max]. */
export function int(label: string, min: number, max: number) {
  return z
    .int({ error: typeError(label, '整数') })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(max, { error: `${label}不能大于 ${max}` });
}

export function bool(label: string) {
  return z.boolean({
    error: (issue: RawIssue) =>
      issue.input === undefined || issue.input === null ? `请选择${label}` : `${label}只能选择是或否`,
  });
}

/** One of `values`. */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, {
    error: (issue: RawIssue) => (issue.input === undefined ? `请选择${label}` : `${label}不是有效的选项`),
  });
}

export interface ListLimits {
  readonly min: number;
  readonly max: number;
  /** Reject repeated entries (compared as JSON). */
  readonly unique?: boolean;
  /** How the user supplies entries, for messages: picked from choices ('选择') or typed ('填写', default). */
  readonly verb?: '选择' | '填写';
}

/** A list of `min`..`max` entries. */
export function list<T extends z.ZodType>(label: string, item: T, limits: ListLimits) {
  const verb = limits.verb ?? '填写';
  const base = z
    .array(item, { error: typeError(label, '列表', verb) })
    .min(limits.min, {
      error: limits.min === 1 ? `请至少${verb}一项${label}` : `${label}至少 ${limits.min} 项`,
    })
    .max(limits.max, { error: `${label}最多 ${limits.max} 项` });
  if (limits.unique !== true) return base;
  return base.refine((entries) => new Set(entries.map((e) => JSON.stringify(e))).size === entries.length, {
    error: `${label}不能重复`,
  });
}

/** A mainland mobile number, 11 digits starting with 1. */
export const mobilePhone = z
  .string({ error: typeError('手机号码', '文字') })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '请输入 11 位手机号码' });

/** A mobile number or a landline with area code (e.g. 0775-1234567). */
export const contactPhone = z
  .string({ error: typeError('联系电话', '文字') })
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: '请输入手机号码或带区号的固定电话' });

/** A cloud storage file id (uploaded image or document). */
export const fileId = z
  .string({ error: typeError('文件', '文字', '上传') })
  .min(1, { error: '请上传文件' })
  .max(256, { error: '文件编号过长' });

export function images(max: number) {
  return list('图片', fileId, { min: 0, max }).default([]);
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date 'YYYY-MM-DD' (Asia/Shanghai calendar day, as typed by the user). */
export function calendarDate(label: string) {
  return z
    .string({ error: typeError(label, '日期', '选择') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` })
    .refine(isRealDate, { error: `${label}不是有效的日期` });
}

/** A moment as milliseconds since the epoch (from a date-time picker), between 2020 and 2100. */
export function instant(label: string) {
  return z
    .int({ error: typeError(label, '时间', '选择') })
    .min(1_577_836_800_000, { error: `${label}不是有效的时间` })
    .max(4_102_444_800_000, { error: `${label}不是有效的时间` });
}

/** Money in fen (分), an integer: no float rounding on prices. Up to 1,000,000 yuan. */
export function fen(label: string) {
  return int(label, 0, 100_000_000);
}

/** Paging of every list query. */
export const paging = {
  page: int('页码', 1, 10_000).default(1),
  pageSize: int('每页条数', 1, 50).default(20),
};

const objectError = (issue: RawIssue): string =>
  issue.input === undefined || issue.input === null ? '缺少请求内容' : '请求内容格式不正确';

/**
 * A writing command: the shape plus `clientRequestId`. Unknown keys are dropped, not rejected (WeChat
 * adds `userInfo` to every cloud function event; identity is never read from the event anyway).
 */
export function command<S extends z.ZodRawShape>(shape: S) {
  return z.object({ clientRequestId, ...shape }, { error: objectError });
}

/** A read-only query (no side effects, so no request id). */
export function query<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape, { error: objectError });
}
