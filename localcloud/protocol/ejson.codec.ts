/**
 * Value encoding between the SDKs and the store (docs/wire-protocol.md section 2).
 *
 * Requests carry canonical EJSON strings; we decode them with the `bson` package's EJSON in relaxed mode so
 * numbers become plain JS numbers, then turn the CloudBase-only extensions into ordinary values:
 * `$tcb_server_date` becomes the server's now + offset, BSON regular expressions become JS RegExps (what the
 * query engine understands). Stored documents and replies are relaxed EJSON strings, which both SDKs decode.
 */
import { BSONRegExp, EJSON } from 'bson';
import { invalidParam } from './cloud-error';

export type Doc = Record<string, unknown>;

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

/** Parse one EJSON string from a request; `what` names the field in the error message. */
export function decodeEjson(text: unknown, what: string, now: () => number): unknown {
  if (typeof text !== 'string') throw invalidParam(`参数 ${what} 必须是 EJSON 字符串`);
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw invalidParam(`参数 ${what} 不是合法的 EJSON:${(e as Error).message}`);
  }
  return resolveExtensions(value, what, now);
}

export function decodeEjsonObject(text: unknown, what: string, now: () => number): Doc {
  const value = decodeEjson(text, what, now);
  if (!isPlainObject(value)) throw invalidParam(`参数 ${what} 必须是对象`);
  return value;
}

function resolveExtensions(value: unknown, what: string, now: () => number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalidParam(`参数 ${what} 含有无效的日期`);
    return value;
  }
  if (value instanceof BSONRegExp) {
    const flags = value.options.split('');
    if (!flags.every((f) => JS_REGEX_FLAGS.has(f))) {
      throw invalidParam(`参数 ${what} 的正则选项不受支持:${value.options}`);
    }
    try {
      return new RegExp(value.pattern, flags.join(''));
    } catch {
      throw invalidParam(`参数 ${what} 含有无效的正则表达式:${value.pattern}`);
    }
  }
  if (Array.isArray(value)) return value.map((v) => resolveExtensions(v, what, now));
  if (!isPlainObject(value)) return value;
  const serverDate = value['$tcb_server_date'];
  if (serverDate !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(serverDate) ? Number(serverDate['offset'] ?? 0) : 0;
    if (!Number.isFinite(offset)) throw invalidParam(`参数 ${what} 的 serverDate offset 无效`);
    return new Date(now() + offset);
  }
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = resolveExtensions(v, what, now);
  return out;
}

/** Relaxed EJSON text of a document: what we store and what we send back in `list` / `doc`. */
export function encodeDoc(doc: unknown): string {
  return EJSON.stringify(doc, { relaxed: true });
}

/**
 * The stored text back into a document. Text without any `"$` (no EJSON wrapper such as `$date` or
 * `$numberLong` can be in it: field names never start with `$`, and a string value holding `"$` also takes
 * the EJSON path) is plain JSON, which relaxed EJSON reads exactly as JSON.parse does, only slower.
 */
export function decodeStored(text: string): Doc {
  if (!text.includes('"$')) return JSON.parse(text) as Doc;
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
