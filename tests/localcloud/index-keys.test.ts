/**
 * The index key encoder and query planner of the local cloud (localcloud/db/index-keys.ts), directly:
 * what a document stores in an index, which constraints a decoded query yields, and which SQL pre-filter
 * the planner builds. The pre-filter must always be a superset of what the query engine matches.
 */
import {
  encodeKey,
  extractConstraints,
  indexTuples,
  planIndex,
  valuesAtPath,
  type FieldConstraint,
} from '../../localcloud/db/index-keys';
import type { IndexSpec } from '../../localcloud/db/index-catalog';

const idx = (name: string, ...fields: Array<[string, 1 | -1]>): IndexSpec => ({ name, fields });
const constraints = (q: Record<string, unknown>) => Object.fromEntries(extractConstraints(q));

describe('encodeKey', () => {
  it('keeps strings and numbers, folds null / undefined / NaN to null', () => {
    expect(encodeKey('玉林')).toBe('玉林');
    expect(encodeKey(2 ** 40)).toBe(2 ** 40);
    expect(encodeKey(-1.5)).toBe(-1.5);
    expect(encodeKey(null)).toBeNull();
    expect(encodeKey(undefined)).toBeNull();
    expect(encodeKey(NaN)).toBeNull();
  });

  it('stores booleans and dates as numbers, other values as JSON text', () => {
    expect(encodeKey(true)).toBe(1);
    expect(encodeKey(false)).toBe(0);
    expect(encodeKey(new Date(1234))).toBe(1234);
    expect(encodeKey({ a: 1 })).toBe('{"a":1}');
    expect(encodeKey([1, 2])).toBe('[1,2]');
  });
});

describe('valuesAtPath and indexTuples', () => {
  it('descends nested objects and arrays like a multikey index', () => {
    const doc = { a: { b: 1 }, list: [{ k: 'x' }, { k: 'y' }, 5], tags: ['p', 'q'], empty: [] };
    expect(valuesAtPath(doc, ['a', 'b'])).toEqual([1]);
    expect(valuesAtPath(doc, ['list', 'k'])).toEqual(['x', 'y']);
    expect(valuesAtPath(doc, ['list', '1', 'k'])).toEqual(['y']);
    expect(valuesAtPath(doc, ['tags'])).toEqual(['p', 'q']);
    expect(valuesAtPath(doc, ['empty'])).toEqual([undefined]);
    expect(valuesAtPath(doc, ['missing', 'x'])).toEqual([undefined]);
    expect(valuesAtPath(doc, ['a', 'b', 'c'])).toEqual([undefined]);
    // An array with nothing to descend into still yields a (null) key.
    expect(valuesAtPath(doc, ['empty', 'x'])).toEqual([undefined]);
    expect(valuesAtPath(doc, ['tags', 'x'])).toEqual([undefined]);
  });

  it('gives one tuple per combination of values, without duplicates', () => {
    const spec = idx('c', ['tags', 1], ['n', -1]);
    expect(indexTuples({ tags: ['p', 'q', 'p'], n: 3 }, spec)).toEqual([
      ['p', 3],
      ['q', 3],
    ]);
    expect(indexTuples({}, spec)).toEqual([[null, null]]);
    expect(indexTuples({ g: 1, a: [] }, idx('g_a.b', ['g', 1], ['a.b', 1]))).toEqual([[1, null]]);
    expect(indexTuples({ tags: true, n: new Date(5) }, spec)).toEqual([[1, 5]]);
  });
});

