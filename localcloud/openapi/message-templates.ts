/**
 * Subscribe-message templates (database/message-templates.json) and the value rules WeChat applies to
 * `subscribeMessage.send`. A template key's type is its name without the trailing number (`thing1` is a
 * `thing`, `character_string5` a `character_string`), as on WeChat. The limits follow WeChat's
 * documentation (sendMessage, "订阅消息参数值内容限制说明"):
 *
 * | type | limit |
 * |---|---|
 * | thing | 20 characters or fewer: Chinese, digits, letters or symbols |
 * | number | 32 characters or fewer: digits only, a decimal part allowed |
 * | letter | 32 letters or fewer |
 * | symbol | 5 symbols or fewer (a symbol is anything but Chinese, letters and digits; no control characters) |
 * | character_string | 32 characters or fewer: digits, letters or symbols |
 * | time | 24-hour time (HH:MM or HH:MM:SS), optionally after a date; a range joins two with "~" |
 * | date | a date (y年m月d日, y年m月, m月d日, or joined by - / .), optionally with a time; ranges with "~" |
 * | amount | one currency symbol + 10 digits or fewer, decimals allowed, may end with "元" |
 * | phone_number | 17 characters or fewer: digits and symbols |
 * | car_number | 8 characters or fewer: the first and last may be Chinese, the others letters or digits |
 * | name | 10 Chinese characters or fewer, or 20 letters/symbols or fewer (mixed counts as Chinese) |
 * | phrase | 5 Chinese characters or fewer |
 * | enum | one of the values the template declares |
 *
 * Characters are counted as Unicode code points. Decimals of `amount` are capped at two places, as a
 * currency amount has (WeChat only says "decimals allowed").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const DEFAULT_TEMPLATES_FILE = join(__dirname, '..', '..', 'database', 'message-templates.json');

export const VALUE_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
  'enum',
] as const;

export type ValueType = (typeof VALUE_TYPES)[number];

/** What each type accepts, in Chinese, for error hints and the outbox page. */
export const VALUE_TYPE_RULES: Record<ValueType, string> = {
  thing: '20 个以内字符(汉字、数字、字母或符号)',
  number: '32 位以内数字,可带小数',
  letter: '32 位以内字母',
  symbol: '5 位以内符号',
  character_string: '32 位以内数字、字母或符号',
  time: '24 小时制时间(HH:MM 或 HH:MM:SS,可带年月日),时间段用 ~ 连接',
  date: '年月日格式(可带 24 小时制时间),时间段用 ~ 连接',
  amount: '1 个币种符号 + 10 位以内数字,可带两位小数,结尾可带“元”',
  phone_number: '17 位以内数字或符号',
  car_number: '8 位以内,首尾可为汉字,其余为字母或数字',
  name: '10 个以内汉字,或 20 个以内字母或符号',
  phrase: '5 个以内汉字',
  enum: '模板声明的枚举值之一',
};

export interface TemplateKey {
  /** The key as sent in `data`, e.g. `thing1`. */
  key: string;
  type: ValueType;
  /** The field's Chinese name as shown in the message, e.g. 服务项目. */
  label: string;
  /** Allowed values of an `enum` key. */
  values?: string[];
}

export interface MessageTemplate {
  id: string;
  title: string;
  /** Who receives it (documentation only). */
  recipient?: string;
  keys: TemplateKey[];
}

export type TemplateCatalog = ReadonlyMap<string, MessageTemplate>;

const KEY_PATTERN = /^([a-z]+(?:_[a-z]+)*)(\d+)$/;

/** The value type of a template key (`thing1` -> `thing`); undefined when the prefix is not a type. */
export function typeOfKey(key: string): ValueType | undefined {
  const m = KEY_PATTERN.exec(key);
  const prefix = m?.[1];
  return prefix && (VALUE_TYPES as readonly string[]).includes(prefix) ? (prefix as ValueType) : undefined;
}

const keySpecSchema = z.union([
  z.string().min(1),
  z.object({ label: z.string().min(1), values: z.array(z.string().min(1)).min(1).optional() }),
]);

const fileSchema = z.object({
  templates: z.record(
    z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '模板 id 只能由字母、数字、_ 和 - 组成(1-64 个字符)'),
    z.object({
      title: z.string().min(1),
      recipient: z.string().optional(),
      keys: z.record(z.string(), keySpecSchema),
    }),
  ),
});

