/**
 * The core's PersonalDataCipher port on node:crypto (decision 0012). Three suites:
 *
 * | PII_CIPHER | values | blind index | key from the master key |
 * |---|---|---|---|
 * | `aes-256-gcm` (default) | AES-256-GCM, 96-bit random IV, 128-bit tag | HMAC-SHA256 | HKDF-SHA256 |
 * | `sm4-gcm` | SM4-GCM (GB/T 32907), where OpenSSL has it | HMAC-SM3 | HKDF-SM3 |
 * | `sm4-cbc-hmac-sm3` | SM4-CBC, random IV, then HMAC-SM3 over everything (encrypt-then-MAC) | HMAC-SM3 | HKDF-SM3 |
 *
 * A sealed value is one line of text, `pii1:<suite>:<key id>:<iv>:<ciphertext>:<tag>` (base64url), so it
 * fits the string fields it replaces and says how to open it: old suites and old keys keep opening while
 * new values use the configured ones. The field it belongs to (`users.phone`) is authenticated with it
 * (GCM additional data, or inside the HMAC), so a value copied into another field does not open. A blind
 * index is `pii1h:<mac>:<key id>:<hmac>` of the field name and the value.
 *
 * A suite the runtime's OpenSSL lacks (`crypto.getCiphers()` / `getHashes()`) is refused when the cipher is
 * made, with a message naming what is available: the function does not start rather than store data
 * it could not later open.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  getCiphers,
  getHashes,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { PersonalDataCipher } from '../core/kernel/personal-data.port';

export const CIPHER_SUITES = ['aes-256-gcm', 'sm4-gcm', 'sm4-cbc-hmac-sm3'] as const;
export type CipherSuite = (typeof CIPHER_SUITES)[number];
export const DEFAULT_CIPHER_SUITE: CipherSuite = 'aes-256-gcm';

/** What each suite needs from OpenSSL. */
const NEEDS: Readonly<Record<CipherSuite, { cipher: string; hash: string; keyBytes: number }>> = {
  'aes-256-gcm': { cipher: 'aes-256-gcm', hash: 'sha256', keyBytes: 32 },
  'sm4-gcm': { cipher: 'sm4-gcm', hash: 'sm3', keyBytes: 16 },
  'sm4-cbc-hmac-sm3': { cipher: 'sm4-cbc', hash: 'sm3', keyBytes: 16 },
};

const SEALED = 'pii1';
const INDEX = 'pii1h';
const SALT = 'weimin-hongsheng/personal-data';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A configuration the cipher cannot work with: the function refuses to start (decision 0012). */
export class PersonalDataConfigError extends Error {
  constructor(message: string) {
    super(`个人信息加密配置错误（personal data encryption）：${message}`);
    this.name = 'PersonalDataConfigError';
  }
}

/** The algorithms the runtime offers (injectable so tests can take one away). */
export interface CryptoAvailability {
  readonly ciphers: readonly string[];
  readonly hashes: readonly string[];
}

export function runtimeAvailability(): CryptoAvailability {
  return { ciphers: getCiphers(), hashes: getHashes() };
}

/** The suites this runtime can use. */
export function availableSuites(available: CryptoAvailability = runtimeAvailability()): CipherSuite[] {
  return CIPHER_SUITES.filter(
    (s) => available.ciphers.includes(NEEDS[s].cipher) && available.hashes.includes(NEEDS[s].hash),
  );
}

export function isCipherSuite(name: string): name is CipherSuite {
  return (CIPHER_SUITES as readonly string[]).includes(name);
}

export interface KeyRing {
  /** Key id -> 32 bytes of master key material. */
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;
}

export interface CipherOptions {
  readonly suite: CipherSuite;
  readonly ring: KeyRing;
  readonly available?: CryptoAvailability;
}

interface DerivedKeys {
  readonly enc: Buffer;
  readonly mac: Buffer;
  readonly index: Buffer;
}

function derive(master: Buffer, suite: CipherSuite): DerivedKeys {
  const { hash, keyBytes } = NEEDS[suite];
  const part = (info: string, length: number) => Buffer.from(hkdfSync(hash, master, SALT, info, length));
  return {
    enc: part(`enc:${suite}`, keyBytes),
    mac: part(`mac:${suite}`, 32),
    index: part(`index:${hash}`, 32),
  };
}

const b64 = (b: Buffer): string => b.toString('base64url');
const unb64 = (s: string): Buffer => Buffer.from(s, 'base64url');

function checkRing(ring: KeyRing): void {
  if (ring.keys.size === 0) throw new PersonalDataConfigError('no key (PII_KEYS is empty)');
  for (const [id, key] of ring.keys) {
    if (!KEY_ID.test(id)) throw new PersonalDataConfigError(`key id "${id}" must be 1-32 of [A-Za-z0-9_-]`);
    if (key.length !== 32)
      throw new PersonalDataConfigError(`key "${id}" must be 32 bytes, got ${key.length}`);
  }
  if (!ring.keys.has(ring.currentKeyId)) {
    throw new PersonalDataConfigError(
      `the current key "${ring.currentKeyId}" (PII_KEY_ID) is not in PII_KEYS`,
    );
  }
}

