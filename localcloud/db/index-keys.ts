/**
 * What an index stores for a document, and which index rows a query can be answered from.
 *
 * The index is only a pre-filter: it must return every document the query could match (a superset),
 * and the query engine (mingo) then decides exactly. That keeps MongoDB semantics in one place while
 * equality, `$in`, ranges and anchored-prefix regexes on declared fields avoid scanning the collection.
 */
import type { IndexSpec } from './index-catalog';

/** A value as SQLite stores it in an index column. Booleans and dates collapse onto numbers (superset). */
export type KeyValue = string | number | null;

export function encodeKey(v: unknown): KeyValue {
  if (v === undefined || v === null) return null;
  switch (typeof v) {
    case 'number':
      return Number.isNaN(v) ? null : v;
    case 'string':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    default:
      if (v instanceof Date) return v.getTime();
      return JSON.stringify(v);
  }
}

/** Values at a dotted path, descending into arrays like MongoDB's multikey indexes. */
export function valuesAtPath(value: unknown, parts: readonly string[], i = 0): unknown[] {
  if (i === parts.length) {
    if (Array.isArray(value)) return value.length > 0 ? value : [undefined];
    return [value];
  }
  if (Array.isArray(value)) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) return valuesAtPath(value[Number(part)], parts, i + 1);
    const found = value.flatMap((el) =>
      el !== null && typeof el === 'object' ? valuesAtPath(el, parts, i) : [],
    );
    // An array with no objects to descend into (`[]`, `[1, 2]`) still gives the document a (null) key:
    // without one it would vanish from a compound index and be missed by queries on the other fields.
    return found.length > 0 ? found : [undefined];
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return valuesAtPath((value as Record<string, unknown>)[parts[i]!], parts, i + 1);
  }
  return [undefined];
}

/** Every key tuple a document contributes to an index (several when a field is an array). */
export function indexTuples(doc: Record<string, unknown>, spec: IndexSpec): KeyValue[][] {
  return indexEntries(doc, spec).tuples;
}

/**
 * The key tuples, and the key columns where the document holds a boolean or a date: kept as numbers in the
 * index, they do not sort as numbers do (the store records those columns).
 */
export function indexEntries(
  doc: Record<string, unknown>,
  spec: IndexSpec,
): { tuples: KeyValue[][]; aliasColumns: number[] } {
  let tuples: KeyValue[][] = [[]];
  const aliasColumns: number[] = [];
  for (const [col, [field]] of spec.fields.entries()) {
    const raw = valuesAtPath(doc, field.split('.'));
    if (raw.some((v) => typeof v === 'boolean' || v instanceof Date)) aliasColumns.push(col);
    const values = [...new Set(raw.map(encodeKey))];
    const next: KeyValue[][] = [];
    for (const t of tuples) for (const v of values) next.push([...t, v]);
    tuples = next;
  }
  return { tuples, aliasColumns };
}

/**
 * A constraint on one field that an index column can serve. A range from `$gt`/`$lt`... may be met by
 * different elements of an array (MongoDB semantics: `{a: {$gt: 1, $lt: 5}}` matches `a: [0, 9]`); a range
 * from a `^prefix` regex (`oneValue`) must be met by a single value.
 */
export type FieldConstraint =
  | { kind: 'eq'; values: KeyValue[] }
  | {
      kind: 'range';
      type: 'number' | 'text';
      gt?: KeyValue;
      gte?: KeyValue;
      lt?: KeyValue;
      lte?: KeyValue;
      oneValue?: boolean;
    };

/** Extract per-field constraints from a (decoded) query that an index can use. */
export function extractConstraints(query: Record<string, unknown>): Map<string, FieldConstraint[]> {
  const out = new Map<string, FieldConstraint[]>();
  const add = (field: string, c: FieldConstraint) => {
    const list = out.get(field) ?? [];
    list.push(c);
    out.set(field, list);
  };
  const visit = (q: Record<string, unknown>) => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (isObject(sub)) visit(sub);
        continue;
      }
      if (field.startsWith('$')) continue;
      const c = constraintOf(cond);
      if (c) add(field, c);
      if (isOperatorObject(cond)) {
        for (const sub of fieldOperatorConstraints(cond)) add(field, sub);
      }
    }
  };
  visit(query);
  return out;
}