/** Parse and check a templates document; throws with a Chinese message naming the first problem. */
export function parseMessageTemplates(input: unknown, source = 'message-templates.json'): TemplateCatalog {
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source} 格式不正确:${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  const out = new Map<string, MessageTemplate>();
  for (const [id, t] of Object.entries(parsed.data.templates)) {
    const keys: TemplateKey[] = [];
    for (const [key, spec] of Object.entries(t.keys)) {
      const type = typeOfKey(key);
      if (!type) {
        throw new Error(
          `${source}:模板 ${id} 的参数 ${key} 不是合法的微信模板参数名(类型前缀 + 序号,例如 thing1、time3)`,
        );
      }
      const label = typeof spec === 'string' ? spec : spec.label;
      const values = typeof spec === 'string' ? undefined : spec.values;
      if (type === 'enum' && !values)
        throw new Error(`${source}:模板 ${id} 的枚举参数 ${key} 必须声明 values`);
      keys.push({ key, type, label, ...(values ? { values } : {}) });
    }
    if (keys.length === 0) throw new Error(`${source}:模板 ${id} 没有声明任何参数`);
    out.set(id, { id, title: t.title, ...(t.recipient ? { recipient: t.recipient } : {}), keys });
  }
  return out;
}

export function loadMessageTemplates(file = DEFAULT_TEMPLATES_FILE): TemplateCatalog {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`无法读取消息模板文件 ${file}:${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  return parseMessageTemplates(input, file);
}

// ---------- value rules ----------

const HAN = /\p{Script=Han}/u;
const SYMBOL = /[\p{P}\p{S}]/u;
const CONTROL = /\p{C}/u;
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;

function chars(v: string): string[] {
  return Array.from(v);
}

function all(v: string, test: (c: string) => boolean): boolean {
  return chars(v).every(test);
}

function validYmd(y: number | undefined, m: number | undefined, d: number | undefined): boolean {
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    if (d < 1 || d > 31) return false;
    if (m !== undefined) {
      // Days in that month; February has 29 when the year is unknown.
      const days = new Date(Date.UTC(y ?? 2000, m, 0)).getUTCDate();
      if (d > days) return false;
    }
  }
  return true;
}

const DATE_PATTERNS: Array<{ re: RegExp; parts: Array<'y' | 'm' | 'd' | 'sep'> }> = [
  { re: /^(\d{4})年(\d{1,2})月(\d{1,2})日/, parts: ['y', 'm', 'd'] },
  { re: /^(\d{4})年(\d{1,2})月/, parts: ['y', 'm'] },
  { re: /^(\d{1,2})月(\d{1,2})日/, parts: ['m', 'd'] },
  { re: /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/, parts: ['y', 'sep', 'm', 'd'] },
  { re: /^(\d{4})([-/.])(\d{1,2})/, parts: ['y', 'sep', 'm'] },
  { re: /^(\d{1,2})([-/.])(\d{1,2})/, parts: ['m', 'sep', 'd'] },
];

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validTime(s: string): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  return h <= 23 && min <= 59 && sec <= 59;
}

/** One point in time: an optional date followed by an optional time; at least one of them. */
function parsePoint(s: string): { date: boolean; time: boolean } | undefined {
  const text = s.trim();
  if (text === '') return undefined;
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const got: Partial<Record<'y' | 'm' | 'd', number>> = {};
    p.parts.forEach((part, i) => {
      if (part !== 'sep') got[part] = Number(m[i + 1]);
    });
    if (!validYmd(got.y, got.m, got.d)) return undefined;
    const rest = text.slice(m[0].length).trim();
    if (rest === '') return { date: true, time: false };
    return validTime(rest) ? { date: true, time: true } : undefined;
  }
  return validTime(text) ? { date: false, time: true } : undefined;
}

/** A time or date value: one point, or two joined by "~" (the second may be a bare time). */
function validTimeOrDate(v: string, kind: 'time' | 'date'): boolean {
  const sides = v.split(/[~～]/);
  if (sides.length > 2) return false;
  const points = sides.map(parsePoint);
  if (points.some((p) => p === undefined)) return false;
  const first = points[0]!;
  if (kind === 'time' ? !first.time : !first.date) return false;
  return true;
}

export type ValueCheck = 'ok' | 'empty' | 'invalid';

/** Check one `data.<key>.value` against its type's limit. */
export function checkValue(type: ValueType, value: string, enumValues?: readonly string[]): ValueCheck {
  if (value.trim() === '') return 'empty';
  if (CONTROL.test(value)) return 'invalid';
  const n = chars(value).length;
  let ok: boolean;
  switch (type) {
    case 'thing':
      ok = n <= 20;
      break;
    case 'number':
      ok = n <= 32 && /^\d+(\.\d+)?$/.test(value);
      break;
    case 'letter':
      ok = n <= 32 && /^[A-Za-z]+$/.test(value);
      break;
    case 'symbol':
      ok = n <= 5 && all(value, (c) => SYMBOL.test(c));
      break;
    case 'character_string':
      ok = n <= 32 && all(value, (c) => LETTER.test(c) || DIGIT.test(c) || SYMBOL.test(c));
      break;
    case 'time':
      ok = validTimeOrDate(value, 'time');
      break;
    case 'date':
      ok = validTimeOrDate(value, 'date');
      break;
    case 'amount':
      ok = /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value);
      break;
    case 'phone_number':
      ok = n <= 17 && all(value, (c) => DIGIT.test(c) || SYMBOL.test(c)) && DIGIT.test(value);
      break;
    case 'car_number': {
      const cs = chars(value);
      ok =
        n <= 8 &&
        cs.every((c, i) => /[A-Za-z0-9]/.test(c) || ((i === 0 || i === cs.length - 1) && HAN.test(c)));
      break;
    }
    case 'name': {
      const allowed = all(value, (c) => HAN.test(c) || LETTER.test(c) || SYMBOL.test(c) || c === ' ');
      const hasWord = HAN.test(value) || LETTER.test(value);
      ok = allowed && hasWord && n <= (HAN.test(value) ? 10 : 20);
      break;
    }
    case 'phrase':
      ok = n <= 5 && all(value, (c) => HAN.test(c));
      break;
    case 'enum':
      ok = (enumValues ?? []).includes(value);
      break;
  }
  return ok ? 'ok' : 'invalid';
}

export type SendDataCheck =
  { ok: true; data: Record<string, { value: string }> } | { ok: false; errmsg: string; hint: string };

/**
 * Check `data` of a send against the template: every declared key present with a valid value and no key the
 * template does not declare. The error text is WeChat's (`argument invalid! data.thing1.value invalid`);
 * `hint` says in Chinese what the rule is.
 */
export function checkSendData(template: MessageTemplate, data: unknown): SendDataCheck {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errmsg: 'argument invalid! data is empty', hint: 'data 必须是对象' };
  }
  const input = data as Record<string, unknown>;
  const out: Record<string, { value: string }> = {};
  for (const k of template.keys) {
    const entry = input[k.key];
    const raw =
      entry !== null && typeof entry === 'object' && !Array.isArray(entry)
        ? (entry as Record<string, unknown>)['value']
        : undefined;
    if (raw === undefined || raw === null || raw === '') {
      return {
        ok: false,
        errmsg: `argument invalid! data.${k.key}.value is empty`,
        hint: `模板「${template.title}」的参数 ${k.key}(${k.label})缺失或为空`,
      };
    }
    const value =
      typeof raw === 'string'
        ? raw
        : typeof raw === 'number' && Number.isFinite(raw)
          ? String(raw)
          : undefined;
    const check = value === undefined ? 'invalid' : checkValue(k.type, value, k.values);
    if (check !== 'ok') {
      return {
        ok: false,
        errmsg: `argument invalid! data.${k.key}.value ${check === 'empty' ? 'is empty' : 'invalid'}`,
        hint: `${k.key}(${k.label})应为${VALUE_TYPE_RULES[k.type]}${
          k.values ? `:${k.values.join('、')}` : ''
        },实际为 ${JSON.stringify(raw)}`,
      };
    }
    out[k.key] = { value: value! };
  }
  for (const key of Object.keys(input)) {
    if (!template.keys.some((k) => k.key === key)) {
      return {
        ok: false,
        errmsg: `argument invalid! data.${key} not exist in template`,
        hint: `模板「${template.title}」没有参数 ${key},它的参数是 ${template.keys.map((k) => k.key).join('、')}`,
      };
    }
  }
  return { ok: true, data: out };
}
