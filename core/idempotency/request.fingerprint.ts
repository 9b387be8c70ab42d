/**
 * A stable fingerprint of a command: its name plus its payload as canonical JSON (object keys sorted,
 * `undefined` dropped, the request id itself left out), hashed. Not cryptographic: it only has to tell two
 * requests of one user with one request id apart.
 */

/** JSON with object keys sorted at every level, so key order does not change the fingerprint. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify gives undefined for undefined and functions; treat them as null like arrays do.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${entries.join(',')}}`;
}

/** cyrb53: a fast 53-bit string hash with good spread (public domain, by bryc). */
export function cyrb53(input: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i += 1) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function requestFingerprint(command: string, payload: unknown): string {
  const withoutRequestId =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? Object.fromEntries(
          Object.entries(payload as Record<string, unknown>).filter(([k]) => k !== 'clientRequestId'),
        )
      : payload;
  const text = `${command}\n${canonicalJson(withoutRequestId)}`;
  return `${cyrb53(text, 1).toString(16)}-${cyrb53(text, 2).toString(16)}`;
}