function constraintOf(cond: unknown): FieldConstraint | undefined {
  if (cond instanceof RegExp) return regexPrefix(cond.source, cond.flags);
  if (Array.isArray(cond)) return undefined;
  if (isOperatorObject(cond)) return undefined;
  if (isObject(cond)) return { kind: 'eq', values: [encodeKey(cond)] };
  return { kind: 'eq', values: [encodeKey(cond)] };
}

function fieldOperatorConstraints(ops: Record<string, unknown>): FieldConstraint[] {
  const out: FieldConstraint[] = [];
  const range: { type?: 'number' | 'text'; gt?: KeyValue; gte?: KeyValue; lt?: KeyValue; lte?: KeyValue } =
    {};
  let rangeUsable = true;
  for (const [op, v] of Object.entries(ops)) {
    switch (op) {
      case '$eq': {
        const c = constraintOf(v);
        if (c && !(v instanceof RegExp)) out.push(c);
        break;
      }
      case '$in':
        if (
          Array.isArray(v) &&
          v.every((x) => !Array.isArray(x) && !(x instanceof RegExp) && !isOperatorObject(x))
        ) {
          out.push({ kind: 'eq', values: v.map(encodeKey) });
        }
        break;
      case '$regex': {
        const options = typeof ops['$options'] === 'string' ? ops['$options'] : '';
        if (v instanceof RegExp) {
          const c = regexPrefix(v.source, v.flags + options);
          if (c) out.push(c);
        } else if (typeof v === 'string') {
          const c = regexPrefix(v, options);
          if (c) out.push(c);
        }
        break;
      }
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte': {
        const type =
          typeof v === 'string' ? 'text' : typeof v === 'number' || v instanceof Date ? 'number' : undefined;
        // The query engine compares strings by UTF-16 code unit, SQLite by code point: the two orders agree
        // against a bound only when the bound has no code unit from U+D800 up (surrogates, U+E000-U+FFFF).
        if (
          !type ||
          (range.type && range.type !== type) ||
          (type === 'text' && /[\uD800-\uFFFF]/.test(v as string))
        ) {
          rangeUsable = false;
          break;
        }
        range.type = type;
        range[op.slice(1) as 'gt' | 'gte' | 'lt' | 'lte'] = encodeKey(v);
        break;
      }
      default:
        break;
    }
  }
  if (rangeUsable && range.type) out.push({ kind: 'range', ...range, type: range.type });
  return out;
}

/** `^literal...` without the `i` flag is a range of strings sharing the literal prefix. */
function regexPrefix(source: string, flags: string): FieldConstraint | undefined {
  if (!source.startsWith('^') || flags.includes('i') || flags.includes('m')) return undefined;
  // `^ab|cd` also matches strings that merely contain `cd`: an alternation anywhere voids the prefix.
  if (hasAlternation(source)) return undefined;
  let prefix = '';
  for (let i = 1; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next !== undefined && /[\\^$.*+?()[\]{}|/-]/.test(next)) {
        prefix += next;
        i++;
        continue;
      }
      break;
    }
    if (/[.*+?()[\]{}|^$]/.test(ch)) {
      // A quantifier makes the previous character optional: drop it from the literal prefix.
      if (/[*?{]/.test(ch)) prefix = [...prefix].slice(0, -1).join('');
      break;
    }
    prefix += ch;
  }
  if (prefix === '') return undefined;
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  // No next code point after U+10FFFF, and none that is not a surrogate right after U+D7FF.
  if (last === 0x10ffff || (last >= 0xd7ff && last <= 0xdfff)) return undefined;
  const upper = chars.join('') + String.fromCodePoint(last + 1);
  return { kind: 'range', type: 'text', gte: prefix, lt: upper, oneValue: true };
}

/** Whether a regex source has a `|` outside escapes (conservatively, even inside a character class). */
function hasAlternation(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '|') return true;
  }
  return false;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return (
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp)
  );
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** How an index serves a query: the SQL condition over its key columns and its parameters. */
export interface IndexPlan {
  index: IndexSpec;
  where: string;
  params: KeyValue[];
  score: number;
}

/**
 * The best index for the constraints. `isMultikey(index)` says whether some document has several keys in
 * that index (an array field): then range bounds that may be met by different elements are not combined
 * (as MongoDB does on multikey indexes); only one bound serves as the pre-filter.
 */
