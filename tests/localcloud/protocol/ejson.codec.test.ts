/**
 * What the local cloud stores is relaxed EJSON text; reading it back must give what relaxed EJSON gives,
 * whichever decoding path the text takes (plain JSON when nothing in it can be an EJSON wrapper), and the
 * document that was written wherever relaxed EJSON keeps it (not -0, nor a RegExp, which comes back as a
 * BSONRegExp: the same on both paths).
 */
import { EJSON } from 'bson';
import { decodeStored, encodeDoc } from '../../../localcloud/protocol/ejson.codec';

const ROUND_TRIP: Array<[string, Record<string, unknown>]> = [
  [
    'plain values, Chinese, nesting',
    { _id: 'a', 名称: '家电维修', n: 3, f: 86.5, ok: true, no: null, list: [1, 'x', { y: [2] }] },
  ],
  ['a date', { _id: 'b', at: new Date(Date.UTC(2026, 10, 29, 2)) }],
  ['integers beyond 32 bits', { _id: 'c', big: 2 ** 40, neg: -(2 ** 33) }],
  ['non-finite numbers', { _id: 'd', inf: Infinity, nan: NaN }],
  ['strings that look like EJSON', { _id: 'e', s: '$date', t: '{"$date":{"$numberLong":"1"}}', u: '"$oid"' }],
];
const SAME_AS_EJSON: Array<[string, Record<string, unknown>]> = [
  ...ROUND_TRIP,
  ['negative zero', { _id: 'g', z: -0 }],
  ['a regular expression', { _id: 'f', re: /^玉林/i }],
];

describe('stored documents', () => {
  it.each(SAME_AS_EJSON)('%s: read as relaxed EJSON reads them', (_label, doc) => {
    const text = encodeDoc(doc);
    expect(decodeStored(text)).toEqual(EJSON.parse(text, { relaxed: true }));
  });

  it.each(ROUND_TRIP)('%s: read back as written', (_label, doc) => {
    expect(decodeStored(encodeDoc(doc))).toEqual(doc);
  });
});
