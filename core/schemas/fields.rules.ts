/**
 * The rules and Chinese messages of command fields, without zod. `fields.schema.ts` builds the zod
 * schemas from them; the mini-program checks its forms with them through `core/client` (bundled without
 * zod, which would cost it about 470 KB). So a form and the function behind it refuse the same input with
 * the same words. Each check gives the verdict and the first message its zod field would give.
 * Lengths count UTF-16 code units: one per Chinese character, two per emoji.
 */

// Control characters (C0, DEL and C1) other than tab and line breaks have no place in user text.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** What a single-line field (a name, an address, a label) refuses besides: tabs and line breaks of any kind. */
export const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;

/** A mainland mobile number: 11 digits starting with 1. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** A mobile number or a landline with area code (e.g. 0775-1234567). */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** How the user supplies a value, for "请…X" messages: typed, picked from choices, uploaded... */
export type FieldVerb = '填写' | '选择' | '上传' | '提供';

export const fieldMessages = {
  missing: (label: string, verb: FieldVerb = '填写') => `请${verb}${label}`,
  wrongType: (label: string, kind: string) => `${label}必须是${kind}`,
  tooShort: (label: string, min: number) => (min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
  tooLong: (label: string, max: number) => `${label}不能超过 ${max} 个字`,
  controlChars: (label: string) => `${label}包含不允许的控制字符`,
  malformed: (label: string) => `${label}包含无法识别的字符，请删除后重新输入`,
  lineBreak: (label: string) => `${label}只能填写一行，不能包含换行或制表符`,
  tooSmall: (label: string, min: number) => `${label}不能小于 ${min}`,
  tooLarge: (label: string, max: number) => `${label}不能大于 ${max}`,
  notAnOption: (label: string) => `${label}不是有效的选项`,
  tooFew: (label: string, min: number, verb: FieldVerb = '填写') =>
    min === 1 ? `请至少${verb}一项${label}` : `${label}至少 ${min} 项`,
  tooMany: (label: string, max: number) => `${label}最多 ${max} 项`,
  mobilePhone: '请输入 11 位手机号码',
  contactPhone: '请输入手机号码或带区号的固定电话',
} as const;

/**
 * A UTF-16 surrogate without its partner: not a character at all (a cut emoji, a forged payload). Stored,
 * it breaks JSON encoders, WeChat's APIs and every later reader. A loop rather than a lookbehind regex,
 * which older phones' JavaScript engines lack (this file ships to the mini-program).
 */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/**
 * The first thing wrong with the characters of a text, as its message, or null: malformed (a lone
 * surrogate), a control character, or (single-line fields) a tab or line break.
 */
export function characterProblem(label: string, text: string, multiline: boolean): string | null {
  if (hasLoneSurrogate(text)) return fieldMessages.malformed(label);
  if (CONTROL_CHARS.test(text)) return fieldMessages.controlChars(label);
  if (!multiline && LINE_BREAKS.test(text)) return fieldMessages.lineBreak(label);
  return null;
}

/** "请填写X" when the value is missing (undefined or null), "X必须是…" when it has the wrong type. */
export function typeMessage(label: string, kind: string, input: unknown, verb: FieldVerb = '填写'): string {
  return input === undefined || input === null
    ? fieldMessages.missing(label, verb)
    : fieldMessages.wrongType(label, kind);
}

export interface TextLimits {
  readonly max: number;
  /** Minimum length after trimming; default 1 (required). */
  readonly min?: number;
  /**
   * A paragraph typed in a text area (a note, a reason, a rating): line breaks and tabs allowed. Absent: a
   * single line (a name, an address, a label), which refuses them. Every text refuses malformed characters.
   */
  readonly multiline?: boolean;
}

/** What an optional text takes besides its maximum length. */
export type OptionalTextOptions = Pick<TextLimits, 'multiline'>;

export type FieldCheck<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** The trimmed text `text(label, limits)` accepts, or its first message. */
export function checkText(label: string, limits: TextLimits, input: unknown): FieldCheck<string> {
  if (typeof input !== 'string') return refuse(typeMessage(label, '文字', input));
  const value = input.trim();
  const min = limits.min ?? 1;
  if (value.length < min) return refuse(fieldMessages.tooShort(label, min));
  if (value.length > limits.max) return refuse(fieldMessages.tooLong(label, limits.max));
  const problem = characterProblem(label, value, limits.multiline === true);
  if (problem !== null) return refuse(problem);
  return { ok: true, value };
}

/** `optionalText(label, max, options)`: absent gives ''. */
export function checkOptionalText(
  label: string,
  max: number,
  input: unknown,
  options: OptionalTextOptions = {},
): FieldCheck<string> {
  return input === undefined ? { ok: true, value: '' } : checkText(label, { max, min: 0, ...options }, input);
}

/** `int(label, min, max)`: a safe integer in [min, max]. */
export function checkInt(label: string, min: number, max: number, input: unknown): FieldCheck<number> {
  if (typeof input !== 'number' || !Number.isSafeInteger(input)) {
    return refuse(typeMessage(label, '整数', input));
  }
  if (input < min) return refuse(fieldMessages.tooSmall(label, min));
  if (input > max) return refuse(fieldMessages.tooLarge(label, max));
  return { ok: true, value: input };
}

/** `oneOf(label, values)`. */
export function checkOneOf<T extends string>(
  label: string,
  values: readonly T[],
  input: unknown,
): FieldCheck<T> {
  if (input === undefined) return refuse(fieldMessages.missing(label, '选择'));
  return (values as readonly unknown[]).includes(input)
    ? { ok: true, value: input as T }
    : refuse(fieldMessages.notAnOption(label));
}

export interface ListLimits {
  readonly min: number;
  readonly max: number;
  /** Reject repeated entries (compared as JSON). */
  readonly unique?: boolean;
  /** How the user supplies entries, for messages: picked from choices ('选择') or typed ('填写', default). */
  readonly verb?: '选择' | '填写';
}

/** The length rule of `list(label, item, limits)` (its entries are checked by their own rules). */
export function checkListLength(label: string, limits: ListLimits, length: number): FieldCheck<number> {
  if (length > limits.max) return refuse(fieldMessages.tooMany(label, limits.max));
  if (length < limits.min) return refuse(fieldMessages.tooFew(label, limits.min, limits.verb));
  return { ok: true, value: length };
}

/** `mobilePhone`: the trimmed number. */
export function checkMobilePhone(input: unknown): FieldCheck<string> {
  if (typeof input !== 'string') return refuse(typeMessage('手机号码', '文字', input));
  const value = input.trim();
  return MOBILE_PHONE_PATTERN.test(value) ? { ok: true, value } : refuse(fieldMessages.mobilePhone);
}
