/** Standard Base64 (RFC 4648, with padding) without Node's Buffer or the browser's atob: the core is pure. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * Whether the text is standard Base64: checked without a repeated regular-expression group, which would
 * overflow the engine's stack on the text of a large photo.
 */
export function isBase64(text: string): boolean {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) return false;
  const pad = text.indexOf('=');
  return pad === -1 || (pad >= text.length - 2 && text.slice(pad) === '='.repeat(text.length - pad));
}

/** How many bytes the (valid) Base64 text decodes to. */
export function decodedLength(text: string): number {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - pad;
}

/** The bytes of valid Base64 text (check it with `isBase64` first). */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(decodedLength(text));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = VALUE[text.charCodeAt(i)]!;
    const b = VALUE[text.charCodeAt(i + 1)]!;
    const c = VALUE[text.charCodeAt(i + 2)]!;
    const d = VALUE[text.charCodeAt(i + 3)]!;
    const n = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d);
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}
