/**
 * The documents the benchmark reads: realistic in shape and size (Chinese text, a date, numbers, an array).
 */

/** A provider-like document for the point read; the canned server answers with one of these too. */
export function pointDoc(i: number): Record<string, unknown> {
  return {
    _id: `p-${String(i).padStart(8, '0')}`,
    name: `榆林家政服务 ${i}`,
    phone: `1390912${String(i % 10000).padStart(4, '0')}`,
    category: 'repair',
    community: '榆阳区 新建街道 红绳社区',
    tags: ['上门维修', '水电', '家电'],
    score: 4.5 + (i % 5) / 10,
    visits: i,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
  };
}

/** Documents sharing a key `k` come in groups of this size: an equality query returns this many. */
export const GROUP_SIZE = 5;

/**
 * Key of document j among `keys` keys: j mod keys, so a key's documents are spread over the whole table
 * (no help from locality) and every key has GROUP_SIZE documents.
 */
export function keyOf(j: number, keys: number): string {
  return `k-${j % keys}`;
}

export function queryDoc(j: number, k: string): Record<string, unknown> {
  return {
    k,
    seq: j,
    title: `求助工单 ${j}`,
    status: j % 3 === 0 ? 'open' : 'closed',
    address: '榆林市 榆阳区 新建街道',
    createdAt: new Date(Date.UTC(2025, 0, 1) + j * 1000),
  };
}