/** Refuse a suite the runtime lacks, naming the ones it has. */
export function requireSuite(
  suite: CipherSuite,
  available: CryptoAvailability = runtimeAvailability(),
): void {
  if (availableSuites(available).includes(suite)) return;
  const { cipher, hash } = NEEDS[suite];
  throw new PersonalDataConfigError(
    `PII_CIPHER=${suite} needs ${cipher} and ${hash}, which this runtime's OpenSSL does not provide ` +
      `(available here: ${availableSuites(available).join(', ') || 'none'})`,
  );
}

/** The node:crypto PersonalDataCipher; throws PersonalDataConfigError for a suite or key ring it cannot use. */
export function createPersonalDataCipher(options: CipherOptions): PersonalDataCipher {
  const { suite, ring } = options;
  const available = options.available ?? runtimeAvailability();
  requireSuite(suite, available);
  checkRing(ring);
  const derived = new Map<string, DerivedKeys>();
  const keysFor = (keyId: string, s: CipherSuite): DerivedKeys => {
    const cacheKey = `${s}/${keyId}`;
    let keys = derived.get(cacheKey);
    if (keys === undefined) {
      const master = ring.keys.get(keyId);
      if (master === undefined) throw new Error(`personal data sealed with unknown key "${keyId}"`);
      requireSuite(s, available);
      keys = derive(master, s);
      derived.set(cacheKey, keys);
    }
    return keys;
  };
  const mac = NEEDS[suite].hash === 'sm3' ? 'hmac-sm3' : 'hmac-sha256';
  const indexUnder = (keyId: string, field: string, value: string): string => {
    const digest = createHmac(NEEDS[suite].hash, keysFor(keyId, suite).index)
      .update(`${field}\u0000${value}`)
      .digest();
    return `${INDEX}:${mac}:${keyId}:${b64(digest)}`;
  };

  return {
    currentKeyId: ring.currentKeyId,
    seal: (field, plaintext) =>
      sealWith(suite, ring.currentKeyId, keysFor(ring.currentKeyId, suite), field, plaintext),
    open(field, sealed) {
      const parts = parseSealed(sealed);
      if (parts === null) throw new Error(`${field}: not a sealed value`);
      return openWith(parts, keysFor(parts.keyId, parts.suite), field);
    },
    isSealed: (value) => parseSealed(value) !== null,
    isStale(value) {
      const sealed = parseSealed(value);
      if (sealed !== null) return sealed.keyId !== ring.currentKeyId || sealed.suite !== suite;
      const [tag, indexMac, keyId] = value.split(':');
      return tag !== INDEX || indexMac !== mac || keyId !== ring.currentKeyId;
    },
    blindIndex: (field, value) => indexUnder(ring.currentKeyId, field, value),
    blindIndexCandidates: (field, value) => [...ring.keys.keys()].map((id) => indexUnder(id, field, value)),
  };
}

interface SealedParts {
  readonly suite: CipherSuite;
  readonly keyId: string;
  readonly iv: Buffer;
  readonly body: Buffer;
  readonly tag: Buffer;
}

function parseSealed(value: string): SealedParts | null {
  const parts = value.split(':');
  if (parts.length !== 6 || parts[0] !== SEALED) return null;
  const [, suite, keyId, iv, body, tag] = parts as [string, string, string, string, string, string];
  if (!isCipherSuite(suite) || !KEY_ID.test(keyId)) return null;
  return { suite, keyId, iv: unb64(iv), body: unb64(body), tag: unb64(tag) };
}

/** What the tag authenticates besides the ciphertext: the format, suite, key and field. */
function header(suite: CipherSuite, keyId: string, field: string): Buffer {
  return Buffer.from(`${SEALED}:${suite}:${keyId}:${field}`, 'utf8');
}

function cbcMac(keys: DerivedKeys, head: Buffer, iv: Buffer, body: Buffer): Buffer {
  return createHmac('sm3', keys.mac).update(head).update(iv).update(body).digest();
}

function sealWith(
  suite: CipherSuite,
  keyId: string,
  keys: DerivedKeys,
  field: string,
  plaintext: string,
): string {
  const head = header(suite, keyId, field);
  const data = Buffer.from(plaintext, 'utf8');
  let iv: Buffer;
  let body: Buffer;
  let tag: Buffer;
  if (suite === 'sm4-cbc-hmac-sm3') {
    iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
    body = Buffer.concat([cipher.update(data), cipher.final()]);
    tag = cbcMac(keys, head, iv, body);
  } else {
    iv = randomBytes(12);
    const cipher = createCipheriv(NEEDS[suite].cipher as 'aes-256-gcm', keys.enc, iv, { authTagLength: 16 });
    cipher.setAAD(head);
    body = Buffer.concat([cipher.update(data), cipher.final()]);
    tag = cipher.getAuthTag();
  }
  return [SEALED, suite, keyId, b64(iv), b64(body), b64(tag)].join(':');
}

function openWith(parts: SealedParts, keys: DerivedKeys, field: string): string {
  const head = header(parts.suite, parts.keyId, field);
  if (parts.suite === 'sm4-cbc-hmac-sm3') {
    const expected = cbcMac(keys, head, parts.iv, parts.body);
    if (expected.length !== parts.tag.length || !timingSafeEqual(expected, parts.tag)) {
      throw new Error(`${field}: sealed value failed its integrity check`);
    }
    const decipher = createDecipheriv('sm4-cbc', keys.enc, parts.iv);
    return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
  }
  const decipher = createDecipheriv(NEEDS[parts.suite].cipher as 'aes-256-gcm', keys.enc, parts.iv, {
    authTagLength: 16,
  });
  decipher.setAAD(head);
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
}