describe('extractConstraints', () => {
  it('equality, $eq and $in', () => {
    expect(constraints({ a: 'x', b: { $eq: 2 }, c: { $in: ['p', null, 3] } })).toEqual({
      a: [{ kind: 'eq', values: ['x'] }],
      b: [{ kind: 'eq', values: [2] }],
      c: [{ kind: 'eq', values: ['p', null, 3] }],
    });
  });

  it('combines the bounds of one operator object into one range', () => {
    expect(constraints({ n: { $gt: 1, $lte: 5 } })).toEqual({
      n: [{ kind: 'range', type: 'number', gt: 1, lte: 5 }],
    });
    expect(constraints({ at: { $gte: new Date(10) } })).toEqual({
      at: [{ kind: 'range', type: 'number', gte: 10 }],
    });
  });

  it('descends $and but not $or / $nor, and ignores operators an index cannot serve', () => {
    expect(constraints({ $and: [{ a: 1 }, { a: { $lt: 3 } }], $or: [{ b: 1 }], $nor: [{ c: 1 }] })).toEqual({
      a: [
        { kind: 'eq', values: [1] },
        { kind: 'range', type: 'number', lt: 3 },
      ],
    });
    expect(
      constraints({
        a: { $ne: 1 },
        b: { $nin: [1] },
        c: { $exists: true },
        d: { $not: { $gt: 1 } },
        e: { $in: [/x/] },
        f: [1, 2],
        g: { $gt: 1, $lt: 'z' },
      }),
    ).toEqual({});
  });

  it('does not use text bounds the two string orders disagree on', () => {
    expect(constraints({ s: { $lt: '！' } })).toEqual({});
    expect(constraints({ s: { $gt: '🧧' } })).toEqual({});
    expect(constraints({ s: { $lt: '红' } })).toEqual({ s: [{ kind: 'range', type: 'text', lt: '红' }] });
  });

  it.each<[RegExp, FieldConstraint | undefined]>([
    [/^abc/, { kind: 'range', type: 'text', gte: 'abc', lt: 'abd', oneValue: true }],
    [/^北京/, { kind: 'range', type: 'text', gte: '北京', lt: '北亭', oneValue: true }],
    [/^\/玉林\//, { kind: 'range', type: 'text', gte: '/玉林/', lt: '/玉林0', oneValue: true }],
    [/^a\.b$/, { kind: 'range', type: 'text', gte: 'a.b', lt: 'a.c', oneValue: true }],
    [/^ab*c/, { kind: 'range', type: 'text', gte: 'a', lt: 'b', oneValue: true }],
    [/^ab+/, { kind: 'range', type: 'text', gte: 'ab', lt: 'ac', oneValue: true }],
    [/^ab\d/, { kind: 'range', type: 'text', gte: 'ab', lt: 'ac', oneValue: true }],
    [/^a\|b/, { kind: 'range', type: 'text', gte: 'a|b', lt: 'a|c', oneValue: true }],
    [/^a|b/, undefined],
    [/^(a|b)c/, undefined],
    [/^abc/i, undefined],
    [/^abc/m, undefined],
    [/abc/, undefined],
    [/^\d/, undefined],
    [/^.a/, undefined],
  ])('regex %s', (re, expected) => {
    expect(constraints({ s: re })).toEqual(expected ? { s: [expected] } : {});
  });

  it('reads $regex with $options the same way', () => {
    expect(constraints({ s: { $regex: '^ab', $options: '' } })).toEqual({
      s: [{ kind: 'range', type: 'text', gte: 'ab', lt: 'ac', oneValue: true }],
    });
    expect(constraints({ s: { $regex: '^ab', $options: 'i' } })).toEqual({});
  });
});

describe('planIndex', () => {
  const plan = (indexes: IndexSpec[], q: Record<string, unknown>, multikey: string[] = []) => {
    const p = planIndex(indexes, extractConstraints(q), (i) => multikey.includes(i.name));
    return p && { index: p.index.name, where: p.where, params: p.params };
  };

  it('serves equality, $in and null', () => {
    expect(plan([idx('a_1', ['a', 1])], { a: 'x' })).toEqual({
      index: 'a_1',
      where: 'k0 = ?',
      params: ['x'],
    });
    expect(plan([idx('a_1', ['a', 1])], { a: { $in: [1, 2, null] } })).toEqual({
      index: 'a_1',
      where: '(k0 IN (?,?) OR k0 IS NULL)',
      params: [1, 2],
    });
    expect(plan([idx('a_1', ['a', 1])], { a: null })).toEqual({
      index: 'a_1',
      where: 'k0 IS NULL',
      params: [],
    });
  });

  it('answers $in: [] with nothing (and valid SQL)', () => {
    expect(plan([idx('a_1', ['a', 1])], { a: { $in: [] } })).toEqual({
      index: 'a_1',
      where: '0',
      params: [],
    });
  });

  it('uses both bounds of a range on a single-key index', () => {
    expect(plan([idx('n_1', ['n', 1])], { n: { $gte: 3, $lt: 9 } })).toEqual({
      index: 'n_1',
      where: "typeof(k0) IN ('integer','real') AND k0 >= ? AND k0 < ?",
      params: [3, 9],
    });
  });

  it('uses only one bound of a range on a multikey index', () => {
    expect(plan([idx('n_1', ['n', 1])], { n: { $gte: 3, $lt: 9 } }, ['n_1'])).toEqual({
      index: 'n_1',
      where: "typeof(k0) IN ('integer','real') AND k0 >= ?",
      params: [3],
    });
    expect(plan([idx('n_1', ['n', 1])], { $and: [{ n: { $lt: 9 } }, { n: { $gt: 1 } }] }, ['n_1'])).toEqual({
      index: 'n_1',
      where: "typeof(k0) IN ('integer','real') AND k0 < ?",
      params: [9],
    });
    // A prefix must hold on one value: it keeps both bounds.
    expect(plan([idx('s_1', ['s', 1])], { s: /^ab/ }, ['s_1'])).toEqual({
      index: 's_1',
      where: "typeof(k0) = 'text' AND k0 >= ? AND k0 < ?",
      params: ['ab', 'ac'],
    });
  });

  it('prefers the index that serves more leading fields', () => {
    const indexes = [idx('a_1', ['a', 1]), idx('a_1_b_1', ['a', 1], ['b', 1]), idx('c_1', ['c', 1])];
    expect(plan(indexes, { a: 1, b: 2 })?.index).toBe('a_1_b_1');
    expect(plan(indexes, { a: 1, b: { $gt: 2 } })).toEqual({
      index: 'a_1_b_1',
      where: "k0 = ? AND typeof(k1) IN ('integer','real') AND k1 > ?",
      params: [1, 2],
    });
    expect(plan(indexes, { b: 2 })).toBeUndefined();
    expect(plan(indexes, { c: { $ne: 1 } })).toBeUndefined();
  });
});