export function planIndex(
  indexes: readonly IndexSpec[],
  constraints: Map<string, FieldConstraint[]>,
  isMultikey: (index: IndexSpec) => boolean = () => false,
): IndexPlan | undefined {
  let best: IndexPlan | undefined;
  for (const index of indexes) {
    const clauses: string[] = [];
    const params: KeyValue[] = [];
    let score = 0;
    for (let i = 0; i < index.fields.length; i++) {
      const list = constraints.get(index.fields[i]![0]) ?? [];
      const eq = list.find((c) => c.kind === 'eq');
      if (eq && eq.kind === 'eq') {
        clauses.push(eqClause(`k${i}`, eq.values, params));
        score += 2;
        continue;
      }
      let ranges = list.filter((c): c is RangeConstraint => c.kind === 'range');
      if (ranges.length > 0 && needsOneBound(ranges) && isMultikey(index)) ranges = [oneBound(ranges)];
      if (ranges.length > 0) {
        for (const r of ranges) clauses.push(rangeClause(`k${i}`, r, params));
        score += 1;
      }
      break;
    }
    if (score > 0 && (!best || score > best.score))
      best = { index, where: clauses.join(' AND '), params, score };
  }
  return best;
}

type RangeConstraint = Extract<FieldConstraint, { kind: 'range' }>;

const boundCount = (r: RangeConstraint) =>
  [r.gt, r.gte, r.lt, r.lte].filter((v) => v !== undefined && v !== null).length;

/** Whether the ranges have bounds that different array elements could meet. */
function needsOneBound(ranges: RangeConstraint[]): boolean {
  return ranges.length > 1 || (!ranges[0]!.oneValue && boundCount(ranges[0]!) > 1);
}

/** A single-value range if there is one (a prefix), else the first range's lower (or upper) bound alone. */
function oneBound(ranges: RangeConstraint[]): RangeConstraint {
  const prefix = ranges.find((r) => r.oneValue);
  if (prefix) return prefix;
  const r = ranges[0]!;
  const { type } = r;
  if (r.gt !== undefined && r.gt !== null) return { kind: 'range', type, gt: r.gt };
  if (r.gte !== undefined && r.gte !== null) return { kind: 'range', type, gte: r.gte };
  if (r.lt !== undefined && r.lt !== null) return { kind: 'range', type, lt: r.lt };
  return { kind: 'range', type, ...(r.lte !== undefined ? { lte: r.lte } : {}) };
}

