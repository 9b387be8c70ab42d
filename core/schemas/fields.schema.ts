/**
 * Field builders for command schemas: every string and list gets limits and Chinese messages in one
 * place. Pure zod (no Node API). The rules and messages themselves live in `fields.rules.ts`, without zod,
 * so the mini-program checks its forms with them too (core/client).
 * Lengths count UTF-16 code units: one per Chinese character, two per emoji.
 */
import { z } from 'zod';
import {
  CONTACT_PHONE_PATTERN,
  MOBILE_PHONE_PATTERN,
  characterProblem,
  fieldMessages as m,
  hasLoneSurrogate,
  typeMessage,
  type FieldVerb,
  type ListLimits,
  type OptionalTextOptions,
  type TextLimits,
} from './fields.rules';

export type { ListLimits, OptionalTextOptions, TextLimits };

/** The character rule of every text (fields.rules.ts `characterProblem`), as a zod check. */
function wellFormed(label: string, multiline: boolean) {
  return (s: string, ctx: z.core.$RefinementCtx<string>) => {
    const problem = characterProblem(label, s, multiline);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: s });
  };
}

type RawIssue = { readonly input?: unknown };

/** "请填写X" when the field is missing, "X必须是..." when it has the wrong type. */
function typeError(label: string, kind: string, verb: FieldVerb = '填写'): (issue: RawIssue) => string {
  return (issue) => typeMessage(label, kind, issue.input, verb);
}

/**
 * A required, trimmed text of 1 (or `min`) to `max` characters: one line unless `multiline`, never a
 * malformed character (a lone surrogate) or a control character.
 */
export function text(label: string, limits: TextLimits) {
  const min = limits.min ?? 1;
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .min(min, { error: m.tooShort(label, min) })
    .max(limits.max, { error: m.tooLong(label, limits.max) })
    .superRefine(wellFormed(label, limits.multiline === true));
}

/** An optional trimmed text up to `max` characters (the same character rules); absent gives ''. */
export function optionalText(label: string, max: number, options: OptionalTextOptions = {}) {
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .max(max, { error: m.tooLong(label, max) })
    .superRefine(wellFormed(label, options.multiline === true))
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
    .min(min, { error: m.tooSmall(label, min) })
    .max(max, { error: m.tooLarge(label, max) });
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
    error: (issue: RawIssue) => (issue.input === undefined ? m.missing(label, '选择') : m.notAnOption(label)),
  });
}

/** A list of `min`..`max` entries. */
export function list<T extends z.ZodType>(label: string, item: T, limits: ListLimits) {
  const verb = limits.verb ?? '填写';
  const base = z
    .array(item, { error: typeError(label, '列表', verb) })
    .min(limits.min, { error: m.tooFew(label, limits.min, verb) })
    .max(limits.max, { error: m.tooMany(label, limits.max) });
  if (limits.unique !== true) return base;
  return base.refine((entries) => new Set(entries.map((e) => JSON.stringify(e))).size === entries.length, {
    error: `${label}不能重复`,
  });
}

/** A mainland mobile number, 11 digits starting with 1. */
export const mobilePhone = z
  .string({ error: typeError('手机号码', '文字') })
  .trim()
  .regex(MOBILE_PHONE_PATTERN, { error: m.mobilePhone });

/** A mobile number or a landline with area code (e.g. 0775-1234567). */
export const contactPhone = z
  .string({ error: typeError('联系电话', '文字') })
  .trim()
  .regex(CONTACT_PHONE_PATTERN, { error: m.contactPhone });

/** A cloud storage file id (uploaded image or document). */
export const fileId = z
  .string({ error: typeError('文件', '文字', '上传') })
  .min(1, { error: '请上传文件' })
  .max(256, { error: '文件编号过长' })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !hasLoneSurrogate(s) && !/[\u0000-\u001f\u007f]/.test(s), {
    error: m.malformed('文件编号'),
  });

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