function eqClause(col: string, values: KeyValue[], params: KeyValue[]): string {
  const nonNull = [...new Set(values.filter((v) => v !== null))];
  const parts: string[] = [];
  if (nonNull.length === 1) {
    parts.push(`${col} = ?`);
    params.push(nonNull[0]!);
  } else if (nonNull.length > 1) {
    parts.push(`${col} IN (${nonNull.map(() => '?').join(',')})`);
    params.push(...nonNull);
  }
  if (values.includes(null)) parts.push(`${col} IS NULL`);
  // `$in: []` matches nothing.
  if (parts.length === 0) return '0';
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

function rangeClause(
  col: string,
  r: Extract<FieldConstraint, { kind: 'range' }>,
  params: KeyValue[],
): string {
  const parts = [r.type === 'text' ? `typeof(${col}) = 'text'` : `typeof(${col}) IN ('integer','real')`];
  const ops: Array<[keyof typeof r, string]> = [
    ['gt', '>'],
    ['gte', '>='],
    ['lt', '<'],
    ['lte', '<='],
  ];
  for (const [key, sql] of ops) {
    const v = r[key];
    if (v !== undefined && v !== null && key !== 'kind' && key !== 'type') {
      parts.push(`${col} ${sql} ?`);
      params.push(v as KeyValue);
    }
  }
  return parts.join(' AND ');
}

/**
 * How an index serves a page sorted by one of its columns: one stream per combination of the equalities on
 * the columns before it, each already in the sort column's order inside the index, so the page is a merge of
 * the streams' heads instead of a sort of every candidate.
 */
export interface OrderedPlan {
  index: IndexSpec;
  /** The key column the page is sorted by. */
  column: number;
  /** Per stream: the equalities on the columns before `column`, as SQL over the key columns. */
  streams: Array<{ where: string; params: KeyValue[] }>;
}

/** More streams than this and the general path (read every candidate, sort) is taken instead. */
export const MAX_ORDERED_STREAMS = 64;

/**
 * The index to read a page sorted by `field` from: `field` is one of its columns and every column before it
 * has an equality (or `$in`) in the query. The one with the most such columns wins (the narrowest streams),
 * then the one with the fewest streams. Undefined when none qualifies or the query constrains no column.
 */
export function planOrdered(
  indexes: readonly IndexSpec[],
  constraints: Map<string, FieldConstraint[]>,
  field: string,
  isMultikey: (index: IndexSpec) => boolean = () => true,
  direction: 1 | -1 = -1,
): OrderedPlan | undefined {
  let best: OrderedPlan | undefined;
  for (const index of indexes) {
    const column = index.fields.findIndex(([name]) => name === field);
    if (column < 0 || (column === 0 && !constraints.has(field))) continue;
    const prefix = index.fields.slice(0, column).map(([name]) => equalityOf(constraints.get(name)));
    if (prefix.some((values) => values === undefined)) continue;
    let streams: Array<{ where: string[]; params: KeyValue[] }> = [{ where: [], params: [] }];
    for (const [i, values] of (prefix as KeyValue[][]).entries()) {
      streams = streams.flatMap((s) =>
        values.map((v) =>
          v === null
            ? { where: [...s.where, `k${i} IS NULL`], params: s.params }
            : { where: [...s.where, `k${i} = ?`], params: [...s.params, v] },
        ),
      );
      if (streams.length > MAX_ORDERED_STREAMS) break;
    }
    if (streams.length > MAX_ORDERED_STREAMS) continue;
    const bounds = sortKeyBounds(constraints.get(field), column, isMultikey(index), direction);
    const plan: OrderedPlan = {
      index,
      column,
      streams: streams.map((s) => {
        const where = [...s.where, ...bounds.where].join(' AND ') || '1';
        return { where, params: [...s.params, ...bounds.params] };
      }),
    };
    if (
      !best ||
      column > best.column ||
      (column === best.column && plan.streams.length < best.streams.length)
    ) {
      best = plan;
    }
  }
  return best;
}

/**
 * Numeric bounds on the sort field itself, read as a range of its key column, so a page starting far from the
 * top of the order (`reputation <= 80` sorted by reputation, `createdAt >= t` sorted newest first) seeks to
 * it instead of reading every key before it. On a multikey index only one bound serves (as in `planIndex`),
 * the one the page starts from: one bound may be met by one element of an array and the other by another,
 * which a single index row cannot tell; a document reached that way holds an array, which sends the page
 * down the general path anyway.
 */
function sortKeyBounds(
  list: FieldConstraint[] | undefined,
  column: number,
  multikey: boolean,
  direction: 1 | -1,
): { where: string[]; params: KeyValue[] } {
  const where: string[] = [];
  const params: KeyValue[] = [];
  let ranges = (list ?? []).filter((c): c is RangeConstraint => c.kind === 'range' && c.type === 'number');
  if (ranges.length > 0 && needsOneBound(ranges) && multikey) ranges = [startingBound(ranges, direction)];
  for (const r of ranges) where.push(rangeClause(`k${column}`, r, params));
  return { where, params };
}

/** The bound a page in `direction` starts from: the upper one going down, the lower one going up. */
function startingBound(ranges: RangeConstraint[], direction: 1 | -1): RangeConstraint {
  const has = (v: KeyValue | undefined) => v !== undefined && v !== null;
  for (const r of ranges) {
    const { type } = r;
    if (direction === -1 && has(r.lt)) return { kind: 'range', type, lt: r.lt! };
    if (direction === -1 && has(r.lte)) return { kind: 'range', type, lte: r.lte! };
    if (direction === 1 && has(r.gt)) return { kind: 'range', type, gt: r.gt! };
    if (direction === 1 && has(r.gte)) return { kind: 'range', type, gte: r.gte! };
  }
  return oneBound(ranges);
}

/** The distinct values of the first equality among a field's constraints (as `planIndex` uses it). */
function equalityOf(list: FieldConstraint[] | undefined): KeyValue[] | undefined {
  const eq = list?.find((c) => c.kind === 'eq');
  return eq?.kind === 'eq' ? [...new Set(eq.values)] : undefined;
}
